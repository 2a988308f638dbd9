import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { AppError, notFound } from '../../errors.ts';
import * as audit from '../audit/audit.service.ts';
import { API_TOKEN_PREFIX } from './auth.service.ts';
import * as repository from './auth.repository.ts';
import type { Principal } from '../../kernel/principal.ts';

type TokenRow = Awaited<ReturnType<typeof repository.listApiTokens>>[number];

const toApiToken = (row: TokenRow) => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.created_at.toISOString(),
  expiresAt: row.expires_at.toISOString(),
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
});

const DAY_MS = 86_400_000;

/**
 * When a token made with a token expires (decision 0016): no later than its parent. Asking for more
 * days than the parent has left is refused, naming the most it may have; within the parent's last,
 * partial day, the new token expires with the parent, since days are the unit asked in. The parent
 * is locked meanwhile: revoked since the request was authenticated, it makes nothing.
 */
async function expiryOf(tx: Db, principal: Principal, expiresInDays: number, now: Date): Promise<Date> {
  const asked = new Date(now.getTime() + expiresInDays * DAY_MS);
  if (!principal.tokenId) return asked;
  const parent = await repository.lockApiToken(tx, principal.tokenId);
  if (!parent || parent.revoked_at || parent.expires_at <= now) {
    throw new AppError('unauthenticated', 'Invalid or expired API token');
  }
  if (asked <= parent.expires_at) return asked;
  const daysLeft = Math.ceil((parent.expires_at.getTime() - now.getTime()) / DAY_MS);
  if (expiresInDays <= daysLeft) return parent.expires_at;
  throw new AppError(
    'validation',
    `A token made with a token cannot outlive it: ${daysLeft} days at most`,
    { maxDays: daysLeft, parentExpiresAt: parent.expires_at.toISOString() },
    [{ path: 'expiresInDays', message: 'error.token_outlives_parent' }],
  );
}

/**
 * A person's tokens act with that person's roles; the secret is shown once and stored hashed. A
 * token made with a token records it as its parent, and lives no longer than it.
 */
export async function createApiToken(db: Db, principal: Principal, input: { name: string; expiresInDays: number }) {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return db.transaction().execute(async (tx) => {
    const row = await repository.insertApiToken(tx, {
      person_id: principal.personId,
      name: input.name,
      prefix: token.slice(0, 10),
      token_hash: createHash('sha256').update(token).digest('hex'),
      expires_at: await expiryOf(tx, principal, input.expiresInDays, new Date()),
      parent_id: principal.tokenId ?? null,
    });
    await audit.record(tx, principal, [
      {
        action: 'api_token.created',
        entityType: 'api_token',
        entityId: row.id,
        scopePath: null,
        after: { name: row.name, prefix: row.prefix, expiresAt: row.expires_at, parentId: row.parent_id },
      },
    ]);
    return { ...toApiToken(row), token };
  });
}

export async function listApiTokens(db: Db, principal: Principal) {
  return (await repository.listApiTokens(db, principal.personId)).map(toApiToken);
}

export async function revokeApiToken(db: Db, principal: Principal, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const revoked = await repository.revokeApiToken(tx, principal.personId, id);
    if (!revoked) throw notFound('API token', id);
    // Authentication refuses them anyway (it reads the chain); revoked here too, lists and audit say so.
    const below = await repository.revokeDescendants(tx, id);
    await audit.record(tx, principal, [
      { action: 'api_token.revoked', entityType: 'api_token', entityId: id, scopePath: null },
      ...below.map((childId) => ({
        action: 'api_token.revoked',
        entityType: 'api_token',
        entityId: childId,
        scopePath: null,
        after: { withAncestor: id },
      })),
    ]);
  });
}
