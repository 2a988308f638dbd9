import type { Db } from '../../db/database.ts';
import { today, type CalendarDate } from '../../../shared/domain/calendar-date.ts';
import { mayEnterObservation } from '../../../shared/domain/indicator-permissions.ts';
import { targetDateOf, valueProblem } from '../../../shared/domain/indicator-values.ts';
import { can, roleAllows } from '../../../shared/domain/roles.ts';
import { searchDocument, searchQueryWords } from '../../../shared/domain/search.ts';
import type {
  IndicatorDefinition,
  IndicatorDetail,
  IndicatorListQuery,
  IndicatorSummary,
} from '../../../shared/schemas/indicators.ts';
import {
  AppError,
  duplicateField,
  type FieldError,
  forbidden,
  invalidReference,
  notFound,
  staleVersion,
} from '../../errors.ts';
import { offsetOf, pageFrom } from '../../kernel/pagination.ts';
import type { Actor } from '../../kernel/actor.ts';
import type { Principal } from '../../kernel/principal.ts';
import * as audit from '../audit/audit.service.ts';
import * as directives from '../directives/directives.repository.ts';
import { findManyByIds } from '../organizations/organizations.repository.ts';
import { statusThresholds } from './evaluation-settings.service.ts';
import { type IndicatorReadings, nextIndicatorTarget, standingOf } from './indicator-standings.ts';
import * as repository from './indicators.repository.ts';
import { readingsOn, waitingCounts } from './indicator-readings.repository.ts';

/** Whoever reads indicators anywhere reads their definitions: they are the programme's published measures. */
export function requireIndicatorReader(principal: Principal): void {
  if (!principal.grants.some((grant) => roleAllows(grant.role, 'indicator.read'))) {
    throw forbidden('read indicators');
  }
}

/**
 * Everything a standing is computed from, for many indicators in five queries: their definitions,
 * reporters and targets, each organization's reading on the day, and the values awaiting approval.
 * (The scorecards read every indicator their own leaner way: indicator-shares.ts.)
 */
export async function loadReadings(
  db: Db,
  ids: readonly string[],
  asOf: CalendarDate,
): Promise<Map<string, IndicatorReadings>> {
  const [indicators, reporters, targets, onTheDay, waiting] = await Promise.all([
    repository.findIndicators(db, ids),
    repository.findReporters(db, ids),
    repository.findTargets(db, ids),
    readingsOn(db, ids, asOf),
    waitingCounts(db, ids),
  ]);
  const readings = new Map<string, IndicatorReadings>(
    indicators.map((indicator) => [
      indicator.id,
      { indicator, reporters: [], targets: [], approved: new Map(), reported: new Map() },
    ]),
  );
  for (const reporter of reporters) readings.get(reporter.indicator_id)?.reporters.push(reporter);
  for (const target of targets) {
    readings.get(target.indicator_id)?.targets.push({
      organizationId: target.organization_id,
      year: target.year,
      value: target.value,
    });
  }
  const waitingBy = new Map(waiting.map((row) => [`${row.indicator_id}|${row.organization_id}`, Number(row.n)]));
  for (const row of onTheDay) {
    const each = readings.get(row.indicator_id);
    if (!each) continue;
    if (row.approved_period_key !== null && row.approved_period_end !== null && row.approved_value !== null) {
      each.approved.set(row.organization_id, {
        periodKey: row.approved_period_key,
        periodEnd: row.approved_period_end,
        value: row.approved_value,
      });
    }
    each.reported.set(row.organization_id, {
      latestReportedEnd: row.reported_end,
      waiting: waitingBy.get(`${row.indicator_id}|${row.organization_id}`) ?? 0,
    });
  }
  // An organization with values waiting but no reading on the day (all came later) still shows them.
  for (const [key, n] of waitingBy) {
    const [indicatorId = '', organizationId = ''] = key.split('|');
    const each = readings.get(indicatorId);
    if (each && !each.reported.has(organizationId))
      each.reported.set(organizationId, { latestReportedEnd: null, waiting: n });
  }
  return readings;
}

