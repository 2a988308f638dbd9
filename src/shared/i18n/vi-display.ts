import type { enDisplay } from './en-display.ts';

/** Vietnamese messages: typing dates, and refusals worded with dates (decision 0024). */
export const viDisplay = {
  'date.placeholder': 'dd/mm/yyyy',
  'date.invalid': 'Nhập ngày theo dạng dd/mm/yyyy, ví dụ {example}.',
  'date.onOrAfter': 'Từ ngày {date} trở đi.',
  'date.tooEarly': 'Chọn ngày {date} hoặc muộn hơn.',
  'date.tooLate': 'Chọn ngày {date} hoặc sớm hơn.',
  'error.extension.too_early':
    'Thời hạn đề nghị phải sau thời hạn hiện hành ({currentDeadlineOn}): chọn từ ngày {earliestOn} trở đi.',
  'tasks.completedDaysLate': 'hoàn thành trễ {days} ngày',
} satisfies Record<keyof typeof enDisplay, string>;
