import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * Feedback from the public: items with their timeline and attachments, initiative evaluations,
 * the submission rate-limit counters and the key that hashes client addresses and contacts.
 *
 * pg_trgm (trusted since PostgreSQL 13, bundled with PGlite) indexes the folded text, so that the
 * queue's diacritic-free search and the duplicate check stay fast at a million items.
 * `pending_due_on` is the due date of the step still owed (see feedback-service-level.ts):
 * generated, so that it can never disagree with the state, and indexed for the queue's sort.
 */
const STATEMENTS = `
  CREATE EXTENSION IF NOT EXISTS pg_trgm;

  CREATE TABLE feedback_item (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tracking_code text NOT NULL UNIQUE,
    type text NOT NULL CHECK (type IN ('feedback', 'recommendation', 'solution', 'initiative')),
    field text NOT NULL,
    title text NOT NULL,
    content text NOT NULL,
    search_text text NOT NULL,
    content_hash text NOT NULL,
    organization_id uuid REFERENCES organization(id),
    submitter_kind text NOT NULL CHECK (submitter_kind IN ('citizen', 'business', 'scientist', 'organization')),
    submitter_name text NOT NULL,
    phone text,
    email text,
    consent_to_publish boolean NOT NULL,
    is_published boolean NOT NULL DEFAULT false,
    latitude double precision,
    longitude double precision,
    address text,
    state text NOT NULL DEFAULT 'received' CHECK (state IN
      ('received', 'accepted', 'assigned', 'in_processing', 'answered', 'closed', 'rejected', 'merged')),
    received_at timestamptz NOT NULL,
    received_on date NOT NULL,
    triage_due_on date NOT NULL,
    answer_due_on date NOT NULL,
    pending_due_on date GENERATED ALWAYS AS (CASE
      WHEN state = 'received' THEN triage_due_on
      WHEN state IN ('accepted', 'assigned', 'in_processing') THEN answer_due_on
    END) STORED,
    triaged_at timestamptz,
    assigned_at timestamptz,
    answered_at timestamptz,
    closed_at timestamptz,
    assigned_organization_id uuid REFERENCES organization(id),
    assigned_path text,
    possible_duplicate_of uuid REFERENCES feedback_item(id),
    merged_into uuid REFERENCES feedback_item(id),
    answer text,
    answered_by uuid REFERENCES person(id),
    task_id uuid REFERENCES task(id),
    version integer NOT NULL DEFAULT 1,
    CHECK (phone IS NOT NULL OR email IS NOT NULL),
    CHECK ((state = 'merged') = (merged_into IS NOT NULL)),
    CHECK (NOT is_published OR (consent_to_publish AND answer IS NOT NULL))
  );
  CREATE INDEX feedback_item_due_idx ON feedback_item (pending_due_on, received_at, id);
  CREATE INDEX feedback_item_state_due_idx ON feedback_item (state, pending_due_on, received_at);
  CREATE INDEX feedback_item_scope_idx ON feedback_item (assigned_path text_pattern_ops, state, pending_due_on);
  CREATE INDEX feedback_item_received_idx ON feedback_item (received_at, id);
  CREATE INDEX feedback_item_type_field_idx ON feedback_item (type, field, pending_due_on);
  CREATE INDEX feedback_item_search_idx ON feedback_item USING gin (search_text gin_trgm_ops);
  CREATE INDEX feedback_item_content_hash_idx ON feedback_item (content_hash);
  CREATE INDEX feedback_item_public_idx ON feedback_item (answered_at DESC, id) WHERE is_published;
  CREATE INDEX feedback_item_merged_idx ON feedback_item (merged_into) WHERE merged_into IS NOT NULL;

  CREATE TABLE feedback_event (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    item_id uuid NOT NULL REFERENCES feedback_item(id),
    at timestamptz NOT NULL DEFAULT now(),
    kind text NOT NULL,
    from_state text,
    to_state text,
    organization_id uuid REFERENCES organization(id),
    reason text,
    body text,
    actor_id uuid REFERENCES person(id),
    is_internal boolean NOT NULL
  );
  CREATE INDEX feedback_event_item_idx ON feedback_event (item_id, at);

  CREATE TABLE feedback_attachment (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    item_id uuid NOT NULL REFERENCES feedback_item(id),
    file_name text NOT NULL,
    media_type text NOT NULL,
    size_bytes integer NOT NULL,
    sha256 text NOT NULL,
    content bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX feedback_attachment_item_idx ON feedback_attachment (item_id);

  CREATE TABLE initiative_evaluation (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    item_id uuid NOT NULL REFERENCES feedback_item(id),
    evaluator_id uuid NOT NULL REFERENCES person(id),
    novelty smallint NOT NULL CHECK (novelty BETWEEN 1 AND 5),
    feasibility smallint NOT NULL CHECK (feasibility BETWEEN 1 AND 5),
    impact smallint NOT NULL CHECK (impact BETWEEN 1 AND 5),
    resources smallint NOT NULL CHECK (resources BETWEEN 1 AND 5),
    comment text,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (item_id, evaluator_id)
  );

  CREATE TABLE feedback_rate_counter (
    subject text NOT NULL,
    window_start timestamptz NOT NULL,
    count integer NOT NULL,
    PRIMARY KEY (subject, window_start)
  );

  CREATE TABLE feedback_secret (
    id boolean PRIMARY KEY DEFAULT true CHECK (id),
    hash_key text NOT NULL
  );
  INSERT INTO feedback_secret (hash_key) VALUES (gen_random_uuid()::text || gen_random_uuid()::text)
`;

export const up = (db: Kysely<unknown>): Promise<void> => runStatements(db, STATEMENTS);
