/**
 * A million feedback items for the queue benchmark, generated with set-based SQL: the central
 * organizations (root, government, ministries, provinces and their two departments), then items
 * spread over eight states, four types, nine fields, the organizations and two years, with
 * attachments on some. Benchmark data, not the demo: the rows match what the services write
 * (folded search text, content hash, due dates, the assignment's path), but no events or audit
 * trail are produced, and due dates skip weekends only, not holidays.
 */
import type pg from 'pg';
import { FEEDBACK_FIELDS, FEEDBACK_TYPES, SUBMITTER_KINDS } from '../src/shared/domain/feedback.ts';
import { searchDocument } from '../src/shared/domain/search.ts';
import { foldForSearch } from '../src/shared/domain/text.ts';
import { insertOrganizations } from './organization-dataset.ts';

export interface FeedbackDatasetSize {
  items: number;
  /** Nothing is received after this day: the dataset's "today". */
  today: string;
}

/** Words people write, as [text, folded, words]: the words are what the queue's search reads. */
const SUBJECTS = [
  'Chữ ký số không được chấp nhận khi nộp hồ sơ',
  'Dữ liệu dân cư chưa được chia sẻ giữa các bộ',
  'Cơ chế thử nghiệm có kiểm soát cho công nghệ tài chính',
  'Chi phí nghiên cứu và phát triển chưa được trừ khi tính thuế',
  'Hợp đồng nghiên cứu giữa trường đại học và doanh nghiệp',
  'Sóng di động yếu ở thôn vùng cao',
  'Dịch vụ công trực tuyến vẫn yêu cầu bản giấy',
  'Thiếu nhân lực an ninh mạng ở cấp tỉnh',
  'Thời gian thẩm định đơn sáng chế quá dài',
  'Phần mềm một cửa của phường mới chưa kết nối',
  'Quỹ đầu tư khởi nghiệp sáng tạo bị giới hạn tỷ lệ góp vốn',
  'Thông tin cá nhân bị lộ, nhận cuộc gọi lừa đảo',
];
const DETAILS = [
  'Đề nghị quy định rõ trách nhiệm của cơ quan tiếp nhận.',
  'Tình trạng này kéo dài nhiều tháng chưa được giải quyết.',
  'Kiến nghị sửa đổi thông tư hướng dẫn cho thống nhất.',
  'Người dân phải đi lại nhiều lần, tốn thời gian và chi phí.',
  'Doanh nghiệp không biết phải chuẩn bị hồ sơ đến mức nào.',
  'Mong Ban Chỉ đạo xem xét, chỉ đạo các cơ quan liên quan.',
];
const pairs = (texts: string[]) => texts.map((text) => [text, foldForSearch(text), searchDocument(text)]);

/** Where items are assigned: ministries most, then provinces and their departments. */
const ASSIGNEES_SQL = `
  CREATE TEMP TABLE assignee AS
  SELECT row_number() OVER (ORDER BY code) AS rn, id, path FROM organization
  WHERE kind NOT IN ('national', 'government')`;

/**
 * One row per item with its draws. Open items (received … in processing) are recent, a share of
 * them past their due date; settled ones spread over the two years before $2 (today). Tracking
 * codes are g times an odd constant modulo 2^50, in Crockford base32: unique, not sequential.
 */
const PLAN_SQL = `
  CREATE TEMP TABLE plan AS
  WITH draws AS (
    SELECT g, random() AS r_state, random() AS r_age, random() AS r_type, random() AS r_field, random() AS r_kind,
      random() AS r_org, random() AS r_text, random() AS r_consent, random() AS r_pub, random() AS r_dup
    FROM generate_series(1, $1::int) AS g
  ), stated AS (
    SELECT d.*, CASE
        WHEN r_state < 0.08 THEN 'received' WHEN r_state < 0.12 THEN 'accepted' WHEN r_state < 0.20 THEN 'assigned'
        WHEN r_state < 0.32 THEN 'in_processing' WHEN r_state < 0.52 THEN 'answered' WHEN r_state < 0.90 THEN 'closed'
        WHEN r_state < 0.97 THEN 'rejected' ELSE 'merged' END AS state
    FROM draws d
  ), dated AS (
    SELECT s.*, $2::date - CASE
        WHEN state IN ('received', 'accepted', 'assigned', 'in_processing') THEN floor(r_age * r_age * 90)::int
        ELSE 20 + floor(r_age * 700)::int END AS received_on
    FROM stated s
  )
  SELECT gen_random_uuid() AS id, g, state, received_on,
    (received_on + time '08:00' + (g % 600) * interval '1 minute') AT TIME ZONE 'Asia/Ho_Chi_Minh' AS received_at,
    (ARRAY[${FEEDBACK_TYPES.map((t) => `'${t}'`).join(',')}])[1 + floor(r_type * ${FEEDBACK_TYPES.length})::int] AS type,
    (ARRAY[${FEEDBACK_FIELDS.map((f) => `'${f}'`).join(',')}])[1 + floor(r_field * ${FEEDBACK_FIELDS.length})::int] AS field,
    (ARRAY[${SUBMITTER_KINDS.map((k) => `'${k}'`).join(',')}])[1 + floor(r_kind * ${SUBMITTER_KINDS.length})::int] AS submitter_kind,
    r_org, r_text, r_consent < 0.6 AS consent, r_pub, r_dup,
    (SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 1 + ((((g::bigint * 387420489) % 1125899906842624) >> (5 * i)) % 32)::int, 1), '' ORDER BY i)
     FROM generate_series(0, 9) AS i) AS code
  FROM dated`;

