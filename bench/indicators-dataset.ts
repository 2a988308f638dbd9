/**
 * Indicators at national scale for the scorecard benchmark, generated with set-based SQL on top of
 * the task dataset (tasks-dataset.ts): `indicators` quarterly indicators of the benchmark programme,
 * each reported by `reporters` organizations (the ministries, the provinces, provincial departments,
 * then communes), with a value for each of `quarters` quarters, entered ten days after the quarter and
 * approved three days later, as the services write them (one row each, an entry and an approval event,
 * and the readings those steps leave).
 */
import type pg from 'pg';

export interface IndicatorDatasetSize {
  indicators: number;
  reporters: number;
  /** The quarters with values, the last one ending on `lastQuarterEnd`. */
  quarters: number;
  lastQuarterEnd: string;
}

const STATEMENTS = `
  CREATE TEMP TABLE bench_reporter AS
  SELECT id, row_number() OVER (ORDER BY CASE
      WHEN kind IN ('ministry', 'ministry_level_agency') THEN 0 WHEN kind IN ('province', 'city') THEN 1
      WHEN kind = 'provincial_department' THEN 2 ELSE 3 END,
      code) AS rn
  FROM organization
  WHERE kind IN ('ministry', 'ministry_level_agency', 'province', 'city', 'provincial_department', 'commune', 'ward');
  DELETE FROM bench_reporter WHERE rn > $2::int;

  INSERT INTO indicator (programme_id, code, name_vi, name_en, name_fr, unit, direction, level, frequency,
                         responsible_organization_id, baseline_value, baseline_date, search_text, created_at)
  SELECT p.id, 'BENCH_' || lpad(g::text, 4, '0'), 'Chỉ tiêu đo hiệu năng ' || g, 'Benchmark indicator ' || g,
         'Indicateur de mesure ' || g, 'percent', CASE WHEN g % 5 = 0 THEN 'lower' ELSE 'higher' END,
         CASE WHEN g % 4 = 0 THEN 'strategic' ELSE 'operational' END, 'quarter',
         (SELECT id FROM bench_reporter WHERE rn = 1 + (g - 1) % $2::int), 50, date '2023-12-31',
         'bench ' || g, timestamptz '2024-01-02 09:00+07'
  FROM generate_series(1, $1::int) AS g, programme p WHERE p.code = 'BENCH';

  INSERT INTO indicator_target (indicator_id, organization_id, year, value)
  SELECT id, NULL, 2030, CASE WHEN direction = 'lower' THEN 20 ELSE 80 END FROM indicator;

  INSERT INTO indicator_reporter (indicator_id, organization_id)
  SELECT i.id, r.id FROM indicator i CROSS JOIN bench_reporter r;

  CREATE TEMP TABLE bench_quarter AS
  SELECT q, (date_trunc('quarter', $4::date) - make_interval(months => 3 * q))::date AS period_start
  FROM generate_series(0, $3::int - 1) AS q;

  INSERT INTO indicator_observation (indicator_id, organization_id, period_key, period_end, value, source, state,
                                     entered_at, reported_on, decided_at, approved_value)
  SELECT ir.indicator_id, ir.organization_id,
         to_char(bq.period_start, 'YYYY') || '-Q' || extract(quarter FROM bq.period_start),
         (bq.period_start + interval '3 months - 1 day')::date,
         v.value, 'Bench', 'approved',
         (bq.period_start + interval '3 months 10 days')::timestamptz,
         (bq.period_start + interval '3 months 10 days')::date,
         (bq.period_start + interval '3 months 13 days')::timestamptz, v.value
  FROM indicator_reporter ir CROSS JOIN bench_quarter bq
  CROSS JOIN LATERAL (SELECT round((40 + random() * 40)::numeric, 1)::float8 AS value) v;

  INSERT INTO indicator_observation_event (observation_id, kind, value, source, at, day)
  SELECT id, 'entered', value, source, entered_at, reported_on FROM indicator_observation;
  INSERT INTO indicator_observation_event (observation_id, kind, value, at, day)
  SELECT id, 'approved', value, decided_at, decided_at::date FROM indicator_observation;

  INSERT INTO indicator_reading (indicator_id, organization_id, valid_from, valid_to, approved_period_key,
                                 approved_period_end, approved_value, reported_end)
  SELECT c.indicator_id, c.organization_id, c.day,
         lead(c.day) OVER (PARTITION BY c.indicator_id, c.organization_id ORDER BY c.day),
         a.period_key, a.period_end, a.value, r.reported_end
  FROM (SELECT DISTINCT o.indicator_id, o.organization_id, d.day
        FROM indicator_observation o CROSS JOIN LATERAL (VALUES (o.reported_on), (o.decided_at::date)) AS d(day)) c
  LEFT JOIN LATERAL (
    SELECT o.period_key, o.period_end, o.approved_value AS value FROM indicator_observation o
    WHERE o.indicator_id = c.indicator_id AND o.organization_id = c.organization_id AND o.decided_at::date <= c.day
    ORDER BY o.period_end DESC LIMIT 1) a ON true
  LEFT JOIN LATERAL (
    SELECT max(o.period_end) AS reported_end FROM indicator_observation o
    WHERE o.indicator_id = c.indicator_id AND o.organization_id = c.organization_id AND o.reported_on <= c.day) r ON true;

  DROP TABLE bench_reporter, bench_quarter
`;

export async function generateIndicators(
  client: pg.Client,
  size: IndicatorDatasetSize,
): Promise<Record<string, number>> {
  await client.query(`SET session_replication_role = replica`);
  await client.query(`SELECT setseed(0.2030)`);
  // The sizes written in: integers and a calendar date, checked here, so no statement needs a parameter it does not use.
  if (
    ![size.indicators, size.reporters, size.quarters].every(Number.isSafeInteger) ||
    !/^\d{4}-\d{2}-\d{2}$/.test(size.lastQuarterEnd)
  ) {
    throw new Error(`unusable dataset size ${JSON.stringify(size)}`);
  }
  const values = [String(size.indicators), String(size.reporters), String(size.quarters), `'${size.lastQuarterEnd}'`];
  for (const statement of STATEMENTS.split(/;\s*\n/)) {
    await client.query(statement.replace(/\$(\d)/g, (_, index: string) => values[Number(index) - 1] ?? ''));
  }
  await client.query(`SET session_replication_role = DEFAULT`);
  await client.query(`VACUUM ANALYZE`);
  const { rows } = await client.query<{ name: string; n: number }>(`
    SELECT 'indicator' AS name, count(*)::int AS n FROM indicator
    UNION ALL SELECT 'indicator_reporter', count(*)::int FROM indicator_reporter
    UNION ALL SELECT 'indicator_observation', count(*)::int FROM indicator_observation
    UNION ALL SELECT 'indicator_observation_event', count(*)::int FROM indicator_observation_event
    UNION ALL SELECT 'indicator_reading', count(*)::int FROM indicator_reading`);
  return Object.fromEntries(rows.map((row) => [row.name, row.n]));
}
