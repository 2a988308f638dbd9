import type { Db } from '../../db/database.ts';
import type { CalendarDate } from '../../../shared/domain/calendar-date.ts';
import {
  achievementOf,
  expectedValueOn,
  statusOf,
  type StatusThresholds,
} from '../../../shared/domain/indicator-achievement.ts';
import {
  mayEnterObservation,
  mayOnObservation,
  mayReadObservation,
  type ObservationCapability,
  observationCapabilities,
} from '../../../shared/domain/indicator-permissions.ts';
import { valueProblem } from '../../../shared/domain/indicator-values.ts';
import { parsePeriodKey } from '../../../shared/domain/reporting-periods.ts';
import { scopesFor } from '../../../shared/domain/roles.ts';
import type {
  CorrectObservation,
  EnterObservation,
  Observation,
  ObservationDetail,
  ObservationQueueQuery,
} from '../../../shared/schemas/indicators.ts';
import { AppError, forbidden, invalidReference, notFound, staleVersion } from '../../errors.ts';
import { type Actor, dayOf } from '../../kernel/actor.ts';
import { offsetOf, pageFrom } from '../../kernel/pagination.ts';
import { actorIdOf, type Principal } from '../../kernel/principal.ts';
import * as audit from '../audit/audit.service.ts';
import { findByIdOrCode } from '../organizations/organizations.repository.ts';
import { statusThresholds } from './evaluation-settings.service.ts';
import { recordReading } from './indicator-readings.ts';
import { trajectoryOf } from './indicator-standings.ts';
import * as indicators from './indicators.repository.ts';
import * as repository from './indicator-observations.repository.ts';
import { requireIndicatorReader } from './indicators.service.ts';

/**
 * What values are measured against: each organization's trajectory on its indicator. Loads the
 * indicators once, however many values a list holds.
 */
async function trajectoriesOf(db: Db, indicatorIds: readonly string[]) {
  const ids = [...new Set(indicatorIds)];
  const [rows, reporters, targets] = await Promise.all([
    indicators.findIndicators(db, ids),
    indicators.findReporters(db, ids),
    indicators.findTargets(db, ids),
  ]);
  return (indicatorId: string, organizationId: string) => {
    const indicator = rows.find((row) => row.id === indicatorId);
    if (!indicator) throw notFound('indicator', indicatorId);
    const reporter = reporters.find(
      (each) => each.indicator_id === indicatorId && each.organization_id === organizationId,
    );
    const { trajectory } = trajectoryOf(
      {
        indicator,
        targets: targets
          .filter((target) => target.indicator_id === indicatorId)
          .map((target) => ({ organizationId: target.organization_id, year: target.year, value: target.value })),
      },
      reporter,
    );
    return { indicator, reporter, trajectory };
  };
}

async function trajectoryFor(db: Db, indicatorId: string, organizationId: string) {
  return (await trajectoriesOf(db, [indicatorId]))(indicatorId, organizationId);
}

type Trajectory = Awaited<ReturnType<typeof trajectoryFor>>['trajectory'];

function standingOfValue(trajectory: Trajectory, periodEnd: CalendarDate, value: number, thresholds: StatusThresholds) {
  const achievement = achievementOf(trajectory, { date: periodEnd, value });
  return { expected: expectedValueOn(trajectory, periodEnd), achievement, status: statusOf(achievement, thresholds) };
}

/**
 * The checks of a value as typed: its unit's bounds, and a note when it is off track ("a value that
 * turns red requires a note"), so that steering reads why beside the figure.
 */
function checkValue(
  unit: Parameters<typeof valueProblem>[0],
  trajectory: Trajectory,
  periodEnd: CalendarDate,
  input: { value: number; note?: string | null | undefined },
  thresholds: StatusThresholds,
): void {
  const problem = valueProblem(unit, input.value);
  if (problem) {
    throw new AppError('validation', `Not a value of the unit (${problem})`, {}, [
      { path: 'value', message: `indicator.error.value.${problem}` },
    ]);
  }
  const { status } = standingOfValue(trajectory, periodEnd, input.value, thresholds);
  if (status === 'off_track' && !input.note) {
    throw new AppError('validation', 'An off-track value needs a note', {}, [
      { path: 'note', message: 'indicator.error.noteRequired' },
    ]);
  }
}

