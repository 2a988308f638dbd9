import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../../../shared/domain/organization-kinds.ts';
import { can } from '../../../shared/domain/roles.ts';
import { searchDocument, searchQueryWords } from '../../../shared/domain/search.ts';
import type {
  CreateOrganization,
  ListOrganizationsQuery,
  Organization,
  OrganizationDetail,
  UpdateOrganization,
} from '../../../shared/schemas/organizations.ts';
import { forbidden, notFound, staleVersion, duplicateField } from '../../errors.ts';
import * as audit from '../audit/audit.service.ts';
import type { Principal } from '../../kernel/principal.ts';
import * as repository from './organizations.repository.ts';
import type { NewOrganizationRow, OrganizationRow } from './organizations.repository.ts';

export function toOrganization(row: OrganizationRow): Organization {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    nameVi: row.name_vi,
    nameEn: row.name_en,
    parentId: row.parent_id,
    parentNameVi: row.parent_name_vi,
    parentNameEn: row.parent_name_en,
    depth: row.depth,
    childCount: row.child_count,
    version: row.version,
  };
}

const searchTextOf = (code: string, nameVi: string, nameEn: string) => searchDocument(nameVi, nameEn, code);
const sortKeyOf = (kind: OrganizationKind, code: string) =>
  `${String(ORGANIZATION_KINDS.indexOf(kind)).padStart(2, '0')}|${code}`;

export async function getOrganization(db: Db, idOrCode: string): Promise<OrganizationRow> {
  const row = await repository.findByIdOrCode(db, idOrCode);
  if (!row) throw notFound('organization', idOrCode);
  return row;
}

export async function getOrganizationDetail(db: Db, idOrCode: string): Promise<OrganizationDetail> {
  const row = await getOrganization(db, idOrCode);
  const ancestorIds = row.path.split('/').filter((id) => id && id !== row.id);
  const ancestors = await repository.findManyByIds(db, ancestorIds);
  ancestors.sort((a, b) => a.depth - b.depth);
  return {
    ...toOrganization(row),
    ancestors: ancestors.map((a) => ({ id: a.id, code: a.code, nameVi: a.name_vi, nameEn: a.name_en })),
  };
}

/** The directory of organizations is readable by every signed-in person: they pick assignees from it. */
export async function listOrganizations(
  db: Db,
  query: ListOrganizationsQuery,
): Promise<{ items: Organization[]; nextCursor: string | null }> {
  const parent = query.parent ? await getOrganization(db, query.parent) : undefined;
  const words = query.q ? searchQueryWords(query.q) : [];
  const searching = words.length > 0 || Boolean(query.kind);
  const rows = await repository.list(db, {
    // A search looks through the whole subtree; browsing lists direct children.
    ...(parent && !searching ? { parentId: parent.id } : {}),
    ...(parent && searching ? { withinPath: parent.path } : {}),
    ...(words.length ? { words } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.cursor ? { afterSortKey: query.cursor } : {}),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(toOrganization),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.sort_key ?? null) : null,
  };
}

/**
 * Creates organizations in one transaction: all or none. Each parent must already exist and the
 * principal must administer it.
 */
