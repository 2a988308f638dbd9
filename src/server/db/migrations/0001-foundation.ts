import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/** Organizations, people, roles, sessions, API tokens, sign-in attempts and the audit trail. */
const STATEMENTS = `
    CREATE TABLE organization (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE,
      kind text NOT NULL,
      name_vi text NOT NULL,
      name_en text NOT NULL,
      parent_id uuid REFERENCES organization(id),
      path text NOT NULL UNIQUE,
      depth integer NOT NULL,
      sort_key text NOT NULL,
      child_count integer NOT NULL DEFAULT 0,
      search_text text NOT NULL,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX organization_parent_idx ON organization (parent_id, sort_key COLLATE "C");
    CREATE INDEX organization_path_idx ON organization (path text_pattern_ops);
    CREATE INDEX organization_kind_idx ON organization (kind);

    CREATE TABLE person (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL,
      full_name text NOT NULL,
      locale text NOT NULL DEFAULT 'vi',
      organization_id uuid NOT NULL REFERENCES organization(id),
      password_hash text NOT NULL,
      is_active boolean NOT NULL DEFAULT true,
      search_text text NOT NULL,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX person_email_idx ON person (lower(email));
    CREATE INDEX person_organization_idx ON person (organization_id);

    CREATE TABLE role_assignment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      person_id uuid NOT NULL REFERENCES person(id),
      role text NOT NULL,
      organization_id uuid NOT NULL REFERENCES organization(id),
      granted_by uuid REFERENCES person(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (person_id, role, organization_id)
    );

    CREATE TABLE session (
      token_hash text PRIMARY KEY,
      person_id uuid NOT NULL REFERENCES person(id),
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    );
    CREATE INDEX session_person_idx ON session (person_id);

    CREATE TABLE api_token (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      person_id uuid NOT NULL REFERENCES person(id),
      name text NOT NULL,
      prefix text NOT NULL,
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      last_used_at timestamptz,
      revoked_at timestamptz
    );

    CREATE TABLE sign_in_attempt (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL,
      ip text NOT NULL,
      succeeded boolean NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX sign_in_attempt_email_idx ON sign_in_attempt (email, at);
    CREATE INDEX sign_in_attempt_ip_idx ON sign_in_attempt (ip, at);

    CREATE TABLE audit_log (
      seq bigint PRIMARY KEY,
      at timestamptz NOT NULL,
      actor_id uuid,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text NOT NULL,
      scope_path text,
      before jsonb,
      after jsonb,
      prev_hash text NOT NULL,
      hash text NOT NULL
    );
    CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, seq);
    CREATE INDEX audit_log_scope_idx ON audit_log (scope_path text_pattern_ops);

    -- The newest entry's seq and hash, kept beside the chain: deleting the newest entries
    -- leaves the chain consistent but no longer reaching this head.
    CREATE TABLE audit_head (
      id integer PRIMARY KEY CHECK (id = 1),
      seq bigint NOT NULL,
      hash text NOT NULL
    );
`;

export const up = (db: Kysely<unknown>): Promise<void> => runStatements(db, STATEMENTS);
