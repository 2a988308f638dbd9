import { describe, expect, it } from 'vitest';
import { allowedPersonActions, mayManagePerson } from './person-permissions.ts';
import type { RoleGrant } from './roles.ts';

const ROOT = '/root/';
const HANOI = '/root/hanoi/';
const DONG_ANH = '/root/hanoi/donganh/';
const HCM = '/root/hcm/';
const HANOI_LOOKALIKE = '/root/hanoi2/';

const rootAdmin: RoleGrant[] = [{ role: 'admin', scopePath: ROOT }];
const hanoiAdmin: RoleGrant[] = [{ role: 'admin', scopePath: HANOI }];
const inHanoi = (...roles: RoleGrant[]) => ({ organizationPath: DONG_ANH, roles });

describe('mayManagePerson', () => {
  it('lets a scoped admin act on people of the scope whose roles all lie within it', () => {
    expect(mayManagePerson(hanoiAdmin, inHanoi())).toBe(true);
    expect(mayManagePerson(hanoiAdmin, inHanoi({ role: 'focal_point', scopePath: DONG_ANH }))).toBe(true);
    expect(mayManagePerson(hanoiAdmin, inHanoi({ role: 'admin', scopePath: HANOI }))).toBe(true);
  });

  it('refuses a scoped admin a person of the scope who holds any role reaching outside it', () => {
    expect(mayManagePerson(hanoiAdmin, inHanoi({ role: 'leader', scopePath: ROOT }))).toBe(false);
    expect(
      mayManagePerson(
        hanoiAdmin,
        inHanoi({ role: 'focal_point', scopePath: DONG_ANH }, { role: 'steering', scopePath: ROOT }),
      ),
    ).toBe(false);
    expect(mayManagePerson(hanoiAdmin, inHanoi({ role: 'focal_point', scopePath: HCM }))).toBe(false);
    expect(mayManagePerson(hanoiAdmin, inHanoi({ role: 'focal_point', scopePath: HANOI_LOOKALIKE }))).toBe(false);
    // The inspector reads everywhere: only a root admin appoints one, and only a root admin acts on one.
    expect(mayManagePerson(hanoiAdmin, inHanoi({ role: 'inspector', scopePath: HANOI }))).toBe(false);
    expect(mayManagePerson(rootAdmin, inHanoi({ role: 'inspector', scopePath: HANOI }))).toBe(true);
  });

  it('refuses people of another organization, and anyone to roles that do not write people', () => {
    expect(mayManagePerson(hanoiAdmin, { organizationPath: HCM, roles: [] })).toBe(false);
    expect(mayManagePerson([{ role: 'steering', scopePath: ROOT }], inHanoi())).toBe(false);
    expect(mayManagePerson([{ role: 'inspector', scopePath: ROOT }], inHanoi())).toBe(false);
    expect(mayManagePerson(rootAdmin, inHanoi({ role: 'steering', scopePath: ROOT }))).toBe(true);
  });

  it('offers the screens every action or none', () => {
    expect(allowedPersonActions(hanoiAdmin, inHanoi())).toEqual(['edit', 'manage_roles']);
    expect(allowedPersonActions(hanoiAdmin, inHanoi({ role: 'leader', scopePath: ROOT }))).toEqual([]);
  });
});
