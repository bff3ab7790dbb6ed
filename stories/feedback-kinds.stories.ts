// <kith-feedback kind="nps|csat|ces|complaint">: the satisfaction surveys and the complaint form, in
// the states they render on purpose. Each loader first forgets what an earlier visit kept in this
// browser (a survey answered or dismissed, a complaint's draft or pending entry), so the stories,
// side by side on the docs page, never hide or restore one another.
// A survey asks the server whether this shopper may be asked (eligibility) before it shows: the
// recordings hold no such answer, so the survey stories run on a client whose network is down —
// the survey then shows, says it is offline, and an answer waits in the outbox. Sent answers,
// refusals and the server's cap are covered against the real server by the browser tests
// (packages/elements/src/feedback/feedback-survey.test.ts and feedback-complaint.test.ts).
// The host's `phase` is the review form's; for these kinds it stays `form`, which is what
// `reaches('form')` checks; each play checks what the story shows.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { waitFor } from 'storybook/test';
import type { KithClient } from '@kith/sdk';
import '@kith/elements/feedback.js';
import { COMPLAINT_KEYS } from '../packages/elements/src/feedback/complaint.model.js';
import { storageKey } from '../packages/elements/src/feedback/survey.model.js';
import { findDeep } from './support/dom.js';
import { replay } from './support/replay.js';
import { reaches } from './support/states.js';

type Kind = 'nps' | 'csat' | 'ces' | 'complaint';

interface KindArgs {
  kind: Kind;
  locale?: string;
  theme?: 'light' | 'dark' | 'auto';
}

/** A loader: forgets the surveys and the complaint this browser remembers; a client whose every request fails as offline ones do. */
const offline = (): { client: KithClient } => {
  for (const metric of ['nps', 'csat', 'ces'] as const) localStorage.removeItem(storageKey(metric));
  for (const key of Object.values(COMPLAINT_KEYS)) localStorage.removeItem(key);
  return { client: replay([], 'offline').client };
};

/** The element's shadow root once `selector` has rendered in it. */
async function rendered(canvas: HTMLElement, selector: string): Promise<ShadowRoot> {
  const el = await findDeep(canvas, 'kith-feedback', 'feedback element');
  return waitFor(() => {
    if (!el.shadowRoot?.querySelector(selector)) throw new Error(`${selector} has not rendered`);
    return el.shadowRoot;
  });
}

/** Sets a field at once (a paste), as the browser reports typing. */
function paste(root: ShadowRoot, name: string, value: string): void {
  const field = root.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(`[name="${name}"]`);
  if (!field) throw new Error(`the form shows no ${name} field`);
  field.value = value;
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input'));
}

const submit = (root: ShadowRoot) => root.querySelector<HTMLButtonElement>('[part~="submit"]')?.click();

/** A survey's scale is showing, with its named ends. */
const scaleShows = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  await rendered(canvasElement, '[part~="scale"]');
};

