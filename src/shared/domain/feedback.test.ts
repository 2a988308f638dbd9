import { describe, expect, it } from 'vitest';
import {
  canTakeFeedbackAction,
  FEEDBACK_ACTION_EFFECTS,
  FEEDBACK_ACTIONS,
  FEEDBACK_STATES,
  normalizePhone,
  normalizeTrackingCode,
  TRACKING_CODE_PATTERN,
  trackingCodeFrom,
} from './feedback.ts';
import {
  allowedFeedbackActions,
  mayAssignTo,
  mayReadFeedback,
  mayTakeFeedbackAction,
  mayTriage,
} from './feedback-permissions.ts';
import { dueSoonLimit, pendingDueOn, serviceLevelDueDates, serviceLevelOf } from './feedback-service-level.ts';
import type { RoleGrant } from './roles.ts';
import { workingCalendar } from './working-days.ts';

describe('Vietnamese phone numbers', () => {
  it.each([
    ['0912345678', '+84912345678'],
    ['+84912345678', '+84912345678'],
    ['84 912 345 678', '+84912345678'],
    ['091.234.5678', '+84912345678'],
    ['(024) 3825-1234', '+842438251234'],
    ['0356789012', '+84356789012'],
  ])('%s → %s', (input, expected) => expect(normalizePhone(input)).toBe(expected));

  it.each(['091234567', '09123456789', '0112345678', '+33612345678', 'không có', '', '0612345678'])(
    'refuses %j',
    (input) => expect(normalizePhone(input)).toBeUndefined(),
  );
});

describe('tracking codes', () => {
  it('are PA- and ten Crockford characters, from random bytes', () => {
    const code = trackingCodeFrom(Uint8Array.from([0, 1, 2, 31, 32, 255, 100, 17, 18, 26]));
    expect(code).toBe('PA-012Z0Z4HJT');
    expect(code).toMatch(TRACKING_CODE_PATTERN);
  });

  it('read back as typed: case, spaces, hyphens, and I/L/O for 1/0', () => {
    expect(normalizeTrackingCode('pa-012zzz4hjt')).toBe('PA-012ZZZ4HJT');
    expect(normalizeTrackingCode(' PA 0I2Z-ZZ4H JT ')).toBe('PA-012ZZZ4HJT');
    expect(normalizeTrackingCode('O12ZZZ4HJT')).toBe('PA-012ZZZ4HJT');
    expect(normalizeTrackingCode('PA-012ZZZ4HJ')).toBeUndefined();
    expect(normalizeTrackingCode('PA-012ZZZ4HJU')).toBeUndefined();
    expect(normalizeTrackingCode("PA-1' OR 1=1")).toBeUndefined();
  });
});

describe('the transition table', () => {
  it('leads every state but the final ones somewhere, and nothing out of closed, rejected or merged', () => {
    for (const state of FEEDBACK_STATES) {
      const out = FEEDBACK_ACTIONS.filter((action) => canTakeFeedbackAction(action, state));
      const final = state === 'closed' || state === 'rejected' || state === 'merged';
      expect(out.length === 0, state).toBe(final);
    }
  });

  it('triages from received only, and reassigns while assigned or in processing', () => {
    expect(FEEDBACK_ACTION_EFFECTS.accept.from).toEqual(['received']);
    expect(FEEDBACK_ACTION_EFFECTS.reject.from).toEqual(['received']);
    expect(canTakeFeedbackAction('reassign', 'in_processing')).toBe(true);
    expect(canTakeFeedbackAction('reassign', 'answered')).toBe(false);
    expect(canTakeFeedbackAction('assign', 'received')).toBe(false);
  });
});

