import { graphql } from '../../../gql';
import type { MyProgramsQuery } from '../../../gql/graphql';

// `me` says where the person takes part (participations name their program by id) and which programs they manage;
// `programs` holds the programs they may see, with the names.
export const MY_PROGRAMS = graphql(`
  query MyPrograms {
    me {
      personId
      participations {
        id
        programId
        ...ProgramCard_participation
      }
      managedPrograms {
        id
      }
    }
    programs {
      id
      name
      status
      ...ProgramCard_program
    }
  }
`);

type ProgramRef = MyProgramsQuery['programs'][number];
type ParticipationRef = MyProgramsQuery['me']['participations'][number];

export interface MyProgram {
  program: ProgramRef;
  participation: ParticipationRef | undefined;
  managed: boolean;
}

/** The programs the person takes part in or manages, by name; not those they could merely enroll in. */
export function myPrograms(data: MyProgramsQuery, locale: string): MyProgram[] {
  const managed = new Set(data.me.managedPrograms.map((p) => p.id));
  const participations = new Map(data.me.participations.map((p) => [p.programId, p]));
  return data.programs
    .filter((program) => managed.has(program.id) || participations.has(program.id))
    .map((program) => ({ program, participation: participations.get(program.id), managed: managed.has(program.id) }))
    .sort((a, b) => a.program.name.localeCompare(b.program.name, locale));
}

/** Programs open for enrollment that the person is not in yet: what they can join. */
export function joinablePrograms(data: MyProgramsQuery, locale: string): ProgramRef[] {
  const participating = new Set(data.me.participations.map((p) => p.programId));
  const managed = new Set(data.me.managedPrograms.map((p) => p.id));
  return data.programs
    .filter((p) => p.status === 'ENROLLMENT_OPEN' && !participating.has(p.id) && !managed.has(p.id))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}
