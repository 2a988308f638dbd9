import { z } from 'zod';
import { PERSON_ACTIONS } from '../domain/person-permissions.ts';
import { ROLES } from '../domain/roles.ts';
import { RoleAssignmentSchema } from './auth.ts';
import { IdSchema, LocaleSchema, PageQuerySchema, safeText, text } from './common.ts';

export const PASSWORD_MIN_LENGTH = 12;
export const PasswordSchema = safeText().min(PASSWORD_MIN_LENGTH).max(200);

export const PersonSchema = z.object({
  id: IdSchema,
  email: z.string(),
  fullName: z.string(),
  locale: LocaleSchema,
  organizationId: IdSchema,
  organizationNameVi: z.string(),
  isActive: z.boolean(),
  roles: z.array(RoleAssignmentSchema),
  version: z.number().int(),
  /** What the caller may do to this person now (`mayManagePerson`): the screens offer only these. */
  allowedActions: z.array(z.enum(PERSON_ACTIONS)),
});
export type Person = z.infer<typeof PersonSchema>;

export const ListPeopleQuerySchema = PageQuerySchema.extend({
  q: safeText().trim().max(200).optional(),
  /** Only people whose organization lies within this one (id or code). */
  scope: safeText().max(100).optional(),
});
export type ListPeopleQuery = z.infer<typeof ListPeopleQuerySchema>;

export const CreatePersonSchema = z.strictObject({
  email: z.email().max(254),
  fullName: text(200),
  locale: LocaleSchema.default('vi'),
  organizationId: IdSchema,
  password: PasswordSchema,
});
export type CreatePerson = z.infer<typeof CreatePersonSchema>;

export const UpdatePersonSchema = z.strictObject({
  fullName: text(200).optional(),
  locale: LocaleSchema.optional(),
  isActive: z.boolean().optional(),
});
export type UpdatePerson = z.infer<typeof UpdatePersonSchema>;

export const GrantRoleSchema = z.strictObject({
  role: z.enum(ROLES),
  organizationId: IdSchema,
});
export type GrantRole = z.infer<typeof GrantRoleSchema>;
