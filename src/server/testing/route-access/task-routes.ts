import type { Entry } from './route-access-types.ts';

const BOUNDARY = 'steerboard-route-access';
const MULTIPART_PDF = [
  `--${BOUNDARY}`,
  'Content-Disposition: form-data; name="file"; filename="bien-ban.pdf"',
  'Content-Type: application/pdf',
  '',
  '%PDF-1.4 minimal',
  `--${BOUNDARY}--`,
  '',
].join('\r\n');

/** Programmes, directives, meetings, tasks and their workflow, evidence, spreadsheets, dashboard. */
export const TASK_ROUTES: Record<string, Entry> = {
  'GET /api/v1/programmes': {
    as: 'outsider',
    request: () => ({ method: 'GET', url: '/api/v1/programmes' }),
    expected: { status: 200, because: 'programmes and their groups are shared vocabulary for every signed-in person' },
  },
  'POST /api/v1/programmes': {
    as: 'outsider',
    request: (f) => ({
      method: 'POST',
      url: '/api/v1/programmes',
      payload: { code: 'HN1', nameVi: 'Chương trình', nameEn: 'Programme', ownerOrganizationId: f.world.org.hanoi.id },
    }),
    expected: { status: 403, because: 'an admin of HCM registers no programme for Hà Nội' },
  },
  'GET /api/v1/directives': {
    as: 'outsider',
    request: () => ({ method: 'GET', url: '/api/v1/directives' }),
    expected: { status: 200, because: 'directive documents are public texts, cited by every scope' },
  },
  'POST /api/v1/directives': {
    as: 'outsider',
    request: (f) => ({
      method: 'POST',
      url: '/api/v1/directives',
      payload: {
        number: '99-KH/UBND',
        docType: 'plan',
        issuerOrganizationId: f.world.org.hanoi.id,
        issuedOn: '2025-05-01',
        title: 'Kế hoạch',
      },
    }),
    expected: { status: 403, because: 'an admin of HCM registers no document issued by Hà Nội' },
  },
  'GET /api/v1/directives/{id}': {
    as: 'outsider',
    request: (f) => ({ method: 'GET', url: `/api/v1/directives/${f.documentId}` }),
    expected: { status: 200, because: 'a directive document is a public text, cited by every scope' },
  },
  'GET /api/v1/meetings/{id}': {
    as: 'outsider',
    request: (f) => ({ method: 'GET', url: `/api/v1/meetings/${f.hanoiMeetingId}` }),
    expected: { status: 403, because: 'an admin of HCM does not read a meeting of Hà Nội' },
  },
  'GET /api/v1/meetings': {
    as: 'outsider',
    request: () => ({ method: 'GET', url: '/api/v1/meetings?scope=01' }),
    expected: { status: 403, because: 'an admin of HCM does not read the meetings of Hà Nội' },
  },
  'POST /api/v1/meetings': {
    as: 'outsider',
    request: (f) => ({
      method: 'POST',
      url: '/api/v1/meetings',
      payload: { organizationId: f.world.org.hanoi.id, heldOn: '2025-05-01', title: 'Phiên họp' },
    }),
    expected: { status: 403, because: 'an admin of HCM records no meeting of Hà Nội' },
  },
  'GET /api/v1/tasks': {
    as: 'outsider',
    request: () => ({ method: 'GET', url: '/api/v1/tasks?scope=01' }),
    expected: { status: 403, because: 'an admin of HCM does not list the tasks of Hà Nội' },
  },
  'POST /api/v1/tasks': {
    as: 'hanoiFocal',
    request: (f) => ({
      method: 'POST',
      url: '/api/v1/tasks',
      payload: {
        title: 'Nhiệm vụ',
        programmeId: f.programmeId,
        leadOrganizationId: f.world.org.hanoi.id,
        deadline: null,
        expectedOutput: 'report',
      },
    }),
    expected: { status: 403, because: 'a focal point assigns no top-level task, even to its own city' },
  },
  'GET /api/v1/tasks/{id}': {
    as: 'outsider',
    request: (f) => ({ method: 'GET', url: `/api/v1/tasks/${f.hanoiTaskId}` }),
    expected: { status: 403, because: 'an admin of HCM does not read a task of Hà Nội' },
  },
  'PATCH /api/v1/tasks/{id}': {
    as: 'hanoiFocal',
    request: (f) => ({
      method: 'PATCH',
      url: `/api/v1/tasks/${f.hanoiTaskId}`,
      headers: { 'if-match': '"1"' },
      payload: { title: 'Đổi tên' },
    }),
    expected: { status: 403, because: 'the lead agency does not edit what its assigner set' },
  },
  'POST /api/v1/tasks/{id}/transitions': {
    as: 'outsider',
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/tasks/${f.hanoiTaskId}/transitions`,
      payload: { action: 'start' },
    }),
    expected: { status: 403, because: 'an admin of HCM moves no task of Hà Nội (nor learns its state)' },
  },
  'POST /api/v1/tasks/{id}/reports': {
    as: 'outsider',
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/tasks/${f.hanoiTaskId}/reports`,
      payload: { percent: 90, narrative: 'Xong' },
    }),
    expected: { status: 403, because: 'only the lead agency reports progress' },
  },
  'POST /api/v1/tasks/{id}/reports/{reportId}/answer': {
    as: 'hanoiFocal',
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/tasks/${f.hanoiTaskId}/reports/${f.reportId}/answer`,
      payload: { answer: 'Tự trả lời' },
    }),
    expected: { status: 403, because: 'the lead agency does not answer its own difficulties' },
  },
  'POST /api/v1/tasks/{id}/extensions': {
    as: 'outsider',
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/tasks/${f.hanoiTaskId}/extensions`,
      payload: { requestedDeadline: '2099-01-01', reason: 'Xin gia hạn' },
    }),
    expected: { status: 403, because: 'only the lead agency asks for more time' },
  },
  'POST /api/v1/tasks/{id}/extensions/{extensionId}/decision': {
    as: 'hanoiFocal',
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/tasks/${f.hanoiTaskId}/extensions/${f.extensionId}/decision`,
      payload: { decision: 'approve' },
    }),
    expected: { status: 403, because: 'the lead agency does not grant its own extension' },
  },
  'POST /api/v1/tasks/{id}/comments': {
    as: 'outsider',
    request: (f) => ({ method: 'POST', url: `/api/v1/tasks/${f.hanoiTaskId}/comments`, payload: { body: 'Xin chào' } }),
    expected: { status: 403, because: 'only the task’s readers comment' },
  },
  'POST /api/v1/tasks/{id}/files': {
    as: 'outsider',
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/tasks/${f.hanoiTaskId}/files`,
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: MULTIPART_PDF,
    }),
    expected: { status: 403, because: 'only the lead agency adds evidence' },
  },
  'GET /api/v1/tasks/{id}/files': {
    as: 'outsider',
    request: (f) => ({ method: 'GET', url: `/api/v1/tasks/${f.hanoiTaskId}/files` }),
    expected: { status: 403, because: 'evidence is read by the task’s readers only' },
  },
  'GET /api/v1/files/{fileId}': {
    as: 'outsider',
    request: (f) => ({ method: 'GET', url: `/api/v1/files/${f.fileId}` }),
    expected: { status: 403, because: 'evidence is read by the task’s readers only' },
  },
  'GET /api/v1/tasks/import/template': {
    as: 'outsider',
    request: () => ({ method: 'GET', url: '/api/v1/tasks/import/template?programme=R57' }),
    expected: { status: 200, because: 'the blank template is the same for everyone' },
  },
  'POST /api/v1/tasks/import': {
    as: 'outsider',
    request: () => ({ method: 'POST', url: '/api/v1/tasks/import?dry_run=true' }),
    expected: { status: 403, because: 'only the steering role imports tasks' },
  },
  'POST /api/v1/tasks/import/jobs': {
    as: 'outsider',
    request: () => ({ method: 'POST', url: '/api/v1/tasks/import/jobs?dry_run=true' }),
    expected: { status: 403, because: 'only the steering role imports tasks' },
  },
  'GET /api/v1/tasks/import/jobs/{id}': {
    as: 'outsider',
    request: (f) => ({ method: 'GET', url: `/api/v1/tasks/import/jobs/${f.importJobId}` }),
    expected: { status: 404, because: 'an import job is read by the person who queued it (and inspectors) only' },
  },
  'GET /api/v1/dashboard': {
    as: 'outsider',
    request: () => ({ method: 'GET', url: '/api/v1/dashboard?scope=01' }),
    expected: { status: 403, because: 'an admin of HCM does not read the dashboard of Hà Nội' },
  },
};
