export * from './currency.js';
export * from './common.js';
export * from './error.js';
export * from './page.js';
export * from './customer.js';
