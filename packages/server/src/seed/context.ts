import type { ContactChannel } from '@kith/schema';
import type { DemoLocale } from './names.js';
import { Random } from './random.js';
import type { CustomerValueColumns } from '../ingestion/values.js';
import type { OrderLineRow, OrderRow } from '../orders/read.js';

/** The fixed PRNG seed of the demo data: same content on every install. */
export const DEMO_SEED = 0x4b17_2026;
export const DEMO_CURRENCY = 'EUR';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Shared by the generators: the PRNG and "now" (all demo times are relative to it). */
export class SeedContext {
  readonly rng: Random;
  constructor(
    readonly now: Date,
    seed = DEMO_SEED,
  ) {
    this.rng = new Random(seed);
  }

  /** `days` (fractional allowed) before now. */
  ago(days: number): Date {
    return new Date(this.now.getTime() - days * DAY);
  }

  /** `hours` after `date` (negative: before). */
  plusHours(date: Date, hours: number): Date {
    return new Date(date.getTime() + hours * HOUR);
  }

  /** The earlier of `date` and an hour ago: nothing in the demo lies in the future by accident. */
  past(date: Date): Date {
    const limit = this.now.getTime() - HOUR;
    return date.getTime() > limit ? new Date(limit) : date;
  }
}

/** How a customer buys; drives their orders and so their RFM segment. */
export type Archetype = 'champion' | 'loyal' | 'new' | 'promising' | 'at_risk' | 'cannot_lose' | 'hibernating' | 'lost' | 'none';

export interface StaffSeed {
  id: string;
  name: string;
  email: string;
  role: 'admin' | 'manager' | 'sales' | 'support';
  /** Their team and the manager they report to: the sales hierarchy decides who sees what. */
  team: string | null;
  manager_id: string | null;
}

export interface CustomerSeed extends CustomerValueColumns {
  external_id: string;
  /** Not stored: the preferred e-mail channel (the `email` column is generated from it). */
  email: string;
  kind: 'person' | 'organisation';
  name: string;
  company: string | null;
  organisation_id: string | null;
  role: string | null;
  channels: ContactChannel[];
  owner_id: string | null;
  tags: string[];
  locale: DemoLocale;
  credit_limit: number | null;
  credit_used: number | null;
  credit_rating: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  /** Not stored: how the generator makes this customer buy. */
  archetype: Archetype;
}

export interface ProductSeed {
  id: string;
  external_id: string;
  name: string;
  url: string;
  image_url: string;
  price: number;
  currency: string;
  created_at: Date;
  updated_at: Date;
}

/** An `order_lines` row as the seed makes it: the reader's row, always linked to a product. */
export interface OrderLineSeed extends OrderLineRow {
  order_id: string;
  line_no: number;
  product_id: string;
  external_product_id: string;
}

/** An `orders` row as the seed makes it: the reader's row with seed lines. */
export interface OrderSeed extends Omit<OrderRow, 'lines'> {
  lines: OrderLineSeed[];
}
