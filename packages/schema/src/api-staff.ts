// Request and response shapes of the /v1 routes for staff (beyond the domain records).
import * as z from 'zod/mini';
import { Id, shortText } from './common.js';
import { Cursor, page } from './page.js';
import { Staff, StaffRole } from './staff.js';

/**
 * A staff user in the directory: the record plus their place in the sales hierarchy, which
 * decides what they see (a manager sees what their team owns).
 */
export const StaffMember = z.extend(Staff, {
  /** The team they belong to ("Retail", "Wholesale"); null for nobody's team. */
  team: z.nullable(shortText(80)),
  /** The manager they report to; null at the top. */
  managerId: z.nullable(Id),
});
export type StaffMember = z.infer<typeof StaffMember>;

/** `GET /v1/staff`: the directory by name, filtered by team, role or manager. */
export const StaffListQuery = z.strictObject({
  cursor: z.optional(Cursor),
  limit: z.optional(z.pipe(z.coerce.number(), z.int().check(z.minimum(1), z.maximum(100)))),
  team: z.optional(shortText(80)),
  role: z.optional(StaffRole),
  managerId: z.optional(Id),
});
export type StaffListQuery = z.infer<typeof StaffListQuery>;

export const StaffPage = page(StaffMember);
export type StaffPage = z.infer<typeof StaffPage>;
