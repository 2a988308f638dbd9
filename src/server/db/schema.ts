import type { ColumnType, Generated } from 'kysely';
import type { OrganizationKind } from '../../shared/domain/organization-kinds.ts';
import type { Role } from '../../shared/domain/roles.ts';
import type { Locale } from '../../shared/schemas/common.ts';
import type { TaskState } from '../../shared/domain/task-lifecycle.ts';
import type {
  FeedbackAttachmentTable,
  FeedbackEventTable,
  FeedbackItemTable,
  FeedbackRateCounterTable,
  FeedbackSecretTable,
  InitiativeEvaluationTable,
} from './schema-feedback.ts';
import type {
  EvaluationSettingsTable,
  IndicatorObservationEventTable,
  IndicatorObservationTable,
  IndicatorReadingTable,
  IndicatorReporterTable,
  IndicatorTable,
  IndicatorTargetTable,
} from './schema-indicators.ts';
import type { DocumentType, ExpectedOutput, Priority, TaskEventKind } from '../../shared/domain/task-vocabulary.ts';

/** A calendar date, read and written as 'YYYY-MM-DD' (both drivers are set to return it so). */
export type CalendarDate = string;

/** JSON written as its text and read back parsed (both drivers parse jsonb). */
type Json = ColumnType<unknown, string | null, string | null>;

