import type { Migration } from 'kysely/migration';
import * as foundation from './0001-foundation.ts';
import * as tasks from './0002-tasks.ts';
import * as dashboardIndexes from './0003-dashboard-indexes.ts';
import * as evidenceFiles from './0004-evidence-files.ts';
import * as importJobs from './0005-import-jobs.ts';
import * as feedback from './0006-feedback.ts';
import * as holidayCalendars from './0007-holiday-calendars.ts';
import * as taskTallies from './0008-task-tallies.ts';
import * as feedbackQueueIndexes from './0009-feedback-queue-indexes.ts';
import * as taskProgressHistory from './0010-task-progress-history.ts';
import * as taskTallyValidity from './0011-task-tally-validity.ts';
import * as authHardening from './0012-auth-hardening.ts';
import * as crashSafety from './0013-crash-safety.ts';
import * as confidentialTaskIndex from './0014-confidential-task-index.ts';
import * as subTaskRollUp from './0015-sub-task-roll-up.ts';
import * as wordSearch from './0016-word-search.ts';
import * as taskListDeadlineIndex from './0017-task-list-deadline-index.ts';
import * as feedbackWithoutContact from './0018-feedback-without-contact.ts';
import * as currentOpenDeadlineIndex from './0019-current-open-deadline-index.ts';
import * as indicators from './0020-indicators.ts';

/**
 * Forward-only migrations, in order. Listed here rather than read from the folder so that the
 * same code runs from source and from a bundle; a new migration is a new file and a new line.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-tasks': tasks,
  '0003-dashboard-indexes': dashboardIndexes,
  '0004-evidence-files': evidenceFiles,
  '0005-import-jobs': importJobs,
  '0006-feedback': feedback,
  '0007-holiday-calendars': holidayCalendars,
  '0008-task-tallies': taskTallies,
  '0009-feedback-queue-indexes': feedbackQueueIndexes,
  '0010-task-progress-history': taskProgressHistory,
  '0011-task-tally-validity': taskTallyValidity,
  '0012-auth-hardening': authHardening,
  '0013-crash-safety': crashSafety,
  '0014-confidential-task-index': confidentialTaskIndex,
  '0015-sub-task-roll-up': subTaskRollUp,
  '0016-word-search': wordSearch,
  '0017-task-list-deadline-index': taskListDeadlineIndex,
  '0018-feedback-without-contact': feedbackWithoutContact,
  '0019-current-open-deadline-index': currentOpenDeadlineIndex,
  '0020-indicators': indicators,
};
