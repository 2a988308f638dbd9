import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../../shared/i18n/index.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { TEST_DATABASE_KINDS } from '../../testing/test-database.ts';

/** Found by the API fuzz test (seed 7): two groups of one programme with the same number were a 500. */
describe.each(TEST_DATABASE_KINDS)('the groups of a new programme, on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it('refuses a group number given twice with a 400 naming the repeat, and creates nothing', async () => {
    const steering = await t.signIn(t.world.person.steering.email);
    const response = await steering.request({
      method: 'POST',
      url: '/api/v1/programmes',
      headers: { 'accept-language': 'en' },
      payload: {
        code: 'R99',
        nameVi: 'Chương trình thử',
        nameEn: 'Trial programme',
        ownerOrganizationId: t.world.org.root.id,
        groups: [
          { number: 1, nameVi: 'Nhóm một', nameEn: 'Group one' },
          { number: 2, nameVi: 'Nhóm hai', nameEn: 'Group two' },
          { number: 1, nameVi: 'Nhóm một lần nữa', nameEn: 'Group one again' },
        ],
      },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().errors).toEqual([
      { path: 'body.groups.2.number', message: translate('en', 'error.duplicate_in_list') },
    ]);
    const programmes = await steering.request({ method: 'GET', url: '/api/v1/programmes' });
    expect(programmes.json()).toEqual({ items: [] });
  });
});
