import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import * as audit from '../audit/audit.service.ts';
import { API_TOKEN_PREFIX } from './auth.service.ts';
import * as repository from './auth.repository.ts';
import type { Principal } from './principal.ts';

type TokenRow = Awaited<ReturnType<typeof repository.listApiTokens>>[number];

const toApiToken = (row: TokenRow) => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.created_at.toISOString(),
  expiresAt: row.expires_at.toISOString(),
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
});

/** A person's tokens act with that person's roles; the secret is shown once and stored hashed. */
export async function createApiToken(db: Db, principal: Principal, input: { name: string; expiresInDays: number }) {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return db.transaction().execute(async (tx) => {
    const row = await repository.insertApiToken(tx, {
      person_id: principal.personId,
      name: input.name,
      prefix: token.slice(0, 10),
      token_hash: createHash('sha256').update(token).digest('hex'),
      expires_at: new Date(Date.now() + input.expiresInDays * 86_400_000),
    });
    await audit.record(tx, principal, [
      {
        action: 'api_token.created',
        entityType: 'api_token',
        entityId: row.id,
        scopePath: null,
        after: { name: row.name, prefix: row.prefix, expiresAt: row.expires_at },
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
    await audit.record(tx, principal, [
      { action: 'api_token.revoked', entityType: 'api_token', entityId: id, scopePath: null },
    ]);
  });
}
