import * as z from 'zod/mini';
import { Email, Id, Timestamp, shortText } from './common.js';

/**
 * What a staff user may do. `admin` runs the install, `manager` sees every customer and
 * pipeline, `sales` works their own customers and opportunities, `support` the inbox.
 */
export const StaffRole = z.enum(['admin', 'manager', 'sales', 'support']);
export type StaffRole = z.infer<typeof StaffRole>;

/** A staff user: owns customers and opportunities, answers complaints, writes notes. */
export const Staff = z.strictObject({
  id: Id,
  name: shortText(200),
  email: Email,
  role: StaffRole,
  createdAt: Timestamp,
});
export type Staff = z.infer<typeof Staff>;
