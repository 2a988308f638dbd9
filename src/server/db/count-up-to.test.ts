import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, TEST_DATABASE_KINDS } from '../testing/test-database.ts';
import { seedTestWorld } from '../testing/test-world.ts';
import { countUpTo } from './count-up-to.ts';
import type { DatabaseHandle } from './database.ts';

describe.each(TEST_DATABASE_KINDS)('a list counted up to its cap, on %s', (kind) => {
  let handle: DatabaseHandle;
  let organizations: number;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    await seedTestWorld(handle.db);
    const all = await handle.db.selectFrom('organization').select('id').execute();
    organizations = all.length;
  });
  afterAll(() => handle.close());

  const matches = () => handle.db.selectFrom('organization').select('id');

  it('stops at the cap and says the total is a floor', async () => {
    expect(organizations).toBeGreaterThan(3);
    expect(await countUpTo(handle.db, matches(), 3)).toEqual({ total: 3, totalIsCapped: true });
  });

  it('gives the exact total up to the cap itself', async () => {
    expect(await countUpTo(handle.db, matches(), organizations)).toEqual({
      total: organizations,
      totalIsCapped: false,
    });
    expect(await countUpTo(handle.db, matches().where('id', 'is', null), 3)).toEqual({
      total: 0,
      totalIsCapped: false,
    });
  });
});
