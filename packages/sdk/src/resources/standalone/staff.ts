import { StaffMember } from '@kith/schema';
import type { KithCore } from '../../core.js';
import type { Read, ReadOptions } from '../../reads/types.js';
import { seg } from '../shared.js';

/**
 * {@link StaffResource.get} on its own (exported by `@kith/sdk/resources/staff`): a page that
 * shows one colleague's name carries no other route.
 */
export function getStaffMember(core: KithCore, id: string, options?: ReadOptions): Read<StaffMember> {
  return core.read({ path: `/v1/staff/${seg(id)}`, schema: StaffMember }, options);
}