/** n working days after d (Monday to Friday; holidays are not modelled here). */
const workingDaysAfter = (d: string, n: number) =>
  `(${d} + (${n} + 2 * ((extract(isodow FROM ${d})::int - 1 + ${n}) / 5))::int)`;

const ITEMS_SQL = `
  INSERT INTO feedback_item (id, tracking_code, type, field, title, content, search_text, content_hash,
    organization_id, submitter_kind, submitter_name, phone, email, consent_to_publish, is_published, state,
    received_at, received_on, triage_due_on, answer_due_on, triaged_at, assigned_at, answered_at, closed_at,
    assigned_organization_id, assigned_path, possible_duplicate_of, merged_into, answer)
  SELECT p.id, 'PA-' || p.code, p.type, p.field, s.t, s.t || ' ' || d.t || ' Hồ sơ số ' || p.g || '.',
    s.w || ' ' || s.w || ' ' || d.w || ' ho so so ' || p.g,
    encode(sha256(convert_to(s.f || ' ' || d.f || ' ho so so ' || p.g || '.', 'UTF8')), 'hex'),
    CASE WHEN p.r_org < 0.3 THEN a.id END, p.submitter_kind, 'Người gửi ' || p.g,
    '+849' || lpad((p.g % 100000000)::text, 8, '0'), NULL, p.consent,
    p.consent AND p.state IN ('answered', 'closed') AND p.r_pub < 0.5, p.state,
    p.received_at, p.received_on, ${workingDaysAfter('wd.d', 3)}, ${workingDaysAfter('wd.d', 15)},
    CASE WHEN p.state <> 'received' THEN p.received_at + interval '2 days' END,
    CASE WHEN p.state IN ('assigned', 'in_processing', 'answered', 'closed') THEN p.received_at + interval '2 days' END,
    CASE WHEN p.state IN ('answered', 'closed') THEN p.received_at + interval '12 days' END,
    CASE WHEN p.state = 'closed' THEN p.received_at + interval '19 days' END,
    CASE WHEN p.state IN ('assigned', 'in_processing', 'answered', 'closed') THEN a.id END,
    CASE WHEN p.state IN ('assigned', 'in_processing', 'answered', 'closed') THEN a.path END,
    CASE WHEN p.r_dup < 0.03 AND p.g > 1 THEN prev.id END,
    CASE WHEN p.state = 'merged' THEN prev.id END,
    CASE WHEN p.state IN ('answered', 'closed') THEN 'Cơ quan đã tiếp thu và trả lời kiến nghị số ' || p.g || '.' END
  FROM plan p
  CROSS JOIN LATERAL (SELECT CASE WHEN extract(isodow FROM p.received_on) > 5
    THEN p.received_on + (8 - extract(isodow FROM p.received_on))::int ELSE p.received_on END AS d) wd
  JOIN jsonb_array_elements($1::jsonb) WITH ORDINALITY AS sj(v, n) ON sj.n = 1 + floor(p.r_text * jsonb_array_length($1::jsonb))::int
  CROSS JOIN LATERAL (SELECT sj.v->>0 AS t, sj.v->>1 AS f, sj.v->>2 AS w) s
  JOIN jsonb_array_elements($2::jsonb) WITH ORDINALITY AS dj(v, n) ON dj.n = 1 + p.g % jsonb_array_length($2::jsonb)
  CROSS JOIN LATERAL (SELECT dj.v->>0 AS t, dj.v->>1 AS f, dj.v->>2 AS w) d
  JOIN assignee a ON a.rn = 1 + floor(p.r_org * p.r_org * (SELECT count(*) FROM assignee))::int
  LEFT JOIN plan prev ON prev.g = p.g - 1`;

/** One attachment on one item in twenty: the queue counts them for every row it shows. */
const ATTACHMENTS_SQL = `
  INSERT INTO feedback_attachment (item_id, file_name, media_type, size_bytes, sha256, content)
  SELECT id, 'ho-so-' || g || '.pdf', 'application/pdf', 64, md5(g::text) || md5(g::text), '\\x255044462d312e37'::bytea
  FROM plan WHERE g % 20 = 0`;

/** Fills a freshly migrated database; returns the row counts. */
export async function generateFeedbackDataset(
  client: pg.Client,
  size: FeedbackDatasetSize,
): Promise<Record<string, number>> {
  // Bulk load: the rows are consistent by construction, so foreign-key triggers are skipped.
  await client.query(`SET session_replication_role = replica`);
  await client.query(`SELECT setseed(0.4)`);
  await insertOrganizations(client, { communes: false });
  await client.query(ASSIGNEES_SQL);
  await client.query(PLAN_SQL, [size.items, size.today]);
  await client.query(`CREATE INDEX ON plan (g)`);
  await client.query(ITEMS_SQL, [JSON.stringify(pairs(SUBJECTS)), JSON.stringify(pairs(DETAILS))]);
  await client.query(ATTACHMENTS_SQL);
  await client.query(`DROP TABLE plan, assignee`);
  await client.query(`SET session_replication_role = DEFAULT`);
  await client.query(`VACUUM ANALYZE`);
  const { rows } = await client.query<{ name: string; n: number }>(`
    SELECT 'organization' AS name, count(*)::int AS n FROM organization
    UNION ALL SELECT 'feedback_item', count(*)::int FROM feedback_item
    UNION ALL SELECT 'open', count(*)::int FROM feedback_item WHERE pending_due_on IS NOT NULL
    UNION ALL SELECT 'feedback_attachment', count(*)::int FROM feedback_attachment`);
  return Object.fromEntries(rows.map((row) => [row.name, row.n]));
}
