import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { FEEDBACK_FIELDS, FEEDBACK_STATES, FEEDBACK_TYPES } from '../../../shared/domain/feedback.ts';
import { SERVICE_LEVEL_STATES } from '../../../shared/domain/feedback-service-level.ts';
import { TASK_STATES } from '../../../shared/domain/task-lifecycle.ts';
import { TIMELINESS } from '../../../shared/domain/timeliness.ts';
import { OPEN311_SERVICE_CODES } from '../../../shared/schemas/open311.ts';
import { buildApp } from '../../app.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import { loadConfig } from '../../env.ts';
import { SESSION_COOKIE } from '../../http/authentication.ts';
import { createApiToken } from '../../modules/auth/api-tokens.service.ts';
import { SYSTEM } from '../../kernel/principal.ts';
import { createMeeting } from '../../modules/directives/directives.service.ts';
import { uploadEvidence } from '../../modules/tasks/evidence.service.ts';
import { transitionFeedback } from '../../modules/feedback/feedback-handling.service.ts';
import { submitFeedback } from '../../modules/feedback/feedback.service.ts';
import { createImportJob } from '../../modules/task-import/import-jobs.service.ts';
import * as workflow from '../../modules/tasks/task-workflow.service.ts';
import { actorFor, buildProgramme, buildTask, move } from '../task-factory.ts';
import { openTestDatabase, type TestDatabaseKind } from '../test-database.ts';
import { seedTestWorld, TEST_PASSWORD, type TestWorld } from '../test-world.ts';
import type { FuzzRequest, Identity } from './fuzz-requests.ts';
import type { ValueHints } from './schema-arbitrary.ts';

type IdKind =
  | 'organization'
  | 'person'
  | 'task'
  | 'programme'
  | 'group'
  | 'document'
  | 'meeting'
  | 'conclusion'
  | 'report'
  | 'extension'
  | 'file'
  | 'feedback'
  | 'attachment'
  | 'token'
  | 'assignment'
  | 'job';

/** Which ids fit a parameter or field, by its name (or, for `{id}`, the segment before it). */
const KIND_OF_NAME: Record<string, IdKind> = {
  organizations: 'organization',
  organizationId: 'organization',
  leadOrganizationId: 'organization',
  assignerOrganizationId: 'organization',
  coordinatingOrganizationIds: 'organization',
  ownerOrganizationId: 'organization',
  issuerOrganizationId: 'organization',
  parentId: 'organization',
  issuer: 'organization',
  people: 'person',
  actorId: 'person',
  tasks: 'task',
  parentTaskId: 'task',
  parent: 'task',
  programmeId: 'programme',
  taskGroupId: 'group',
  group: 'group',
  directives: 'document',
  document: 'document',
  sourceDocumentId: 'document',
  meetings: 'meeting',
  sourceConclusionId: 'conclusion',
  reportId: 'report',
  extensionId: 'extension',
  fileId: 'file',
  evidenceFileIds: 'file',
  feedback: 'feedback',
  intoId: 'feedback',
  attachmentId: 'attachment',
  tokens: 'token',
  assignmentId: 'assignment',
  jobs: 'job',
};

const withFormats = (names: readonly string[]) => names.flatMap((name) => [`${name}.json`, `${name}.xml`, name]);
const csvOf = (values: readonly string[]) => [...values, values.slice(0, 2).join(','), `${values[0]},,nope`];

/** Good words for free strings, so that valid-ish requests reach the handlers. */
const STATIC_WORDS: Record<string, readonly string[]> = {
  state: [...csvOf(TASK_STATES), ...csvOf(FEEDBACK_STATES)],
  timeliness: csvOf(TIMELINESS),
  type: csvOf(FEEDBACK_TYPES),
  field: csvOf(FEEDBACK_FIELDS),
  service_level: csvOf(SERVICE_LEVEL_STATES),
  q: ['ha noi', 'Hà Nội', 'so', 'R57', 'chuyen doi', '%', '_', "'"],
  entityType: ['task', 'organization', 'person', 'feedback_item', 'api_token'],
  action: ['task.created', 'organization.created', 'person.created', 'sign_in'],
  password: [TEST_PASSWORD, 'wrong password!'],
  programme: ['R57'],
  dry_run: ['true', 'false'],
  cursor: ['eyJ4IjoxfQ', 'bnVsbA', 'WzEsMl0', 'eyJrIjoiXHUwMDAwIn0', '!!!', 'MTIz'],
};

