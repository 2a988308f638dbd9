import type { Db } from '../../db/database.ts';
import {
  FEEDBACK_ACTION_EFFECTS,
  type FeedbackState,
  PUBLISHABLE_FEEDBACK_STATES,
} from '../../../shared/domain/feedback.ts';
import {
  type FeedbackPosition,
  mayAssignTo,
  mayHandleAssigned,
  mayReadFeedback,
  mayTakeFeedbackAction,
} from '../../../shared/domain/feedback-permissions.ts';
import type { FeedbackTransition } from '../../../shared/schemas/feedback.ts';
import { AppError, forbidden, notFound, staleVersion } from '../../errors.ts';
import * as audit from '../audit/audit.service.ts';
import type { Actor } from '../../kernel/actor.ts';
import { actorIdOf, type Principal } from '../../kernel/principal.ts';
import * as repository from './feedback.repository.ts';

type ItemRow = NonNullable<Awaited<ReturnType<typeof repository.findItem>>>;

export const positionOf = (item: ItemRow): FeedbackPosition => ({
  state: item.state,
  assignedPath: item.assigned_path,
  consentToPublish: item.consent_to_publish,
  isPublished: item.is_published,
});

/** Loads and locks an item for a change, refusing whoever may not read it before telling anything. */
async function lockReadable(tx: Db, principal: Principal, id: string, expectedVersion?: number): Promise<ItemRow> {
  const item = await repository.findItem(tx, id, { lock: true });
  if (!item) throw notFound('feedback', id);
  if (!mayReadFeedback(principal.grants, item.assigned_path)) throw forbidden('handle this feedback');
  if (expectedVersion !== undefined && item.version !== expectedVersion) throw staleVersion('feedback', item.version);
  return item;
}

const invalidReference = (path: string, message: string, detail: string) =>
  new AppError('invalid_reference', detail, {}, [{ path, message }]);

async function organizationOrFail(tx: Db, id: string) {
  const [organization] = await repository.organizationNames(tx, [id]);
  if (!organization) throw invalidReference('organizationId', 'error.feedback.organization', `No organization ${id}`);
  return organization;
}

const CLOSED_TO_MERGE: ReadonlySet<FeedbackState> = new Set(['merged', 'rejected', 'closed']);

interface Effects {
  changes: repository.ItemChanges;
  event: { reason?: string | null; body?: string; organization_id?: string };
}

/** What one action changes besides the state, and what its event records. */
async function effectsOf(tx: Db, actor: Actor, item: ItemRow, transition: FeedbackTransition): Promise<Effects> {
  const now = actor.now;
  const triaged = { triaged_at: item.triaged_at ?? now };
  switch (transition.action) {
    case 'accept':
      return { changes: triaged, event: {} };
    case 'reject':
      return { changes: triaged, event: { reason: transition.reason } };
    case 'merge': {
      const target = await repository.findItem(tx, transition.intoId);
      if (!target || target.id === item.id || CLOSED_TO_MERGE.has(target.state)) {
        throw invalidReference('intoId', 'error.feedback.merge_target', 'Merge into another open item');
      }
      return { changes: { ...triaged, merged_into: target.id }, event: { body: target.tracking_code } };
    }
    case 'assign':
    case 'reassign': {
      const organization = await organizationOrFail(tx, transition.organizationId);
      if (transition.action === 'reassign') {
        if (organization.id === item.assigned_organization_id) {
          throw invalidReference('organizationId', 'error.feedback.organization', 'Already assigned there');
        }
        if (!mayAssignTo(actor.principal.grants, organization.path)) throw forbidden('reassign outside the scope');
      }
      return {
        changes: { assigned_organization_id: organization.id, assigned_path: organization.path, assigned_at: now },
        event: {
          organization_id: organization.id,
          reason: transition.action === 'reassign' ? transition.reason : null,
        },
      };
    }
    case 'start':
      return { changes: {}, event: {} };
    case 'answer':
      return {
        changes: { answer: transition.answer, answered_at: now, answered_by: actorIdOf(actor.principal) },
        event: {},
      };
    case 'close':
      return { changes: { closed_at: now }, event: {} };
  }
}

