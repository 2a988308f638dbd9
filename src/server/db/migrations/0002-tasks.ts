import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * Monitoring and evaluation: programmes and task groups, directive documents and meetings, tasks
 * with their lifecycle history, progress reports, extension requests and comments.
 */
const STATEMENTS = `
  CREATE TABLE programme (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code text NOT NULL UNIQUE,
    name_vi text NOT NULL,
    name_en text NOT NULL,
    owner_organization_id uuid NOT NULL REFERENCES organization(id),
    next_task_number integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now()
  );

  CREATE TABLE task_group (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    programme_id uuid NOT NULL REFERENCES programme(id),
    number integer NOT NULL,
    name_vi text NOT NULL,
    name_en text NOT NULL,
    UNIQUE (programme_id, number)
  );

  CREATE TABLE directive_document (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    number text NOT NULL UNIQUE,
    doc_type text NOT NULL,
    issuer_organization_id uuid NOT NULL REFERENCES organization(id),
    issued_on date NOT NULL,
    title text NOT NULL,
    search_text text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  );

  CREATE TABLE meeting (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid NOT NULL REFERENCES organization(id),
    held_on date NOT NULL,
    title text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX meeting_organization_idx ON meeting (organization_id, held_on);

  CREATE TABLE meeting_conclusion (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    meeting_id uuid NOT NULL REFERENCES meeting(id),
    number integer NOT NULL,
    text text NOT NULL,
    UNIQUE (meeting_id, number)
  );

  CREATE TABLE task (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code text NOT NULL UNIQUE,
    title text NOT NULL,
    description text NOT NULL DEFAULT '',
    programme_id uuid NOT NULL REFERENCES programme(id),
    task_group_id uuid REFERENCES task_group(id),
    source_document_id uuid REFERENCES directive_document(id),
    source_conclusion_id uuid REFERENCES meeting_conclusion(id),
    assigner_organization_id uuid NOT NULL REFERENCES organization(id),
    lead_organization_id uuid NOT NULL REFERENCES organization(id),
    lead_path text NOT NULL,
    lead_province_id uuid REFERENCES organization(id),
    parent_task_id uuid REFERENCES task(id),
    parent_lead_path text,
    child_count integer NOT NULL DEFAULT 0,
    start_on date,
    deadline date,
    expected_output text NOT NULL,
    priority text NOT NULL,
    is_confidential boolean NOT NULL DEFAULT false,
    state text NOT NULL,
    effective_deadline date,
    assigned_on date,
    completed_on date,
    progress_percent integer NOT NULL DEFAULT 0 CHECK (progress_percent BETWEEN 0 AND 100),
    search_text text NOT NULL,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX task_lead_path_idx ON task (lead_path text_pattern_ops);
  CREATE INDEX task_lead_idx ON task (lead_organization_id);
  CREATE INDEX task_parent_idx ON task (parent_task_id);
  CREATE INDEX task_programme_idx ON task (programme_id, task_group_id);

  CREATE TABLE task_coordinator (
    task_id uuid NOT NULL REFERENCES task(id),
    organization_id uuid NOT NULL REFERENCES organization(id),
    PRIMARY KEY (task_id, organization_id)
  );

  -- What a task was on each day: any past as_of reads the period that covered it. A new period
  -- starts whenever the state or the effective deadline changes; valid_to is exclusive.
  CREATE TABLE task_period (
    task_id uuid NOT NULL REFERENCES task(id),
    valid_from date NOT NULL,
    valid_to date,
    state text NOT NULL,
    effective_deadline date,
    completed_on date,
    PRIMARY KEY (task_id, valid_from)
  );
  CREATE INDEX task_period_current_idx ON task_period (task_id) WHERE valid_to IS NULL;

  CREATE TABLE task_event (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    task_id uuid NOT NULL REFERENCES task(id),
    at timestamptz NOT NULL,
    kind text NOT NULL,
    from_state text,
    to_state text,
    reason text,
    actor_id uuid REFERENCES person(id),
    details jsonb
  );
  CREATE INDEX task_event_task_idx ON task_event (task_id, at);

  CREATE TABLE progress_report (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    task_id uuid NOT NULL REFERENCES task(id),
    reported_on date NOT NULL,
    -- The answer is owed by the assigner when difficulties or proposals were reported.
    percent integer NOT NULL CHECK (percent BETWEEN 0 AND 100),
    narrative text NOT NULL,
    difficulties text,
    proposals text,
    answer text,
    answered_by uuid REFERENCES person(id),
    answered_at timestamptz,
    created_by uuid REFERENCES person(id),
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX progress_report_task_idx ON progress_report (task_id, reported_on);

  CREATE TABLE extension_request (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    task_id uuid NOT NULL REFERENCES task(id),
    requested_deadline date NOT NULL,
    reason text NOT NULL,
    status text NOT NULL DEFAULT 'pending',
    decided_by uuid REFERENCES person(id),
    decided_at timestamptz,
    decision_reason text,
    created_by uuid REFERENCES person(id),
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX extension_request_task_idx ON extension_request (task_id);

  CREATE TABLE task_comment (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    task_id uuid NOT NULL REFERENCES task(id),
    body text NOT NULL,
    created_by uuid REFERENCES person(id),
    created_at timestamptz NOT NULL DEFAULT now()
  );

  CREATE TABLE idempotency_key (
    key text NOT NULL,
    person_id uuid NOT NULL,
    request_hash text NOT NULL,
    status_code integer NOT NULL,
    response jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (person_id, key)
  )
`;

export const up = (db: Kysely<unknown>): Promise<void> => runStatements(db, STATEMENTS);
