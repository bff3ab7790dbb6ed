import { html, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { MAX_POINTS, type RedeemRequest } from '@kith/schema';
import type { KithCore, OutboxEvent } from '@kith/sdk';
import { loyalty } from '@kith/sdk/resources/loyalty';
import { resourceOf } from '../internal/resource-of.js';
import type {} from '../events/kith-redeem.js';
import { KithElement } from '../internal/kith-element.js';
import { LocalizeController } from '../internal/localize-controller.js';
import { loyaltyRedeemTexts } from './locales/redeem-catalog.js';
import { formatCount } from '../internal/format.js';
import { controlStyles } from '../styles/shared.js';
import { loyaltyRedeemStyles } from './loyalty-redeem.styles.js';

/** Where the form is: nothing yet, sending, or what the last submission did. */
type RedeemState =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'sent'; points: number }
  | { kind: 'queued'; entryId: string; request: RedeemRequest }
  | { kind: 'failed'; message: string; entryId: string | undefined }
  | { kind: 'invalid'; message: string };

/**
 * The whole number of points typed (1 … MAX_POINTS), or null: digits only (full-width digits from an IME
 * included), spaces and thousands commas ignored.
 */
export function parsePoints(typed: string): number | null {
  const ascii = typed.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0)).replace(/[\s,，]/g, '');
  if (!/^\d{1,9}$/.test(ascii)) return null;
  const points = Number(ascii);
  return points >= 1 && points <= MAX_POINTS ? points : null;
}

/**
 * @summary The redeem form of `<kith-loyalty-badge>`: its own chunk, loaded when the badge first
 * offers it (the write path is not part of what a shop header pays for). Not for use alone.
 *
 * It lives in the badge's shadow root and reads the badge's theme tokens (inherited); the badge
 * passes its client, customer, balance and locale, and forwards the parts below.
 *
 * @csspart redeem - The form.
 * @csspart redeem-input - The points field and the note field.
 * @csspart redeem-button - The submit button.
 * @csspart redeem-message - What the last redemption did (sent, saved, refused, invalid).
 *
 * @fires kith-redeem - The person submitted the form and the outbox answered. Detail: `{ customerId, request, result }`.
 */
export class KithLoyaltyRedeem extends KithElement {
  static override styles = [controlStyles, loyaltyRedeemStyles];

  /** The client to redeem through (its outbox). */
  @property({ attribute: false }) client?: KithCore;
  /** Whose points. */
  @property({ attribute: false }) customerId?: string;
  /** The balance shown by the badge. */
  @property({ attribute: false }) balance = 0;
  /** Whether the balance is the server's latest (then a larger amount is refused here already). */
  @property({ attribute: false }) fresh = false;
  /** The badge's locale, for texts and numbers. */
  @property({ attribute: false }) locale?: string;

  @state() private typedPoints = '';
  @state() private typedNote = '';
  @state() private redeemState: RedeemState = { kind: 'idle' };

  @query('#points') private pointsInput?: HTMLInputElement;

  private readonly localize = new LocalizeController(this, loyaltyRedeemTexts);
  private stopOutbox: (() => void) | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopOutbox?.();
    this.stopOutbox = undefined;
  }

  private count(value: number): string {
    return formatCount(value, this.localize.locale);
  }

  protected override render(): TemplateResult {
    const t = this.localize.t;
    const state = this.redeemState;
    const message = this.message();
    return html`
      <form part="redeem" novalidate @submit=${this.onSubmit}>
        <fieldset>
          <legend>${t.title}</legend>
          <div class="fields">
            <label class="field">
              <span>${t.points}</span>
              <input id="points" part="redeem-input" type="text" inputmode="numeric" autocomplete="off" required
                aria-invalid=${state.kind === 'invalid' ? 'true' : 'false'} aria-describedby="available message"
                .value=${this.typedPoints} @input=${(event: InputEvent) => (this.typedPoints = (event.target as HTMLInputElement).value)} />
            </label>
            <label class="field">
              <span>${t.note}</span>
              <input id="note" part="redeem-input" type="text" maxlength="500" autocomplete="off"
                .value=${this.typedNote} @input=${(event: InputEvent) => (this.typedNote = (event.target as HTMLInputElement).value)} />
            </label>
            <button class="button" part="redeem-button" type="submit" aria-disabled=${state.kind === 'sending' ? 'true' : 'false'}>
              ${state.kind === 'sending' ? t.sending : t.submit}
            </button>
          </div>
          <p id="available" class="muted">${t.available(this.count(this.balance), this.balance)}</p>
          <p id="message" class=${message?.[1] ?? ''} part="redeem-message" role="status">${message?.[0] ?? ''}</p>
        </fieldset>
      </form>
    `;
  }

  /** The text of the last outcome and its tone. */
  private message(): [string, 'ok' | 'error' | ''] | undefined {
    const t = this.localize.t;
    const state = this.redeemState;
    switch (state.kind) {
      case 'sent':
        return [t.sent(this.count(state.points), state.points), 'ok'];
      case 'queued':
        return [t.queued, ''];
      case 'failed':
        return [t.failed(state.message), 'error'];
      case 'invalid':
        return [state.message, 'error'];
      default:
        return undefined;
    }
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = this.localize.t;
    const { client, customerId, balance } = this;
    if (this.redeemState.kind === 'sending' || !client || !customerId) return;
    const points = parsePoints(this.typedPoints);
    // With the latest figures the balance is checked here too; saved ones may be out of date: the server decides.
    const tooMany = points !== null && this.fresh && points > balance;
    if (points === null || tooMany) {
      this.redeemState = { kind: 'invalid', message: tooMany ? t.tooMany(this.count(balance), balance) : t.invalid };
      this.pointsInput?.focus();
      return;
    }
    const note = this.typedNote.trim();
    const request: RedeemRequest = note ? { points, note } : { points };
    const previous = this.redeemState;
    this.redeemState = { kind: 'sending' };
    // A refused redemption stays in the outbox: the edited one replaces it (a new write, a new key).
    if (previous.kind === 'failed' && previous.entryId) await client.outbox.discard(previous.entryId).catch(() => undefined);
    const result = await resourceOf(client, loyalty).redeem(customerId, request);
    if (result.status === 'failed') {
      this.redeemState = { kind: 'failed', message: result.error.message, entryId: result.entry.id };
      this.pointsInput?.focus();
    } else {
      this.typedPoints = '';
      this.typedNote = '';
      this.redeemState = result.status === 'sent' ? { kind: 'sent', points } : { kind: 'queued', entryId: result.entry.id, request };
      if (result.status === 'queued') this.follow(client);
    }
    this.emit('kith-redeem', { customerId, request, result });
  }

  /** Follows a saved redemption until the outbox delivers it, or the server refuses it (then what was typed comes back). */
  private follow(client: KithCore): void {
    this.stopOutbox?.();
    this.stopOutbox = client.outbox.subscribe((event: OutboxEvent) => {
      const state = this.redeemState;
      if (state.kind !== 'queued') return;
      if (event.type === 'delivered' && event.entry.id === state.entryId) {
        this.redeemState = { kind: 'sent', points: state.request.points };
      } else if (event.type === 'change') {
        const entry = event.entries.find((candidate) => candidate.id === state.entryId);
        if (entry?.state !== 'failed') return;
        this.typedPoints = String(state.request.points);
        this.typedNote = state.request.note ?? '';
        this.redeemState = { kind: 'failed', message: entry.error?.message ?? '', entryId: entry.id };
      } else {
        return;
      }
      this.stopOutbox?.();
      this.stopOutbox = undefined;
    });
  }
}
