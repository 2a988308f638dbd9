import type { enIndicators } from './en-indicators.ts';

/** Indicateurs, valeurs déclarées et réglages de l’évaluation. */
export const frIndicators = {
  'indicator.error.value.not_finite': 'Saisissez un nombre.',
  'indicator.error.value.negative': 'Cet indicateur n’a pas de valeur négative.',
  'indicator.error.value.over_hundred': 'Un pourcentage est compris entre 0 et 100.',
  'indicator.error.value.not_whole': 'Un effectif est un nombre entier.',
  'indicator.error.period.month': 'Saisissez un mois sous la forme AAAA-MM, par exemple 2025-09.',
  'indicator.error.period.quarter': 'Saisissez un trimestre sous la forme AAAA-Qn, par exemple 2025-Q3.',
  'indicator.error.period.year': 'Saisissez une année sous la forme AAAA, par exemple 2025.',
  'indicator.error.periodNotEnded': 'Cette période n’est pas terminée : sa valeur se déclare une fois close.',
  'indicator.error.alreadyReported':
    'Cette période a déjà une valeur pour cet organisme. Corrigez cette valeur au lieu d’en saisir une seconde.',
  'indicator.error.noteRequired':
    'Cette valeur est en retard sur la trajectoire : expliquez-la dans une note (causes, mesures en cours).',
  'indicator.error.notReporter': 'Cet organisme ne déclare pas cet indicateur.',
  'indicator.error.notWaiting': 'Seule une valeur en attente d’approbation peut être approuvée ou renvoyée.',
  'indicator.error.targetRepeated': 'Cette année a déjà une cible.',
  'indicator.error.targetBeforeBaseline': 'Une cible vient après la valeur de référence.',
  'indicator.error.reporterRepeated': 'Cet organisme figure deux fois.',
  'indicator.error.reporterHasValues':
    'Un organisme qui a déclaré des valeurs reste parmi les déclarants de l’indicateur.',
  'indicator.error.programmeFixed': 'Un indicateur reste dans son programme.',
  'indicator.error.thresholds.not_finite': 'Saisissez des nombres.',
  'indicator.error.thresholds.not_ordered': 'Le seuil « sur la trajectoire » doit dépasser le seuil « à risque ».',
  'indicator.error.thresholds.not_positive': 'Le seuil « à risque » doit être supérieur à zéro.',
} satisfies Record<keyof typeof enIndicators, string>;
