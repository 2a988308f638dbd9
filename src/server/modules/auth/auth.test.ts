import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAILURES_PER_ACCOUNT } from '../../../shared/domain/sign-in-policy.ts';
import { SESSION_COOKIE } from '../../http/authentication.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { TEST_DATABASE_KINDS } from '../../testing/test-database.ts';
import { TEST_PASSWORD } from '../../testing/test-world.ts';

describe.each(TEST_DATABASE_KINDS)('authentication on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const signIn = (email: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });

  it('signs in with the right password, sets an httpOnly cookie and returns roles and a CSRF token', async () => {
    const response = await signIn(t.world.person.hanoiFocal.email, TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const session = response.json();
    expect(session.person.email).toBe(t.world.person.hanoiFocal.email);
    expect(session.roles).toEqual([expect.objectContaining({ role: 'focal_point', organizationCode: '01' })]);
    expect(session.csrfToken).toMatch(/^[\w-]{40,}$/);
  });

  it('stores argon2id hashes, never the password', async () => {
    const row = await t.database.db
      .selectFrom('person')
      .select('password_hash')
      .where('id', '=', t.world.person.admin.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(TEST_PASSWORD);
  });

  it('refuses a wrong password and an unknown e-mail alike, in the caller’s language', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'accept-language': 'vi' },
      payload: { email: t.world.person.leader.email, password: 'not the password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.json()).toMatchObject({
      status: 401,
      code: 'invalid_credentials',
      detail: expect.stringMatching(/mật khẩu/),
    });
    const unknown = await signIn('nobody@test.steerboard.vn', 'whatever-password');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().code).toBe('invalid_credentials');
  });

  it(`locks an account for a while after ${MAX_FAILURES_PER_ACCOUNT} failures, even with the right password`, async () => {
    const email = t.world.person.handler.email;
    const statuses = [];
    for (let attempt = 0; attempt < 10; attempt += 1)
      statuses.push((await signIn(email, `wrong-${attempt}`)).statusCode);
    expect(statuses.slice(0, MAX_FAILURES_PER_ACCOUNT)).toEqual(Array(MAX_FAILURES_PER_ACCOUNT).fill(401));
    expect(statuses.slice(MAX_FAILURES_PER_ACCOUNT)).toEqual(Array(10 - MAX_FAILURES_PER_ACCOUNT).fill(429));
    const locked = await signIn(email, TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('900');
    expect(locked.json().code).toBe('too_many_attempts');
  });

  it('rejects malformed sign-in bodies with the fields at fault', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'not-an-email', password: 'x'.repeat(201), extra: true },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.password', 'body']));
  });

  it('requires the CSRF token on unsafe requests made with the cookie', async () => {
    const client = await t.signIn(t.world.person.admin.email);
    const body = {
      code: 'CSRF1',
      kind: 'department',
      nameVi: 'Phòng thử',
      nameEn: 'Test',
      parentId: t.world.org.hanoi.id,
    };
    const withoutToken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organizations',
      cookies: { [SESSION_COOKIE]: client.cookie },
      payload: body,
    });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().code).toBe('csrf');
    const withToken = await client.request({ method: 'POST', url: '/api/v1/organizations', payload: body });
    expect(withToken.statusCode).toBe(201);
  });

  it('returns the session and ends it on sign-out', async () => {
    const client = await t.signIn(t.world.person.leader.email);
    expect((await client.request({ method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(200);
    expect((await client.request({ method: 'POST', url: '/api/v1/auth/sign-out' })).statusCode).toBe(204);
    const after = await client.request({ method: 'GET', url: '/api/v1/auth/session' });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('unauthenticated');
  });

  it('issues bearer tokens that act with the person’s roles until revoked', async () => {
    const client = await t.signIn(t.world.person.hanoiAdmin.email);
    const created = await client.request({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      payload: { name: 'Cổng tỉnh' },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    const bearer = { authorization: `Bearer ${token}` };
    const people = await t.app.inject({ method: 'GET', url: '/api/v1/people', headers: bearer });
    expect(people.statusCode).toBe(200);
    const outside = await t.app.inject({ method: 'GET', url: `/api/v1/people?scope=79`, headers: bearer });
    expect(outside.statusCode).toBe(403);
    // Bearer requests need no CSRF token: no browser sends them on its own.
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organizations',
      headers: bearer,
      payload: {
        code: 'TOKEN1',
        kind: 'provincial_department',
        nameVi: 'Sở Nội vụ',
        nameEn: 'Home Affairs',
        parentId: t.world.org.hanoi.id,
      },
    });
    expect(write.statusCode).toBe(201);
    expect((await client.request({ method: 'DELETE', url: `/api/v1/auth/tokens/${id}` })).statusCode).toBe(204);
    const revoked = await t.app.inject({ method: 'GET', url: '/api/v1/people', headers: bearer });
    expect(revoked.statusCode).toBe(401);
  });

  it('refuses a disabled account', async () => {
    const admin = await t.signIn(t.world.person.admin.email);
    const person = await admin.request({ method: 'GET', url: `/api/v1/people/${t.world.person.inspector.id}` });
    const disable = await admin.request({
      method: 'PATCH',
      url: `/api/v1/people/${t.world.person.inspector.id}`,
      headers: { 'if-match': person.headers.etag as string },
      payload: { isActive: false },
    });
    expect(disable.statusCode).toBe(200);
    const response = await signIn(t.world.person.inspector.email, TEST_PASSWORD);
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('account_disabled');
  });
});
