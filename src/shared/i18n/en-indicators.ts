/** Indicators, their values and the evaluation settings (issue 11). */
export const enIndicators = {
  'indicator.error.value.not_finite': 'Enter a number.',
  'indicator.error.value.negative': 'This indicator has no negative values.',
  'indicator.error.value.over_hundred': 'A percentage lies between 0 and 100.',
  'indicator.error.value.not_whole': 'A count is a whole number.',
  'indicator.error.period.month': 'Enter a month as YYYY-MM, such as 2025-09.',
  'indicator.error.period.quarter': 'Enter a quarter as YYYY-Qn, such as 2025-Q3.',
  'indicator.error.period.year': 'Enter a year as YYYY, such as 2025.',
  'indicator.error.periodNotEnded': 'This period has not ended yet: its value is reported once it is over.',
  'indicator.error.alreadyReported':
    'This period already has a value for this organization. Correct that value instead of entering a second one.',
  'indicator.error.noteRequired':
    'This value is off track against the trajectory: explain it in a note (causes, what is being done).',
  'indicator.error.notReporter': 'This organization does not report this indicator.',
  'indicator.error.notWaiting': 'Only a value awaiting approval can be approved or returned.',
  'indicator.error.targetRepeated': 'This year already has a target.',
  'indicator.error.targetBeforeBaseline': 'A target comes after the baseline.',
  'indicator.error.reporterRepeated': 'This organization is listed twice.',
  'indicator.error.reporterHasValues':
    'An organization that has reported values stays among the reporters of the indicator.',
  'indicator.error.programmeFixed': 'An indicator stays in its programme.',
  'indicator.error.thresholds.not_finite': 'Enter numbers.',
  'indicator.error.thresholds.not_ordered': 'The on-track threshold must be above the at-risk one.',
  'indicator.error.thresholds.not_positive': 'The at-risk threshold must be above zero.',
} as const;
