import type { Random } from './random.ts';

/** Plausible task titles, by task group: what a ministry or province is typically asked to do. */
const OBJECTS: Record<number, readonly string[]> = {
  1: [
    'kế hoạch hành động thực hiện Nghị quyết 57-NQ/TW',
    'quy chế làm việc của Ban Chỉ đạo cấp tỉnh',
    'chương trình công tác năm 2025 về chuyển đổi số',
  ],
  2: [
    'chuyên mục tuyên truyền về chuyển đổi số',
    'phong trào “Bình dân học vụ số”',
    'hội nghị quán triệt Nghị quyết 57-NQ/TW',
  ],
  3: [
    'nghị định hướng dẫn Luật Khoa học, công nghệ và đổi mới sáng tạo',
    'cơ chế thử nghiệm có kiểm soát (sandbox)',
    'quy định về khoán chi nhiệm vụ khoa học, công nghệ',
    'chính sách thu hút chuyên gia công nghệ',
  ],
  4: [
    'cơ sở dữ liệu chuyên ngành kết nối với dữ liệu quốc gia',
    'hệ thống thông tin giải quyết thủ tục hành chính',
    'hạ tầng điện toán đám mây dùng chung',
    'dịch vụ công trực tuyến toàn trình',
  ],
  5: ['trung tâm đổi mới sáng tạo', 'quỹ đầu tư khởi nghiệp sáng tạo', 'chương trình hỗ trợ doanh nghiệp công nghệ số'],
  6: [
    'đề án đào tạo nhân lực bán dẫn',
    'chương trình bồi dưỡng kỹ năng số cho cán bộ',
    'chính sách học bổng kỹ sư công nghệ cao',
  ],
  7: [
    'đề án chuyển đổi số cấp tỉnh giai đoạn 2025–2030',
    'kế hoạch phát triển kinh tế số địa phương',
    'mô hình chính quyền số cấp xã',
  ],
  8: [
    'phương án bảo đảm an toàn thông tin theo cấp độ',
    'trung tâm giám sát an ninh mạng',
    'quy chế bảo vệ dữ liệu cá nhân',
  ],
  9: [
    'chương trình hợp tác quốc tế về khoa học, công nghệ',
    'liên kết vùng về hạ tầng số',
    'thỏa thuận chuyển giao công nghệ',
  ],
  10: [
    'báo cáo đánh giá kết quả thực hiện quý III/2025',
    'bộ chỉ số đánh giá chuyển đổi số',
    'kiểm tra việc thực hiện nhiệm vụ được giao',
  ],
};

const VERBS = ['Xây dựng', 'Ban hành', 'Triển khai', 'Hoàn thiện', 'Trình phê duyệt', 'Tổ chức thực hiện'] as const;

export function taskTitle(random: Random, group: number, leadName: string): string {
  const object = random.pick(OBJECTS[group] ?? OBJECTS[1] ?? []);
  return `${random.pick(VERBS)} ${object} (${leadName})`;
}
