// The staff directory: names, roles, teams and managers, for owner pickers and the hierarchy.
import { StaffPage, type StaffListQuery, type StaffMember } from '@kith/schema';
import type { KithCore } from '../core.js';
import type { Read, ReadOptions } from '../reads/types.js';
import { getStaffMember } from './standalone/staff.js';

export { getStaffMember };

export interface StaffResource {
  /** The directory by name, filtered by team, role or manager (`GET /v1/staff`). Staff token with `staff:read`, or the secret key. */
  list(query?: StaffListQuery, options?: ReadOptions): Read<StaffPage>;
  /** One staff user with their team and manager (`GET /v1/staff/{id}`). Staff token with `staff:read`, or the secret key. */
  get(id: string, options?: ReadOptions): Read<StaffMember>;
}

export function staff(core: KithCore): StaffResource {
  return {
    list: (query, options) => core.read({ path: '/v1/staff', query, schema: StaffPage }, options),
    get: (id, options) => getStaffMember(core, id, options),
  };
}
