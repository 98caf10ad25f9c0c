import { graphql } from '../../../gql';

// Who may open the console: org admins see every program, managers the ones they manage.
export const CONSOLE_ACCESS = graphql(`
  query ConsoleAccess {
    me {
      personId
      orgAdmin
      managedPrograms {
        id
      }
    }
  }
`);

export const CONSOLE_PROGRAMS = graphql(`
  query ConsolePrograms {
    me {
      personId
      orgAdmin
      managedPrograms {
        id
        name
        status
        participants(first: 1) {
          totalCount
        }
      }
    }
  }
`);

// Only org admins may list every program of the organization; asked separately so a manager never asks.
export const ALL_PROGRAMS = graphql(`
  query ConsoleAllPrograms {
    programs {
      id
      name
      status
      participants(first: 1) {
        totalCount
      }
    }
  }
`);

export const CONSOLE_PROGRAM = graphql(`
  query ConsoleProgram($programId: ID!) {
    program(id: $programId) {
      id
      name
      description
      status
      copiedFromProgramId
      managers {
        personId
        displayName
      }
      cohorts {
        cohortId
        name
        startsOn
        endsOn
      }
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
      questionnaire {
        ...QuestionnaireBuilder_question
      }
      matchingRules {
        ...MatchingRulesPanel_rules
      }
    }
  }
`);

export const CONSOLE_PARTICIPANTS = graphql(`
  query ConsoleParticipants($programId: ID!, $first: Int!, $after: String, $filter: ParticipantFilter) {
    program(id: $programId) {
      id
      participants(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            id
            personId
            displayName
            email
            roles
            status
            cohortId
            department
            languages
            timezone
            enrolledAt
            mentorCapacity
            skillsSought
            interests
          }
        }
      }
    }
  }
`);

// Only counts and metrics are read (`first: 0`): the preview tells how much would change, not which pairs.
export const MATCHING_RULES_PREVIEW = graphql(`
  query MatchingRulesPreview($roundId: ID!, $objective: MatchingObjective, $rules: RoundComparisonRulesInput) {
    compareMatchingRound(roundId: $roundId, objective: $objective, rules: $rules, first: 0) {
      roundId
      changedCount
      keptCount
      newlyMatchedCount
      newlyUnmatchedCount
      metricsBefore {
        coverage
        meanScore
      }
      metricsAfter {
        coverage
        meanScore
      }
    }
  }
`);

// The rules preview compares with the newest round that has an outcome: computed or published, not discarded.
export const CONSOLE_RECENT_ROUNDS = graphql(`
  query ConsoleRecentRounds($programId: ID!) {
    matchingRounds(programId: $programId, first: 20) {
      nodes {
        id
        status
      }
    }
  }
`);
