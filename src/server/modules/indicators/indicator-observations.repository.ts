import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { escapeLike } from '../../kernel/like-patterns.ts';
import type { IndicatorObservationTable, ObservationEventKind } from '../../db/schema.ts';
import type { CalendarDate } from '../../../shared/domain/calendar-date.ts';
import type { ObservationState } from '../../../shared/domain/indicator-values.ts';

export interface NewObservation {
  indicatorId: string;
  organizationId: string;
  periodKey: string;
  periodEnd: CalendarDate;
  value: number;
  source: string;
  note: string | null;
  enteredBy: string | null;
  at: Date;
  day: CalendarDate;
}

/** Undefined when the organization already has a value for the period: a correction, not a second value. */
export async function insertObservation(db: Db, input: NewObservation): Promise<string | undefined> {
  const row = await db
    .insertInto('indicator_observation')
    .values({
      indicator_id: input.indicatorId,
      organization_id: input.organizationId,
      period_key: input.periodKey,
      period_end: input.periodEnd,
      value: input.value,
      source: input.source,
      note: input.note,
      state: 'submitted',
      entered_by: input.enteredBy,
      entered_at: input.at,
      reported_on: input.day,
    })
    .onConflict((conflict) => conflict.columns(['indicator_id', 'organization_id', 'period_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export type ObservationChange = Partial<
  Pick<
    IndicatorObservationTable,
    | 'value'
    | 'source'
    | 'note'
    | 'state'
    | 'entered_by'
    | 'entered_at'
    | 'decided_by'
    | 'decided_at'
    | 'return_reason'
    | 'approved_value'
  >
>;

/** Undefined when the stored version is no longer `expectedVersion`. */
export async function updateObservationIfVersion(
  db: Db,
  id: string,
  expectedVersion: number,
  change: ObservationChange,
): Promise<number | undefined> {
  const row = await db
    .updateTable('indicator_observation')
    .set({ ...change, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst();
  return row?.version;
}

export interface NewObservationEvent {
  observationId: string;
  kind: ObservationEventKind;
  value: number;
  source?: string | null;
  note?: string | null;
  reason?: string | null;
  actorId: string | null;
  at: Date;
  day: CalendarDate;
}

export async function insertEvent(db: Db, event: NewObservationEvent): Promise<void> {
  await db
    .insertInto('indicator_observation_event')
    .values({
      observation_id: event.observationId,
      kind: event.kind,
      value: event.value,
      source: event.source ?? null,
      note: event.note ?? null,
      reason: event.reason ?? null,
      actor_id: event.actorId,
      at: event.at,
      day: event.day,
    })
    .execute();
}

function selectObservations(db: Db) {
  return db
    .selectFrom('indicator_observation as o')
    .innerJoin('indicator as i', 'i.id', 'o.indicator_id')
    .innerJoin('organization as g', 'g.id', 'o.organization_id')
    .leftJoin('person as p', 'p.id', 'o.entered_by')
    .selectAll('o')
    .select([
      'i.code as indicator_code',
      'i.name_vi as indicator_name_vi',
      'i.name_en as indicator_name_en',
      'i.name_fr as indicator_name_fr',
      'i.unit as indicator_unit',
      'g.code as organization_code',
      'g.name_vi as organization_name_vi',
      'g.name_en as organization_name_en',
      'g.path as organization_path',
      'p.full_name as entered_by_name',
    ]);
}

export async function findObservation(db: Db, id: string, forUpdate = false) {
  return selectObservations(db)
    .where('o.id', '=', id)
    .$if(forUpdate, (query) => query.forUpdate('o'))
    .executeTakeFirst();
}
export type ObservationRow = NonNullable<Awaited<ReturnType<typeof findObservation>>>;

export async function findEvents(db: Db, observationId: string) {
  return db
    .selectFrom('indicator_observation_event as e')
    .leftJoin('person as p', 'p.id', 'e.actor_id')
    .select(['e.kind', 'e.value', 'e.source', 'e.note', 'e.reason', 'e.actor_id', 'e.at', 'p.full_name'])
    .where('e.observation_id', '=', observationId)
    .orderBy('e.id')
    .execute();
}

/** One organization's values of an indicator (or every reporter's), oldest period first. */
export async function findSeries(db: Db, indicatorId: string, organizationId: string | undefined) {
  return selectObservations(db)
    .where('o.indicator_id', '=', indicatorId)
    .$if(organizationId !== undefined, (query) => query.where('o.organization_id', '=', organizationId ?? ''))
    .orderBy('o.period_end')
    .orderBy('g.sort_key')
    .execute();
}

export interface QueueFilter {
  state: ObservationState;
  indicatorId?: string | undefined;
  /** Materialized path: the organization and those beneath it. */
  underPath?: string | undefined;
  /** The reader's scopes, or every organization. */
  scopes: string[] | 'everywhere';
}

/**
 * Values in a state, read with limit + 1 (pageFrom): those awaiting a step the longest waiting
 * first, approved ones the latest first.
 */
export async function listQueue(db: Db, filter: QueueFilter, limit: number, offset: number) {
  const scopes = filter.scopes;
  if (scopes !== 'everywhere' && scopes.length === 0) return [];
  return selectObservations(db)
    .where('o.state', '=', filter.state)
    .$if(filter.indicatorId !== undefined, (query) => query.where('o.indicator_id', '=', filter.indicatorId ?? ''))
    .$if(filter.underPath !== undefined, (query) =>
      query.where('g.path', 'like', `${escapeLike(filter.underPath ?? '')}%`),
    )
    .$if(scopes !== 'everywhere', (query) =>
      query.where((eb) =>
        eb.or((scopes === 'everywhere' ? [] : scopes).map((scope) => eb('g.path', 'like', `${escapeLike(scope)}%`))),
      ),
    )
    .orderBy('o.entered_at', filter.state === 'approved' ? 'desc' : 'asc')
    .orderBy('o.id')
    .limit(limit + 1)
    .offset(offset)
    .execute();
}
