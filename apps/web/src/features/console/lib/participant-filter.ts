import type { ParticipantFilter, ParticipantRole, ParticipantStatus } from '../../../gql/graphql';

/** What the participants table's filter controls hold; an empty string is "any". */
export interface ParticipantFilterState {
  role: '' | ParticipantRole;
  status: '' | ParticipantStatus;
  cohortId: string;
  department: string;
  language: string;
  skill: string;
  name: string;
}

export const NO_FILTER: ParticipantFilterState = {
  role: '',
  status: '',
  cohortId: '',
  department: '',
  language: '',
  skill: '',
  name: '',
};

/** The API's filter: only what is set, text trimmed, so "any" sends nothing and the cache key stays the same. */
export function toParticipantFilter(state: ParticipantFilterState): ParticipantFilter {
  const filter: ParticipantFilter = {};
  if (state.role) filter.role = state.role;
  if (state.status) filter.status = state.status;
  if (state.cohortId) filter.cohortId = state.cohortId;
  const department = state.department.trim();
  if (department) filter.department = department;
  const language = state.language.trim().toLowerCase();
  if (language) filter.language = language;
  const skill = state.skill.trim();
  if (skill) filter.skill = skill;
  const name = state.name.trim().replace(/\s+/g, ' ');
  if (name) filter.name = name;
  return filter;
}

export function isFiltered(state: ParticipantFilterState): boolean {
  return Object.keys(toParticipantFilter(state)).length > 0;
}