function summaryOf(
  readings: IndicatorReadings,
  asOf: CalendarDate,
  thresholds: Awaited<ReturnType<typeof statusThresholds>>,
) {
  const { indicator, reporters } = readings;
  const responsible = reporters.find((reporter) => reporter.organization_id === indicator.responsible_organization_id);
  if (!responsible) throw new Error(`indicator ${indicator.id} has no responsible reporter`);
  const standings = [responsible, ...reporters.filter((reporter) => reporter !== responsible)].map((reporter) =>
    standingOf(readings, reporter, asOf, thresholds),
  );
  const [standing] = standings;
  if (!standing) throw new Error('unreachable: the responsible reporter has a standing');
  const summary: IndicatorSummary = {
    id: indicator.id,
    programmeId: indicator.programme_id,
    code: indicator.code,
    nameVi: indicator.name_vi,
    nameEn: indicator.name_en,
    nameFr: indicator.name_fr,
    unit: indicator.unit,
    direction: indicator.direction,
    level: indicator.level,
    frequency: indicator.frequency,
    taskGroup:
      indicator.task_group_id === null || indicator.group_number === null
        ? null
        : {
            id: indicator.task_group_id,
            number: indicator.group_number,
            nameVi: indicator.group_name_vi ?? '',
            nameEn: indicator.group_name_en ?? '',
          },
    responsibleOrganization: standing.organization,
    nextTarget: nextIndicatorTarget(readings, asOf),
    standing,
    reporterCount: reporters.length,
    staleCount: standings.filter((each) => each.stale).length,
    version: indicator.version,
  };
  return { summary, standings };
}

export async function listIndicators(db: Db, principal: Principal, query: IndicatorListQuery) {
  requireIndicatorReader(principal);
  const asOf = query.as_of ?? today();
  const offset = offsetOf(query.cursor);
  const ids = await repository.listIndicatorIds(
    db,
    {
      programmeId: query.programmeId,
      taskGroupId: query.taskGroupId,
      level: query.level,
      organizationId: query.organizationId,
      words: searchQueryWords(query.q ?? ''),
    },
    query.limit,
    offset,
  );
  const { page, nextCursor } = pageFrom(ids, query.limit, offset);
  const [readings, thresholds] = await Promise.all([loadReadings(db, page, asOf), statusThresholds(db)]);
  const items = page.flatMap((id) => {
    const each = readings.get(id);
    return each ? [summaryOf(each, asOf, thresholds).summary] : [];
  });
  return { items, nextCursor };
}

export async function getIndicator(
  db: Db,
  principal: Principal,
  id: string,
  asOf: CalendarDate = today(),
): Promise<IndicatorDetail> {
  requireIndicatorReader(principal);
  const [readings, thresholds] = await Promise.all([loadReadings(db, [id], asOf), statusThresholds(db)]);
  const each = readings.get(id);
  if (!each) throw notFound('indicator', id);
  const { summary, standings } = summaryOf(each, asOf, thresholds);
  const ownTargets = each.targets.filter((target) => target.organizationId === null);
  return {
    ...summary,
    asOf,
    baseline: { value: each.indicator.baseline_value, date: each.indicator.baseline_date },
    targets: ownTargets.map(({ year, value }) => ({ year, value })),
    standings,
    thresholds,
    mayEnter: each.reporters
      .filter((reporter) => mayEnterObservation(principal.grants, reporter.path))
      .map((reporter) => reporter.organization_id),
  };
}

