// <kith-feedback kind="review">, the review form, in the states it renders on purpose. The form
// reads nothing: it requests nothing until a submit, so most stories need no client and no
// recording. What a shopper typed is kept in localStorage under the product (`storageKeys`), so
// each story names a product of its own and its loader first clears what an earlier visit left:
// the stories, side by side on the docs page, never restore one another's drafts.
// A form has no load status; `parameters.kith.status` names the phase it must reach instead
// (`form`, or `queued`): scripts/storybook-check.mjs renders every story and checks it.
// Sent and refused are not here: they need the server's answer to a POST /v1/feedback, and the
// recordings (scripts/record-story-data.mjs) hold reads only. The browser tests cover them
// against the real server (packages/elements/src/feedback/feedback.test.ts).
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { waitFor } from 'storybook/test';
import type { KithClient } from '@kith/sdk';
import '@kith/elements/feedback.js';
import { storageKeys, type ReviewDraft } from '../packages/elements/src/feedback/review.model.js';
import { findDeep } from './support/dom.js';
import { replay } from './support/replay.js';
import { reaches } from './support/states.js';

interface FeedbackArgs {
  product?: string;
  locale?: string;
  theme?: 'light' | 'dark' | 'auto';
  onKithFeedbackSubmit?: (event: Event) => void;
}

/** What a shopper writes, as the form keeps it in localStorage. */
const REVIEW: ReviewDraft = {
  rating: 4,
  title: 'Soft and warm',
  body: 'The wool is soft and the coat keeps me warm on windy days. The sleeves run a little long.',
  authorName: 'Mei',
  email: '',
};

/**
 * A story's loader: forgets the draft and the pending review an earlier visit kept for
 * `product`, then keeps `draft` (written before the element connects, as an earlier page would
 * have left it). With `offline`, a real client whose requests all fail as offline ones do.
 */
const start =
  (product: string, options: { draft?: ReviewDraft; offline?: boolean } = {}) =>
  (): { client?: KithClient } => {
    const keys = storageKeys(product);
    localStorage.removeItem(keys.pending);
    if (options.draft) localStorage.setItem(keys.draft, JSON.stringify(options.draft));
    else localStorage.removeItem(keys.draft);
    return options.offline ? { client: replay([], 'offline').client } : {};
  };

/** The form's shadow root, once the element has rendered. */
async function formOf(canvas: HTMLElement): Promise<ShadowRoot> {
  const el = await findDeep(canvas, 'kith-feedback', 'review form');
  return waitFor(() => {
    if (!el.shadowRoot?.querySelector('form')) throw new Error('the review form has not rendered');
    return el.shadowRoot;
  });
}

