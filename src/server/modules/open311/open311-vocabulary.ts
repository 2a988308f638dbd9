import {
  FEEDBACK_FIELDS,
  FEEDBACK_TYPES,
  type FeedbackField,
  type FeedbackType,
  SUBMITTER_KINDS,
} from '../../../shared/domain/feedback.ts';
import { type Locale, translate } from '../../../shared/i18n/index.ts';
import {
  OPEN311_YES_NO,
  type Open311Attribute,
  type Open311Service,
  type Open311ServiceDefinition,
} from '../../../shared/schemas/open311.ts';
import { OPEN311_MESSAGES } from './open311-messages.ts';

/**
 * One Open311 service per (type × field) of the feedback vocabulary, coded `<type>.<field>`, so
 * that a GeoReport client's single "service" choice carries both; the group is the type.
 */
export function serviceCodeOf(type: FeedbackType, field: FeedbackField): string {
  return `${type}.${field}`;
}

export function parseServiceCode(code: string): { type: FeedbackType; field: FeedbackField } | undefined {
  const [type, field, ...rest] = code.split('.');
  const isType = (FEEDBACK_TYPES as readonly string[]).includes(type ?? '');
  const isField = (FEEDBACK_FIELDS as readonly string[]).includes(field ?? '');
  return isType && isField && rest.length === 0
    ? { type: type as FeedbackType, field: field as FeedbackField }
    : undefined;
}

export function serviceNameOf(locale: Locale, type: FeedbackType, field: FeedbackField): string {
  return `${translate(locale, `feedbackType.${type}`)} — ${translate(locale, `feedbackField.${field}`)}`;
}

export function listServices(locale: Locale): Open311Service[] {
  const messages = OPEN311_MESSAGES[locale];
  return FEEDBACK_TYPES.flatMap((type) =>
    FEEDBACK_FIELDS.map((field) => ({
      service_code: serviceCodeOf(type, field),
      service_name: serviceNameOf(locale, type, field),
      description: messages.serviceDescription(
        translate(locale, `feedbackType.${type}`),
        translate(locale, `feedbackField.${field}`),
      ),
      // Every definition has the attributes below, so clients should fetch it.
      metadata: true,
      // The tracking code is returned at once: no token round trip is needed.
      type: 'realtime' as const,
      keywords: `${type}, ${field}`,
      group: translate(locale, `feedbackType.${type}`),
    })),
  );
}

/**
 * The same attributes for every service: none is required, so that a client that ignores service
 * definitions can still submit (defaults: citizen, no consent to publish, no organization named).
 */
export function serviceDefinitionOf(locale: Locale, code: string): Open311ServiceDefinition {
  const messages = OPEN311_MESSAGES[locale];
  const attributes: Open311Attribute[] = [
    {
      variable: true,
      code: 'title',
      datatype: 'string',
      required: false,
      datatype_description: messages.titleHelp,
      order: 1,
      description: messages.titleDescription,
    },
    {
      variable: true,
      code: 'submitter_kind',
      datatype: 'singlevaluelist',
      required: false,
      datatype_description: messages.submitterKindHelp,
      order: 2,
      description: messages.submitterKindDescription,
      values: SUBMITTER_KINDS.map((kind) => ({ key: kind, name: translate(locale, `submitterKind.${kind}`) })),
    },
    {
      variable: true,
      code: 'consent_to_publish',
      datatype: 'singlevaluelist',
      required: false,
      datatype_description: messages.consentHelp,
      order: 3,
      description: messages.consentDescription,
      values: OPEN311_YES_NO.map((key) => ({ key, name: messages[key] })),
    },
    {
      variable: true,
      code: 'organization',
      datatype: 'string',
      required: false,
      datatype_description: messages.organizationHelp,
      order: 4,
      description: messages.organizationDescription,
    },
  ];
  return { service_code: code, attributes };
}