describe('who may do what', () => {
  const ROOT = '/root/';
  const HANOI = '/root/hanoi/';
  const WARD = '/root/hanoi/ward/';
  const HCM = '/root/hcm/';
  const rootHandler: RoleGrant[] = [{ role: 'feedback_handler', scopePath: ROOT }];
  const hanoiHandler: RoleGrant[] = [{ role: 'feedback_handler', scopePath: HANOI }];
  const inspector: RoleGrant[] = [{ role: 'inspector', scopePath: HCM }];
  const steering: RoleGrant[] = [{ role: 'steering', scopePath: ROOT }];
  const position = (state: (typeof FEEDBACK_STATES)[number], assignedPath: string | null) => ({
    state,
    assignedPath,
    consentToPublish: true,
    isPublished: false,
  });

  it('lets only a root handler triage', () => {
    expect(mayTriage(rootHandler)).toBe(true);
    expect(mayTriage(hanoiHandler)).toBe(false);
    expect(mayTriage(inspector)).toBe(false);
    expect(mayTakeFeedbackAction(hanoiHandler, position('received', null), 'accept')).toBe(false);
    expect(allowedFeedbackActions(rootHandler, position('received', null))).toEqual([
      'accept',
      'reject',
      'merge',
      'note',
    ]);
  });

  it('reads unassigned items at the root and for inspectors, assigned ones within the scope', () => {
    expect(mayReadFeedback(rootHandler, null)).toBe(true);
    expect(mayReadFeedback(inspector, null)).toBe(true);
    expect(mayReadFeedback(hanoiHandler, null)).toBe(false);
    expect(mayReadFeedback(hanoiHandler, WARD)).toBe(true);
    expect(mayReadFeedback(hanoiHandler, HCM)).toBe(false);
    expect(mayReadFeedback(steering, WARD)).toBe(false);
  });

  it('lets the assigned scope process, answer and publish, but not an inspector', () => {
    expect(allowedFeedbackActions(hanoiHandler, position('assigned', WARD))).toEqual([
      'reassign',
      'start',
      'answer',
      'note',
    ]);
    expect(allowedFeedbackActions(hanoiHandler, position('answered', WARD))).toEqual(['close', 'note', 'publish']);
    expect(allowedFeedbackActions(hanoiHandler, position('assigned', HCM))).toEqual([]);
    expect(allowedFeedbackActions(inspector, position('assigned', HCM))).toEqual([]);
    expect(
      mayTakeFeedbackAction(hanoiHandler, { ...position('answered', WARD), consentToPublish: false }, 'publish'),
    ).toBe(false);
  });

  it('reassigns only within what the handler covers', () => {
    expect(mayAssignTo(hanoiHandler, WARD)).toBe(true);
    expect(mayAssignTo(hanoiHandler, HCM)).toBe(false);
    expect(mayAssignTo(rootHandler, HCM)).toBe(true);
  });
});

describe('service levels', () => {
  // 2025: Tết holidays from Saturday 25 January to Sunday 2 February.
  const tet = workingCalendar(['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']);

  it('count working days from reception, holidays excluded', () => {
    expect(serviceLevelDueDates('2025-01-22', tet)).toEqual({ triageDueOn: '2025-02-03', answerDueOn: '2025-02-19' });
    expect(serviceLevelDueDates('2025-03-03', tet)).toEqual({ triageDueOn: '2025-03-06', answerDueOn: '2025-03-24' });
  });

  it('owe triage while received, the answer until answered, nothing once settled', () => {
    const dates = { triageDueOn: '2025-03-06', answerDueOn: '2025-03-24' };
    expect(pendingDueOn('received', dates)).toBe('2025-03-06');
    for (const state of ['accepted', 'assigned', 'in_processing'] as const) {
      expect(pendingDueOn(state, dates)).toBe('2025-03-24');
    }
    for (const state of ['answered', 'closed', 'rejected', 'merged'] as const) {
      expect(pendingDueOn(state, dates)).toBeNull();
    }
  });

  it('are on time, due soon (two working days ahead) or overdue from the day after the due date', () => {
    const dates = { triageDueOn: '2025-03-06', answerDueOn: '2025-03-24' };
    const at = (asOf: string) => serviceLevelOf('received', dates, asOf, dueSoonLimit(asOf, tet));
    expect(at('2025-03-03')).toBe('on_time');
    expect(at('2025-03-04')).toBe('due_soon');
    expect(at('2025-03-06')).toBe('due_soon');
    expect(at('2025-03-07')).toBe('overdue');
    // From Thursday 20 March, two working days reach Monday 24, past the weekend.
    expect(serviceLevelOf('assigned', dates, '2025-03-19', dueSoonLimit('2025-03-19', tet))).toBe('on_time');
    expect(serviceLevelOf('assigned', dates, '2025-03-20', dueSoonLimit('2025-03-20', tet))).toBe('due_soon');
    expect(serviceLevelOf('answered', dates, '2025-04-30', dueSoonLimit('2025-04-30', tet))).toBeNull();
  });
});