export interface OrganizationTable {
  id: Generated<string>;
  code: string;
  kind: OrganizationKind;
  name_vi: string;
  name_en: string;
  parent_id: string | null;
  /** "/<root id>/…/<own id>/": scope checks and subtree reads are prefix matches. */
  path: string;
  depth: number;
  /** Kind rank then code: siblings list central bodies before provinces, in a stable order. */
  sort_key: string;
  /** Kept by the repository on insert: the tree shows it on every row, and counting is a scan. */
  child_count: Generated<number>;
  /** Words of names and code (searchDocument); `search_vector`, generated from it, is searched in SQL only (search-sql.ts). */
  search_text: string;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PersonTable {
  id: Generated<string>;
  email: string;
  full_name: string;
  locale: Locale;
  organization_id: string;
  password_hash: string;
  is_active: Generated<boolean>;
  search_text: string;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface RoleAssignmentTable {
  id: Generated<string>;
  person_id: string;
  role: Role;
  organization_id: string;
  granted_by: string | null;
  created_at: Generated<Date>;
}

export interface SessionTable {
  /** SHA-256 of the cookie value: a leaked table does not yield usable sessions. */
  token_hash: string;
  person_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  expires_at: Date;
}

export interface ApiTokenTable {
  id: Generated<string>;
  person_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: Generated<Date>;
  expires_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  /** The token this one was created with, if any: it cannot outlive or survive it (migration 0012). */
  parent_id: string | null;
}

/** Failures reserved per sign-in bucket in its current window (migration 0012, decision 0016). */
export interface SignInThrottleTable {
  bucket: string;
  window_start: Date;
  failures: number;
  /** Account-and-address buckets: the last successful sign-in from this address. */
  succeeded_at: Date | null;
}

export interface AuditLogTable {
  seq: number;
  at: Date;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  /** Path of the organization the entry concerns, so admins read only their scope's trail. */
  scope_path: string | null;
  before: Json;
  after: Json;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface ProgrammeTable {
  id: Generated<string>;
  code: string;
  name_vi: string;
  name_en: string;
  owner_organization_id: string;
  next_task_number: Generated<number>;
  created_at: Generated<Date>;
}

export interface TaskGroupTable {
  id: Generated<string>;
  programme_id: string;
  number: number;
  name_vi: string;
  name_en: string;
}

export interface DirectiveDocumentTable {
  id: Generated<string>;
  number: string;
  doc_type: DocumentType;
  issuer_organization_id: string;
  issued_on: CalendarDate;
  title: string;
  search_text: string;
  created_at: Generated<Date>;
}

export interface MeetingTable {
  id: Generated<string>;
  organization_id: string;
  held_on: CalendarDate;
  title: string;
  /** Words of the title and conclusions (searchDocument), searched through `search_vector`. */
  search_text: string;
  created_at: Generated<Date>;
}

export interface MeetingConclusionTable {
  id: Generated<string>;
  meeting_id: string;
  number: number;
  text: string;
}

export interface TaskTable {
  id: Generated<string>;
  code: string;
  title: string;
  description: string;
  programme_id: string;
  task_group_id: string | null;
  source_document_id: string | null;
  source_conclusion_id: string | null;
  assigner_organization_id: string;
  lead_organization_id: string;
  /** The lead agency's path: scope filters are prefix matches. */
  lead_path: string;
  /** The province (or centrally-run city) the lead agency belongs to, for the by-province breakdown. */
  lead_province_id: string | null;
  parent_task_id: string | null;
  /** The parent's lead path: a sub-task is counted in a scope only when its parent is not. */
  parent_lead_path: string | null;
  child_count: Generated<number>;
  start_on: CalendarDate | null;
  deadline: CalendarDate | null;
  expected_output: ExpectedOutput;
  priority: Priority;
  is_confidential: boolean;
  state: TaskState;
  effective_deadline: CalendarDate | null;
  assigned_on: CalendarDate | null;
  completed_on: CalendarDate | null;
  progress_percent: Generated<number>;
  search_text: string;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface TaskCoordinatorTable {
  task_id: string;
  organization_id: string;
}

export interface TaskPeriodTable {
  task_id: string;
  valid_from: CalendarDate;
  valid_to: CalendarDate | null;
  state: TaskState;
  effective_deadline: CalendarDate | null;
  completed_on: CalendarDate | null;
}

/** A task's progress percentage from `day` on: one row per day it changed (decision 0014). */
export interface TaskProgressTable {
  task_id: string;
  day: CalendarDate;
  percent: number;
}

export interface TaskEventTable {
  id: Generated<string>;
  task_id: string;
  at: Date;
  kind: TaskEventKind;
  from_state: TaskState | null;
  to_state: TaskState | null;
  reason: string | null;
  actor_id: string | null;
  details: Json;
}

export interface ProgressReportTable {
  id: Generated<string>;
  task_id: string;
  reported_on: CalendarDate;
  percent: number;
  narrative: string;
  difficulties: string | null;
  proposals: string | null;
  answer: string | null;
  answered_by: string | null;
  answered_at: Date | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface ExtensionRequestTable {
  id: Generated<string>;
  task_id: string;
  requested_deadline: CalendarDate;
  reason: string;
  status: Generated<'pending' | 'approved' | 'refused'>;
  decided_by: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface TaskCommentTable {
  id: Generated<string>;
  task_id: string;
  body: string;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface EvidenceFileTable {
  id: Generated<string>;
  task_id: string;
  report_id: string | null;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_by: string | null;
  created_at: Generated<Date>;
}

export interface ImportJobTable {
  id: Generated<string>;
  created_by: string;
  programme_id: string;
  mode: 'dry_run' | 'apply';
  state: Generated<'queued' | 'running' | 'succeeded' | 'failed'>;
  locale: Locale;
  file_name: string;
  content: Buffer;
  rows_total: number | null;
  rows_processed: Generated<number>;
  report: Json;
  failure: Json;
  worker: string | null;
  heartbeat_at: Date | null;
  /** A running job whose lease ran out belonged to a process that died (migration 0013). */
  lease_until: Date | null;
  created_at: Generated<Date>;
  started_at: Date | null;
  finished_at: Date | null;
}

export interface IdempotencyKeyTable {
  key: string;
  person_id: string;
  request_hash: string;
  status_code: number;
  response: Json;
  created_at: Generated<Date>;
  /** A claim (status 0) past it was abandoned; a stored answer past it is purged (migration 0013). */
  expires_at: Date;
  /** The request holding the claim. */
  claim_token: string | null;
}

/** The demo seed's marks: started, and completed in a transaction of its own (migration 0013). */
export interface DemoSeedTable {
  id: number;
  started_at: Generated<Date>;
  completed_at: Date | null;
}

/** A year's calendar as an administrator set it; years without a row follow the statutory holidays. */
export interface HolidayCalendarTable {
  year: number;
  /** [{ date, nameVi, nameEn, kind }] */
  holidays: Json;
  /** ['YYYY-MM-DD']: weekend days worked in exchange for a bridge day. */
  extra_working_days: Json;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

/** Running task counts for dashboards, kept by triggers (migration 0008, decision 0011). */
export interface TaskTallyKeyTable {
  id: Generated<number>;
  kind: 'lead' | 'scope';
  path: string;
  shared_depth: number;
  organization_id: string | null;
  province_id: string | null;
  task_group_id: string | null;
}

export interface TaskTallyTable {
  key_id: number;
  day: string;
  on_time: number;
  late: number;
  ongoing: number;
  on_track: number;
  due_soon: number;
  overdue: number;
  /** The day of the key's next row; null for its last (migration 0011). */
  until: string | null;
  /** The key is a lead key: the rows the whole country's dashboard reads by date. */
  is_lead: Generated<boolean>;
}

export type * from './schema-feedback.ts';
export type * from './schema-indicators.ts';

export interface Database {
  organization: OrganizationTable;
  person: PersonTable;
  role_assignment: RoleAssignmentTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  sign_in_throttle: SignInThrottleTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  programme: ProgrammeTable;
  task_group: TaskGroupTable;
  directive_document: DirectiveDocumentTable;
  meeting: MeetingTable;
  meeting_conclusion: MeetingConclusionTable;
  task: TaskTable;
  task_coordinator: TaskCoordinatorTable;
  task_period: TaskPeriodTable;
  task_progress: TaskProgressTable;
  task_event: TaskEventTable;
  progress_report: ProgressReportTable;
  extension_request: ExtensionRequestTable;
  task_comment: TaskCommentTable;
  idempotency_key: IdempotencyKeyTable;
  evidence_file: EvidenceFileTable;
  task_tally_key: TaskTallyKeyTable;
  task_tally: TaskTallyTable;
  import_job: ImportJobTable;
  demo_seed: DemoSeedTable;
  holiday_calendar: HolidayCalendarTable;
  feedback_item: FeedbackItemTable;
  feedback_event: FeedbackEventTable;
  feedback_attachment: FeedbackAttachmentTable;
  initiative_evaluation: InitiativeEvaluationTable;
  feedback_rate_counter: FeedbackRateCounterTable;
  feedback_secret: FeedbackSecretTable;
  indicator: IndicatorTable;
  indicator_reporter: IndicatorReporterTable;
  indicator_target: IndicatorTargetTable;
  indicator_observation: IndicatorObservationTable;
  indicator_observation_event: IndicatorObservationEventTable;
  indicator_reading: IndicatorReadingTable;
  evaluation_settings: EvaluationSettingsTable;
}
