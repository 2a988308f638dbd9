import { FeedbackSubmissionSchema, type FeedbackTransition } from '../../../shared/schemas/feedback.ts';
import { actorFor, onDay } from '../../testing/task-factory.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { TEST_PASSWORD } from '../../testing/test-world.ts';
import { SYSTEM } from '../auth/principal.ts';
import { createPerson, grantRole } from '../people/people.service.ts';
import { transitionFeedback } from './feedback-handling.service.ts';
import { buildSubmission } from './feedback-test-support.ts';
import { submitFeedback } from './feedback.service.ts';

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

let address = 0;

/** A submission received on a chosen day (09:00 in Hà Nội), through the intake service as the seed does. */
export async function receiveOn(t: TestApp, day: string, overrides: Parameters<typeof buildSubmission>[0] = {}) {
  address += 1;
  const input = FeedbackSubmissionSchema.parse(buildSubmission(overrides));
  const receipt = await submitFeedback(t.database.db, input, {
    address: `10.57.${Math.floor(address / 250)}.${address % 250}`,
    now: new Date(`${day}T02:00:00Z`),
  });
  const row = await t.database.db
    .selectFrom('feedback_item')
    .select('id')
    .where('tracking_code', '=', receipt.trackingCode)
    .executeTakeFirstOrThrow();
  return { id: row.id, trackingCode: receipt.trackingCode };
}

/** Takes workflow steps on chosen days, as the person given. */
export async function stepsOn(t: TestApp, person: { id: string }, id: string, steps: [string, FeedbackTransition][]) {
  const actor = await actorFor(t.database.db, person);
  for (const [day, transition] of steps)
    await transitionFeedback(t.database.db, onDay(actor, day), id, undefined, transition);
}
