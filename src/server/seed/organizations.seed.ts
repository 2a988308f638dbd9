import type { Db } from '../db/database.ts';
import type { CreateOrganization, Organization } from '../../shared/schemas/organizations.ts';
import { SYSTEM } from '../kernel/principal.ts';
import { createOrganizations, createRoot } from '../modules/organizations/organizations.service.ts';
import { communeNames } from './commune-names.ts';
import { readMinistries, readProvinces } from './reference-data.ts';

type Draft = Omit<CreateOrganization, 'parentId'> & { parentCode: string };

/** Central bodies that assign tasks, after shared/reference/README.md; parents before children. */
const CENTRAL_BODIES: Draft[] = [
  {
    parentCode: 'VN',
    code: 'TW',
    kind: 'central_party_body',
    nameVi: 'Ban Chấp hành Trung ương Đảng',
    nameEn: 'Party Central Committee',
  },
  { parentCode: 'VN', code: 'QH', kind: 'national_assembly', nameVi: 'Quốc hội', nameEn: 'National Assembly' },
  { parentCode: 'VN', code: 'CP', kind: 'government', nameVi: 'Chính phủ', nameEn: 'Government' },
  {
    parentCode: 'VN',
    code: 'MTTQ',
    kind: 'central_body',
    nameVi: 'Mặt trận Tổ quốc Việt Nam',
    nameEn: 'Vietnam Fatherland Front',
  },
  { parentCode: 'TW', code: 'BCTTW', kind: 'central_party_body', nameVi: 'Bộ Chính trị', nameEn: 'Politburo' },
  { parentCode: 'TW', code: 'BBT', kind: 'central_party_body', nameVi: 'Ban Bí thư', nameEn: 'Secretariat' },
  {
    parentCode: 'TW',
    code: 'BCDTW',
    kind: 'central_party_body',
    nameVi: 'Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số',
    nameEn: 'Central Steering Committee for Science, Technology, Innovation and Digital Transformation',
  },
  {
    parentCode: 'TW',
    code: 'UBKTTW',
    kind: 'central_party_body',
    nameVi: 'Ủy ban Kiểm tra Trung ương',
    nameEn: 'Central Inspection Commission',
  },
  {
    parentCode: 'BCDTW',
    code: 'VPTW',
    kind: 'central_party_body',
    nameVi: 'Văn phòng Trung ương Đảng',
    nameEn: 'Central Party Office',
  },
  {
    parentCode: 'BCDTW',
    code: 'HDTVQG',
    kind: 'central_body',
    nameVi: 'Hội đồng Tư vấn quốc gia',
    nameEn: 'National Advisory Council',
  },
  {
    parentCode: 'VPTW',
    code: 'CDSCY',
    kind: 'department',
    nameVi: 'Cục Chuyển đổi số – Cơ yếu',
    nameEn: 'Department of Digital Transformation and Cryptography',
  },
  {
    parentCode: 'CP',
    code: 'BCDCP',
    kind: 'central_body',
    nameVi: 'Ban Chỉ đạo của Chính phủ về phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số',
    nameEn: 'Government Steering Committee for Science, Technology, Innovation and Digital Transformation',
  },
  {
    parentCode: 'CP',
    code: 'VAST',
    kind: 'institute',
    nameVi: 'Viện Hàn lâm Khoa học và Công nghệ Việt Nam',
    nameEn: 'Vietnam Academy of Science and Technology',
  },
  {
    parentCode: 'BQP',
    code: 'VIETTEL',
    kind: 'enterprise',
    nameVi: 'Tập đoàn Công nghiệp – Viễn thông Quân đội',
    nameEn: 'Viettel Group',
  },
  {
    parentCode: 'CP',
    code: 'VNPT',
    kind: 'enterprise',
    nameVi: 'Tập đoàn Bưu chính Viễn thông Việt Nam',
    nameEn: 'VNPT Group',
  },
];

const PROVINCIAL_DEPARTMENTS = [
  { suffix: 'SKHCN', nameVi: 'Sở Khoa học và Công nghệ', nameEn: 'Department of Science and Technology' },
  { suffix: 'VPUBND', nameVi: 'Văn phòng Ủy ban nhân dân', nameEn: 'Office of the People’s Committee' },
];

function nationalDrafts(): Draft[][] {
  const ministries: Draft[] = readMinistries().map((ministry) => ({
    parentCode: 'CP',
    code: ministry.code,
    kind: ministry.kind === 'ministry' ? 'ministry' : 'ministry_level_agency',
    nameVi: ministry.name_vi,
    nameEn: ministry.name_en,
  }));
  const provinces = readProvinces();
  const provinceDrafts: Draft[] = provinces.map((province) => ({
    parentCode: 'VN',
    code: province.code,
    kind: province.kind,
    nameVi: province.name_vi,
    nameEn: province.name_en,
  }));
  const underProvinces: Draft[] = provinces.flatMap((province) => [
    ...PROVINCIAL_DEPARTMENTS.map((department) => ({
      parentCode: province.code,
      code: `${province.code}.${department.suffix}`,
      kind: 'provincial_department' as const,
      nameVi: `${department.nameVi} ${province.name_vi.replace(/^(Tỉnh|Thành phố) /, '')}`,
      nameEn: `${department.nameEn}, ${province.name_en}`,
    })),
    ...communeNames(province.code, { commune: province.xa, ward: province.phuong, special_zone: province.dac_khu }).map(
      (commune, index) => ({
        parentCode: province.code,
        code: `${province.code}.${String(index + 1).padStart(3, '0')}`,
        kind: commune.kind,
        nameVi: commune.nameVi,
        nameEn: `${commune.nameEn}, ${province.name_en}`,
      }),
    ),
  ]);
  const byLevel = (drafts: Draft[], level: string[]) => drafts.filter((draft) => level.includes(draft.parentCode));
  return [
    [...byLevel(CENTRAL_BODIES, ['VN']), ...provinceDrafts],
    [...byLevel(CENTRAL_BODIES, ['TW', 'CP']), ...ministries, ...underProvinces],
    byLevel(CENTRAL_BODIES, ['BCDTW', 'BQP']),
    byLevel(CENTRAL_BODIES, ['VPTW']),
  ];
}

/** The national tree, created level by level through the same service an admin uses. */
export async function seedOrganizations(db: Db): Promise<Map<string, Organization>> {
  const byCode = new Map<string, Organization>();
  const root = await createRoot(db, SYSTEM, {
    code: 'VN',
    kind: 'national',
    nameVi: 'Cả nước',
    nameEn: 'Viet Nam (whole country)',
  });
  byCode.set(root.code, root);
  for (const level of nationalDrafts()) {
    const inputs = level.map(({ parentCode, ...draft }) => {
      const parent = byCode.get(parentCode);
      if (!parent) throw new Error(`Seed order: parent ${parentCode} of ${draft.code} is not created yet`);
      return { ...draft, parentId: parent.id };
    });
    for (const created of await createOrganizations(db, SYSTEM, inputs)) byCode.set(created.code, created);
  }
  return byCode;
}
