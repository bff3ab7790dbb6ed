import { html, nothing, svg, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { LoyaltyAccount, LoyaltyProgram, LoyaltyProgramResponse } from '@kith/schema';
import type { KithCore, KithError } from '@kith/sdk';
import { getLoyaltyAccount, getLoyaltyProgram } from '@kith/sdk/resources/loyalty';
import type {} from '../events/kith-error.js';
import type {} from '../events/kith-load.js';
import type {} from '../events/kith-redeem.js';
import { KithConnectedElement } from '../internal/connected-element.js';
import { LazyPart } from '../internal/lazy-part.js';
import { LocalizeController } from '../internal/localize-controller.js';
import { loyaltyBadgeTexts } from './locales/catalog.js';
import { ResourceController, ResourceStatus } from '../internal/resource-controller.js';
import { skeleton, statusText, statusTone } from '../internal/status.js';
import { controlStyles, stateStyles } from '../styles/shared.js';
import { hostReset, tokens } from '../styles/tokens.js';
import { loyaltyBadgeStyles } from './loyalty-badge.styles.js';
import { formatCount } from '../internal/format.js';
import { currentTier } from './loyalty-badge.model.js';
import type { BadgeForDetails, LoyaltyDetails } from './loyalty-details.js';
import type * as DetailsChunk from './loyalty-details.js';

const { idle, loading, ready, empty, offline, stale, error: failed, notFound, notAuthorized } = ResourceStatus;

/**
 * @summary A member's loyalty standing: tier and emblem, points balance, progress to the next
 * tier, tier expiry, benefits, recent points on demand, and a redeem form.
 *
 * The client is, in order: the `.client` property, the nearest `<kith-provider>`, the page
 * settings, or one made from the badge's own `base-url` and `key`. The account needs the
 * customer's own token (or a staff token with `loyalty:read`); without one, or without a
 * `customer-id`, the badge shows its `sign-in` slot instead of an error. The balance follows
 * live updates (`customer:<id>`). Recent points are read only once the person expands them.
 * Redeeming goes through the SDK's outbox: offline it is saved and sent later, exactly once.
 * The form is offered while the balance is at least 1 point, outside `compact`, unless
 * `no-redeem` is set (set it on staff pages: only the member may redeem); its code is a chunk
 * of its own (`<kith-loyalty-redeem>`, parts forwarded), fetched when the badge connects; so is the
 * code of the recent points (`<kith-loyalty-ledger>`), fetched when the disclosure is first pointed
 * at, focused or used.
 *
 * @slot sign-in - Shown instead of the points when nobody is signed in (or there is no `customer-id`): e.g. a link to the shop's sign-in. Default: a short text.
 *
 * @csspart base - The badge box.
 * @csspart emblem - The tier's emblem (decorative inline SVG).
 * @csspart tier - The tier name.
 * @csspart balance - The points balance.
 * @csspart progress - The progress block: the bar and its text ("320 points to Gold").
 * @csspart progress-bar - The bar's track (`role="progressbar"`).
 * @csspart progress-fill - The filled part of the bar.
 * @csspart expiry - When the tier lapses.
 * @csspart benefits - The list of the tier's benefits.
 * @csspart ledger-toggle - The button that shows and hides the recent points.
 * @csspart ledger - The recent points panel.
 * @csspart ledger-entry - One recent ledger entry.
 * @csspart redeem - The redeem form.
 * @csspart redeem-input - The points field (and the note field) of the redeem form.
 * @csspart redeem-button - The submit button of the redeem form.
 * @csspart redeem-message - What the last redemption did (sent, saved, refused, invalid).
 * @csspart status - The status message (loading, stale, error, not found, not configured).
 * @csspart retry-button - The Retry button of the stale and error states (and of the recent points).
 * @csspart sign-in - The box around the `sign-in` slot.
 * @csspart skeleton - Each placeholder bar of the loading state.
 *
 * @cssprop --kith-loyalty-background - Badge background; defaults to `--kith-color-surface`.
 * @cssprop --kith-loyalty-color - Text colour; defaults to `--kith-color-text`.
 * @cssprop --kith-loyalty-border - Badge border; defaults to 1px solid `--kith-color-border`.
 * @cssprop --kith-loyalty-radius - Corner radius; defaults to `--kith-radius`.
 * @cssprop --kith-loyalty-padding - Inner spacing; defaults to `--kith-space-3`.
 * @cssprop --kith-loyalty-shadow - Box shadow; defaults to `--kith-shadow`.
 * @cssprop --kith-loyalty-accent - Tier name, progress fill and buttons; defaults to `--kith-color-accent`.
 * @cssprop --kith-loyalty-track - The progress bar's empty track; defaults to `--kith-color-skeleton`.
 * @cssprop --kith-loyalty-emblem-color - The emblem's colour; by default a metal per tier rank (bronze, silver, gold, platinum).
 *
 * @fires kith-load - An account is shown with its program: saved data at once, then each newer version (live updates included). Detail: `{ account, program }`.
 * @fires kith-error - A read failed (the account, the program or the recent points: one event per read; `not_found` and `forbidden` included; also while saved data is shown). Detail: `{ code, error }`.
 * @fires kith-redeem - The person submitted the redeem form and the outbox answered. Detail: `{ customerId, request, result }` where `result.status` is `sent`, `queued` or `failed`.
 */
export class KithLoyaltyBadge extends KithConnectedElement implements BadgeForDetails {
  static override styles = [tokens, hostReset, controlStyles, stateStyles, loyaltyBadgeStyles];

  /** The id (UUID) of the customer whose points to show. Without it, the `sign-in` slot is shown. */
  @property({ attribute: 'customer-id' }) customerId?: string;

  /** One line for a shop header: emblem, tier and balance only. */
  @property({ type: Boolean, reflect: true }) compact = false;

  /** Hides the redeem form (staff pages: the server lets only the member, or the shop's server, redeem). */
  @property({ type: Boolean, reflect: true, attribute: 'no-redeem' }) noRedeem = false;

  /** Announced politely when the shown balance changes (live update, redemption). */
  @state() private announcement = '';

  @query('.badge') private baseElement?: HTMLElement;
  // A full badge's details are a chunk of their own, fetched as it connects, while its data
  // loads: a compact one never loads them.
  private readonly details = new LazyPart<typeof DetailsChunk, LoyaltyDetails>(this, {
    wanted: () => !this.compact,
    chunk: () => import('./loyalty-details.js'),
    make: (module) => new module.LoyaltyDetails(this),
    name: '<kith-loyalty-badge> details',
  });

  private readonly localize = new LocalizeController(this, loyaltyBadgeTexts);
  private shownBalance: { customerId: string; balance: number } | undefined;

  private readonly program = new ResourceController<LoyaltyProgramResponse, readonly [KithCore]>(this, {
    args: () => {
      const client = this.connection.client;
      return client && this.customerId ? [client] : undefined;
    },
    read: ([client]) => getLoyaltyProgram(client),
    onReady: () => this.loaded(),
    onError: (error) => this.emit('kith-error', { code: error.code, error }),
  });

  private readonly account = new ResourceController<LoyaltyAccount, readonly [KithCore, string]>(this, {
    args: () => {
      const client = this.connection.client;
      return client && this.customerId ? [client, this.customerId] : undefined;
    },
    read: ([client, id]) => getLoyaltyAccount(client, id),
    onReady: (account) => {
      this.noteBalance(account);
      this.loaded();
      // The server answers again (a live update, a delivered redemption): the program's saved copy
      // (kept after a failed revalidation) is read again too, so the offline notice goes away.
      const program = this.program.status;
      if (this.account.status === ready && (program === offline || program === stale)) queueMicrotask(() => this.program.retry());
    },
    onError: (error) => this.emit('kith-error', { code: error.code, error }),
  });

  /**
   * The state shown, from the account and the program: `idle` (no client or no customer-id),
   * `loading`, `ready`, `offline` (saved points, the server cannot be reached), `stale` (saved
   * points, the latest could not be loaded), `error`, `not_found` or `not_authorized` (the
   * `sign-in` slot).
   */
  get status(): ResourceStatus {
    const account = this.account.status;
    const program = this.program.status;
    if (account === idle) return idle;
    if (account === notAuthorized || account === notFound || account === failed) return account;
    if (program === notFound) return notFound;
    if (program === failed || program === notAuthorized) return failed;
    if (account === loading || program === loading || program === idle) return loading;
    if (account === offline || program === offline) return offline;
    if (account === stale || program === stale) return stale;
    return ready;
  }

  /** The account shown, once `status` is `ready`, `offline` or `stale`. */
  get loyaltyAccount(): LoyaltyAccount | undefined {
    return this.account.value;
  }

  /** The error shown, when `status` is `offline`, `stale`, `error`, `not_found` or `not_authorized`. */
  get error(): KithError | undefined {
    return this.account.error ?? this.program.error;
  }

  /** Resolves when the texts of the current locale (and, in a full badge, the details and their texts) have loaded. */
  async localeReady(): Promise<void> {
    await this.localize.ready();
    await this.details.ready();
  }

  /** Reads the account and the program again (what the Retry button does). */
  retry(): void {
    this.account.retry();
    this.program.retry();
  }

  /** @internal The client the details read and redeem through. */
  detailsClient(): KithCore | undefined {
    return this.connection.client;
  }

  /** @internal Whether the badge shows the server's latest. */
  detailsFresh(): boolean {
    return this.status === ready;
  }

  /** @internal What the recent points show while they load. */
  historyLoading(): string {
    return this.localize.t.historyLoading;
  }

  private loaded(): void {
    const account = this.account.value;
    const program = this.program.value?.program;
    if (account && program) this.emit('kith-load', { account, program });
  }

  /** Announces a changed balance of the same customer (never the first one shown). */
  private noteBalance(account: LoyaltyAccount): void {
    const before = this.shownBalance;
    this.shownBalance = { customerId: account.customerId, balance: account.balance };
    if (before?.customerId === account.customerId && before.balance !== account.balance) {
      this.announcement = this.localize.t.balanceUpdated(this.count(account.balance), account.balance);
    }
  }

  private count(value: number): string {
    return formatCount(value, this.localize.locale);
  }

  private onRetry(): void {
    this.retry();
    // The button disappears while loading: keep focus in the badge, not on <body>.
    void this.updateComplete.then(() => this.baseElement?.focus());
  }

  protected override render(): TemplateResult {
    const t = this.localize.t;
    const status = this.status;
    const account = this.account.value;
    const program = this.program.value?.program;
    const saved = status === stale || status === offline;
    const shown = account && program && (status === ready || saved) ? { account, program } : undefined;
    const tier = shown && currentTier(shown.account, shown.program);
    const signIn = status === notAuthorized || (status === idle && this.connection.client !== undefined);
    const canRetry = status === failed || saved;
    return html`
      <section class="kith-root badge focusable" part="base" lang=${this.localize.t.$lang}
        tabindex="-1" aria-busy=${status === loading ? 'true' : 'false'}
        aria-label=${shown ? t.label(tier?.tier.name ?? t.noTier) : t.title}>
        ${shown ? this.renderAccount(shown.account, shown.program) : nothing}
        ${status === loading ? skeleton(this.compact ? 1 : 3, 'skeletons') : nothing}
        ${signIn
          ? html`<div class="sign-in" part="sign-in"><slot name="sign-in">${t.signIn}</slot></div>`
          : html`<p class="status ${status === ready || status === empty ? 'visually-hidden' : statusTone(status)}" part="status" role="status">${this.statusText(status)}</p>`}
        ${canRetry ? html`<button class="button retry" part="retry-button" type="button" @click=${this.onRetry}>${this.localize.common.retry}</button>` : nothing}
      </section>
    `;
  }

  private renderAccount(account: LoyaltyAccount, program: LoyaltyProgram): TemplateResult {
    const t = this.localize.t;
    const tier = currentTier(account, program);
    const name = tier?.tier.name ?? t.noTier;
    const head = html`
      <div class="head">
        ${this.renderEmblem(tier?.rank)}
        <span class="tier ${tier ? '' : 'none'}" part="tier">${name}</span>
        <span class="balance" part="balance">${t.points(this.count(account.balance), account.balance)}</span>
      </div>
    `;
    if (this.compact) return head;
    const details = this.details.value?.render(account, program, tier?.tier);
    return html`${head} ${details ?? html`<div aria-hidden="true"><span class="skeleton" part="skeleton"></span></div>`}`;
  }

  private renderEmblem(rank: number | undefined): TemplateResult {
    return html`<span class="emblem" part="emblem" data-rank=${Math.min(rank ?? 0, 3)} aria-hidden="true">${svg`
      <svg viewBox="0 0 24 24" focusable="false"><circle class="disc" cx="12" cy="12" r="11"></circle>
        <path class="star" d="M12 5.2l2 4.1 4.5.6-3.3 3.1.8 4.4-4-2.2-4 2.2.8-4.4-3.3-3.1 4.5-.6z"></path></svg>`}</span>`;
  }

  private statusText(status: ResourceStatus): string {
    // Ready: the polite announcement of a changed balance.
    return statusText(status, this.localize.t, this.localize.common, this.error) ?? this.announcement;
  }
}
