/**
 * Feedback from the public (issue 4): feedback on barriers in law, policy and procedure, a
 * recommendation, a solution or an initiative. The closed lists here are the vocabulary of the
 * API, the screens and the statistics; labels live in the message catalogue.
 */
export const FEEDBACK_TYPES = ['feedback', 'recommendation', 'solution', 'initiative'] as const;
export type FeedbackType = (typeof FEEDBACK_TYPES)[number];

export const FEEDBACK_FIELDS = [
  'institutions',
  'digital_infrastructure',
  'data',
  'human_resources',
  'research_innovation',
  'enterprises',
  'public_services',
  'security',
  'other',
] as const;
export type FeedbackField = (typeof FEEDBACK_FIELDS)[number];

export const SUBMITTER_KINDS = ['citizen', 'business', 'scientist', 'organization'] as const;
export type SubmitterKind = (typeof SUBMITTER_KINDS)[number];

/**
 * received → accepted → assigned → in_processing → answered → closed. Triage ends in accepted,
 * rejected (with a reason) or merged (into another item, which carries the answer).
 */
export const FEEDBACK_STATES = [
  'received',
  'accepted',
  'assigned',
  'in_processing',
  'answered',
  'closed',
  'rejected',
  'merged',
] as const;
export type FeedbackState = (typeof FEEDBACK_STATES)[number];

export const FEEDBACK_ACTIONS = [
  'accept',
  'reject',
  'merge',
  'assign',
  'reassign',
  'start',
  'answer',
  'close',
] as const;
export type FeedbackAction = (typeof FEEDBACK_ACTIONS)[number];

/** The single table of transitions: each action, the states it may start from and where it leads. */
export const FEEDBACK_ACTION_EFFECTS: Readonly<
  Record<FeedbackAction, { from: readonly FeedbackState[]; to: FeedbackState }>
> = {
  accept: { from: ['received'], to: 'accepted' },
  reject: { from: ['received'], to: 'rejected' },
  // A duplicate may also be noticed after acceptance, before anyone works on it.
  merge: { from: ['received', 'accepted'], to: 'merged' },
  assign: { from: ['accepted'], to: 'assigned' },
  // The new organization starts afresh, hence back to assigned.
  reassign: { from: ['assigned', 'in_processing'], to: 'assigned' },
  start: { from: ['assigned'], to: 'in_processing' },
  answer: { from: ['assigned', 'in_processing'], to: 'answered' },
  close: { from: ['answered'], to: 'closed' },
};

export const canTakeFeedbackAction = (action: FeedbackAction, state: FeedbackState): boolean =>
  FEEDBACK_ACTION_EFFECTS[action].from.includes(state);

/**
 * Triage decides for the whole committee, so only a handler whose scope is a whole tree takes
 * these; the others are taken by handlers of the assigned organization (or above it).
 */
export const TRIAGE_ACTIONS: ReadonlySet<FeedbackAction> = new Set(['accept', 'reject', 'merge', 'assign']);

/** Actions that need a reason from the person taking them. */
export const FEEDBACK_ACTIONS_NEEDING_REASON: ReadonlySet<FeedbackAction> = new Set(['reject', 'reassign']);

/** States in which nothing more is expected from the committee. */
export const SETTLED_FEEDBACK_STATES: ReadonlySet<FeedbackState> = new Set([
  'answered',
  'closed',
  'rejected',
  'merged',
]);

/** States the public portal may show, when the submitter consented and a handler published. */
export const PUBLISHABLE_FEEDBACK_STATES: ReadonlySet<FeedbackState> = new Set(['answered', 'closed']);

/**
 * What the timeline records. Internal notes never leave the committee; the other kinds are shown
 * to the submitter (reasons of reassignment excepted: they are internal).
 */
export const FEEDBACK_EVENT_KINDS = [
  'received',
  ...FEEDBACK_ACTIONS,
  'note',
  'published',
  'unpublished',
  // An initiative became a task: its code is the event's reason (initiatives.service.ts).
  'adopted',
] as const;
export type FeedbackEventKind = (typeof FEEDBACK_EVENT_KINDS)[number];

export const INTERNAL_EVENT_KINDS: ReadonlySet<FeedbackEventKind> = new Set(['note', 'published', 'unpublished']);

export const FEEDBACK_SORTS = ['due', '-due', 'received', '-received'] as const;
export type FeedbackSort = (typeof FEEDBACK_SORTS)[number];

/** Initiative evaluation criteria, each scored 1–5 (evaluation itself is built later). */
export const INITIATIVE_CRITERIA = ['novelty', 'feasibility', 'impact', 'resources'] as const;
export type InitiativeCriterion = (typeof INITIATIVE_CRITERIA)[number];

export const TITLE_MAX = 200;
export const CONTENT_MAX = 10_000;
export const NAME_MAX = 200;

/**
 * Submissions accepted per hour from one client address and for one contact (phone or e-mail):
 * enough for a person, too few for a spammer. Configurable (env.ts): a load test raises them.
 */
export interface SubmissionLimits {
  perAddressPerHour: number;
  perContactPerHour: number;
}
export const DEFAULT_SUBMISSION_LIMITS: SubmissionLimits = { perAddressPerHour: 10, perContactPerHour: 3 };

/** Attachments: checked by their first bytes like evidence (see evidence.ts), smaller and fewer. */
export const ATTACHMENT_MAX_FILES = 5;
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/**
 * Vietnamese numbers as people write them: 0912345678, +84 912 345 678, 84-912-345-678; mobiles
 * are 0 + 3/5/7/8/9 + 8 digits, landlines 0 + 2 + 9 digits (area code and subscriber).
 */
const VIETNAMESE_PHONE = /^(?:\+?84|0)([35789]\d{8}|2\d{9})$/;

/** The number in +84 form, or undefined when it is not a Vietnamese phone number. */
export function normalizePhone(phone: string): string | undefined {
  const match = VIETNAMESE_PHONE.exec(phone.replace(/[\s.()-]/g, ''));
  return match ? `+84${match[1]}` : undefined;
}

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/**
 * Tracking codes: `PA-` (phản ánh) and 10 Crockford base32 characters, 50 random bits, so that
 * they cannot be guessed or enumerated; read aloud or retyped without ambiguity (no I, L, O, U).
 */
export const TRACKING_PREFIX = 'PA-';
export const TRACKING_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TRACKING_LENGTH = 10;
export const TRACKING_CODE_PATTERN = /^PA-[0-9A-HJKMNP-TV-Z]{10}$/;

/** Builds a code from random bytes (one byte a character, the low 5 bits of each). */
export function trackingCodeFrom(randomBytes: Uint8Array): string {
  if (randomBytes.length < TRACKING_LENGTH) throw new Error(`Need ${TRACKING_LENGTH} random bytes`);
  let code = TRACKING_PREFIX;
  for (let index = 0; index < TRACKING_LENGTH; index += 1) code += TRACKING_ALPHABET[randomBytes[index]! & 31];
  return code;
}

/**
 * A code as someone typed it, made canonical: case, spaces and hyphens ignored, and the letters
 * Crockford reads as digits (I, L → 1; O → 0). Undefined when it cannot be a code.
 */
export function normalizeTrackingCode(input: string): string | undefined {
  const compact = input.toUpperCase().replace(/[\s-]/g, '').replace(/^PA/, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  const code = `${TRACKING_PREFIX}${compact}`;
  return TRACKING_CODE_PATTERN.test(code) ? code : undefined;
}
