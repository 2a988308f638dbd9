import type { enFeedbackExtras } from './en-feedback-extras.ts';

/** Thời gian phản hồi của việc tiếp nhận; đánh giá và tiếp thu sáng kiến. */
export const viFeedbackExtras = {
  'feedbackEvent.adopted': 'Đã tiếp thu thành nhiệm vụ',
  'initiativeCriterion.novelty': 'Tính mới',
  'initiativeCriterion.feasibility': 'Tính khả thi',
  'initiativeCriterion.impact': 'Tác động',
  'initiativeCriterion.resources': 'Nguồn lực',
  'feedbackStatistics.title': 'Thời gian phản hồi',
  'feedbackStatistics.period': 'Tiếp nhận trong khoảng',
  'feedbackStatistics.organization': 'Cơ quan, đơn vị',
  'feedbackStatistics.unassigned': 'Chưa chuyển xử lý',
  'feedbackStatistics.total': 'Tổng cộng',
  'feedbackStatistics.received': 'Đã tiếp nhận',
  'feedbackStatistics.triaged': 'Đã phân loại',
  'feedbackStatistics.triagedWithin': 'Phân loại đúng hạn',
  'feedbackStatistics.shareTriagedWithin': 'Tỷ lệ phân loại đúng hạn',
  'feedbackStatistics.medianTriage': 'Trung vị số ngày làm việc đến khi phân loại',
  'feedbackStatistics.answered': 'Đã trả lời',
  'feedbackStatistics.answeredWithin': 'Trả lời đúng hạn',
  'feedbackStatistics.shareAnsweredWithin': 'Tỷ lệ trả lời đúng hạn',
  'feedbackStatistics.medianAnswer': 'Trung vị số ngày làm việc đến khi trả lời',
  'feedbackStatistics.overdue': 'Đang quá hạn',
  'error.feedbackStatistics.period': 'Ngày kết thúc không được trước ngày bắt đầu.',
  'error.feedback.not_an_initiative': 'Chỉ sáng kiến mới được đánh giá hoặc tiếp thu.',
  'error.feedback.initiative_state':
    'Chỉ sáng kiến đã được thụ lý mới được đánh giá hoặc tiếp thu, không phải sáng kiến đã bị từ chối hay gộp.',
  'error.feedback.already_adopted': 'Sáng kiến này đã được tiếp thu thành nhiệm vụ.',
} satisfies Record<keyof typeof enFeedbackExtras, string>;
