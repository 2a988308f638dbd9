import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';
import type { Role } from '../../shared/domain/roles.ts';
import type { Organization } from '../../shared/schemas/organizations.ts';
import { SYSTEM } from '../modules/auth/principal.ts';
import { findByIdOrCode } from '../modules/organizations/organizations.repository.ts';
import { createPerson, grantRole } from '../modules/people/people.service.ts';
import { seedCascades } from './cascades.seed.ts';
import { seedFeedback } from './feedback.seed.ts';
import { seedOrganizations } from './organizations.seed.ts';
import { seedProgramme } from './programme.seed.ts';
import { seededRandom } from './random.ts';
import { demoActors, seedCentralTasks } from './tasks.seed.ts';

interface DemoAccount {
  email: string;
  fullName: string;
  organizationCode: string;
  role: Role;
  scopeCode: string;
}

/** One account per role, each in the scope where that role is typical. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: 'admin@demo.steerboard.vn',
    fullName: 'Nguyễn Văn Quản',
    organizationCode: 'CDSCY',
    role: 'admin',
    scopeCode: 'VN',
  },
  {
    email: 'steering@demo.steerboard.vn',
    fullName: 'Trần Thị Chỉ Đạo',
    organizationCode: 'VPTW',
    role: 'steering',
    scopeCode: 'VN',
  },
  {
    email: 'focal.bkhcn@demo.steerboard.vn',
    fullName: 'Lê Minh Khoa',
    organizationCode: 'BKHCN',
    role: 'focal_point',
    scopeCode: 'BKHCN',
  },
  {
    email: 'focal.hanoi@demo.steerboard.vn',
    fullName: 'Phạm Thu Hà',
    organizationCode: '01',
    role: 'focal_point',
    scopeCode: '01',
  },
  {
    email: 'leader@demo.steerboard.vn',
    fullName: 'Hoàng Đức Lãnh',
    organizationCode: 'BCDTW',
    role: 'leader',
    scopeCode: 'VN',
  },
  {
    email: 'handler@demo.steerboard.vn',
    fullName: 'Vũ Thị Tiếp Nhận',
    organizationCode: 'CDSCY',
    role: 'feedback_handler',
    scopeCode: 'VN',
  },
  {
    email: 'inspector@demo.steerboard.vn',
    fullName: 'Đặng Văn Kiểm',
    organizationCode: 'UBKTTW',
    role: 'inspector',
    scopeCode: 'UBKTTW',
  },
];

export interface SeededAccount {
  email: string;
  role: Role;
  password: string;
}

/** True when the demo (or any data) is already there: seeding runs once, on an empty database. */
export async function isSeeded(db: Db): Promise<boolean> {
  return (await findByIdOrCode(db, 'VN')) !== undefined;
}

/**
 * The demo: the national organization tree, one account per role, the Resolution 57 programme
 * with its documents, meetings and 1,132 central tasks, made through the services people use
 * (tasks on the days their history says), so that the audit trail tells how every row came to be.
 */
export async function seedDemo(
  db: Db,
  options: { password?: string | undefined; onProgress?: (message: string) => void } = {},
): Promise<SeededAccount[]> {
  const organizations = await seedOrganizations(db);
  const accounts: SeededAccount[] = [];
  const people: Array<{ id: string; role: Role; scopeCode: string }> = [];
  for (const account of DEMO_ACCOUNTS) {
    const password = options.password ?? randomBytes(12).toString('base64url');
    const person = await createPerson(db, SYSTEM, {
      email: account.email,
      fullName: account.fullName,
      locale: 'vi',
      organizationId: requireOrganization(organizations, account.organizationCode).id,
      password,
    });
    await grantRole(db, SYSTEM, person.id, {
      role: account.role,
      organizationId: requireOrganization(organizations, account.scopeCode).id,
    });
    accounts.push({ email: account.email, role: account.role, password });
    people.push({ id: person.id, role: account.role, scopeCode: account.scopeCode });
  }
  const random = seededRandom(57);
  const programme = await seedProgramme(db, organizations, random);
  const actors = await demoActors(db, people);
  const centralTasks = await seedCentralTasks(db, organizations, programme, actors, random, options.onProgress);
  await seedCascades(db, organizations, programme.programme.id, centralTasks, actors, random);
  await seedFeedback(db, organizations, people, options.onProgress);
  return accounts;
}

function requireOrganization(organizations: Map<string, Organization>, code: string): Organization {
  const organization = organizations.get(code);
  if (!organization) throw new Error(`Demo seed: organization ${code} is missing`);
  return organization;
}
