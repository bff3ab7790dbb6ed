// Typed wrapper around the touch plugin's command (test/support/touch-plugin.mjs).
import { executeServerCommand } from '@web/test-runner-commands';

export interface TouchDrag {
  /** Where the finger goes down, in CSS px of the viewport. */
  from: [number, number];
  /** Where it lifts. */
  to: [number, number];
  /** Moves between the two (default 10). */
  steps?: number;
  /** How long the finger rests before it moves, in ms (a long press; default 0). */
  holdMs?: number;
}

/**
 * Drags a finger across the page with puppeteer's touchscreen (real touch input: the page sees
 * `pointerType: 'touch'` pointer events and touch events). Resolves `false` where the browser
 * cannot emulate touch (Firefox): the test then skips, saying why.
 */
export async function touchDrag(drag: TouchDrag): Promise<boolean> {
  const answer = await executeServerCommand<{ supported: boolean }, TouchDrag>('kith-touch-drag', drag);
  return answer?.supported === true;
}
