import { can, canGrant, type RoleGrant } from './roles.ts';

/** What may be done to a person: `edit` their name, language or active state; `manage_roles`, grant and revoke. */
export const PERSON_ACTIONS = ['edit', 'manage_roles'] as const;
export type PersonAction = (typeof PERSON_ACTIONS)[number];

/** Where a person stands: their organization, and the roles they hold with each one's scope. */
export interface ManagedPerson {
  organizationPath: string;
  roles: readonly RoleGrant[];
}

/**
 * Whether the grants let their holder act on this person at all (edit, disable, grant or revoke
 * roles): `person.write` over the person's organization, and for every role the person holds, the
 * power to grant that role where it is held. So a scoped admin cannot act on someone holding a role
 * whose scope lies outside the admin's (a national role, say), nor on an inspector, who reads
 * everywhere and whom only a root admin appoints: else a province's admin could disable, rename or
 * strip the people above them.
 */
export function mayManagePerson(grants: readonly RoleGrant[], person: ManagedPerson): boolean {
  return (
    can(grants, 'person.write', person.organizationPath) &&
    person.roles.every((held) => canGrant(grants, held.role, held.scopePath))
  );
}

/** The actions the screens offer on a person: all of them or none, by `mayManagePerson`. */
export function allowedPersonActions(grants: readonly RoleGrant[], person: ManagedPerson): PersonAction[] {
  return mayManagePerson(grants, person) ? [...PERSON_ACTIONS] : [];
}
