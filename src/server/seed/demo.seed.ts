import { randomBytes } from 'node:crypto';
import type { DatabaseHandle, Db } from '../db/database.ts';
import type { Role } from '../../shared/domain/roles.ts';
import type { Organization } from '../../shared/schemas/organizations.ts';
import { SYSTEM } from '../kernel/principal.ts';
import { createPerson, grantRole } from '../modules/people/people.service.ts';
import { seedCascades } from './cascades.seed.ts';
import * as marks from './demo-seed.repository.ts';
import { seedFeedback } from './feedback.seed.ts';
import { seedIndicators } from './indicators.seed.ts';
import { seedOrganizations } from './organizations.seed.ts';
import { seedProgramme } from './programme.seed.ts';
import { seededRandom } from './random.ts';
import { demoActors, seedCentralTasks } from './tasks.seed.ts';
import { seedWorkingDay } from './working-day.seed.ts';

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

/**
 * What a start finds: nothing (`empty`); the demo, whole (`complete`) or begun by a process that
 * died before its end (`interrupted`); or data the seed did not write (`not_a_demo`: a real
 * database, or a demo seeded before the seed marked its runs), which nothing here ever touches.
 */
export type DemoSeedState = 'empty' | 'interrupted' | 'complete' | 'not_a_demo';

export async function demoSeedState(db: Db): Promise<DemoSeedState> {
  const mark = await marks.findMark(db);
  if (mark) return mark.completed_at ? 'complete' : 'interrupted';
  return (await marks.holdsData(db)) ? 'not_a_demo' : 'empty';
}

/** True when the database holds the whole demo or data of its own: nothing to seed. */
export async function isSeeded(db: Db): Promise<boolean> {
  const state = await demoSeedState(db);
  return state === 'complete' || state === 'not_a_demo';
}

export interface DemoSeedOptions {
  password?: string | undefined;
  onProgress?: (message: string) => void;
}

/**
 * The start-up's seed (decision 0019): redoes an interrupted demo — wipes what the dead run
 * wrote, then seeds from the start — and, when `whenEmpty`, seeds an empty database. Returns the
 * accounts when it seeded. One seeder at a time: another waits, then finds the demo whole.
 */
export async function seedDemoIfNeeded(
  database: DatabaseHandle,
  options: DemoSeedOptions & { whenEmpty: boolean },
): Promise<SeededAccount[] | undefined> {
  const tell = options.onProgress ?? (() => {});
  return marks.asOnlySeeder(
    database,
    async () => {
      const state = await demoSeedState(database.db);
      if (state === 'interrupted') {
        tell('the last seed of the demo was interrupted: what it wrote is removed, and the demo seeded again');
        await marks.wipeInterruptedDemo(database.db);
      } else if (state !== 'empty' || !options.whenEmpty) {
        return undefined;
      }
      return seedDemo(database.db, options);
    },
    () => tell('another process is seeding the demo: waiting for it'),
  );
}

/**
 * The demo: the national organization tree, one account per role, the Resolution 57 programme
 * with its documents, meetings and 1,132 central tasks, made through the services people use
 * (tasks on the days their history says), so that the audit trail tells how every row came to be.
 * Runs only on an empty database, between two marks: started (with the check that it is empty)
 * and, last, completed — a run that dies in between leaves the first alone, and the next start
 * redoes the demo (seedDemoIfNeeded).
 */
export async function seedDemo(db: Db, options: DemoSeedOptions = {}): Promise<SeededAccount[]> {
  if (!(await marks.markStarted(db))) throw new Error('Demo seed: the database is not empty');
  const tell = options.onProgress ?? (() => {});
  tell('seeding the demo: organizations, people, the Resolution 57 programme, its tasks, feedback and indicators');
  const organizations = await seedOrganizations(db);
  tell(`organizations: ${organizations.size}`);
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
  const cascaded = await seedCascades(db, organizations, programme.programme.id, centralTasks, actors, random);
  await seedWorkingDay(db, organizations, programme, centralTasks, cascaded, actors);
  await seedFeedback(db, organizations, people, options.onProgress);
  // A generator of their own: the indicators leave the tasks' and feedback's figures as they were.
  const values = await seedIndicators(db, organizations, programme, actors, seededRandom(2030));
  tell(`indicator values: ${values}`);
  await marks.markCompleted(db);
  return accounts;
}

function requireOrganization(organizations: Map<string, Organization>, code: string): Organization {
  const organization = organizations.get(code);
  if (!organization) throw new Error(`Demo seed: organization ${code} is missing`);
  return organization;
}
