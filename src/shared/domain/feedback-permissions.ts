import {
  canTakeFeedbackAction,
  FEEDBACK_ACTIONS,
  type FeedbackAction,
  type FeedbackState,
  PUBLISHABLE_FEEDBACK_STATES,
  TRIAGE_ACTIONS,
} from './feedback.ts';
import { can, isWithinScope, type RoleGrant, roleAllows, scopesFor } from './roles.ts';

/** Where an item stands, for permission checks: unassigned items belong to no organization yet. */
export interface FeedbackPosition {
  state: FeedbackState;
  assignedPath: string | null;
  consentToPublish: boolean;
  isPublished: boolean;
}

export type FeedbackItemAction = FeedbackAction | 'note' | 'publish' | 'unpublish';

/** A scope that is a whole tree: '/' (the system) or a root organization's own path. */
export const isRootScope = (scopePath: string): boolean => scopePath.split('/').filter(Boolean).length <= 1;

/** Handlers at a root triage everything the public sends, before any organization has it. */
export function mayTriage(grants: readonly RoleGrant[]): boolean {
  return grants.some((grant) => roleAllows(grant.role, 'feedback.handle') && isRootScope(grant.scopePath));
}

/** Whether the grants read every item, unassigned ones included: no scope filter needed. */
export function readsAllFeedback(grants: readonly RoleGrant[]): boolean {
  const scopes = scopesFor(grants, 'feedback.read');
  return scopes === 'everywhere' || scopes.some(isRootScope);
}

/** Root handlers and inspectors read every item; the others what was assigned within their scope. */
export function mayReadFeedback(grants: readonly RoleGrant[], assignedPath: string | null): boolean {
  return readsAllFeedback(grants) || (assignedPath !== null && can(grants, 'feedback.read', assignedPath));
}

/**
 * The read gate as a list filter, for SQL: 'all', or the scopes within which an assigned item may
 * be read (mayReadFeedback holds for an item exactly when it is assigned within one of them).
 */
export function feedbackReadScopes(grants: readonly RoleGrant[]): 'all' | string[] {
  if (readsAllFeedback(grants)) return 'all';
  const scopes = scopesFor(grants, 'feedback.read');
  return scopes === 'everywhere' ? 'all' : [...scopes];
}

/**
 * A tracking code opens the item's public status page: it is the submitter's key, not the staff's
 * reference (that is the id). Shown to those who handle the item, who may have to tell the
 * submitter; not to those who only read it (inspectors), nor for an item the reader may not read
 * (decision 0018).
 */
export function maySeeTrackingCode(grants: readonly RoleGrant[], assignedPath: string | null): boolean {
  return mayReadFeedback(grants, assignedPath) && mayHandleAssigned(grants, assignedPath);
}

/**
 * Reading the sender's name and contact: whoever reads the item (an inspector may have to reach
 * the sender too), on an explicit request that the audit trail records (decision 0018).
 */
export function mayReadFeedbackContact(grants: readonly RoleGrant[], assignedPath: string | null): boolean {
  return mayReadFeedback(grants, assignedPath);
}

/** Handling an assigned item: its organization's handlers, those above it, and the triage. */
export function mayHandleAssigned(grants: readonly RoleGrant[], assignedPath: string | null): boolean {
  return mayTriage(grants) || (assignedPath !== null && can(grants, 'feedback.handle', assignedPath));
}

/** Reassignment moves an item only within what the handler covers. */
export function mayAssignTo(grants: readonly RoleGrant[], targetPath: string): boolean {
  return (
    mayTriage(grants) ||
    grants.some((grant) => roleAllows(grant.role, 'feedback.handle') && isWithinScope(targetPath, grant.scopePath))
  );
}

export function mayTakeFeedbackAction(
  grants: readonly RoleGrant[],
  position: FeedbackPosition,
  action: FeedbackItemAction,
): boolean {
  if (action === 'note') return mayHandleAssigned(grants, position.assignedPath) || mayTriage(grants);
  if (action === 'publish' || action === 'unpublish') {
    const fits =
      action === 'publish'
        ? position.consentToPublish && !position.isPublished && PUBLISHABLE_FEEDBACK_STATES.has(position.state)
        : position.isPublished;
    return fits && mayHandleAssigned(grants, position.assignedPath);
  }
  if (!canTakeFeedbackAction(action, position.state)) return false;
  return TRIAGE_ACTIONS.has(action) ? mayTriage(grants) : mayHandleAssigned(grants, position.assignedPath);
}

/** What the caller may do to an item now, so that screens offer only those actions. */
export function allowedFeedbackActions(grants: readonly RoleGrant[], position: FeedbackPosition): FeedbackItemAction[] {
  const all: FeedbackItemAction[] = [...FEEDBACK_ACTIONS, 'note', 'publish', 'unpublish'];
  return all.filter((action) => mayTakeFeedbackAction(grants, position, action));
}
