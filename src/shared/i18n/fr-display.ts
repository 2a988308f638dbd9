import type { enDisplay } from './en-display.ts';

/** French messages: typing dates, and refusals worded with dates (decision 0024). */
export const frDisplay = {
  'date.placeholder': 'jj/mm/aaaa',
  'date.invalid': 'Saisissez une date au format jj/mm/aaaa, par exemple {example}.',
  'date.onOrAfter': 'À partir du {date}.',
  'date.tooEarly': 'Choisissez le {date} ou une date ultérieure.',
  'date.tooLate': 'Choisissez le {date} ou une date antérieure.',
  'error.extension.too_early':
    'Le délai demandé doit suivre l’échéance actuelle ({currentDeadlineOn}) : choisissez le {earliestOn} ou une date ultérieure.',
  'tasks.completedDaysLate':
    '{days, plural, one {achevée avec # jour de retard} other {achevée avec # jours de retard}}',
} satisfies Record<keyof typeof enDisplay, string>;