export async function enterObservation(
  db: Db,
  actor: Actor,
  indicatorId: string,
  input: EnterObservation,
): Promise<ObservationDetail> {
  const { principal } = actor;
  const id = await db.transaction().execute(async (tx) => {
    const { indicator, reporter, trajectory } = await trajectoryFor(tx, indicatorId, input.organizationId);
    if (!reporter) throw invalidReference('organizationId', 'indicator.error.notReporter');
    if (!mayEnterObservation(principal.grants, reporter.path)) throw forbidden('report values for this organization');
    const period = parsePeriodKey(indicator.frequency, input.period);
    if (!period) {
      throw new AppError(
        'validation',
        `No ${indicator.frequency} is called ${input.period}`,
        { frequency: indicator.frequency },
        [{ path: 'period', message: `indicator.error.period.${indicator.frequency}` }],
      );
    }
    if (period.end >= dayOf(actor)) {
      throw new AppError('validation', `${period.key} has not ended`, {}, [
        { path: 'period', message: 'indicator.error.periodNotEnded' },
      ]);
    }
    checkValue(indicator.unit, trajectory, period.end, input, await statusThresholds(tx));
    const created = await repository.insertObservation(tx, {
      indicatorId,
      organizationId: input.organizationId,
      periodKey: period.key,
      periodEnd: period.end,
      value: input.value,
      source: input.source,
      note: input.note ?? null,
      enteredBy: actorIdOf(principal),
      at: actor.now,
      day: dayOf(actor),
    });
    if (!created) {
      throw new AppError('duplicate', `${period.key} already has a value: correct it instead`, { field: 'period' }, [
        { path: 'period', message: 'indicator.error.alreadyReported' },
      ]);
    }
    await repository.insertEvent(tx, {
      observationId: created,
      kind: 'entered',
      value: input.value,
      source: input.source,
      note: input.note ?? null,
      actorId: actorIdOf(principal),
      at: actor.now,
      day: dayOf(actor),
    });
    await recordReading(tx, indicatorId, input.organizationId, dayOf(actor), { reported: period.end });
    await audit.record(tx, principal, [
      {
        action: 'indicator.value_entered',
        entityType: 'indicator_observation',
        entityId: created,
        scopePath: reporter.path,
        after: {
          indicator: indicator.code,
          period: period.key,
          value: input.value,
          source: input.source,
          note: input.note ?? null,
        },
      },
    ]);
    return created;
  });
  return getObservation(db, principal, id);
}

/** Locks the value and checks that the actor may take the step on it, at the version they read. */
async function lockedFor(
  tx: Db,
  actor: Actor,
  id: string,
  capability: ObservationCapability,
  expectedVersion: number | undefined,
) {
  const row = await repository.findObservation(tx, id, true);
  if (
    !row ||
    !mayReadObservation(
      actor.principal.grants,
      { organizationPath: row.organization_path, state: row.state },
      row.approved_value !== null,
    )
  ) {
    throw notFound('indicator value', id);
  }
  if (expectedVersion !== undefined && expectedVersion !== row.version)
    throw staleVersion('indicator value', row.version);
  const position = { organizationPath: row.organization_path, state: row.state, enteredBy: row.entered_by };
  if (
    !mayOnObservation({ personId: actorIdOf(actor.principal), grants: actor.principal.grants }, position, capability)
  ) {
    if (
      (capability === 'approve' || capability === 'return') &&
      row.entered_by !== null &&
      row.entered_by === actorIdOf(actor.principal)
    ) {
      throw new AppError('own_decision', 'A person does not decide on the value they entered', { capability });
    }
    if (capability !== 'correct' && row.state !== 'submitted') {
      throw new AppError('invalid_transition', `A ${row.state} value cannot be ${capability}d`, { state: row.state }, [
        { path: 'state', message: 'indicator.error.notWaiting' },
      ]);
    }
    throw forbidden(`${capability} this value`);
  }
  return row;
}

