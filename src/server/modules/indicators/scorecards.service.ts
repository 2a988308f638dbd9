import type { Db } from '../../db/database.ts';
import { today, type CalendarDate } from '../../../shared/domain/calendar-date.ts';
import { headlineOf, type TimelinessCounts } from '../../../shared/domain/headline.ts';
import {
  parsePeriodKey,
  periodContaining,
  previousPeriod,
  type ReportingPeriod,
} from '../../../shared/domain/reporting-periods.ts';
import { lightOf, rankByScore, scoreOf, scorePartsOf } from '../../../shared/domain/scorecard.ts';
import { DEFAULT_DUE_SOON_DAYS, TIMELINESS } from '../../../shared/domain/timeliness.ts';
import type { Scorecard, Scorecards, ScorecardQuery } from '../../../shared/schemas/scorecards.ts';
import { AppError } from '../../errors.ts';
import type { Principal } from '../../kernel/principal.ts';
import { talliedCounts } from '../dashboard/task-tallies.repository.ts';
import { getEvaluationSettings } from './evaluation-settings.service.ts';
import { type IndicatorDefinitions, sharesOn } from './indicator-shares.ts';
import { figuresOn } from './indicator-readings.repository.ts';
import * as repository from './indicators.repository.ts';
import { requireIndicatorReader } from './indicators.service.ts';

const KINDS = {
  ministries: ['ministry', 'ministry_level_agency'],
  provinces: ['province', 'city'],
} as const;

/** The quarter a scorecard is for: the one named, else the last one ended. */
function quarterOf(key: string | undefined): ReportingPeriod {
  if (key === undefined) return previousPeriod(periodContaining('quarter', today()));
  const period = parsePeriodKey('quarter', key);
  if (!period || period.start > today()) {
    throw new AppError('validation', `No quarter ${key} to score`, {}, [
      { path: 'querystring.period', message: 'indicator.error.period.quarter' },
    ]);
  }
  return period;
}

/** A period is scored as it stood at its end, or today while it runs. */
const readingDay = (period: ReportingPeriod): CalendarDate => (period.end < today() ? period.end : today());

/**
 * The scorecards of the ministries or the provinces for a quarter, ranked, with the change since
 * the quarter before: the one computation behind the scorecard screens, the heat map and the report.
 */
export async function getScorecards(db: Db, principal: Principal, query: ScorecardQuery): Promise<Scorecards> {
  requireIndicatorReader(principal);
  const period = quarterOf(query.period);
  const before = previousPeriod(period);
  const ids = await repository.allIndicatorIds(db);
  const [settings, organizations, indicators, targets, ownBaselines] = await Promise.all([
    getEvaluationSettings(db),
    repository.organizationsOfKinds(db, KINDS[query.kind]),
    repository.findIndicators(db, ids),
    repository.findTargets(db, ids),
    repository.ownBaselines(db),
  ]);
  const scope: Scope = { organizations, definitions: { indicators, targets, ownBaselines }, settings };
  const [current, previous] = await Promise.all([
    cardsOn(db, scope, readingDay(period)),
    cardsOn(db, scope, readingDay(before)),
  ]);
  const earlier = new Map(previous.map((card) => [card.organization.id, card]));
  return {
    kind: query.kind,
    period: period.key,
    asOf: readingDay(period),
    previousPeriod: before.key,
    weights: settings.weights,
    bands: settings.bands,
    items: current.map((card) => {
      const then = earlier.get(card.organization.id);
      const scoredThen = then && then.score !== null ? { score: then.score, rank: then.rank } : null;
      return {
        ...card,
        previous: scoredThen,
        change: scoredThen && card.score !== null ? Math.round((card.score - scoredThen.score) * 10) / 10 : null,
      };
    }),
  };
}

type Card = Omit<Scorecard, 'previous' | 'change'>;

/** What both quarters of a scorecard are read against: the agencies, every indicator, the settings. */
interface Scope {
  organizations: Awaited<ReturnType<typeof repository.organizationsOfKinds>>;
  definitions: Omit<IndicatorDefinitions, 'reported'>;
  settings: Awaited<ReturnType<typeof getEvaluationSettings>>;
}

async function cardsOn(db: Db, { organizations, definitions, settings }: Scope, asOf: CalendarDate): Promise<Card[]> {
  const roots = [...new Set(organizations.map((organization) => organization.path.split('/')[1] ?? ''))];
  const [tallies, readings, reported] = await Promise.all([
    Promise.all(
      roots.map((root) => talliedCounts(db, { asOf, dueSoonDays: DEFAULT_DUE_SOON_DAYS, scopePath: `/${root}/` })),
    ),
    figuresOn(db, asOf),
    repository.reportedCounts(db, asOf),
  ]);
  const leads = tallies.flatMap((each) => each.leads);

  // A task led by an agency's own unit counts for the agency: its lead's path passes through it.
  const leadPaths = await repository.pathsOf(db, [...new Set(leads.map((lead) => lead.organizationId))]);
  const byPath = organizations.map((organization) => organization.path);
  const agencyOf = (path: string | undefined) => (path ? byPath.find((each) => path.startsWith(each)) : undefined);
  const counts = new Map<string, TimelinessCounts>();
  for (const lead of leads) {
    const agencyPath = agencyOf(leadPaths.get(lead.organizationId));
    if (!agencyPath) continue;
    const total = counts.get(agencyPath) ?? {};
    for (const timeliness of TIMELINESS) {
      const n = lead.counts[timeliness];
      if (n) total[timeliness] = (total[timeliness] ?? 0) + n;
    }
    counts.set(agencyPath, total);
  }
  const achievements = sharesOn({ ...definitions, reported }, readings, asOf);

  const cards = organizations.map((organization) => {
    const tasks = headlineOf(counts.get(organization.path) ?? {});
    const indicators = achievements.get(organization.id) ?? { count: 0, sum: 0, stale: 0 };
    const parts = scorePartsOf(tasks, indicators);
    const score = scoreOf(parts, settings.weights);
    return {
      organization: {
        id: organization.id,
        code: organization.code,
        nameVi: organization.name_vi,
        nameEn: organization.name_en,
      },
      code: organization.code,
      nameVi: organization.name_vi,
      score,
      light: score === null ? null : lightOf(score, settings.bands),
      parts,
      tasks: {
        total: tasks.total,
        completedOnTime: tasks.completedOnTime,
        completedLate: tasks.completedLate,
        overdue: tasks.overdue,
      },
      indicators: { count: indicators.count, stale: indicators.stale },
    };
  });
  return rankByScore(cards).map(({ code: _code, nameVi: _nameVi, ...card }) => card);
}
