import * as z from 'zod/mini';
import { Id, StaffListQuery, StaffMember, StaffPage } from '@kith/schema';
import { NAME_ORDER, decodeNameCursor, namePage } from '../customers/keyset.js';
import type { SqlValue } from '../db/database.js';
import { ApiError } from '../http/errors.js';
import { route } from '../http/route.js';
import { SELECT_STAFF_MEMBERS, toStaffMember, type StaffMemberRow } from '../staff/read.js';

/**
 * `GET /v1/staff`: the staff directory (name, role, team, manager) by name, for owner
 * pickers and the hierarchy. Staff with `staff:read`, or the shop's server.
 */
export const listStaff = route({
  method: 'GET',
  path: '/v1/staff',
  summary: 'List the staff directory',
  tag: 'staff',
  access: { staff: 'staff:read', secret: true },
  query: StaffListQuery,
  response: StaffPage,
  async handle({ db, query }) {
    const where: string[] = [];
    const params: SqlValue[] = [];
    const add = (sql: (n: number) => string, ...values: SqlValue[]) => {
      where.push(sql(params.length + 1));
      params.push(...values);
    };
    if (query.team !== undefined) add((n) => `s.team = $${n}`, query.team);
    if (query.role !== undefined) add((n) => `s.role = $${n}`, query.role);
    if (query.managerId !== undefined) add((n) => `s.manager_id = $${n}`, query.managerId);
    if (query.cursor !== undefined) {
      const after = decodeNameCursor(query.cursor);
      add((n) => `(s.name ${NAME_ORDER}, s.id) > ($${n}::text ${NAME_ORDER}, $${n + 1}::uuid)`, after.name, after.id);
    }
    const limit = query.limit ?? 20;
    const { rows } = await db.query<StaffMemberRow>(
      `${SELECT_STAFF_MEMBERS} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY s.name ${NAME_ORDER}, s.id LIMIT $${params.length + 1}`,
      [...params, limit + 1],
    );
    return namePage(rows, limit, toStaffMember);
  },
});

/** `GET /v1/staff/:id`: one staff user with their team and manager. */
export const getStaff = route({
  method: 'GET',
  path: '/v1/staff/:id',
  summary: 'Get a staff user',
  tag: 'staff',
  access: { staff: 'staff:read', secret: true },
  params: z.object({ id: Id }),
  response: StaffMember,
  async handle({ db, params }) {
    const { rows } = await db.query<StaffMemberRow>(`${SELECT_STAFF_MEMBERS} WHERE s.id = $1`, [params.id]);
    const row = rows[0];
    if (!row) throw new ApiError(404, 'not_found', `No staff user with id ${params.id}.`);
    return toStaffMember(row);
  },
});

/** The routes of this file. */
export const staffRoutes = [listStaff, getStaff];
