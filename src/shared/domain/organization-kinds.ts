/** The kinds of organization a programme deals with, from the national root down to communes. */
export const ORGANIZATION_KINDS = [
  'national',
  'central_party_body',
  'central_body',
  'national_assembly',
  'government',
  'ministry',
  'ministry_level_agency',
  'department',
  'province',
  'city',
  'provincial_department',
  'commune',
  'ward',
  'special_zone',
  'enterprise',
  'institute',
] as const;

export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
