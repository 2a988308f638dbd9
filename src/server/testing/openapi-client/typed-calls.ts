import createClient from 'openapi-fetch';
import type { operations, paths } from './generated/api.ts';

/** Types named by operationId, as a generator names them: no operationId, no `operations` entry. */
type TaskPage = operations['listTasks']['responses'][200]['content']['application/json'];
type Problem = operations['getTask']['responses'][404]['content']['application/problem+json'];

/**
 * A few calls as an integrator writes them with a client generated from our OpenAPI document
 * (openapi-typescript + openapi-fetch), without a cast: if the document's types stop matching what
 * these calls read (`.items` of a list, a problem's `code`), this file no longer compiles
 * (openapi-clients.test.ts compiles it against the document the app serves, then runs it).
 */
export async function callAsAnIntegrator(options: { baseUrl: string; token: string; fetch: typeof fetch }) {
  // Readings that export declare JSON, XLSX and CSV: a client says which media it reads, here
  // JSON and problem+json (openapi-fetch's Media parameter), the spreadsheets being downloads.
  const client = createClient<paths, `application/${string}json`>({
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    headers: { authorization: `Bearer ${options.token}` },
  });

  const tasks = await client.GET('/api/v1/tasks', { params: { query: { limit: 5 } } });
  if (!tasks.data) throw new Error(`listTasks: ${tasks.response.status}`);
  const page: TaskPage = tasks.data;
  const taskCodes: string[] = page.items.map((task) => task.code);

  const organization = await client.GET('/api/v1/organizations/{id}', { params: { path: { id: '01' } } });
  if (!organization.data) throw new Error(`getOrganization: ${organization.response.status}`);
  const organizationName: string = organization.data.nameVi;

  const feedback = await client.POST('/api/v1/feedback', {
    body: {
      type: 'feedback',
      field: 'public_services',
      title: 'Hồ sơ chậm',
      content: 'Hồ sơ nộp tại phường đã quá hạn ba tuần.',
      submitterKind: 'citizen',
      submitterName: 'Nguyễn Văn An',
      email: 'an.nguyen@example.vn',
    },
  });
  if (!feedback.data) throw new Error(`submitFeedback: ${feedback.response.status}`);
  const trackingCode: string = feedback.data.trackingCode;

  // A refusal is a problem document, typed as one.
  const missing = await client.GET('/api/v1/tasks/{id}', {
    params: { path: { id: '00000000-0000-4000-8000-000000000000' }, query: {} },
  });
  const problem: Problem | undefined = missing.error;
  const refusal: string | undefined = problem?.code;

  return {
    taskCodes,
    organizationName,
    trackingCode,
    refusal,
    refusalType: missing.response.headers.get('content-type'),
  };
}
