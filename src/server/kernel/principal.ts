import { ROLES, type RoleGrant } from '../../shared/domain/roles.ts';

/** Who is acting, and with which roles where: resolved once per request from a session or token. */
export interface Principal {
  personId: string;
  organizationId: string;
  grants: RoleGrant[];
  via: 'session' | 'token' | 'system';
  /** The API token the request came with: tokens it creates cannot outlive or survive it. */
  tokenId?: string;
}

/**
 * The seed and the CLI act as the system, holding every role everywhere: recorded as such in the
 * audit trail, never as a person.
 */
export const SYSTEM: Principal = {
  personId: '00000000-0000-0000-0000-000000000000',
  organizationId: '00000000-0000-0000-0000-000000000000',
  grants: ROLES.map((role) => ({ role, scopePath: '/' })),
  via: 'system',
};

/**
 * The system acting as one organization's staff (the demo's agencies without accounts, test
 * set-ups): one grant over that organization alone, so it takes one side of a task, never both.
 */
export const systemStaffAt = (scopePath: string): Principal => ({
  ...SYSTEM,
  grants: [{ role: 'focal_point', scopePath }],
});

export const actorIdOf = (principal: Principal): string | null =>
  principal.via === 'system' ? null : principal.personId;
