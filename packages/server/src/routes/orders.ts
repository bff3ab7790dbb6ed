import * as z from 'zod/mini';
import { Id, OrderListQuery, OrderPage } from '@kith/schema';
import { forbidden } from '../http/auth.js';
import { ApiError } from '../http/errors.js';
import { route } from '../http/route.js';
import { listOrders } from '../orders/list.js';
import { canSeeCustomer, visibilityOf } from '../visibility/visibility.js';

const ByCustomer = z.object({ id: Id });

/**
 * `GET /v1/customers/:id/orders`: the customer's orders with their lines, newest placed first,
 * a cursor page at a time, optionally of one status. The shopper's own token (another
 * customer's is refused, as for loyalty), staff with `customers:read` for a customer they
 * see (404 otherwise, like an unknown id), or the shop's server.
 */
export const listOrdersRoute = route({
  method: 'GET',
  path: '/v1/customers/:id/orders',
  summary: "List a customer's orders (newest first)",
  tag: 'orders',
  access: { customer: true, staff: 'customers:read', secret: true },
  params: ByCustomer,
  query: OrderListQuery,
  response: OrderPage,
  async handle({ c, db, credential, params, query }) {
    if (credential.kind === 'customer' && credential.customerId !== params.id) {
      throw forbidden('A customer token reads only its own orders.');
    }
    if (!(await canSeeCustomer(db, await visibilityOf(db, credential), params.id))) {
      throw new ApiError(404, 'not_found', `No customer with id ${params.id}.`);
    }
    c.header('Cache-Control', 'private, no-cache');
    return listOrders(db, params.id, query);
  },
});

/** The routes of this file. */
export const ordersRoutes = [listOrdersRoute];
