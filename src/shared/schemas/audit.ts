import { z } from 'zod';
import { IdSchema, PageQuerySchema, safeText } from './common.ts';

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: IdSchema.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const ListAuditQuerySchema = PageQuerySchema.extend({
  entityType: safeText().max(50).optional(),
  entityId: safeText().max(100).optional(),
  actorId: IdSchema.optional(),
  action: safeText().max(100).optional(),
});
export type ListAuditQuery = z.infer<typeof ListAuditQuerySchema>;

export const AuditVerificationSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  problems: z.array(z.object({ seq: z.number().int(), problem: z.string() })),
});
export type AuditVerification = z.infer<typeof AuditVerificationSchema>;
