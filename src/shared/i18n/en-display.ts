/** English messages: typing dates, and refusals worded with dates (decision 0024). */
export const enDisplay = {
  'date.placeholder': 'mm/dd/yyyy',
  'date.invalid': 'Enter a date as mm/dd/yyyy, for example {example}.',
  'date.onOrAfter': 'From {date}.',
  'date.tooEarly': 'Choose {date} or a later date.',
  'date.tooLate': 'Choose {date} or an earlier date.',
  'error.extension.too_early':
    'The requested deadline must come after the current deadline ({currentDeadlineOn}): choose {earliestOn} or later.',
  'tasks.completedDaysLate': '{days, plural, one {completed # day late} other {completed # days late}}',
} as const;
