/**
 * Reading indicator values (decision 0032): one value with its history, an indicator's series, the
 * approval queue, each with the standing of the value and what the reader may do to it. The steps
 * that change a value are in indicator-observations.service.ts.
 */
import type { Db } from '../../db/database.ts';
import type { CalendarDate } from '../../../shared/domain/calendar-date.ts';
import {
  achievementOf,
  expectedValueOn,
  statusOf,
  type StatusThresholds,
} from '../../../shared/domain/indicator-achievement.ts';
import { mayReadObservation, observationCapabilities } from '../../../shared/domain/indicator-permissions.ts';
import { scopesFor } from '../../../shared/domain/roles.ts';
import type { Observation, ObservationDetail, ObservationQueueQuery } from '../../../shared/schemas/indicators.ts';
import { invalidReference, notFound } from '../../errors.ts';
import { offsetOf, pageFrom } from '../../kernel/pagination.ts';
import { actorIdOf, type Principal } from '../../kernel/principal.ts';
import { findByIdOrCode } from '../organizations/organizations.repository.ts';
import { statusThresholds } from './evaluation-settings.service.ts';
import { trajectoryOf } from './indicator-standings.ts';
import * as indicators from './indicators.repository.ts';
import * as repository from './indicator-observations.repository.ts';
import { requireIndicatorReader } from './indicators.service.ts';

/**
 * What values are measured against: each organization's trajectory on its indicator. Loads the
 * indicators once, however many values a list holds.
 */
export async function trajectoriesOf(db: Db, indicatorIds: readonly string[]) {
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

export async function trajectoryFor(db: Db, indicatorId: string, organizationId: string) {
  return (await trajectoriesOf(db, [indicatorId]))(indicatorId, organizationId);
}

export type Trajectory = Awaited<ReturnType<typeof trajectoryFor>>['trajectory'];

/** A value's standing on its period's end: the figures every screen of a value shows. */
export function standingOfValue(
  trajectory: Trajectory,
  periodEnd: CalendarDate,
  value: number,
  thresholds: StatusThresholds,
) {
  const achievement = achievementOf(trajectory, { date: periodEnd, value });
  return { expected: expectedValueOn(trajectory, periodEnd), achievement, status: statusOf(achievement, thresholds) };
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
