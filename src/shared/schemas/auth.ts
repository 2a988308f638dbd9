import { z } from 'zod';
import { ROLES } from '../domain/roles.ts';
import { IdSchema, LocaleSchema, safeText, text } from './common.ts';

export const SignInSchema = z.strictObject({
  email: z.email().max(254),
  password: safeText().min(1).max(200),
});
export type SignIn = z.infer<typeof SignInSchema>;

export const RoleAssignmentSchema = z.object({
  id: IdSchema,
  role: z.enum(ROLES),
  organizationId: IdSchema,
  organizationCode: z.string(),
  organizationNameVi: z.string(),
  organizationNameEn: z.string(),
});
export type RoleAssignment = z.infer<typeof RoleAssignmentSchema>;

export const SessionSchema = z.object({
  person: z.object({
    id: IdSchema,
    email: z.string(),
    fullName: z.string(),
    locale: LocaleSchema,
    organizationId: IdSchema,
  }),
  roles: z.array(RoleAssignmentSchema),
  /** Sent back in the X-CSRF-Token header on every unsafe request made with the session cookie. */
  csrfToken: z.string(),
});
export type Session = z.infer<typeof SessionSchema>;

export const CreateApiTokenSchema = z.strictObject({
  name: text(100),
  expiresInDays: z.number().int().min(1).max(366).default(90),
});
export const ApiTokenSchema = z.object({
  id: IdSchema,
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export const CreatedApiTokenSchema = ApiTokenSchema.extend({
  token: z.string().describe('Shown once; send it as "Authorization: Bearer <token>"'),
});
