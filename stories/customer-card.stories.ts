// <kith-customer-card> in every state it renders on purpose. Each story's loader gives the card
// a real SDK client whose network replays answers recorded from the real server
// (stories/fixtures/customers.json, checked against @kith/schema when the stories load).
// Locale and theme: the toolbar, or the "Locales and themes" story. `parameters.kith.status` is
// the state the card must reach: scripts/storybook-check.mjs renders every story and checks it.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { Customer } from '@kith/schema';
import type { KithClient } from '@kith/sdk';
import '@kith/elements/customer-card.js';
import { findDeep } from './support/dom.js';
import { recordedCustomers, type Recorded } from './support/recorded.js';
import { withReplay } from './support/replay.js';
import { reaches, stateStories } from './support/states.js';

const { sampleCustomerId, unknownId, responses } = recordedCustomers;

/** The recorded customers of these stories (scripts/record-story-data.mjs picks them from the demo). */
type CardCustomer = 'customer' | 'keyAccount' | 'churnRisk' | 'overLimit' | 'organisation' | 'contactPerson';

/**
 * A story of a recorded customer: its id, and a client answering with the customer and the
 * staff record of its owner (the card shows the owner's name), and `more`.
 */
const showing = (name: CardCustomer, ...more: Recorded[]) => ({
  args: { 'customer-id': Customer.parse(responses[name].body).id },
  loaders: [withReplay([responses[name], responses[`${name}Owner`], ...more])],
});

/** Loading and saved data: the card's client read the customer and their owner once. */
const states = stateStories({
  answers: [responses.customer, responses.customerOwner],
  prime: (client) => {
    const customer = Customer.parse(responses.customer.body);
    return Promise.all([client.customers.get(customer.id), customer.ownerId && client.staff.get(customer.ownerId)]);
  },
});

interface CardArgs {
  'customer-id'?: string;
  compact?: boolean;
  readonly?: boolean;
  locale?: string;
  theme?: 'light' | 'dark' | 'auto';
  onKithLoad?: (event: Event) => void;
  onKithError?: (event: Event) => void;
  onKithCustomerUpdate?: (event: Event) => void;
}

