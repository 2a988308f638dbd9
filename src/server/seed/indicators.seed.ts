import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Db } from '../db/database.ts';
import { addDays, type CalendarDate, today } from '../../shared/domain/calendar-date.ts';
import {
  achievementOf,
  expectedValueOn,
  statusOf,
  type Trajectory,
  type TrajectoryPoint,
} from '../../shared/domain/indicator-achievement.ts';
import { targetDateOf } from '../../shared/domain/indicator-values.ts';
import { latestDuePeriod, periodContaining, type ReportingPeriod } from '../../shared/domain/reporting-periods.ts';
import type { Organization } from '../../shared/schemas/organizations.ts';
import type { Actor } from '../kernel/actor.ts';
import type { Principal } from '../kernel/principal.ts';
import {
  approveObservation,
  enterObservation,
  returnObservation,
} from '../modules/indicators/indicator-observations.service.ts';
import { createIndicator } from '../modules/indicators/indicators.service.ts';
import {
  BASELINE_DATE,
  DEMO_INDICATORS,
  type DemoIndicator,
  OFF_TRACK_NOTES,
  PROVINCE_PLANS,
} from './indicator-plans.ts';
import type { ProgrammeSeed } from './programme.seed.ts';
import type { Random } from './random.ts';
import { REFERENCE_DIR, readProvinces } from './reference-data.ts';
import { systemStaffOf } from './system-staff.ts';
import { atNine } from './task-plans.ts';
import type { DemoActors } from './tasks.seed.ts';

interface ReferenceIndicator {
  code: string;
  name_en: string;
  unit: string;
  direction: string;
  target_2030: string;
  target_2045: string;
}

/** The day the demo's indicators were defined, and the first period they report: values since January 2024. */
const DEFINED_ON = '2024-01-02';

const FIRST_DAY = '2024-01-01';

/** The periods from 2024 up to the latest one due today, oldest first. */
function periodsUpToToday(frequency: DemoIndicator['frequency']): ReportingPeriod[] {
  const last = latestDuePeriod(frequency, today());
  const periods: ReportingPeriod[] = [];
  for (let period = periodContaining(frequency, FIRST_DAY); period.end <= last.end;) {
    periods.push(period);
    period = periodContaining(frequency, addDays(period.end, 1));
  }
  return periods;
}

/** A value read off a path of anchor points, rounded as a statistics office publishes it. */
const onPath = (anchors: readonly TrajectoryPoint[], day: CalendarDate, digits: number): number => {
  const [first, ...rest] = anchors;
  if (!first) throw new Error('Demo seed: a path without points');
  const value = expectedValueOn({ direction: 'higher', baseline: first, targets: rest }, day);
  return Number(value.toFixed(digits));
};

interface ReportingSide {
  organization: Organization;
  trajectory: Trajectory;
  principal: Principal;
  /** The value reported for a period, or null when the organization did not report it. */
  valueFor(period: ReportingPeriod, index: number): number | null;
  /** What happens to the last value: approved like the others, awaiting approval, or returned. */
  lastValue: 'approved' | 'waiting' | 'returned';
}

/**
 * The Resolution 57 indicators and their values since 2024, through the services: each value
 * entered some days after its period by the organization's focal point (or its staff), and
 * approved by the steering account a few days later. Some organizations stopped reporting, some
 * values are off track (with the note the rule asks), some wait for approval, two were returned.
 */
