import fs from 'node:fs';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DatabaseHandle } from './db/database.ts';
import type { Config } from './env.ts';
import { AppError } from './errors.ts';
import { registerAuthentication } from './http/authentication.ts';
import { registerOpenApi } from './http/openapi.ts';
import { clientErrorHandler, problemHandler } from './http/problem.ts';
import { validatorCompiler } from './http/validation.ts';
import { HASHED_ASSETS_DIR, registerWebAssets } from './http/web-assets.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { calendarRoutes } from './modules/calendar/calendar.routes.ts';
import { indicatorRoutes } from './modules/indicators/indicators.routes.ts';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.ts';
import { directiveRoutes } from './modules/directives/directives.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { organizationRoutes } from './modules/organizations/organizations.routes.ts';
import { peopleRoutes } from './modules/people/people.routes.ts';
import { taskImportRoutes } from './modules/task-import/task-import.routes.ts';
import { taskRoutes } from './modules/tasks/tasks.routes.ts';
import { evidenceRoutes } from './modules/tasks/evidence.routes.ts';
import { feedbackRoutes } from './modules/feedback/feedback.routes.ts';
import { open311ErrorHandler } from './modules/open311/open311-format.ts';
import { open311Routes } from './modules/open311/open311.routes.ts';
import { feedbackStatisticsRoutes } from './modules/feedback/feedback-statistics.routes.ts';
import { initiativeRoutes } from './modules/feedback/initiatives.routes.ts';
import { searchRoutes } from './modules/search/search.routes.ts';

export async function buildApp(database: DatabaseHandle, config: Config): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: 1024 * 1024,
    // Whose X-Forwarded-For names the client (TRUST_PROXY): rate limits and sign-in throttling count by it.
    trustProxy: trustProxyOption(config.trustProxy),
    // Request ids in logs tie a client's problem report to the server's line.
    genReqId: () => crypto.randomUUID(),
    // Refusals made before routing (a malformed percent-encoding, a path parameter too long) and by
    // Node's HTTP parser answer like every other error, not in Fastify's own JSON (decision 0017).
    frameworkErrors: (error, request, reply) =>
      request.url.startsWith('/open311/')
        ? open311ErrorHandler(error, request, reply)
        : problemHandler(error, request, reply),
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(problemHandler);

  await app.register(helmet, {
    // Only when served over HTTPS: over plain HTTP the header is meaningless, and once a browser has
    // it, an instance without HTTPS becomes unreachable from it for a year.
    strictTransportSecurity: config.cookieSecure,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine sets style attributes at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
      },
    },
  });
  // Answers compressed as the client accepts (decision 0030): the country's dashboard is 1.98 MB of
  // JSON, a page of the task list 30 kB. Brotli at the library's quality 4 costs a few milliseconds;
  // files already compressed at build (web-assets.ts) and XLSX (a zip) are left as they are.
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(cookie);
  await registerOpenApi(app);
  registerAuthentication(app, database.db);

  const context = { database, config };
  await app.register(healthRoutes, context);
  await app.register(authRoutes, context);
  await app.register(organizationRoutes, context);
  await app.register(peopleRoutes, context);
  await app.register(auditRoutes, context);
  await app.register(directiveRoutes, context);
  await app.register(taskRoutes, context);
  await app.register(evidenceRoutes, context);
  await app.register(feedbackRoutes, context);
  await app.register(open311Routes, context);
  await app.register(feedbackStatisticsRoutes, context);
  await app.register(initiativeRoutes, context);
  await app.register(dashboardRoutes, context);
  await app.register(taskImportRoutes, context);
  await app.register(calendarRoutes, context);
  await app.register(indicatorRoutes, context);
  await app.register(searchRoutes, context);

  await registerWebApp(app, config.webDir);
  return app;
}

/**
 * Fastify takes TRUST_PROXY's forms as they are, except a hop count, which it now ignores (a client
 * reaching the app directly could claim any address); counted here, as proxy-addr counts: the
 * socket's peer is hop 0. Documented as safe only when nothing but the proxies reach the app.
 */
function trustProxyOption(trust: Config['trustProxy']) {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
}

/** The built React app, with every non-API path answered by index.html so that deep links work. */
async function registerWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  const hasWebApp = fs.existsSync(`${webDir}/index.html`);
  if (hasWebApp) await registerWebAssets(app, webDir);
  app.setNotFoundHandler((request, reply) => {
    // A hashed file of an older build is a 404, not index.html served as JavaScript: the router then reloads the page.
    const isPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      !request.url.startsWith('/open311/') &&
      !request.url.startsWith(`/${HASHED_ASSETS_DIR}/`);
    if (isPage && hasWebApp) return reply.type('text/html').sendFile('index.html');
    const error = new AppError('not_found', `No route ${request.method} ${request.url}`);
    // Under /open311/ but outside /open311/v2 (whose own handler answers): still Open311's error format.
    if (request.url.startsWith('/open311/')) return open311ErrorHandler(error, request, reply);
    return problemHandler(error, request, reply);
  });
}
