import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { canonicalJson } from '../audit/audit-hash.ts';
import * as repository from './idempotency.repository.ts';

/**
 * How long a claim holds its key: far longer than any create takes. A claim older than that was
 * left by a request that died (its process killed between claim and completion), and the key can
 * be claimed again.
 */
export const CLAIM_SECONDS = 5 * 60;
/** How long an answer is kept for retries, after which the key is purged and free again. */
export const KEEP_SECONDS = 24 * 60 * 60;
/** What a retry of a request still in flight is told to wait. */
export const IN_FLIGHT_RETRY_SECONDS = 2;
/** Expired keys are purged at most this often per process, by a request that passes. */
const PURGE_EVERY_MS = 60_000;
let nextPurge = 0;

/** The key is held by a request still running: 409, with Retry-After. */
export const inFlight = () =>
  new AppError('idempotency_in_flight', 'The first request with this Idempotency-Key is still running', {
    retryAfterSeconds: IN_FLIGHT_RETRY_SECONDS,
  });

/**
 * Runs a create at most once per (person, Idempotency-Key) while the key lasts. The key is
 * claimed first, in its own statement, so that of two concurrent retries one runs and the other is
 * told to retry (409, Retry-After); a later retry gets the stored response. A failed create
 * releases the key so the client may try again. Claims and answers expire (decision 0019).
 */
export async function once<T>(
  db: Db,
  personId: string,
  key: string | undefined,
  request: unknown,
  run: () => Promise<T>,
): Promise<{ replayed: boolean; value: T }> {
  if (!key) return { replayed: false, value: await run() };
  await purgeNowAndThen(db);
  const requestHash = createHash('sha256').update(canonicalJson(request)).digest('hex');
  for (let attempt = 0; ; attempt += 1) {
    const token = await repository.claim(db, personId, key, requestHash, CLAIM_SECONDS);
    if (token) return { replayed: false, value: await runClaimed(db, personId, key, token, run) };
    const stored = await repository.find(db, personId, key);
    if (!stored) {
      // Held a moment ago, gone now: its request failed and gave the key up. Claim it again.
      if (attempt < 3) continue;
      throw inFlight();
    }
    if (stored.request_hash !== requestHash) {
      throw new AppError('idempotency_mismatch', 'This Idempotency-Key was used for another request');
    }
    if (stored.status_code === 0) throw inFlight();
    return { replayed: true, value: stored.response as T };
  }
}

async function runClaimed<T>(db: Db, personId: string, key: string, token: string, run: () => Promise<T>) {
  try {
    const value = await run();
    await repository.complete(db, personId, key, token, {
      statusCode: 201,
      response: value,
      keepSeconds: KEEP_SECONDS,
    });
    return value;
  } catch (error) {
    await repository.release(db, personId, key, token);
    throw error;
  }
}

async function purgeNowAndThen(db: Db): Promise<void> {
  if (Date.now() < nextPurge) return;
  nextPurge = Date.now() + PURGE_EVERY_MS;
  await repository.purgeExpired(db);
}
