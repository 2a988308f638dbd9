import type { Catalogue } from './en.ts';
import { frFoundation } from './fr-foundation.ts';
import { frFeedback } from './fr-feedback.ts';
import { frFeedbackScreens } from './fr-feedback-screens.ts';
import { frFeedbackExtras } from './fr-feedback-extras.ts';
import { frMonitoring } from './fr-monitoring.ts';
import { frCalendar } from './fr-calendar.ts';
import { frDirectives } from './fr-directives.ts';
import { frInput } from './fr-input.ts';
import { frSearch } from './fr-search.ts';
import { frDisplay } from './fr-display.ts';
import { frIndicators } from './fr-indicators.ts';

/** French. */
export const fr = {
  ...frFoundation,
  ...frMonitoring,
  ...frDirectives,
  ...frCalendar,
  ...frFeedback,
  ...frFeedbackScreens,
  ...frFeedbackExtras,
  ...frInput,
  ...frSearch,
  ...frDisplay,
  ...frIndicators,
} satisfies Catalogue;
