-- The SQL of feedback-queue.repository.ts's plan-sensitive queries, as Kysely compiles it for PostgreSQL.
-- Written by `npm run sql:write` (src/server/testing/plan-sensitive-queries.ts); do not edit.
-- A change here is a change of the query: check its plan (EXPLAIN ANALYZE on the bench data).

-- listQueue: a province's queue, newest first
select "f"."id", "f"."tracking_code", "f"."assigned_path", "duplicate"."assigned_path" as "duplicate_path", "f"."type", "f"."field", "f"."title", "f"."state", "f"."submitter_kind", "f"."received_at", "f"."triage_due_on", "f"."answer_due_on", "f"."pending_due_on", "f"."organization_id", "concerned"."code" as "concerned_code", "concerned"."name_vi" as "concerned_name_vi", "concerned"."name_en" as "concerned_name_en", "f"."assigned_organization_id", "assigned"."code" as "assigned_code", "assigned"."name_vi" as "assigned_name_vi", "assigned"."name_en" as "assigned_name_en", "f"."possible_duplicate_of", "f"."version", (select count(*) as "n" from "feedback_attachment" as "a" where "a"."item_id" = "f"."id") as "attachment_count"
from "feedback_item" as "f"
left join "organization" as "concerned" on "concerned"."id" = "f"."organization_id"
left join "organization" as "assigned" on "assigned"."id" = "f"."assigned_organization_id"
left join "feedback_item" as "duplicate" on "duplicate"."id" = "f"."possible_duplicate_of"
where ("f"."assigned_path" like $1)
order by "f"."received_at" desc, "f"."id" desc
limit $2
offset $3;

-- listQueue: overdue items matching a text, by due date
select "f"."id", "f"."tracking_code", "f"."assigned_path", "duplicate"."assigned_path" as "duplicate_path", "f"."type", "f"."field", "f"."title", "f"."state", "f"."submitter_kind", "f"."received_at", "f"."triage_due_on", "f"."answer_due_on", "f"."pending_due_on", "f"."organization_id", "concerned"."code" as "concerned_code", "concerned"."name_vi" as "concerned_name_vi", "concerned"."name_en" as "concerned_name_en", "f"."assigned_organization_id", "assigned"."code" as "assigned_code", "assigned"."name_vi" as "assigned_name_vi", "assigned"."name_en" as "assigned_name_en", "f"."possible_duplicate_of", "f"."version", (select count(*) as "n" from "feedback_attachment" as "a" where "a"."item_id" = "f"."id") as "attachment_count"
from "feedback_item" as "f"
left join "organization" as "concerned" on "concerned"."id" = "f"."organization_id"
left join "organization" as "assigned" on "assigned"."id" = "f"."assigned_organization_id"
left join "feedback_item" as "duplicate" on "duplicate"."id" = "f"."possible_duplicate_of"
where ("f"."assigned_path" like $1) and "f"."pending_due_on" < cast($2 as date) and "f"."search_vector" @@ cast($3 as tsquery)
order by "f"."pending_due_on" asc nulls last, "f"."received_at", "f"."id"
limit $4
offset $5;

-- countQueue: the capped count of the same filter
select count(*) as "n"
from (select "f"."id" from "feedback_item" as "f" where ("f"."assigned_path" like $1) and "f"."pending_due_on" < cast($2 as date) and "f"."search_vector" @@ cast($3 as tsquery) limit $4) as "matches";
