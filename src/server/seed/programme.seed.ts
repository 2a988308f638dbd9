import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Db } from '../db/database.ts';
import type { DirectiveDocument, Meeting, Programme } from '../../shared/schemas/directives.ts';
import type { Organization } from '../../shared/schemas/organizations.ts';
import { SYSTEM } from '../kernel/principal.ts';
import { createDocument, createMeeting, createProgramme } from '../modules/directives/directives.service.ts';
import { REFERENCE_DIR } from './reference-data.ts';
import type { Random } from './random.ts';

/** Our Vietnamese titles for the ten groups of dispatch 01-CV/BCĐTW (the reference has fr/en). */
const GROUP_NAMES_VI: Record<number, string> = {
  1: 'Lãnh đạo, chỉ đạo',
  2: 'Nâng cao nhận thức, quyết tâm chính trị; thông tin, truyền thông',
  3: 'Hoàn thiện thể chế, chính sách để tạo đột phá và bảo đảm nguồn lực',
  4: 'Chiến lược phát triển hạ tầng số, ứng dụng và dịch vụ số',
  5: 'Chiến lược 10 năm về hệ sinh thái khởi nghiệp, đổi mới sáng tạo và hỗ trợ nghiên cứu, phát triển',
  6: 'Chiến lược 5 năm về nguồn nhân lực chất lượng cao',
  7: 'Chiến lược chuyển đổi số, kinh tế số của tỉnh, thành phố',
  8: 'An ninh mạng và chủ quyền số',
  9: 'Hợp tác, liên kết vùng và quốc tế',
  10: 'Theo dõi, giám sát, đánh giá và lan tỏa',
};

const DOCUMENTS = [
  {
    number: '204-QĐ/TW',
    docType: 'decision',
    issuer: 'BBT',
    issuedOn: '2024-11-29',
    title:
      'Quyết định về thành lập Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số',
  },
  {
    number: '57-NQ/TW',
    docType: 'resolution',
    issuer: 'BCTTW',
    issuedOn: '2024-12-22',
    title: 'Nghị quyết về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
  },
  {
    number: '03/NQ-CP',
    docType: 'resolution',
    issuer: 'CP',
    issuedOn: '2025-01-09',
    title: 'Nghị quyết ban hành Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW',
  },
  {
    number: '193/2025/QH15',
    docType: 'resolution',
    issuer: 'QH',
    issuedOn: '2025-02-19',
    title:
      'Nghị quyết về thí điểm một số cơ chế, chính sách đặc biệt tạo đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
  },
  {
    number: '01-CV/BCĐTW',
    docType: 'dispatch',
    issuer: 'BCDTW',
    issuedOn: '2025-03-25',
    title: 'Công văn về việc xây dựng kế hoạch hành động thực hiện Nghị quyết số 57-NQ/TW',
  },
  {
    number: '02-KH/BCĐTW',
    docType: 'plan',
    issuer: 'BCDTW',
    issuedOn: '2025-06-01',
    title:
      'Kế hoạch thúc đẩy chuyển đổi số liên thông, đồng bộ, nhanh và hiệu quả đáp ứng yêu cầu sắp xếp tổ chức bộ máy',
  },
] as const;

const MEETING_TOPICS = [
  'thể chế, chính sách về khoa học, công nghệ',
  'hạ tầng số và dữ liệu quốc gia',
  'chuyển đổi số trong cơ quan Đảng',
  'dịch vụ công trực tuyến toàn trình',
  'nguồn nhân lực chất lượng cao',
  'hệ sinh thái khởi nghiệp sáng tạo',
  'an ninh mạng, chủ quyền số',
  'vận hành chính quyền địa phương hai cấp',
] as const;

export interface ProgrammeSeed {
  programme: Programme;
  documents: DirectiveDocument[];
  meetings: Meeting[];
}

export async function seedProgramme(
  db: Db,
  organizations: Map<string, Organization>,
  random: Random,
): Promise<ProgrammeSeed> {
  const org = (code: string) => {
    const found = organizations.get(code);
    if (!found) throw new Error(`Demo seed: organization ${code} is missing`);
    return found;
  };
  const groups: Array<{ number: string; title_en: string }> = parse(
    fs.readFileSync(path.join(REFERENCE_DIR, 'task-groups.csv'), 'utf8'),
    { columns: true, skip_empty_lines: true },
  );
  const programme = await createProgramme(db, SYSTEM, {
    code: 'R57',
    nameVi: 'Thực hiện Nghị quyết số 57-NQ/TW',
    nameEn: 'Implementation of Resolution 57-NQ/TW',
    ownerOrganizationId: org('BCDTW').id,
    groups: groups.map((group) => ({
      number: Number(group.number),
      nameVi: GROUP_NAMES_VI[Number(group.number)] ?? group.title_en,
      nameEn: group.title_en,
    })),
  });
  const documents = [];
  for (const document of DOCUMENTS) {
    const { issuer, ...rest } = document;
    documents.push(await createDocument(db, SYSTEM, { ...rest, issuerOrganizationId: org(issuer).id }));
  }
  // 25 meetings of the committee, its standing committee and its leaders from January to September 2025.
  const meetings = [];
  for (let index = 0; index < 25; index += 1) {
    const day = new Date(Date.UTC(2025, 0, 8) + Math.round((index * 262) / 24) * 86_400_000);
    const topic = MEETING_TOPICS[index % MEETING_TOPICS.length] ?? MEETING_TOPICS[0];
    meetings.push(
      await createMeeting(db, SYSTEM, {
        organizationId: org('BCDTW').id,
        heldOn: day.toISOString().slice(0, 10),
        title: `Phiên họp thứ ${index + 1} của Ban Chỉ đạo: ${topic}`,
        conclusions: Array.from({ length: 2 + random.int(3) }, (_, n) => `Kết luận ${n + 1} về ${topic}`),
      }),
    );
  }
  return { programme, documents, meetings };
}
