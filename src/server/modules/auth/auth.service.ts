import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import type { Role } from '../../../shared/domain/roles.ts';
import type { Session, SignIn } from '../../../shared/schemas/auth.ts';
import { AppError, notFound } from '../../errors.ts';
import * as audit from '../audit/audit.service.ts';
import * as people from '../people/people.repository.ts';
import { toRoleAssignment } from '../people/people.service.ts';
import * as repository from './auth.repository.ts';
import { decoyPasswordHash, verifyPassword } from '../people/passwords.ts';
import type { Principal } from '../../kernel/principal.ts';
import { reserveSignInAttempt, settleSuccess } from './sign-in-throttle.ts';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const randomToken = () => randomBytes(32).toString('base64url');
export const API_TOKEN_PREFIX = 'sbt_';

/** A person's principal, as a request of theirs would carry it (the seed acts as demo accounts). */
export async function loadPrincipal(
  db: Db,
  personId: string,
  organizationId: string,
  via: Principal['via'],
): Promise<Principal> {
  const grants = await repository.grantsOf(db, personId);
  return { personId, organizationId, via, grants: grants.map((g) => ({ role: g.role as Role, scopePath: g.path })) };
}

export async function signIn(
  db: Db,
  credentials: SignIn,
  ip: string,
  sessionTtlHours: number,
): Promise<{ cookieToken: string; session: Session }> {
  const email = credentials.email.toLowerCase();
  const now = new Date();
  // Counted before the password is checked: see reserveSignInAttempt.
  const reservation = await reserveSignInAttempt(db, email, ip, now);
  const person = await people.findCredentialsByEmail(db, email);
  const passwordOk = await verifyPassword(person?.password_hash ?? (await decoyPasswordHash()), credentials.password);
  if (!person || !passwordOk) throw new AppError('invalid_credentials', 'Wrong e-mail or password');
  await settleSuccess(db, reservation, now);
  if (!person.is_active) throw new AppError('account_disabled', 'This account is disabled');

  const cookieToken = randomToken();
  const csrfToken = randomToken();
  await db.transaction().execute(async (tx) => {
    await repository.insertSession(tx, {
      token_hash: sha256(cookieToken),
      person_id: person.id,
      csrf_token: csrfToken,
      expires_at: new Date(Date.now() + sessionTtlHours * 3_600_000),
    });
    const principal = await loadPrincipal(tx, person.id, '', 'session');
    await audit.record(tx, principal, [
      { action: 'auth.signed_in', entityType: 'person', entityId: person.id, scopePath: null, after: { ip } },
    ]);
  });
  return { cookieToken, session: await describeSession(db, person.id, csrfToken) };
}

export async function describeSession(db: Db, personId: string, csrfToken: string): Promise<Session> {
  const person = await people.findById(db, personId);
  if (!person) throw notFound('person', personId);
  const roles = await people.rolesOf(db, [personId]);
  return {
    person: {
      id: person.id,
      email: person.email,
      fullName: person.full_name,
      locale: person.locale,
      organizationId: person.organization_id,
    },
    roles: roles.map(toRoleAssignment),
    csrfToken,
  };
}

export async function signOut(db: Db, cookieToken: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const removed = await repository.deleteSession(tx, sha256(cookieToken));
    if (!removed) return;
    const principal = await loadPrincipal(tx, removed.person_id, '', 'session');
    await audit.record(tx, principal, [
      { action: 'auth.signed_out', entityType: 'person', entityId: removed.person_id, scopePath: null },
    ]);
  });
}

export async function principalFromSession(
  db: Db,
  cookieToken: string,
): Promise<{ principal: Principal; csrfToken: string } | undefined> {
  const rows = await repository.findSessionWithGrants(db, sha256(cookieToken));
  const session = rows[0];
  if (!session) return undefined;
  const grants = rows.flatMap((row) => (row.role && row.path ? [{ role: row.role as Role, scopePath: row.path }] : []));
  return {
    principal: { personId: session.person_id, organizationId: session.organization_id, via: 'session', grants },
    csrfToken: session.csrf_token,
  };
}

export async function principalFromApiToken(db: Db, bearer: string): Promise<Principal | undefined> {
  if (!bearer.startsWith(API_TOKEN_PREFIX)) return undefined;
  const token = await repository.findApiToken(db, sha256(bearer));
  if (!token) return undefined;
  // Recording every use would turn each read into a write; a minute's precision is enough.
  if (!token.last_used_at || Date.now() - token.last_used_at.getTime() > 60_000) {
    await repository.touchApiToken(db, token.id);
  }
  return { ...(await loadPrincipal(db, token.person_id, token.organization_id, 'token')), tokenId: token.id };
}
