import type { Db } from '../db/database.ts';
import type { Role } from '../../shared/domain/roles.ts';
import type { Organization } from '../../shared/schemas/organizations.ts';
import { SYSTEM } from '../kernel/principal.ts';
import { createOrganizations, createRoot } from '../modules/organizations/organizations.service.ts';
import { createPerson, grantRole } from '../modules/people/people.service.ts';

export const TEST_PASSWORD = 'correct horse battery staple';

/**
 * A small country for tests, built through the services: a root, two provinces (Hà Nội with
 * a ward and a commune, Hồ Chí Minh City), the Government with one ministry, and one person
 * per role. `outsider` is an admin of Hồ Chí Minh City: scoped, but not over Hà Nội. `steering` assigns
 * tasks over the whole country; `ministryFocal` is the focal point of the ministry (BKHCN).
 */
export interface TestWorld {
  org: Record<'root' | 'hanoi' | 'hoanKiem' | 'dongAnh' | 'hcm' | 'government' | 'ministry', Organization>;
  person: Record<
    | 'admin'
    | 'hanoiAdmin'
    | 'hanoiFocal'
    | 'outsider'
    | 'leader'
    | 'inspector'
    | 'handler'
    | 'steering'
    | 'ministryFocal',
    { id: string; email: string }
  >;
}

export async function seedTestWorld(db: Db): Promise<TestWorld> {
  const root = await createRoot(db, SYSTEM, { code: 'VN', kind: 'national', nameVi: 'Cả nước', nameEn: 'Viet Nam' });
  const [hanoi, hcm, government] = await createOrganizations(db, SYSTEM, [
    { parentId: root.id, code: '01', kind: 'city', nameVi: 'Thành phố Hà Nội', nameEn: 'Hanoi' },
    { parentId: root.id, code: '79', kind: 'city', nameVi: 'Thành phố Hồ Chí Minh', nameEn: 'Ho Chi Minh City' },
    { parentId: root.id, code: 'CP', kind: 'government', nameVi: 'Chính phủ', nameEn: 'Government' },
  ]);
  if (!hanoi || !hcm || !government) throw new Error('test world: provinces missing');
  const [hoanKiem, dongAnh, ministry] = await createOrganizations(db, SYSTEM, [
    { parentId: hanoi.id, code: '01.001', kind: 'ward', nameVi: 'Phường Hoàn Kiếm', nameEn: 'Hoan Kiem Ward' },
    { parentId: hanoi.id, code: '01.002', kind: 'commune', nameVi: 'Xã Đông Anh', nameEn: 'Dong Anh Commune' },
    {
      parentId: government.id,
      code: 'BKHCN',
      kind: 'ministry',
      nameVi: 'Bộ Khoa học và Công nghệ',
      nameEn: 'Ministry of Science and Technology',
    },
  ]);
  if (!hoanKiem || !dongAnh || !ministry) throw new Error('test world: communes missing');

  const people: Array<[keyof TestWorld['person'], string, Organization, Role, Organization]> = [
    ['admin', 'Quản Trị Viên', ministry, 'admin', root],
    ['hanoiAdmin', 'Nguyễn Hà Nội', hanoi, 'admin', hanoi],
    ['hanoiFocal', 'Trần Đầu Mối', hoanKiem, 'focal_point', hanoi],
    ['outsider', 'Lê Sài Gòn', hcm, 'admin', hcm],
    ['leader', 'Phạm Lãnh Đạo', government, 'leader', root],
    ['inspector', 'Võ Kiểm Tra', government, 'inspector', government],
    ['handler', 'Đỗ Tiếp Nhận', hanoi, 'feedback_handler', hanoi],
    ['steering', 'Bùi Chỉ Đạo', government, 'steering', root],
    ['ministryFocal', 'Hồ Đầu Mối Bộ', ministry, 'focal_point', ministry],
  ];
  const person = {} as TestWorld['person'];
  for (const [key, fullName, home, role, scope] of people) {
    const email = `${key.toLowerCase()}@test.steerboard.vn`;
    const created = await createPerson(db, SYSTEM, {
      email,
      fullName,
      locale: 'vi',
      organizationId: home.id,
      password: TEST_PASSWORD,
    });
    await grantRole(db, SYSTEM, created.id, { role, organizationId: scope.id });
    person[key] = { id: created.id, email };
  }
  return { org: { root, hanoi, hoanKiem, dongAnh, hcm, government, ministry }, person };
}