/** Checks a definition against the stored world; returns what the tables take. */
async function checkedDefinition(db: Db, principal: Principal, input: IndicatorDefinition, exceptId?: string) {
  const programme = await directives.findProgramme(db, input.programmeId);
  if (!programme) throw invalidReference('programmeId');
  const owner = (await findManyByIds(db, [programme.owner_organization_id]))[0];
  if (!owner || !can(principal.grants, 'indicator.define', owner.path))
    throw forbidden('define indicators of this programme');
  if (input.taskGroupId) {
    const group = await directives.findGroup(db, input.taskGroupId);
    if (group?.programme_id !== input.programmeId) throw invalidReference('taskGroupId');
  }
  const reporterIds = input.reporters.map((reporter) => reporter.organizationId);
  const organizations = new Set(
    (await findManyByIds(db, [input.responsibleOrganizationId, ...reporterIds])).map((organization) => organization.id),
  );
  if (!organizations.has(input.responsibleOrganizationId)) throw invalidReference('responsibleOrganizationId');

  const errors: FieldError[] = [];
  const checkValue = (path: string, value: number) => {
    const problem = valueProblem(input.unit, value);
    if (problem) errors.push({ path, message: `indicator.error.value.${problem}` });
  };
  const checkTargets = (
    path: string,
    targets: readonly { year: number; value: number }[],
    baselineDate: CalendarDate,
  ) => {
    const years = new Set<number>();
    targets.forEach((target, i) => {
      checkValue(`${path}.${i}.value`, target.value);
      if (years.has(target.year)) errors.push({ path: `${path}.${i}.year`, message: 'indicator.error.targetRepeated' });
      else if (targetDateOf(target.year) <= baselineDate) {
        errors.push({ path: `${path}.${i}.year`, message: 'indicator.error.targetBeforeBaseline' });
      }
      years.add(target.year);
    });
  };
  checkValue('baseline.value', input.baseline.value);
  checkTargets('targets', input.targets, input.baseline.date);
  const seen = new Set<string>();
  input.reporters.forEach((reporter, i) => {
    const path = `reporters.${i}`;
    if (!organizations.has(reporter.organizationId)) {
      errors.push({ path: `${path}.organizationId`, message: 'error.invalid_reference' });
    } else if (seen.has(reporter.organizationId)) {
      errors.push({ path: `${path}.organizationId`, message: 'indicator.error.reporterRepeated' });
    }
    seen.add(reporter.organizationId);
    if (reporter.baseline) checkValue(`${path}.baseline.value`, reporter.baseline.value);
    checkTargets(`${path}.targets`, reporter.targets ?? [], reporter.baseline?.date ?? input.baseline.date);
  });
  if (errors.length > 0)
    throw new AppError('validation', `The indicator has ${errors.length} invalid value(s)`, {}, errors);
  if (await repository.codeTaken(db, input.programmeId, input.code, exceptId)) throw duplicateField('code');

  const columns: repository.IndicatorColumns = {
    programme_id: input.programmeId,
    task_group_id: input.taskGroupId ?? null,
    code: input.code,
    name_vi: input.nameVi,
    name_en: input.nameEn,
    name_fr: input.nameFr,
    unit: input.unit,
    direction: input.direction,
    level: input.level,
    frequency: input.frequency,
    responsible_organization_id: input.responsibleOrganizationId,
    baseline_value: input.baseline.value,
    baseline_date: input.baseline.date,
    search_text: searchDocument(input.code, input.nameVi, input.nameEn, input.nameFr),
  };
  // The responsible organization always reports; listed again, it may bring its own baseline.
  const listed = new Map(input.reporters.map((reporter) => [reporter.organizationId, reporter]));
  const reporters: repository.ReporterRow[] = [
    ...(listed.has(input.responsibleOrganizationId) ? [] : [{ organizationId: input.responsibleOrganizationId }]),
    ...input.reporters,
  ].map((reporter) => ({
    organizationId: reporter.organizationId,
    baselineValue: 'baseline' in reporter && reporter.baseline ? reporter.baseline.value : null,
    baselineDate: 'baseline' in reporter && reporter.baseline ? reporter.baseline.date : null,
  }));
  const targets: repository.TargetRow[] = [
    ...input.targets.map((target) => ({ organizationId: null, ...target })),
    ...input.reporters.flatMap((reporter) =>
      (reporter.targets ?? []).map((target) => ({ organizationId: reporter.organizationId, ...target })),
    ),
  ];
  return { columns, reporters, targets, scopePath: owner.path };
}

/**
 * Defines an indicator on the actor's day: it counts in the scorecards from that day on, so that
 * defining one today leaves past quarters' scores as they were (decision 0033).
 */
export async function createIndicator(db: Db, actor: Actor, input: IndicatorDefinition): Promise<IndicatorDetail> {
  const { principal } = actor;
  const id = await db.transaction().execute(async (tx) => {
    const { columns, reporters, targets, scopePath } = await checkedDefinition(tx, principal, input);
    const created = await repository.insertIndicator(tx, { ...columns, created_at: actor.now });
    if (!created) throw duplicateField('code');
    await repository.replaceReportersAndTargets(tx, created, reporters, targets);
    await audit.record(tx, principal, [
      { action: 'indicator.defined', entityType: 'indicator', entityId: created, scopePath, after: input },
    ]);
    return created;
  });
  return getIndicator(db, principal, id);
}

export async function updateIndicator(
  db: Db,
  principal: Principal,
  id: string,
  expectedVersion: number,
  input: IndicatorDefinition,
): Promise<IndicatorDetail> {
  await db.transaction().execute(async (tx) => {
    const [current] = await repository.findIndicators(tx, [id]);
    if (!current) throw notFound('indicator', id);
    if (current.programme_id !== input.programmeId)
      throw invalidReference('programmeId', 'indicator.error.programmeFixed');
    const { columns, reporters, targets, scopePath } = await checkedDefinition(tx, principal, input, id);
    const keep = reporters.map((reporter) => reporter.organizationId);
    if ((await repository.reportersWithValues(tx, id, keep)).length > 0) {
      throw invalidReference('reporters', 'indicator.error.reporterHasValues');
    }
    const saved = await repository.updateIndicatorIfVersion(tx, id, expectedVersion, columns);
    if (saved === undefined) throw staleVersion('indicator', current.version);
    await repository.replaceReportersAndTargets(tx, id, reporters, targets);
    await audit.record(tx, principal, [
      { action: 'indicator.redefined', entityType: 'indicator', entityId: id, scopePath, after: input },
    ]);
  });
  return getIndicator(db, principal, id);
}
