// The public API's types, checked when compiled (`npm run test:types` fails on a mismatch), and
// the exported names, checked at run time.
import { expect } from '@open-wc/testing';
import type { CreateInteraction, Customer, FeedbackPage, Interaction, OrderListQuery, OrderPage, ReviewAggregate } from '@kith/schema';
import * as sdk from './index.js';
import type {
  ClientOptions, KithClient, KithCore, KithError, KithErrorCode, OrdersResource, OutboxEntry, Read, ReadOptions, ReadState, WriteResult,
} from './index.js';
import type { reviews } from './resources/reviews.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

// Reads are awaitable and observable, typed by the resource's schema.
export type ReadsAreTyped = [
  Expect<Equal<ReturnType<KithClient['customers']['get']>, Read<Customer>>>,
  Expect<Equal<Awaited<ReturnType<KithClient['customers']['get']>>, Customer>>,
  Expect<Equal<Parameters<Parameters<Read<Customer>['subscribe']>[0]>[0], ReadState<Customer>>>,
  Expect<Equal<ReturnType<ReturnType<typeof reviews>['aggregate']>, Read<ReviewAggregate>>>,
  // A shopper's orders, and their own feedback through the staff list's method.
  Expect<Equal<KithClient['orders'], OrdersResource>>,
  Expect<Equal<Parameters<KithClient['orders']['list']>, [customerId: string, query?: OrderListQuery, options?: ReadOptions]>>,
  Expect<Equal<ReturnType<KithClient['orders']['list']>, Read<OrderPage>>>,
  Expect<Equal<ReturnType<KithClient['feedback']['list']>, Read<FeedbackPage>>>,
];

// User-authored writes take the request schema's type and resolve with a WriteResult.
export type WritesAreTyped = [
  Expect<Equal<Parameters<KithClient['interactions']['create']>[1], CreateInteraction>>,
  Expect<Equal<ReturnType<KithClient['interactions']['create']>, Promise<WriteResult<Interaction>>>>,
];

// The client is the core plus the resources; a resource module works over any core.
export type ClientIsACore = Expect<KithClient extends KithCore ? true : false>;
export type ResourceOverCore = Expect<Equal<Parameters<typeof reviews>[0], KithCore>>;

/** A WriteResult narrows on `status`: data when sent, the stored entry otherwise, the error when refused. */
export function describeResult(result: WriteResult<Interaction>): string {
  switch (result.status) {
    case 'sent':
      return result.data.summary;
    case 'queued': {
      const entry: OutboxEntry = result.entry;
      return `queued ${entry.kind}`;
    }
    case 'failed': {
      const code: KithErrorCode = result.error.code;
      const error: KithError = result.error;
      return `${code}: ${error.message} (${result.entry.state})`;
    }
  }
}

// Options: the token is a function, never the token itself; `cache: false` keeps everything in memory.
export const memoryOnly: ClientOptions = { baseUrl: 'https://crm.example', key: 'pk_x', cache: false };
// @ts-expect-error a token string is refused by the types (and by createClient at run time)
export const tokenString: ClientOptions = { baseUrl: 'https://crm.example', key: 'pk_x', token: 'eyJ…' };

describe('the public API', () => {
  it('exports its functions and values by name', () => {
    expect(Object.keys(sdk).sort()).to.deep.equal(['KITH_ERROR_CODES', 'KithError', 'checkOptions', 'createClient', 'createCore', 'isKithError']);
    expect(sdk.KITH_ERROR_CODES).to.have.members([
      'network', 'timeout', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'rate_limited', 'validation', 'server', 'invalid_response',
    ]);
  });

  it('narrows a write result as typed', () => {
    const entry = { kind: 'interactions.create', state: 'failed' } as OutboxEntry;
    const error = new sdk.KithError('validation', 'summary is required');
    expect(describeResult({ status: 'failed', entry, error })).to.equal('validation: summary is required (failed)');
    expect(describeResult({ status: 'queued', entry })).to.equal('queued interactions.create');
  });
});
