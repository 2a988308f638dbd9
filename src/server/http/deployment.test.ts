import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS } from '../../shared/domain/sign-in-policy.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../env.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { TEST_DATABASE_KINDS } from '../testing/test-database.ts';
import { TEST_PASSWORD } from '../testing/test-world.ts';
import { SESSION_COOKIE } from './authentication.ts';

/** TRUST_PROXY and HTTPS as configured (decision 0016), on apps sharing one test database. */
describe.each(TEST_DATABASE_KINDS)('deployment settings on %s', (kind) => {
  let t: TestApp;
  const extraApps: FastifyInstance[] = [];
  const appWith = async (env: Record<string, string>) => {
    const app = await buildApp(t.database, { ...loadConfig({ LOG_LEVEL: 'silent', ...env }), webDir: '/nonexistent' });
    await app.ready();
    extraApps.push(app);
    return app;
  };
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    for (const app of extraApps) await app.close();
    await t.close();
  });

  const signInVia = (app: FastifyInstance, proxy: string, client: string, email: string, password: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      remoteAddress: proxy,
      headers: { 'x-forwarded-for': client },
      payload: { email, password },
    });
  const lastSignInAddress = async () =>
    (
      await t.database.db
        .selectFrom('audit_log')
        .select('after')
        .where('action', '=', 'auth.signed_in')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow()
    ).after as { ip: string };
  const failures = SIGN_IN_LIMITS.accountFromAddress.maxFailures;

  it('counts sign-ins by the X-Forwarded-For client behind a trusted proxy', async () => {
    const app = await appWith({ TRUST_PROXY: '10.0.0.0/24' });
    const email = t.world.person.leader.email;
    for (let attempt = 0; attempt < failures; attempt += 1) {
      expect((await signInVia(app, '10.0.0.1', '203.0.113.5', email, 'wrong')).statusCode).toBe(401);
    }
    expect((await signInVia(app, '10.0.0.1', '203.0.113.5', email, TEST_PASSWORD)).statusCode).toBe(429);
    // Another citizen behind the same proxy has a bucket of their own.
    expect((await signInVia(app, '10.0.0.1', '203.0.113.6', email, TEST_PASSWORD)).statusCode).toBe(200);
    expect(await lastSignInAddress()).toEqual({ ip: '203.0.113.6' });
  });

  it('ignores X-Forwarded-For from a proxy it does not trust', async () => {
    const app = await appWith({ TRUST_PROXY: '10.0.0.0/24' });
    const email = t.world.person.inspector.email;
    for (let attempt = 0; attempt < failures; attempt += 1) {
      expect((await signInVia(app, '10.9.0.1', `203.0.113.${10 + attempt}`, email, 'wrong')).statusCode).toBe(401);
    }
    // Changing the claimed address does not get a fresh bucket: the untrusted peer is the client.
    expect((await signInVia(app, '10.9.0.1', '203.0.113.99', email, TEST_PASSWORD)).statusCode).toBe(429);
    expect((await signInVia(app, '10.9.0.2', '203.0.113.99', email, TEST_PASSWORD)).statusCode).toBe(200);
    expect(await lastSignInAddress()).toEqual({ ip: '10.9.0.2' });
  });

  it('takes the address a hop count of proxies in front saw, and none when told to trust none', async () => {
    const hops = await appWith({ TRUST_PROXY: '2' });
    const response = await hops.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      remoteAddress: '10.0.0.1',
      headers: { 'x-forwarded-for': '198.51.100.1, 203.0.113.50, 10.0.0.2' },
      payload: { email: t.world.person.steering.email, password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    expect(await lastSignInAddress()).toEqual({ ip: '203.0.113.50' });
    const none = await appWith({ TRUST_PROXY: 'false' });
    expect(
      (await signInVia(none, '127.0.0.1', '203.0.113.51', t.world.person.steering.email, TEST_PASSWORD)).statusCode,
    ).toBe(200);
    expect(await lastSignInAddress()).toEqual({ ip: '127.0.0.1' });
  });

  it('sends no Strict-Transport-Security over plain HTTP, and no Secure cookie', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.headers['strict-transport-security']).toBeUndefined();
    const signedIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: t.world.person.admin.email, password: TEST_PASSWORD },
    });
    expect(signedIn.headers['strict-transport-security']).toBeUndefined();
    expect(signedIn.cookies.find((cookie) => cookie.name === SESSION_COOKIE)?.secure).toBeFalsy();
  });

  it('sends Strict-Transport-Security and a Secure cookie when served over HTTPS', async () => {
    const app = await appWith({ PUBLIC_URL: 'https://steerboard.example.vn' });
    const health = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    const signedIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: t.world.person.admin.email, password: TEST_PASSWORD },
    });
    expect(signedIn.cookies.find((cookie) => cookie.name === SESSION_COOKIE)?.secure).toBe(true);
  });
});
