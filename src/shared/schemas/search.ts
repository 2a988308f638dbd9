import { z } from 'zod';
import { CalendarDateSchema, IdSchema, safeText } from './common.ts';

/** What the global search looks through, in the order its groups are shown. */
export const SEARCH_KINDS = ['task', 'feedback', 'document', 'meeting', 'organization'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SearchQuerySchema = z.object({
  q: safeText()
    .trim()
    .min(1)
    .max(200)
    .describe(
      'Words in any order, diacritics and case ignored, the last one perhaps unfinished; or a task code, a document number or a feedback tracking code',
    ),
  limit: z.coerce.number().int().min(1).max(20).default(5).describe('Items at most in each group'),
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

const NamesSchema = z.object({ nameVi: z.string(), nameEn: z.string() });

export const SearchHitSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: IdSchema,
  /** Task code, document number, organization code; a tracking code only to the item's handlers. */
  code: z.string().nullable(),
  title: z.string(),
  /** The task's lead agency, the document's issuer, the meeting's organization, the item's assignee. */
  organization: NamesSchema.nullable(),
  /** Deadline (task), issue date (document), meeting date, day received (feedback). */
  date: CalendarDateSchema.nullable(),
  /** The task's or the item's state. */
  state: z.string().nullable(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const SearchGroupSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  /** Best first: every word close together and in a short text ranks higher. */
  items: z.array(SearchHitSchema),
  hasMore: z.boolean(),
});
export type SearchGroup = z.infer<typeof SearchGroupSchema>;

export const SearchResultSchema = z.object({
  /** The item whose code was typed, when the caller may open it: clients go straight there. */
  goTo: SearchHitSchema.nullable(),
  /** One group for each kind the caller may read, in SEARCH_KINDS order, even when empty. */
  groups: z.array(SearchGroupSchema),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;
