import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { type CalendarDate, today as todayInVietnam } from '../../shared/domain/calendar-date.ts';
import type { FeedbackState, FeedbackType } from '../../shared/domain/feedback.ts';
import { isWorkingDay } from '../../shared/domain/working-days.ts';
import type { FeedbackSubmission, FeedbackTransition } from '../../shared/schemas/feedback.ts';
import type { Organization } from '../../shared/schemas/organizations.ts';
import { loadPrincipal } from '../modules/auth/auth.service.ts';
import { type Principal, SYSTEM } from '../kernel/principal.ts';
import { loadWorkingCalendar } from '../modules/calendar/calendar.service.ts';
import {
  addFeedbackNote,
  setFeedbackPublished,
  transitionFeedback,
} from '../modules/feedback/feedback-handling.service.ts';
import { findItemByTrackingCode } from '../modules/feedback/feedback.repository.ts';
import { submitFeedback } from '../modules/feedback/feedback.service.ts';
import { createPerson, grantRole } from '../modules/people/people.service.ts';
import {
  composeContent,
  drawSubmitter,
  FEEDBACK_TOPICS,
  type FeedbackTopic,
  NOTES,
  reassignReason,
  retyped,
  type Submitter,
  UNCLEAR_REJECTION,
} from './feedback-texts.ts';
import { type Random, seededRandom } from './random.ts';

/**
 * Handlers of the organizations that answer most (the demo handler, at the root, triages and
 * handles the rest). They act in the story only: their passwords are random and not printed.
 */
export const FEEDBACK_HANDLER_ACCOUNTS = [
  { email: 'tiepnhan.bkhcn@demo.steerboard.vn', fullName: 'Ngô Thị Thanh Hương', organizationCode: 'BKHCN' },
  { email: 'tiepnhan.bca@demo.steerboard.vn', fullName: 'Trịnh Quốc Bảo', organizationCode: 'BCA' },
  { email: 'tiepnhan.btc@demo.steerboard.vn', fullName: 'Lương Thị Mai Anh', organizationCode: 'BTC' },
  { email: 'tiepnhan.hanoi@demo.steerboard.vn', fullName: 'Đỗ Văn Thành', organizationCode: '01' },
] as const;

/**
 * Where the 300 submissions end, so that every state of the workflow is on the demo's screens.
 * Merged items are the near-duplicates (below); the open states are recent, except a share left
 * waiting past their service level, which the queue shows overdue.
 */
const FINAL_STATES: Record<Exclude<FeedbackState, 'merged'>, number> = {
  received: 18,
  accepted: 12,
  assigned: 22,
  in_processing: 38,
  answered: 55,
  closed: 100,
  rejected: 31,
};
/** Sent again (retyped without diacritics or in capitals): merged by triage, or still waiting. */
const MERGED_DUPLICATES = 19;
const WAITING_DUPLICATES = 5;
const FIRST_DAY = '2025-01-02';
/** One open item in four is left past its service level. */
const OVERDUE_EVERY = 4;
/** Organizations a handler may first send an item to by mistake, before reassigning it. */
const OFTEN_ASSIGNED = ['BKHCN', 'BTC', 'BCA', 'VPCP', 'BGDDT'];
const LOCAL_CITIES = ['01', '79', '48'];

type Who = 'triage' | 'organization';
type PlannedAction =
  | { kind: 'transition'; transition: FeedbackTransition }
  | { kind: 'merge'; into: number }
  | { kind: 'note'; body: string }
  | { kind: 'publish' };
interface Step {
  /** Index into the working days. */
  day: number;
  who: Who;
  action: PlannedAction;
}
interface ItemPlan {
  submission: FeedbackSubmission;
  address: string;
  received: number;
  steps: Step[];
  /** The organization handling it last, for who acts. */
  organizationCode: string | null;
  /** Day of the closing step: a duplicate can be merged into it only before. */
  closedOn: number | undefined;
}

const placeOf = (organization: Organization) => organization.nameVi.replace(/^(Tỉnh|Thành phố) /, '');

/** A client address as an ISP hands them out: one per submitter, kept when they write again. */
const addressOf = (random: Random) =>
  `${random.pick(['14.160', '27.72', '42.112', '113.161', '116.96', '171.224', '203.162'])}.${random.int(256)}.${1 + random.int(254)}`;

