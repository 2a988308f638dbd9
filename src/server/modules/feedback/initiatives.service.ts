import type { Db } from '../../db/database.ts';
import type { FeedbackState } from '../../../shared/domain/feedback.ts';
import { mayHandleAssigned, mayReadFeedback } from '../../../shared/domain/feedback-permissions.ts';
import { can, type RoleGrant, roleAllows } from '../../../shared/domain/roles.ts';
import type {
  AdoptInitiative,
  InitiativeAdoption,
  InitiativeEvaluations,
  PutInitiativeEvaluation,
} from '../../../shared/schemas/feedback-initiatives.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import * as audit from '../audit/audit.service.ts';
import { actorIdOf, type Principal } from '../../kernel/principal.ts';
import * as directives from '../directives/directives.repository.ts';
import { getOrganization } from '../organizations/organizations.service.ts';
import { createTaskInTransaction } from '../tasks/task-commands.service.ts';
import type { Actor } from '../../kernel/actor.ts';
import * as feedback from './feedback.repository.ts';
import { averagesOf, descriptionOf, toEvaluation } from './initiatives.views.ts';
import * as repository from './initiatives.repository.ts';

/** Triage kept it (accepted) and it may be in hand or answered; rejected and merged ones are out. */
const EVALUABLE_STATES: ReadonlySet<FeedbackState> = new Set([
  'accepted',
  'assigned',
  'in_processing',
  'answered',
  'closed',
]);

const refused = (code: 'invalid_transition', message: string, key: string) =>
  new AppError(code, message, {}, [{ path: 'id', message: key }]);

/** Refuses with a reason (409) what is not an initiative: nothing to evaluate or adopt there. */
function requireInitiative(item: feedback.ItemRow): void {
  if (item.type !== 'initiative') {
    throw refused('invalid_transition', `${item.tracking_code} is a ${item.type}`, 'error.feedback.not_an_initiative');
  }
}

/** Refuses (409) an initiative that triage has not kept: received, rejected or merged. */
function requireEvaluable(item: feedback.ItemRow): void {
  requireInitiative(item);
  if (!EVALUABLE_STATES.has(item.state)) {
    throw refused('invalid_transition', `${item.tracking_code} is ${item.state}`, 'error.feedback.initiative_state');
  }
}

const assignsTasks = (grants: readonly RoleGrant[]) => grants.some((grant) => roleAllows(grant.role, 'task.assign'));

async function itemOrFail(db: Db, id: string, options: { lock?: boolean } = {}): Promise<feedback.ItemRow> {
  const item = await feedback.findItem(db, id, options);
  if (!item) throw notFound('feedback', id);
  return item;
}

/**
 * Each evaluation of an initiative and their means. Its readers, and those who assign tasks (they
 * decide the adoption on these), may read them.
 */
export async function getInitiativeEvaluations(
  db: Db,
  principal: Principal,
  id: string,
): Promise<InitiativeEvaluations> {
  const item = await itemOrFail(db, id);
  if (!mayReadFeedback(principal.grants, item.assigned_path) && !assignsTasks(principal.grants)) {
    throw forbidden('read the evaluations of this initiative');
  }
  requireInitiative(item);
  const [rows, task] = await Promise.all([
    repository.evaluationsOf(db, id),
    item.task_id ? repository.findTaskRef(db, item.task_id) : undefined,
  ]);
  const evaluations = rows.map(toEvaluation);
  const isEvaluable = EVALUABLE_STATES.has(item.state);
  return {
    itemId: item.id,
    trackingCode: item.tracking_code,
    title: item.title,
    state: item.state,
    evaluations,
    averages: averagesOf(evaluations),
    adoption: task
      ? {
          itemId: item.id,
          trackingCode: item.tracking_code,
          taskId: task.id,
          taskCode: task.code,
          taskTitle: task.title,
        }
      : null,
    mayEvaluate: isEvaluable && mayHandleAssigned(principal.grants, item.assigned_path),
    mayAdopt: isEvaluable && !item.task_id && assignsTasks(principal.grants),
  };
}

