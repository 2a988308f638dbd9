import type { enFeedbackExtras } from './en-feedback-extras.ts';

/** Français : délais de réponse des contributions, évaluation et adoption des initiatives. */
export const frFeedbackExtras = {
  'feedbackEvent.adopted': 'Adoptée comme tâche',
  'initiativeCriterion.novelty': 'Nouveauté',
  'initiativeCriterion.feasibility': 'Faisabilité',
  'initiativeCriterion.impact': 'Impact',
  'initiativeCriterion.resources': 'Ressources',
  'feedbackStatistics.title': 'Délais de réponse',
  'feedbackStatistics.period': 'Reçues entre',
  'feedbackStatistics.organization': 'Organisation',
  'feedbackStatistics.unassigned': 'Pas encore attribuées',
  'feedbackStatistics.total': 'Total',
  'feedbackStatistics.received': 'Reçues',
  'feedbackStatistics.triaged': 'Triées',
  'feedbackStatistics.triagedWithin': 'Triées dans le délai',
  'feedbackStatistics.shareTriagedWithin': 'Part triée dans le délai',
  'feedbackStatistics.medianTriage': 'Jours ouvrés jusqu’au tri (médiane)',
  'feedbackStatistics.answered': 'Répondues',
  'feedbackStatistics.answeredWithin': 'Répondues dans le délai',
  'feedbackStatistics.shareAnsweredWithin': 'Part répondue dans le délai',
  'feedbackStatistics.medianAnswer': 'Jours ouvrés jusqu’à la réponse (médiane)',
  'feedbackStatistics.overdue': 'En retard',
  'error.feedbackStatistics.period': 'La fin de la période ne peut pas précéder son début.',
  'error.feedback.not_an_initiative': 'Seule une initiative peut être évaluée ou adoptée.',
  'error.feedback.initiative_state':
    'Seule une initiative acceptée peut être évaluée ou adoptée, pas une initiative rejetée ou fusionnée.',
  'error.feedback.already_adopted': 'Cette initiative a déjà été adoptée comme tâche.',
} satisfies Record<keyof typeof enFeedbackExtras, string>;
