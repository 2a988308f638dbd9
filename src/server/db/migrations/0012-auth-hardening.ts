import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * Sign-in throttling and token lineage (decision 0016).
 *
 * `sign_in_throttle` holds one counter per bucket (an account from one address, an address, an
 * account from anywhere): an attempt reserves a failure in its buckets with one atomic upsert
 * each, before the password is checked, so that concurrent guesses cannot pass a limit; a
 * success gives the reservation back. It replaces `sign_in_attempt`, whose count-then-insert let
 * 40 concurrent guesses all through. `succeeded_at` marks the addresses an account has signed in
 * from: they keep signing in while strangers exhaust the account's ceiling.
 *
 * `api_token.parent_id` is the token that created this one: a token works only while every token
 * above it works.
 */
const STATEMENTS = `
  CREATE TABLE sign_in_throttle (
    bucket text PRIMARY KEY,
    window_start timestamptz NOT NULL,
    failures integer NOT NULL,
    succeeded_at timestamptz
  );
  DROP TABLE sign_in_attempt;
  ALTER TABLE api_token ADD COLUMN parent_id uuid REFERENCES api_token(id);
  CREATE INDEX api_token_parent_idx ON api_token (parent_id) WHERE parent_id IS NOT NULL
`;

export const up = (db: Kysely<unknown>): Promise<void> => runStatements(db, STATEMENTS);
