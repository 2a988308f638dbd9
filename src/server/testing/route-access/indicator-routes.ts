import { expect } from 'vitest';
import type { Entry } from './route-access-types.ts';

const IF_MATCH = { 'if-match': '"1"' };
const VALUE = { value: 80, source: 'Cục Thống kê' };

const definition = (programmeId: string, responsibleOrganizationId: string, code: string) => ({
  programmeId,
  code,
  nameVi: 'Chỉ tiêu',
  nameEn: 'Indicator',
  nameFr: 'Indicateur',
  unit: 'percent',
  direction: 'higher',
  level: 'operational',
  frequency: 'quarter',
  responsibleOrganizationId,
  baseline: { value: 10, date: '2024-12-31' },
  targets: [{ year: 2030, value: 80 }],
});

/**
 * Indicators: read by the roles that follow the programme (not a feedback handler); defined by
 * steering; values entered by the organization's focal points and decided by steering over it.
 * A value not yet approved is not even seen outside the scope.
 */
export const INDICATOR_ROUTES: Record<string, Entry> = {
  'GET /api/v1/indicators': {
    as: 'handler',
    request: () => ({ method: 'GET', url: '/api/v1/indicators' }),
    expected: { status: 403, because: 'a feedback handler does not follow the programme' },
  },
  'POST /api/v1/indicators': {
    as: 'outsider',
    request: (f) => ({
      method: 'POST',
      url: '/api/v1/indicators',
      payload: definition(f.programmeId, f.world.org.hcm.id, 'OUTSIDE'),
    }),
    expected: { status: 403, because: "only steering over the programme's owner defines its indicators" },
  },
  'GET /api/v1/indicators/{id}': {
    as: 'handler',
    request: (f) => ({ method: 'GET', url: `/api/v1/indicators/${f.indicatorId}` }),
    expected: { status: 403, because: 'a feedback handler does not follow the programme' },
  },
  'PUT /api/v1/indicators/{id}': {
    as: 'outsider',
    request: (f) => ({
      method: 'PUT',
      url: `/api/v1/indicators/${f.indicatorId}`,
      headers: IF_MATCH,
      payload: definition(f.programmeId, f.world.org.hanoi.id, 'HN_ONLINE'),
    }),
    expected: { status: 403, because: "only steering over the programme's owner redefines its indicators" },
  },
  'GET /api/v1/indicators/{id}/observations': {
    as: 'outsider',
    request: (f) => ({ method: 'GET', url: `/api/v1/indicators/${f.indicatorId}/observations` }),
    expected: {
      status: 200,
      because: "approved values are published; Hà Nội's value awaiting approval is not listed outside its scope",
      check: (body) => expect((body as { items: unknown[] }).items).toEqual([]),
    },
  },
  'POST /api/v1/indicators/{id}/observations': {
    as: 'outsider',
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/indicators/${f.indicatorId}/observations`,
      payload: { organizationId: f.world.org.hanoi.id, period: '2025-Q2', ...VALUE },
    }),
    expected: { status: 403, because: "only Hà Nội's focal points report Hà Nội's values" },
  },
  'GET /api/v1/indicator-observations': {
    as: 'outsider',
    request: () => ({ method: 'GET', url: '/api/v1/indicator-observations' }),
    expected: {
      status: 200,
      because: 'the approval queue holds only the values within the caller’s scope',
      check: (body) => expect((body as { items: unknown[] }).items).toEqual([]),
    },
  },
  'GET /api/v1/indicator-observations/{id}': {
    as: 'outsider',
    request: (f) => ({ method: 'GET', url: `/api/v1/indicator-observations/${f.hanoiObservationId}` }),
    expected: { status: 404, because: 'a value awaiting approval is not seen outside its scope' },
  },
  'PUT /api/v1/indicator-observations/{id}': {
    as: 'outsider',
    request: (f) => ({
      method: 'PUT',
      url: `/api/v1/indicator-observations/${f.hanoiObservationId}`,
      headers: IF_MATCH,
      payload: VALUE,
    }),
    expected: { status: 404, because: 'a value awaiting approval is not seen outside its scope' },
  },
  'POST /api/v1/indicator-observations/{id}/approve': {
    as: 'outsider',
    request: (f) => ({ method: 'POST', url: `/api/v1/indicator-observations/${f.hanoiObservationId}/approve` }),
    expected: { status: 404, because: 'a value awaiting approval is not seen outside its scope' },
  },
  'POST /api/v1/indicator-observations/{id}/return': {
    as: 'outsider',
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/indicator-observations/${f.hanoiObservationId}/return`,
      payload: { reason: 'Sai số liệu' },
    }),
    expected: { status: 404, because: 'a value awaiting approval is not seen outside its scope' },
  },
  'GET /api/v1/scorecards': {
    as: 'handler',
    request: () => ({ method: 'GET', url: '/api/v1/scorecards?kind=provinces' }),
    expected: { status: 403, because: 'a feedback handler does not follow the programme' },
  },
  'GET /api/v1/evaluation-settings': {
    as: 'handler',
    request: () => ({ method: 'GET', url: '/api/v1/evaluation-settings' }),
    expected: { status: 200, because: 'the thresholds are published with every status they decide' },
  },
  'PUT /api/v1/evaluation-settings': {
    as: 'outsider',
    request: () => ({ method: 'PUT', url: '/api/v1/evaluation-settings', payload: { onTrack: 0.9, atRisk: 0.7 } }),
    expected: { status: 403, because: 'only an administrator of the whole country sets the thresholds' },
  },
};
