-- The SQL of task-queries.repository.ts's plan-sensitive queries, as Kysely compiles it for PostgreSQL.
-- Written by `npm run sql:write` (src/server/testing/plan-sensitive-queries.ts); do not edit.
-- A change here is a change of the query: check its plan (EXPLAIN ANALYZE on the bench data).

-- listSummaries: a page of a province as of a past day, by deadline (progress from its history)
select "t"."id", "t"."code", "t"."title", "t"."programme_id", "t"."task_group_id", "g"."number" as "task_group_number", "t"."lead_organization_id", "lead"."code" as "lead_code", "lead"."name_vi" as "lead_name_vi", "lead"."name_en" as "lead_name_en", "t"."assigner_organization_id", "assigner"."code" as "assigner_code", "assigner"."name_vi" as "assigner_name_vi", "assigner"."name_en" as "assigner_name_en", "t"."parent_task_id", "t"."deadline", "p"."effective_deadline", "p"."state", CASE WHEN "p"."state" = 'completed' THEN CASE WHEN "p"."effective_deadline" IS NULL OR "p"."completed_on" IS NULL OR "p"."completed_on" <= "p"."effective_deadline" THEN 'on_time' ELSE 'late' END WHEN "p"."state" IN ('assigned', 'in_progress', 'submitted') THEN CASE WHEN "p"."effective_deadline" IS NULL THEN 'ongoing' WHEN cast($1 as date) > "p"."effective_deadline" THEN 'overdue' WHEN "p"."effective_deadline" - cast($2 as date) <= $3 THEN 'due_soon' ELSE 'on_track' END END as "timeliness", CASE WHEN "p"."effective_deadline" IS NULL THEN 0 WHEN "p"."state" = 'completed' THEN coalesce(greatest(0, "p"."completed_on" - "p"."effective_deadline"), 0) WHEN "p"."state" IN ('assigned', 'in_progress', 'submitted') THEN greatest(0, cast($4 as date) - "p"."effective_deadline") ELSE 0 END as "days_late", "p"."completed_on", coalesce(( SELECT h.percent FROM task_progress h WHERE h.task_id = t.id AND h.day <= cast($5 as date) ORDER BY h.day DESC LIMIT 1 ), 0) as "progress_percent", "t"."priority", "t"."is_confidential", "t"."child_count", "t"."version"
from "task" as "t"
inner join "task_period" as "p" on "p"."task_id" = "t"."id" and "p"."valid_from" <= cast($6 as date) AND ("p"."valid_to" IS NULL OR "p"."valid_to" > cast($7 as date))
inner join "organization" as "lead" on "lead"."id" = "t"."lead_organization_id"
inner join "organization" as "assigner" on "assigner"."id" = "t"."assigner_organization_id"
left join "task_group" as "g" on "g"."id" = "t"."task_group_id"
where ("t"."lead_path" like $8 and ("t"."parent_lead_path" is null or "t"."parent_lead_path" not like $9 or "t"."parent_lead_path" = $10)) and NOT EXISTS ( SELECT 1 FROM task c WHERE c.id = t.id AND c.is_confidential AND NOT (c.lead_path LIKE ANY (ARRAY[$11]) OR EXISTS (SELECT 1 FROM organization a WHERE a.id = c.assigner_organization_id AND a.path LIKE ANY (ARRAY[$12])) OR EXISTS (SELECT 1 FROM task_coordinator k JOIN organization o ON o.id = k.organization_id WHERE k.task_id = c.id AND o.path LIKE ANY (ARRAY[$13]))) )
order by "p"."effective_deadline" asc nulls last, t.code COLLATE "C"
limit $14;

-- countSummaries: the capped count of the whole country's overdue tasks today (current periods), in the order of their page
select count(*) as "n"
from (select "t"."id" from "task" as "t" inner join "task_period" as "p" on "p"."task_id" = "t"."id" and "p"."valid_from" <= cast($1 as date) AND "p"."valid_to" IS NULL where ("t"."lead_path" like $2 and ("t"."parent_lead_path" is null or "t"."parent_lead_path" not like $3 or "t"."parent_lead_path" = $4)) and NOT EXISTS ( SELECT 1 FROM task c WHERE c.id = t.id AND c.is_confidential AND NOT (c.lead_path LIKE ANY (ARRAY[$5]) OR EXISTS (SELECT 1 FROM organization a WHERE a.id = c.assigner_organization_id AND a.path LIKE ANY (ARRAY[$6])) OR EXISTS (SELECT 1 FROM task_coordinator k JOIN organization o ON o.id = k.organization_id WHERE k.task_id = c.id AND o.path LIKE ANY (ARRAY[$7]))) ) and "p"."state" in ($8, $9, $10) and "p"."effective_deadline" < cast($11 as date) order by "p"."effective_deadline" asc nulls last, t.code COLLATE "C" limit $12) as "matches";

-- overdueSummaries: the dashboard's overdue list of the whole country as of a past day
select "t"."id"
from "task" as "t"
inner join "task_period" as "p" on "p"."task_id" = "t"."id" and "p"."valid_from" <= cast($1 as date) AND ("p"."valid_to" IS NULL OR "p"."valid_to" > cast($2 as date))
where ("t"."lead_path" like $3 and ("t"."parent_lead_path" is null or "t"."parent_lead_path" not like $4 or "t"."parent_lead_path" = $5)) and NOT EXISTS ( SELECT 1 FROM task c WHERE c.id = t.id AND c.is_confidential AND NOT (c.lead_path LIKE ANY (ARRAY[$6]) OR EXISTS (SELECT 1 FROM organization a WHERE a.id = c.assigner_organization_id AND a.path LIKE ANY (ARRAY[$7])) OR EXISTS (SELECT 1 FROM task_coordinator k JOIN organization o ON o.id = k.organization_id WHERE k.task_id = c.id AND o.path LIKE ANY (ARRAY[$8]))) ) and "p"."state" in ($9, $10, $11) and "p"."effective_deadline" < cast($12 as date)
order by "p"."effective_deadline" asc, t.code COLLATE "C"
limit $13;