export interface FuzzWorld extends ValueHints {
  app: FastifyInstance;
  world: TestWorld;
  /** Sends a request as its identity (session cookie and CSRF token for the admin, API tokens otherwise). */
  send(request: FuzzRequest): Promise<LightMyRequestResponse>;
  /** The error the server met while answering the last request, if any. */
  lastError(): Error | undefined;
  /** Learns the ids, tracking codes and cursors a successful answer shows. */
  harvest(response: LightMyRequestResponse): void;
  /** Signs the admin in again if a request of the run signed them out. */
  restoreIdentities(): Promise<void>;
  close(): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TRACKING_CODE = /^PA-[A-Z0-9]{6,}$/;
const POOL_LIMIT = 400;

/**
 * The test world with something of every kind (tasks with reports, extensions and files, a
 * meeting, feedback in several states, an import job), the identities of the fuzz run, and the
 * pools of known values its requests are made from.
 */
export async function createFuzzWorld(kind: TestDatabaseKind): Promise<FuzzWorld> {
  const database: DatabaseHandle = await openTestDatabase(kind);
  const world = await seedTestWorld(database.db);
  // Submission limits high enough that fuzzed submissions reach the handler rather than 429.
  const config = {
    ...loadConfig({
      LOG_LEVEL: 'silent',
      FEEDBACK_SUBMISSIONS_PER_ADDRESS_PER_HOUR: '1000000',
      FEEDBACK_SUBMISSIONS_PER_CONTACT_PER_HOUR: '1000000',
    }),
    webDir: '/nonexistent',
  };
  const app = await buildApp(database, config);
  // The error behind a 5xx, for the failure report (requests are sent one at a time).
  let lastError: Error | undefined;
  app.addHook('onError', async (_request, _reply, error) => {
    lastError = error;
  });
  await app.ready();

  const ids = new Map<IdKind | 'any', string[]>();
  const add = (kind: IdKind | 'any', ...values: string[]) => ids.set(kind, [...(ids.get(kind) ?? []), ...values]);
  const trackingCodes: string[] = [];
  const cursors: string[] = [];
  const db = database.db;

  Object.values(world.org).forEach((org) => add('organization', org.id));
  const protectedPeople = [world.person.admin, world.person.steering, world.person.hanoiFocal];
  Object.values(world.person)
    .filter((person) => !protectedPeople.includes(person))
    .forEach((person) => add('person', person.id));

  const programme = await buildProgramme(db, world);
  add('programme', programme.id);
  add('group', ...programme.groups.map((g) => g.id));
  add('document', ...programme.documents.map((d) => d.id));
  add('organization', programme.ministryUnit.id);
  const steering = await actorFor(db, world.person.steering);
  const focal = await actorFor(db, world.person.hanoiFocal);
  const hanoiTask = await buildTask(db, steering, {
    programmeId: programme.id,
    leadOrganizationId: world.org.hanoi.id,
    deadline: '2027-06-30',
    title: 'Xây dựng hạ tầng số Hà Nội',
  });
  await move(db, focal, hanoiTask, { percent: 40 });
  const ministryTask = await buildTask(db, steering, {
    programmeId: programme.id,
    leadOrganizationId: world.org.ministry.id,
    deadline: '2026-03-31',
    taskGroupId: programme.groups[1].id,
  });
  const draft = await buildTask(db, steering, {
    programmeId: programme.id,
    leadOrganizationId: world.org.hcm.id,
    deadline: null,
    assign: false,
  });
  add('task', hanoiTask, ministryTask, draft);
  const report = await db.selectFrom('progress_report').select('id').executeTakeFirstOrThrow();
  add('report', report.id);
  add(
    'extension',
    await workflow.requestExtension(db, focal, hanoiTask, { requestedDeadline: '2027-12-31', reason: 'Chờ kinh phí' }),
  );
  const file = await uploadEvidence(db, focal.principal, hanoiTask, {
    fileName: 'bien-ban.pdf',
    content: Buffer.from('%PDF-1.4 minimal'),
  });
  add('file', file.id);
  const meeting = await createMeeting(db, steering.principal, {
    organizationId: world.org.hanoi.id,
    heldOn: '2026-05-01',
    title: 'Phiên họp Ban Chỉ đạo',
    conclusions: ['Hoàn thành hạ tầng số', 'Báo cáo hằng quý'],
  });
  add('meeting', meeting.id);
  add('conclusion', ...meeting.conclusions.map((c) => c.id));

  const system = { principal: SYSTEM, now: new Date() };
  for (const [index, type] of (['recommendation', 'initiative', 'feedback'] as const).entries()) {
    const receipt = await submitFeedback(
      db,
      {
        type,
        field: 'institutions',
        title: `Góp ý số ${index + 1}`,
        content: 'Đề nghị bỏ bản sao công chứng khi nộp hồ sơ trực tuyến.',
        submitterKind: 'business',
        submitterName: 'Công ty An Bình',
        phone: `091234567${index}`,
        consentToPublish: true,
        organizationId: world.org.hanoi.id,
      },
      { address: '192.0.2.1', now: new Date() },
      index === 0 ? [{ fileName: 'anh.pdf', content: Buffer.from('%PDF-1.4 minimal') }] : [],
    );
    trackingCodes.push(receipt.trackingCode);
    const item = await db
      .selectFrom('feedback_item')
      .select('id')
      .where('tracking_code', '=', receipt.trackingCode)
      .executeTakeFirstOrThrow();
    add('feedback', item.id);
    if (index < 2) {
      await transitionFeedback(db, system, item.id, undefined, { action: 'accept' });
      await transitionFeedback(db, system, item.id, undefined, {
        action: 'assign',
        organizationId: world.org.hanoi.id,
      });
    }
  }
  const attachment = await db.selectFrom('feedback_attachment').select('id').executeTakeFirstOrThrow();
  add('attachment', attachment.id);
  const job = await createImportJob(db, steering.principal, {
    bytes: Buffer.from('not a workbook'),
    fileName: 'nhiem-vu.xlsx',
    dryRun: true,
    programme: programme.code,
    locale: 'vi',
  });
  add('job', job.id);
  // A token and a role assignment nobody of the run depends on, for the deletes to aim at.
  const spare = await createApiToken(db, (await actorFor(db, world.person.leader)).principal, {
    name: 'Dự phòng',
    expiresInDays: 30,
  });
  add('token', spare.id);
  const assignments = await db.selectFrom('role_assignment').select(['id', 'person_id']).execute();
  const protectedIds = new Set<string>(protectedPeople.map((p) => p.id));
  for (const assignment of assignments) {
    if (protectedIds.has(assignment.person_id)) protectedIds.add(assignment.id);
    else add('assignment', assignment.id);
  }

  // The identities: the admin by session (cookie and CSRF token), two other roles by API token.
  const tokens: Record<Exclude<Identity, 'anonymous' | 'admin'>, string> = {
    steering: (await createApiToken(db, steering.principal, { name: 'Fuzz', expiresInDays: 30 })).token,
    focal: (await createApiToken(db, focal.principal, { name: 'Fuzz', expiresInDays: 30 })).token,
  };
  for (const row of await db.selectFrom('api_token').select('id').where('name', '=', 'Fuzz').execute()) {
    protectedIds.add(row.id);
  }
  let session = { cookie: '', csrfToken: '' };
  const signIn = async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: world.person.admin.email, password: TEST_PASSWORD },
    });
    if (response.statusCode !== 200) throw new Error(`fuzz: the admin cannot sign in: ${response.body}`);
    session = {
      cookie: response.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '',
      csrfToken: (response.json() as { csrfToken: string }).csrfToken,
    };
  };
  await signIn();

  const orgCodes = () => [
    ...Object.values(world.org).map((org) => org.code),
    'BKHCN.CDS',
    ...(ids.get('organization') ?? []),
  ];
  const words: Record<string, () => readonly string[]> = {
    scope: orgCodes,
    agency: orgCodes,
    organization: orgCodes,
    idOrCode: orgCodes,
    parent: orgCodes,
    trackingCode: () => trackingCodes,
    service_request_id: () => trackingCodes,
    email: () =>
      Object.values(world.person)
        .filter((p) => !protectedPeople.includes(p))
        .map((p) => p.email),
    cursor: () => [...cursors, ...(STATIC_WORDS.cursor ?? [])],
    entityId: () => ids.get('any') ?? [],
    // Open311: services and requests named with their format, as GeoReport v2 URLs are.
    service_code: () => OPEN311_SERVICE_CODES,
    serviceFile: () => withFormats(OPEN311_SERVICE_CODES),
    requestFile: () => withFormats(trackingCodes),
    tokenFile: () => withFormats(ids.get('any') ?? []),
    phone: () => ['0912345678', '+84 912 345 678', '024 3825 1234'],
  };

  let requestCount = 0;
  return {
    app,
    world,
    idsFor(name) {
      const kind = KIND_OF_NAME[name];
      const known = kind ? (ids.get(kind) ?? []) : [...ids.values()].flat();
      return [...known, ...(ids.get('any') ?? []).slice(0, 20)];
    },
    wordsFor(name) {
      return words[name]?.() ?? STATIC_WORDS[name] ?? [];
    },
    lastError: () => lastError,
    send(request) {
      requestCount += 1;
      lastError = undefined;
      const options: InjectOptions = {
        method: request.method as InjectOptions['method'],
        url: request.url,
        headers: { ...request.headers },
        // Addresses of the documentation range, so that throttles keyed by address never meet the setup's.
        remoteAddress: `192.0.2.${(requestCount % 250) + 2}`,
        ...(request.payload !== undefined ? { payload: request.payload } : {}),
      };
      if (request.identity === 'admin') {
        options.cookies = { [SESSION_COOKIE]: session.cookie };
        options.headers = { ...options.headers, 'x-csrf-token': session.csrfToken };
      } else if (request.identity !== 'anonymous') {
        options.headers = { ...options.headers, authorization: `Bearer ${tokens[request.identity]}` };
      }
      return app.inject(options);
    },
    harvest(response) {
      if (response.statusCode >= 300 || !String(response.headers['content-type'] ?? '').includes('json')) return;
      let body: unknown;
      try {
        body = response.json();
      } catch {
        return;
      }
      const visit = (value: unknown, key: string) => {
        if (typeof value === 'string') {
          if (UUID.test(value) && !protectedIds.has(value)) {
            const pool = ids.get('any') ?? [];
            if (pool.length < POOL_LIMIT && !pool.includes(value)) add('any', value);
          } else if (TRACKING_CODE.test(value) && trackingCodes.length < POOL_LIMIT && !trackingCodes.includes(value)) {
            trackingCodes.push(value);
          } else if (key === 'nextCursor' && cursors.length < POOL_LIMIT) cursors.push(value);
        } else if (Array.isArray(value)) value.forEach((entry) => visit(entry, key));
        else if (value && typeof value === 'object') Object.entries(value).forEach(([k, v]) => visit(v, k));
      };
      visit(body, '');
    },
    async restoreIdentities() {
      const check = await app.inject({
        method: 'GET',
        url: '/api/v1/auth/session',
        cookies: { [SESSION_COOKIE]: session.cookie },
      });
      if (check.statusCode !== 200) await signIn();
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
