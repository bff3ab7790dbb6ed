// Loaded on demand by live.ts (its own chunk): the schema every live event is validated with.
export { KithEvent } from '@kith/schema';
