import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_KINDS } from '../testing/test-database.ts';
import {
  describeRequest,
  type FuzzOperation,
  type FuzzRequest,
  requestArbitrary,
} from '../testing/fuzz/fuzz-requests.ts';
import { createFuzzWorld, type FuzzWorld } from '../testing/fuzz/fuzz-world.ts';
import { OPEN311_OPERATIONS } from '../testing/fuzz/open311-operations.ts';
import type { JsonSchema } from '../testing/fuzz/schema-arbitrary.ts';

/**
 * Property: whatever a client sends, the server answers without a 5xx, and refuses with problem
 * details (Open311 with its own error document). Requests are generated from the OpenAPI document
 * (decision 0017), with a fixed seed so that CI is reproducible: FUZZ_SEED, FUZZ_RUNS (cases per
 * operation) and FUZZ_REPORT (a file to write every faulty answer to) change it, e.g. `FUZZ_RUNS=2000 FUZZ_SEED=7 npx vitest run src/server/http/openapi-fuzz.test.ts`.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

type OpenApiDocument = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: FuzzOperation['parameters'];
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
      }
    >
  >;
};

/** Every operation of the document, with the JSON of the form with attachments taken from its JSON twin. */
function operationsOf(doc: OpenApiDocument): FuzzOperation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      parameters: operation.parameters ?? [],
      body: Object.fromEntries(
        Object.entries(operation.requestBody?.content ?? {}).map(([type, content]) => [type, content.schema]),
      ),
      multipartJson: path.endsWith('/with-attachments')
        ? doc.paths[path.replace(/\/with-attachments$/, '')]?.post?.requestBody?.content?.['application/json']?.schema
        : undefined,
    })),
  );
}

/** A seed per operation, so that adding an operation does not change the cases of the others. */
function seedOf(operation: FuzzOperation): number {
  let hash = 2166136261 ^ SEED;
  for (const char of `${operation.method} ${operation.path}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return hash | 0;
}

/** What is wrong with an answer, if anything. */
function faultOf(request: FuzzRequest, response: LightMyRequestResponse): string | undefined {
  const status = response.statusCode;
  if (status >= 500) return `${status}: ${response.body.slice(0, 300)}`;
  if (status < 400) return undefined;
  const type = String(response.headers['content-type'] ?? '');
  // Where the request went once `..` segments are resolved, as clients (and inject) do.
  if (new URL(request.url, 'http://fuzz.test').pathname.startsWith('/open311/')) {
    return /^(application\/json|text\/xml)/.test(type)
      ? undefined
      : `${status} as ${type}, not an Open311 error document`;
  }
  if (!type.startsWith('application/problem+json')) return `${status} as ${type || 'no type'}, not problem+json`;
  const problem = response.json() as { status?: number; code?: string };
  if (problem.status !== status || !problem.code) return `${status} with a problem saying ${JSON.stringify(problem)}`;
  return undefined;
}

const histogramOf = (statuses: Map<number, number>) =>
  [...statuses.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${status}×${count}`)
    .join(' ');

describe.each(TEST_DATABASE_KINDS)('the API under fuzzed requests, on %s', (kind) => {
  let world: FuzzWorld;
  let operations: FuzzOperation[];
  beforeAll(async () => {
    world = await createFuzzWorld(kind);
    const doc = (await world.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as OpenApiDocument;
    operations = [...operationsOf(doc), ...OPEN311_OPERATIONS];
  }, 120_000);
  afterAll(() => world?.close());

  it('never answers 5xx, and refuses with problem details', { timeout: 900_000 }, async () => {
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const started = Date.now();
    for (const operation of operations) {
      await world.restoreIdentities();
      const ofOperation = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(requestArbitrary(operation, world), async (request) => {
          const response = await world.send(request);
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          ofOperation.set(response.statusCode, (ofOperation.get(response.statusCode) ?? 0) + 1);
          const fault = faultOf(request, response);
          if (fault) {
            const error = world.lastError();
            const cause = error ? `\n  error: ${error.stack?.split('\n').slice(0, 4).join(' | ')}` : '';
            failures.push(`${fault}\n  ${describeRequest(request)}${cause}`);
          } else world.harvest(response);
        }),
        { seed: seedOf(operation), numRuns: RUNS, endOnFailure: true },
      );
      if (process.env.FUZZ_VERBOSE) console.info(`${operation.method} ${operation.path}: ${histogramOf(ofOperation)}`);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    if (process.env.FUZZ_REPORT) writeFileSync(process.env.FUZZ_REPORT, failures.join('\n\n'));
    const serverErrors = [...statuses.entries()].filter(([s]) => s >= 500).reduce((sum, [, n]) => sum + n, 0);

    console.info(
      `fuzz on ${kind} (seed ${SEED}): ${operations.length} operations × ${RUNS} cases in ${seconds} s; ` +
        `${serverErrors} answers 5xx, ${failures.length} faults in all; statuses ${histogramOf(statuses)}`,
    );
    expect(failures.slice(0, 40), `${failures.length} faulty answers (the first 40 shown)`).toEqual([]);
  });
});
