import type { Db } from '../../db/database.ts';
import type { SearchHit } from '../../../shared/schemas/search.ts';
import { searchOrganizations } from './organizations-search.repository.ts';

/** The directory is readable by every signed-in person: no filter. The parent names the place. */
export async function findOrganizationsByWords(db: Db, words: string[], limit: number): Promise<SearchHit[]> {
  if (words.length === 0) return [];
  const rows = await searchOrganizations(db, words, limit);
  return rows.map((row) => ({
    kind: 'organization',
    id: row.id,
    code: row.code,
    title: row.name_vi,
    organization:
      row.parent_name_vi !== null && row.parent_name_en !== null
        ? { nameVi: row.parent_name_vi, nameEn: row.parent_name_en }
        : null,
    date: null,
    state: null,
  }));
}
