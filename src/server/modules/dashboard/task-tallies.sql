-- The SQL of task-tallies.repository.ts's plan-sensitive queries, as Kysely compiles it for PostgreSQL.
-- Written by `npm run sql:write` (src/server/testing/plan-sensitive-queries.ts); do not edit.
-- A change here is a change of the query: check its plan (EXPLAIN ANALYZE on the bench data).

-- talliedCounts: the whole country as of a past day (lead rows read by date) (1 of 2)
with "holding" as materialized (select "key_id", "on_time", "late", "ongoing", "on_track", "due_soon", "overdue" from "task_tally" where "is_lead" = $1 and daterange(day, until) @> $2::date)
select "k"."organization_id", "k"."province_id", sum(x.on_time) as "on_time", sum(x.late) as "late", sum(x.ongoing) as "ongoing", sum(x.on_track) as "on_track", sum(x.due_soon) as "due_soon", sum(x.overdue) as "overdue"
from "task_tally_key" as "k"
inner join "holding" as "x" on "x"."key_id" = "k"."id"
where "k"."kind" = $3 and "k"."path" like $4 and "k"."shared_depth" < $5
group by "k"."organization_id", "k"."province_id";

-- talliedCounts: the whole country as of a past day (lead rows read by date) (2 of 2)
select "k"."task_group_id", sum(x.on_time) as "on_time", sum(x.late) as "late", sum(x.ongoing) as "ongoing", sum(x.on_track) as "on_track", sum(x.due_soon) as "due_soon", sum(x.overdue) as "overdue"
from "task_tally_key" as "k"
inner join lateral (select "t"."on_time", "t"."late", "t"."ongoing", "t"."on_track", "t"."due_soon", "t"."overdue" from "task_tally" as "t" where "t"."key_id" = "k"."id" and "t"."day" <= $1 order by "t"."day" desc limit $2) as "x" on true
where "k"."kind" = $3 and "k"."path" = $4
group by "k"."task_group_id";

-- talliedCounts: a province as of a past day (lead rows read key by key) (1 of 2)
select "k"."organization_id", "k"."province_id", sum(x.on_time) as "on_time", sum(x.late) as "late", sum(x.ongoing) as "ongoing", sum(x.on_track) as "on_track", sum(x.due_soon) as "due_soon", sum(x.overdue) as "overdue"
from "task_tally_key" as "k"
inner join lateral (select "t"."on_time", "t"."late", "t"."ongoing", "t"."on_track", "t"."due_soon", "t"."overdue" from "task_tally" as "t" where "t"."key_id" = "k"."id" and "t"."day" <= $1 order by "t"."day" desc limit $2) as "x" on true
where "k"."kind" = $3 and "k"."path" like $4 and "k"."shared_depth" < $5
group by "k"."organization_id", "k"."province_id";

-- talliedCounts: a province as of a past day (lead rows read key by key) (2 of 2): the same statement as "talliedCounts: the whole country as of a past day (lead rows read by date) (2 of 2)"

-- talliedCounts: a province with a due-soon window other than the tallied one (1 of 3): the same statement as "talliedCounts: a province as of a past day (lead rows read key by key) (1 of 2)"

-- talliedCounts: a province with a due-soon window other than the tallied one (2 of 3): the same statement as "talliedCounts: the whole country as of a past day (lead rows read by date) (2 of 2)"

-- talliedCounts: a province with a due-soon window other than the tallied one (3 of 3)
select "x"."lead_organization_id", "x"."task_group_id", "x"."lead_province_id", "x"."timeliness", GROUPING(x.lead_organization_id) as "is_group_row", count(*) as "n"
from (select "t"."lead_organization_id", "t"."task_group_id", "t"."lead_province_id", CASE WHEN "p"."state" = 'completed' THEN CASE WHEN "p"."effective_deadline" IS NULL OR "p"."completed_on" IS NULL OR "p"."completed_on" <= "p"."effective_deadline" THEN 'on_time' ELSE 'late' END WHEN "p"."state" IN ('assigned', 'in_progress', 'submitted') THEN CASE WHEN "p"."effective_deadline" IS NULL THEN 'ongoing' WHEN cast($1 as date) > "p"."effective_deadline" THEN 'overdue' WHEN "p"."effective_deadline" - cast($2 as date) <= $3 THEN 'due_soon' ELSE 'on_track' END END as "timeliness" from "task" as "t" inner join "task_period" as "p" on "p"."task_id" = "t"."id" and "p"."valid_from" <= cast($4 as date) AND ("p"."valid_to" IS NULL OR "p"."valid_to" > cast($5 as date)) where ("t"."lead_path" like $6 and ("t"."parent_lead_path" is null or "t"."parent_lead_path" not like $7 or "t"."parent_lead_path" = $8)) and NOT EXISTS ( SELECT 1 FROM task c WHERE c.id = t.id AND c.is_confidential AND NOT (c.lead_path LIKE ANY (ARRAY[$9]) OR EXISTS (SELECT 1 FROM organization a WHERE a.id = c.assigner_organization_id AND a.path LIKE ANY (ARRAY[$10])) OR EXISTS (SELECT 1 FROM task_coordinator k JOIN organization o ON o.id = k.organization_id WHERE k.task_id = c.id AND o.path LIKE ANY (ARRAY[$11]))) ) and "p"."state" in ($12, $13, $14) and "p"."effective_deadline" >= $15 and "p"."effective_deadline" <= $16) as "x"
group by GROUPING SETS ((x.lead_organization_id, x.lead_province_id, x.timeliness), (x.task_group_id, x.timeliness));
