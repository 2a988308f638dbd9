import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { negotiateLocale } from '../../../shared/i18n/index.ts';
import { CalendarDateSchema, IdSchema, safeText } from '../../../shared/schemas/common.ts';
import {
  AnswerReportSchema,
  CreateCommentSchema,
  CreateExtensionRequestSchema,
  CreateProgressReportSchema,
  CreateTaskSchema,
  DecideExtensionSchema,
  ListTasksQuerySchema,
  TaskDetailSchema,
  TaskPageSchema,
  TaskTransitionSchema,
  UpdateTaskSchema,
} from '../../../shared/schemas/tasks.ts';
import { requirePrincipal } from '../../http/authentication.ts';
import type { AppContext } from '../../http/context.ts';
import { problems } from '../../http/openapi.ts';
import { optionalIfMatch, requireIfMatch, setVersionTag } from '../../http/versioning.ts';
import { once } from '../idempotency/idempotency.service.ts';
import { exportableResponse, requestedFormat, sendExport } from '../spreadsheets/export-negotiation.ts';
import { exportTasks } from './task-export.service.ts';
import { createTask, updateTask } from './task-commands.service.ts';
import type { Actor } from '../../kernel/actor.ts';
import { getTaskDetail, listTasks } from './task-reading.service.ts';
import * as workflow from './task-workflow.service.ts';

const tags = ['Tasks'];
const TaskParams = z.object({ id: IdSchema });
const IfMatchHeaders = z.object({ 'if-match': safeText().max(50).optional() });

export const taskRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { database: { db } }) => {
  const actorOf = (request: FastifyRequest): Actor => ({ principal: requirePrincipal(request), now: new Date() });
  /** Every change answers with the task as it now stands, and its version as ETag. */
  const respond = async (reply: FastifyReply, actor: Actor, id: string, status = 200) => {
    const task = await getTaskDetail(db, actor.principal, id);
    setVersionTag(reply, task.version);
    return reply.status(status).send(task);
  };

  app.get(
    '/api/v1/tasks',
    {
      schema: {
        tags,
        summary: 'Tasks of a scope as of a date, filtered, sorted and paged',
        querystring: ListTasksQuerySchema,
        response: { 200: exportableResponse(TaskPageSchema, 'The tasks'), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const format = requestedFormat(request.query.format, request.headers.accept);
      if (format === 'json') return listTasks(db, requirePrincipal(request), request.query);
      const locale = negotiateLocale(request.headers['accept-language']);
      const file = await exportTasks(db, requirePrincipal(request), request.query, format, locale);
      return sendExport(reply, file, { 'x-total-count': String(file.total) });
    },
  );

  app.post(
    '/api/v1/tasks',
    {
      schema: {
        tags,
        summary: 'Create (and by default assign) a task, or a sub-task of a task the caller leads',
        headers: z.object({ 'idempotency-key': safeText().min(8).max(100).optional() }),
        body: CreateTaskSchema,
        response: { 201: TaskDetailSchema, ...problems(401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { value } = await once(
        db,
        actor.principal.personId,
        request.headers['idempotency-key'],
        request.body,
        async () => {
          const id = await createTask(db, actor, request.body);
          return getTaskDetail(db, actor.principal, id);
        },
      );
      setVersionTag(reply, value.version);
      return reply.status(201).send(value);
    },
  );

  app.get(
    '/api/v1/tasks/:id',
    {
      schema: {
        tags,
        summary: 'A task with its timeline, reports, extensions, comments and sub-tasks, as of a date',
        params: TaskParams,
        querystring: z.object({ as_of: CalendarDateSchema.optional() }),
        response: { 200: TaskDetailSchema, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const task = await getTaskDetail(db, requirePrincipal(request), request.params.id, request.query.as_of);
      setVersionTag(reply, task.version);
      return task;
    },
  );

  app.patch(
    '/api/v1/tasks/:id',
    {
      schema: {
        tags,
        summary: 'Edit a task as its assigner (If-Match required)',
        params: TaskParams,
        headers: IfMatchHeaders,
        body: UpdateTaskSchema,
        response: { 200: TaskDetailSchema, ...problems(401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await updateTask(db, actor, request.params.id, requireIfMatch(request), request.body);
      return respond(reply, actor, request.params.id);
    },
  );

  app.post(
    '/api/v1/tasks/:id/transitions',
    {
      schema: {
        tags,
        summary: 'Assign, start, submit, accept, return or cancel a task',
        params: TaskParams,
        headers: IfMatchHeaders,
        body: TaskTransitionSchema,
        response: { 200: TaskDetailSchema, ...problems(401, 403, 404, 409, 412) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await workflow.transition(db, actor, request.params.id, optionalIfMatch(request), request.body);
      return respond(reply, actor, request.params.id);
    },
  );

  app.post(
    '/api/v1/tasks/:id/reports',
    {
      schema: {
        tags,
        summary: 'Report progress, difficulties and proposals as the lead agency',
        params: TaskParams,
        body: CreateProgressReportSchema,
        response: { 201: TaskDetailSchema, ...problems(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await workflow.reportProgress(db, actor, request.params.id, request.body);
      return respond(reply, actor, request.params.id, 201);
    },
  );

  app.post(
    '/api/v1/tasks/:id/reports/:reportId/answer',
    {
      schema: {
        tags,
        summary: 'Answer the difficulties and proposals of a report, as the assigner',
        params: TaskParams.extend({ reportId: IdSchema }),
        body: AnswerReportSchema,
        response: { 200: TaskDetailSchema, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await workflow.answerReport(db, actor, request.params.id, request.params.reportId, request.body.answer);
      return respond(reply, actor, request.params.id);
    },
  );

  app.post(
    '/api/v1/tasks/:id/extensions',
    {
      schema: {
        tags,
        summary: 'Ask for a later deadline, as the lead agency',
        params: TaskParams,
        body: CreateExtensionRequestSchema,
        response: { 201: TaskDetailSchema, ...problems(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await workflow.requestExtension(db, actor, request.params.id, request.body);
      return respond(reply, actor, request.params.id, 201);
    },
  );

  app.post(
    '/api/v1/tasks/:id/extensions/:extensionId/decision',
    {
      schema: {
        tags,
        summary: 'Approve (moving the effective deadline) or refuse an extension, as the assigner',
        params: TaskParams.extend({ extensionId: IdSchema }),
        body: DecideExtensionSchema,
        response: { 200: TaskDetailSchema, ...problems(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await workflow.decideExtension(db, actor, request.params.id, request.params.extensionId, request.body);
      return respond(reply, actor, request.params.id);
    },
  );

  app.post(
    '/api/v1/tasks/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comment on a task',
        params: TaskParams,
        body: CreateCommentSchema,
        response: { 201: TaskDetailSchema, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await workflow.addComment(db, actor, request.params.id, request.body.body);
      return respond(reply, actor, request.params.id, 201);
    },
  );
};
