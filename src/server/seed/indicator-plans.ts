import type { TrajectoryPoint } from '../../shared/domain/indicator-achievement.ts';
import type { ReportingFrequency } from '../../shared/domain/reporting-periods.ts';

/**
 * The demo's Resolution 57 indicators (codes, English names, units and 2030/2045 targets come from
 * reference/indicators.csv): who reports each, how often, its end-of-2023 baseline, and the path its
 * published figures followed. The path is read at each period's end; where it falls short of the
 * trajectory the value is off track and carries a note, as the rule asks.
 */
export interface DemoIndicator {
  code: string;
  nameVi: string;
  nameFr: string;
  /** Organization code of the body responsible for the national figure. */
  responsible: string;
  group: number;
  frequency: Extract<ReportingFrequency, 'quarter' | 'year'>;
  /** The value at the end of 2023, the baseline's day. */
  baseline: number;
  path: readonly TrajectoryPoint[];
  digits: number;
  source: string;
  /** The last period the responsible body reported: later ones are missing (stale). */
  stopsAfter?: string;
  /** What became of the last value due: approved, awaiting approval, or returned. */
  lastValue: 'approved' | 'waiting' | 'returned';
}

export const BASELINE_DATE = '2023-12-31';

const point = (date: string, value: number): TrajectoryPoint => ({ date, value });

