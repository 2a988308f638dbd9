import { enFoundation } from './en-foundation.ts';
import { enFeedback } from './en-feedback.ts';
import { enFeedbackScreens } from './en-feedback-screens.ts';
import { enFeedbackExtras } from './en-feedback-extras.ts';
import { enMonitoring } from './en-monitoring.ts';
import { enCalendar } from './en-calendar.ts';
import { enDirectives } from './en-directives.ts';
import { enInput } from './en-input.ts';
import { enSearch } from './en-search.ts';
import { enDisplay } from './en-display.ts';
import { enIndicators } from './en-indicators.ts';

/**
 * The source catalogue: every message of the server and the web app, as ICU MessageFormat, one file
 * per area. Keys are flat and dotted so that vi and fr can be checked key by key by TypeScript.
 */
export const en = {
  ...enFoundation,
  ...enMonitoring,
  ...enDirectives,
  ...enCalendar,
  ...enFeedback,
  ...enFeedbackScreens,
  ...enFeedbackExtras,
  ...enInput,
  ...enSearch,
  ...enDisplay,
  ...enIndicators,
} as const;

export type MessageKey = keyof typeof en;
/** What every locale must provide: exactly the keys of the English source. */
export type Catalogue = Record<MessageKey, string>;
