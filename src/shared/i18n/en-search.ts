/** English messages: the global search of the app's header. */
export const enSearch = {
  'search.label': 'Find anything',
  'search.placeholder': 'Search tasks, feedback, documents… or type a code',
  'search.group.task': 'Tasks',
  'search.group.feedback': 'Public feedback',
  'search.group.document': 'Directive documents',
  'search.group.meeting': 'Meetings',
  'search.group.organization': 'Organizations',
  'search.goTo': 'Open {code}',
  'search.nothing': 'Nothing found: every word must appear',
  'search.hasMore': 'More in this group: add a word to narrow it',
  'search.searching': 'Searching…',
} as const;
