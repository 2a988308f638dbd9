import { createHmac } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import type { SubmissionLimits } from '../../../shared/domain/feedback.ts';
import { AppError } from '../../errors.ts';
import * as repository from './feedback.repository.ts';

const HOUR_MS = 3_600_000;
const keys = new WeakMap<Db, Promise<string>>();

/**
 * A keyed hash (HMAC with a random key made by migration 0006): counters and the audit trail can
 * tell two submissions from one address apart without holding the address, and nobody without the
 * key can test a guessed address against them.
 */
export async function keyedHash(db: Db, value: string): Promise<string> {
  let key = keys.get(db);
  if (!key) {
    key = repository.hashKey(db);
    keys.set(db, key);
    key.catch(() => keys.delete(db));
  }
  return createHmac('sha256', await key)
    .update(value)
    .digest('base64url');
}

/**
 * Counts one submission for the client address and for the contact, in hourly windows kept in the
 * database so that every app process agrees; past a limit, 429 with the minutes until the window
 * ends (rendered as Retry-After). A refused attempt counts too: retrying faster gains nothing.
 * An address already counted for this attempt (addressCounted: see admitAddress) is not counted twice.
 */
export async function enforceSubmissionLimits(
  db: Db,
  subjects: { addressHash: string; contactHash: string | undefined; addressCounted?: boolean },
  limits: SubmissionLimits,
  now: Date,
): Promise<void> {
  if (!subjects.addressCounted)
    await countAttempt(db, `address:${subjects.addressHash}`, limits.perAddressPerHour, now);
  if (subjects.contactHash !== undefined) {
    await countAttempt(db, `contact:${subjects.contactHash}`, limits.perContactPerHour, now);
  }
}

/**
 * Counts an attempt from the client address alone, for requests that must be refused before their
 * body is read (the form with attachments: up to 50 MiB each); returns the address's keyed hash.
 * Counting (rather than only looking) is what bounds concurrent attempts: of twenty sent at once by
 * an address with one submission left, one reads its body.
 */
export async function admitAddress(db: Db, address: string, limits: SubmissionLimits, now: Date): Promise<string> {
  const addressHash = await keyedHash(db, `address:${address}`);
  await countAttempt(db, `address:${addressHash}`, limits.perAddressPerHour, now);
  return addressHash;
}

async function countAttempt(db: Db, subject: string, limit: number, now: Date): Promise<void> {
  const windowStart = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
  const count = await repository.countSubmission(db, subject, windowStart);
  // About once in a hundred submissions, last hour's counters go: no job needed.
  if (Math.random() < 0.01) await repository.dropCountersBefore(db, new Date(windowStart.getTime() - HOUR_MS));
  if (count > limit) {
    const minutes = Math.max(1, Math.ceil((windowStart.getTime() + HOUR_MS - now.getTime()) / 60_000));
    throw new AppError('rate_limited', 'Too many submissions from this address or for this contact', { minutes });
  }
}