function submissionOf(
  topic: FeedbackTopic,
  writer: Submitter,
  content: { type: FeedbackType; title: string; text: string },
  random: Random,
  organizations: Map<string, Organization>,
): FeedbackSubmission {
  // A third of the writers know which organization is in charge.
  const concerned = topic.rejection
    ? undefined
    : random.chance(0.35)
      ? organizations.get(topic.organization)
      : undefined;
  return {
    type: content.type,
    field: topic.field,
    title: content.title,
    content: content.text,
    submitterKind: writer.kind,
    submitterName: writer.name,
    ...(writer.phone ? { phone: writer.phone } : {}),
    ...(writer.email ? { email: writer.email } : {}),
    consentToPublish: random.chance(0.6),
    ...(concerned ? { organizationId: concerned.id } : {}),
  };
}

/**
 * The steps from receipt to `finalState`, in working days after receipt: triage within the
 * 3-day service level mostly, the answer within 15 mostly, a share of each late.
 */
function stepsTo(
  finalState: Exclude<FeedbackState, 'merged'>,
  topic: FeedbackTopic,
  assignedTo: string,
  random: Random,
  organizations: Map<string, Organization>,
  consent: boolean,
  writerName: string,
): { steps: Step[]; organizationCode: string | null } {
  const steps: Step[] = [];
  const triage = random.chance(0.85) ? 1 + random.int(3) : 4 + random.int(6);
  if (finalState === 'received') return { steps, organizationCode: null };
  if (finalState === 'rejected') {
    const reason = topic.rejection ?? UNCLEAR_REJECTION;
    steps.push({
      day: triage,
      who: 'triage',
      action: { kind: 'transition', transition: { action: 'reject', reason } },
    });
    return { steps, organizationCode: null };
  }
  steps.push({ day: triage, who: 'triage', action: { kind: 'transition', transition: { action: 'accept' } } });
  if (finalState === 'accepted') return { steps, organizationCode: null };
  const target = organizations.get(assignedTo);
  if (!target) throw new Error(`Demo seed: organization ${assignedTo} is missing`);
  const misdirected = random.chance(0.1)
    ? OFTEN_ASSIGNED.find((code) => code !== assignedTo && random.chance(0.4))
    : undefined;
  let day = triage + (random.chance(0.7) ? 0 : 1 + random.int(2));
  const first = organizations.get(misdirected ?? assignedTo) as Organization;
  steps.push({
    day,
    who: 'triage',
    action: { kind: 'transition', transition: { action: 'assign', organizationId: first.id } },
  });
  if (misdirected) {
    day += 1 + random.int(3);
    steps.push({
      day,
      who: 'triage',
      action: {
        kind: 'transition',
        transition: { action: 'reassign', organizationId: target.id, reason: reassignReason(target.nameVi) },
      },
    });
  }
  if (finalState === 'assigned') return { steps, organizationCode: assignedTo };
  day += 1 + random.int(3);
  steps.push({ day, who: 'organization', action: { kind: 'transition', transition: { action: 'start' } } });
  if (random.chance(0.35)) {
    steps.push({ day: day + random.int(3), who: 'organization', action: { kind: 'note', body: random.pick(NOTES) } });
  }
  if (finalState === 'in_processing') return { steps, organizationCode: assignedTo };
  const answerDay = random.chance(0.78) ? Math.max(day + 1, 6 + random.int(10)) : 16 + random.int(20);
  // Addressed to the person, not to "Company X (contact: Y)".
  const greeting = random.chance(0.5) ? `Kính gửi ${writerName.replace(/ \(.*\)$/, '')},\n\n` : '';
  steps.push({
    day: Math.max(answerDay, ...steps.map((step) => step.day)),
    who: 'organization',
    action: {
      kind: 'transition',
      transition: { action: 'answer', answer: `${greeting}${random.pick(topic.answers)}` },
    },
  });
  const answeredOn = steps.at(-1)?.day ?? answerDay;
  if (consent && random.chance(0.7)) {
    steps.push({ day: answeredOn + random.int(3), who: 'triage', action: { kind: 'publish' } });
  }
  if (finalState === 'closed') {
    steps.push({
      day: answeredOn + 3 + random.int(8),
      who: 'triage',
      action: { kind: 'transition', transition: { action: 'close' } },
    });
  }
  return { steps, organizationCode: assignedTo };
}

/** How many working days before yesterday an open item arrived: within its service level mostly. */
function ageOfOpen(finalState: FeedbackState, lastStep: number, overdue: boolean, random: Random): number {
  if (finalState === 'received') return overdue ? 4 + random.int(15) : random.int(3);
  return overdue ? Math.max(lastStep, 16 + random.int(80)) : lastStep + random.int(Math.max(1, 14 - lastStep));
}

