import type { ColumnType, Generated } from 'kysely';
import type { OrganizationKind } from '../../shared/domain/organization-kinds.ts';
import type { Role } from '../../shared/domain/roles.ts';
import type { Locale } from '../../shared/schemas/common.ts';

/** JSON written as its text and read back parsed (both drivers parse jsonb). */
type Json = ColumnType<unknown, string | null, string | null>;

export interface OrganizationTable {
  id: Generated<string>;
  code: string;
  kind: OrganizationKind;
  name_vi: string;
  name_en: string;
  parent_id: string | null;
  /** "/<root id>/…/<own id>/": scope checks and subtree reads are prefix matches. */
  path: string;
  depth: number;
  /** Kind rank then code: siblings list central bodies before provinces, in a stable order. */
  sort_key: string;
  /** Kept by the repository on insert: the tree shows it on every row, and counting is a scan. */
  child_count: Generated<number>;
  /** Names and code folded by foldForSearch, for search that ignores diacritics. */
  search_text: string;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PersonTable {
  id: Generated<string>;
  email: string;
  full_name: string;
  locale: Locale;
  organization_id: string;
  password_hash: string;
  is_active: Generated<boolean>;
  search_text: string;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface RoleAssignmentTable {
  id: Generated<string>;
  person_id: string;
  role: Role;
  organization_id: string;
  granted_by: string | null;
  created_at: Generated<Date>;
}

export interface SessionTable {
  /** SHA-256 of the cookie value: a leaked table does not yield usable sessions. */
  token_hash: string;
  person_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  expires_at: Date;
}

export interface ApiTokenTable {
  id: Generated<string>;
  person_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: Generated<Date>;
  expires_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface SignInAttemptTable {
  id: Generated<string>;
  email: string;
  ip: string;
  succeeded: boolean;
  at: Generated<Date>;
}

export interface AuditLogTable {
  seq: number;
  at: Date;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  /** Path of the organization the entry concerns, so admins read only their scope's trail. */
  scope_path: string | null;
  before: Json;
  after: Json;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface Database {
  organization: OrganizationTable;
  person: PersonTable;
  role_assignment: RoleAssignmentTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  sign_in_attempt: SignInAttemptTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}
