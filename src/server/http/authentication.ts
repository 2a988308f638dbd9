import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { principalFromApiToken, principalFromSession } from '../modules/auth/auth.service.ts';
import type { Principal } from '../kernel/principal.ts';

export const SESSION_COOKIE = 'sb_session';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | undefined;
    csrfToken: string | undefined;
    sessionToken: string | undefined;
  }
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Resolves who is calling, from a bearer token (integrators) or the session cookie (web app).
 * A cookie-authenticated unsafe request must carry the session's CSRF token in X-CSRF-Token:
 * a cross-site form can send the cookie but cannot read the token.
 */
export function registerAuthentication(app: FastifyInstance, db: Db): void {
  app.decorateRequest('principal', undefined);
  app.decorateRequest('csrfToken', undefined);
  app.decorateRequest('sessionToken', undefined);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (!request.url.startsWith('/api/')) return;
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      const principal = await principalFromApiToken(db, authorization.slice('Bearer '.length).trim());
      if (!principal) throw new AppError('unauthenticated', 'Invalid or expired API token');
      request.principal = principal;
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const resolved = await principalFromSession(db, cookie);
    if (!resolved) return;
    request.sessionToken = cookie;
    request.csrfToken = resolved.csrfToken;
    request.principal = resolved.principal;
    if (UNSAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameSecret(sent, resolved.csrfToken)) {
        throw new AppError('csrf', 'Missing or wrong X-CSRF-Token header');
      }
    }
  });
}

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('unauthenticated', 'Sign in or send a bearer token');
  return request.principal;
}

export function setSessionCookie(reply: FastifyReply, token: string, ttlHours: number, secure: boolean): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: ttlHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
