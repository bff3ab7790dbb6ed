import { Hono } from 'hono';
import { Customer, Id } from '@kith/schema';
import { getCustomer } from '../customers/read.js';
import { requireCredential } from '../http/auth.js';
import type { AppEnv } from '../http/env.js';
import { ApiError, validationError } from '../http/errors.js';
import { sendValid } from '../http/respond.js';

/** `/v1/customers` */
export function customerRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  // Walking skeleton: a publishable key from one of its allowed origins may read a
  // customer so the examples work before tokens exist. Issue #3 restricts customer data
  // to staff tokens with `customers:read` and drops the publishable key here.
  routes.get('/:id', requireCredential({ publishable: 'browser', secret: true }), async (c) => {
    const id = c.req.param('id');
    if (!Id.safeParse(id).success) {
      throw validationError('The customer id must be a UUID.', [{ path: ['id'], message: 'Must be a UUID' }]);
    }
    const customer = await getCustomer(c.get('db'), id);
    if (!customer) throw new ApiError(404, 'not_found', `No customer with id ${id}.`);
    c.header('ETag', `"${customer.version}"`);
    c.header('Cache-Control', 'private, no-cache');
    return sendValid(c, Customer, customer);
  });

  return routes;
}
