import { type Insertable, sql, type Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import { matchesWords } from '../../db/search-sql.ts';
import type { FeedbackAttachmentTable, FeedbackEventTable, FeedbackItemTable } from '../../db/schema.ts';
import { assignedWithin } from './feedback-queue.repository.ts';
import type { FeedbackField } from '../../../shared/domain/feedback.ts';

export type NewItemRow = Insertable<FeedbackItemTable>;
export type ItemChanges = Omit<Updateable<FeedbackItemTable>, 'id' | 'version' | 'pending_due_on'>;
export type ItemRow = Awaited<ReturnType<typeof findItem>> & {};

/**
 * A duplicate is "very similar" from this trigram similarity of the folded texts (0–1). Unrelated
 * submissions on the committee's themes score about 0.4 (common Vietnamese syllables), texts on one
 * topic up to 0.95, a resubmission retyped without diacritics or in capitals above 0.9: at 0.8 the
 * demo's 24 retyped items are flagged and 13 others, at 0.6 two thirds of all items were.
 */
export const SIMILARITY_THRESHOLD = 0.8;

/**
 * Likely duplicates are looked for among this many most recent items of the same field (the
 * same content is found anywhere, by its hash). Over every item, trigram search matched most of a
 * million-item table on common syllables and took two seconds a submission; this bound keeps it a
 * few milliseconds, and a resubmission comes soon after the first.
 */
export const DUPLICATE_CANDIDATES = 2000;

export async function insertItem(tx: Db, row: NewItemRow): Promise<{ id: string }> {
  return tx.insertInto('feedback_item').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function insertEvent(tx: Db, row: Insertable<FeedbackEventTable>): Promise<void> {
  await tx.insertInto('feedback_event').values(row).execute();
}

export async function insertAttachments(tx: Db, rows: Insertable<FeedbackAttachmentTable>[]): Promise<void> {
  if (rows.length > 0) await tx.insertInto('feedback_attachment').values(rows).execute();
}

/** Bumps the version, so that any concurrent edit based on the old one fails with 412. */
export async function updateItem(tx: Db, id: string, changes: ItemChanges): Promise<void> {
  await tx
    .updateTable('feedback_item')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
}

export async function findItem(db: Db, id: string, options: { lock?: boolean } = {}) {
  let query = db.selectFrom('feedback_item').selectAll().where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findItemByTrackingCode(db: Db, trackingCode: string) {
  return db.selectFrom('feedback_item').selectAll().where('tracking_code', '=', trackingCode).executeTakeFirst();
}

export async function trackingCodeOf(db: Db, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('feedback_item').select('tracking_code').where('id', '=', id).executeTakeFirst();
  return row?.tracking_code;
}

/** Other items an item refers to (merged into, flagged as its duplicate): what a reader's gates need. */
export async function itemRefs(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('feedback_item')
    .select(['id', 'tracking_code', 'assigned_path'])
    .where('id', 'in', ids)
    .execute();
}

export async function eventsOf(db: Db, itemId: string, options: { publicOnly: boolean }) {
  let query = db
    .selectFrom('feedback_event as e')
    .leftJoin('organization as o', 'o.id', 'e.organization_id')
    .leftJoin('person as p', 'p.id', 'e.actor_id')
    .select([
      'e.id',
      'e.at',
      'e.kind',
      'e.from_state',
      'e.to_state',
      'e.reason',
      'e.body',
      'e.is_internal',
      'o.name_vi as organization_name',
      'p.full_name as actor_name',
    ])
    .where('e.item_id', '=', itemId);
  if (options.publicOnly) query = query.where('e.is_internal', '=', false);
  return query.orderBy('e.at').orderBy('e.id').execute();
}

export async function attachmentsOf(db: Db, itemId: string) {
  return db
    .selectFrom('feedback_attachment')
    .select(['id', 'file_name', 'media_type', 'size_bytes', 'sha256', 'created_at'])
    .where('item_id', '=', itemId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findAttachmentContent(db: Db, id: string) {
  return db.selectFrom('feedback_attachment').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Same folded content first (an index lookup), then the most similar recent item of the field. */
export async function findLikelyDuplicate(
  tx: Db,
  contentHash: string,
  folded: string,
  field: FeedbackField,
): Promise<{ id: string } | undefined> {
  const same = await tx
    .selectFrom('feedback_item')
    .select('id')
    .where('content_hash', '=', contentHash)
    .where('state', '!=', 'merged')
    .orderBy('received_at')
    .limit(1)
    .executeTakeFirst();
  if (same) return same;
  const [similar] = await similarItems(tx, folded, { field, limit: 1 });
  return similar;
}

/**
 * Among the field's DUPLICATE_CANDIDATES most recent items, those at least SIMILARITY_THRESHOLD
 * alike; of those assigned within `scopePaths` when given (a reader's scope: assignedWithin).
 */
export async function similarItems(
  db: Db,
  folded: string,
  options: { field: FeedbackField; limit: number; excludeId?: string; scopePaths?: readonly string[] | undefined },
) {
  let recent = db
    .selectFrom('feedback_item')
    .select(['id', 'tracking_code', 'title', 'state', 'received_at', 'search_text', 'assigned_path'])
    .where('field', '=', options.field)
    .where('state', '!=', 'merged');
  if (options.excludeId) recent = recent.where('id', '!=', options.excludeId);
  const similarity = sql<number>`similarity(recent.search_text, ${folded})`;
  let query = db
    .selectFrom(recent.orderBy('received_at', 'desc').limit(DUPLICATE_CANDIDATES).as('recent'))
    .select([
      'recent.id',
      'recent.tracking_code',
      'recent.title',
      'recent.state',
      'recent.received_at',
      'recent.assigned_path',
    ])
    .select(similarity.as('similarity'))
    .where(similarity, '>=', SIMILARITY_THRESHOLD);
  // Once the candidates are chosen: a reader's scope narrows the list, not the search's bound.
  if (options.scopePaths) query = query.where(assignedWithin('recent.assigned_path', options.scopePaths));
  return query.orderBy('similarity', 'desc').orderBy('recent.received_at').limit(options.limit).execute();
}

/** Adds one to a counter and returns the new count: one statement, so concurrent processes agree. */
export async function countSubmission(db: Db, subject: string, windowStart: Date): Promise<number> {
  const row = await db
    .insertInto('feedback_rate_counter')
    .values({ subject, window_start: windowStart, count: 1 })
    .onConflict((conflict) =>
      conflict.columns(['subject', 'window_start']).doUpdateSet({ count: sql`feedback_rate_counter.count + 1` }),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  return row.count;
}

/** Counters of past windows serve nothing: dropped now and then, by whichever process counts. */
export async function dropCountersBefore(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('feedback_rate_counter').where('window_start', '<', before).execute();
}

export async function hashKey(db: Db): Promise<string> {
  const row = await db.selectFrom('feedback_secret').select('hash_key').executeTakeFirstOrThrow();
  return row.hash_key;
}

export async function organizationNames(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('organization')
    .select(['id', 'code', 'name_vi', 'name_en', 'path'])
    .where('id', 'in', ids)
    .execute();
}

export interface PublicFilter {
  types?: string[];
  fields?: string[];
  words?: string[];
}

/** Published answers, newest first: the portal's list, on the partial index of published items. */
export async function listPublished(db: Db, filter: PublicFilter, page: { offset: number; limit: number }) {
  let query = db
    .selectFrom('feedback_item as f')
    .leftJoin('organization as o', 'o.id', 'f.assigned_organization_id')
    .select([
      'f.tracking_code',
      'f.type',
      'f.field',
      'f.title',
      'f.content',
      'f.submitter_kind',
      'f.received_at',
      'f.state',
      'f.answer',
      'f.answered_at',
      'o.name_vi as organization_name',
    ])
    .where('f.is_published', '=', true);
  if (filter.types?.length) query = query.where('f.type', 'in', filter.types as FeedbackItemTable['type'][]);
  if (filter.fields?.length) query = query.where('f.field', 'in', filter.fields as FeedbackItemTable['field'][]);
  if (filter.words?.length) query = query.where(matchesWords('f', filter.words));
  return query.orderBy('f.answered_at', 'desc').orderBy('f.id').offset(page.offset).limit(page.limit).execute();
}
