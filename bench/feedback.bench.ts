/**
 * Public feedback at national scale, on PostgreSQL (issue 4), each figure as a ratio to a baseline
 * measured in the same run (these machines are noisy: only the ratios compare across runs).
 *
 * (a) Sustained submissions through POST /api/v1/feedback on a listening server, 100 concurrent
 *     clients, each request with its own Idempotency-Key and contact and realistic Vietnamese text;
 *     one request in ten retries an earlier key, and pairs of twins race on one key. Clients have
 *     100 addresses (X-Forwarded-For through the trusted local proxy); the rate limits are raised
 *     for the run through the configuration (FEEDBACK_SUBMISSIONS_PER_*), as a load test sends
 *     more than a person would. Then the database is checked: every receipt's tracking code
 *     exists (nothing lost) and each key made exactly one item (nothing duplicated).
 *     Baseline: a bare Fastify route (bench/bare-server.ts) under the same load.
 * (b) The handlers' queue (listFeedbackQueue) over 1,000,000 generated items, for its common
 *     filters, p50/p95 over BENCH_REPETITIONS sequential calls after a warm-up. Baseline: the raw
 *     SQL it rests on (the page and the count, written here by hand), timed the same way.
 *
 * Exits 1 when a figure is missing or a check fails.
 *   npm run bench:feedback      BENCH_SECONDS=20 BENCH_ITEMS=200000 BENCH_EXPLAIN=1 npm run bench:feedback
 */
import { randomUUID } from 'node:crypto';
import type autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { type Db, migrateToLatest, openPostgres } from '../src/server/db/database.ts';
import type { Principal } from '../src/server/kernel/principal.ts';
import { listFeedbackQueue } from '../src/server/modules/feedback/feedback-reading.service.ts';
import { composeContent, drawSubmitter, FEEDBACK_TOPICS } from '../src/server/seed/feedback-texts.ts';
import { seededRandom } from '../src/server/seed/random.ts';
import { createScratchDatabase } from '../src/server/testing/test-database.ts';
import { today } from '../src/shared/domain/calendar-date.ts';
import type { FeedbackQueueQuery, FeedbackSubmissionInput } from '../src/shared/schemas/feedback.ts';
import { foldForSearch } from '../src/shared/domain/text.ts';
import { generateFeedbackDataset } from './feedback-dataset.ts';
import { freePort, measure, ms, report, startProcess, temporaryDirectory, time, type Timing } from './support.ts';
import { FEEDBACK_QUEUE_COUNT_CAP, listCountOf } from '../src/shared/domain/list-count.ts';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 100;
const TWINS = 100;
const ITEMS = Number(process.env.BENCH_ITEMS ?? 1_000_000);
const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 200);
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 20);
/** A measurement stops early after this long, so that a slow query cannot take the run hostage. */
const MAX_SECONDS_EACH = Number(process.env.BENCH_MAX_SECONDS ?? 60);
const TARGET_P95_MS = 100;
const TODAY = today();
const problems: string[] = [];

// ---------------------------------------------------------------------------------------------
// (a) submissions over HTTP

const random = seededRandom(2025);
const topics = FEEDBACK_TOPICS.filter((topic) => !topic.rejection);

/** A submission as the public form sends it, with a contact of its own. */
function submission(n: number): FeedbackSubmissionInput {
  const topic = random.pick(topics);
  const type = random.pick(topic.types);
  const writer = drawSubmitter(random, random.pick(topic.submitters), random.pick(['Hà Nội', 'Huế', 'Cần Thơ']));
  return {
    type,
    field: topic.field,
    title: random.pick(topic.titles),
    content: composeContent(random, topic, type, writer, 'Đà Nẵng', n),
    submitterKind: writer.kind,
    submitterName: writer.name,
    phone: `09${String(n).padStart(8, '0')}`,
    consentToPublish: random.chance(0.6),
  };
}

interface Sent {
  key: string;
  body: string;
}
/** What one autocannon connection remembers between its requests. */
interface Connection {
  current?: Sent;
  sent?: Sent[];
}