/** One step of the workflow (FEEDBACK_ACTION_EFFECTS), If-Match checked, timeline and audit written. */
export async function transitionFeedback(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number | undefined,
  transition: FeedbackTransition,
): Promise<void> {
  const { action } = transition;
  await db.transaction().execute(async (tx) => {
    const item = await lockReadable(tx, actor.principal, id, expectedVersion);
    if (!FEEDBACK_ACTION_EFFECTS[action].from.includes(item.state)) {
      throw new AppError('invalid_transition', `Cannot ${action} feedback that is ${item.state}`, {}, [
        { path: 'action', message: 'error.feedback.invalid_transition' },
      ]);
    }
    if (!mayTakeFeedbackAction(actor.principal.grants, positionOf(item), action)) throw forbidden(`${action} feedback`);
    const to = FEEDBACK_ACTION_EFFECTS[action].to;
    const { changes, event } = await effectsOf(tx, actor, item, transition);
    await repository.updateItem(tx, item.id, { state: to, ...changes });
    await repository.insertEvent(tx, {
      item_id: item.id,
      at: actor.now,
      kind: action,
      from_state: item.state,
      to_state: to,
      actor_id: actorIdOf(actor.principal),
      is_internal: false,
      ...event,
    });
    await audit.record(tx, actor.principal, [
      {
        action: `feedback.${action}`,
        entityType: 'feedback',
        entityId: item.id,
        scopePath: changes.assigned_path ?? item.assigned_path,
        before: { state: item.state, version: item.version, assignedOrganizationId: item.assigned_organization_id },
        after: { state: to, ...event },
      },
    ]);
  });
}

/** Internal notes: in the handlers' timeline only, never shown to the submitter or the portal. */
export async function addFeedbackNote(db: Db, actor: Actor, id: string, body: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const item = await lockReadable(tx, actor.principal, id);
    if (!mayTakeFeedbackAction(actor.principal.grants, positionOf(item), 'note')) throw forbidden('note feedback');
    await repository.insertEvent(tx, {
      item_id: item.id,
      at: actor.now,
      kind: 'note',
      body,
      actor_id: actorIdOf(actor.principal),
      is_internal: true,
    });
    await audit.record(tx, actor.principal, [
      {
        action: 'feedback.note',
        entityType: 'feedback',
        entityId: item.id,
        scopePath: item.assigned_path,
        after: { body },
      },
    ]);
  });
}

/** Publication of the answer on the portal: only with the submitter's consent, and revocable. */
export async function setFeedbackPublished(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number | undefined,
  isPublished: boolean,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const item = await lockReadable(tx, actor.principal, id, expectedVersion);
    if (item.is_published === isPublished) return;
    const action = isPublished ? 'publish' : 'unpublish';
    if (!mayHandleAssigned(actor.principal.grants, item.assigned_path)) throw forbidden(`${action} feedback`);
    if (isPublished && !(item.consent_to_publish && PUBLISHABLE_FEEDBACK_STATES.has(item.state))) {
      throw new AppError('invalid_transition', 'Only answered items whose submitter consented are published', {}, [
        { path: 'isPublished', message: 'error.feedback.not_publishable' },
      ]);
    }
    await repository.updateItem(tx, item.id, { is_published: isPublished });
    await repository.insertEvent(tx, {
      item_id: item.id,
      at: actor.now,
      kind: isPublished ? 'published' : 'unpublished',
      actor_id: actorIdOf(actor.principal),
      is_internal: true,
    });
    await audit.record(tx, actor.principal, [
      {
        action: `feedback.${action}`,
        entityType: 'feedback',
        entityId: item.id,
        scopePath: item.assigned_path,
        before: { isPublished: item.is_published },
        after: { isPublished },
      },
    ]);
  });
}
