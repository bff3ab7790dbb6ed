export { createClient } from './client.js';
export type { ClientOptions, KithClient } from './client.js';
export type { TokenSource } from './credentials.js';
export { KithError, KITH_ERROR_CODES, isKithError } from './errors.js';
export type { KithErrorCode, KithErrorOptions } from './errors.js';
export type { CustomersResource } from './resources/customers.js';
export type { RequestOptions } from './transport.js';
export type { ResponseIssue } from './validate.js';
export type { Customer } from '@kith/schema';
