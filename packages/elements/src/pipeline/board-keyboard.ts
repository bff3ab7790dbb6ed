// Moving cards with the keyboard (part of the board's tools): Space or Enter on a card lifts it;
// while lifted, the arrow keys move it between columns and positions (each step said), Space or
// Enter drops it, Escape or focus leaving it cancels. With nothing lifted, the arrow keys move
// focus from card to card (or from title to title).
import type { BoardTools } from './board-tools.js';

const ARROWS: Record<string, readonly [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

export class KeyboardMove {
  readonly #board: BoardTools;

  constructor(board: BoardTools) {
    this.#board = board;
  }

  /** Keys on the board: Space/Enter on a card lifts it; while lifted, arrows move, Space/Enter drops, Escape cancels; arrows alone move focus between cards. */
  keydown(event: KeyboardEvent): void {
    const board = this.#board;
    const target = event.target as Element;
    const cardEl = target.closest<HTMLElement>('.slot');
    const step = ARROWS[event.key];
    if (board.lift) {
      if (step) this.#step(step[0], step[1]);
      else if (event.key === ' ' || event.key === 'Enter') void board.drop();
      else if (event.key === 'Escape') board.cancel();
      else return;
      event.preventDefault();
      return;
    }
    if (!cardEl) return;
    const id = cardEl.dataset['key'] ?? '';
    const stageId = cardEl.dataset['stage'] ?? '';
    const index = Number(cardEl.dataset['index']);
    const onCard = target.classList.contains('card');
    if ((event.key === ' ' || event.key === 'Enter') && onCard) {
      event.preventDefault();
      if (board.startLift(id, stageId, index)) board.sayPlace(board.localize.t.lifted);
    } else if (step) {
      event.preventDefault();
      const stages = board.data.stages;
      const column = stages.findIndex((stage) => stage.id === stageId) + step[0];
      const to = stages[column]?.id;
      const list = to ? board.columns.get(to) : undefined;
      if (!to || !list?.length) return;
      void board.focus(to, Math.max(0, Math.min(index + step[1], list.length - 1)), onCard ? '.card' : '.deal');
    }
  }

  /** Focus leaving the lifted card for something else (Tab, a click elsewhere) cancels a keyboard move. */
  focusout(event: FocusEvent): void {
    const board = this.#board;
    const lift = board.lift;
    const to = event.relatedTarget as Element | null;
    if (!lift || board.drag.active || !to || to.closest('.slot')?.getAttribute('data-key') === lift.id) return;
    board.cancel(false);
  }

  /** One step of the lifted card: a column left or right, or a position up or down (not within a sorted column). */
  #step(dx: number, dy: number): void {
    const board = this.#board;
    const lift = board.lift;
    if (!lift) return;
    const t = board.localize.t;
    const stages = board.data.stages;
    if (dx) {
      const to = stages[stages.findIndex((stage) => stage.id === lift.stageId) + dx];
      if (!to) return board.sayPlace(t.moved);
      lift.stageId = to.id;
    } else {
      const sort = board.filters.sortOf(lift.stageId);
      if (sort !== 'rank') {
        board.reorderTried = true;
        board.say(t.sortedAttempt(board.stageName(lift.stageId), t.sort[sort]));
        return;
      }
      lift.index = Math.max(0, lift.index + dy);
    }
    board.host.requestUpdate();
    void board.host.updateComplete.then(() => {
      board.sayPlace(t.moved);
      return board.focusLifted();
    });
  }
}
