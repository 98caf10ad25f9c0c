import { graphql } from '../../../gql';

// What the program page needs first: the program and whether and how the person takes part.
export const PROGRAM_HOME = graphql(`
  query ProgramHome($programId: ID!) {
    program(id: $programId) {
      id
      name
      description
      status
    }
    me {
      personId
      participations {
        id
        programId
        roles
        status
      }
    }
  }
`);

// A mentee's side of the program: who fits, what they asked, who they work with.
export const MENTEE_HOME = graphql(`
  query MenteeHome($participantId: ID!) {
    participant(id: $participantId) {
      id
      recommendedMentors(first: 5) {
        mentorPersonId
        ...RecommendationCard_recommendation
      }
      mentorshipRequests {
        id
        status
        mentorPersonId
        ...SentRequest_request
      }
      mentorships {
        id
        status
        ...MentorshipCard_mentorship
      }
    }
  }
`);

// A mentor's side: requests to answer, seats, mentees.
export const MENTOR_HOME = graphql(`
  query MentorHome($participantId: ID!) {
    participant(id: $participantId) {
      id
      mentorCapacity
      mentorshipRequests {
        id
        status
        mentorPersonId
        ...ReceivedRequest_request
      }
      mentorships {
        id
        status
        ...MentorshipCard_mentorship
      }
    }
  }
`);
