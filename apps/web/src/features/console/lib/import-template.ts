/**
 * The columns the profiles service reads from an import (apps/profiles/src/profiles/participant-import.service.ts,
 * IMPORT_COLUMNS); the first six are required. Lists inside a cell are separated by semicolons.
 */
export const IMPORT_COLUMNS = [
  'person_id',
  'email',
  'display_name',
  'roles',
  'timezone',
  'languages',
  'department',
  'seniority',
  'field',
  'skills_offered',
  'skills_sought',
  'interests',
  'mentor_capacity',
  'cohort_id',
] as const;

export const REQUIRED_IMPORT_COLUMNS = IMPORT_COLUMNS.slice(0, 6);

const EXAMPLE_ROW: Record<(typeof IMPORT_COLUMNS)[number], string> = {
  person_id: 'jane.doe',
  email: 'jane.doe@example.org',
  display_name: 'Jane Doe',
  roles: 'mentee',
  timezone: 'Europe/Berlin',
  languages: 'en;de',
  department: 'Engineering',
  seniority: '2',
  field: 'Software',
  skills_offered: '',
  skills_sought: 'public speaking;leadership',
  interests: 'hiking',
  mentor_capacity: '',
  cohort_id: '',
};

/** The template file a manager downloads: the header the API expects and one example row to overwrite. */
export function importTemplateCsv(): string {
  return `${IMPORT_COLUMNS.join(',')}\n${IMPORT_COLUMNS.map((c) => EXAMPLE_ROW[c]).join(',')}\n`;
}
