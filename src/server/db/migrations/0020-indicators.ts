import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * Indicators, their targets and reported values (decision 0032).
 *
 * - `indicator`: a programme's measure, with its baseline; `indicator_reporter`: the organizations
 *   that report it, each with its own baseline when it has one; `indicator_target`: targets by
 *   year, the indicator's own (organization_id NULL) or an organization's.
 * - `indicator_observation`: one value per indicator, organization and period, as it stands now;
 *   `approved_value` is the value that counts (the last one approved), kept while a correction waits.
 * - `indicator_observation_event`: every entry, correction, approval and return, with its value.
 *   A reading as of a past day takes the last approval up to that day, so corrections never
 *   rewrite what an earlier report showed.
 * - `indicator_reading`: what each organization's standing on an indicator rests on, and from which
 *   day to which: its latest approved value and the end of the latest period it reported. Kept by the
 *   services beside each entry and approval; a reading as of any day is the row holding that day,
 *   one per organization, found through a range index for the whole country at once (as the task
 *   tallies are, decision 0011) or by indicator.
 * - `evaluation_settings`: the status thresholds, the scorecard's weights and traffic-light bands,
 *   one row an admin edits (decision 0033).
 *
 * Values are double precision: both drivers return it as a number, and no indicator needs more
 * than its 15 significant digits.
 */
const STATEMENTS = `
  CREATE TABLE indicator (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    programme_id uuid NOT NULL REFERENCES programme(id),
    task_group_id uuid REFERENCES task_group(id),
    code text NOT NULL,
    name_vi text NOT NULL,
    name_en text NOT NULL,
    name_fr text NOT NULL,
    unit text NOT NULL CHECK (unit IN ('percent', 'count', 'number', 'days')),
    direction text NOT NULL CHECK (direction IN ('higher', 'lower')),
    level text NOT NULL CHECK (level IN ('strategic', 'operational')),
    frequency text NOT NULL CHECK (frequency IN ('month', 'quarter', 'year')),
    responsible_organization_id uuid NOT NULL REFERENCES organization(id),
    baseline_value double precision NOT NULL,
    baseline_date date NOT NULL,
    search_text text NOT NULL,
    search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (programme_id, code)
  );
  CREATE TABLE indicator_reporter (
    indicator_id uuid NOT NULL REFERENCES indicator(id),
    organization_id uuid NOT NULL REFERENCES organization(id),
    baseline_value double precision,
    baseline_date date,
    PRIMARY KEY (indicator_id, organization_id),
    CHECK ((baseline_value IS NULL) = (baseline_date IS NULL))
  );
  CREATE INDEX indicator_reporter_organization_idx ON indicator_reporter (organization_id, indicator_id);
  CREATE TABLE indicator_target (
    indicator_id uuid NOT NULL REFERENCES indicator(id),
    organization_id uuid REFERENCES organization(id),
    year integer NOT NULL CHECK (year BETWEEN 1900 AND 2199),
    value double precision NOT NULL
  );
  CREATE UNIQUE INDEX indicator_target_key ON indicator_target
    (indicator_id, COALESCE(organization_id, '00000000-0000-0000-0000-000000000000'::uuid), year);
  CREATE TABLE indicator_observation (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    indicator_id uuid NOT NULL REFERENCES indicator(id),
    organization_id uuid NOT NULL REFERENCES organization(id),
    period_key text NOT NULL,
    period_end date NOT NULL,
    value double precision NOT NULL,
    source text NOT NULL,
    note text,
    state text NOT NULL CHECK (state IN ('submitted', 'approved', 'returned')),
    entered_by uuid REFERENCES person(id),
    entered_at timestamptz NOT NULL,
    reported_on date NOT NULL,
    decided_by uuid REFERENCES person(id),
    decided_at timestamptz,
    return_reason text,
    approved_value double precision,
    version integer NOT NULL DEFAULT 1,
    UNIQUE (indicator_id, organization_id, period_key)
  );
  CREATE INDEX indicator_observation_series_idx
    ON indicator_observation (indicator_id, organization_id, period_end DESC);
  CREATE INDEX indicator_observation_waiting_idx
    ON indicator_observation (entered_at) WHERE state = 'submitted';
  CREATE TABLE indicator_observation_event (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    observation_id uuid NOT NULL REFERENCES indicator_observation(id),
    kind text NOT NULL CHECK (kind IN ('entered', 'corrected', 'approved', 'returned')),
    value double precision NOT NULL,
    source text,
    note text,
    reason text,
    actor_id uuid REFERENCES person(id),
    at timestamptz NOT NULL,
    day date NOT NULL
  );
  CREATE INDEX indicator_observation_event_observation_idx ON indicator_observation_event (observation_id, id);
  CREATE INDEX indicator_observation_approval_idx ON indicator_observation_event (observation_id, day, id)
    INCLUDE (value) WHERE kind = 'approved';
  CREATE TABLE indicator_reading (
    indicator_id uuid NOT NULL,
    organization_id uuid NOT NULL,
    valid_from date NOT NULL,
    valid_to date,
    approved_period_key text,
    approved_period_end date,
    approved_value double precision,
    reported_end date,
    PRIMARY KEY (indicator_id, organization_id, valid_from),
    FOREIGN KEY (indicator_id, organization_id) REFERENCES indicator_reporter (indicator_id, organization_id),
    CHECK (valid_to > valid_from)
  );
  CREATE INDEX indicator_reading_validity_idx ON indicator_reading USING spgist (daterange(valid_from, valid_to))
    INCLUDE (indicator_id, organization_id, valid_from, valid_to, approved_period_key, approved_period_end,
             approved_value, reported_end);
  CREATE TABLE evaluation_settings (
    id boolean PRIMARY KEY DEFAULT true CHECK (id),
    on_track double precision NOT NULL,
    at_risk double precision NOT NULL,
    weights jsonb NOT NULL,
    ready_band double precision NOT NULL,
    warning_band double precision NOT NULL,
    version integer NOT NULL DEFAULT 1,
    updated_by uuid REFERENCES person(id),
    updated_at timestamptz NOT NULL DEFAULT now()
  )
`;

export const up = (db: Kysely<unknown>): Promise<void> => runStatements(db, STATEMENTS);
