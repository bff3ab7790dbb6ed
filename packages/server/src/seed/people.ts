import { CONTACT_ROLES, EN_FIRST, EN_LAST, FIXED_NAMES, HANS_FAMILY, HANS_GIVEN, HANT_FAMILY, HANT_GIVEN, ORGANISATIONS, type DemoLocale } from './names.js';
import { DEMO_CURRENCY, DEMO_SEED, type Archetype, type CustomerSeed, type SeedContext, type StaffSeed } from './context.js';
import { Random } from './random.js';
import { STAFF, TAGS } from './texts.js';

export const PRIVATE_PERSONS = 204;
export const CONTACTS_PER_ORGANISATION = 2;
/** The customer the examples show: a contact person with orders, a tier, a company. */
export const SAMPLE_NAME = 'Olivia Bennett';

const ARCHETYPES: readonly [Archetype, number][] = [
  ['champion', 12], ['loyal', 16], ['new', 10], ['promising', 8], ['at_risk', 12],
  ['cannot_lose', 5], ['hibernating', 14], ['lost', 13], ['none', 10],
];

function archetype(ctx: SeedContext): Archetype {
  let roll = ctx.rng.int(1, ARCHETYPES.reduce((sum, [, w]) => sum + w, 0));
  for (const [kind, weight] of ARCHETYPES) {
    roll -= weight;
    if (roll <= 0) return kind;
  }
  return 'none';
}

/**
 * The sales hierarchy of the demo (migration 0003): an admin at the top, two sales teams
 * each with a manager and reps reporting to them, and customer care. Keyed by name.
 */
const HIERARCHY: Record<string, { team: string | null; manager: string | null }> = {
  'Alex Morgan': { team: null, manager: null },
  'Priya Shah': { team: 'Retail', manager: 'Alex Morgan' },
  'Tom Fletcher': { team: 'Retail', manager: 'Priya Shah' },
  'Emma Clarke': { team: 'Retail', manager: 'Priya Shah' },
  '周文杰': { team: 'Greater China', manager: 'Alex Morgan' },
  '陈美玲': { team: 'Greater China', manager: '周文杰' },
  '林家豪': { team: 'Greater China', manager: '周文杰' },
  'Sarah Kim': { team: 'Customer care', manager: 'Alex Morgan' },
  '王磊': { team: 'Customer care', manager: 'Sarah Kim' },
};
/** Staff added after the first seven; their ids come from their own PRNG (see makeStaff). */
const LATER_STAFF = [
  { name: 'Emma Clarke', role: 'sales' },
  { name: '周文杰', role: 'manager' },
] as const;

export function makeStaff(ctx: SeedContext): StaffSeed[] {
  // The first seven draw their ids from the shared PRNG exactly as before, and the later
  // ones from a PRNG of their own, so every other demo record keeps its id and content.
  const later = new Random(DEMO_SEED ^ 0x57aff);
  const people = [
    ...STAFF.map((s) => ({ ...s, id: ctx.rng.uuid() })),
    ...LATER_STAFF.map((s) => ({ ...s, id: later.uuid() })),
  ];
  const idOf = new Map<string, string>(people.map((p) => [p.name, p.id]));
  return people.map((p, i) => {
    const place = HIERARCHY[p.name];
    return {
      id: p.id, name: p.name, email: `staff${i + 1}@kith.example.com`, role: p.role,
      team: place?.team ?? null, manager_id: (place?.manager && idOf.get(place.manager)) ?? null,
    };
  });
}

/** Locale of the i-th private person: 45 % English, 30 % Simplified, 25 % Traditional Chinese. */
const localeOf = (i: number): DemoLocale => (i % 20 < 9 ? 'en' : i % 20 < 15 ? 'zh-Hans' : 'zh-Hant');

function randomName(ctx: SeedContext, locale: DemoLocale): string {
  const { rng } = ctx;
  if (locale === 'en') return `${rng.pick(EN_FIRST)} ${rng.pick(EN_LAST)}`;
  if (locale === 'zh-Hans') return rng.pick(HANS_FAMILY) + rng.pick(HANS_GIVEN);
  return rng.pick(HANT_FAMILY) + rng.pick(HANT_GIVEN);
}

function phone(ctx: SeedContext, locale: DemoLocale): string {
  const { rng } = ctx;
  if (locale === 'en') return `+44 7700 900${String(rng.int(0, 999)).padStart(3, '0')}`;
  if (locale === 'zh-Hans') return `+86 138 ${rng.int(1000, 9999)} ${rng.int(1000, 9999)}`;
  return `+886 912 ${rng.int(100, 999)} ${rng.int(100, 999)}`;
}