/**
 * A corrected value replaces the one shown and waits for approval again; the history keeps the old
 * one, and an approved value goes on counting until the correction is approved.
 */
export async function correctObservation(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number,
  input: CorrectObservation,
): Promise<ObservationDetail> {
  await db.transaction().execute(async (tx) => {
    const row = await lockedFor(tx, actor, id, 'correct', expectedVersion);
    const { trajectory } = await trajectoryFor(tx, row.indicator_id, row.organization_id);
    checkValue(row.indicator_unit, trajectory, row.period_end, input, await statusThresholds(tx));
    const by = actorIdOf(actor.principal);
    const saved = await repository.updateObservationIfVersion(tx, id, expectedVersion, {
      value: input.value,
      source: input.source,
      note: input.note ?? null,
      state: 'submitted',
      entered_by: by,
      entered_at: actor.now,
      decided_by: null,
      decided_at: null,
      return_reason: null,
    });
    if (saved === undefined) throw staleVersion('indicator value', row.version);
    await repository.insertEvent(tx, {
      observationId: id,
      kind: 'corrected',
      value: input.value,
      source: input.source,
      note: input.note ?? null,
      actorId: by,
      at: actor.now,
      day: dayOf(actor),
    });
    await audit.record(tx, actor.principal, [
      {
        action: 'indicator.value_corrected',
        entityType: 'indicator_observation',
        entityId: id,
        scopePath: row.organization_path,
        before: { value: row.value, source: row.source, note: row.note, state: row.state },
        after: { value: input.value, source: input.source, note: input.note ?? null },
      },
    ]);
  });
  return getObservation(db, actor.principal, id);
}

export async function approveObservation(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion?: number,
): Promise<ObservationDetail> {
  return decide(db, actor, id, expectedVersion, 'approve', null);
}

export async function returnObservation(
  db: Db,
  actor: Actor,
  id: string,
  reason: string,
  expectedVersion?: number,
): Promise<ObservationDetail> {
  return decide(db, actor, id, expectedVersion, 'return', reason);
}

async function decide(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number | undefined,
  capability: 'approve' | 'return',
  reason: string | null,
): Promise<ObservationDetail> {
  await db.transaction().execute(async (tx) => {
    const row = await lockedFor(tx, actor, id, capability, expectedVersion);
    const by = actorIdOf(actor.principal);
    const approving = capability === 'approve';
    const saved = await repository.updateObservationIfVersion(tx, id, row.version, {
      state: approving ? 'approved' : 'returned',
      decided_by: by,
      decided_at: actor.now,
      return_reason: reason,
      ...(approving ? { approved_value: row.value } : {}),
    });
    if (saved === undefined) throw staleVersion('indicator value', row.version);
    await repository.insertEvent(tx, {
      observationId: id,
      kind: approving ? 'approved' : 'returned',
      value: row.value,
      reason,
      actorId: by,
      at: actor.now,
      day: dayOf(actor),
    });
    if (approving) {
      await recordReading(tx, row.indicator_id, row.organization_id, dayOf(actor), {
        approved: { periodKey: row.period_key, periodEnd: row.period_end, value: row.value },
      });
    }
    await audit.record(tx, actor.principal, [
      {
        action: approving ? 'indicator.value_approved' : 'indicator.value_returned',
        entityType: 'indicator_observation',
        entityId: id,
        scopePath: row.organization_path,
        before: { state: row.state },
        after: { state: approving ? 'approved' : 'returned', value: row.value, ...(reason ? { reason } : {}) },
      },
    ]);
  });
  return getObservation(db, actor.principal, id);
}

