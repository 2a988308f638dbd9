import cors from '@fastify/cors';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { safeText } from '../../../shared/schemas/common.ts';
import {
  Open311CommonQuerySchema,
  Open311RequestsQuerySchema,
  Open311SubmissionSchema,
} from '../../../shared/schemas/open311.ts';
import { AppError } from '../../errors.ts';
import type { AppContext } from '../../http/context.ts';
import { FORM_BODY_LIMIT, gatherAttributes, parseForm } from './open311-body.ts';
import { localeOf, open311ErrorHandler, parseFormat, sendOpen311, splitFormat } from './open311-format.ts';
import { OPEN311_MESSAGES } from './open311-messages.ts';
import { listServices } from './open311-vocabulary.ts';
import {
  checkApiKey,
  getOpen311Request,
  getServiceDefinition,
  listOpen311Requests,
  resolveOpen311Token,
  submitOpen311Request,
} from './open311.service.ts';

/**
 * Open311 GeoReport v2 (decision 0012). Hidden from /api/v1/openapi.json on purpose: it is not our
 * API but the community's, described by its own specification (the discovery document points to
 * it), with its own error format instead of problem+json and no authentication.
 */
const hide = true;
/** The date this server's Open311 contract last changed, as the discovery document reports it. */
const CHANGESET = '2025-11-23T00:00:00Z';
const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

const FormatParams = z.object({ format: safeText().max(10) });
const FileParams = z.object({ file: safeText().max(200) });
const IdempotencyHeaders = z.object({ 'idempotency-key': safeText().min(8).max(100).optional() });

const open311V2: FastifyPluginAsyncZod<AppContext> = async (app, { database: { db }, config }) => {
  app.setErrorHandler(open311ErrorHandler);
  app.setNotFoundHandler((request, reply) =>
    open311ErrorHandler(new AppError('not_found', `No route ${request.method} ${request.url}`), request, reply),
  );
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
    async (request: FastifyRequest, body: string | Buffer) => parseForm(request, body),
  );
  // Some clients post multipart/form-data: its fields are read as the form's; a file is refused,
  // since media come as a link (media_url).
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fieldSize: FORM_BODY_LIMIT, fields: 100, parts: 101 },
    async onFile(part) {
      part.file.resume();
      throw new AppError('unsupported_media_type', `A file in ${part.fieldname}`, {}, [
        { path: part.fieldname, message: OPEN311_MESSAGES[localeOf(this)].fileUpload },
      ]);
    },
  });
  // Browser clients (a city's map, a validator page) call from other origins; nothing here reads a
  // cookie, so no credentials. Only these routes: the API under /api stays same-origin.
  await app.register(cors, { origin: '*', methods: ['GET', 'POST'], credentials: false, maxAge: 86_400 });
  app.addHook('preHandler', async (request) => {
    const fromQuery = (request.query as { api_key?: unknown } | undefined)?.api_key;
    const fromBody = (request.body as { api_key?: unknown } | undefined)?.api_key;
    const apiKey = [fromQuery, fromBody].find((value) => typeof value === 'string');
    await checkApiKey(db, apiKey as string | undefined, localeOf(request));
  });

  app.get(
    '/discovery.:format',
    { schema: { hide, params: FormatParams, querystring: Open311CommonQuerySchema } },
    async (request, reply) => {
      const locale = localeOf(request);
      const format = parseFormat(request.params.format, locale);
      return sendOpen311(reply, format, 'discovery', {
        changeset: CHANGESET,
        contact: OPEN311_MESSAGES[locale].contact,
        key_service: OPEN311_MESSAGES[locale].keyService,
        endpoints: [
          {
            specification: SPECIFICATION,
            url: `${request.protocol}://${request.host}/open311/v2`,
            changeset: CHANGESET,
            type: 'production',
            formats: ['application/json', 'text/xml'],
          },
        ],
      });
    },
  );

  app.get(
    '/services.:format',
    { schema: { hide, params: FormatParams, querystring: Open311CommonQuerySchema } },
    async (request, reply) => {
      const locale = localeOf(request);
      return sendOpen311(reply, parseFormat(request.params.format, locale), 'services', listServices(locale));
    },
  );

  app.get(
    '/services/:file',
    { schema: { hide, params: FileParams, querystring: Open311CommonQuerySchema } },
    async (request, reply) => {
      const locale = localeOf(request);
      const { name, format } = splitFormat(request.params.file, locale);
      return sendOpen311(reply, format, 'service_definition', getServiceDefinition(locale, name));
    },
  );

  app.post(
    '/requests.:format',
    {
      schema: { hide, params: FormatParams, headers: IdempotencyHeaders, body: Open311SubmissionSchema },
      preValidation: async (request) => {
        request.body = gatherAttributes(request.body) as typeof request.body;
      },
    },
    async (request, reply) => {
      const locale = localeOf(request);
      const format = parseFormat(request.params.format, locale);
      const origin = {
        address: request.ip,
        now: new Date(),
        idempotencyKey: request.headers['idempotency-key'],
        limits: config.feedbackLimits,
        requiresContact: config.open311RequiresContact,
      };
      const receipts = await submitOpen311Request(db, request.body, origin, locale);
      // The spec answers 200 (not 201) with the list of created requests.
      return sendOpen311(reply, format, 'service_requests', receipts);
    },
  );

  app.get(
    '/requests.:format',
    { schema: { hide, params: FormatParams, querystring: Open311RequestsQuerySchema } },
    async (request, reply) => {
      const locale = localeOf(request);
      const format = parseFormat(request.params.format, locale);
      const requests = await listOpen311Requests(db, request.query, locale, new Date());
      return sendOpen311(reply, format, 'service_requests', requests);
    },
  );

  app.get(
    '/requests/:file',
    { schema: { hide, params: FileParams, querystring: Open311CommonQuerySchema } },
    async (request, reply) => {
      const locale = localeOf(request);
      const { name, format } = splitFormat(request.params.file, locale);
      return sendOpen311(reply, format, 'service_requests', await getOpen311Request(db, name, locale));
    },
  );

  app.get(
    '/tokens/:file',
    { schema: { hide, params: FileParams, querystring: Open311CommonQuerySchema } },
    async (request, reply) => {
      const { name, format } = splitFormat(request.params.file, localeOf(request));
      return sendOpen311(reply, format, 'service_requests', await resolveOpen311Token(db, name));
    },
  );
};

export const open311Routes: FastifyPluginAsyncZod<AppContext> = async (app, context) => {
  await app.register(open311V2, { ...context, prefix: '/open311/v2' });
};
