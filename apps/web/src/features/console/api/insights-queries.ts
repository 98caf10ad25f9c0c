import { graphql } from '../../../gql';

// The console's Insights tab: its documents live apart from console-queries.ts so only that tab's code carries them.
export const PROGRAM_INSIGHTS = graphql(`
  query ProgramInsights(
    $programId: ID!
    $asOf: String
    $cohortId: ID
    $department: String
    $from: String
    $to: String
  ) {
    programInsights(
      programId: $programId
      asOf: $asOf
      cohortId: $cohortId
      department: $department
      from: $from
      to: $to
    ) {
      programId
      asOf
      enrollment {
        mentors
        mentees
        pausedParticipants
        capacityOffered
        demand
        waitlist
      }
      matching {
        matchedMentees
        matchedPercent
        medianDaysToMatch
        proposalsMade
        proposalsAccepted
        proposalsDeclined
        requestsMade
        requestsAccepted
        requestsDeclined
        requestsExpired
        declineReasons {
          key
          count
        }
      }
      engagement {
        activeMentorships
        pausedMentorships
        sessionsHeld
        sessionsPerMentorshipPerMonth
        expectedSessionsPerMonth
        healthy
        atRisk
        stalled
        actionItemsOverdue
        atRiskPairs {
          mentorshipId
          mentorPersonId
          menteePersonId
          mentor {
            displayName
          }
          mentee {
            displayName
          }
          status
          reasons
          since
        }
      }
      outcomes {
        goalsSet
        goalsAchieved
        averageSessionRating
        ratingsCount
        averageRelationshipDays
        surveyInvitations
        surveyAnswers
        surveyResponsePercent
        closuresByReason {
          key
          count
        }
      }
      mentorLoad {
        mentorsAtCapacity
        distribution {
          mentees
          mentors
        }
      }
    }
  }
`);

// Enrollment over time: the API answers for one moment, so the trend asks for the same stock at several moments.
export const ENROLLMENT_TREND = graphql(`
  query ProgramEnrollmentTrend(
    $programId: ID!
    $cohortId: ID
    $department: String
    $at0: String!
    $at1: String!
    $at2: String!
    $at3: String!
    $at4: String!
    $at5: String!
  ) {
    p0: programInsights(programId: $programId, asOf: $at0, cohortId: $cohortId, department: $department) {
      asOf
      enrollment {
        mentors
        mentees
        waitlist
      }
    }
    p1: programInsights(programId: $programId, asOf: $at1, cohortId: $cohortId, department: $department) {
      asOf
      enrollment {
        mentors
        mentees
        waitlist
      }
    }
    p2: programInsights(programId: $programId, asOf: $at2, cohortId: $cohortId, department: $department) {
      asOf
      enrollment {
        mentors
        mentees
        waitlist
      }
    }
    p3: programInsights(programId: $programId, asOf: $at3, cohortId: $cohortId, department: $department) {
      asOf
      enrollment {
        mentors
        mentees
        waitlist
      }
    }
    p4: programInsights(programId: $programId, asOf: $at4, cohortId: $cohortId, department: $department) {
      asOf
      enrollment {
        mentors
        mentees
        waitlist
      }
    }
    p5: programInsights(programId: $programId, asOf: $at5, cohortId: $cohortId, department: $department) {
      asOf
      enrollment {
        mentors
        mentees
        waitlist
      }
    }
  }
`);

export const PROGRAM_INSIGHTS_CSV = graphql(`
  query ProgramInsightsCsv(
    $programId: ID!
    $table: InsightTable!
    $asOf: String
    $cohortId: ID
    $department: String
    $from: String
    $to: String
  ) {
    programInsightsCsv(
      programId: $programId
      table: $table
      asOf: $asOf
      cohortId: $cohortId
      department: $department
      from: $from
      to: $to
    )
  }
`);