/** The caller's own scores, replacing any earlier ones; audited with what they replaced. */
export async function putMyEvaluation(db: Db, actor: Actor, id: string, input: PutInitiativeEvaluation): Promise<void> {
  const evaluatorId = actorIdOf(actor.principal);
  // An evaluation is a person's judgement: the system (seed, CLI) has none of its own.
  if (!evaluatorId) throw forbidden('evaluate without being a person');
  await db.transaction().execute(async (tx) => {
    const item = await itemOrFail(tx, id, { lock: true });
    if (!mayHandleAssigned(actor.principal.grants, item.assigned_path)) throw forbidden('evaluate this initiative');
    requireEvaluable(item);
    const before = await repository.findEvaluation(tx, id, evaluatorId);
    const scores = {
      novelty: input.novelty,
      feasibility: input.feasibility,
      impact: input.impact,
      resources: input.resources,
      comment: input.comment || null,
    };
    await repository.saveEvaluation(tx, id, evaluatorId, scores, actor.now);
    await audit.record(tx, actor.principal, [
      {
        action: before ? 'feedback.evaluation_updated' : 'feedback.evaluated',
        entityType: 'feedback',
        entityId: id,
        scopePath: item.assigned_path,
        before: before
          ? {
              novelty: before.novelty,
              feasibility: before.feasibility,
              impact: before.impact,
              resources: before.resources,
              comment: before.comment,
            }
          : undefined,
        after: scores,
      },
    ]);
  });
}

/**
 * Adoption: the initiative becomes a task of the chosen programme, assigned by the programme's
 * owner through createTask (same rules, timeline and audit), and the two are linked: the item
 * keeps the task, the task's description cites the tracking code, and the submitter's timeline
 * shows the task code. The item's row lock makes a second adoption wait, then fail with 409.
 */
export async function adoptInitiative(
  db: Db,
  actor: Actor,
  id: string,
  input: AdoptInitiative,
): Promise<InitiativeAdoption> {
  return db.transaction().execute(async (tx) => {
    const item = await itemOrFail(tx, id, { lock: true });
    const programme = await directives.findProgramme(tx, input.programmeId);
    if (!programme) {
      throw new AppError('invalid_reference', `No programme ${input.programmeId}`, {}, [
        { path: 'programmeId', message: 'error.invalid_reference' },
      ]);
    }
    const owner = await getOrganization(tx, programme.owner_organization_id);
    if (!can(actor.principal.grants, 'task.assign', owner.path))
      throw forbidden('adopt initiatives for this programme');
    requireEvaluable(item);
    if (item.task_id) {
      throw refused(
        'invalid_transition',
        `${item.tracking_code} was already adopted`,
        'error.feedback.already_adopted',
      );
    }
    const taskId = await createTaskInTransaction(tx, actor, {
      title: item.title,
      description: descriptionOf(item),
      programmeId: programme.id,
      ...(input.taskGroupId ? { taskGroupId: input.taskGroupId } : {}),
      ...(input.startOn ? { startOn: input.startOn } : {}),
      assignerOrganizationId: owner.id,
      leadOrganizationId: input.leadOrganizationId,
      coordinatingOrganizationIds: input.coordinatingOrganizationIds,
      deadline: input.deadline,
      expectedOutput: input.expectedOutput,
      priority: input.priority,
      isConfidential: false,
      assign: true,
    });
    const task = await repository.findTaskRef(tx, taskId);
    if (!task) throw notFound('task', taskId);
    await feedback.updateItem(tx, item.id, { task_id: task.id });
    await feedback.insertEvent(tx, {
      item_id: item.id,
      at: actor.now,
      kind: 'adopted',
      organization_id: input.leadOrganizationId,
      reason: task.code,
      actor_id: actorIdOf(actor.principal),
      is_internal: false,
    });
    await audit.record(tx, actor.principal, [
      {
        action: 'feedback.adopt',
        entityType: 'feedback',
        entityId: item.id,
        scopePath: item.assigned_path ?? owner.path,
        before: { taskId: null, version: item.version },
        after: { taskId: task.id, taskCode: task.code, programmeId: programme.id },
      },
    ]);
    return {
      itemId: item.id,
      trackingCode: item.tracking_code,
      taskId: task.id,
      taskCode: task.code,
      taskTitle: task.title,
    };
  });
}
