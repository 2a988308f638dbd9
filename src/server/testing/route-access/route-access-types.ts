import type { InjectOptions } from 'fastify';
import type { TestWorld } from '../test-world.ts';

/**
 * The rule "every route has a test that a person outside the scope is refused", as a table: one
 * entry per operation of the OpenAPI document. A new route without an entry fails the coverage test.
 */
export interface Fixtures {
  world: TestWorld;
  /** An API token of the admin of Hà Nội, and the focal point's role assignment in Hà Nội. */
  hanoiTokenId: string;
  focalAssignmentId: string;
  /** A task led by Hà Nội, in progress, with a progress report, a pending extension and an evidence file. */
  programmeId: string;
  hanoiTaskId: string;
  reportId: string;
  extensionId: string;
  fileId: string;
  /** A directive document of the programme, and a meeting held by Hà Nội. */
  documentId: string;
  hanoiMeetingId: string;
  /** A submission assigned to Hà Nội, with an attachment. */
  feedbackId: string;
  feedbackTrackingCode: string;
  feedbackAttachmentId: string;
  /** A dry-run import job queued by the steering person. */
  importJobId: string;
  /** An indicator reported by Hà Nội, and Hà Nội's value for 2025-Q1 awaiting approval. */
  indicatorId: string;
  hanoiObservationId: string;
}

export type Refusal =
  | { status: 403 | 404; because: string }
  /** Routes about the caller alone (their session, their tokens) or the shared directory: nobody signed in is refused. */
  | { status: 200 | 201 | 204; because: string; check?: (body: unknown, f: Fixtures) => void };

export interface Entry {
  /** The person making the out-of-scope request. */
  as: keyof TestWorld['person'];
  /** What a caller without credentials gets, when not 401, and why. */
  anonymous?: { status: number; because: string };
  request: (f: Fixtures) => InjectOptions;
  expected: Refusal;
}
