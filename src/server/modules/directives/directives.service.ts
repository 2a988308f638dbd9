import type { Db } from '../../db/database.ts';
import { can } from '../../../shared/domain/roles.ts';
import { searchDocument, searchQueryWords } from '../../../shared/domain/search.ts';
import type {
  CreateDirectiveDocument,
  CreateMeeting,
  CreateProgramme,
  DirectiveDocument,
  ListDirectivesQuery,
  ListMeetingsQuery,
  Meeting,
  Programme,
} from '../../../shared/schemas/directives.ts';
import { forbidden, notFound, duplicateField } from '../../errors.ts';
import { isUniqueViolation } from '../../db/database.ts';
import * as audit from '../audit/audit.service.ts';
import type { Principal } from '../../kernel/principal.ts';
import { getOrganization } from '../organizations/organizations.service.ts';
import { offsetOf, pageFrom } from '../../kernel/pagination.ts';
import { defaultReadingScopeId } from '../../kernel/reading-scope.ts';
import * as repository from './directives.repository.ts';

export async function createProgramme(db: Db, principal: Principal, input: CreateProgramme): Promise<Programme> {
  return db.transaction().execute(async (tx) => {
    const owner = await getOrganization(tx, input.ownerOrganizationId);
    if (!can(principal.grants, 'directive.write', owner.path)) throw forbidden('create a programme here');
    const { id } = await repository
      .insertProgramme(tx, {
        code: input.code,
        name_vi: input.nameVi,
        name_en: input.nameEn,
        owner_organization_id: owner.id,
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? duplicateField('code') : error;
      });
    await repository.insertGroups(
      tx,
      input.groups.map((group) => ({
        programme_id: id,
        number: group.number,
        name_vi: group.nameVi,
        name_en: group.nameEn,
      })),
    );
    await audit.record(tx, principal, [
      { action: 'programme.created', entityType: 'programme', entityId: id, scopePath: owner.path, after: input },
    ]);
    const created = (await listProgrammes(tx)).find((programme) => programme.id === id);
    if (!created) throw notFound('programme', id);
    return created;
  });
}

export async function listProgrammes(db: Db): Promise<Programme[]> {
  const { programmes, groups } = await repository.listProgrammes(db);
  return programmes.map((programme) => ({
    id: programme.id,
    code: programme.code,
    nameVi: programme.name_vi,
    nameEn: programme.name_en,
    ownerOrganizationId: programme.owner_organization_id,
    groups: groups
      .filter((group) => group.programme_id === programme.id)
      .map((group) => ({ id: group.id, number: group.number, nameVi: group.name_vi, nameEn: group.name_en })),
  }));
}

type DocumentRow = NonNullable<Awaited<ReturnType<typeof repository.findDocument>>>;
const toDocument = (row: DocumentRow): DirectiveDocument => ({
  id: row.id,
  number: row.number,
  docType: row.doc_type,
  issuerOrganizationId: row.issuer_organization_id,
  issuerNameVi: row.issuer_name_vi,
  issuerNameEn: row.issuer_name_en,
  issuedOn: row.issued_on,
  title: row.title,
});

export async function createDocument(
  db: Db,
  principal: Principal,
  input: CreateDirectiveDocument,
): Promise<DirectiveDocument> {
  return db.transaction().execute(async (tx) => {
    const issuer = await getOrganization(tx, input.issuerOrganizationId);
    if (!can(principal.grants, 'directive.write', issuer.path)) throw forbidden('register a document of this issuer');
    const { id } = await repository
      .insertDocument(tx, {
        number: input.number,
        doc_type: input.docType,
        issuer_organization_id: issuer.id,
        issued_on: input.issuedOn,
        title: input.title,
        search_text: searchDocument(input.number, input.title),
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? duplicateField('number') : error;
      });
    await audit.record(tx, principal, [
      {
        action: 'directive.created',
        entityType: 'directive_document',
        entityId: id,
        scopePath: issuer.path,
        after: input,
      },
    ]);
    const row = await repository.findDocument(tx, id);
    if (!row) throw notFound('directive document', id);
    return toDocument(row);
  });
}

