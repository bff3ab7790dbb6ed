import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onSettingsChange } from './page-settings.js';

/** Re-renders its element whenever the page settings or the page's token function change. */
export class SettingsController implements ReactiveController {
  #stop: (() => void) | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#stop = onSettingsChange(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#stop?.();
    this.#stop = undefined;
  }
}
