import type { enCalendar } from './en-calendar.ts';

/** Le calendrier des jours fériés qui sert à compter les jours ouvrés. */
export const frCalendar = {
  'nav.calendar': 'Jours fériés',
  'calendar.title': 'Calendrier des jours fériés',
  'calendar.intro':
    'Les délais se comptent en jours ouvrés : les week-ends et ces jours fériés sont chômés. Fixez chaque année d’après l’annonce du Gouvernement pour le Têt et les ponts.',
  'calendar.year': 'Année',
  'calendar.source.statutory': 'Jours fériés légaux (Code du travail 2019, article 112)',
  'calendar.source.configured': 'Fixé par un administrateur',
  'calendar.workingDays': '{count, number} jours ouvrés',
  'calendar.date': 'Date',
  'calendar.weekday': 'Jour',
  'calendar.nameVi': 'Nom (vietnamien)',
  'calendar.nameEn': 'Nom (anglais)',
  'calendar.kind': 'Nature',
  'calendar.kind.public': 'Jour férié',
  'calendar.kind.compensatory': 'Jour de récupération',
  'calendar.kind.bridge': 'Pont',
  'calendar.extraWorkingDays': 'Jours de rattrapage (week-ends travaillés)',
  'calendar.none': 'Aucun',
  'calendar.edit': 'Modifier cette année',
  'calendar.addHoliday': 'Ajouter un jour férié',
  'calendar.addExtraDay': 'Ajouter un jour de rattrapage',
  'calendar.remove': 'Retirer',
  'calendar.save': 'Enregistrer le calendrier',
  'calendar.cancel': 'Annuler',
  'calendar.saved': 'Le calendrier {year} est enregistré.',
  'calendar.error.outsideYear': 'Cette date n’est pas dans l’année modifiée.',
  'calendar.error.duplicateDate': 'Cette date figure deux fois.',
  'calendar.error.notWeekend': 'Un jour de rattrapage doit être un samedi ou un dimanche.',
  'calendar.error.alsoHoliday': 'Cette date figure aussi parmi les jours fériés.',
} satisfies Record<keyof typeof enCalendar, string>;
