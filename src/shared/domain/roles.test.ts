import { describe, expect, it } from 'vitest';
import {
  type Action,
  ACTIONS,
  can,
  canGrant,
  isWithinScope,
  type Role,
  type RoleGrant,
  ROLES,
  roleAllows,
  scopesFor,
} from './roles.ts';

// A small tree of materialized paths: root → Hà Nội → Đông Anh; root → HCM; root → Government.
const ROOT = '/root/';
const HANOI = '/root/hanoi/';
const DONG_ANH = '/root/hanoi/donganh/';
const HCM = '/root/hcm/';
const GOV = '/root/gov/';
// A sibling whose id starts like Hà Nội's: a prefix test without the trailing slash would let it in.
const HANOI_LOOKALIKE = '/root/hanoi2/';
const OTHER_ROOT = '/other/';

/** The rule table, written out independently of the implementation: a change to either fails here. */
const EXPECTED: Record<Role, readonly Action[]> = {
  admin: [
    'organization.write',
    'person.read',
    'person.write',
    'role.grant',
    'audit.read',
    'task.read',
    'calendar.write',
    'indicator.read',
    'evaluation.configure',
  ],
  steering: [
    'person.read',
    'task.read',
    'task.read_confidential',
    'task.assign',
    'task.report',
    'directive.write',
    'indicator.read',
    'indicator.approve',
    'indicator.define',
  ],
  focal_point: [
    'person.read',
    'task.read',
    'task.read_confidential',
    'task.report',
    'indicator.read',
    'indicator.report',
  ],
  leader: ['person.read', 'task.read', 'task.read_confidential', 'indicator.read'],
  feedback_handler: ['feedback.read', 'feedback.handle'],
  inspector: ['person.read', 'audit.read', 'task.read', 'task.read_confidential', 'feedback.read', 'indicator.read'],
};
const READS: readonly Action[] = [
  'person.read',
  'audit.read',
  'task.read',
  'task.read_confidential',
  'feedback.read',
  'indicator.read',
];

const grant = (role: Role, scopePath: string): RoleGrant => ({ role, scopePath });

describe('isWithinScope', () => {
  it.each([
    [HANOI, HANOI, true],
    [DONG_ANH, HANOI, true],
    [DONG_ANH, ROOT, true],
    [HANOI, DONG_ANH, false],
    [HCM, HANOI, false],
    [HANOI_LOOKALIKE, HANOI, false],
    [OTHER_ROOT, ROOT, false],
    [HANOI, '/', true],
  ])('%s within %s → %s', (path, scope, expected) => {
    expect(isWithinScope(path, scope)).toBe(expected);
  });
});

