import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS } from '../../../shared/domain/sign-in-policy.ts';
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

  const signIn = (email: string, password: string, remoteAddress?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email, password },
      ...(remoteAddress ? { remoteAddress } : {}),
    });
  const countStatuses = (responses: Array<{ statusCode: number }>) =>
    responses.reduce<Record<number, number>>((counts, { statusCode }) => {
      counts[statusCode] = (counts[statusCode] ?? 0) + 1;
      return counts;
    }, {});
  const MAX_FROM_ADDRESS = SIGN_IN_LIMITS.accountFromAddress.maxFailures;

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

  it(`locks an account from an address after ${MAX_FROM_ADDRESS} failures, even with the right password`, async () => {
    const email = t.world.person.handler.email;
    const statuses = [];
    for (let attempt = 0; attempt < 10; attempt += 1)
      statuses.push((await signIn(email, `wrong-${attempt}`)).statusCode);
    expect(statuses.slice(0, MAX_FROM_ADDRESS)).toEqual(Array(MAX_FROM_ADDRESS).fill(401));
    expect(statuses.slice(MAX_FROM_ADDRESS)).toEqual(Array(10 - MAX_FROM_ADDRESS).fill(429));
    const locked = await signIn(email, TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['content-type']).toContain('application/problem+json');
    // The minutes left in the window, which opened with the first failure.
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(SIGN_IN_LIMITS.accountFromAddress.windowMinutes * 60);
    expect(locked.json().code).toBe('too_many_attempts');
  });

  it('checks no more than the limit of 40 concurrent guesses at one account', async () => {
    const email = t.world.person.steering.email;
    const guesses = await Promise.all(
      Array.from({ length: 40 }, (_, index) => signIn(email, `guess-${index}`, '192.0.2.40')),
    );
    expect(countStatuses(guesses)).toEqual({ 401: MAX_FROM_ADDRESS, 429: 40 - MAX_FROM_ADDRESS });
    expect(guesses.find((guess) => guess.statusCode === 429)?.headers['retry-after']).toMatch(/^\d+$/);
    expect((await signIn(email, TEST_PASSWORD, '192.0.2.40')).statusCode).toBe(429);
  });

  it('checks no more than the limit of concurrent guesses from one address across accounts', async () => {
    const limit = SIGN_IN_LIMITS.address.maxFailures;
    const guesses = await Promise.all(
      Array.from({ length: limit + 10 }, (_, index) =>
        signIn(`nobody-${index}@test.steerboard.vn`, 'some guess', '192.0.2.41'),
      ),
    );
    expect(countStatuses(guesses)).toEqual({ 401: limit, 429: 10 });
    // Another account from that address is refused too; from elsewhere it is not.
    expect((await signIn(t.world.person.leader.email, TEST_PASSWORD, '192.0.2.41')).statusCode).toBe(429);
    expect((await signIn(t.world.person.leader.email, TEST_PASSWORD, '192.0.2.42')).statusCode).toBe(200);
  });

  it('does not lock the owner out when a stranger fails on purpose from another address', async () => {
    const email = t.world.person.ministryFocal.email;
    const strangers = await Promise.all(
      Array.from({ length: 40 }, (_, index) => signIn(email, `spite-${index}`, '203.0.113.66')),
    );
    expect(countStatuses(strangers)).toEqual({ 401: MAX_FROM_ADDRESS, 429: 40 - MAX_FROM_ADDRESS });
    expect((await signIn(email, TEST_PASSWORD, '203.0.113.66')).statusCode).toBe(429);
    expect((await signIn(email, TEST_PASSWORD, '198.51.100.7')).statusCode).toBe(200);
    // The owner's own mistakes are counted apart from the stranger's, and forgiven on success.
    for (let attempt = 0; attempt < MAX_FROM_ADDRESS - 1; attempt += 1) {
      expect((await signIn(email, 'typo', '198.51.100.7')).statusCode).toBe(401);
    }
    expect((await signIn(email, TEST_PASSWORD, '198.51.100.7')).statusCode).toBe(200);
    expect((await signIn(email, 'typo', '198.51.100.7')).statusCode).toBe(401);
    expect((await signIn(email, TEST_PASSWORD, '198.51.100.7')).statusCode).toBe(200);
  });

  it('caps guessing spread over many addresses, while the owner keeps signing in from a known address', async () => {
    const { maxFailures } = SIGN_IN_LIMITS.account;
    const email = t.world.person.hanoiFocal.email;
    expect((await signIn(email, TEST_PASSWORD, '198.51.100.20')).statusCode).toBe(200);
    const botnet = await Promise.all(
      Array.from({ length: maxFailures + 10 }, (_, index) =>
        signIn(email, `spread-${index}`, `10.${Math.floor(index / 250)}.${index % 250}.1`),
      ),
    );
    expect(countStatuses(botnet)).toEqual({ 401: maxFailures, 429: 10 });
    // A new address waits out the short backoff, even with the right password; the known one does not.
    expect((await signIn(email, TEST_PASSWORD, '198.51.100.21')).statusCode).toBe(429);
    expect((await signIn(email, TEST_PASSWORD, '198.51.100.20')).statusCode).toBe(200);
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

  describe('tokens made with tokens', () => {
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const createWith = (token: string, payload: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/tokens',
        headers: { ...bearer(token), 'accept-language': 'en' },
        payload,
      });
    const works = async (token: string) =>
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/tokens', headers: bearer(token) })).statusCode;
    const DAY_MS = 86_400_000;

    it('refuses a token that would outlive the token it is made with, naming the most it may have', async () => {
      const client = await t.signIn(t.world.person.hanoiAdmin.email);
      const parent = (
        await client.request({
          method: 'POST',
          url: '/api/v1/auth/tokens',
          payload: { name: 'Một ngày', expiresInDays: 1 },
        })
      ).json();
      const longer = await createWith(parent.token, { name: 'Một năm', expiresInDays: 366 });
      expect(longer.statusCode).toBe(400);
      expect(longer.headers['content-type']).toContain('application/problem+json');
      expect(longer.json()).toMatchObject({
        code: 'validation',
        errors: [{ path: 'expiresInDays', message: expect.stringContaining('1 day') }],
      });
      expect((await createWith(parent.token, { name: 'Hai ngày', expiresInDays: 2 })).statusCode).toBe(400);
      // Within the parent's last, partial day, the child ends with it.
      const sameDay = await createWith(parent.token, { name: 'Cùng ngày', expiresInDays: 1 });
      expect(sameDay.statusCode, sameDay.body).toBe(201);
      expect(sameDay.json().expiresAt).toBe(parent.expiresAt);

      const long = (
        await client.request({
          method: 'POST',
          url: '/api/v1/auth/tokens',
          payload: { name: 'Dài', expiresInDays: 90 },
        })
      ).json();
      const shorter = await createWith(long.token, { name: 'Ngắn', expiresInDays: 30 });
      expect(shorter.statusCode).toBe(201);
      const expiresIn = Date.parse(shorter.json().expiresAt) - Date.now();
      expect(expiresIn).toBeGreaterThan(29 * DAY_MS);
      expect(expiresIn).toBeLessThanOrEqual(30 * DAY_MS);
    });

    it('revokes every token made with a token when it is revoked, down the chain', async () => {
      const client = await t.signIn(t.world.person.hanoiAdmin.email);
      const a = (
        await client.request({ method: 'POST', url: '/api/v1/auth/tokens', payload: { name: 'A', expiresInDays: 30 } })
      ).json();
      const b = (await createWith(a.token, { name: 'B', expiresInDays: 10 })).json();
      const c = (await createWith(b.token, { name: 'C', expiresInDays: 5 })).json();
      expect([await works(b.token), await works(c.token)]).toEqual([200, 200]);
      expect((await client.request({ method: 'DELETE', url: `/api/v1/auth/tokens/${a.id}` })).statusCode).toBe(204);
      expect([await works(a.token), await works(b.token), await works(c.token)]).toEqual([401, 401, 401]);
      const listed = (await client.request({ method: 'GET', url: '/api/v1/auth/tokens' })).json().items;
      expect(listed.map((token: { id: string }) => token.id)).not.toEqual(expect.arrayContaining([b.id]));
      expect(listed.map((token: { id: string }) => token.id)).not.toEqual(expect.arrayContaining([c.id]));
    });

    it('refuses a token whose ancestor was revoked or expired without it being told', async () => {
      const client = await t.signIn(t.world.person.hanoiAdmin.email);
      const make = async (name: string) =>
        (
          await client.request({ method: 'POST', url: '/api/v1/auth/tokens', payload: { name, expiresInDays: 30 } })
        ).json();
      // As when a revocation races the creation of a grandchild: only the top is marked.
      const a = await make('A2');
      const c = (
        await createWith((await createWith(a.token, { name: 'B2', expiresInDays: 10 })).json().token, {
          name: 'C2',
          expiresInDays: 5,
        })
      ).json();
      expect(await works(c.token)).toBe(200);
      const db = t.database.db;
      await db.updateTable('api_token').set({ revoked_at: new Date() }).where('id', '=', a.id).execute();
      expect(await works(c.token)).toBe(401);

      const top = await make('A3');
      const child = (await createWith(top.token, { name: 'B3', expiresInDays: 10 })).json();
      await db
        .updateTable('api_token')
        .set({ expires_at: new Date(Date.now() - 1000) })
        .where('id', '=', top.id)
        .execute();
      expect(await works(child.token)).toBe(401);
    });

    it('ends a disabled person’s sessions and tokens for good: enabling them again revives neither', async () => {
      const admin = await t.signIn(t.world.person.admin.email);
      const created = await admin.request({
        method: 'POST',
        url: '/api/v1/people',
        payload: {
          email: 'disabled-later@test.steerboard.vn',
          fullName: 'Tạ Tạm Khóa',
          organizationId: t.world.org.hanoi.id,
          password: TEST_PASSWORD,
        },
      });
      const personId = created.json().id;
      const person = await t.signIn('disabled-later@test.steerboard.vn');
      const token = (
        await person.request({ method: 'POST', url: '/api/v1/auth/tokens', payload: { name: 'Máy chủ' } })
      ).json().token;
      expect(await works(token)).toBe(200);
      const setActive = async (isActive: boolean) => {
        const current = await admin.request({ method: 'GET', url: `/api/v1/people/${personId}` });
        const response = await admin.request({
          method: 'PATCH',
          url: `/api/v1/people/${personId}`,
          headers: { 'if-match': current.headers.etag as string },
          payload: { isActive },
        });
        expect(response.statusCode, response.body).toBe(200);
      };
      await setActive(false);
      expect(await works(token)).toBe(401);
      expect((await person.request({ method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(401);
      await setActive(true);
      expect(await works(token)).toBe(401);
      expect((await person.request({ method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(401);
      expect((await signIn('disabled-later@test.steerboard.vn', TEST_PASSWORD)).statusCode).toBe(200);
    });
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