/** Sets a field at once (a paste), as the browser reports typing. */
function paste(root: ShadowRoot, field: string, value: string): void {
  const input = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${field}"]`);
  if (!input) throw new Error(`the form shows no ${field} field`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

/** Chooses the stars and writes the review, as a shopper does. */
function fill(root: ShadowRoot): void {
  root.querySelector<HTMLInputElement>(`#star-${REVIEW.rating}`)?.click();
  paste(root, 'title', REVIEW.title);
  paste(root, 'body', REVIEW.body);
  paste(root, 'authorName', REVIEW.authorName);
}

/** A restored draft: its notice, and its title in the field. */
async function restored({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const root = await formOf(canvasElement);
  await findDeep(canvasElement, '[part~="notice"]', 'notice that the draft was restored');
  if (!root.querySelector<HTMLInputElement>('[name="title"]')?.value) throw new Error('the restored draft has no title');
}

const submit = (root: ShadowRoot) => root.querySelector<HTMLButtonElement>('[part~="submit"]')?.click();

const meta = {
  title: 'Elements/Feedback (review)',
  component: 'kith-feedback',
  tags: ['autodocs'],
  args: { product: 'SKU-1001-A' },
  argTypes: {
    product: { control: 'text' },
    locale: { control: 'select', options: ['en', 'en-GB', 'zh-Hans', 'zh-CN', 'zh-Hant', 'zh-TW', 'zh-HK'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  },
  render: (args, { loaded }) => html`
    <kith-feedback
      kind="review"
      style="max-width: 32rem"
      .client=${loaded['client'] as KithClient | undefined}
      product=${ifDefined(args.product)}
      locale=${ifDefined(args.locale)}
      theme=${ifDefined(args.theme)}
      @kith-feedback-submit=${args.onKithFeedbackSubmit}
    ></kith-feedback>
  `,
} satisfies Meta<FeedbackArgs>;

export default meta;
type Story = StoryObj<FeedbackArgs>;

/** An empty form, ready to type in: stars (a radio group), title, review, name, optional e-mail; counters under the fields. */
export const Empty: Story = {
  args: { product: 'SKU-1001-A' },
  parameters: reaches('form'),
  loaders: [start('SKU-1001-A')],
};

/** A draft an earlier page kept in this browser: restored into the fields, with a notice. */
export const RestoredDraft: Story = {
  name: 'Restored draft',
  args: { product: 'SKU-1001-B' },
  parameters: reaches('form'),
  loaders: [start('SKU-1001-B', { draft: { ...REVIEW, title: 'Warm, but long sleeves' } })],
  play: restored,
};

/** Submitted empty: each field says what it needs, focus goes to the first, and the count of fields to correct is announced. */
export const FieldErrors: Story = {
  name: 'Field errors',
  args: { product: 'SKU-1001-C' },
  parameters: reaches('form'),
  loaders: [start('SKU-1001-C')],
  play: async ({ canvasElement }) => {
    const root = await formOf(canvasElement);
    submit(root);
    await findDeep(canvasElement, '#title[aria-invalid="true"]', 'title marked invalid');
    await findDeep(canvasElement, '#authorName[aria-invalid="true"]', 'name marked invalid');
  },
};

/** A title over 150 characters: said as it is typed, before any submit; the counter shows by how much. */
export const TitleTooLong: Story = {
  name: 'Title too long',
  args: { product: 'SKU-1001-D' },
  parameters: reaches('form'),
  loaders: [start('SKU-1001-D')],
  play: async ({ canvasElement }) => {
    const root = await formOf(canvasElement);
    paste(root, 'title', 'Soft, warm, well cut, with deep pockets and a collar that stays up in the wind; '.repeat(2).trim());
    await findDeep(canvasElement, '#title[aria-invalid="true"]', 'title marked too long');
  },
};

/** Simplified Chinese (the toolbar's locale, fixed for this story), with a restored draft. */
export const SimplifiedChinese: Story = {
  name: 'Simplified Chinese (zh-Hans)',
  args: { product: 'SKU-1001-E' },
  globals: { locale: 'zh-Hans' },
  parameters: reaches('form'),
  loaders: [start('SKU-1001-E', { draft: { ...REVIEW, title: '很保暖', body: '羊毛很柔软，大风天也很暖和。袖子稍长。', authorName: '小梅' } })],
  play: restored,
};

/** Traditional Chinese, submitted empty: the messages beside the fields. */
export const TraditionalChinese: Story = {
  name: 'Traditional Chinese (zh-Hant)',
  args: { product: 'SKU-1001-F' },
  globals: { locale: 'zh-Hant' },
  parameters: reaches('form'),
  loaders: [start('SKU-1001-F')],
  play: FieldErrors.play,
};

/** The dark theme (the toolbar's theme, fixed for this story), with a restored draft. */
export const Dark: Story = {
  args: { product: 'SKU-1001-G' },
  globals: { theme: 'dark' },
  parameters: reaches('form'),
  loaders: [start('SKU-1001-G', { draft: REVIEW })],
  play: restored,
};

/** On a phone, 360 px wide, submitted empty: the stars and the messages fit. */
export const Narrow: Story = {
  name: '360 px wide',
  args: { product: 'SKU-1001-H' },
  parameters: reaches('form'),
  loaders: [start('SKU-1001-H')],
  play: FieldErrors.play,
  render: (args) => html`
    <div style="width: 360px; outline: 1px dashed #8888">
      <kith-feedback kind="review" product=${ifDefined(args.product)} locale=${ifDefined(args.locale)} theme=${ifDefined(args.theme)}></kith-feedback>
    </div>
  `,
};

/**
 * Written and submitted offline: the review waits in the outbox (here the client's memory; on a
 * page, IndexedDB) and is sent once, when the connection is back, even after a reload.
 */
export const Queued: Story = {
  name: 'Saved offline',
  args: { product: 'SKU-1001-I' },
  parameters: reaches('queued'),
  loaders: [start('SKU-1001-I', { offline: true })],
  play: async ({ canvasElement }) => {
    const root = await formOf(canvasElement);
    fill(root);
    submit(root);
    await findDeep(canvasElement, '[part~="receipt"]', 'receipt');
  },
};

/** No client (no `.client`, provider, page settings, `base-url` and `key`): a submit keeps the review and says the form is not set up. */
export const NotConfigured: Story = {
  name: 'Not configured',
  args: { product: 'SKU-1001-J' },
  parameters: reaches('form'),
  loaders: [start('SKU-1001-J')],
  play: async ({ canvasElement }) => {
    const root = await formOf(canvasElement);
    fill(root);
    submit(root);
    await findDeep(canvasElement, '[part~="notice"]', 'notice');
  },
};