function planItems(random: Random, organizations: Map<string, Organization>, days: number): ItemPlan[] {
  const provinces = [...organizations.values()].filter((o) => o.kind === 'province' || o.kind === 'city');
  const regular = FEEDBACK_TOPICS.filter((topic) => !topic.rejection);
  const outOfScope = FEEDBACK_TOPICS.filter((topic) => topic.rejection);
  const finals = random.shuffle(
    Object.entries(FINAL_STATES).flatMap(([state, n]) => Array.from({ length: n }, () => state)),
  ) as Array<Exclude<FeedbackState, 'merged'>>;
  const items: ItemPlan[] = [];
  let openSoFar = 0;
  const perTopic = new Map<string, number>();
  for (const finalState of finals) {
    const topic = finalState === 'rejected' && random.chance(0.65) ? random.pick(outOfScope) : random.pick(regular);
    const local = topic.key === 'commune-digital' ? organizations.get(random.pick(LOCAL_CITIES)) : undefined;
    const place = placeOf(local ?? random.pick(provinces));
    const writer = drawSubmitter(random, random.pick(topic.submitters), place);
    const type = random.pick(topic.types);
    // Rejected as unclear: one clause, no place, no procedure named.
    const text =
      finalState === 'rejected' && !topic.rejection
        ? `${random.pick(topic.problems).split(',')[0]}.`
        : composeContent(random, topic, type, writer, place, perTopic.get(topic.key) ?? 0);
    perTopic.set(topic.key, (perTopic.get(topic.key) ?? 0) + 1);
    const submission = submissionOf(
      topic,
      writer,
      { type, title: random.pick(topic.titles), text },
      random,
      organizations,
    );
    const assignedTo = local?.code ?? topic.organization;
    const { steps, organizationCode } = stepsTo(
      finalState,
      topic,
      assignedTo,
      random,
      organizations,
      submission.consentToPublish,
      writer.name,
    );
    const lastStep = Math.max(0, ...steps.map((step) => step.day));
    const open =
      finalState === 'received' ||
      finalState === 'accepted' ||
      finalState === 'assigned' ||
      finalState === 'in_processing';
    const received = open
      ? days - 1 - ageOfOpen(finalState, lastStep, openSoFar++ % OVERDUE_EVERY === 1, random)
      : random.int(Math.max(1, days - 1 - lastStep));
    const shifted = steps.map((step) => ({ ...step, day: received + step.day }));
    items.push({
      submission,
      address: addressOf(random),
      received,
      steps: shifted.filter((step) => step.day < days),
      organizationCode,
      closedOn: shifted.find((step) => step.action.kind === 'transition' && step.action.transition.action === 'close')
        ?.day,
    });
  }
  addDuplicates(random, items, days);
  return items;
}

/**
 * People send the same text again when no answer came, or copy a neighbour's: the duplicate check
 * flags them; triage merges most into the first, a few are still waiting for it.
 */
function addDuplicates(random: Random, items: ItemPlan[], days: number): void {
  const originals = items
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => {
      const first = item.steps[0]?.action;
      return first?.kind === 'transition' && first.transition.action === 'accept' && item.received < days - 30;
    });
  let merged = 0;
  while (merged < MERGED_DUPLICATES) {
    const { item, index } = random.pick(originals);
    const received = item.received + 1 + random.int(4);
    const mergedOn = received + 1 + random.int(3);
    if (item.closedOn !== undefined && item.closedOn <= mergedOn) continue;
    items.push(
      duplicateOf(random, item, received, [{ day: mergedOn, who: 'triage', action: { kind: 'merge', into: index } }]),
    );
    merged += 1;
  }
  for (let n = 0; n < WAITING_DUPLICATES; n += 1) {
    items.push(duplicateOf(random, random.pick(originals).item, days - 1 - random.int(3), []));
  }
}

function duplicateOf(random: Random, original: ItemPlan, received: number, steps: Step[]): ItemPlan {
  const samePerson = random.chance(0.6);
  const submission: FeedbackSubmission = {
    ...original.submission,
    title: random.chance(0.5) ? `Gửi lại: ${original.submission.title}` : retyped(random, original.submission.title),
    content: retyped(random, original.submission.content),
    ...(samePerson ? {} : { phone: `09${random.int(10)}${String(random.int(10_000_000)).padStart(7, '0')}` }),
  };
  return {
    submission,
    address: samePerson ? original.address : addressOf(random),
    received,
    steps,
    organizationCode: null,
    closedOn: undefined,
  };
}

