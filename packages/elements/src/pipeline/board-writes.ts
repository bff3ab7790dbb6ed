// Moves sent through the outbox (part of the board's tools): the move is shown at once, goes out
// with the deal's version, and the board shows what became of it — the server's copy once it
// answers, the card back in place with the reason when refused, pending while it waits in the
// outbox (this page's moves and an earlier page's). Each answered move fires
// `kith-opportunity-move`.
import type { ReactiveController } from 'lit';
import { Opportunity, type MoveOpportunity, type Stage } from '@kith/schema';
import { KithError, type KithCore, type OutboxEntry, type OutboxEvent, type WriteResult } from '@kith/sdk/core';
import { moveOpportunity } from '@kith/sdk/resources/opportunities';
import type { KithOpportunityMoveEventDetail } from '../events/kith-opportunity-move.js';
import type { BoardTools } from './board-tools.js';
import { applyMoves, stillPending, withNewer, type Lift, type PendingMove } from './board.model.js';
import { columnsOf } from './pipeline.model.js';

/** A move sent while offline: what to say if it is refused later. */
interface Queued {
  card: Opportunity;
  fromStage: string;
  toStage: string;
  position: number;
}

const MOVE_KIND = 'opportunities.move';
const MOVE_PATH = /^\/v1\/opportunities\/([^/]+)\/move$/;

export class MoveWrites implements ReactiveController {
  /** Counts changes of the newer copies and the moves: the board arranges its columns again. */
  changes = 0;

  readonly #board: BoardTools;
  /** Newer copies of deals this page received (a sent move's answer), until the board catches up. */
  readonly #newer = new Map<string, Opportunity>();
  /** Moves this page made that the board has not caught up with (sent, sending or queued). */
  readonly #pending = new Map<string, PendingMove>();
  /** Moves in the outbox (this page's and earlier pages'), with the deals whose move waits there. */
  #outboxMoves: PendingMove[] = [];
  /** Ids of the deals being sent right now (not "pending" yet). */
  readonly #sending = new Set<string>();
  /** This page's queued moves, by outbox entry id. */
  readonly #queued = new Map<string, Queued>();
  #stopOutbox: (() => void) | undefined;
  #client: KithCore | undefined;

  constructor(board: BoardTools) {
    this.#board = board;
    board.host.addController(this);
  }

