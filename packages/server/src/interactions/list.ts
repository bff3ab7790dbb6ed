// A customer's timeline, filtered and counted in SQL over ALL its rows — never over a loaded
// page — newest first, with facet counts for the filter bar.
import * as z from 'zod/mini';
import { Id, InteractionChannel, InteractionPhase, InteractionType } from '@kith/schema';
import type { InteractionCounts, InteractionPage, InteractionQuery } from '@kith/schema';
import type { Queryable, SqlValue } from '../db/database.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { INTERACTION_COLUMNS, toInteraction, type InteractionRow } from './read.js';

const DEFAULT_LIMIT = 20;
/** The cursor: the last row's exact `occurred_at` (microseconds, UTC) and id. */
const TimelineCursor = z.tuple([z.string().check(z.regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/)), Id]);
const CURSOR_AT = `to_char(i.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at`;

/** `LIKE` treats `%`, `_` and `\` specially; the search text is taken literally. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** SQL conditions with their parameters, numbered as they are added. */
class Where {
  readonly conditions: string[] = [];
  readonly params: SqlValue[] = [];
  add(sql: (next: () => string) => string, ...values: SqlValue[]): void {
    let i = 0;
    this.conditions.push(sql(() => `$${this.params.length + ++i}`));
    this.params.push(...values);
  }
  get sql(): string {
    return this.conditions.join(' AND ');
  }
}

/** Conditions every count and the page share: the customer, text and time. */
function baseWhere(customerId: string, query: InteractionQuery): Where {
  const where = new Where();
  where.add((p) => `i.customer_id = ${p()}`, customerId);
  if (query.q !== undefined) {
    where.add((p) => {
      const pattern = p();
      return `(i.summary ILIKE ${pattern} OR i.body ILIKE ${pattern})`;
    }, likePattern(query.q));
  }
  if (query.before !== undefined) where.add((p) => `i.occurred_at < ${p()}::timestamptz`, query.before);
  if (query.after !== undefined) where.add((p) => `i.occurred_at > ${p()}::timestamptz`, query.after);
  return where;
}

type Facet = 'channel' | 'type' | 'phase';
const FACETS: Record<Facet, readonly string[]> = {
  channel: InteractionChannel.options,
  type: InteractionType.options,
  phase: InteractionPhase.options,
};

interface Group {
  channel: string;
  type: string;
  phase: string;
  n: number;
}

/**
 * Counts per (channel, type, phase) — at most 9 × 11 × 3 groups — come from one SQL
 * aggregate over all rows matching the text and time filters; each facet then sums the
 * groups matching the OTHER facets' filters, and `total` those matching all of them.
 */
function facetCounts(groups: readonly Group[], query: InteractionQuery): { total: number; counts: InteractionCounts } {
  const passes = (group: Group, facet: Facet) => {
    const wanted = query[facet];
    return wanted === undefined || (wanted as readonly string[]).includes(group[facet]);
  };
  const tally = (facet: Facet) => {
    const out = Object.fromEntries(FACETS[facet].map((value) => [value, 0])) as Record<string, number>;
    for (const group of groups) {
      if ((Object.keys(FACETS) as Facet[]).every((other) => other === facet || passes(group, other))) {
        out[group[facet]] = (out[group[facet]] ?? 0) + group.n;
      }
    }
    return out;
  };
  const total = groups.filter((g) => passes(g, 'channel') && passes(g, 'type') && passes(g, 'phase')).reduce((sum, g) => sum + g.n, 0);
  return { total, counts: { channel: tally('channel'), type: tally('type'), phase: tally('phase') } as InteractionCounts };
}

/** One page of the customer's timeline with the total and the facet counts. */
export async function listInteractions(db: Queryable, customerId: string, query: InteractionQuery): Promise<InteractionPage> {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const base = baseWhere(customerId, query);
  const { rows: groups } = await db.query<Group>(
    `SELECT i.channel, i.type, i.phase, count(*)::int AS n FROM interactions i WHERE ${base.sql} GROUP BY 1, 2, 3`,
    base.params,
  );

  const where = baseWhere(customerId, query);
  for (const facet of ['channel', 'type', 'phase'] as const) {
    const values = query[facet];
    if (values !== undefined) where.add((p) => `i.${facet} = ANY(${p()}::text[])`, values);
  }
  if (query.cursor !== undefined) {
    const [at, id] = decodeCursor(query.cursor, TimelineCursor);
    where.add((p) => `(i.occurred_at, i.id) < (${p()}::timestamptz, ${p()}::uuid)`, at, id);
  }
  const { rows } = await db.query<InteractionRow & { cursor_at: string }>(
    `SELECT ${INTERACTION_COLUMNS}, ${CURSOR_AT} FROM interactions i
     WHERE ${where.sql} ORDER BY i.occurred_at DESC, i.id DESC LIMIT $${where.params.length + 1}`,
    [...where.params, limit + 1],
  );
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const next = rows.length > limit && last ? encodeCursor([last.cursor_at, last.id]) : null;
  return { items: items.map(toInteraction), next, ...facetCounts(groups, query) };
}
