import { can, type RoleGrant, roleAllows } from './roles.ts';
import type { ObservationState } from './indicator-values.ts';

/**
 * The one gate for what a person may do to an indicator value (decision 0032): the services call
 * `mayOnObservation`, the screens offer `observationCapabilities`, the same rule.
 */
export const OBSERVATION_CAPABILITIES = ['correct', 'approve', 'return'] as const;
export type ObservationCapability = (typeof OBSERVATION_CAPABILITIES)[number];

/** What the rule needs to know of a value: whose it is, its state, and who entered it last. */
export interface ObservationPosition {
  organizationPath: string;
  state: ObservationState;
  /** Who entered or corrected the value now waiting (null: the system). */
  enteredBy: string | null;
}

export interface ObservationActor {
  personId: string | null;
  grants: readonly RoleGrant[];
}

/** A focal point of the organization, or of one above it, enters its values. */
export const mayEnterObservation = (grants: readonly RoleGrant[], organizationPath: string): boolean =>
  can(grants, 'indicator.report', organizationPath);

/**
 * Approved values are the programme's published figures: anyone who reads indicators reads them.
 * A value not yet approved is read only where the reader's scope covers the organization.
 */
export function mayReadObservation(
  grants: readonly RoleGrant[],
  observation: Pick<ObservationPosition, 'organizationPath' | 'state'>,
  everApproved: boolean,
): boolean {
  if (everApproved || observation.state === 'approved') {
    return grants.some((grant) => roleAllows(grant.role, 'indicator.read'));
  }
  return can(grants, 'indicator.read', observation.organizationPath);
}

const isOneself = (personId: string | null, other: string | null) => personId !== null && personId === other;

export function mayOnObservation(
  actor: ObservationActor,
  observation: ObservationPosition,
  capability: ObservationCapability,
): boolean {
  switch (capability) {
    case 'correct':
      return mayEnterObservation(actor.grants, observation.organizationPath);
    case 'approve':
    case 'return':
      // Nobody approves or returns the value they entered, whatever grants they hold besides.
      return (
        observation.state === 'submitted' &&
        can(actor.grants, 'indicator.approve', observation.organizationPath) &&
        !isOneself(actor.personId, observation.enteredBy)
      );
  }
}

export function observationCapabilities(
  actor: ObservationActor,
  observation: ObservationPosition,
): ObservationCapability[] {
  return OBSERVATION_CAPABILITIES.filter((capability) => mayOnObservation(actor, observation, capability));
}
