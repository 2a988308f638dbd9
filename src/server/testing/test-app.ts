import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { loadConfig } from '../env.ts';
import { SESSION_COOKIE } from '../http/authentication.ts';
import { checkResponsesAgainstOpenApi } from './response-conformance.ts';
import { openTestDatabase, type TestDatabaseKind } from './test-database.ts';
import { seedTestWorld, TEST_PASSWORD, type TestWorld } from './test-world.ts';

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  world: TestWorld;
  /** Signs in through the API and returns a client that sends the cookie and CSRF token. */
  signIn(email: string): Promise<TestClient>;
  close(): Promise<void>;
}

export interface TestClient {
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  csrfToken: string;
  cookie: string;
}

/** `env`: deployment settings as env.ts reads them, for tests of a setting (OPEN311_REQUIRE_CONTACT…). */
export async function createTestApp(kind: TestDatabaseKind, env: Record<string, string> = {}): Promise<TestApp> {
  const database = await openTestDatabase(kind);
  const world = await seedTestWorld(database.db);
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', ...env }), webDir: '/nonexistent' };
  const app = await buildApp(database, config);
  const conformance = checkResponsesAgainstOpenApi(app);
  await app.ready();
  return {
    app,
    database,
    world,
    signIn: (email) => signInTo(app, email),
    async close() {
      await app.close();
      await database.close();
      // Answers that differ from the OpenAPI document fail the file that received them.
      const violations = conformance.violations();
      if (violations.length > 0) {
        throw new Error(`Answers that do not conform to the OpenAPI document:\n  ${violations.join('\n  ')}`);
      }
    },
  };
}

/** Signs in through the API of `app`; also for an app a test built itself (the crash tests'). */
export async function signInTo(app: FastifyInstance, email: string): Promise<TestClient> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password: TEST_PASSWORD },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '';
  const { csrfToken } = response.json() as { csrfToken: string };
  return {
    cookie,
    csrfToken,
    request: (options) =>
      app.inject({
        ...options,
        cookies: { [SESSION_COOKIE]: cookie },
        headers: { 'x-csrf-token': csrfToken, ...(options.headers ?? {}) },
      }),
  };
}
