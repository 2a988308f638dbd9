/** English messages: refusals of malformed input, before or while it is read (decision 0017). */
export const enInput = {
  'error.text.control_character': 'Contains a control character (such as NUL) that text may not hold.',
  'error.text.lone_surrogate': 'Contains a broken character (half of a UTF-16 surrogate pair).',
  'error.date.out_of_range': 'Enter a date between {min} and {max}.',
  'error.cursor.invalid': 'This link to a page of the list is damaged: start again from the first page.',
  'error.cursor.other_order':
    'This link to a page belongs to the list in another order: start again from the first page.',
  'error.invalid_url': 'The address (URL) of the request is malformed.',
  'error.uri_too_long': 'The address (URL) of the request is too long.',
  'error.invalid_multipart': 'The form data (multipart) of the request is malformed.',
  'error.bad_request': 'The request is malformed.',
  'error.duplicate_in_list': 'This value appears twice in the list.',
  'error.etag_expected': 'Send the ETag you read, such as "3".',
  'error.headers_too_large': 'The headers of the request are too large.',
} as const;
