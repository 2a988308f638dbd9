import type { enCalendar } from './en-calendar.ts';

/** Lịch nghỉ lễ dùng để tính ngày làm việc. */
export const viCalendar = {
  'nav.calendar': 'Lịch nghỉ lễ',
  'calendar.title': 'Lịch nghỉ lễ',
  'calendar.intro':
    'Thời hạn xử lý tính theo ngày làm việc: thứ Bảy, Chủ nhật và các ngày lễ dưới đây là ngày nghỉ. Cập nhật từng năm theo thông báo của Chính phủ về nghỉ Tết và ngày nghỉ bù, hoán đổi.',
  'calendar.year': 'Năm',
  'calendar.source.statutory': 'Ngày nghỉ lễ theo luật định (Điều 112 Bộ luật Lao động 2019)',
  'calendar.source.configured': 'Do quản trị viên thiết lập',
  'calendar.workingDays': '{count, number} ngày làm việc',
  'calendar.date': 'Ngày',
  'calendar.weekday': 'Thứ',
  'calendar.nameVi': 'Tên (tiếng Việt)',
  'calendar.nameEn': 'Tên (tiếng Anh)',
  'calendar.kind': 'Loại',
  'calendar.kind.public': 'Ngày lễ, Tết',
  'calendar.kind.compensatory': 'Nghỉ bù',
  'calendar.kind.bridge': 'Nghỉ hoán đổi',
  'calendar.extraWorkingDays': 'Ngày làm bù (thứ Bảy, Chủ nhật đi làm)',
  'calendar.none': 'Không có',
  'calendar.edit': 'Sửa lịch năm này',
  'calendar.addHoliday': 'Thêm ngày nghỉ',
  'calendar.addExtraDay': 'Thêm ngày làm bù',
  'calendar.remove': 'Xoá',
  'calendar.save': 'Lưu lịch',
  'calendar.cancel': 'Huỷ',
  'calendar.saved': 'Đã lưu lịch năm {year}.',
  'calendar.error.outsideYear': 'Ngày này không thuộc năm đang sửa.',
  'calendar.error.duplicateDate': 'Ngày này bị nhập hai lần.',
  'calendar.error.notWeekend': 'Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.',
  'calendar.error.alsoHoliday': 'Ngày này cũng đang là ngày nghỉ lễ.',
} satisfies Record<keyof typeof enCalendar, string>;