/** What differs between demo customers; the rest is filled in by `add`. */
type CustomerDraft = Pick<CustomerSeed, 'kind' | 'name' | 'company' | 'organisation_id' | 'role' | 'owner_id' | 'tags' | 'locale' | 'archetype'>;

const DOMAIN: Record<DemoLocale, string> = { en: 'example.com', 'zh-Hans': 'example.net', 'zh-Hant': 'example.org' };

/**
 * Organisations with contact persons, then private persons; fixed names first in each
 * locale so the documented examples (王芳, 陳志明, …) always exist.
 */
export function makeCustomers(ctx: SeedContext): CustomerSeed[] {
  const { rng } = ctx;
  const used = new Set<string>([SAMPLE_NAME]);
  const fixed: Record<DemoLocale, string[]> = { en: [...FIXED_NAMES.en], 'zh-Hans': [...FIXED_NAMES['zh-Hans']], 'zh-Hant': [...FIXED_NAMES['zh-Hant']] };
  const nextName = (locale: DemoLocale): string => {
    let name = fixed[locale].shift();
    while (name === undefined || used.has(name)) name = randomName(ctx, locale);
    used.add(name);
    return name;
  };
  const customers: CustomerSeed[] = [];
  const add = (c: CustomerDraft): CustomerSeed => {
    const n = customers.length + 1;
    const email = `${c.kind === 'organisation' ? 'purchasing' : 'customer'}${n}@${DOMAIN[c.locale]}`;
    const number = phone(ctx, c.locale);
    const channels: CustomerSeed['channels'] = [
      { kind: 'email', value: email, preferred: true },
      { kind: c.kind === 'organisation' ? 'phone' : 'mobile', value: number, preferred: false },
    ];
    if (c.kind === 'organisation' && rng.chance(0.5)) channels.push({ kind: 'fax', value: phone(ctx, c.locale), preferred: false });
    if (c.kind === 'person' && rng.chance(0.3)) channels.push({ kind: 'social', value: `@kith_fan_${n}`, preferred: false });
    if (c.kind === 'person' && rng.chance(0.4)) channels.push({ kind: 'sms', value: number, preferred: false });
    const created = ctx.ago(rng.int(400, 1100));
    const customer: CustomerSeed = {
      ...c,
      id: rng.uuid(),
      external_id: `shop-user-${10000 + n}`,
      email,
      channels,
      currency: DEMO_CURRENCY,
      lifetime_value: 0,
      order_count: 0,
      first_order_at: null,
      last_order_at: null,
      rfm_recency: null,
      rfm_frequency: null,
      rfm_monetary: null,
      segment: null,
      key_account: false,
      churn_level: null,
      churn_score: null,
      credit_limit: null,
      credit_used: null,
      credit_rating: null,
      version: 1,
      created_at: created,
      updated_at: created,
    };
    customers.push(customer);
    return customer;
  };

  for (const org of ORGANISATIONS) {
    const organisation = add({ kind: 'organisation', name: org.name, company: null, organisation_id: null, role: null, owner_id: null, tags: ['wholesale'], locale: org.locale, archetype: rng.chance(0.5) ? 'champion' : 'loyal' });
    organisation.credit_limit = rng.pick([500_000, 1_000_000, 2_000_000]);
    organisation.credit_used = Math.round((organisation.credit_limit * rng.int(0, 80)) / 100);
    organisation.credit_rating = rng.pick(['A', 'A', 'B', 'B', 'C']);
    for (let i = 0; i < CONTACTS_PER_ORGANISATION; i++) {
      const isSample = customers.length === 1;
      const contact = add({
        kind: 'person',
        name: isSample ? SAMPLE_NAME : nextName(org.locale),
        company: org.name,
        organisation_id: organisation.id,
        role: CONTACT_ROLES[org.locale][i % CONTACT_ROLES[org.locale].length] ?? null,
        owner_id: null,
        tags: isSample ? ['newsletter', 'gift-buyer'] : [],
        locale: org.locale,
        archetype: isSample ? 'champion' : 'none',
      });
      if (isSample) {
        contact.credit_limit = 300_000;
        contact.credit_used = 45_000;
        contact.credit_rating = 'A';
      }
    }
  }
  for (let i = 0; i < PRIVATE_PERSONS; i++) {
    const locale = localeOf(i);
    const tags = rng.sample(TAGS.filter((t) => t !== 'vip' && t !== 'wholesale' && t !== 'senior-member'), rng.int(0, 2));
    const person = add({ kind: 'person', name: nextName(locale), company: null, organisation_id: null, role: null, owner_id: null, tags, locale, archetype: archetype(ctx) });
    if (rng.chance(0.08)) {
      person.credit_limit = 50_000;
      person.credit_used = rng.int(0, 40) * 500;
      person.credit_rating = rng.pick(['B', 'C', 'D', 'E']);
    }
  }
  return customers;
}
