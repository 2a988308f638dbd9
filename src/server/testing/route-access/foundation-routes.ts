import { expect } from 'vitest';
import type { Entry, Fixtures } from './route-access-types.ts';

/** Organizations, people and roles, audit trail, sessions and tokens. */
const hanoiOrg = (f: Fixtures) => ({
  code: 'ACCESS',
  kind: 'provincial_department',
  nameVi: 'Sở',
  nameEn: 'Dept',
  parentId: f.world.org.hanoi.id,
});

export const FOUNDATION_ROUTES: Record<string, Entry> = {
  'GET /api/v1/organizations': {
    as: 'outsider',
    anonymous: { status: 200, because: 'the directory of state bodies is public (the feedback form names one)' },
    request: () => ({ method: 'GET', url: '/api/v1/organizations?parent=01' }),
    expected: {
      status: 200,
      because: 'the directory is readable by every signed-in person (assignees are picked from it)',
    },
  },
  'GET /api/v1/organizations/{id}': {
    as: 'outsider',
    anonymous: { status: 200, because: 'the directory of state bodies is public' },
    request: () => ({ method: 'GET', url: '/api/v1/organizations/01' }),
    expected: { status: 200, because: 'the directory is readable by every signed-in person' },
  },
  'POST /api/v1/organizations': {
    as: 'outsider',
    request: (f) => ({ method: 'POST', url: '/api/v1/organizations', payload: hanoiOrg(f) }),
    expected: { status: 403, because: 'an admin of HCM creates nothing under Hà Nội' },
  },
  'PATCH /api/v1/organizations/{id}': {
    as: 'outsider',
    request: (f) => ({
      method: 'PATCH',
      url: `/api/v1/organizations/${f.world.org.hanoi.id}`,
      headers: { 'if-match': '"1"' },
      payload: { nameEn: 'X' },
    }),
    expected: { status: 403, because: 'an admin of HCM does not rename Hà Nội' },
  },
  'GET /api/v1/people': {
    as: 'outsider',
    request: () => ({ method: 'GET', url: '/api/v1/people?scope=01' }),
    expected: { status: 403, because: 'an admin of HCM does not list the people of Hà Nội' },
  },
  'POST /api/v1/people': {
    as: 'outsider',
    request: (f) => ({
      method: 'POST',
      url: '/api/v1/people',
      payload: {
        email: 'access@test.steerboard.vn',
        fullName: 'A',
        organizationId: f.world.org.hanoi.id,
        password: 'a long enough password',
      },
    }),
    expected: { status: 403, because: 'an admin of HCM adds nobody to Hà Nội' },
  },
  'GET /api/v1/people/{id}': {
    as: 'outsider',
    request: (f) => ({ method: 'GET', url: `/api/v1/people/${f.world.person.hanoiFocal.id}` }),
    expected: { status: 403, because: 'an admin of HCM does not read a person of Hà Nội' },
  },
  'PATCH /api/v1/people/{id}': {
    as: 'outsider',
    request: (f) => ({
      method: 'PATCH',
      url: `/api/v1/people/${f.world.person.hanoiFocal.id}`,
      headers: { 'if-match': '"1"' },
      payload: { isActive: false },
    }),
    expected: { status: 403, because: 'an admin of HCM does not disable a person of Hà Nội' },
  },
  'POST /api/v1/people/{id}/roles': {
    as: 'outsider',
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/people/${f.world.person.outsider.id}/roles`,
      payload: { role: 'admin', organizationId: f.world.org.hanoi.id },
    }),
    expected: { status: 403, because: 'an admin of HCM cannot make itself admin of Hà Nội' },
  },
  'DELETE /api/v1/people/{id}/roles/{assignmentId}': {
    as: 'outsider',
    request: (f) => ({
      method: 'DELETE',
      url: `/api/v1/people/${f.world.person.hanoiFocal.id}/roles/${f.focalAssignmentId}`,
    }),
    expected: { status: 403, because: 'an admin of HCM does not revoke a role held in Hà Nội' },
  },
  'GET /api/v1/audit': {
    as: 'hanoiFocal',
    request: () => ({ method: 'GET', url: '/api/v1/audit' }),
    expected: { status: 403, because: 'a focal point does not read the audit trail' },
  },
  'GET /api/v1/audit/verify': {
    as: 'leader',
    request: () => ({ method: 'GET', url: '/api/v1/audit/verify' }),
    expected: { status: 403, because: 'only admins and inspectors verify the chain' },
  },
  'GET /api/v1/auth/session': {
    as: 'outsider',
    request: () => ({ method: 'GET', url: '/api/v1/auth/session' }),
    expected: {
      status: 200,
      because: 'one’s own session',
      check: (body, f) => expect((body as { person: { id: string } }).person.id).toBe(f.world.person.outsider.id),
    },
  },
  'POST /api/v1/auth/sign-out': {
    as: 'outsider',
    anonymous: { status: 204, because: 'signing out is idempotent: it clears a stale cookie without a session' },
    request: () => ({ method: 'POST', url: '/api/v1/auth/sign-out' }),
    expected: { status: 204, because: 'ends one’s own session only' },
  },
  'GET /api/v1/auth/tokens': {
    as: 'outsider',
    request: () => ({ method: 'GET', url: '/api/v1/auth/tokens' }),
    expected: {
      status: 200,
      because: 'lists one’s own tokens only',
      check: (body, f) =>
        expect((body as { items: Array<{ id: string }> }).items.map((i) => i.id)).not.toContain(f.hanoiTokenId),
    },
  },
  'POST /api/v1/auth/tokens': {
    as: 'outsider',
    request: () => ({ method: 'POST', url: '/api/v1/auth/tokens', payload: { name: 'Mine' } }),
    expected: { status: 201, because: 'a token acts with its creator’s own roles' },
  },
  'DELETE /api/v1/auth/tokens/{id}': {
    as: 'outsider',
    request: (f) => ({ method: 'DELETE', url: `/api/v1/auth/tokens/${f.hanoiTokenId}` }),
    expected: { status: 404, because: 'another person’s token is hidden' },
  },
};
