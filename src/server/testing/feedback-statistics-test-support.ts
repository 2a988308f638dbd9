import { FeedbackSubmissionSchema, type FeedbackTransition } from '../../shared/schemas/feedback.ts';
import { actorFor, onDay } from './task-factory.ts';
import type { TestApp } from './test-app.ts';
import { transitionFeedback } from '../modules/feedback/feedback-handling.service.ts';
import { buildSubmission, feedbackItemId } from './feedback-test-support.ts';
import { submitFeedback } from '../modules/feedback/feedback.service.ts';

let address = 0;

/** A submission received on a chosen day (09:00 in Hà Nội), through the intake service as the seed does. */
export async function receiveOn(t: TestApp, day: string, overrides: Parameters<typeof buildSubmission>[0] = {}) {
  address += 1;
  const input = FeedbackSubmissionSchema.parse(buildSubmission(overrides));
  const receipt = await submitFeedback(t.database.db, input, {
    address: `10.57.${Math.floor(address / 250)}.${address % 250}`,
    now: new Date(`${day}T02:00:00Z`),
  });
  return { id: await feedbackItemId(t, receipt.trackingCode), trackingCode: receipt.trackingCode };
}

/** Takes workflow steps on chosen days, as the person given. */
export async function stepsOn(t: TestApp, person: { id: string }, id: string, steps: [string, FeedbackTransition][]) {
  const actor = await actorFor(t.database.db, person);
  for (const [day, transition] of steps)
    await transitionFeedback(t.database.db, onDay(actor, day), id, undefined, transition);
}