const meta = {
  title: 'Elements/Customer card',
  component: 'kith-customer-card',
  tags: ['autodocs'],
  args: { 'customer-id': sampleCustomerId, compact: false, readonly: false },
  // Wired to the card (the toolbar's locale and theme apply while these are unset).
  argTypes: {
    'customer-id': { control: 'text' },
    compact: { control: 'boolean' },
    readonly: { control: 'boolean' },
    locale: { control: 'select', options: ['en', 'en-GB', 'zh-Hans', 'zh-CN', 'zh-Hant', 'zh-TW', 'zh-HK'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  },
  render: (args, { loaded }) => html`
    <kith-customer-card
      style="max-width: 24rem"
      .client=${loaded['client'] as KithClient | undefined}
      customer-id=${ifDefined(args['customer-id'])}
      ?compact=${args.compact}
      ?readonly=${args.readonly}
      locale=${ifDefined(args.locale)}
      theme=${ifDefined(args.theme)}
      @kith-load=${args.onKithLoad}
      @kith-error=${args.onKithError}
      @kith-customer-update=${args.onKithCustomerUpdate}
    ></kith-customer-card>
  `,
} satisfies Meta<CardArgs>;

export default meta;
type Story = StoryObj<CardArgs>;

/** The demo's sample customer, as their account manager sees them: value, contact, credit, last contact, owner, tags, edit buttons. */
export const Ready: Story = {
  parameters: reaches('ready'),
  ...showing('customer'),
};

/** One line for lists and headers: avatar, name, company and chips only. */
export const Compact: Story = {
  parameters: reaches('ready'),
  ...showing('customer'),
  args: { 'customer-id': sampleCustomerId, compact: true },
};

/** A private customer among the most valuable: the key-account chip. */
export const KeyAccount: Story = {
  parameters: reaches('ready'),
  ...showing('keyAccount'),
};

/** The customer at risk of churn whose last order is longest ago: the warning, why (their own rhythm) and the estimated risk. */
export const ChurnRisk: Story = {
  parameters: reaches('ready'),
  ...showing('churnRisk'),
};

/**
 * The customer whose credit line is most used: the bar, what is left and the rating. The
 * recording script picks one over its limit when the demo has one (the card then says by how
 * much, in the warning colour); the demo's fullest line is below it.
 */
export const CreditMostUsed: Story = {
  name: 'Credit, most used',
  parameters: reaches('ready'),
  ...showing('overLimit'),
};

/** An organisation customer: no company line, its own credit line. */
export const Organisation: Story = {
  parameters: reaches('ready'),
  ...showing('organisation'),
};

/** A contact person of an organisation: their role at the company (recorded, where the demo has one, with no orders and no tags: the card's empty rows). */
export const ContactPerson: Story = {
  parameters: reaches('ready'),
  ...showing('contactPerson'),
};

/** On a page whose staff may look but not change: no edit buttons. */
export const Readonly: Story = {
  parameters: reaches('ready'),
  ...showing('customer'),
  args: { 'customer-id': sampleCustomerId, readonly: true },
};

// A picture for the `avatar` slot, inline (stories make no request leaving the machine).
const AVATAR = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#6d5bd0"/>' +
    '<circle cx="32" cy="25" r="12" fill="#f4efff"/><path d="M10 60c2-13 11-20 22-20s20 7 22 20z" fill="#f4efff"/></svg>',
)}`;

/** The page's own buttons in the `actions` slot, and a picture in the `avatar` slot instead of the initials. */
export const WithSlots: Story = {
  name: 'Actions and avatar slots',
  parameters: reaches('ready'),
  ...showing('customer'),
  render: (args, { loaded }) => html`
    <kith-customer-card style="max-width: 24rem" .client=${loaded['client'] as KithClient | undefined} customer-id=${ifDefined(args['customer-id'])}>
      <img slot="avatar" src=${AVATAR} alt="" width="40" height="40" />
      <button slot="actions" type="button">Call</button>
      <button slot="actions" type="button">New order</button>
    </kith-customer-card>
  `,
};

/** Tags edited in place: the inline editor (a chunk of its own), opened by the Edit tags button. */
export const EditingTags: Story = {
  parameters: reaches('ready'),
  ...showing('customer'),
  play: async ({ canvasElement }) => {
    const edit = await findDeep<HTMLButtonElement>(canvasElement, '[part~="edit-button"][data-edit="tags"]', 'Edit tags button');
    edit.click();
    await findDeep(canvasElement, '[part~="tag-input"]', 'tag field');
  },
};

/** The owner edited in place: the colleagues to choose from (the staff directory). */
export const ChangingOwner: Story = {
  parameters: reaches('ready'),
  ...showing('customer', responses.staff),
  play: async ({ canvasElement }) => {
    const edit = await findDeep<HTMLButtonElement>(canvasElement, '[part~="edit-button"][data-edit="owner"]', 'Change owner button');
    edit.click();
    await findDeep(canvasElement, '[part~="owner-select"] option', 'list of colleagues');
  },
};

/** The server has not answered yet: a skeleton, `aria-busy`, and a status for screen readers. */
export const Loading: Story = states.loading();

/** Saved data while the server cannot be reached (offline, down, too slow), with Retry. */
export const OfflineWithSavedData: Story = { name: 'Offline, saved data', ...states.offline() };

/** Saved data while the latest could not be loaded for another reason (here the rate limit, 429), with Retry. */
export const StaleSavedData: Story = { name: 'Stale, saved data', ...states.stale([responses.rateLimited, responses.customerOwner]) };

/** Nothing saved and the server cannot be reached. */
export const ErrorOffline: Story = { name: 'Error, offline', ...states.errorOffline() };

/** The server refused the key (401). */
export const ErrorKeyRefused: Story = {
  name: 'Error, key refused',
  parameters: reaches('error'),
  loaders: [withReplay([responses.keyRefused])],
};

/** Too many requests (429) and nothing saved: the error, with Retry. */
export const RateLimited: Story = {
  parameters: reaches('error'),
  loaders: [withReplay([responses.rateLimited])],
};

/** No customer has this id (404). */
export const NotFound: Story = {
  parameters: reaches('not_found'),
  args: { 'customer-id': unknownId },
  loaders: [withReplay([responses.notFound])],
};

/** A publishable key alone may not read customers (403): staff must sign in. */
export const NotAuthorised: Story = {
  parameters: reaches('not_authorized'),
  loaders: [withReplay([responses.forbidden])],
};

/** No client: no `.client`, no provider, no page settings, no `base-url` and `key`. */
export const NotConfigured: Story = states.notConfigured();

/** A client, but no `customer-id` yet. */
export const NoCustomer: Story = {
  parameters: reaches('idle'),
  args: { 'customer-id': undefined },
  loaders: [withReplay([responses.customer])],
};

const LOCALES = ['en', 'zh-Hans', 'zh-Hant'] as const;
const THEMES = ['light', 'dark'] as const;

/** The sample customer in every shipped language, light and dark, side by side. */
export const LocalesAndThemes: Story = {
  name: 'Locales and themes',
  parameters: reaches('ready'),
  ...showing('customer'),
  render: (args, { loaded }) => html`
    <div style="display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 1rem; max-width: 60rem">
      ${THEMES.flatMap((theme) =>
        LOCALES.map(
          (locale) => html`
            <div lang=${locale} data-kith-theme=${theme} style="padding: 0.75rem; background: ${theme === 'dark' ? '#0d1117' : '#f6f8fa'}">
              <kith-customer-card
                .client=${loaded['client'] as KithClient | undefined}
                customer-id=${ifDefined(args['customer-id'])}
              ></kith-customer-card>
            </div>
          `,
        ),
      )}
    </div>
  `,
};
