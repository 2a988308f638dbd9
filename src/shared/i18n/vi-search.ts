import type { enSearch } from './en-search.ts';

/** Tìm kiếm chung ở thanh tiêu đề. */
export const viSearch = {
  'search.label': 'Tra cứu nhanh',
  'search.placeholder': 'Tìm nhiệm vụ, phản ánh, văn bản… hoặc nhập mã số',
  'search.group.task': 'Nhiệm vụ',
  'search.group.feedback': 'Phản ánh, kiến nghị',
  'search.group.document': 'Văn bản chỉ đạo',
  'search.group.meeting': 'Phiên họp',
  'search.group.organization': 'Cơ quan, đơn vị',
  'search.goTo': 'Mở {code}',
  'search.nothing': 'Không tìm thấy kết quả chứa đủ các từ đã nhập',
  'search.hasMore': 'Còn kết quả khác trong nhóm này: thêm từ để thu hẹp',
  'search.searching': 'Đang tìm…',
} satisfies Record<keyof typeof enSearch, string>;
