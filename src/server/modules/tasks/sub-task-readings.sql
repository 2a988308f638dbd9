-- The SQL of sub-task-readings.repository.ts's plan-sensitive queries, as Kysely compiles it for PostgreSQL.
-- Written by `npm run sql:write` (src/server/testing/plan-sensitive-queries.ts); do not edit.
-- A change here is a change of the query: check its plan (EXPLAIN ANALYZE on the bench data).

-- subTaskReadings: the subtrees of two listed parents as of a past day (the roll-up, decision 0021)
with recursive "below"("id", "parent_task_id", "progress_percent") as (select "id", "parent_task_id", "progress_percent" from "task" where "parent_task_id" in ($1, $2) union all select "c"."id", "c"."parent_task_id", "c"."progress_percent" from "task" as "c" inner join "below" on "below"."id" = "c"."parent_task_id")
select "t"."id", "t"."parent_task_id", CASE WHEN "p"."state" = 'completed' THEN CASE WHEN "p"."effective_deadline" IS NULL OR "p"."completed_on" IS NULL OR "p"."completed_on" <= "p"."effective_deadline" THEN 'on_time' ELSE 'late' END WHEN "p"."state" IN ('assigned', 'in_progress', 'submitted') THEN CASE WHEN "p"."effective_deadline" IS NULL THEN 'ongoing' WHEN cast($3 as date) > "p"."effective_deadline" THEN 'overdue' WHEN "p"."effective_deadline" - cast($4 as date) <= $5 THEN 'due_soon' ELSE 'on_track' END END as "timeliness", coalesce(( SELECT h.percent FROM task_progress h WHERE h.task_id = t.id AND h.day <= cast($6 as date) ORDER BY h.day DESC LIMIT 1 ), 0) as "progress_percent"
from "below" as "t"
inner join lateral (select "p"."state", "p"."effective_deadline", "p"."completed_on" from "task_period" as "p" where "p"."task_id" = "t"."id" and "p"."valid_from" <= cast($7 as date) AND ("p"."valid_to" IS NULL OR "p"."valid_to" > cast($8 as date)) limit $9) as "p" on true;
