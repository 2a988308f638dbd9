import type { Db } from '../../db/database.ts';
import {
  allowedPersonActions,
  type ManagedPerson,
  mayManagePerson,
} from '../../../shared/domain/person-permissions.ts';
import { can, canGrant, type RoleGrant, scopesFor } from '../../../shared/domain/roles.ts';
import { searchDocument, searchQueryWords } from '../../../shared/domain/search.ts';
import type { CreatePerson, GrantRole, ListPeopleQuery, Person, UpdatePerson } from '../../../shared/schemas/people.ts';
import { forbidden, notFound, staleVersion, duplicateField } from '../../errors.ts';
import * as audit from '../audit/audit.service.ts';
import { hashPassword } from './passwords.ts';
import type { Principal } from '../../kernel/principal.ts';
import { getOrganization } from '../organizations/organizations.service.ts';
import * as repository from './people.repository.ts';
import type { PersonRow, RoleRow } from './people.repository.ts';

const searchTextOf = (fullName: string, email: string) => searchDocument(fullName, email);

/** The person as `mayManagePerson` sees them: their organization and every role they hold. */
function managedPerson(row: PersonRow, roles: RoleRow[]): ManagedPerson {
  return {
    organizationPath: row.organization_path,
    roles: roles
      .filter((role) => role.person_id === row.id)
      .map((role) => ({ role: role.role, scopePath: role.organization_path })),
  };
}

function toPerson(row: PersonRow, roles: RoleRow[], grants: readonly RoleGrant[]): Person {
  return {
    id: row.id,
    email: row.email,
    fullName: row.full_name,
    locale: row.locale,
    organizationId: row.organization_id,
    organizationNameVi: row.organization_name_vi,
    isActive: row.is_active,
    version: row.version,
    roles: roles.filter((role) => role.person_id === row.id).map(toRoleAssignment),
    allowedActions: allowedPersonActions(grants, managedPerson(row, roles)),
  };
}

export function toRoleAssignment(role: RoleRow) {
  return {
    id: role.id,
    role: role.role,
    organizationId: role.organization_id,
    organizationCode: role.organization_code,
    organizationNameVi: role.organization_name_vi,
    organizationNameEn: role.organization_name_en,
  };
}

async function getPersonRow(db: Db, id: string): Promise<PersonRow> {
  const row = await repository.findById(db, id);
  if (!row) throw notFound('person', id);
  return row;
}

async function loadPerson(db: Db, principal: Principal, id: string): Promise<Person> {
  const row = await getPersonRow(db, id);
  return toPerson(row, await repository.rolesOf(db, [id]), principal.grants);
}

/** Refuses, unless the principal may act on this person (`mayManagePerson`). */
async function requireManaging(db: Db, principal: Principal, row: PersonRow, action: string): Promise<RoleRow[]> {
  const roles = await repository.rolesOf(db, [row.id]);
  if (!mayManagePerson(principal.grants, managedPerson(row, roles))) throw forbidden(action);
  return roles;
}

export async function getPerson(db: Db, principal: Principal, id: string): Promise<Person> {
  const row = await getPersonRow(db, id);
  if (row.id !== principal.personId && !can(principal.grants, 'person.read', row.organization_path)) {
    throw forbidden('read this person');
  }
  return toPerson(row, await repository.rolesOf(db, [id]), principal.grants);
}

export async function listPeople(
  db: Db,
  principal: Principal,
  query: ListPeopleQuery,
): Promise<{ items: Person[]; nextCursor: string | null }> {
  let withinPaths = scopesFor(principal.grants, 'person.read');
  if (query.scope) {
    const scope = await getOrganization(db, query.scope);
    if (!can(principal.grants, 'person.read', scope.path)) throw forbidden('read people here');
    withinPaths = [scope.path];
  }
  if (withinPaths !== 'everywhere' && withinPaths.length === 0) throw forbidden('read people');
  const rows = await repository.list(db, {
    withinPaths,
    ...(query.q ? { words: searchQueryWords(query.q) } : {}),
    ...(query.cursor ? { afterEmail: query.cursor } : {}),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const roles = await repository.rolesOf(
    db,
    page.map((row) => row.id),
  );
  return {
    items: page.map((row) => toPerson(row, roles, principal.grants)),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.email.toLowerCase() ?? null) : null,
  };
}

export async function createPerson(db: Db, principal: Principal, input: CreatePerson): Promise<Person> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (tx) => {
    const organization = await getOrganization(tx, input.organizationId);
    if (!can(principal.grants, 'person.write', organization.path)) throw forbidden('add people here');
    if (await repository.emailExists(tx, input.email)) {
      throw duplicateField('email', `${input.email} already has an account`);
    }
    const { id } = await repository.insert(tx, {
      email: input.email,
      full_name: input.fullName,
      locale: input.locale,
      organization_id: organization.id,
      password_hash: passwordHash,
      search_text: searchTextOf(input.fullName, input.email),
    });
    await audit.record(tx, principal, [
      {
        action: 'person.created',
        entityType: 'person',
        entityId: id,
        scopePath: organization.path,
        after: { email: input.email, fullName: input.fullName, locale: input.locale, organizationId: organization.id },
      },
    ]);
    return loadPerson(tx, principal, id);
  });
}