const meta = {
  title: 'Elements/Feedback (surveys and complaints)',
  component: 'kith-feedback',
  tags: ['autodocs'],
  args: { kind: 'nps' },
  argTypes: {
    kind: { control: 'inline-radio', options: ['nps', 'csat', 'ces', 'complaint'] },
    locale: { control: 'select', options: ['en', 'en-GB', 'zh-Hans', 'zh-CN', 'zh-Hant', 'zh-TW', 'zh-HK'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  },
  render: (args, { loaded }) => html`
    <kith-feedback
      kind=${args.kind}
      style="max-width: 34rem"
      .client=${loaded['client'] as KithClient | undefined}
      locale=${ifDefined(args.locale)}
      theme=${ifDefined(args.theme)}
    ></kith-feedback>
  `,
} satisfies Meta<KindArgs>;

export default meta;
type Story = StoryObj<KindArgs>;

/** Net Promoter Score: "How likely are you to recommend us?", 0–10 as a radio group whose ends are named; offline, so the answer would wait in the outbox. */
export const Nps: Story = {
  name: 'NPS (0–10)',
  args: { kind: 'nps' },
  parameters: reaches('form'),
  loaders: [offline],
  play: scaleShows,
};

/** Customer satisfaction, 1–5. */
export const Csat: Story = {
  name: 'CSAT (1–5)',
  args: { kind: 'csat' },
  parameters: reaches('form'),
  loaders: [offline],
  play: scaleShows,
};

/** Customer effort, 1–7. */
export const Ces: Story = {
  name: 'CES (1–7)',
  args: { kind: 'ces' },
  parameters: reaches('form'),
  loaders: [offline],
  play: scaleShows,
};

/** Sent with no score: the scale says what it needs. */
export const SurveyScoreMissing: Story = {
  name: 'NPS, no score chosen',
  args: { kind: 'nps' },
  parameters: reaches('form'),
  loaders: [offline],
  play: async ({ canvasElement }) => {
    submit(await rendered(canvasElement, '[part~="scale"]'));
    await waitFor(() => {
      const message = canvasElement.querySelector('kith-feedback')?.shadowRoot?.querySelector('#score-message')?.textContent ?? '';
      if (!message.trim()) throw new Error('no message under the scale');
    });
  },
};

/** Answered offline: kept in the outbox, sent once when the connection is back. */
export const SurveyQueued: Story = {
  name: 'NPS, saved offline',
  args: { kind: 'nps' },
  parameters: reaches('form'),
  loaders: [offline],
  play: async ({ canvasElement }) => {
    const root = await rendered(canvasElement, '[part~="scale"]');
    root.querySelector<HTMLInputElement>('#score-9')?.click();
    submit(root);
    await rendered(canvasElement, '[part~="receipt"]');
  },
};

/** The complaint form: category, subject, description with a counter, and how to answer (e-mail or phone); the 24-hour promise above. */
export const Complaint: Story = {
  args: { kind: 'complaint' },
  parameters: reaches('form'),
  loaders: [offline],
  play: async ({ canvasElement }) => {
    await rendered(canvasElement, '[name="category"]');
  },
};

/** A complaint sent empty: each field says what it needs. */
export const ComplaintFieldErrors: Story = {
  name: 'Complaint, field errors',
  args: { kind: 'complaint' },
  parameters: reaches('form'),
  loaders: [offline],
  play: async ({ canvasElement }) => {
    submit(await rendered(canvasElement, '[name="category"]'));
    await findDeep(canvasElement, '[name="subject"][aria-invalid="true"]', 'subject marked invalid');
  },
};

/** Written offline: "saved", and the promise counts from when it arrives. */
export const ComplaintQueued: Story = {
  name: 'Complaint, saved offline',
  args: { kind: 'complaint' },
  parameters: reaches('form'),
  loaders: [offline],
  play: async ({ canvasElement }) => {
    const root = await rendered(canvasElement, '[name="category"]');
    paste(root, 'category', 'delivery');
    paste(root, 'subject', 'Parcel arrived crushed');
    paste(root, 'body', 'The box was crushed and the cup inside is broken.');
    paste(root, 'name', 'Mei');
    paste(root, 'email', 'mei@example.com');
    submit(root);
    await rendered(canvasElement, '[part~="receipt"]');
  },
};

/** Simplified Chinese (the toolbar's locale, fixed for this story). */
export const ComplaintSimplifiedChinese: Story = {
  name: 'Complaint, Simplified Chinese (zh-Hans)',
  args: { kind: 'complaint' },
  globals: { locale: 'zh-Hans' },
  parameters: reaches('form'),
  loaders: [offline],
  play: Complaint.play,
};

/** Traditional Chinese CSAT. */
export const CsatTraditionalChinese: Story = {
  name: 'CSAT, Traditional Chinese (zh-Hant)',
  args: { kind: 'csat' },
  globals: { locale: 'zh-Hant' },
  parameters: reaches('form'),
  loaders: [offline],
  play: scaleShows,
};

/** The dark theme (fixed for this story). */
export const NpsDark: Story = {
  name: 'NPS, dark',
  args: { kind: 'nps' },
  globals: { theme: 'dark' },
  parameters: reaches('form'),
  loaders: [offline],
  play: scaleShows,
};

/** On a phone, 360 px wide: the eleven NPS choices wrap, each still a 44 px target. */
export const NpsNarrow: Story = {
  name: 'NPS, 360 px wide',
  args: { kind: 'nps' },
  parameters: reaches('form'),
  loaders: [offline],
  play: scaleShows,
  render: (args, { loaded }) => html`
    <div style="width: 360px; outline: 1px dashed #8888">
      <kith-feedback kind=${args.kind} .client=${loaded['client'] as KithClient | undefined} locale=${ifDefined(args.locale)}></kith-feedback>
    </div>
  `,
};
