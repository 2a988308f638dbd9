import type { ColumnType, Generated } from 'kysely';
import type { IndicatorDirection } from '../../shared/domain/indicator-achievement.ts';
import type { IndicatorLevel, IndicatorUnit, ObservationState } from '../../shared/domain/indicator-values.ts';
import type { ReportingFrequency } from '../../shared/domain/reporting-periods.ts';
import type { CalendarDate } from './schema.ts';

/** The indicator tables (migration 0020), kept apart from the core schema for size. */
export interface IndicatorTable {
  id: Generated<string>;
  programme_id: string;
  task_group_id: string | null;
  code: string;
  name_vi: string;
  name_en: string;
  name_fr: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  level: IndicatorLevel;
  frequency: ReportingFrequency;
  responsible_organization_id: string;
  baseline_value: number;
  baseline_date: CalendarDate;
  /** Words of code and names (searchDocument); `search_vector`, generated from it, is searched in SQL only. */
  search_text: string;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface IndicatorReporterTable {
  indicator_id: string;
  organization_id: string;
  /** The organization's own baseline; null: the indicator's. */
  baseline_value: number | null;
  baseline_date: CalendarDate | null;
}

export interface IndicatorTargetTable {
  indicator_id: string;
  /** Null: the indicator's own target; else an organization's. */
  organization_id: string | null;
  year: number;
  value: number;
}

export type ObservationEventKind = 'entered' | 'corrected' | 'approved' | 'returned';

export interface IndicatorObservationTable {
  id: Generated<string>;
  indicator_id: string;
  organization_id: string;
  period_key: string;
  period_end: CalendarDate;
  value: number;
  source: string;
  note: string | null;
  state: ObservationState;
  entered_by: string | null;
  entered_at: Date;
  /** The day the period was first reported: staleness as of a past day counts from it. */
  reported_on: CalendarDate;
  decided_by: string | null;
  decided_at: Date | null;
  return_reason: string | null;
  /** The value that counts: the last approved one, kept while a correction waits. */
  approved_value: number | null;
  version: Generated<number>;
}

export interface IndicatorObservationEventTable {
  id: Generated<string>;
  observation_id: string;
  kind: ObservationEventKind;
  value: number;
  source: string | null;
  note: string | null;
  reason: string | null;
  actor_id: string | null;
  at: Date;
  day: CalendarDate;
}

/** What an organization's standing rests on from `valid_from` until `valid_to` (exclusive; null: still). */
export interface IndicatorReadingTable {
  indicator_id: string;
  organization_id: string;
  valid_from: CalendarDate;
  valid_to: CalendarDate | null;
  approved_period_key: string | null;
  approved_period_end: CalendarDate | null;
  approved_value: number | null;
  reported_end: CalendarDate | null;
}

export interface EvaluationSettingsTable {
  id: Generated<boolean>;
  on_track: number;
  at_risk: number;
  /** ScoreWeights, written from validated input only. */
  weights: ColumnType<unknown, string, string>;
  ready_band: number;
  warning_band: number;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}