async function submissions(base: string, barePort: number) {
  const receipts = new Map<string, string>();
  const statuses = new Map<number, number>();
  let numbered = 0;
  let retries = 0;
  const mismatched: string[] = [];
  const record = (key: string, status: number, body: string) => {
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    if (status !== 201) return;
    const code = (JSON.parse(body) as { trackingCode: string }).trackingCode;
    const known = receipts.get(key);
    if (known !== undefined && known !== code) mismatched.push(key);
    receipts.set(key, code);
  };

  const baseline = await measure('bare Fastify GET /ping (baseline)', {
    url: `http://127.0.0.1:${barePort}/ping`,
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  const started = performance.now();
  const load = await measure('POST /api/v1/feedback (own key and contact; 1 in 10 a retry)', {
    url: `${base}/api/v1/feedback`,
    connections: CONNECTIONS,
    duration: SECONDS,
    // autocannon keeps a context per connection for one pass over `requests`: of ten requests,
    // the third sends one of the first two again, as a client that lost the response would.
    requests: Array.from({ length: 10 }, (_, index): autocannon.Request => ({
      method: 'POST',
      setupRequest: (request, context) => {
        const state = context as Connection;
        let sent: Sent;
        if (index === 2 && state.sent?.length) {
          sent = random.pick(state.sent);
          retries += 1;
        } else {
          numbered += 1;
          sent = { key: `bench-${randomUUID()}`, body: JSON.stringify(submission(numbered)) };
          state.sent = [...(state.sent ?? []), sent];
        }
        state.current = sent;
        return {
          ...request,
          headers: {
            'content-type': 'application/json',
            'idempotency-key': sent.key,
            // The app trusts the local proxy (app.ts): 100 clients, 100 addresses.
            'x-forwarded-for': `198.51.100.${1 + random.int(CONNECTIONS)}`,
          },
          body: sent.body,
        };
      },
      onResponse: (status, body, context) => {
        const state = context as Connection;
        if (state.current) record(state.current.key, status, body);
      },
    })),
  });
  const seconds = (performance.now() - started) / 1000;

  // Twins: the same key and body sent twice at once; the second waits for the first's receipt.
  const twins = await Promise.all(
    Array.from({ length: TWINS }, async () => {
      numbered += 1;
      const sent: Sent = { key: `twin-${randomUUID()}`, body: JSON.stringify(submission(numbered)) };
      const post = () =>
        fetch(`${base}/api/v1/feedback`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': sent.key },
          body: sent.body,
        }).then(async (response) => ({ status: response.status, body: await response.text() }));
      const [first, second] = await Promise.all([post(), post()]);
      record(sent.key, first.status, first.body);
      record(sent.key, second.status, second.body);
      return first.status === 201 && second.status === 201 && first.body === second.body;
    }),
  );
  return {
    baseline,
    load,
    seconds,
    receipts,
    statuses,
    retries,
    mismatched,
    twinsAgreeing: twins.filter(Boolean).length,
  };
}

/** Nothing lost, nothing doubled: the database against what the clients were told. */
async function checkSubmissions(url: string, receipts: Map<string, string>) {
  // Requests still in flight when the load stopped may land just after: let them.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const codes = [...new Set(receipts.values())];
    const found = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM feedback_item WHERE tracking_code = ANY($1)`,
      [codes],
    );
    const items = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM feedback_item`);
    const keyed = await client.query<{ keys: number; codes: number; orphans: number; flagged: number }>(`
      SELECT (SELECT count(*)::int FROM idempotency_key WHERE status_code = 201) AS keys,
        (SELECT count(DISTINCT response->>'trackingCode')::int FROM idempotency_key WHERE status_code = 201) AS codes,
        (SELECT count(*)::int FROM feedback_item f WHERE NOT EXISTS (
          SELECT 1 FROM idempotency_key k WHERE k.response->>'trackingCode' = f.tracking_code)) AS orphans,
        (SELECT count(*)::int FROM feedback_item WHERE possible_duplicate_of IS NOT NULL) AS flagged`);
    const row = keyed.rows[0];
    const lost = codes.length - (found.rows[0]?.n ?? 0);
    if (lost !== 0) problems.push(`${lost} receipts have no item`);
    if (!row || row.keys !== row.codes) problems.push(`keys ${row?.keys} made ${row?.codes} distinct items`);
    if (row?.orphans) problems.push(`${row.orphans} items belong to no key`);
    if (row && items.rows[0]?.n !== row.keys) problems.push(`${items.rows[0]?.n} items for ${row.keys} keys`);
    // At most one request per connection was in flight when the load stopped: stored, not read.
    const unread = (items.rows[0]?.n ?? 0) - codes.length;
    if (unread < 0 || unread > CONNECTIONS) problems.push(`${unread} items without a receipt read`);
    return { receipts: codes.length, items: items.rows[0]?.n ?? 0, lost, flagged: row?.flagged ?? 0 };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// (b) the queue over a million items

const TIMING = { warmUp: WARM_UP, repetitions: REPETITIONS, maxSeconds: MAX_SECONDS_EACH };

interface QueueCase {
  label: string;
  principal: Principal;
  query: FeedbackQueueQuery;
  /** The same filter in plain SQL, with the organization's path for a scope. */
  where: ReturnType<typeof sql<boolean>>;
}

const PAGE = 50;

/** The page and the count the queue rests on, as one would write them by hand. */
async function rawQueue(db: Db, where: QueueCase['where']) {
  const [page, count] = await Promise.all([
    sql<{ id: string }>`
      SELECT id, tracking_code, type, field, title, state, submitter_kind, received_at, triage_due_on,
        answer_due_on, pending_due_on, organization_id, assigned_organization_id, possible_duplicate_of, version
      FROM feedback_item WHERE ${where}
      ORDER BY pending_due_on NULLS LAST, received_at, id LIMIT ${PAGE + 1}`.execute(db),
    // Counted as the queue counts: up to its cap, then "more than".
    sql<{ n: number }>`SELECT count(*)::int AS n FROM (
      SELECT 1 FROM feedback_item WHERE ${where} LIMIT ${FEEDBACK_QUEUE_COUNT_CAP + 1}) AS matches`.execute(db),
  ]);
  return {
    ids: page.rows.slice(0, PAGE).map((row) => row.id),
    ...listCountOf(Number(count.rows[0]?.n), FEEDBACK_QUEUE_COUNT_CAP),
  };
}

async function explain(db: Db, where: QueueCase['where']) {
  for (const query of [
    sql`EXPLAIN (ANALYZE, BUFFERS) SELECT id FROM feedback_item WHERE ${where}
        ORDER BY pending_due_on NULLS LAST, received_at, id LIMIT ${PAGE + 1}`,
    sql`EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM feedback_item WHERE ${where}`,
  ]) {
    const { rows } = await query.execute(db);
    console.log((rows as Array<{ 'QUERY PLAN': string }>).map((row) => `    ${row['QUERY PLAN']}`).join('\n'));
  }
}

async function queue() {
  const scratch = await createScratchDatabase(SERVER_URL);
  const handle = await openPostgres(scratch.url);
  try {
    const { db } = handle;
    await migrateToLatest(db);
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    const generationStart = performance.now();
    const counts = await generateFeedbackDataset(client, { items: ITEMS, today: TODAY });
    const generationSeconds = (performance.now() - generationStart) / 1000;
    await client.end();
    console.log(
      `\nGenerated in ${generationSeconds.toFixed(0)} s (with VACUUM ANALYZE): ${Object.entries(counts)
        .map(([name, n]) => `${n.toLocaleString('en')} ${name}`)
        .join(', ')}`,
    );
    const organization = async (code: string) =>
      db.selectFrom('organization').select(['id', 'path']).where('code', '=', code).executeTakeFirstOrThrow();
    const root = await organization('VN');
    const ministry = await organization('BKHCN');
    const handler = (scopePath: string, organizationId: string): Principal => ({
      personId: randomUUID(),
      organizationId,
      grants: [{ role: 'feedback_handler', scopePath }],
      via: 'session',
    });
    const atRoot = handler(root.path, root.id);
    const base = { limit: PAGE, sort: 'due', as_of: TODAY } as const;
    const words = 'chu ky so';
    const cases: QueueCase[] = [
      { label: 'default queue (all, by due date)', principal: atRoot, query: base, where: sql<boolean>`true` },
      {
        label: 'overdue only',
        principal: atRoot,
        query: { ...base, service_level: ['overdue'] },
        where: sql<boolean>`pending_due_on < ${TODAY}::date`,
      },
      {
        label: "one organization's handler (BKHCN scope)",
        principal: handler(ministry.path, ministry.id),
        query: base,
        where: sql<boolean>`assigned_path LIKE ${`${ministry.path}%`}`,
      },
      {
        label: `text search "${words}"`,
        principal: atRoot,
        query: { ...base, q: words },
        where: sql<boolean>`search_text LIKE ${`%${foldForSearch(words)}%`}`,
      },
    ];
    const rows: Array<{ label: string; baseline: Timing; service: Timing; total: number }> = [];
    for (const c of cases) {
      const raw = await rawQueue(db, c.where);
      const page = await listFeedbackQueue(db, c.principal, c.query);
      if (page.total !== raw.total || page.totalIsCapped !== raw.totalIsCapped)
        problems.push(`${c.label}: queue total ${page.total}, raw count ${raw.total}`);
      if (page.items.map((item) => item.id).join() !== raw.ids.join())
        problems.push(`${c.label}: the queue's first page differs from the raw query's`);
      if (raw.total === 0) problems.push(`${c.label}: nothing matched`);
      const baseline = await time(`raw SQL — ${c.label} (baseline)`, () => rawQueue(db, c.where), TIMING);
      const service = await time(
        `listFeedbackQueue — ${c.label}`,
        () => listFeedbackQueue(db, c.principal, c.query),
        TIMING,
      );
      rows.push({ label: c.label, baseline, service, total: raw.total });
      const matched = `${raw.totalIsCapped ? 'more than ' : ''}${raw.total.toLocaleString('en')}`;
      console.log(`  ${c.label}: ${matched} items, queue p95 ${ms(service.p95)} ms`);
      if (process.env.BENCH_EXPLAIN === '1' || service.p95 >= TARGET_P95_MS) {
        console.log(`  query plans (raw) for ${c.label}:`);
        await explain(db, c.where);
      }
    }
    return { rows, items: counts.feedback_item ?? 0, generationSeconds };
  } finally {
    await handle.close();
    if (process.env.BENCH_KEEP_DATABASE === '1') console.log(`\nKept ${scratch.url}`);
    else await scratch.drop();
  }
}

// ---------------------------------------------------------------------------------------------

const barePort = await freePort();
const bare = await startProcess(['bench/bare-server.ts', String(barePort)], {}, /ready/);
const scratch = await createScratchDatabase(SERVER_URL);
const port = await freePort();
const server = await startProcess(
  ['src/cli/main.ts', 'serve', '--port', String(port)],
  {
    DATA_DIR: temporaryDirectory('steerboard-bench-'),
    DATABASE_URL: scratch.url,
    LOG_LEVEL: 'warn',
    // Raised for the run: 100 clients send far more per hour than the limits allow a person.
    FEEDBACK_SUBMISSIONS_PER_ADDRESS_PER_HOUR: String(1_000_000_000),
    FEEDBACK_SUBMISSIONS_PER_CONTACT_PER_HOUR: String(1_000),
  },
  /ready at/,
);
let submitted: Awaited<ReturnType<typeof submissions>>;
let checked: Awaited<ReturnType<typeof checkSubmissions>>;
try {
  submitted = await submissions(`http://127.0.0.1:${port}`, barePort);
  checked = await checkSubmissions(scratch.url, submitted.receipts);
} finally {
  bare.kill();
  server.kill();
  await new Promise((resolve) => server.once('exit', resolve));
  await scratch.drop();
}
const queued = await queue();

const created = submitted.statuses.get(201) ?? 0;
const perSecond = Math.round(checked.receipts / submitted.seconds);
report(
  `(a) Public submissions over HTTP (PostgreSQL, ${CONNECTIONS} connections, ${SECONDS} s each)`,
  submitted.baseline,
  [submitted.load],
);
console.log(
  `new submissions: ${checked.receipts} receipts in ${submitted.seconds.toFixed(1)} s = ${perSecond}/s (ratio ${(perSecond / submitted.baseline.requestsPerSecond).toFixed(3)} to the baseline); ` +
    `${created} responses 201 of ${[...submitted.statuses.values()].reduce((a, b) => a + b, 0)} ` +
    `(statuses ${JSON.stringify(Object.fromEntries(submitted.statuses))}), ${submitted.retries} retries, ` +
    `${submitted.twinsAgreeing} of ${TWINS} twin pairs got one receipt`,
);
console.log(
  `checked in the database: ${checked.items} items for ${checked.receipts} receipts, ${checked.lost} lost, ` +
    `${submitted.mismatched.length} retries answered with another code, ${checked.flagged} flagged as likely duplicates`,
);
if (submitted.mismatched.length) problems.push(`${submitted.mismatched.length} retries got another tracking code`);
if (submitted.twinsAgreeing !== TWINS) problems.push(`${TWINS - submitted.twinsAgreeing} twin pairs disagreed`);
if (!(perSecond > 0)) problems.push('no submission per second measured');
if (submitted.retries === 0) problems.push('no retry was sent: run longer (BENCH_SECONDS)');

console.log(
  `\n(b) The handlers' queue (PostgreSQL, ${queued.items.toLocaleString('en')} items; ${PAGE} a page with the total; sequential calls, ${WARM_UP} warm-up; generation ${queued.generationSeconds.toFixed(0)} s)`,
);
console.log(
  `| measurement | matching | n | p50 ms | p95 ms | p50 ratio | p95 ratio | target p95 < ${TARGET_P95_MS} ms |`,
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const { baseline, service, total } of queued.rows) {
  for (const [row, isBaseline] of [
    [baseline, true],
    [service, false],
  ] as const) {
    if (!Number.isFinite(row.p95)) problems.push(`${row.name}: no figure`);
    const verdict = isBaseline ? '' : row.p95 < TARGET_P95_MS ? 'met' : '**missed**';
    console.log(
      `| ${row.name} | ${total.toLocaleString('en')} | ${row.n} | ${ms(row.p50)} | ${ms(row.p95)} | ${(row.p50 / baseline.p50).toFixed(2)} | ${(row.p95 / baseline.p95).toFixed(2)} | ${verdict} |`,
    );
  }
}
if (problems.length) {
  console.log(`\nChecks failed:\n  ${problems.join('\n  ')}`);
  process.exitCode = 1;
}
