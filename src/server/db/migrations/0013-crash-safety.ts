import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * What a crash (kill -9, power cut) must not leave behind (decision 0019):
 * - an import job is leased: `lease_until` is pushed forward while its worker lives, and a running
 *   job whose lease ran out belonged to a process that died. Jobs running now get a lease from
 *   their last heartbeat, as the 60 s rule that came before.
 * - an Idempotency-Key expires: a claim (status 0) that outlived `expires_at` was abandoned and can
 *   be claimed again; a stored answer is kept until its own `expires_at`, then purged.
 *   `claim_token` names the request that holds the claim, so that a late first request never
 *   completes or releases a claim taken over by a retry.
 * - the demo seed marks its start and, in a transaction of its own, its end: a start that finds
 *   the first mark without the second redoes the demo.
 */
const STATEMENTS = `
  ALTER TABLE import_job ADD COLUMN lease_until timestamptz;
  UPDATE import_job SET lease_until = coalesce(heartbeat_at, started_at, now()) + interval '60 seconds'
    WHERE state = 'running';
  ALTER TABLE idempotency_key ADD COLUMN expires_at timestamptz;
  ALTER TABLE idempotency_key ADD COLUMN claim_token uuid;
  UPDATE idempotency_key
    SET expires_at = created_at + CASE WHEN status_code = 0 THEN interval '5 minutes' ELSE interval '24 hours' END;
  ALTER TABLE idempotency_key ALTER COLUMN expires_at SET NOT NULL;
  CREATE INDEX idempotency_key_expires_idx ON idempotency_key (expires_at);
  CREATE TABLE demo_seed (
    id integer PRIMARY KEY CHECK (id = 1),
    started_at timestamptz NOT NULL DEFAULT now(),
    completed_at timestamptz
  )
`;

export const up = (db: Kysely<unknown>): Promise<void> => runStatements(db, STATEMENTS);
