import type { Catalogue } from './en.ts';
import { viFoundation } from './vi-foundation.ts';
import { viFeedback } from './vi-feedback.ts';
import { viFeedbackScreens } from './vi-feedback-screens.ts';
import { viFeedbackExtras } from './vi-feedback-extras.ts';
import { viMonitoring } from './vi-monitoring.ts';
import { viCalendar } from './vi-calendar.ts';
import { viDirectives } from './vi-directives.ts';
import { viInput } from './vi-input.ts';
import { viSearch } from './vi-search.ts';
import { viDisplay } from './vi-display.ts';
import { viIndicators } from './vi-indicators.ts';

/** Vietnamese: the default language of the product. */
export const vi = {
  ...viFoundation,
  ...viMonitoring,
  ...viDirectives,
  ...viCalendar,
  ...viFeedback,
  ...viFeedbackScreens,
  ...viFeedbackExtras,
  ...viInput,
  ...viSearch,
  ...viDisplay,
  ...viIndicators,
} satisfies Catalogue;
