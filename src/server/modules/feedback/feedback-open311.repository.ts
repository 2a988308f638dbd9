import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { FeedbackField, FeedbackState, FeedbackType } from '../../../shared/domain/feedback.ts';

/**
 * The reads behind Open311 GET requests (issue 4): items by tracking code, or the published ones
 * received in a window, with only the columns a public reader may see — never the submitter's
 * name or contact, never an internal note or an actor.
 */
export interface Open311Filter {
  receivedFrom: Date;
  receivedTo: Date;
  services?: { type: FeedbackType; field: FeedbackField }[];
  states?: readonly FeedbackState[];
  limit: number;
}

function publicColumns(db: Db) {
  return db
    .selectFrom('feedback_item as f')
    .leftJoin('organization as o', 'o.id', 'f.assigned_organization_id')
    .leftJoin('feedback_item as m', 'm.id', 'f.merged_into')
    .select((eb) => [
      'f.tracking_code',
      'f.type',
      'f.field',
      'f.state',
      'f.title',
      'f.content',
      'f.is_published',
      'f.received_at',
      'f.answer_due_on',
      'f.answer',
      'f.latitude',
      'f.longitude',
      'f.address',
      'f.media_url',
      'o.name_vi as agency_name_vi',
      'o.name_en as agency_name_en',
      'm.tracking_code as merged_into_code',
      // The last step the submitter can see: internal notes and publication are not changes to them.
      eb
        .selectFrom('feedback_event as e')
        .select(sql<Date | string>`max(e.at)`.as('at'))
        .whereRef('e.item_id', '=', 'f.id')
        .where('e.is_internal', '=', false)
        .as('updated_at'),
      // A rejection's reason is told to the submitter (see toPublicEvent); other reasons are internal.
      eb
        .selectFrom('feedback_event as e')
        .select('e.reason')
        .whereRef('e.item_id', '=', 'f.id')
        .where('e.kind', '=', 'reject')
        .orderBy('e.at', 'desc')
        .limit(1)
        .as('reject_reason'),
    ]);
}

export type Open311Row = Awaited<ReturnType<typeof findByTrackingCodes>>[number];

export async function findByTrackingCodes(db: Db, codes: string[]) {
  if (codes.length === 0) return [];
  return publicColumns(db).where('f.tracking_code', 'in', codes).orderBy('f.received_at', 'desc').execute();
}

/** Published items only: without a tracking code, a reader sees what the portal shows. */
export async function listPublishedForOpen311(db: Db, filter: Open311Filter) {
  let query = publicColumns(db)
    .where('f.is_published', '=', true)
    .where('f.received_at', '>=', filter.receivedFrom)
    .where('f.received_at', '<=', filter.receivedTo);
  const services = filter.services;
  if (services?.length) {
    query = query.where((eb) =>
      eb.or(services.map((service) => eb.and([eb('f.type', '=', service.type), eb('f.field', '=', service.field)]))),
    );
  }
  if (filter.states) query = query.where('f.state', 'in', [...filter.states]);
  return query.orderBy('f.received_at', 'desc').orderBy('f.id').limit(filter.limit).execute();
}
