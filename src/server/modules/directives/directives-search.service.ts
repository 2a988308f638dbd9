import type { Db } from '../../db/database.ts';
import { roleAllows, scopesFor } from '../../../shared/domain/roles.ts';
import type { SearchHit } from '../../../shared/schemas/search.ts';
import type { Principal } from '../../kernel/principal.ts';
import {
  type DocumentHitRow,
  findDocumentHitByNumber,
  type MeetingHitRow,
  searchDocuments,
  searchMeetings,
} from './directives-search.repository.ts';

const documentHit = (row: DocumentHitRow): SearchHit => ({
  kind: 'document',
  id: row.id,
  code: row.number,
  title: row.title,
  organization: { nameVi: row.name_vi, nameEn: row.name_en },
  date: row.issued_on,
  state: null,
});

const meetingHit = (row: MeetingHitRow): SearchHit => ({
  kind: 'meeting',
  id: row.id,
  code: null,
  title: row.title,
  organization: { nameVi: row.name_vi, nameEn: row.name_en },
  date: row.held_on,
  state: null,
});

/** Directive documents are read by every signed-in person, as their list is. */
export async function findDocumentsByWords(db: Db, words: string[], limit: number): Promise<SearchHit[]> {
  if (words.length === 0) return [];
  return (await searchDocuments(db, words, limit)).map(documentHit);
}

export async function findDocumentByNumber(db: Db, number: string): Promise<SearchHit | undefined> {
  const row = await findDocumentHitByNumber(db, number);
  return row ? documentHit(row) : undefined;
}

export const readsMeetings = (principal: Principal): boolean =>
  principal.grants.some((grant) => roleAllows(grant.role, 'task.read'));

/** Meetings are read by those who read the tasks of the organization that held them (getMeeting). */
export async function findMeetingsByWords(
  db: Db,
  principal: Principal,
  words: string[],
  limit: number,
): Promise<SearchHit[]> {
  if (!readsMeetings(principal) || words.length === 0) return [];
  return (await searchMeetings(db, words, scopesFor(principal.grants, 'task.read'), limit)).map(meetingHit);
}