  hostUpdate(): void {
    // Moves waiting in the outbox of the board's client show as pending (an earlier page's too).
    const client = this.#board.host.boardClient();
    if (client === this.#client) return;
    this.#stopOutbox?.();
    this.#client = client;
    this.#stopOutbox = client?.outbox.subscribe(this.#onOutbox);
  }

  hostDisconnected(): void {
    this.#stopOutbox?.();
    this.#stopOutbox = undefined;
    this.#client = undefined;
  }

  /** The board's deals with the newer copies this page received in their place (a copy the board has caught up with is let go). */
  merged(deals: readonly Opportunity[]): readonly Opportunity[] {
    if (!this.#newer.size) return deals;
    for (const deal of deals) {
      const mine = this.#newer.get(deal.id);
      if (mine && deal.version >= mine.version) this.#newer.delete(deal.id);
    }
    return this.#newer.size ? withNewer(deals, this.#newer) : deals;
  }

  /** Rank-ordered columns of the (merged) deals with the moves the board has not caught up with applied. */
  columnsOf(stages: readonly Stage[], deals: readonly Opportunity[]): Map<string, Opportunity[]> {
    if (!this.#pending.size && !this.#outboxMoves.length) return columnsOf(stages, deals);
    const local = stillPending([...this.#pending.values()], deals);
    for (const id of this.#pending.keys()) if (!local.some((move) => move.id === id)) this.#pending.delete(id);
    const moves = [...stillPending(this.#outboxMoves, deals).filter((move) => !this.#pending.has(move.id)), ...local];
    return applyMoves(columnsOf(stages, deals), moves);
  }

  /** Whether the deal's move waits in the outbox (not while it is being sent). */
  waiting(id: string): boolean {
    return this.#outboxMoves.some((move) => move.id === id) && !this.#sending.has(id);
  }

  /** Whether the deal's last move is not saved yet (it cannot be moved again until it is). */
  busy(id: string): boolean {
    return this.#pending.has(id) || this.waiting(id);
  }

  /** Sends a dropped card's move (`card` as shown, `original` as the board had it); the board shows it moved at once. */
  async send(client: KithCore, card: Opportunity, original: Opportunity, lift: Lift, move: MoveOpportunity): Promise<void> {
    const board = this.#board;
    const host = board.host;
    this.#pending.set(card.id, { id: card.id, stageId: move.stageId, afterId: move.afterId ?? null, beforeId: move.beforeId ?? null, version: card.version });
    this.changes++;
    this.#sending.add(card.id);
    host.requestUpdate();
    let result: WriteResult<Opportunity>;
    try {
      result = await moveOpportunity(client, card, move);
    } catch {
      // Delivered, but the answer did not match the schema: read the board again.
      this.#pending.delete(card.id);
      this.#sending.delete(card.id);
      this.changes++;
      client.invalidate(`/v1/pipelines/${encodeURIComponent(card.pipelineId)}`);
      return host.requestUpdate();
    }
    this.#sending.delete(card.id);
    const detail: KithOpportunityMoveEventDetail = {
      opportunity: original, fromStageId: lift.fromStage, toStageId: lift.stageId, position: lift.index + 1, status: result.status, result,
    };
    this.changes++;
    if (result.status === 'sent') {
      this.#pending.delete(card.id);
      this.#newer.set(card.id, result.data);
    } else if (result.status === 'queued') {
      this.#queued.set(result.entry.id, { card: original, fromStage: lift.fromStage, toStage: lift.stageId, position: lift.index + 1 });
      board.say(board.localize.t.queued(card.title), true);
    } else {
      this.#refused(original, lift.fromStage, result.error, result.entry);
    }
    host.requestUpdate();
    this.#emit(detail);
  }

  /** A refused move: the card goes back, the person is told why, the refused entry leaves the outbox, the board reads again. */
  #refused(card: Opportunity, fromStage: string, error: KithError | OutboxEntry['error'], entry: OutboxEntry): void {
    const board = this.#board;
    const { t, common } = board.localize;
    const client = board.host.boardClient();
    this.#pending.delete(card.id);
    this.#sending.delete(card.id);
    this.#outboxMoves = this.#outboxMoves.filter((move) => move.id !== card.id);
    this.changes++;
    const stage = board.stageName(fromStage);
    const code = error?.code ?? 'server';
    board.say(
      code === 'conflict'
        ? t.conflict(card.title)
        : code === 'forbidden'
          ? t.notAllowed(card.title, stage)
          : t.refused(card.title, stage, common.reasons[code]),
      true,
    );
    void client?.outbox.discard(entry.id);
    client?.invalidate(`/v1/pipelines/${encodeURIComponent(card.pipelineId)}`);
  }

  /** The outbox changed: moves waiting there show as pending (an earlier page's too); a queued move refused later goes back. */
  #onOutbox = (event: OutboxEvent): void => {
    if (event.type === 'change') {
      const moves: PendingMove[] = [];
      for (const entry of event.entries) {
        const id = entry.kind === MOVE_KIND ? MOVE_PATH.exec(entry.path)?.[1] : undefined;
        if (!id) continue;
        const queued = this.#queued.get(entry.id);
        if (entry.state === 'failed') {
          if (!queued) continue;
          this.#queued.delete(entry.id);
          this.#refused(queued.card, queued.fromStage, entry.error, entry);
          const error = entry.error;
          const result: WriteResult<Opportunity> = {
            status: 'failed', entry,
            error: new KithError(error?.code ?? 'server', error?.message ?? '', { status: error?.status ?? null, details: { issues: error?.issues, current: error?.current } }),
          };
          this.#emit({ opportunity: queued.card, fromStageId: queued.fromStage, toStageId: queued.toStage, position: queued.position, status: 'failed', result });
          continue;
        }
        const body = entry.body as MoveOpportunity;
        moves.push({ id: decodeURIComponent(id), stageId: body.stageId, afterId: body.afterId ?? null, beforeId: body.beforeId ?? null, version: Number(entry.ifMatch) });
      }
      this.#outboxMoves = moves;
      this.changes++;
    } else if (event.type === 'delivered' && event.entry.kind === MOVE_KIND) {
      this.#queued.delete(event.entry.id);
      const parsed = Opportunity.safeParse(event.body);
      if (parsed.success) this.#newer.set(parsed.data.id, parsed.data);
      this.changes++;
    } else {
      return;
    }
    this.#board.host.requestUpdate();
  };

  #emit(detail: KithOpportunityMoveEventDetail): void {
    this.#board.host.dispatchEvent(new CustomEvent('kith-opportunity-move', { detail, bubbles: true, composed: true }));
  }
}