export async function getDocument(db: Db, id: string): Promise<DirectiveDocument> {
  const row = await repository.findDocument(db, id);
  if (!row) throw notFound('directive document', id);
  return toDocument(row);
}

export async function listDocuments(db: Db, query: ListDirectivesQuery) {
  const offset = offsetOf(query.cursor);
  const rows = await repository.listDocuments(db, {
    ...(query.q ? { words: searchQueryWords(query.q) } : {}),
    ...(query.type ? { docType: query.type } : {}),
    ...(query.issuer ? { issuerId: query.issuer } : {}),
    ...(query.year !== undefined ? { year: query.year } : {}),
    offset,
    limit: query.limit + 1,
  });
  const { page, nextCursor } = pageFrom(rows, query.limit, offset);
  return { items: page.map(toDocument), nextCursor };
}

export async function createMeeting(db: Db, principal: Principal, input: CreateMeeting): Promise<Meeting> {
  return db.transaction().execute(async (tx) => {
    const organization = await getOrganization(tx, input.organizationId);
    if (!can(principal.grants, 'directive.write', organization.path)) throw forbidden('record a meeting here');
    const { id } = await repository.insertMeeting(tx, {
      organization_id: organization.id,
      held_on: input.heldOn,
      title: input.title,
      search_text: searchDocument(input.title, ...input.conclusions),
    });
    await repository.insertConclusions(
      tx,
      input.conclusions.map((text, index) => ({ meeting_id: id, number: index + 1, text })),
    );
    await audit.record(tx, principal, [
      { action: 'meeting.created', entityType: 'meeting', entityId: id, scopePath: organization.path, after: input },
    ]);
    return readMeeting(tx, id);
  });
}

type MeetingRow = NonNullable<Awaited<ReturnType<typeof repository.findMeeting>>>;
type ConclusionRow = Awaited<ReturnType<typeof repository.conclusionsOf>>[number];
const toMeeting = (meeting: MeetingRow, conclusions: ConclusionRow[]): Meeting => ({
  id: meeting.id,
  organizationId: meeting.organization_id,
  organizationNameVi: meeting.organization_name_vi,
  organizationNameEn: meeting.organization_name_en,
  heldOn: meeting.held_on,
  title: meeting.title,
  conclusions: conclusions
    .filter((c) => c.meeting_id === meeting.id)
    .map((c) => ({ id: c.id, number: c.number, text: c.text })),
});

async function readMeeting(db: Db, id: string): Promise<Meeting> {
  const meeting = await repository.findMeeting(db, id);
  if (!meeting) throw notFound('meeting', id);
  return toMeeting(meeting, await repository.conclusionsOf(db, [id]));
}

/** A meeting is read by those who read the tasks of the organization that held it, as in the list. */
export async function getMeeting(db: Db, principal: Principal, id: string): Promise<Meeting> {
  const meeting = await repository.findMeeting(db, id);
  if (!meeting) throw notFound('meeting', id);
  if (!can(principal.grants, 'task.read', meeting.organization_path)) throw forbidden('read this meeting');
  return toMeeting(meeting, await repository.conclusionsOf(db, [id]));
}

export async function listMeetings(db: Db, principal: Principal, query: ListMeetingsQuery) {
  const scope = await getOrganization(db, query.scope ? query.scope : defaultReadingScopeId(principal));
  if (!can(principal.grants, 'task.read', scope.path)) throw forbidden('read meetings here');
  const offset = offsetOf(query.cursor);
  const rows = await repository.listMeetings(db, {
    withinPath: scope.path,
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
    ...(query.q ? { words: searchQueryWords(query.q) } : {}),
    offset,
    limit: query.limit + 1,
  });
  const { page, nextCursor } = pageFrom(rows, query.limit, offset);
  const conclusions = await repository.conclusionsOf(
    db,
    page.map((meeting) => meeting.id),
  );
  return {
    items: page.map((meeting) => toMeeting(meeting, conclusions)),
    nextCursor,
  };
}
