/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query SignedInPerson {\n    me {\n      personId\n      participations {\n        id\n        displayName\n        enrolledAt\n      }\n    }\n  }\n": typeof types.SignedInPersonDocument,
    "\n  mutation Enroll($programId: ID!, $roles: [ParticipantRole!]!, $profile: ProfileInput!, $commandId: ID) {\n    enroll(programId: $programId, roles: $roles, profile: $profile, commandId: $commandId) {\n      id\n      programId\n      roles\n      status\n      enrolledAt\n    }\n  }\n": typeof types.EnrollDocument,
    "\n  query JoinProgram($programId: ID!) {\n    program(id: $programId) {\n      id\n      name\n      description\n      status\n      questionnaire {\n        ...QuestionField_question\n      }\n    }\n    me {\n      personId\n      participations {\n        id\n        programId\n      }\n    }\n  }\n": typeof types.JoinProgramDocument,
    "\n  fragment QuestionField_question on Question {\n    questionId\n    kind\n    text\n    scaleMin\n    scaleMax\n    options {\n      optionId\n      label\n    }\n  }\n": typeof types.QuestionField_QuestionFragmentDoc,
    "\n  subscription MyEvents {\n    myEvents {\n      id\n      type\n      programId\n    }\n  }\n": typeof types.MyEventsDocument,
    "\n  query ProgramHome($programId: ID!) {\n    program(id: $programId) {\n      id\n      name\n      description\n      status\n    }\n    me {\n      personId\n      participations {\n        id\n        programId\n        roles\n        status\n      }\n    }\n  }\n": typeof types.ProgramHomeDocument,
    "\n  query MenteeHome($participantId: ID!) {\n    participant(id: $participantId) {\n      id\n      recommendedMentors(first: 5) {\n        mentorPersonId\n        ...RecommendationCard_recommendation\n      }\n      mentorshipRequests {\n        id\n        status\n        mentorPersonId\n        ...SentRequest_request\n      }\n      mentorships {\n        id\n        status\n        ...MentorshipCard_mentorship\n      }\n    }\n  }\n": typeof types.MenteeHomeDocument,
    "\n  query MentorHome($participantId: ID!) {\n    participant(id: $participantId) {\n      id\n      mentorCapacity\n      mentorshipRequests {\n        id\n        status\n        mentorPersonId\n        ...ReceivedRequest_request\n      }\n      mentorships {\n        id\n        status\n        ...MentorshipCard_mentorship\n      }\n    }\n  }\n": typeof types.MentorHomeDocument,
    "\n  mutation RequestMentor($programId: ID!, $mentorPersonId: ID!, $message: String, $commandId: ID) {\n    requestMentor(programId: $programId, mentorPersonId: $mentorPersonId, message: $message, commandId: $commandId) {\n      requestId\n      expiresAt\n    }\n  }\n": typeof types.RequestMentorDocument,
    "\n  mutation WithdrawRequest($requestId: ID!) {\n    withdrawMentorshipRequest(requestId: $requestId)\n  }\n": typeof types.WithdrawRequestDocument,
    "\n  mutation AcceptRequest($requestId: ID!) {\n    acceptMentorshipRequest(requestId: $requestId) {\n      mentorshipId\n    }\n  }\n": typeof types.AcceptRequestDocument,
    "\n  mutation DeclineRequest($requestId: ID!, $reason: DeclineReason!, $comment: String) {\n    declineMentorshipRequest(requestId: $requestId, reason: $reason, comment: $comment)\n  }\n": typeof types.DeclineRequestDocument,
    "\n  fragment MentorshipCard_mentorship on Mentorship {\n    id\n    status\n    startedAt\n    mentorPersonId\n    mentor {\n      ...PersonSummary_participant\n    }\n    mentee {\n      ...PersonSummary_participant\n    }\n  }\n": typeof types.MentorshipCard_MentorshipFragmentDoc,
    "\n  fragment PersonSummary_participant on Participant {\n    id\n    displayName\n    headline\n    initials\n  }\n": typeof types.PersonSummary_ParticipantFragmentDoc,
    "\n  fragment ReceivedRequest_request on MentorshipRequest {\n    id\n    status\n    requestedAt\n    expiresAt\n    mentee {\n      languages\n      skillsSought\n      ...PersonSummary_participant\n    }\n  }\n": typeof types.ReceivedRequest_RequestFragmentDoc,
    "\n  fragment RecommendationCard_recommendation on RecommendedMentor {\n    mentorPersonId\n    freeSeats\n    pendingRequests\n    factors {\n      name\n      value\n      weight\n      contribution\n    }\n    mentor {\n      id\n      displayName\n      ...PersonSummary_participant\n    }\n  }\n": typeof types.RecommendationCard_RecommendationFragmentDoc,
    "\n  fragment SentRequest_request on MentorshipRequest {\n    id\n    status\n    requestedAt\n    expiresAt\n    mentor {\n      ...PersonSummary_participant\n    }\n  }\n": typeof types.SentRequest_RequestFragmentDoc,
    "\n  query MyPrograms {\n    me {\n      personId\n      participations {\n        id\n        programId\n        ...ProgramCard_participation\n      }\n      managedPrograms {\n        id\n      }\n    }\n    programs {\n      id\n      name\n      status\n      ...ProgramCard_program\n    }\n  }\n": typeof types.MyProgramsDocument,
    "\n  fragment ProgramCard_program on Program {\n    id\n    name\n    description\n    status\n  }\n": typeof types.ProgramCard_ProgramFragmentDoc,
    "\n  fragment ProgramCard_participation on Participant {\n    id\n    roles\n    status\n    enrolledAt\n  }\n": typeof types.ProgramCard_ParticipationFragmentDoc,
};
const documents: Documents = {
    "\n  query SignedInPerson {\n    me {\n      personId\n      participations {\n        id\n        displayName\n        enrolledAt\n      }\n    }\n  }\n": types.SignedInPersonDocument,
    "\n  mutation Enroll($programId: ID!, $roles: [ParticipantRole!]!, $profile: ProfileInput!, $commandId: ID) {\n    enroll(programId: $programId, roles: $roles, profile: $profile, commandId: $commandId) {\n      id\n      programId\n      roles\n      status\n      enrolledAt\n    }\n  }\n": types.EnrollDocument,
    "\n  query JoinProgram($programId: ID!) {\n    program(id: $programId) {\n      id\n      name\n      description\n      status\n      questionnaire {\n        ...QuestionField_question\n      }\n    }\n    me {\n      personId\n      participations {\n        id\n        programId\n      }\n    }\n  }\n": types.JoinProgramDocument,
    "\n  fragment QuestionField_question on Question {\n    questionId\n    kind\n    text\n    scaleMin\n    scaleMax\n    options {\n      optionId\n      label\n    }\n  }\n": types.QuestionField_QuestionFragmentDoc,
    "\n  subscription MyEvents {\n    myEvents {\n      id\n      type\n      programId\n    }\n  }\n": types.MyEventsDocument,
    "\n  query ProgramHome($programId: ID!) {\n    program(id: $programId) {\n      id\n      name\n      description\n      status\n    }\n    me {\n      personId\n      participations {\n        id\n        programId\n        roles\n        status\n      }\n    }\n  }\n": types.ProgramHomeDocument,
    "\n  query MenteeHome($participantId: ID!) {\n    participant(id: $participantId) {\n      id\n      recommendedMentors(first: 5) {\n        mentorPersonId\n        ...RecommendationCard_recommendation\n      }\n      mentorshipRequests {\n        id\n        status\n        mentorPersonId\n        ...SentRequest_request\n      }\n      mentorships {\n        id\n        status\n        ...MentorshipCard_mentorship\n      }\n    }\n  }\n": types.MenteeHomeDocument,
    "\n  query MentorHome($participantId: ID!) {\n    participant(id: $participantId) {\n      id\n      mentorCapacity\n      mentorshipRequests {\n        id\n        status\n        mentorPersonId\n        ...ReceivedRequest_request\n      }\n      mentorships {\n        id\n        status\n        ...MentorshipCard_mentorship\n      }\n    }\n  }\n": types.MentorHomeDocument,
    "\n  mutation RequestMentor($programId: ID!, $mentorPersonId: ID!, $message: String, $commandId: ID) {\n    requestMentor(programId: $programId, mentorPersonId: $mentorPersonId, message: $message, commandId: $commandId) {\n      requestId\n      expiresAt\n    }\n  }\n": types.RequestMentorDocument,
    "\n  mutation WithdrawRequest($requestId: ID!) {\n    withdrawMentorshipRequest(requestId: $requestId)\n  }\n": types.WithdrawRequestDocument,
    "\n  mutation AcceptRequest($requestId: ID!) {\n    acceptMentorshipRequest(requestId: $requestId) {\n      mentorshipId\n    }\n  }\n": types.AcceptRequestDocument,
    "\n  mutation DeclineRequest($requestId: ID!, $reason: DeclineReason!, $comment: String) {\n    declineMentorshipRequest(requestId: $requestId, reason: $reason, comment: $comment)\n  }\n": types.DeclineRequestDocument,
    "\n  fragment MentorshipCard_mentorship on Mentorship {\n    id\n    status\n    startedAt\n    mentorPersonId\n    mentor {\n      ...PersonSummary_participant\n    }\n    mentee {\n      ...PersonSummary_participant\n    }\n  }\n": types.MentorshipCard_MentorshipFragmentDoc,
    "\n  fragment PersonSummary_participant on Participant {\n    id\n    displayName\n    headline\n    initials\n  }\n": types.PersonSummary_ParticipantFragmentDoc,
    "\n  fragment ReceivedRequest_request on MentorshipRequest {\n    id\n    status\n    requestedAt\n    expiresAt\n    mentee {\n      languages\n      skillsSought\n      ...PersonSummary_participant\n    }\n  }\n": types.ReceivedRequest_RequestFragmentDoc,
    "\n  fragment RecommendationCard_recommendation on RecommendedMentor {\n    mentorPersonId\n    freeSeats\n    pendingRequests\n    factors {\n      name\n      value\n      weight\n      contribution\n    }\n    mentor {\n      id\n      displayName\n      ...PersonSummary_participant\n    }\n  }\n": types.RecommendationCard_RecommendationFragmentDoc,
    "\n  fragment SentRequest_request on MentorshipRequest {\n    id\n    status\n    requestedAt\n    expiresAt\n    mentor {\n      ...PersonSummary_participant\n    }\n  }\n": types.SentRequest_RequestFragmentDoc,
    "\n  query MyPrograms {\n    me {\n      personId\n      participations {\n        id\n        programId\n        ...ProgramCard_participation\n      }\n      managedPrograms {\n        id\n      }\n    }\n    programs {\n      id\n      name\n      status\n      ...ProgramCard_program\n    }\n  }\n": types.MyProgramsDocument,
    "\n  fragment ProgramCard_program on Program {\n    id\n    name\n    description\n    status\n  }\n": types.ProgramCard_ProgramFragmentDoc,
    "\n  fragment ProgramCard_participation on Participant {\n    id\n    roles\n    status\n    enrolledAt\n  }\n": types.ProgramCard_ParticipationFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SignedInPerson {\n    me {\n      personId\n      participations {\n        id\n        displayName\n        enrolledAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query SignedInPerson {\n    me {\n      personId\n      participations {\n        id\n        displayName\n        enrolledAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Enroll($programId: ID!, $roles: [ParticipantRole!]!, $profile: ProfileInput!, $commandId: ID) {\n    enroll(programId: $programId, roles: $roles, profile: $profile, commandId: $commandId) {\n      id\n      programId\n      roles\n      status\n      enrolledAt\n    }\n  }\n"): (typeof documents)["\n  mutation Enroll($programId: ID!, $roles: [ParticipantRole!]!, $profile: ProfileInput!, $commandId: ID) {\n    enroll(programId: $programId, roles: $roles, profile: $profile, commandId: $commandId) {\n      id\n      programId\n      roles\n      status\n      enrolledAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JoinProgram($programId: ID!) {\n    program(id: $programId) {\n      id\n      name\n      description\n      status\n      questionnaire {\n        ...QuestionField_question\n      }\n    }\n    me {\n      personId\n      participations {\n        id\n        programId\n      }\n    }\n  }\n"): (typeof documents)["\n  query JoinProgram($programId: ID!) {\n    program(id: $programId) {\n      id\n      name\n      description\n      status\n      questionnaire {\n        ...QuestionField_question\n      }\n    }\n    me {\n      personId\n      participations {\n        id\n        programId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QuestionField_question on Question {\n    questionId\n    kind\n    text\n    scaleMin\n    scaleMax\n    options {\n      optionId\n      label\n    }\n  }\n"): (typeof documents)["\n  fragment QuestionField_question on Question {\n    questionId\n    kind\n    text\n    scaleMin\n    scaleMax\n    options {\n      optionId\n      label\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MyEvents {\n    myEvents {\n      id\n      type\n      programId\n    }\n  }\n"): (typeof documents)["\n  subscription MyEvents {\n    myEvents {\n      id\n      type\n      programId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProgramHome($programId: ID!) {\n    program(id: $programId) {\n      id\n      name\n      description\n      status\n    }\n    me {\n      personId\n      participations {\n        id\n        programId\n        roles\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProgramHome($programId: ID!) {\n    program(id: $programId) {\n      id\n      name\n      description\n      status\n    }\n    me {\n      personId\n      participations {\n        id\n        programId\n        roles\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MenteeHome($participantId: ID!) {\n    participant(id: $participantId) {\n      id\n      recommendedMentors(first: 5) {\n        mentorPersonId\n        ...RecommendationCard_recommendation\n      }\n      mentorshipRequests {\n        id\n        status\n        mentorPersonId\n        ...SentRequest_request\n      }\n      mentorships {\n        id\n        status\n        ...MentorshipCard_mentorship\n      }\n    }\n  }\n"): (typeof documents)["\n  query MenteeHome($participantId: ID!) {\n    participant(id: $participantId) {\n      id\n      recommendedMentors(first: 5) {\n        mentorPersonId\n        ...RecommendationCard_recommendation\n      }\n      mentorshipRequests {\n        id\n        status\n        mentorPersonId\n        ...SentRequest_request\n      }\n      mentorships {\n        id\n        status\n        ...MentorshipCard_mentorship\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MentorHome($participantId: ID!) {\n    participant(id: $participantId) {\n      id\n      mentorCapacity\n      mentorshipRequests {\n        id\n        status\n        mentorPersonId\n        ...ReceivedRequest_request\n      }\n      mentorships {\n        id\n        status\n        ...MentorshipCard_mentorship\n      }\n    }\n  }\n"): (typeof documents)["\n  query MentorHome($participantId: ID!) {\n    participant(id: $participantId) {\n      id\n      mentorCapacity\n      mentorshipRequests {\n        id\n        status\n        mentorPersonId\n        ...ReceivedRequest_request\n      }\n      mentorships {\n        id\n        status\n        ...MentorshipCard_mentorship\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestMentor($programId: ID!, $mentorPersonId: ID!, $message: String, $commandId: ID) {\n    requestMentor(programId: $programId, mentorPersonId: $mentorPersonId, message: $message, commandId: $commandId) {\n      requestId\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation RequestMentor($programId: ID!, $mentorPersonId: ID!, $message: String, $commandId: ID) {\n    requestMentor(programId: $programId, mentorPersonId: $mentorPersonId, message: $message, commandId: $commandId) {\n      requestId\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawRequest($requestId: ID!) {\n    withdrawMentorshipRequest(requestId: $requestId)\n  }\n"): (typeof documents)["\n  mutation WithdrawRequest($requestId: ID!) {\n    withdrawMentorshipRequest(requestId: $requestId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptRequest($requestId: ID!) {\n    acceptMentorshipRequest(requestId: $requestId) {\n      mentorshipId\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptRequest($requestId: ID!) {\n    acceptMentorshipRequest(requestId: $requestId) {\n      mentorshipId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineRequest($requestId: ID!, $reason: DeclineReason!, $comment: String) {\n    declineMentorshipRequest(requestId: $requestId, reason: $reason, comment: $comment)\n  }\n"): (typeof documents)["\n  mutation DeclineRequest($requestId: ID!, $reason: DeclineReason!, $comment: String) {\n    declineMentorshipRequest(requestId: $requestId, reason: $reason, comment: $comment)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MentorshipCard_mentorship on Mentorship {\n    id\n    status\n    startedAt\n    mentorPersonId\n    mentor {\n      ...PersonSummary_participant\n    }\n    mentee {\n      ...PersonSummary_participant\n    }\n  }\n"): (typeof documents)["\n  fragment MentorshipCard_mentorship on Mentorship {\n    id\n    status\n    startedAt\n    mentorPersonId\n    mentor {\n      ...PersonSummary_participant\n    }\n    mentee {\n      ...PersonSummary_participant\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PersonSummary_participant on Participant {\n    id\n    displayName\n    headline\n    initials\n  }\n"): (typeof documents)["\n  fragment PersonSummary_participant on Participant {\n    id\n    displayName\n    headline\n    initials\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReceivedRequest_request on MentorshipRequest {\n    id\n    status\n    requestedAt\n    expiresAt\n    mentee {\n      languages\n      skillsSought\n      ...PersonSummary_participant\n    }\n  }\n"): (typeof documents)["\n  fragment ReceivedRequest_request on MentorshipRequest {\n    id\n    status\n    requestedAt\n    expiresAt\n    mentee {\n      languages\n      skillsSought\n      ...PersonSummary_participant\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RecommendationCard_recommendation on RecommendedMentor {\n    mentorPersonId\n    freeSeats\n    pendingRequests\n    factors {\n      name\n      value\n      weight\n      contribution\n    }\n    mentor {\n      id\n      displayName\n      ...PersonSummary_participant\n    }\n  }\n"): (typeof documents)["\n  fragment RecommendationCard_recommendation on RecommendedMentor {\n    mentorPersonId\n    freeSeats\n    pendingRequests\n    factors {\n      name\n      value\n      weight\n      contribution\n    }\n    mentor {\n      id\n      displayName\n      ...PersonSummary_participant\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SentRequest_request on MentorshipRequest {\n    id\n    status\n    requestedAt\n    expiresAt\n    mentor {\n      ...PersonSummary_participant\n    }\n  }\n"): (typeof documents)["\n  fragment SentRequest_request on MentorshipRequest {\n    id\n    status\n    requestedAt\n    expiresAt\n    mentor {\n      ...PersonSummary_participant\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyPrograms {\n    me {\n      personId\n      participations {\n        id\n        programId\n        ...ProgramCard_participation\n      }\n      managedPrograms {\n        id\n      }\n    }\n    programs {\n      id\n      name\n      status\n      ...ProgramCard_program\n    }\n  }\n"): (typeof documents)["\n  query MyPrograms {\n    me {\n      personId\n      participations {\n        id\n        programId\n        ...ProgramCard_participation\n      }\n      managedPrograms {\n        id\n      }\n    }\n    programs {\n      id\n      name\n      status\n      ...ProgramCard_program\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProgramCard_program on Program {\n    id\n    name\n    description\n    status\n  }\n"): (typeof documents)["\n  fragment ProgramCard_program on Program {\n    id\n    name\n    description\n    status\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProgramCard_participation on Participant {\n    id\n    roles\n    status\n    enrolledAt\n  }\n"): (typeof documents)["\n  fragment ProgramCard_participation on Participant {\n    id\n    roles\n    status\n    enrolledAt\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;