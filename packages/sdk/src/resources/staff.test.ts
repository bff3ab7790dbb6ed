import { expect } from '@open-wc/testing';
import type { StaffListQuery, StaffMember } from '@kith/schema';
import { serverInfo, UNKNOWN_ID, type KithServerInfo } from '../../../../test/support/server-commands.js';
import type { Read } from '../reads/types.js';
import { kithError } from '../test-support/expect-errors.js';
import { clientOf } from './fixtures.js';
import type { StaffResource } from './staff.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const _list: Equal<Parameters<StaffResource['list']>[0], StaffListQuery | undefined> = true;
const _get: Equal<ReturnType<StaffResource['get']>, Read<StaffMember>> = true;

describe('staff resource against the real server', () => {
  let server: KithServerInfo;
  before(async () => {
    server = await serverInfo();
  });

  it('list: the directory by name, filtered by role and manager; get: one member with their team and manager', async () => {
    const directory = clientOf(server, { kind: 'staff', scopes: ['staff:read'] });
    const everyone = await directory.staff.list({ limit: 100 });
    expect(everyone.items.map((member) => member.id)).to.include(server.staffId);
    const me = await directory.staff.get(server.staffId);
    expect(everyone.items.find((member) => member.id === server.staffId)).to.deep.equal(me);
    const managers = await directory.staff.list({ role: 'manager' });
    expect(managers.items.length).to.be.greaterThan(0);
    expect(managers.items.every((member) => member.role === 'manager')).to.equal(true);
    if (me.managerId) {
      const team = await directory.staff.list({ managerId: me.managerId, limit: 100 });
      expect(team.items.map((member) => member.id)).to.include(me.id);
    }
    const firstTwo = await directory.staff.list({ limit: 2 });
    expect(firstTwo.next).to.be.a('string');
    const rest = await directory.staff.list({ limit: 100, cursor: firstTwo.next ?? undefined });
    expect([...firstTwo.items, ...rest.items].map((member) => member.id)).to.deep.equal(everyone.items.map((member) => member.id));
  });

  it('refusals: no staff:read (forbidden); an unknown id (not_found); an unknown role (validation on `role`)', async () => {
    const withoutScope = clientOf(server, { kind: 'staff', scopes: ['customers:read'] });
    expect((await kithError(withoutScope.staff.list())).code).to.equal('forbidden');
    const directory = clientOf(server, { kind: 'staff', scopes: ['staff:read'] });
    expect((await kithError(directory.staff.get(UNKNOWN_ID))).code).to.equal('not_found');
    const error = await kithError(directory.staff.list({ role: 'owner' as 'admin' }));
    expect(error.code).to.equal('validation');
    expect(error.issues.map((issue) => issue.path.join('.'))).to.include('role');
  });
});
