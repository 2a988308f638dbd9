import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

/** ETag is the record's version: `"3"`. */
export function setVersionTag(reply: FastifyReply, version: number): void {
  void reply.header('etag', `"${version}"`);
}

/** Versions are PostgreSQL integers: an ETag beyond them names no version, and is refused before SQL sees it. */
const HIGHEST_VERSION = 2 ** 31 - 1;

/** The version the client edited, from If-Match; updates without one are refused (428). */
export function requireIfMatch(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (!header) throw new AppError('precondition_required', 'Send If-Match with the ETag you read');
  const version = Number(header.replace(/^W\//, '').replaceAll('"', ''));
  if (!Number.isInteger(version) || version < 1 || version > HIGHEST_VERSION) {
    throw new AppError('validation', 'If-Match must be an ETag such as "3"', {}, [
      { path: 'headers.if-match', message: 'error.etag_expected' },
    ]);
  }
  return version;
}

/** If-Match when the client sent one: actions that record events check it only if given. */
export function optionalIfMatch(request: FastifyRequest): number | undefined {
  return request.headers['if-match'] ? requireIfMatch(request) : undefined;
}
