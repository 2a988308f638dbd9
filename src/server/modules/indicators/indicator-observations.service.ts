/**
 * The steps that change an indicator value (decision 0032): entered by a focal point, corrected,
 * approved or returned by another person, each checked by the one gate, audited, and kept in the
 * value's history and its organization's reading. Reading values is in the reading service beside it.
 */
import type { Db } from '../../db/database.ts';
import type { CalendarDate } from '../../../shared/domain/calendar-date.ts';
import type { StatusThresholds } from '../../../shared/domain/indicator-achievement.ts';
import {
  mayEnterObservation,
  mayOnObservation,
  mayReadObservation,
  type ObservationCapability,
} from '../../../shared/domain/indicator-permissions.ts';
import { valueProblem } from '../../../shared/domain/indicator-values.ts';
import { parsePeriodKey } from '../../../shared/domain/reporting-periods.ts';
import type { CorrectObservation, EnterObservation, ObservationDetail } from '../../../shared/schemas/indicators.ts';
import { AppError, forbidden, invalidReference, notFound, staleVersion } from '../../errors.ts';
import { type Actor, dayOf } from '../../kernel/actor.ts';
import { actorIdOf } from '../../kernel/principal.ts';
import * as audit from '../audit/audit.service.ts';
import { statusThresholds } from './evaluation-settings.service.ts';
import { recordReading } from './indicator-readings.ts';
import * as repository from './indicator-observations.repository.ts';
import {
  getObservation,
  standingOfValue,
  type Trajectory,
  trajectoryFor,
} from './indicator-observations-reading.service.ts';

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
