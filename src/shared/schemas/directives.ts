import { z } from 'zod';
import { DOCUMENT_TYPES } from '../domain/task-vocabulary.ts';
import { CalendarDateSchema, IdSchema, PageQuerySchema, safeText, text } from './common.ts';

export const ProgrammeSchema = z.object({
  id: IdSchema,
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  ownerOrganizationId: IdSchema,
  groups: z.array(z.object({ id: IdSchema, number: z.number().int(), nameVi: z.string(), nameEn: z.string() })),
});
export type Programme = z.infer<typeof ProgrammeSchema>;

export const CreateProgrammeSchema = z.strictObject({
  code: safeText()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9._-]+$/),
  nameVi: text(300),
  nameEn: text(300),
  ownerOrganizationId: IdSchema,
  groups: z
    .array(z.strictObject({ number: z.number().int().min(1).max(99), nameVi: text(300), nameEn: text(300) }))
    .max(50)
    // Each number once: the database keeps them unique, and a repeat was a 500 (found by the fuzz test).
    .superRefine((groups, context) => {
      groups.forEach((group, index) => {
        if (groups.findIndex((other) => other.number === group.number) < index) {
          context.addIssue({ code: 'custom', path: [index, 'number'], message: 'error.duplicate_in_list' });
        }
      });
    })
    .default([]),
});
export type CreateProgramme = z.infer<typeof CreateProgrammeSchema>;

export const DirectiveDocumentSchema = z.object({
  id: IdSchema,
  number: z.string(),
  docType: z.enum(DOCUMENT_TYPES),
  issuerOrganizationId: IdSchema,
  issuerNameVi: z.string(),
  issuerNameEn: z.string(),
  issuedOn: CalendarDateSchema,
  title: z.string(),
});
export type DirectiveDocument = z.infer<typeof DirectiveDocumentSchema>;

export const CreateDirectiveDocumentSchema = z.strictObject({
  /** Such as 57-NQ/TW, 01-CV/BCĐTW, 02-KH/BCĐTW. */
  number: text(60),
  docType: z.enum(DOCUMENT_TYPES),
  issuerOrganizationId: IdSchema,
  issuedOn: CalendarDateSchema,
  // A document's title runs over lines (its screen field is multi-line).
  title: text(500, { multiline: true }),
});
export type CreateDirectiveDocument = z.infer<typeof CreateDirectiveDocumentSchema>;

export const ListDirectivesQuerySchema = PageQuerySchema.extend({
  q: safeText().trim().max(200).optional(),
  type: z.enum(DOCUMENT_TYPES).optional(),
  issuer: IdSchema.optional(),
  year: z.coerce.number().int().min(1900).max(2200).optional(),
});
export type ListDirectivesQuery = z.infer<typeof ListDirectivesQuerySchema>;

export const MeetingSchema = z.object({
  id: IdSchema,
  organizationId: IdSchema,
  organizationNameVi: z.string(),
  organizationNameEn: z.string(),
  heldOn: CalendarDateSchema,
  title: z.string(),
  conclusions: z.array(z.object({ id: IdSchema, number: z.number().int(), text: z.string() })),
});
export type Meeting = z.infer<typeof MeetingSchema>;

export const CreateMeetingSchema = z.strictObject({
  organizationId: IdSchema,
  heldOn: CalendarDateSchema,
  title: text(500),
  conclusions: z
    .array(text(4000, { multiline: true }))
    .max(100)
    .default([]),
});
export type CreateMeeting = z.infer<typeof CreateMeetingSchema>;

export const ListMeetingsQuerySchema = PageQuerySchema.extend({
  scope: safeText().max(100).optional(),
  from: CalendarDateSchema.optional(),
  to: CalendarDateSchema.optional(),
  q: safeText()
    .trim()
    .max(200)
    .optional()
    .describe('Words of the title or conclusions, in any order, diacritics ignored'),
});
export type ListMeetingsQuery = z.infer<typeof ListMeetingsQuerySchema>;
