// The server's answers the stories replay, recorded by scripts/record-story-data.mjs and
// checked here, when the stories load, against the @kith/schema schema each one names: a
// fixture that no longer matches the contract fails loudly instead of showing a wrong card.
import * as schemas from '@kith/schema';
import customers from '../fixtures/customers.json';
import loyalty from '../fixtures/loyalty.json';
import pipeline from '../fixtures/pipeline.json';
import reviews from '../fixtures/reviews.json';
import timeline from '../fixtures/timeline.json';

/** One recorded answer: the request that was made and what the server said. */
export interface Recorded {
  readonly method: string;
  /** Path and query, e.g. `/v1/customers/<id>`. */
  readonly path: string;
  /** The credential it was asked with (`staff`, `customer`, `key`, `bad-key`). */
  readonly as: string;
  readonly status: number;
  /** The headers the SDK reads (`etag`, `retry-after`), when the server sent them. */
  readonly headers: Readonly<Record<string, string>>;
  /** The @kith/schema schema of the body (`ErrorEnvelope` for an error). */
  readonly schema: string;
  readonly body: unknown;
}

/**
 * A fixture file: the demo's sample customer, an id nothing has, and the answers by name (and,
 * in some files, the ids their stories use: `emptyCustomerId`, `pipelineId`…).
 */
export interface Fixture<K extends string> {
  readonly sampleCustomerId: string;
  /** A customer with points and a higher tier still to reach. */
  readonly climberCustomerId: string;
  readonly unknownId: string;
  readonly responses: Readonly<Record<K, Recorded>>;
}

interface Parser {
  parse(data: unknown): unknown;
}

const isParser = (value: unknown): value is Parser =>
  typeof value === 'object' && value !== null && typeof (value as Partial<Parser>).parse === 'function';

/** Validates every answer of a fixture with its schema; throws, naming the answer, when one does not match. */
function checked<F extends Fixture<string>>(file: string, fixture: F): F {
  for (const [name, answer] of Object.entries<Recorded>(fixture.responses)) {
    const schema: unknown = (schemas as Record<string, unknown>)[answer.schema];
    if (!isParser(schema)) throw new Error(`stories/fixtures/${file}.json: ${name} names no @kith/schema schema "${answer.schema}"`);
    if ((answer.status < 400) === (answer.schema === 'ErrorEnvelope')) {
      throw new Error(`stories/fixtures/${file}.json: ${name} has status ${answer.status} with schema ${answer.schema}`);
    }
    try {
      schema.parse(answer.body);
    } catch (error) {
      throw new Error(`stories/fixtures/${file}.json: ${name} does not match ${answer.schema}; run \`npm run story-data\``, { cause: error });
    }
  }
  return fixture;
}

/** Customer records and the refusals around them (not found, forbidden, unknown key). */
export const recordedCustomers = checked('customers', customers);

/** The loyalty program, the sample customer's account and latest ledger entries, and a refusal. */
export const recordedLoyalty = checked('loyalty', loyalty);

/**
 * The sample customer's timeline (first page, and filtered by one channel: `channel`), a
 * customer's empty one (`emptyCustomerId`), and the refusals.
 */
export const recordedTimeline = checked('timeline', timeline);

/**
 * The demo's pipeline (`pipelineId`) and its board as its sample account manager sees them, the
 * board of the customer with most deals on it (`customerBoard`, `customerId`), the staff records
 * of the owners on it (`owner1`…), and the refusals (each for both reads).
 */
export const recordedPipeline = checked('pipeline', pipeline);

/**
 * A product's review summary and first pages as `<kith-reviews>` reads them with the publishable
 * key (`productId`: in English, Simplified and Traditional Chinese, every language, sorted, one
 * star bar pressed: `star`), a product without reviews (`emptyProductId`), an unknown one, a 429,
 * and the summaries of six products in one call (`aggregates`, for `<kith-rating>`'s listing).
 */
export const recordedReviews = checked('reviews', reviews);
