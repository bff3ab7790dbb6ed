import type { Staff, StaffMember } from '@kith/schema';
import { iso } from '../db/rows.js';

/** A `staff` row as `STAFF_COLUMNS` selects it. */
export interface StaffRow {
  id: string;
  name: string;
  email: string;
  role: Staff['role'];
  created_at: Date;
}

/** The columns `toStaff` needs, from `staff s`. */
export const STAFF_COLUMNS = 's.id, s.name, s.email, s.role, s.created_at';
/** Append WHERE / ORDER BY / LIMIT. */
export const SELECT_STAFF = `SELECT ${STAFF_COLUMNS} FROM staff s`;

/** Maps a row to `Staff`. */
export function toStaff(row: StaffRow): Staff {
  return { id: row.id, name: row.name, email: row.email, role: row.role, createdAt: iso(row.created_at) };
}

/** A `staff` row with its place in the hierarchy (migration 0003), for the directory. */
export interface StaffMemberRow extends StaffRow {
  team: string | null;
  manager_id: string | null;
}

/** The directory's columns, from `staff s`. */
export const STAFF_MEMBER_COLUMNS = `${STAFF_COLUMNS}, s.team, s.manager_id`;
/** Append WHERE / ORDER BY / LIMIT. */
export const SELECT_STAFF_MEMBERS = `SELECT ${STAFF_MEMBER_COLUMNS} FROM staff s`;

/** Maps a directory row to `StaffMember`. */
export function toStaffMember(row: StaffMemberRow): StaffMember {
  return { ...toStaff(row), team: row.team, managerId: row.manager_id };
}