export async function seedIndicators(
  db: Db,
  organizations: Map<string, Organization>,
  programme: ProgrammeSeed,
  actors: DemoActors,
  random: Random,
): Promise<number> {
  const org = (code: string) => {
    const found = organizations.get(code);
    if (!found) throw new Error(`Demo seed: organization ${code} is missing`);
    return found;
  };
  const reference: ReferenceIndicator[] = parse(fs.readFileSync(path.join(REFERENCE_DIR, 'indicators.csv'), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  });
  const groups = new Map(programme.programme.groups.map((group) => [group.number, group.id]));
  const provinces = readProvinces().map((province) => org(province.code));
  const staff = (organization: Organization) =>
    actors.focalPoints.get(organization.code) ?? systemStaffOf(organizations, organization);
  let values = 0;

  for (const plan of DEMO_INDICATORS) {
    const row = reference.find((each) => each.code === plan.code);
    if (!row) throw new Error(`Demo seed: ${plan.code} is not in reference/indicators.csv`);
    const targets = [
      { year: 2030, value: Number(row.target_2030) },
      ...(row.target_2045 ? [{ year: 2045, value: Number(row.target_2045) }] : []),
    ];
    const responsible = org(plan.responsible);
    const byProvince = plan.code === 'ONLINE_PUBLIC_SERVICES';
    // Defined when the committee set the Resolution's targets, before the first values of 2024 came in.
    const indicator = await createIndicator(
      db,
      { principal: actors.steering, now: atNine(DEFINED_ON) },
      {
        programmeId: programme.programme.id,
        taskGroupId: groups.get(plan.group) ?? null,
        code: plan.code,
        nameVi: plan.nameVi,
        nameEn: row.name_en,
        nameFr: plan.nameFr,
        unit: row.unit === 'count' ? 'count' : 'percent',
        direction: row.direction === 'lower' ? 'lower' : 'higher',
        level: 'strategic',
        frequency: plan.frequency,
        responsibleOrganizationId: responsible.id,
        baseline: { value: plan.baseline, date: BASELINE_DATE },
        targets,
        reporters: byProvince
          ? provinces.map((province) => {
              const own = PROVINCE_PLANS[province.code];
              return own
                ? {
                    organizationId: province.id,
                    baseline: { value: own.baseline, date: BASELINE_DATE },
                    targets: [{ year: 2030, value: own.target2030 }],
                  }
                : { organizationId: province.id };
            })
          : [],
      },
    );
    const national: Trajectory = {
      direction: 'higher',
      baseline: { date: BASELINE_DATE, value: plan.baseline },
      targets: targets.map((target) => ({ date: targetDateOf(target.year), value: target.value })),
    };
    const sides: ReportingSide[] = [
      {
        organization: responsible,
        trajectory: national,
        principal: staff(responsible),
        valueFor: (period) =>
          plan.stopsAfter !== undefined && period.key > plan.stopsAfter
            ? null
            : onPath(plan.path, period.end, plan.digits),
        lastValue: plan.lastValue,
      },
    ];
    if (byProvince) {
      const ranked = random.shuffle([...provinces]);
      const stale = new Set(ranked.slice(0, 4));
      const waiting = new Set(ranked.slice(4, 12));
      const returned = new Set(ranked.slice(12, 14));
      for (const province of provinces) {
        const own = PROVINCE_PLANS[province.code];
        const start = own ? own.baseline : plan.baseline - 12 + random.next() * 24;
        // Points a quarter gained: from a stalled province (0.2) to a fast one (2.6).
        const pace = 0.2 + random.next() * 2.4;
        sides.push({
          organization: province,
          trajectory: own
            ? {
                direction: 'higher',
                baseline: { date: BASELINE_DATE, value: own.baseline },
                targets: [{ date: targetDateOf(2030), value: own.target2030 }],
              }
            : national,
          principal: staff(province),
          valueFor: (period, index) => {
            if (stale.has(province) && period.key > '2025-Q4') return null;
            const quarters = index + 1; // 2024-Q1 is the first quarter after the baseline
            const noise = (random.next() - 0.5) * 1.2;
            return Math.min(99.5, Math.max(5, Number((start + quarters * pace + noise).toFixed(1))));
          },
          lastValue: waiting.has(province) ? 'waiting' : returned.has(province) ? 'returned' : 'approved',
        });
      }
    }
    for (const side of sides) values += await reportSeries(db, indicator.id, plan, side, actors, random);
  }
  return values;
}

/** One organization's values of an indicator, period by period, each entered and then decided. */
async function reportSeries(
  db: Db,
  indicatorId: string,
  plan: DemoIndicator,
  side: ReportingSide,
  actors: DemoActors,
  random: Random,
): Promise<number> {
  const periods = periodsUpToToday(plan.frequency);
  const yesterday = addDays(today(), -1);
  let entered = 0;
  for (const [index, period] of periods.entries()) {
    const value = side.valueFor(period, index);
    if (value === null) continue;
    const enteredOn = minDay(addDays(period.end, 5 + random.int(10)), yesterday);
    const decidedOn = minDay(addDays(enteredOn, 2 + random.int(5)), yesterday);
    const offTrack = statusOf(achievementOf(side.trajectory, { date: period.end, value })) === 'off_track';
    const focal: Actor = { principal: side.principal, now: atNine(enteredOn) };
    const observation = await enterObservation(db, focal, indicatorId, {
      organizationId: side.organization.id,
      period: period.key,
      value,
      source: plan.source,
      note: offTrack ? random.pick(OFF_TRACK_NOTES) : null,
    });
    entered += 1;
    const steering: Actor = { principal: actors.steering, now: atNine(decidedOn) };
    const last = index === periods.length - 1;
    if (!last || side.lastValue === 'approved') await approveObservation(db, steering, observation.id);
    else if (side.lastValue === 'returned') {
      await returnObservation(
        db,
        steering,
        observation.id,
        'Số liệu chưa khớp với báo cáo thống kê của tỉnh: đề nghị rà soát lại số hồ sơ tiếp nhận trực tuyến.',
      );
    }
  }
  return entered;
}

const minDay = (a: CalendarDate, b: CalendarDate): CalendarDate => (a < b ? a : b);
