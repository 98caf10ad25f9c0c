import { graphql } from '../../../gql';

// Each change answers with the fields it changed, so the cached Program:<id> the console shows follows on its own.

export const CREATE_PROGRAM = graphql(`
  mutation CreateProgram($name: String!, $description: String, $settings: ProgramSettingsInput, $commandId: ID) {
    createProgram(name: $name, description: $description, settings: $settings, commandId: $commandId) {
      id
      name
      status
    }
  }
`);

export const DUPLICATE_PROGRAM = graphql(`
  mutation DuplicateProgram($programId: ID!, $name: String!, $commandId: ID) {
    duplicateProgram(programId: $programId, name: $name, commandId: $commandId) {
      id
      name
      status
    }
  }
`);

export const EDIT_PROGRAM_DETAILS = graphql(`
  mutation EditProgramDetails($programId: ID!, $name: String!, $description: String!, $commandId: ID) {
    editProgramDetails(programId: $programId, name: $name, description: $description, commandId: $commandId) {
      id
      name
      description
    }
  }
`);

export const CHANGE_PROGRAM_SETTINGS = graphql(`
  mutation ChangeProgramSettings($programId: ID!, $settings: ProgramSettingsInput!, $commandId: ID) {
    changeProgramSettings(programId: $programId, settings: $settings, commandId: $commandId) {
      id
      settings {
        format
        defaultMentorCapacity
        maxCircleSize
        maxPreferredMentors
        surveyResultThreshold
        conversationRetentionDays
        maxOpenRequestsPerMentee
        meetingCadenceDays
        offerNextBestOnDecline
        relationshipDurationWeeks
        requestExpiryDays
      }
    }
  }
`);

export const OPEN_ENROLLMENT = graphql(`
  mutation OpenEnrollment($programId: ID!, $commandId: ID) {
    openEnrollment(programId: $programId, commandId: $commandId) {
      id
      status
    }
  }
`);

export const CLOSE_ENROLLMENT = graphql(`
  mutation CloseEnrollment($programId: ID!, $commandId: ID) {
    closeEnrollment(programId: $programId, commandId: $commandId) {
      id
      status
    }
  }
`);

export const ARCHIVE_PROGRAM = graphql(`
  mutation ArchiveProgram($programId: ID!, $commandId: ID) {
    archiveProgram(programId: $programId, commandId: $commandId) {
      id
      status
    }
  }
`);

export const ADD_COHORT = graphql(`
  mutation AddCohort($programId: ID!, $name: String!, $startsOn: String!, $endsOn: String!, $commandId: ID) {
    addCohort(programId: $programId, name: $name, startsOn: $startsOn, endsOn: $endsOn, commandId: $commandId) {
      id
      cohorts {
        cohortId
        name
        startsOn
        endsOn
      }
    }
  }
`);

export const ASSIGN_MANAGER = graphql(`
  mutation AssignProgramManager($programId: ID!, $personId: ID!, $commandId: ID) {
    assignProgramManager(programId: $programId, personId: $personId, commandId: $commandId) {
      id
      managers {
        personId
        displayName
      }
    }
  }
`);

export const UNASSIGN_MANAGER = graphql(`
  mutation UnassignProgramManager($programId: ID!, $personId: ID!, $commandId: ID) {
    unassignProgramManager(programId: $programId, personId: $personId, commandId: $commandId) {
      id
      managers {
        personId
        displayName
      }
    }
  }
`);

export const IMPORT_PARTICIPANTS = graphql(`
  mutation ImportParticipants(
    $programId: ID!
    $csv: String!
    $allOrNothing: Boolean!
    $commandId: ID
    $dryRun: Boolean! = false
  ) {
    importParticipants(
      programId: $programId
      csv: $csv
      allOrNothing: $allOrNothing
      commandId: $commandId
      dryRun: $dryRun
    ) {
      imported
      alreadyEnrolled
      failed
      errors {
        line
        message
      }
    }
  }
`);

// The whole list each time: the order is part of the questionnaire, and a removed question must go.
export const DEFINE_QUESTIONNAIRE = graphql(`
  mutation DefineQuestionnaire($programId: ID!, $questions: [QuestionInput!]!, $commandId: ID) {
    defineQuestionnaire(programId: $programId, questions: $questions, commandId: $commandId) {
      id
      questionnaire {
        ...QuestionnaireBuilder_question
      }
    }
  }
`);

export const CHANGE_MATCHING_RULES = graphql(`
  mutation ChangeMatchingRules($programId: ID!, $rules: MatchingRulesInput!, $commandId: ID) {
    changeMatchingRules(programId: $programId, rules: $rules, commandId: $commandId) {
      id
      matchingRules {
        ...MatchingRulesPanel_rules
      }
    }
  }
`);
