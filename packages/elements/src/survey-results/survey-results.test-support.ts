// What the survey results' tests share: clients, answers sent as a shopper would, a staff member
// whose results hold only this file's answers, and reading the element's figures.
import { fixture, html } from '@open-wc/testing';
import type { SurveyMetric } from '@kith/schema';
import { createClient, type ClientOptions, type KithClient } from '@kith/sdk';
import { squash, untilStatus } from '../../../../test/support/dom.js';
import { mintToken, type KithServerInfo } from '../../../../test/support/server-commands.js';
import type { ResourceStatus } from '../internal/resource-controller.js';
import './survey-results.js';
import type { KithSurveyResults } from './survey-results.js';

export { part, parts, text } from '../../../../test/support/dom.js';

export const DAY = 86_400_000;

export const until = (el: KithSurveyResults, status: ResourceStatus): Promise<void> => untilStatus(el, status, 'the survey results');

/** Storage of its own per client: tests do not see each other's cached reads. */
const ownStorage = () => {
  const name = `kith-survey-results-test-${crypto.randomUUID()}`;
  return { cache: { name: `${name}-cache` }, outbox: { name: `${name}-outbox` } };
};

/** A client with the publishable key and, when given, a token. */
export function clientWith(server: KithServerInfo, token: string | null, options: Partial<ClientOptions> = {}): KithClient {
  return createClient({ baseUrl: server.url, key: server.publishableKey, ...(token ? { token: () => token } : {}), ...ownStorage(), ...options });
}

/**
 * Anonymous answers through the widget's route (publishable key, `POST /v1/feedback`): the
 * survey frequency cap counts per customer token only, so any number of anonymous answers passes.
 * The first `comments` carry a comment.
 */
export async function answer(server: KithServerInfo, metric: SurveyMetric, scores: readonly number[], comments = 0): Promise<void> {
  const shopper = clientWith(server, null, { cache: false });
  for (const [i, score] of scores.entries()) {
    const sent = await shopper.feedback.create({ kind: 'survey', metric, score, comment: i < comments ? `Comment ${i + 1}` : null });
    if (sent.status !== 'sent') throw new Error(`the answer ${score} was ${sent.status}`);
  }
}

/**
 * The demo seeds its answers in the past (an hour before it starts at the latest), all of its
 * customers'. A clock six days on makes "Last 7 days" start at today's midnight: for a staff member
 * who sees no seeded answer today, it then holds only this file's answers (anonymous: every
 * staff member sees them).
 */
export const SHIFTED = (): number => Date.now() + 6 * DAY;

/** Local midnight today. */
const todayStart = () => {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
};

/**
 * A staff token with `feedback:read` for a staff member who sees no seeded answer from today on
 * (the demo's staff are listed with a `staff:read` token; their visibility follows the hierarchy).
 */
export async function cleanStaffToken(server: KithServerInfo): Promise<string> {
  const directory = clientWith(server, (await mintToken({ kind: 'staff', scopes: ['staff:read'] })).token, { cache: false });
  const page = await directory.staff.list({ limit: 100 });
  const window = { from: todayStart().toISOString(), to: new Date(Date.now() + 30 * DAY).toISOString() };
  for (const member of page.items) {
    const token = (await mintToken({ kind: 'staff', subject: member.id, scopes: ['feedback:read'] })).token;
    const reader = clientWith(server, token, { cache: false });
    const counts = await Promise.all((['nps', 'csat', 'ces'] as const).map(async (metric) => (await reader.surveys.results({ metric, ...window })).count));
    if (counts.every((count) => count === 0)) return token;
  }
  throw new Error('every staff member of the demo sees survey answers given today: none is clean for this file');
}

/** The element at 360 px with a client, a measure, a period and a clock (default: {@link SHIFTED}). */
export function results(client: KithClient | undefined, options: { metric?: SurveyMetric; period?: string; locale?: string; now?: () => number } = {}): Promise<KithSurveyResults> {
  return fixture<KithSurveyResults>(html`<kith-survey-results .client=${client} .now=${options.now ?? SHIFTED} metric=${options.metric ?? 'nps'}
    period=${options.period ?? '7d'} locale=${options.locale ?? 'en-US'} style="width: 360px"></kith-survey-results>`);
}

/** The distribution table's rows as `[score, answers, share]` texts. */
export function rows(el: KithSurveyResults): string[][] {
  return [...(el.shadowRoot?.querySelectorAll('[part~="distribution"] tbody tr') ?? [])].map((row) =>
    [...row.querySelectorAll('th, td')].map((cell) => squash(cell.textContent)),
  );
}

/** Each NPS group's text ("Promoters (9–10) 5 · 50%"). */
export function groups(el: KithSurveyResults): string[] {
  return [...(el.shadowRoot?.querySelectorAll('[part~="group"]') ?? [])].map((group) => squash(group.textContent));
}

/** What the polite live region says. */
export const announcement = (el: KithSurveyResults): string => squash(el.shadowRoot?.querySelector('[part~="announcement"]')?.textContent);

/** Chooses an option of one of the element's menus as a person would (the change event follows). */
export function choose(el: KithSurveyResults, name: 'metric-select' | 'period-select', value: string): void {
  const select = el.shadowRoot?.querySelector<HTMLSelectElement>(`[part~="${name}"]`);
  if (!select) throw new Error(`no ${name}`);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Types a day into a custom date field (as the field's change event reports it). */
export function typeDay(el: KithSurveyResults, name: 'from-input' | 'to-input', value: string): void {
  const input = el.shadowRoot?.querySelector<HTMLInputElement>(`[part~="${name}"]`);
  if (!input) throw new Error(`no ${name}`);
  input.value = value;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
