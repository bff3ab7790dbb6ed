// Request and response shapes of the /v1 routes for orders (beyond the domain record).
import * as z from 'zod/mini';
import { OrderStatus, Order } from './order.js';
import { PageQuery, page } from './page.js';

/** `GET /v1/customers/:id/orders`: a page of the customer's orders, optionally of one status. */
export const OrderListQuery = z.strictObject({
  ...PageQuery.shape,
  status: z.optional(OrderStatus),
});
export type OrderListQuery = z.infer<typeof OrderListQuery>;

/** A page of a customer's orders, newest placed first, each with its lines. */
export const OrderPage = page(Order);
export type OrderPage = z.infer<typeof OrderPage>;
