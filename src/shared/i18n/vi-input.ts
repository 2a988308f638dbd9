import type { enInput } from './en-input.ts';

/** Vietnamese messages: refusals of malformed input, before or while it is read (decision 0017). */
export const viInput = {
  'error.text.control_character': 'Có ký tự điều khiển (như NUL) không được phép trong văn bản.',
  'error.text.lone_surrogate': 'Có ký tự bị lỗi mã hóa (một nửa cặp thay thế UTF-16).',
  'error.date.out_of_range': 'Hãy nhập ngày trong khoảng từ {min} đến {max}.',
  'error.cursor.invalid': 'Liên kết đến trang này của danh sách bị hỏng: hãy mở lại từ trang đầu.',
  'error.cursor.other_order':
    'Liên kết đến trang này thuộc danh sách sắp xếp theo thứ tự khác: hãy mở lại từ trang đầu.',
  'error.invalid_url': 'Địa chỉ (URL) của yêu cầu không hợp lệ.',
  'error.uri_too_long': 'Địa chỉ (URL) của yêu cầu quá dài.',
  'error.invalid_multipart': 'Dữ liệu biểu mẫu (multipart) của yêu cầu bị lỗi định dạng.',
  'error.bad_request': 'Yêu cầu không đúng định dạng.',
  'error.duplicate_in_list': 'Giá trị này bị trùng trong danh sách.',
  'error.etag_expected': 'Hãy gửi ETag đã đọc, chẳng hạn "3".',
  'error.headers_too_large': 'Phần tiêu đề của yêu cầu quá lớn.',
} satisfies Record<keyof typeof enInput, string>;
