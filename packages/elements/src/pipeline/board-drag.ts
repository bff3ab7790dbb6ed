// Dragging a card (part of the board's tools): a mouse drags the whole card, a finger or a pen its
// handle (the rest of the card scrolls the column). A press becomes a drag once it has moved a few
// pixels (a click opens the card); a ghost follows the pointer, the lifted card shows where it would
// drop, and near an edge the board or the column scrolls.
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { BoardTools } from './board-tools.js';

/** A pointer that went down on a card: a drag once it has moved a few pixels. */
interface Press {
  pointerId: number;
  x: number;
  y: number;
  id: string;
  stageId: string;
  index: number;
  started: boolean;
}

/** How far (px) a pointer moves before a press becomes a drag (a click opens the card). */
const SLOP = 4;
/** How close (px) to a scroller's edge a drag scrolls it. */
const EDGE = 40;

export class PointerDrag implements ReactiveController {
  readonly #board: BoardTools;
  #press: Press | undefined;
  /** A drag just ended: the click that follows it does not open the card. */
  #dragged = false;
  #ghost: { title: string; x: number; y: number } | undefined;

  constructor(board: BoardTools) {
    this.#board = board;
    board.host.addController(this);
  }

  hostDisconnected(): void {
    this.end();
  }

  hostUpdated(): void {
    const ghost = this.#board.host.renderRoot.querySelector<HTMLElement>('.ghost');
    if (ghost && this.#ghost) ghost.style.transform = `translate(${this.#ghost.x}px, ${this.#ghost.y}px)`;
  }

  /** Whether a pointer is down on a card (pressed or dragging). */
  get active(): boolean {
    return this.#press !== undefined;
  }

  /** A drag just ended: the click that follows it is not an "open". */
  consumeClick(): boolean {
    const dragged = this.#dragged;
    this.#dragged = false;
    return dragged;
  }

  /** What follows the pointer during a drag. */
  renderGhost(): TemplateResult | typeof nothing {
    return this.#ghost ? html`<div class="ghost" part="drag-ghost" aria-hidden="true">${this.#ghost.title}</div>` : nothing;
  }

  /** A press on a card's handle (any pointer) or on a card (a mouse) may become a drag. */
  pointerdown(event: PointerEvent): void {
    const target = event.target as Element;
    const cardEl = target.closest<HTMLElement>('.slot');
    if (!cardEl || event.button !== 0 || this.#board.lift || this.#press) return;
    if (!target.closest('.handle') && event.pointerType !== 'mouse') return;
    this.#press = {
      pointerId: event.pointerId, x: event.clientX, y: event.clientY, started: false,
      id: cardEl.dataset['key'] ?? '', stageId: cardEl.dataset['stage'] ?? '', index: Number(cardEl.dataset['index']),
    };
    addEventListener('pointermove', this.#onMove);
    addEventListener('pointerup', this.#onUp);
    addEventListener('pointercancel', this.#onCancel);
  }

  /** Stops following the pointer (the lifted card, if any, stays lifted). */
  end(): void {
    removeEventListener('pointermove', this.#onMove);
    removeEventListener('pointerup', this.#onUp);
    removeEventListener('pointercancel', this.#onCancel);
    this.#press = undefined;
    this.#ghost = undefined;
  }

  #onMove = (event: PointerEvent): void => {
    const board = this.#board;
    const host = board.host;
    const press = this.#press;
    if (!press || event.pointerId !== press.pointerId) return;
    const { clientX: x, clientY: y } = event;
    if (!press.started) {
      if (Math.hypot(x - press.x, y - press.y) < SLOP) return;
      if (!board.startLift(press.id, press.stageId, press.index)) return this.end();
      press.started = true;
      document.getSelection()?.removeAllRanges();
      try {
        host.setPointerCapture(press.pointerId);
      } catch {
        // the pointer is gone already
      }
    }
    event.preventDefault();
    const title = board.data.deals.find((deal) => deal.id === press.id)?.title ?? '';
    this.#ghost = { title, x: x + 8, y: y + 8 };
    this.#autoScroll(x, y);
    const lift = board.lift;
    const column = [...host.renderRoot.querySelectorAll<HTMLElement>('.column')].find((el) => {
      const rect = el.getBoundingClientRect();
      return x >= rect.left && x <= rect.right;
    });
    if (lift && column) {
      const stageId = column.dataset['stage'] ?? lift.stageId;
      // Each shown card's index in the column without the lifted card; the drop goes before the first card below the pointer.
      let index: number | undefined;
      let count = 0;
      for (const el of column.querySelectorAll<HTMLElement>('.slot')) {
        if (el.dataset['key'] === lift.id) continue;
        let i = Number(el.dataset['index']);
        if (stageId === lift.stageId && i > lift.index) i -= 1;
        count = Math.max(count, i + 1);
        const rect = el.getBoundingClientRect();
        if (index === undefined && y < rect.top + rect.height / 2) index = i;
      }
      const at = index ?? count;
      // Within a sorted column the card stays at its place in the sort: the drop will say why.
      if (stageId === lift.fromStage && board.filters.sortOf(stageId) !== 'rank' && at !== lift.index) board.reorderTried = true;
      lift.stageId = stageId;
      lift.index = at;
    }
    host.requestUpdate();
  };

  #onUp = (event: PointerEvent): void => {
    const press = this.#press;
    if (!press || event.pointerId !== press.pointerId) return;
    this.end();
    if (press.started) {
      this.#dragged = true;
      setTimeout(() => (this.#dragged = false), 0);
      void this.#board.drop();
    }
  };

  #onCancel = (event: PointerEvent): void => {
    const press = this.#press;
    if (press && event.pointerId === press.pointerId) {
      this.end();
      if (press.started) this.#board.cancel();
    }
  };

  /** Near an edge of the board or of a column, a drag scrolls it. */
  #autoScroll(x: number, y: number): void {
    const root = this.#board.host.renderRoot;
    for (const el of [root.querySelector<HTMLElement>('.board'), ...root.querySelectorAll<HTMLElement>('.scroller')]) {
      if (!el) continue;
      const rect = el.getBoundingClientRect();
      if (x < rect.left || x > rect.right || y < rect.top || y > rect.bottom) continue;
      const dx = x < rect.left + EDGE ? -16 : x > rect.right - EDGE ? 16 : 0;
      const dy = y < rect.top + EDGE ? -16 : y > rect.bottom - EDGE ? 16 : 0;
      if (el.classList.contains('board')) el.scrollLeft += dx;
      else el.scrollTop += dy;
    }
  }
}