describe('roleAllows', () => {
  it('covers exactly the six roles and every action', () => {
    expect([...ROLES].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect([...ACTIONS].sort()).toEqual([...new Set(Object.values(EXPECTED).flat())].sort());
  });
  for (const role of ROLES) {
    for (const action of ACTIONS) {
      const expected = EXPECTED[role].includes(action);
      it(`${role} ${expected ? 'may' : 'may not'} ${action}`, () => {
        expect(roleAllows(role, action)).toBe(expected);
      });
    }
  }
});

describe('can: every role × action, inside and outside the scope', () => {
  for (const role of ROLES) {
    for (const action of ACTIONS) {
      const allowed = EXPECTED[role].includes(action);
      const everywhere = role === 'inspector' && READS.includes(action);
      it(`${role} on Hà Nội: ${action}`, () => {
        const grants = [grant(role, HANOI)];
        expect(can(grants, action, HANOI)).toBe(allowed);
        expect(can(grants, action, DONG_ANH)).toBe(allowed);
        expect(can(grants, action, HCM)).toBe(allowed && everywhere);
        expect(can(grants, action, ROOT)).toBe(allowed && everywhere);
        expect(can(grants, action, HANOI_LOOKALIKE)).toBe(allowed && everywhere);
      });
    }
  }

  it('nobody without grants can do anything', () => {
    for (const action of ACTIONS) expect(can([], action, HANOI)).toBe(false);
  });

  it('inspector reads everywhere, even outside its scope and in another tree, but writes nothing', () => {
    const inspector = [grant('inspector', GOV)];
    for (const path of [GOV, HANOI, HCM, ROOT, OTHER_ROOT]) {
      expect(can(inspector, 'person.read', path)).toBe(true);
      expect(can(inspector, 'audit.read', path)).toBe(true);
      expect(can(inspector, 'organization.write', path)).toBe(false);
      expect(can(inspector, 'person.write', path)).toBe(false);
      expect(can(inspector, 'role.grant', path)).toBe(false);
    }
  });

  it('any one grant suffices: a focal point of HCM who is admin of Hà Nội writes in Hà Nội only', () => {
    const grants = [grant('focal_point', HCM), grant('admin', HANOI)];
    expect(can(grants, 'person.write', DONG_ANH)).toBe(true);
    expect(can(grants, 'person.write', HCM)).toBe(false);
    expect(can(grants, 'person.read', HCM)).toBe(true);
    expect(can(grants, 'audit.read', HCM)).toBe(false);
  });
});

describe('scopesFor', () => {
  it('returns the scopes of the grants allowing the action, outermost only', () => {
    expect(scopesFor([grant('admin', HANOI)], 'person.write')).toEqual([HANOI]);
    expect(scopesFor([grant('admin', DONG_ANH), grant('admin', HANOI)], 'person.write')).toEqual([HANOI]);
    expect(scopesFor([grant('admin', DONG_ANH), grant('admin', HANOI), grant('admin', ROOT)], 'audit.read')).toEqual([
      ROOT,
    ]);
    expect(scopesFor([grant('admin', HCM), grant('admin', HANOI)], 'person.write')).toEqual([HANOI, HCM]);
  });

  it('does not collapse a look-alike sibling into Hà Nội', () => {
    expect(scopesFor([grant('admin', HANOI), grant('admin', HANOI_LOOKALIKE)], 'person.read')).toEqual([
      HANOI,
      HANOI_LOOKALIKE,
    ]);
  });

  it('keeps duplicate grants once', () => {
    expect(scopesFor([grant('admin', HANOI), grant('leader', HANOI)], 'person.read')).toEqual([HANOI]);
  });

  it('ignores grants whose role does not allow the action', () => {
    expect(scopesFor([grant('leader', ROOT), grant('admin', HANOI)], 'person.write')).toEqual([HANOI]);
    expect(scopesFor([grant('leader', ROOT), grant('feedback_handler', HANOI)], 'audit.read')).toEqual([]);
    expect(scopesFor([], 'person.read')).toEqual([]);
  });

  it('is everywhere for an inspector reading, and nothing for an inspector writing', () => {
    const grants = [grant('inspector', GOV), grant('admin', HANOI)];
    expect(scopesFor(grants, 'person.read')).toBe('everywhere');
    expect(scopesFor(grants, 'audit.read')).toBe('everywhere');
    expect(scopesFor(grants, 'person.write')).toEqual([HANOI]);
    expect(scopesFor([grant('inspector', GOV)], 'organization.write')).toEqual([]);
  });

  it('agrees with can for every role, action and target', () => {
    const targets = [ROOT, HANOI, DONG_ANH, HCM, GOV, HANOI_LOOKALIKE, OTHER_ROOT];
    for (const role of ROLES) {
      for (const action of ACTIONS) {
        const grants = [grant(role, HANOI), grant(role, HCM)];
        const scopes = scopesFor(grants, action);
        for (const target of targets) {
          const byScopes = scopes === 'everywhere' || scopes.some((scope) => isWithinScope(target, scope));
          expect(byScopes, `${role} ${action} ${target}`).toBe(can(grants, action, target));
        }
      }
    }
  });
});

describe('canGrant', () => {
  const nonInspectorRoles = ROLES.filter((role) => role !== 'inspector');

  it('an admin grants any role but inspector within its scope, and nothing outside', () => {
    const hanoiAdmin = [grant('admin', HANOI)];
    for (const role of nonInspectorRoles) {
      expect(canGrant(hanoiAdmin, role, HANOI)).toBe(true);
      expect(canGrant(hanoiAdmin, role, DONG_ANH)).toBe(true);
      expect(canGrant(hanoiAdmin, role, HCM)).toBe(false);
      expect(canGrant(hanoiAdmin, role, ROOT)).toBe(false);
    }
  });

  it('only a root admin grants inspector, and only within its own tree', () => {
    expect(canGrant([grant('admin', HANOI)], 'inspector', HANOI)).toBe(false);
    expect(canGrant([grant('admin', HANOI)], 'inspector', DONG_ANH)).toBe(false);
    expect(canGrant([grant('admin', ROOT)], 'inspector', HANOI)).toBe(true);
    expect(canGrant([grant('admin', ROOT)], 'inspector', ROOT)).toBe(true);
    expect(canGrant([grant('admin', ROOT)], 'inspector', OTHER_ROOT)).toBe(false);
    // The system principal holds admin over "/".
    expect(canGrant([grant('admin', '/')], 'inspector', OTHER_ROOT)).toBe(true);
  });

  it('no other role grants anything, not even a root inspector or leader', () => {
    const holders: Role[] = [...nonInspectorRoles.filter((role) => role !== 'admin'), 'inspector'];
    for (const holder of holders) {
      for (const role of ROLES) {
        expect(canGrant([grant(holder, ROOT)], role, HANOI), `${holder} grants ${role}`).toBe(false);
      }
    }
  });
});
