/**
 * The `operationId` of every documented operation (decision 0027): the names that generated
 * clients give their methods (`client.listTasks()`), so a contract with integrators. Kept in one
 * list, keyed by method and OpenAPI path, so that the API's vocabulary reads as a whole and a
 * rename shows in review; the OpenAPI test requires one for every operation, each unique, and no
 * entry without its route. Never rename one: add the new name beside it on a new route.
 */
export const OPERATION_IDS: Readonly<Record<string, string>> = {
  'GET /api/v1/health': 'getHealth',

  'POST /api/v1/auth/sign-in': 'signIn',
  'POST /api/v1/auth/sign-out': 'signOut',
  'GET /api/v1/auth/session': 'getSession',
  'GET /api/v1/auth/tokens': 'listApiTokens',
  'POST /api/v1/auth/tokens': 'createApiToken',
  'DELETE /api/v1/auth/tokens/{id}': 'revokeApiToken',

  'GET /api/v1/organizations': 'listOrganizations',
  'POST /api/v1/organizations': 'createOrganization',
  'GET /api/v1/organizations/{id}': 'getOrganization',
  'PATCH /api/v1/organizations/{id}': 'updateOrganization',

  'GET /api/v1/people': 'listPeople',
  'POST /api/v1/people': 'createPerson',
  'GET /api/v1/people/{id}': 'getPerson',
  'PATCH /api/v1/people/{id}': 'updatePerson',
  'POST /api/v1/people/{id}/roles': 'grantRole',
  'DELETE /api/v1/people/{id}/roles/{assignmentId}': 'revokeRole',

  'GET /api/v1/audit': 'listAuditEntries',
  'GET /api/v1/audit/verify': 'verifyAuditChain',

  'GET /api/v1/programmes': 'listProgrammes',
  'POST /api/v1/programmes': 'createProgramme',
  'GET /api/v1/directives': 'listDirectives',
  'POST /api/v1/directives': 'createDirective',
  'GET /api/v1/directives/{id}': 'getDirective',
  'GET /api/v1/meetings': 'listMeetings',
  'POST /api/v1/meetings': 'createMeeting',
  'GET /api/v1/meetings/{id}': 'getMeeting',

  'GET /api/v1/tasks': 'listTasks',
  'POST /api/v1/tasks': 'createTask',
  'GET /api/v1/tasks/{id}': 'getTask',
  'PATCH /api/v1/tasks/{id}': 'updateTask',
  'POST /api/v1/tasks/{id}/transitions': 'transitionTask',
  'POST /api/v1/tasks/{id}/reports': 'reportTaskProgress',
  'POST /api/v1/tasks/{id}/reports/{reportId}/answer': 'answerTaskReport',
  'POST /api/v1/tasks/{id}/extensions': 'requestTaskExtension',
  'POST /api/v1/tasks/{id}/extensions/{extensionId}/decision': 'decideTaskExtension',
  'POST /api/v1/tasks/{id}/comments': 'commentOnTask',
  'POST /api/v1/tasks/{id}/files': 'uploadTaskEvidence',
  'GET /api/v1/tasks/{id}/files': 'listTaskEvidence',
  'GET /api/v1/files/{fileId}': 'downloadEvidenceFile',

  'GET /api/v1/tasks/import/template': 'downloadTaskImportTemplate',
  'POST /api/v1/tasks/import': 'importTasks',
  'POST /api/v1/tasks/import/jobs': 'queueTaskImport',
  'GET /api/v1/tasks/import/jobs/{id}': 'getTaskImportJob',

  'POST /api/v1/feedback': 'submitFeedback',
  'POST /api/v1/feedback/with-attachments': 'submitFeedbackWithAttachments',
  'GET /api/v1/feedback': 'listFeedbackQueue',
  'GET /api/v1/feedback/track/{trackingCode}': 'trackFeedback',
  'GET /api/v1/feedback/public': 'listPublishedFeedback',
  'GET /api/v1/feedback/{id}': 'getFeedback',
  'GET /api/v1/feedback/{id}/contact': 'getFeedbackContact',
  'POST /api/v1/feedback/{id}/transitions': 'transitionFeedback',
  'POST /api/v1/feedback/{id}/notes': 'addFeedbackNote',
  'PUT /api/v1/feedback/{id}/publication': 'setFeedbackPublication',
  'GET /api/v1/feedback/attachments/{attachmentId}': 'downloadFeedbackAttachment',
  'GET /api/v1/feedback/statistics': 'getFeedbackStatistics',
  'GET /api/v1/feedback/{id}/evaluations': 'listInitiativeEvaluations',
  'PUT /api/v1/feedback/{id}/evaluations/mine': 'setMyInitiativeEvaluation',
  'POST /api/v1/feedback/{id}/adoption': 'adoptInitiative',

  'GET /api/v1/dashboard': 'getDashboard',
  'GET /api/v1/search': 'search',

  'GET /api/v1/calendar/years/{year}': 'getCalendarYear',
  'PUT /api/v1/calendar/years/{year}': 'setCalendarYear',

  'GET /api/v1/indicators': 'listIndicators',
  'POST /api/v1/indicators': 'createIndicator',
  'GET /api/v1/indicators/{id}': 'getIndicator',
  'PUT /api/v1/indicators/{id}': 'updateIndicator',
  'GET /api/v1/indicators/{id}/observations': 'listIndicatorValues',
  'POST /api/v1/indicators/{id}/observations': 'reportIndicatorValue',
  'GET /api/v1/indicator-observations': 'listIndicatorValueQueue',
  'GET /api/v1/indicator-observations/{id}': 'getIndicatorValue',
  'PUT /api/v1/indicator-observations/{id}': 'correctIndicatorValue',
  'POST /api/v1/indicator-observations/{id}/approve': 'approveIndicatorValue',
  'POST /api/v1/indicator-observations/{id}/return': 'returnIndicatorValue',
  'GET /api/v1/scorecards': 'listScorecards',
  'GET /api/v1/evaluation-settings': 'getEvaluationSettings',
  'PUT /api/v1/evaluation-settings': 'setEvaluationSettings',
};

/** `/api/v1/tasks/:id` as OpenAPI writes it, `/api/v1/tasks/{id}`. */
export const toOpenApiPath = (url: string): string => url.replace(/:(\w+)/g, '{$1}');

export function operationIdOf(method: string, url: string): string | undefined {
  return OPERATION_IDS[`${method.toUpperCase()} ${toOpenApiPath(url)}`];
}
