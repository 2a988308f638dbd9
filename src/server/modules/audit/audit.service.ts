import type { Db } from '../../db/database.ts';
import { scopesFor } from '../../../shared/domain/roles.ts';
import type { AuditEntry, AuditVerification, ListAuditQuery } from '../../../shared/schemas/audit.ts';
import { AppError } from '../../errors.ts';
import { type Principal, actorIdOf } from '../../kernel/principal.ts';
import { GENESIS_HASH, hashEntry, toJsonValue } from './audit-hash.ts';
import * as repository from './audit.repository.ts';

export interface AuditEvent {
  action: string;
  entityType: string;
  entityId: string;
  scopePath: string | null;
  before?: unknown;
  after?: unknown;
}

/** An entry waiting for its place in the chain: who recorded it and what. */
interface PendingEntry {
  actorId: string | null;
  event: AuditEvent;
}

/**
 * Appends entries to the hash chain inside the caller's transaction, so that an entry exists
 * exactly when the change it describes was committed. In a transaction that defers its appends
 * (deferAppends), the entries wait for its flush instead.
 */
export async function record(tx: Db, principal: Principal, events: AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  const actorId = actorIdOf(principal);
  const entries = events.map((event) => ({ actorId, event }));
  const pending = deferred.get(tx);
  if (pending) pending.push(...entries);
  else await append(tx, entries);
}

/** Takes the append lock, links the entries after the head and writes them: one lock, one insert. */
async function append(tx: Db, entries: PendingEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const head = await repository.lockAndReadHead(tx);
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  const at = new Date().toISOString();
  const rows = entries.map(({ actorId, event }) => {
    seq += 1;
    const fields = {
      seq,
      at,
      actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      scopePath: event.scopePath,
      before: toJsonValue(event.before),
      after: toJsonValue(event.after),
      prevHash,
    };
    const hash = hashEntry(fields);
    prevHash = hash;
    return {
      seq,
      at: new Date(at),
      actor_id: actorId,
      action: fields.action,
      entity_type: fields.entityType,
      entity_id: fields.entityId,
      scope_path: fields.scopePath,
      before: fields.before,
      after: fields.after,
      prev_hash: fields.prevHash,
      hash,
    };
  });
  await repository.insertEntries(tx, rows);
}

/** The entries held back, by the transaction (or savepoint of it) they were recorded through. */
const deferred = new WeakMap<Db, PendingEntry[]>();

export interface DeferredAppends {
  /**
   * Entries recorded through this savepoint of the transaction are held too; rolling the savepoint
   * back drops them with its writes. Call release or rollback as the savepoint ends.
   */
  savepoint(savepoint: Db): { release(): void; rollback(): void };
  /** Appends what is held, in the order recorded, under one lock: call it just before commit. */
  flush(): Promise<void>;
}

/**
 * Holds back the entries recorded through `tx` until `flush`, so that a transaction made of many
 * service calls (a spreadsheet import, decision 0010) takes the append lock once, at its end,
 * rather than from its first write to its commit while every other writer waits. The entries are
 * those the calls record, unchanged; they take their place in the chain, and their time, when
 * flushed. A transaction rolled back just drops them. Committing without flushing would lose them:
 * the caller flushes right before its commit.
 */
export function deferAppends(tx: Db): DeferredAppends {
  const pending: PendingEntry[] = [];
  deferred.set(tx, pending);
  return {
    savepoint(savepoint) {
      const mark = pending.length;
      deferred.set(savepoint, pending);
      return {
        release: () => void deferred.delete(savepoint),
        rollback() {
          deferred.delete(savepoint);
          pending.length = mark;
        },
      };
    },
    async flush() {
      deferred.delete(tx);
      await append(tx, pending.splice(0));
    },
  };
}

/** Recomputes every hash and link: an edited, inserted or deleted entry breaks the chain. */
export async function verify(db: Db): Promise<AuditVerification> {
  const problems: AuditVerification['problems'] = [];
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for await (const row of repository.readChain(db)) {
    checked += 1;
    if (row.seq !== expectedSeq)
      problems.push({ seq: row.seq, problem: `expected entry ${expectedSeq}: entries are missing` });
    if (row.prev_hash !== prevHash) problems.push({ seq: row.seq, problem: 'does not link to the entry before it' });
    const recomputed = hashEntry({
      seq: row.seq,
      at: row.at.toISOString(),
      actorId: row.actor_id,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      scopePath: row.scope_path,
      before: row.before,
      after: row.after,
      prevHash: row.prev_hash,
    });
    if (recomputed !== row.hash) problems.push({ seq: row.seq, problem: 'content was altered after it was written' });
    expectedSeq = row.seq + 1;
    prevHash = row.hash;
  }
  const head = await repository.readHead(db);
  if (head && (head.seq !== expectedSeq - 1 || head.hash !== prevHash)) {
    problems.push({ seq: head.seq, problem: `the trail ends at entry ${expectedSeq - 1}: later entries were deleted` });
  }
  return { ok: problems.length === 0, checked, problems };
}

export async function list(
  db: Db,
  principal: Principal,
  query: ListAuditQuery,
): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  const scopes = scopesFor(principal.grants, 'audit.read');
  if (scopes !== 'everywhere' && scopes.length === 0)
    throw new AppError('forbidden', 'Not allowed to read the audit trail');
  const beforeSeq = query.cursor === undefined ? undefined : Number(query.cursor);
  if (beforeSeq !== undefined && !Number.isSafeInteger(beforeSeq)) {
    throw new AppError('validation', 'Invalid cursor', {}, [{ path: 'cursor', message: 'Invalid cursor' }]);
  }
  const rows = await repository.listEntries(db, query, scopes, beforeSeq);
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((row) => ({
      seq: row.seq,
      at: row.at.toISOString(),
      actorId: row.actor_id,
      actorName: row.actor_name,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      before: row.before,
      after: row.after,
      hash: row.hash,
    })),
    nextCursor: rows.length > query.limit ? String(page.at(-1)?.seq) : null,
  };
}

/** Admins and inspectors may check the chain; it reveals no content. */
export function requireVerifier(principal: Principal): void {
  const scopes = scopesFor(principal.grants, 'audit.read');
  if (scopes !== 'everywhere' && scopes.length === 0) {
    throw new AppError('forbidden', 'Not allowed to verify the audit trail');
  }
}