export async function updatePerson(
  db: Db,
  principal: Principal,
  id: string,
  expectedVersion: number,
  changes: UpdatePerson,
): Promise<Person> {
  return db.transaction().execute(async (tx) => {
    const current = await getPersonRow(tx, id);
    await requireManaging(tx, principal, current, 'change this person');
    if (current.version !== expectedVersion) throw staleVersion('person', current.version);
    const before = { fullName: current.full_name, locale: current.locale, isActive: current.is_active };
    const after = { ...before, ...changes };
    const updated = await repository.updateIfVersion(tx, id, expectedVersion, {
      full_name: after.fullName,
      locale: after.locale,
      is_active: after.isActive,
      search_text: searchTextOf(after.fullName, current.email),
    });
    if (!updated) throw staleVersion('person', current.version);
    // Disabled is signed out everywhere for good: enabling the person again revives no old session or token.
    const ended = before.isActive && !after.isActive ? await repository.endCredentialsOf(tx, id) : undefined;
    await audit.record(tx, principal, [
      {
        action: 'person.updated',
        entityType: 'person',
        entityId: id,
        scopePath: current.organization_path,
        before,
        after,
      },
      ...(ended
        ? [
            {
              action: 'person.credentials_ended',
              entityType: 'person',
              entityId: id,
              scopePath: current.organization_path,
              after: { sessions: ended.sessions, apiTokenIds: ended.tokenIds },
            },
          ]
        : []),
    ]);
    return loadPerson(tx, principal, id);
  });
}

export async function grantRole(db: Db, principal: Principal, personId: string, input: GrantRole): Promise<Person> {
  return db.transaction().execute(async (tx) => {
    const person = await getPersonRow(tx, personId);
    await requireManaging(tx, principal, person, 'grant roles to this person');
    const scope = await getOrganization(tx, input.organizationId);
    if (!canGrant(principal.grants, input.role, scope.path)) throw forbidden(`grant ${input.role} here`);
    const inserted = await repository.insertRole(tx, {
      person_id: person.id,
      role: input.role,
      organization_id: scope.id,
      granted_by: principal.via === 'system' ? null : principal.personId,
    });
    if (inserted) {
      await audit.record(tx, principal, [
        {
          action: 'role.granted',
          entityType: 'person',
          entityId: person.id,
          scopePath: scope.path,
          after: { assignmentId: inserted.id, role: input.role, organizationId: scope.id },
        },
      ]);
    }
    return loadPerson(tx, principal, person.id);
  });
}

export async function revokeRole(
  db: Db,
  principal: Principal,
  personId: string,
  assignmentId: string,
): Promise<Person> {
  return db.transaction().execute(async (tx) => {
    const roles = await repository.rolesOf(tx, [personId]);
    const assignment = roles.find((role) => role.id === assignmentId);
    if (!assignment) throw notFound('role assignment', assignmentId);
    if (!canGrant(principal.grants, assignment.role, assignment.organization_path)) {
      throw forbidden(`revoke ${assignment.role} here`);
    }
    await requireManaging(tx, principal, await getPersonRow(tx, personId), 'revoke roles of this person');
    await repository.deleteRole(tx, personId, assignmentId);
    await audit.record(tx, principal, [
      {
        action: 'role.revoked',
        entityType: 'person',
        entityId: personId,
        scopePath: assignment.organization_path,
        before: { assignmentId, role: assignment.role, organizationId: assignment.organization_id },
      },
    ]);
    return loadPerson(tx, principal, personId);
  });
}
