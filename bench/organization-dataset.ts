/**
 * The organization tree the benchmarks generate: root, government and ministries, the 34 provinces
 * with their two departments and, when asked, their 3,321 communes. The rows match what the
 * organization service writes (path, depth, sort key, folded search text) and are inserted in one
 * set-based statement; child counts are left to the caller.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../src/shared/domain/organization-kinds.ts';
import { searchDocument } from '../src/shared/domain/search.ts';
import { communeNames } from '../src/server/seed/commune-names.ts';
import { readMinistries, readProvinces } from '../src/server/seed/reference-data.ts';

interface OrgRow {
  id: string;
  code: string;
  kind: OrganizationKind;
  name_vi: string;
  name_en: string;
  parent_id: string | null;
  path: string;
  depth: number;
  sort_key: string;
  search_text: string;
}

function organizationRows(options: { communes: boolean }): OrgRow[] {
  const rows: OrgRow[] = [];
  const add = (parent: OrgRow | null, code: string, kind: OrganizationKind, nameVi: string, nameEn: string) => {
    const id = randomUUID();
    const row: OrgRow = {
      id,
      code,
      kind,
      name_vi: nameVi,
      name_en: nameEn,
      parent_id: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: parent ? parent.depth + 1 : 0,
      sort_key: `${String(ORGANIZATION_KINDS.indexOf(kind)).padStart(2, '0')}|${code}`,
      search_text: searchDocument(nameVi, nameEn, code),
    };
    rows.push(row);
    return row;
  };
  const root = add(null, 'VN', 'national', 'Cả nước', 'Viet Nam (whole country)');
  const government = add(root, 'CP', 'government', 'Chính phủ', 'Government');
  for (const m of readMinistries()) {
    add(government, m.code, m.kind === 'ministry' ? 'ministry' : 'ministry_level_agency', m.name_vi, m.name_en);
  }
  for (const p of readProvinces()) {
    const province = add(root, p.code, p.kind, p.name_vi, p.name_en);
    add(province, `${p.code}.SKHCN`, 'provincial_department', `Sở KH&CN ${p.name_vi}`, `DOST, ${p.name_en}`);
    add(
      province,
      `${p.code}.VPUBND`,
      'provincial_department',
      `Văn phòng UBND ${p.name_vi}`,
      `PPC Office, ${p.name_en}`,
    );
    if (!options.communes) continue;
    const communes = communeNames(p.code, { commune: p.xa, ward: p.phuong, special_zone: p.dac_khu });
    communes.forEach((c, index) => {
      add(province, `${p.code}.${String(index + 1).padStart(3, '0')}`, c.kind, c.nameVi, `${c.nameEn}, ${p.name_en}`);
    });
  }
  return rows;
}

const ORGANIZATIONS_SQL = `
  INSERT INTO organization (id, code, kind, name_vi, name_en, parent_id, path, depth, sort_key, search_text)
  SELECT id, code, kind, name_vi, name_en, parent_id, path, depth, sort_key, search_text
  FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, code text, kind text, name_vi text, name_en text,
    parent_id uuid, path text, depth integer, sort_key text, search_text text)`;

/** Inserts the tree into a freshly migrated database (the caller's bulk-load session). */
export async function insertOrganizations(client: pg.Client, options: { communes: boolean }): Promise<void> {
  await client.query(ORGANIZATIONS_SQL, [JSON.stringify(organizationRows(options))]);
}
