import type { Entry } from './route-access-types.ts';

const SUBMISSION = {
  type: 'feedback',
  field: 'public_services',
  title: 'Thủ tục chậm',
  content: 'Hồ sơ quá hạn chưa có kết quả.',
  submitterKind: 'citizen',
  submitterName: 'Nguyễn Văn An',
};

const BOUNDARY = 'steerboard-feedback-access';
const MULTIPART = [
  `--${BOUNDARY}`,
  'Content-Disposition: form-data; name="submission"',
  '',
  JSON.stringify({ ...SUBMISSION, email: 'route-access-files@example.vn' }),
  `--${BOUNDARY}`,
  'Content-Disposition: form-data; name="files"; filename="bien-ban.pdf"',
  'Content-Type: application/pdf',
  '',
  '%PDF-1.4 minimal',
  `--${BOUNDARY}--`,
  '',
].join('\r\n');

const anyone = { status: 200, because: 'the public follows and reads published answers without an account' } as const;

/** Public feedback (no account) and the handlers' side, which the HCM admin holds no role for. */
export const FEEDBACK_ROUTES: Record<string, Entry> = {
  'POST /api/v1/feedback': {
    as: 'outsider',
    anonymous: { status: 201, because: 'anyone may send feedback' },
    request: () => ({
      method: 'POST',
      url: '/api/v1/feedback',
      payload: { ...SUBMISSION, email: 'route-access@example.vn' },
    }),
    expected: { status: 201, because: 'signed in or not, a person sends feedback as the public does' },
  },
  'POST /api/v1/feedback/with-attachments': {
    as: 'outsider',
    anonymous: { status: 201, because: 'anyone may send feedback with files' },
    request: () => ({
      method: 'POST',
      url: '/api/v1/feedback/with-attachments',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: MULTIPART,
    }),
    expected: { status: 201, because: 'the same public form' },
  },
  'GET /api/v1/feedback/track/{trackingCode}': {
    as: 'outsider',
    anonymous: anyone,
    request: (f) => ({ method: 'GET', url: `/api/v1/feedback/track/${f.feedbackTrackingCode}` }),
    expected: anyone,
  },
  'GET /api/v1/feedback/public': {
    as: 'outsider',
    anonymous: anyone,
    request: () => ({ method: 'GET', url: '/api/v1/feedback/public' }),
    expected: anyone,
  },
  'GET /api/v1/feedback': {
    as: 'outsider',
    request: () => ({ method: 'GET', url: '/api/v1/feedback' }),
    expected: { status: 403, because: 'an admin of HCM handles no feedback' },
  },
  'GET /api/v1/feedback/{id}': {
    as: 'outsider',
    request: (f) => ({ method: 'GET', url: `/api/v1/feedback/${f.feedbackId}` }),
    expected: { status: 403, because: 'an admin of HCM reads no submission' },
  },
  'GET /api/v1/feedback/{id}/contact': {
    as: 'outsider',
    request: (f) => ({ method: 'GET', url: `/api/v1/feedback/${f.feedbackId}/contact` }),
    expected: { status: 403, because: 'an admin of HCM reads no sender’s contact' },
  },
  'POST /api/v1/feedback/{id}/transitions': {
    as: 'outsider',
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/feedback/${f.feedbackId}/transitions`,
      headers: { 'if-match': '"1"' },
      payload: { action: 'accept' },
    }),
    expected: { status: 403, because: 'an admin of HCM triages nothing' },
  },
  'POST /api/v1/feedback/{id}/notes': {
    as: 'outsider',
    request: (f) => ({ method: 'POST', url: `/api/v1/feedback/${f.feedbackId}/notes`, payload: { body: 'Ghi chú' } }),
    expected: { status: 403, because: 'an admin of HCM writes no note' },
  },
  'PUT /api/v1/feedback/{id}/publication': {
    as: 'outsider',
    request: (f) => ({
      method: 'PUT',
      url: `/api/v1/feedback/${f.feedbackId}/publication`,
      headers: { 'if-match': '"1"' },
      payload: { isPublished: true },
    }),
    expected: { status: 403, because: 'an admin of HCM publishes nothing' },
  },
  'GET /api/v1/feedback/attachments/{attachmentId}': {
    as: 'outsider',
    request: (f) => ({ method: 'GET', url: `/api/v1/feedback/attachments/${f.feedbackAttachmentId}` }),
    expected: { status: 403, because: 'an admin of HCM downloads no attachment' },
  },
  'GET /api/v1/feedback/statistics': {
    as: 'outsider',
    request: () => ({ method: 'GET', url: '/api/v1/feedback/statistics' }),
    expected: { status: 403, because: 'an admin of HCM reads no feedback statistics' },
  },
  'GET /api/v1/feedback/{id}/evaluations': {
    as: 'outsider',
    request: (f) => ({ method: 'GET', url: `/api/v1/feedback/${f.feedbackId}/evaluations` }),
    expected: { status: 403, because: 'an admin of HCM neither reads feedback nor assigns tasks' },
  },
  'PUT /api/v1/feedback/{id}/evaluations/mine': {
    as: 'outsider',
    request: (f) => ({
      method: 'PUT',
      url: `/api/v1/feedback/${f.feedbackId}/evaluations/mine`,
      payload: { novelty: 3, feasibility: 3, impact: 3, resources: 3 },
    }),
    expected: { status: 403, because: 'an admin of HCM evaluates no initiative' },
  },
  'POST /api/v1/feedback/{id}/adoption': {
    as: 'outsider',
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/feedback/${f.feedbackId}/adoption`,
      payload: {
        programmeId: f.programmeId,
        leadOrganizationId: f.world.org.hcm.id,
        deadline: '2099-01-01',
        expectedOutput: 'scheme',
      },
    }),
    expected: { status: 403, because: 'an admin of HCM assigns no task for the programme' },
  },
};
