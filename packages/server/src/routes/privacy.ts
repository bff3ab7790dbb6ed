import * as z from 'zod/mini';
import { CustomerErasure, CustomerEraseRequest, CustomerExport, Id } from '@kith/schema';
import { audit } from '../audit/audit.js';
import { forbidden } from '../http/auth.js';
import { ApiError } from '../http/errors.js';
import { route } from '../http/route.js';
import { eraseCustomer } from '../privacy/erase.js';
import { exportCustomer, sectionCounts } from '../privacy/export.js';
import { readSubject } from '../privacy/subject.js';
import { canSeeCustomer, visibilityOf } from '../visibility/visibility.js';

const ById = z.object({ id: Id });

/**
 * `GET /v1/customers/:id/export`: everything held about one customer (a subject-access
 * request). Staff with `privacy:manage` (a customer within their hierarchy; 404 otherwise),
 * the shop's server, or the customer's own token. Audited with the section counts only.
 */
export const exportCustomerRoute = route({
  method: 'GET',
  path: '/v1/customers/:id/export',
  summary: "Export everything held about a customer (subject-access request)",
  tag: 'privacy',
  access: { staff: 'privacy:manage', secret: true, customer: true },
  params: ById,
  response: CustomerExport,
  async handle({ c, db, credential, params, now }) {
    if (credential.kind === 'customer' && credential.customerId !== params.id) {
      throw forbidden("A customer token exports only its own customer's data.");
    }
    const viewer = await visibilityOf(db, credential);
    const subject = (await canSeeCustomer(db, viewer, params.id)) ? await readSubject(db, params.id) : null;
    if (!subject) throw new ApiError(404, 'not_found', `No customer with id ${params.id}.`);
    const document = await exportCustomer(db, subject, viewer, now);
    await audit(db, credential, {
      action: 'customer.export', entity: 'customer', entityId: params.id, before: null,
      after: { format: document.format, sections: sectionCounts(document) },
    }, now);
    // Personal data: never kept by a shared cache, nor by the browser beyond this answer.
    c.header('Cache-Control', 'private, no-store');
    return document;
  },
});

/**
 * `POST /v1/customers/:id/erase`: removes or anonymises the customer's personal data
 * everywhere, in one transaction; the customer stays as a tombstone. Staff with
 * `privacy:manage` (within their hierarchy) or the shop's server — never a customer token:
 * erasure cannot be undone and destroys records the shop may have to keep (an open dispute,
 * a legal hold), so the shop decides whether and how (the `reviews` choice) after checking
 * who is asking; a leaked 15-minute token must not be able to wipe an account. A shopper's
 * own request goes through the shop's server, which calls this with its secret key.
 */
export const eraseCustomerRoute = route({
  method: 'POST',
  path: '/v1/customers/:id/erase',
  summary: "Erase a customer's personal data (the record stays as a tombstone)",
  tag: 'privacy',
  access: { staff: 'privacy:manage', secret: true },
  params: ById,
  body: CustomerEraseRequest,
  response: CustomerErasure,
  async handle({ db, credential, params, body, now }) {
    const viewer = await visibilityOf(db, credential);
    return eraseCustomer(db, { credential, viewer, customerId: params.id, request: body, now });
  },
});

/** The routes of this file. */
export const privacyRoutes = [exportCustomerRoute, eraseCustomerRoute];
