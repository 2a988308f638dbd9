import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * Open311 lets a client submit with neither name nor contact (decision 0027): such an item has no
 * phone and no e-mail, which is how it is known to have no contact, so the check that required one
 * goes (PostgreSQL named it `feedback_item_check`, the table's first unnamed multi-column check).
 * A media link given by an Open311 client is kept as it came, to be returned as `media_url`.
 */
const STATEMENTS = `
  ALTER TABLE feedback_item DROP CONSTRAINT feedback_item_check;
  ALTER TABLE feedback_item ADD COLUMN media_url text
`;

export const up = (db: Kysely<unknown>): Promise<void> => runStatements(db, STATEMENTS);
