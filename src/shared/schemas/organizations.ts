import { z } from 'zod';
import { ORGANIZATION_KINDS } from '../domain/organization-kinds.ts';
import { IdSchema, PageQuerySchema, safeText, text } from './common.ts';

export const OrganizationSchema = z.object({
  id: IdSchema,
  code: z.string(),
  kind: z.enum(ORGANIZATION_KINDS),
  nameVi: z.string(),
  nameEn: z.string(),
  parentId: IdSchema.nullable(),
  /** The parent's names: search results tell apart two communes named alike in different provinces. */
  parentNameVi: z.string().nullable(),
  parentNameEn: z.string().nullable(),
  depth: z.number().int(),
  childCount: z.number().int(),
  version: z.number().int(),
});
export type Organization = z.infer<typeof OrganizationSchema>;

export const OrganizationDetailSchema = OrganizationSchema.extend({
  ancestors: z.array(OrganizationSchema.pick({ id: true, code: true, nameVi: true, nameEn: true })),
});
export type OrganizationDetail = z.infer<typeof OrganizationDetailSchema>;

export const ListOrganizationsQuerySchema = PageQuerySchema.extend({
  /** Children of this organization (id or code); the roots when absent and no search is given. */
  parent: safeText().max(100).optional(),
  /** Searches names and codes, ignoring case and diacritics, within `parent` if given. */
  q: safeText().trim().max(200).optional(),
  kind: z.enum(ORGANIZATION_KINDS).optional(),
});
export type ListOrganizationsQuery = z.infer<typeof ListOrganizationsQuerySchema>;

const codeSchema = safeText()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash or underscore');

export const CreateOrganizationSchema = z.strictObject({
  code: codeSchema,
  kind: z.enum(ORGANIZATION_KINDS),
  nameVi: text(300),
  nameEn: text(300),
  parentId: IdSchema,
});
export type CreateOrganization = z.infer<typeof CreateOrganizationSchema>;

export const UpdateOrganizationSchema = z.strictObject({
  nameVi: text(300).optional(),
  nameEn: text(300).optional(),
  kind: z.enum(ORGANIZATION_KINDS).optional(),
});
export type UpdateOrganization = z.infer<typeof UpdateOrganizationSchema>;
