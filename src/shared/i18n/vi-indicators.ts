import type { enIndicators } from './en-indicators.ts';

/** Chỉ tiêu, số liệu báo cáo và thiết lập đánh giá. */
export const viIndicators = {
  'indicator.error.value.not_finite': 'Vui lòng nhập một số.',
  'indicator.error.value.negative': 'Chỉ tiêu này không có giá trị âm.',
  'indicator.error.value.over_hundred': 'Tỷ lệ phần trăm phải nằm trong khoảng từ 0 đến 100.',
  'indicator.error.value.not_whole': 'Số lượng phải là số nguyên.',
  'indicator.error.period.month': 'Nhập tháng theo dạng YYYY-MM, ví dụ 2025-09.',
  'indicator.error.period.quarter': 'Nhập quý theo dạng YYYY-Qn, ví dụ 2025-Q3.',
  'indicator.error.period.year': 'Nhập năm theo dạng YYYY, ví dụ 2025.',
  'indicator.error.periodNotEnded': 'Kỳ này chưa kết thúc: số liệu được báo cáo sau khi hết kỳ.',
  'indicator.error.alreadyReported':
    'Cơ quan đã có số liệu cho kỳ này. Hãy điều chỉnh số liệu đó thay vì nhập thêm một số liệu thứ hai.',
  'indicator.error.noteRequired':
    'Số liệu này chậm so với lộ trình: vui lòng ghi chú giải trình (nguyên nhân, giải pháp đang thực hiện).',
  'indicator.error.notReporter': 'Cơ quan này không báo cáo chỉ tiêu này.',
  'indicator.error.notWaiting': 'Chỉ số liệu đang chờ phê duyệt mới có thể được phê duyệt hoặc trả lại.',
  'indicator.error.targetRepeated': 'Năm này đã có mục tiêu.',
  'indicator.error.targetBeforeBaseline': 'Mục tiêu phải sau thời điểm giá trị cơ sở.',
  'indicator.error.reporterRepeated': 'Cơ quan này được liệt kê hai lần.',
  'indicator.error.reporterHasValues': 'Cơ quan đã báo cáo số liệu vẫn phải thuộc danh sách cơ quan báo cáo chỉ tiêu.',
  'indicator.error.programmeFixed': 'Chỉ tiêu không thể chuyển sang chương trình khác.',
  'indicator.error.thresholds.not_finite': 'Vui lòng nhập số.',
  'indicator.error.thresholds.not_ordered': 'Ngưỡng "đúng lộ trình" phải cao hơn ngưỡng "có nguy cơ chậm".',
  'indicator.error.thresholds.not_positive': 'Ngưỡng "có nguy cơ chậm" phải lớn hơn 0.',
} satisfies Record<keyof typeof enIndicators, string>;