export async function createOrganizations(
  db: Db,
  principal: Principal,
  inputs: CreateOrganization[],
): Promise<Organization[]> {
  return db.transaction().execute(async (tx) => {
    // Siblings share a parent: a province's hundred communes need it read once.
    const parents = new Map<string, OrganizationRow>();
    const rows: NewOrganizationRow[] = [];
    // Codes already taken, looked up at once: a seed creates thousands in one call.
    const takenCodes = await repository.existingCodes(
      tx,
      inputs.map((input) => input.code),
    );
    for (const input of inputs) {
      const parent = parents.get(input.parentId) ?? (await getOrganization(tx, input.parentId));
      parents.set(input.parentId, parent);
      if (!can(principal.grants, 'organization.write', parent.path)) throw forbidden('create an organization');
      if (takenCodes.has(input.code)) {
        throw duplicateField('code', `Code ${input.code} is already used`);
      }
      takenCodes.add(input.code);
      const id = randomUUID();
      const row = {
        id,
        code: input.code,
        kind: input.kind,
        name_vi: input.nameVi,
        name_en: input.nameEn,
        parent_id: input.parentId,
        path: `${parent.path}${id}/`,
        depth: parent.depth + 1,
        sort_key: sortKeyOf(input.kind, input.code),
        search_text: searchTextOf(input.code, input.nameVi, input.nameEn),
      };
      rows.push(row);
    }
    await repository.insertMany(tx, rows);
    await audit.record(
      tx,
      principal,
      rows.map((row) => ({
        action: 'organization.created',
        entityType: 'organization',
        entityId: row.id,
        scopePath: row.path,
        after: { code: row.code, kind: row.kind, nameVi: row.name_vi, nameEn: row.name_en, parentId: row.parent_id },
      })),
    );
    return rows.map((row) => {
      const parent = row.parent_id ? parents.get(row.parent_id) : undefined;
      return toOrganization({
        ...row,
        version: 1,
        child_count: 0,
        parent_name_vi: parent?.name_vi ?? null,
        parent_name_en: parent?.name_en ?? null,
      });
    });
  });
}

export async function createOrganization(
  db: Db,
  principal: Principal,
  input: CreateOrganization,
): Promise<Organization> {
  const [created] = await createOrganizations(db, principal, [input]);
  if (!created) throw new Error('createOrganizations returned nothing for one input');
  return created;
}

/** A root has no parent: only the system (seed, CLI) creates one. */
export async function createRoot(
  db: Db,
  principal: Principal,
  input: Omit<CreateOrganization, 'parentId'>,
): Promise<Organization> {
  if (principal.via !== 'system') throw forbidden('create a root organization');
  return db.transaction().execute(async (tx) => {
    const id = randomUUID();
    const row = {
      id,
      code: input.code,
      kind: input.kind,
      name_vi: input.nameVi,
      name_en: input.nameEn,
      parent_id: null,
      path: `/${id}/`,
      depth: 0,
      sort_key: sortKeyOf(input.kind, input.code),
      search_text: searchTextOf(input.code, input.nameVi, input.nameEn),
    };
    await repository.insertMany(tx, [row]);
    await audit.record(tx, principal, [
      { action: 'organization.created', entityType: 'organization', entityId: id, scopePath: row.path, after: input },
    ]);
    return toOrganization({ ...row, version: 1, child_count: 0, parent_name_vi: null, parent_name_en: null });
  });
}

export async function updateOrganization(
  db: Db,
  principal: Principal,
  id: string,
  expectedVersion: number,
  changes: UpdateOrganization,
): Promise<Organization> {
  return db.transaction().execute(async (tx) => {
    const current = await getOrganization(tx, id);
    if (!can(principal.grants, 'organization.write', current.path)) throw forbidden('change this organization');
    if (current.version !== expectedVersion) throw staleVersion('organization', current.version);
    const next = {
      name_vi: changes.nameVi ?? current.name_vi,
      name_en: changes.nameEn ?? current.name_en,
      kind: changes.kind ?? current.kind,
    };
    const updated = await repository.updateIfVersion(tx, current.id, expectedVersion, {
      ...next,
      search_text: searchTextOf(current.code, next.name_vi, next.name_en),
      sort_key: sortKeyOf(next.kind, current.code),
    });
    if (!updated) throw staleVersion('organization', current.version);
    await audit.record(tx, principal, [
      {
        action: 'organization.updated',
        entityType: 'organization',
        entityId: current.id,
        scopePath: current.path,
        before: { nameVi: current.name_vi, nameEn: current.name_en, kind: current.kind },
        after: { nameVi: next.name_vi, nameEn: next.name_en, kind: next.kind },
      },
    ]);
    return toOrganization(await getOrganization(tx, current.id));
  });
}
