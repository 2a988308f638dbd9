import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ListAuditQuery } from '../../../shared/schemas/audit.ts';

/** Serializes appends: the chain is only linear if one writer at a time reads the head. */
export const AUDIT_LOCK_KEY = 5_700_001;

export interface AuditRow {
  seq: number;
  at: Date;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  scope_path: string | null;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}

/**
 * Takes the append lock, then reads the head, in two statements: under READ COMMITTED a statement
 * sees the data as of its start, so a head read in the statement that waited for the lock would be
 * the head from before the previous writer committed, and two writers would append the same seq.
 */
export async function lockAndReadHead(tx: Db): Promise<{ seq: number; hash: string } | undefined> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(tx);
  return tx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
}

export async function insertEntries(tx: Db, rows: AuditRow[]): Promise<void> {
  const values = rows.map((row) => ({
    ...row,
    before: row.before === null ? null : JSON.stringify(row.before),
    after: row.after === null ? null : JSON.stringify(row.after),
  }));
  const last = rows.at(-1);
  if (!last) return;
  // Chunked: one statement's parameters are capped at 65,535. The last chunk moves the head in the
  // same statement, saving a round trip on every write.
  for (let start = 0; start < values.length; start += 1000) {
    const chunk = values.slice(start, start + 1000);
    if (start + 1000 < values.length) {
      await tx.insertInto('audit_log').values(chunk).execute();
      continue;
    }
    await tx
      .with('appended', (db) => db.insertInto('audit_log').values(chunk))
      .insertInto('audit_head')
      .values({ id: 1, seq: last.seq, hash: last.hash })
      .onConflict((conflict) => conflict.column('id').doUpdateSet({ seq: last.seq, hash: last.hash }))
      .execute();
  }
}

export async function readHead(db: Db) {
  return db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
}

/** Entries in chain order, a page at a time, so verifying a long trail needs little memory. */
export async function* readChain(db: Db, pageSize = 5000): AsyncGenerator<AuditRow> {
  let after = 0;
  for (;;) {
    const page = (await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(pageSize)
      .execute()) as AuditRow[];
    yield* page;
    const last = page.at(-1);
    if (!last || page.length < pageSize) return;
    after = last.seq;
  }
}

export async function listEntries(db: Db, query: ListAuditQuery, scopes: string[] | 'everywhere', beforeSeq?: number) {
  let select = db
    .selectFrom('audit_log')
    .leftJoin('person', 'person.id', 'audit_log.actor_id')
    .select([
      'audit_log.seq',
      'audit_log.at',
      'audit_log.actor_id',
      'person.full_name as actor_name',
      'audit_log.action',
      'audit_log.entity_type',
      'audit_log.entity_id',
      'audit_log.before',
      'audit_log.after',
      'audit_log.hash',
    ])
    .orderBy('audit_log.seq', 'desc')
    .limit(query.limit + 1);
  if (scopes !== 'everywhere') {
    if (scopes.length === 0) return [];
    select = select.where((eb) => eb.or(scopes.map((scope) => eb('audit_log.scope_path', 'like', `${scope}%`))));
  }
  if (beforeSeq !== undefined) select = select.where('audit_log.seq', '<', beforeSeq);
  if (query.entityType) select = select.where('audit_log.entity_type', '=', query.entityType);
  if (query.entityId) select = select.where('audit_log.entity_id', '=', query.entityId);
  if (query.actorId) select = select.where('audit_log.actor_id', '=', query.actorId);
  if (query.action) select = select.where('audit_log.action', '=', query.action);
  return select.execute();
}
