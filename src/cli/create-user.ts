import { z } from 'zod';
import type { Db } from '../server/db/database.ts';
import { AppError } from '../server/errors.ts';
import { SYSTEM } from '../server/kernel/principal.ts';
import { getOrganization } from '../server/modules/organizations/organizations.service.ts';
import { createPerson, grantRole } from '../server/modules/people/people.service.ts';
import { ROLES } from '../shared/domain/roles.ts';
import { CreatePersonSchema } from '../shared/schemas/people.ts';

async function readPassword(): Promise<string> {
  if (process.env.STEERBOARD_PASSWORD) return process.env.STEERBOARD_PASSWORD;
  if (process.stdin.isTTY)
    throw new AppError('validation', 'Set STEERBOARD_PASSWORD or pipe the password on standard input');
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  return input.trim();
}

/** The same validation and services as the API, acting as the system. */
export async function createUser(
  db: Db,
  options: { email: string; name: string; org: string; role: string; scope?: string },
) {
  const role = z.enum(ROLES).safeParse(options.role);
  if (!role.success) throw new AppError('validation', `Unknown role ${options.role}; one of ${ROLES.join(', ')}`);
  const organization = await getOrganization(db, options.org);
  const scope = await getOrganization(db, options.scope ?? options.org);
  const input = CreatePersonSchema.safeParse({
    email: options.email,
    fullName: options.name,
    organizationId: organization.id,
    password: await readPassword(),
  });
  if (!input.success) {
    throw new AppError(
      'validation',
      'Invalid user',
      {},
      input.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  }
  const person = await createPerson(db, SYSTEM, input.data);
  return grantRole(db, SYSTEM, person.id, { role: role.data, organizationId: scope.id });
}
