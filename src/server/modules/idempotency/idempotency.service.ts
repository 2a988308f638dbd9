import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { canonicalJson } from '../audit/audit-hash.ts';
import * as repository from './idempotency.repository.ts';

/**
 * Runs a create at most once per (person, Idempotency-Key). The key is claimed first, in its own
 * statement, so that of two concurrent retries one runs and the other is told to retry; a later
 * retry gets the stored response. A failed create releases the key so the client may try again.
 */
export async function once<T>(
  db: Db,
  personId: string,
  key: string | undefined,
  request: unknown,
  run: () => Promise<T>,
): Promise<{ replayed: boolean; value: T }> {
  if (!key) return { replayed: false, value: await run() };
  const requestHash = createHash('sha256').update(canonicalJson(request)).digest('hex');
  if (!(await repository.claim(db, personId, key, requestHash))) {
    const stored = await repository.find(db, personId, key);
    if (stored?.request_hash !== requestHash) {
      throw new AppError('idempotency_mismatch', 'This Idempotency-Key was used for another request');
    }
    if (stored.status_code === 0)
      throw new AppError('conflict', 'The first request with this key is still running', {});
    return { replayed: true, value: stored.response as T };
  }
  try {
    const value = await run();
    await repository.complete(db, personId, key, 201, value);
    return { replayed: false, value };
  } catch (error) {
    await repository.release(db, personId, key);
    throw error;
  }
}
