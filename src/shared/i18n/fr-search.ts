import type { enSearch } from './en-search.ts';

/** La recherche générale de l’en-tête. */
export const frSearch = {
  'search.label': 'Trouver partout',
  'search.placeholder': 'Rechercher tâches, contributions, documents… ou saisir un code',
  'search.group.task': 'Tâches',
  'search.group.feedback': 'Contributions du public',
  'search.group.document': "Documents d'orientation",
  'search.group.meeting': 'Réunions',
  'search.group.organization': 'Organisations',
  'search.goTo': 'Ouvrir {code}',
  'search.nothing': 'Aucun résultat : chaque mot doit figurer',
  'search.hasMore': 'D’autres résultats dans ce groupe : ajoutez un mot pour affiner',
  'search.searching': 'Recherche…',
} satisfies Record<keyof typeof enSearch, string>;