interface Scheduled {
  at: Date;
  item: number;
  step: Step | 'submit';
}

/** Each step at an hour of its day, never before the previous step of the same item. */
function schedule(random: Random, items: ItemPlan[], workingDays: CalendarDate[]): Scheduled[] {
  const atHour = (day: number, hour: number) =>
    new Date(Date.parse(`${workingDays[day]}T00:00:00+07:00`) + hour * 3_600_000 + random.int(60) * 60_000);
  const scheduled: Scheduled[] = [];
  items.forEach((item, index) => {
    let previous = atHour(item.received, 6 + random.int(16));
    scheduled.push({ at: previous, item: index, step: 'submit' });
    for (const step of [...item.steps].sort((a, b) => a.day - b.day)) {
      const candidate = atHour(step.day, 8 + random.int(9));
      const at = candidate > previous ? candidate : new Date(previous.getTime() + (15 + random.int(45)) * 60_000);
      scheduled.push({ at, item: index, step });
      previous = at;
    }
  });
  return scheduled.sort((a, b) => a.at.getTime() - b.at.getTime());
}

async function handlerPrincipals(db: Db, organizations: Map<string, Organization>): Promise<Map<string, Principal>> {
  const principals = new Map<string, Principal>();
  for (const account of FEEDBACK_HANDLER_ACCOUNTS) {
    const organization = organizations.get(account.organizationCode);
    if (!organization) throw new Error(`Demo seed: organization ${account.organizationCode} is missing`);
    const person = await createPerson(db, SYSTEM, {
      email: account.email,
      fullName: account.fullName,
      locale: 'vi',
      organizationId: organization.id,
      password: randomBytes(18).toString('base64url'),
    });
    await grantRole(db, SYSTEM, person.id, { role: 'feedback_handler', organizationId: organization.id });
    principals.set(account.organizationCode, await loadPrincipal(db, person.id, '', 'session'));
  }
  return principals;
}

/**
 * Three hundred submissions from citizens, businesses, scientists and organizations since January
 * 2025, each played through the services on its days in the order they happened: submitted from
 * the public form, triaged by the demo handler, handled by the organization's handler, answered,
 * published when the sender consented, closed. Deterministic but for "today", as the tasks are.
 */
export async function seedFeedback(
  db: Db,
  organizations: Map<string, Organization>,
  people: Array<{ id: string; role: string; scopeCode: string }>,
  onProgress: (message: string) => void = () => {},
): Promise<void> {
  const handler = people.find((person) => person.role === 'feedback_handler' && person.scopeCode === 'VN');
  if (!handler) throw new Error('Demo seed: no feedback handler at the root');
  const triage = await loadPrincipal(db, handler.id, '', 'session');
  const byOrganization = await handlerPrincipals(db, organizations);

  const today = todayInVietnam();
  const calendar = await loadWorkingCalendar(db, FIRST_DAY, today);
  const workingDays: CalendarDate[] = [];
  for (let day = new Date(`${FIRST_DAY}T00:00:00Z`); ; day = new Date(day.getTime() + 86_400_000)) {
    const date = day.toISOString().slice(0, 10);
    if (date >= today) break;
    if (isWorkingDay(date, calendar)) workingDays.push(date);
  }
  const random = seededRandom(4);
  const items = planItems(random, organizations, workingDays.length);
  const ids: string[] = [];
  let submitted = 0;
  for (const { at, item, step } of schedule(random, items, workingDays)) {
    const plan = items[item] as ItemPlan;
    if (step === 'submit') {
      const receipt = await submitFeedback(db, plan.submission, { address: plan.address, now: at });
      const row = await findItemByTrackingCode(db, receipt.trackingCode);
      if (!row) throw new Error(`Demo seed: ${receipt.trackingCode} was not stored`);
      ids[item] = row.id;
      submitted += 1;
      if (submitted % 100 === 0) onProgress(`feedback: ${submitted} of ${items.length}`);
      continue;
    }
    const id = ids[item] as string;
    const principal =
      step.who === 'organization' ? (byOrganization.get(plan.organizationCode ?? '') ?? triage) : triage;
    const actor = { principal, now: at };
    const action = step.action;
    if (action.kind === 'transition') await transitionFeedback(db, actor, id, undefined, action.transition);
    else if (action.kind === 'merge') {
      await transitionFeedback(db, actor, id, undefined, { action: 'merge', intoId: ids[action.into] as string });
    } else if (action.kind === 'note') await addFeedbackNote(db, actor, id, action.body);
    else await setFeedbackPublished(db, actor, id, undefined, true);
  }
}
