import type { LightMyRequestResponse } from 'fastify';
import type { FeedbackSubmissionInput } from '../../shared/schemas/feedback.ts';
import type { TestApp } from './test-app.ts';
import { TEST_PASSWORD } from './test-world.ts';
import { SYSTEM } from '../kernel/principal.ts';
import { createPerson, grantRole } from '../modules/people/people.service.ts';

let counter = 0;

/** A valid submission with its own contact, so that per-contact limits do not interfere between tests. */
export function buildSubmission(overrides: Partial<FeedbackSubmissionInput> = {}): FeedbackSubmissionInput {
  counter += 1;
  return {
    type: 'feedback',
    field: 'public_services',
    title: `Thủ tục cấp phép xây dựng kéo dài số ${counter}`,
    content: `Hồ sơ xin cấp phép xây dựng nhà ở riêng lẻ tại phường đã quá hạn ${counter} tuần mà chưa có kết quả.`,
    submitterKind: 'citizen',
    submitterName: 'Nguyễn Văn An',
    phone: `09${String(10_000_000 + counter * 7919).slice(-8)}`,
    consentToPublish: true,
    ...overrides,
  };
}

let address = 0;

/** Each submission from its own client address unless one is given: per-address limits are tested apart. */
export function submit(
  t: TestApp,
  payload: unknown,
  options: { ip?: string; idempotencyKey?: string } = {},
): Promise<LightMyRequestResponse> {
  address += 1;
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/feedback',
    payload: payload as Record<string, unknown>,
    remoteAddress: options.ip ?? `10.1.${Math.floor(address / 250)}.${address % 250}`,
    headers: options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {},
  });
}

export function multipartSubmission(submission: unknown, files: { name: string; content: Buffer }[]) {
  const boundary = '----steerboard-feedback-boundary';
  const parts = [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="submission"\r\n\r\n${JSON.stringify(submission)}\r\n`,
    ),
    ...files.map((file) =>
      Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\n`),
        Buffer.from('Content-Type: application/octet-stream\r\n\r\n'),
        file.content,
        Buffer.from('\r\n'),
      ]),
    ),
    Buffer.from(`--${boundary}--\r\n`),
  ];
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A handler of the whole country, who triages (the test world's handler holds Hà Nội only). */
export async function addRootHandler(t: TestApp, email = 'triage@test.steerboard.vn') {
  const person = await createPerson(t.database.db, SYSTEM, {
    email,
    fullName: 'Lý Điều Phối',
    locale: 'vi',
    organizationId: t.world.org.government.id,
    password: TEST_PASSWORD,
  });
  await grantRole(t.database.db, SYSTEM, person.id, { role: 'feedback_handler', organizationId: t.world.org.root.id });
  return { id: person.id, email };
}

/** The item's id behind a tracking code the public was given. */
export async function feedbackItemId(t: TestApp, trackingCode: string): Promise<string> {
  const row = await t.database.db
    .selectFrom('feedback_item')
    .select('id')
    .where('tracking_code', '=', trackingCode)
    .executeTakeFirstOrThrow();
  return row.id;
}
