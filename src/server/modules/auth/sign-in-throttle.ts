import type { Db } from '../../db/database.ts';
import {
  KNOWN_ADDRESS_DAYS,
  SIGN_IN_LIMITS,
  type SignInBucketKind,
  signInAddressKey,
} from '../../../shared/domain/sign-in-policy.ts';
import { AppError } from '../../errors.ts';
import * as repository from './auth.repository.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const LONGEST_WINDOW_MS = Math.max(...Object.values(SIGN_IN_LIMITS).map((limit) => limit.windowMinutes)) * MINUTE_MS;

interface Bucket {
  kind: SignInBucketKind;
  key: string;
}

/** The buckets an attempt holds a failure in until its password has been checked. */
export interface Reservation {
  buckets: Bucket[];
}

/**
 * Reserves a failure in each of the attempt's buckets before its password is checked (decision
 * 0016): concurrent guesses each take a place, so no more than a limit's worth are ever checked.
 * All or none: when a bucket is full, the transaction rolls back the others' reservations (a
 * refused attempt counts nowhere, so retrying faster gains nothing and extends nothing) and the
 * attempt is refused with the minutes until the last full bucket's window closes.
 */
export async function reserveSignInAttempt(db: Db, email: string, ip: string, now: Date): Promise<Reservation> {
  const address = signInAddressKey(ip);
  const pair = `account-from-address:${email} ${address}`;
  const reservation = await db.transaction().execute(async (tx) => {
    const succeededAt = (await repository.findThrottle(tx, pair))?.succeeded_at;
    const known = !!succeededAt && succeededAt.getTime() > now.getTime() - KNOWN_ADDRESS_DAYS * DAY_MS;
    const buckets: Bucket[] = [
      { kind: 'accountFromAddress', key: pair },
      { kind: 'address', key: `address:${address}` },
      ...(known ? [] : [{ kind: 'account' as const, key: `account:${email}` }]),
    ];
    // Always in this order, so that two attempts never wait on each other's rows in a cycle.
    let full = false;
    let waitMs = 0;
    for (const bucket of buckets) {
      const limit = SIGN_IN_LIMITS[bucket.kind];
      const windowMs = limit.windowMinutes * MINUTE_MS;
      const windowEndedBy = new Date(now.getTime() - windowMs);
      if (await repository.reserveFailure(tx, bucket.key, limit.maxFailures, windowEndedBy, now)) continue;
      full = true;
      const windowStart = (await repository.findThrottle(tx, bucket.key))?.window_start ?? now;
      waitMs = Math.max(waitMs, windowStart.getTime() + windowMs - now.getTime());
    }
    if (full) {
      throw new AppError('too_many_attempts', 'Too many failed sign-ins; try again later', {
        minutes: Math.max(1, Math.ceil(waitMs / MINUTE_MS)),
      });
    }
    return { buckets };
  });
  // About once in a hundred attempts, ended windows go: no job needed.
  if (Math.random() < 0.01) {
    await repository.pruneThrottle(
      db,
      new Date(now.getTime() - LONGEST_WINDOW_MS),
      new Date(now.getTime() - KNOWN_ADDRESS_DAYS * DAY_MS),
    );
  }
  return reservation;
}

/**
 * The password was right: the reservations are given back, and the account-and-address bucket is
 * cleared and marks the address as one the account signs in from. A wrong password leaves them as
 * they are: they were its failure.
 */
export async function settleSuccess(db: Db, reservation: Reservation, now: Date): Promise<void> {
  const [pair, ...others] = reservation.buckets;
  if (pair) await repository.recordSuccess(db, pair.key, now);
  await repository.releaseFailures(
    db,
    others.map((bucket) => bucket.key),
  );
}