function observationOf(
  principal: Principal,
  row: repository.ObservationRow,
  trajectory: Trajectory,
  thresholds: StatusThresholds,
): Observation {
  return {
    id: row.id,
    indicator: {
      id: row.indicator_id,
      code: row.indicator_code,
      nameVi: row.indicator_name_vi,
      nameEn: row.indicator_name_en,
      nameFr: row.indicator_name_fr,
      unit: row.indicator_unit,
    },
    organization: {
      id: row.organization_id,
      code: row.organization_code,
      nameVi: row.organization_name_vi,
      nameEn: row.organization_name_en,
    },
    periodKey: row.period_key,
    periodEnd: row.period_end,
    value: row.value,
    approvedValue: row.approved_value,
    source: row.source,
    note: row.note,
    state: row.state,
    enteredBy: row.entered_by && row.entered_by_name ? { id: row.entered_by, fullName: row.entered_by_name } : null,
    enteredAt: row.entered_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
    returnReason: row.return_reason,
    ...standingOfValue(trajectory, row.period_end, row.value, thresholds),
    version: row.version,
    allowedActions: observationCapabilities(
      { personId: actorIdOf(principal), grants: principal.grants },
      { organizationPath: row.organization_path, state: row.state, enteredBy: row.entered_by },
    ),
  };
}

export async function getObservation(db: Db, principal: Principal, id: string): Promise<ObservationDetail> {
  const row = await repository.findObservation(db, id);
  if (
    !row ||
    !mayReadObservation(
      principal.grants,
      { organizationPath: row.organization_path, state: row.state },
      row.approved_value !== null,
    )
  ) {
    throw notFound('indicator value', id);
  }
  const [{ trajectory }, thresholds, events] = await Promise.all([
    trajectoryFor(db, row.indicator_id, row.organization_id),
    statusThresholds(db),
    repository.findEvents(db, id),
  ]);
  return {
    ...observationOf(principal, row, trajectory, thresholds),
    events: events.map((event) => ({
      kind: event.kind,
      value: event.value,
      source: event.source,
      note: event.note,
      reason: event.reason,
      actor: event.actor_id && event.full_name ? { id: event.actor_id, fullName: event.full_name } : null,
      at: event.at.toISOString(),
    })),
  };
}

/** An indicator's values, one organization's or every reporter's, that the caller may read. */
export async function listSeries(
  db: Db,
  principal: Principal,
  indicatorId: string,
  organizationId: string | undefined,
): Promise<Observation[]> {
  requireIndicatorReader(principal);
  if ((await indicators.findIndicators(db, [indicatorId])).length === 0) throw notFound('indicator', indicatorId);
  const rows = await repository.findSeries(db, indicatorId, organizationId);
  const [thresholds, trajectories] = await Promise.all([statusThresholds(db), trajectoriesOf(db, [indicatorId])]);
  return rows
    .filter((row) =>
      mayReadObservation(
        principal.grants,
        { organizationPath: row.organization_path, state: row.state },
        row.approved_value !== null,
      ),
    )
    .map((row) => observationOf(principal, row, trajectories(indicatorId, row.organization_id).trajectory, thresholds));
}

/** The approval queue (or the returned values, or the approved ones) within the caller's scopes. */
export async function listQueue(db: Db, principal: Principal, query: ObservationQueueQuery) {
  requireIndicatorReader(principal);
  const offset = offsetOf(query.cursor);
  let underPath: string | undefined;
  if (query.organizationId) {
    const organization = await findByIdOrCode(db, query.organizationId);
    if (!organization) throw invalidReference('organizationId');
    underPath = organization.path;
  }
  const rows = await repository.listQueue(
    db,
    {
      state: query.state,
      indicatorId: query.indicatorId,
      underPath,
      scopes: scopesFor(principal.grants, 'indicator.read'),
    },
    query.limit,
    offset,
  );
  const { page, nextCursor } = pageFrom(rows, query.limit, offset);
  const [thresholds, trajectories] = await Promise.all([
    statusThresholds(db),
    trajectoriesOf(
      db,
      page.map((row) => row.indicator_id),
    ),
  ]);
  const items = page.map((row) =>
    observationOf(principal, row, trajectories(row.indicator_id, row.organization_id).trajectory, thresholds),
  );
  return { items, nextCursor };
}