export const DEMO_INDICATORS: readonly DemoIndicator[] = [
  {
    code: 'ONLINE_PUBLIC_SERVICES',
    nameVi: 'Tỷ lệ hồ sơ thủ tục hành chính được thực hiện trực tuyến',
    nameFr: 'Part des démarches administratives effectuées en ligne',
    responsible: 'VPCP',
    group: 4,
    frequency: 'quarter',
    baseline: 50,
    // 73.5% in the third quarter of 2025: 12.7 million applications, as the press reported.
    path: [
      point(BASELINE_DATE, 50),
      point('2024-03-31', 52),
      point('2024-12-31', 60),
      point('2025-09-30', 73.5),
      point('2026-12-31', 79),
      point('2030-12-31', 86),
    ],
    digits: 1,
    source: 'Cổng Dịch vụ công quốc gia',
    lastValue: 'approved',
  },
  {
    code: 'DIGITAL_ECONOMY_GDP',
    nameVi: 'Tỷ trọng kinh tế số trong GDP',
    nameFr: 'Part de l’économie numérique dans le PIB',
    responsible: 'BTC',
    group: 7,
    frequency: 'quarter',
    baseline: 16.5,
    path: [
      point(BASELINE_DATE, 16.5),
      point('2024-12-31', 18.3),
      point('2025-09-30', 19.2),
      point('2026-12-31', 20.9),
      point('2030-12-31', 26),
    ],
    digits: 1,
    source: 'Cục Thống kê, Bộ Tài chính',
    lastValue: 'waiting',
  },
  {
    code: 'HIGHTECH_EXPORTS',
    nameVi: 'Tỷ trọng xuất khẩu sản phẩm công nghệ cao trong tổng kim ngạch xuất khẩu',
    nameFr: 'Part des produits de haute technologie dans les exportations',
    responsible: 'BCT',
    group: 9,
    frequency: 'quarter',
    baseline: 40,
    path: [point(BASELINE_DATE, 40), point('2024-12-31', 42), point('2026-12-31', 45), point('2030-12-31', 50)],
    digits: 1,
    source: 'Cục Hải quan; Bộ Công Thương tổng hợp',
    lastValue: 'approved',
  },
  {
    code: 'RND_GDP',
    nameVi: 'Chi cho nghiên cứu và phát triển (R&D) so với GDP',
    nameFr: 'Dépense de recherche et développement en part du PIB',
    responsible: 'BKHCN',
    group: 5,
    frequency: 'year',
    baseline: 0.42,
    path: [point(BASELINE_DATE, 0.42), point('2024-12-31', 0.43), point('2025-12-31', 0.6), point('2030-12-31', 1.6)],
    digits: 2,
    source: 'Điều tra nghiên cứu và phát triển, Bộ Khoa học và Công nghệ',
    lastValue: 'approved',
  },
  {
    code: 'RND_NONSTATE',
    nameVi: 'Tỷ trọng kinh phí nghiên cứu và phát triển từ nguồn ngoài ngân sách nhà nước',
    nameFr: 'Part de la R&D financée hors budget de l’État',
    responsible: 'BKHCN',
    group: 5,
    frequency: 'year',
    baseline: 48,
    path: [point(BASELINE_DATE, 48), point('2024-12-31', 50), point('2025-12-31', 52), point('2030-12-31', 60)],
    digits: 1,
    source: 'Điều tra nghiên cứu và phát triển, Bộ Khoa học và Công nghệ',
    lastValue: 'approved',
  },
  {
    code: 'BUDGET_STI',
    nameVi: 'Tỷ lệ chi ngân sách nhà nước cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số',
    nameFr: 'Part du budget de l’État consacrée à la science, à l’innovation et à la transformation numérique',
    responsible: 'BTC',
    group: 3,
    frequency: 'year',
    baseline: 0.8,
    path: [point(BASELINE_DATE, 0.8), point('2024-12-31', 0.9), point('2025-12-31', 1.4), point('2030-12-31', 3)],
    digits: 2,
    source: 'Báo cáo quyết toán ngân sách nhà nước, Bộ Tài chính',
    lastValue: 'approved',
  },
  {
    code: 'TFP_GROWTH',
    nameVi: 'Đóng góp của năng suất các nhân tố tổng hợp (TFP) vào tăng trưởng kinh tế',
    nameFr: 'Contribution de la productivité globale des facteurs à la croissance',
    responsible: 'BTC',
    group: 3,
    frequency: 'year',
    baseline: 44,
    path: [point(BASELINE_DATE, 44), point('2024-12-31', 45), point('2030-12-31', 52)],
    digits: 1,
    source: 'Cục Thống kê, Bộ Tài chính',
    // The 2025 figure has not come: the Ministry of Finance is stale on it.
    stopsAfter: '2024',
    lastValue: 'approved',
  },
  {
    code: 'DIGITAL_FIRMS',
    nameVi: 'Số doanh nghiệp công nghệ số có quy mô ngang tầm các nước tiên tiến',
    nameFr: 'Entreprises technologiques du numérique au niveau des pays avancés',
    responsible: 'BKHCN',
    group: 5,
    frequency: 'year',
    baseline: 0,
    path: [point(BASELINE_DATE, 0), point('2024-12-31', 0), point('2025-12-31', 1), point('2030-12-31', 5)],
    digits: 0,
    source: 'Bộ Khoa học và Công nghệ',
    lastValue: 'approved',
  },
];

/** Provinces that set their own plan for the online share: their end-of-2023 figure and 2030 target. */
export const PROVINCE_PLANS: Readonly<Record<string, { baseline: number; target2030: number }>> = {
  '01': { baseline: 58, target2030: 90 },
  '48': { baseline: 62, target2030: 95 },
};

/** The explanations an off-track value comes with. */
export const OFF_TRACK_NOTES = [
  'Hệ thống một cửa điện tử đang chuyển đổi sang nền tảng dùng chung của tỉnh, nhiều hồ sơ phải tiếp nhận trực tiếp.',
  'Số liệu sơ bộ; một số đơn vị chưa đồng bộ dữ liệu lên Cổng Dịch vụ công quốc gia.',
  'Nguồn vốn năm nay giải ngân chậm; đã kiến nghị Bộ Tài chính bổ sung dự toán.',
  'Sáp nhập đơn vị hành chính làm gián đoạn việc thống kê trong kỳ; đang rà soát lại.',
  'Người dân vùng sâu, vùng xa còn hạn chế kỹ năng số; tỉnh đang triển khai tổ công nghệ số cộng đồng hỗ trợ.',
] as const;
