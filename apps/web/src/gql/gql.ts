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
    "\n  fragment PersonSummary_participant on Participant {\n    id\n    displayName\n    headline\n    initials\n  }\n": typeof types.PersonSummary_ParticipantFragmentDoc,
    "\n  mutation Enroll($programId: ID!, $roles: [ParticipantRole!]!, $profile: ProfileInput!, $commandId: ID) {\n    enroll(programId: $programId, roles: $roles, profile: $profile, commandId: $commandId) {\n      id\n      programId\n      roles\n      status\n      enrolledAt\n    }\n  }\n": typeof types.EnrollDocument,
    "\n  query JoinProgram($programId: ID!) {\n    program(id: $programId) {\n      id\n      name\n      description\n      status\n      questionnaire {\n        ...QuestionField_question\n      }\n    }\n    me {\n      personId\n      participations {\n        id\n        programId\n      }\n    }\n  }\n": typeof types.JoinProgramDocument,
    "\n  fragment QuestionField_question on Question {\n    questionId\n    kind\n    text\n    scaleMin\n    scaleMax\n    options {\n      optionId\n      label\n    }\n  }\n": typeof types.QuestionField_QuestionFragmentDoc,
    "\n  query Inbox($first: Int!, $after: String, $unreadOnly: Boolean!, $timeZone: String!) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly, timeZone: $timeZone) {\n      edges {\n        cursor\n        node {\n          id\n          ...NotificationItem_notification\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.InboxDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": typeof types.UnreadNotificationCountDocument,
    "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      id\n      readAt\n    }\n  }\n": typeof types.MarkNotificationReadDocument,
    "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n": typeof types.MarkAllNotificationsReadDocument,
    "\n  fragment NotificationItem_notification on Notification {\n    id\n    title\n    lines\n    link\n    createdAt\n    readAt\n  }\n": typeof types.NotificationItem_NotificationFragmentDoc,
    "\n  query ProgramHome($programId: ID!) {\n    program(id: $programId) {\n      id\n      name\n      description\n      status\n    }\n    me {\n      personId\n      participations {\n        id\n        programId\n        roles\n        status\n      }\n    }\n  }\n": typeof types.ProgramHomeDocument,
    "\n  query MenteeHome($participantId: ID!) {\n    participant(id: $participantId) {\n      id\n      recommendedMentors(first: 5) {\n        mentorPersonId\n        ...RecommendationCard_recommendation\n      }\n      mentorshipRequests {\n        id\n        status\n        mentorPersonId\n        ...SentRequest_request\n      }\n      mentorships {\n        id\n        status\n        ...MentorshipCard_mentorship\n      }\n    }\n  }\n": typeof types.MenteeHomeDocument,
    "\n  query MentorHome($participantId: ID!) {\n    participant(id: $participantId) {\n      id\n      mentorCapacity\n      mentorshipRequests {\n        id\n        status\n        mentorPersonId\n        ...ReceivedRequest_request\n      }\n      mentorships {\n        id\n        status\n        ...MentorshipCard_mentorship\n      }\n    }\n  }\n": typeof types.MentorHomeDocument,
    "\n  mutation RequestMentor($programId: ID!, $mentorPersonId: ID!, $message: String, $commandId: ID) {\n    requestMentor(programId: $programId, mentorPersonId: $mentorPersonId, message: $message, commandId: $commandId) {\n      requestId\n      expiresAt\n    }\n  }\n": typeof types.RequestMentorDocument,
    "\n  mutation WithdrawRequest($requestId: ID!) {\n    withdrawMentorshipRequest(requestId: $requestId)\n  }\n": typeof types.WithdrawRequestDocument,
    "\n  mutation AcceptRequest($requestId: ID!) {\n    acceptMentorshipRequest(requestId: $requestId) {\n      mentorshipId\n    }\n  }\n": typeof types.AcceptRequestDocument,
    "\n  mutation DeclineRequest($requestId: ID!, $reason: DeclineReason!, $comment: String) {\n    declineMentorshipRequest(requestId: $requestId, reason: $reason, comment: $comment)\n  }\n": typeof types.DeclineRequestDocument,
    "\n  fragment MentorshipCard_mentorship on Mentorship {\n    id\n    status\n    startedAt\n    mentorPersonId\n    mentor {\n      ...PersonSummary_participant\n    }\n    mentee {\n      ...PersonSummary_participant\n    }\n  }\n": typeof types.MentorshipCard_MentorshipFragmentDoc,
    "\n  fragment ReceivedRequest_request on MentorshipRequest {\n    id\n    status\n    requestedAt\n    expiresAt\n    mentee {\n      languages\n      skillsSought\n      ...PersonSummary_participant\n    }\n  }\n": typeof types.ReceivedRequest_RequestFragmentDoc,
    "\n  fragment RecommendationCard_recommendation on RecommendedMentor {\n    mentorPersonId\n    freeSeats\n    pendingRequests\n    factors {\n      name\n      value\n      weight\n      contribution\n    }\n    mentor {\n      id\n      displayName\n      ...PersonSummary_participant\n    }\n  }\n": typeof types.RecommendationCard_RecommendationFragmentDoc,
    "\n  fragment SentRequest_request on MentorshipRequest {\n    id\n    status\n    requestedAt\n    expiresAt\n    mentor {\n      ...PersonSummary_participant\n    }\n  }\n": typeof types.SentRequest_RequestFragmentDoc,
    "\n  query NotificationPreferencesPage {\n    notificationPreferences {\n      ...PreferencesForm_preferences\n    }\n    me {\n      personId\n      participations {\n        id\n        timezone\n      }\n    }\n  }\n": typeof types.NotificationPreferencesPageDocument,
    "\n  fragment PreferencesForm_preferences on NotificationPreferences {\n    channels {\n      category\n      inApp\n      email\n    }\n    digest\n    quietHours {\n      startMinute\n      endMinute\n    }\n    dailyEmailBudget\n    unsubscribed\n  }\n": typeof types.PreferencesForm_PreferencesFragmentDoc,
    "\n  mutation UpdateNotificationPreferences($input: NotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) {\n      ...PreferencesForm_preferences\n    }\n  }\n": typeof types.UpdateNotificationPreferencesDocument,
    "\n  query MyPrograms {\n    me {\n      personId\n      participations {\n        id\n        programId\n        ...ProgramCard_participation\n      }\n      managedPrograms {\n        id\n      }\n    }\n    programs {\n      id\n      name\n      status\n      ...ProgramCard_program\n    }\n  }\n": typeof types.MyProgramsDocument,
    "\n  fragment ProgramCard_program on Program {\n    id\n    name\n    description\n    status\n  }\n": typeof types.ProgramCard_ProgramFragmentDoc,
    "\n  fragment ProgramCard_participation on Participant {\n    id\n    roles\n    status\n    enrolledAt\n  }\n": typeof types.ProgramCard_ParticipationFragmentDoc,
    "\n  query NeedsYou {\n    me {\n      personId\n    }\n    myProposals {\n      id\n      status\n      programId\n      respondBy\n      mentorPersonId\n      mentorAccepted\n      menteeAccepted\n      ...ProposalCard_proposal\n    }\n    myMentorshipRequests {\n      id\n      status\n      programId\n      mentorPersonId\n      expiresAt\n      ...WaitingRequest_request\n    }\n    programs {\n      id\n      name\n    }\n    unreadNotificationCount\n  }\n": typeof types.NeedsYouDocument,
    "\n  query ProposalPage {\n    me {\n      personId\n    }\n    myProposals {\n      id\n      programId\n      ...ProposalCard_proposal\n    }\n    programs {\n      id\n      name\n    }\n  }\n": typeof types.ProposalPageDocument,
    "\n  query RequestProgram {\n    myMentorshipRequests {\n      id\n      programId\n    }\n  }\n": typeof types.RequestProgramDocument,
    "\n  mutation AcceptProposal($proposalId: ID!) {\n    acceptProposal(proposalId: $proposalId) {\n      mentorshipId\n    }\n  }\n": typeof types.AcceptProposalDocument,
    "\n  mutation DeclineProposal($proposalId: ID!, $reason: DeclineReason!, $comment: String) {\n    declineProposal(proposalId: $proposalId, reason: $reason, comment: $comment) {\n      id\n      status\n      mentorAccepted\n      menteeAccepted\n    }\n  }\n": typeof types.DeclineProposalDocument,
    "\n  fragment ProposalCard_proposal on Proposal {\n    id\n    status\n    programId\n    respondBy\n    mentorPersonId\n    mentorAccepted\n    menteeAccepted\n    mentor {\n      ...PersonSummary_participant\n    }\n    mentee {\n      ...PersonSummary_participant\n    }\n  }\n": typeof types.ProposalCard_ProposalFragmentDoc,
    "\n  fragment WaitingRequest_request on MentorshipRequest {\n    id\n    programId\n    expiresAt\n    mentee {\n      ...PersonSummary_participant\n    }\n  }\n": typeof types.WaitingRequest_RequestFragmentDoc,
    "\n  fragment RoundConsole_round on MatchingRound {\n    id\n    programId\n    cohortId\n    status\n    objective\n    iteration\n    coverage\n    meanScore\n    minScore\n    pairs {\n      menteePersonId\n      mentorPersonId\n      score\n      locked\n      manual\n      factors {\n        name\n        value\n        weight\n        contribution\n      }\n      mentee {\n        id\n        displayName\n      }\n      mentor {\n        id\n        displayName\n      }\n    }\n    unmatched {\n      menteePersonId\n      reason\n      mentee {\n        id\n        displayName\n      }\n    }\n    overrides {\n      type\n      byPersonId\n      menteePersonId\n      reason\n    }\n  }\n": typeof types.RoundConsole_RoundFragmentDoc,
    "\n  mutation StartMatchingRound($programId: ID!, $cohortId: ID, $objective: MatchingObjective, $commandId: ID) {\n    startMatchingRound(programId: $programId, cohortId: $cohortId, objective: $objective, commandId: $commandId) {\n      id\n      ...RoundConsole_round\n    }\n  }\n": typeof types.StartMatchingRoundDocument,
    "\n  mutation LockRoundPair($roundId: ID!, $menteePersonId: ID!, $reason: RoundOverrideReason!) {\n    lockRoundPair(roundId: $roundId, menteePersonId: $menteePersonId, reason: $reason) {\n      id\n      ...RoundConsole_round\n    }\n  }\n": typeof types.LockRoundPairDocument,
    "\n  mutation UnlockRoundPair($roundId: ID!, $menteePersonId: ID!) {\n    unlockRoundPair(roundId: $roundId, menteePersonId: $menteePersonId) {\n      id\n      ...RoundConsole_round\n    }\n  }\n": typeof types.UnlockRoundPairDocument,
    "\n  mutation RemoveRoundPair($roundId: ID!, $menteePersonId: ID!, $reason: RoundOverrideReason!) {\n    removeRoundPair(roundId: $roundId, menteePersonId: $menteePersonId, reason: $reason) {\n      id\n      ...RoundConsole_round\n    }\n  }\n": typeof types.RemoveRoundPairDocument,
    "\n  mutation AddRoundPair($roundId: ID!, $menteePersonId: ID!, $mentorPersonId: ID!, $reason: RoundOverrideReason!) {\n    addRoundPair(roundId: $roundId, menteePersonId: $menteePersonId, mentorPersonId: $mentorPersonId, reason: $reason) {\n      id\n      ...RoundConsole_round\n    }\n  }\n": typeof types.AddRoundPairDocument,
    "\n  mutation SwapRoundMentors($roundId: ID!, $menteeA: ID!, $menteeB: ID!, $reason: RoundOverrideReason!) {\n    swapRoundMentors(roundId: $roundId, menteeA: $menteeA, menteeB: $menteeB, reason: $reason) {\n      id\n      ...RoundConsole_round\n    }\n  }\n": typeof types.SwapRoundMentorsDocument,
    "\n  mutation RecomputeMatchingRound($roundId: ID!) {\n    recomputeMatchingRound(roundId: $roundId) {\n      id\n      ...RoundConsole_round\n    }\n  }\n": typeof types.RecomputeMatchingRoundDocument,
    "\n  mutation PublishMatchingRound($roundId: ID!, $respondWithinDays: Int!) {\n    publishMatchingRound(roundId: $roundId, respondWithinDays: $respondWithinDays) {\n      id\n      ...RoundConsole_round\n    }\n  }\n": typeof types.PublishMatchingRoundDocument,
    "\n  mutation DiscardMatchingRound($roundId: ID!) {\n    discardMatchingRound(roundId: $roundId) {\n      id\n      ...RoundConsole_round\n    }\n  }\n": typeof types.DiscardMatchingRoundDocument,
    "\n  query RoundsProgram($programId: ID!) {\n    program(id: $programId) {\n      id\n      name\n      matchingRules {\n        objective\n      }\n      cohorts {\n        cohortId\n        name\n      }\n    }\n  }\n": typeof types.RoundsProgramDocument,
    "\n  query MatchingRoundConsole($roundId: ID!) {\n    me {\n      personId\n    }\n    matchingRound(id: $roundId) {\n      id\n      ...RoundConsole_round\n    }\n  }\n": typeof types.MatchingRoundConsoleDocument,
    "\n  query RoundObjectiveComparison($roundId: ID!) {\n    bestTotal: compareMatchingRound(roundId: $roundId, objective: BEST_TOTAL, first: 0) {\n      roundId\n      metricsAfter {\n        coverage\n        meanScore\n        minScore\n        matched\n        unmatched\n      }\n    }\n    fairest: compareMatchingRound(roundId: $roundId, objective: FAIREST, first: 0) {\n      roundId\n      metricsAfter {\n        coverage\n        meanScore\n        minScore\n        matched\n        unmatched\n      }\n    }\n    mostMatched: compareMatchingRound(roundId: $roundId, objective: MOST_MATCHED, first: 0) {\n      roundId\n      metricsAfter {\n        coverage\n        meanScore\n        minScore\n        matched\n        unmatched\n      }\n    }\n  }\n": typeof types.RoundObjectiveComparisonDocument,
    "\n  mutation AddActionItem(\n    $mentorshipId: ID!\n    $title: String!\n    $ownerPersonId: ID!\n    $dueDate: String!\n    $timezone: String!\n    $goalId: ID\n  ) {\n    addActionItem(\n      mentorshipId: $mentorshipId\n      title: $title\n      ownerPersonId: $ownerPersonId\n      dueDate: $dueDate\n      timezone: $timezone\n      goalId: $goalId\n    ) {\n      mentorshipId\n      ...ActionItemsPanel_engagement\n    }\n  }\n": typeof types.AddActionItemDocument,
    "\n  mutation CompleteActionItem($mentorshipId: ID!, $actionItemId: ID!) {\n    completeActionItem(mentorshipId: $mentorshipId, actionItemId: $actionItemId) {\n      mentorshipId\n      ...ActionItemsPanel_engagement\n    }\n  }\n": typeof types.CompleteActionItemDocument,
    "\n  mutation ProposeAgreement($mentorshipId: ID!, $agreement: AgreementInput!) {\n    proposeAgreement(mentorshipId: $mentorshipId, agreement: $agreement) {\n      mentorshipId\n      ...AgreementPanel_engagement\n    }\n  }\n": typeof types.ProposeAgreementDocument,
    "\n  mutation AmendAgreement($mentorshipId: ID!, $agreement: AgreementInput!) {\n    amendAgreement(mentorshipId: $mentorshipId, agreement: $agreement) {\n      mentorshipId\n      ...AgreementPanel_engagement\n    }\n  }\n": typeof types.AmendAgreementDocument,
    "\n  mutation SignAgreement($mentorshipId: ID!, $version: Int!) {\n    signAgreement(mentorshipId: $mentorshipId, version: $version) {\n      mentorshipId\n      ...AgreementPanel_engagement\n    }\n  }\n": typeof types.SignAgreementDocument,
    "\n  query ClashingSession($id: ID!) {\n    session(id: $id) {\n      id\n      title\n      startsAt\n      endsAt\n    }\n  }\n": typeof types.ClashingSessionDocument,
    "\n  mutation SetGoal(\n    $mentorshipId: ID!\n    $title: String!\n    $targetDate: String!\n    $timezone: String!\n    $milestones: [MilestoneInput!]\n  ) {\n    setGoal(\n      mentorshipId: $mentorshipId\n      title: $title\n      targetDate: $targetDate\n      timezone: $timezone\n      milestones: $milestones\n    ) {\n      mentorshipId\n      ...GoalsPanel_engagement\n    }\n  }\n": typeof types.SetGoalDocument,
    "\n  mutation AddMilestone($mentorshipId: ID!, $goalId: ID!, $title: String!, $targetDate: String, $timezone: String!) {\n    addMilestone(\n      mentorshipId: $mentorshipId\n      goalId: $goalId\n      title: $title\n      targetDate: $targetDate\n      timezone: $timezone\n    ) {\n      mentorshipId\n      ...GoalsPanel_engagement\n    }\n  }\n": typeof types.AddMilestoneDocument,
    "\n  mutation ReachMilestone($mentorshipId: ID!, $goalId: ID!, $milestoneId: ID!) {\n    reachMilestone(mentorshipId: $mentorshipId, goalId: $goalId, milestoneId: $milestoneId) {\n      mentorshipId\n      ...GoalsPanel_engagement\n    }\n  }\n": typeof types.ReachMilestoneDocument,
    "\n  mutation UpdateGoalProgress($mentorshipId: ID!, $goalId: ID!, $progressPercent: Int!, $note: String) {\n    updateGoalProgress(mentorshipId: $mentorshipId, goalId: $goalId, progressPercent: $progressPercent, note: $note) {\n      mentorshipId\n      ...GoalsPanel_engagement\n    }\n  }\n": typeof types.UpdateGoalProgressDocument,
    "\n  mutation AchieveGoal($mentorshipId: ID!, $goalId: ID!) {\n    achieveGoal(mentorshipId: $mentorshipId, goalId: $goalId) {\n      mentorshipId\n      ...GoalsPanel_engagement\n    }\n  }\n": typeof types.AchieveGoalDocument,
    "\n  mutation EndMentorship($mentorshipId: ID!, $reason: MentorshipEndReason!, $reflection: String) {\n    endMentorship(mentorshipId: $mentorshipId, reason: $reason, reflection: $reflection)\n  }\n": typeof types.EndMentorshipDocument,
    "\n  mutation RequestRematch($mentorshipId: ID!, $reflection: String) {\n    requestRematch(mentorshipId: $mentorshipId, reflection: $reflection)\n  }\n": typeof types.RequestRematchDocument,
    "\n  mutation WriteReflection($mentorshipId: ID!, $text: String!) {\n    writeReflection(mentorshipId: $mentorshipId, text: $text) {\n      mentorshipId\n      ...ReflectionsPanel_engagement\n    }\n  }\n": typeof types.WriteReflectionDocument,
    "\n  mutation RecommendResource($mentorshipId: ID!, $kind: ResourceKind!, $title: String!, $link: String) {\n    recommendResource(mentorshipId: $mentorshipId, kind: $kind, title: $title, link: $link) {\n      mentorshipId\n      ...ResourcesPanel_engagement\n    }\n  }\n": typeof types.RecommendResourceDocument,
    "\n  mutation ScheduleSession($input: ScheduleSessionInput!, $commandId: ID) {\n    scheduleSession(input: $input, commandId: $commandId) {\n      id\n    }\n  }\n": typeof types.ScheduleSessionDocument,
    "\n  mutation RescheduleSession(\n    $id: ID!\n    $startsAt: String!\n    $endsAt: String!\n    $timezone: String\n    $overrideAvailability: Boolean!\n    $viewerTimeZone: String\n  ) {\n    rescheduleSession(\n      id: $id\n      startsAt: $startsAt\n      endsAt: $endsAt\n      timezone: $timezone\n      overrideAvailability: $overrideAvailability\n      viewerTimeZone: $viewerTimeZone\n    ) {\n      id\n      ...SessionDetails_session\n    }\n  }\n": typeof types.RescheduleSessionDocument,
    "\n  mutation RespondToSession($id: ID!, $response: RsvpResponse!, $viewerTimeZone: String) {\n    respondToSession(id: $id, response: $response, viewerTimeZone: $viewerTimeZone) {\n      id\n      ...SessionDetails_session\n    }\n  }\n": typeof types.RespondToSessionDocument,
    "\n  mutation CancelSession($id: ID!, $reason: CancellationReason!, $viewerTimeZone: String) {\n    cancelSession(id: $id, reason: $reason, viewerTimeZone: $viewerTimeZone) {\n      id\n      ...SessionDetails_session\n    }\n  }\n": typeof types.CancelSessionDocument,
    "\n  mutation CompleteSession($id: ID!, $viewerTimeZone: String) {\n    completeSession(id: $id, viewerTimeZone: $viewerTimeZone) {\n      id\n      ...SessionDetails_session\n    }\n  }\n": typeof types.CompleteSessionDocument,
    "\n  mutation WriteSharedNotes($id: ID!, $text: String!, $viewerTimeZone: String) {\n    writeSharedNotes(id: $id, text: $text, viewerTimeZone: $viewerTimeZone) {\n      id\n      ...SessionDetails_session\n    }\n  }\n": typeof types.WriteSharedNotesDocument,
    "\n  mutation WritePrivateNote($id: ID!, $text: String!, $noteId: ID, $viewerTimeZone: String) {\n    writePrivateNote(id: $id, text: $text, noteId: $noteId, viewerTimeZone: $viewerTimeZone) {\n      id\n      ...SessionDetails_session\n    }\n  }\n": typeof types.WritePrivateNoteDocument,
    "\n  mutation SubmitSessionFeedback(\n    $id: ID!\n    $rating: Int!\n    $wentWell: String\n    $toImprove: String\n    $comment: String\n    $viewerTimeZone: String\n  ) {\n    submitSessionFeedback(\n      id: $id\n      rating: $rating\n      wentWell: $wentWell\n      toImprove: $toImprove\n      comment: $comment\n      viewerTimeZone: $viewerTimeZone\n    ) {\n      id\n      ...SessionDetails_session\n    }\n  }\n": typeof types.SubmitSessionFeedbackDocument,
    "\n  query SessionPage($id: ID!, $viewerTimeZone: String!) {\n    me {\n      personId\n    }\n    session(id: $id, viewerTimeZone: $viewerTimeZone) {\n      id\n      ...SessionDetails_session\n    }\n  }\n": typeof types.SessionPageDocument,
    "\n  fragment SessionDetails_session on Session {\n    id\n    title\n    status\n    kind\n    mode\n    place\n    startsAt\n    endsAt\n    timezone\n    hostPersonId\n    mentorshipId\n    myRsvp\n    completedAt\n    cancellationReason\n    attendees {\n      personId\n      host\n      rsvp\n      attendance\n      participant {\n        displayName\n        timezone\n        ...PersonSummary_participant\n      }\n    }\n    sharedNotes {\n      text\n      authorPersonId\n      writtenAt\n    }\n    myPrivateNotes {\n      id\n      text\n      writtenAt\n    }\n    feedback {\n      personId\n      rating\n      wentWell\n      toImprove\n      comment\n      submittedAt\n    }\n    feedbackSummary {\n      averageRating\n      count\n    }\n  }\n": typeof types.SessionDetails_SessionFragmentDoc,
    "\n  query SessionCalendar($id: ID!) {\n    sessionCalendar(id: $id)\n  }\n": typeof types.SessionCalendarDocument,
    "\n  query Workspace($mentorshipId: ID!, $viewerTimeZone: String!) {\n    me {\n      personId\n    }\n    engagement(mentorshipId: $mentorshipId, viewerTimeZone: $viewerTimeZone) {\n      mentorshipId\n      programId\n      status\n      viewerRole\n      mentorPersonId\n      menteePersonId\n      mentor {\n        ...PersonSummary_participant\n        ...WorkspacePerson_participant\n      }\n      mentee {\n        ...PersonSummary_participant\n        ...WorkspacePerson_participant\n      }\n      ...ActionItemsPanel_engagement\n      ...AgreementPanel_engagement\n      ...GoalsPanel_engagement\n      ...ReflectionsPanel_engagement\n      ...ResourcesPanel_engagement\n      ...SessionsPanel_engagement\n    }\n  }\n": typeof types.WorkspaceDocument,
    "\n  fragment WorkspacePerson_participant on Participant {\n    personId\n    displayName\n    timezone\n    availability {\n      day\n      startMinute\n      endMinute\n    }\n  }\n": typeof types.WorkspacePerson_ParticipantFragmentDoc,
    "\n  fragment ActionItemCard_actionItem on ActionItem {\n    id\n    title\n    ownerPersonId\n    dueDate\n    done\n    completedAt\n    goalId\n  }\n": typeof types.ActionItemCard_ActionItemFragmentDoc,
    "\n  fragment ActionItemsPanel_engagement on Engagement {\n    mentorshipId\n    status\n    viewerRole\n    mentorPersonId\n    menteePersonId\n    goals {\n      id\n      title\n      status\n    }\n    actionItems {\n      id\n      title\n      dueDate\n      done\n      completedAt\n      goalId\n      ...ActionItemCard_actionItem\n    }\n  }\n": typeof types.ActionItemsPanel_EngagementFragmentDoc,
    "\n  fragment AgreementPanel_engagement on Engagement {\n    mentorshipId\n    status\n    viewerRole\n    agreements {\n      ...AgreementVersionFields\n    }\n  }\n": typeof types.AgreementPanel_EngagementFragmentDoc,
    "\n  fragment AgreementVersionFields on AgreementVersion {\n    version\n    status\n    cadence\n    sessionMinutes\n    durationMonths\n    channels\n    expectations\n    boundaries\n    confidentiality\n    proposedAt\n    proposedByPersonId\n    signedBy\n    inEffectSince\n  }\n": typeof types.AgreementVersionFieldsFragmentDoc,
    "\n  fragment GoalCard_goal on Goal {\n    id\n    title\n    status\n    targetDate\n    progressPercent\n    ownerPersonId\n    milestones {\n      id\n      title\n      targetDate\n      reachedAt\n    }\n  }\n": typeof types.GoalCard_GoalFragmentDoc,
    "\n  fragment GoalsPanel_engagement on Engagement {\n    mentorshipId\n    status\n    viewerRole\n    goals {\n      id\n      ...GoalCard_goal\n    }\n  }\n": typeof types.GoalsPanel_EngagementFragmentDoc,
    "\n  fragment ReflectionsPanel_engagement on Engagement {\n    mentorshipId\n    status\n    viewerRole\n    myReflections {\n      id\n      text\n      updatedAt\n    }\n  }\n": typeof types.ReflectionsPanel_EngagementFragmentDoc,
    "\n  fragment ResourceCard_resource on Resource {\n    id\n    kind\n    title\n    link\n  }\n": typeof types.ResourceCard_ResourceFragmentDoc,
    "\n  fragment ResourcesPanel_engagement on Engagement {\n    mentorshipId\n    status\n    viewerRole\n    resources {\n      id\n      ...ResourceCard_resource\n    }\n  }\n": typeof types.ResourcesPanel_EngagementFragmentDoc,
    "\n  fragment SessionListItem_session on Session {\n    id\n    title\n    status\n    startsAt\n    endsAt\n    mode\n    myRsvp\n  }\n": typeof types.SessionListItem_SessionFragmentDoc,
    "\n  fragment SessionsPanel_engagement on Engagement {\n    mentorshipId\n    status\n    viewerRole\n    agreements {\n      status\n      sessionMinutes\n    }\n    sessions {\n      id\n      status\n      startsAt\n      ...SessionListItem_session\n    }\n  }\n": typeof types.SessionsPanel_EngagementFragmentDoc,
    "\n  subscription MyEvents {\n    myEvents {\n      id\n      type\n      programId\n    }\n  }\n": typeof types.MyEventsDocument,
};
const documents: Documents = {
    "\n  query SignedInPerson {\n    me {\n      personId\n      participations {\n        id\n        displayName\n        enrolledAt\n      }\n    }\n  }\n": types.SignedInPersonDocument,
    "\n  fragment PersonSummary_participant on Participant {\n    id\n    displayName\n    headline\n    initials\n  }\n": types.PersonSummary_ParticipantFragmentDoc,
    "\n  mutation Enroll($programId: ID!, $roles: [ParticipantRole!]!, $profile: ProfileInput!, $commandId: ID) {\n    enroll(programId: $programId, roles: $roles, profile: $profile, commandId: $commandId) {\n      id\n      programId\n      roles\n      status\n      enrolledAt\n    }\n  }\n": types.EnrollDocument,
    "\n  query JoinProgram($programId: ID!) {\n    program(id: $programId) {\n      id\n      name\n      description\n      status\n      questionnaire {\n        ...QuestionField_question\n      }\n    }\n    me {\n      personId\n      participations {\n        id\n        programId\n      }\n    }\n  }\n": types.JoinProgramDocument,
    "\n  fragment QuestionField_question on Question {\n    questionId\n    kind\n    text\n    scaleMin\n    scaleMax\n    options {\n      optionId\n      label\n    }\n  }\n": types.QuestionField_QuestionFragmentDoc,
    "\n  query Inbox($first: Int!, $after: String, $unreadOnly: Boolean!, $timeZone: String!) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly, timeZone: $timeZone) {\n      edges {\n        cursor\n        node {\n          id\n          ...NotificationItem_notification\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.InboxDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": types.UnreadNotificationCountDocument,
    "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      id\n      readAt\n    }\n  }\n": types.MarkNotificationReadDocument,
    "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n": types.MarkAllNotificationsReadDocument,
    "\n  fragment NotificationItem_notification on Notification {\n    id\n    title\n    lines\n    link\n    createdAt\n    readAt\n  }\n": types.NotificationItem_NotificationFragmentDoc,
    "\n  query ProgramHome($programId: ID!) {\n    program(id: $programId) {\n      id\n      name\n      description\n      status\n    }\n    me {\n      personId\n      participations {\n        id\n        programId\n        roles\n        status\n      }\n    }\n  }\n": types.ProgramHomeDocument,
    "\n  query MenteeHome($participantId: ID!) {\n    participant(id: $participantId) {\n      id\n      recommendedMentors(first: 5) {\n        mentorPersonId\n        ...RecommendationCard_recommendation\n      }\n      mentorshipRequests {\n        id\n        status\n        mentorPersonId\n        ...SentRequest_request\n      }\n      mentorships {\n        id\n        status\n        ...MentorshipCard_mentorship\n      }\n    }\n  }\n": types.MenteeHomeDocument,
    "\n  query MentorHome($participantId: ID!) {\n    participant(id: $participantId) {\n      id\n      mentorCapacity\n      mentorshipRequests {\n        id\n        status\n        mentorPersonId\n        ...ReceivedRequest_request\n      }\n      mentorships {\n        id\n        status\n        ...MentorshipCard_mentorship\n      }\n    }\n  }\n": types.MentorHomeDocument,
    "\n  mutation RequestMentor($programId: ID!, $mentorPersonId: ID!, $message: String, $commandId: ID) {\n    requestMentor(programId: $programId, mentorPersonId: $mentorPersonId, message: $message, commandId: $commandId) {\n      requestId\n      expiresAt\n    }\n  }\n": types.RequestMentorDocument,
    "\n  mutation WithdrawRequest($requestId: ID!) {\n    withdrawMentorshipRequest(requestId: $requestId)\n  }\n": types.WithdrawRequestDocument,
    "\n  mutation AcceptRequest($requestId: ID!) {\n    acceptMentorshipRequest(requestId: $requestId) {\n      mentorshipId\n    }\n  }\n": types.AcceptRequestDocument,
    "\n  mutation DeclineRequest($requestId: ID!, $reason: DeclineReason!, $comment: String) {\n    declineMentorshipRequest(requestId: $requestId, reason: $reason, comment: $comment)\n  }\n": types.DeclineRequestDocument,
    "\n  fragment MentorshipCard_mentorship on Mentorship {\n    id\n    status\n    startedAt\n    mentorPersonId\n    mentor {\n      ...PersonSummary_participant\n    }\n    mentee {\n      ...PersonSummary_participant\n    }\n  }\n": types.MentorshipCard_MentorshipFragmentDoc,
    "\n  fragment ReceivedRequest_request on MentorshipRequest {\n    id\n    status\n    requestedAt\n    expiresAt\n    mentee {\n      languages\n      skillsSought\n      ...PersonSummary_participant\n    }\n  }\n": types.ReceivedRequest_RequestFragmentDoc,
    "\n  fragment RecommendationCard_recommendation on RecommendedMentor {\n    mentorPersonId\n    freeSeats\n    pendingRequests\n    factors {\n      name\n      value\n      weight\n      contribution\n    }\n    mentor {\n      id\n      displayName\n      ...PersonSummary_participant\n    }\n  }\n": types.RecommendationCard_RecommendationFragmentDoc,
    "\n  fragment SentRequest_request on MentorshipRequest {\n    id\n    status\n    requestedAt\n    expiresAt\n    mentor {\n      ...PersonSummary_participant\n    }\n  }\n": types.SentRequest_RequestFragmentDoc,
    "\n  query NotificationPreferencesPage {\n    notificationPreferences {\n      ...PreferencesForm_preferences\n    }\n    me {\n      personId\n      participations {\n        id\n        timezone\n      }\n    }\n  }\n": types.NotificationPreferencesPageDocument,
    "\n  fragment PreferencesForm_preferences on NotificationPreferences {\n    channels {\n      category\n      inApp\n      email\n    }\n    digest\n    quietHours {\n      startMinute\n      endMinute\n    }\n    dailyEmailBudget\n    unsubscribed\n  }\n": types.PreferencesForm_PreferencesFragmentDoc,
    "\n  mutation UpdateNotificationPreferences($input: NotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) {\n      ...PreferencesForm_preferences\n    }\n  }\n": types.UpdateNotificationPreferencesDocument,
    "\n  query MyPrograms {\n    me {\n      personId\n      participations {\n        id\n        programId\n        ...ProgramCard_participation\n      }\n      managedPrograms {\n        id\n      }\n    }\n    programs {\n      id\n      name\n      status\n      ...ProgramCard_program\n    }\n  }\n": types.MyProgramsDocument,
    "\n  fragment ProgramCard_program on Program {\n    id\n    name\n    description\n    status\n  }\n": types.ProgramCard_ProgramFragmentDoc,
    "\n  fragment ProgramCard_participation on Participant {\n    id\n    roles\n    status\n    enrolledAt\n  }\n": types.ProgramCard_ParticipationFragmentDoc,
    "\n  query NeedsYou {\n    me {\n      personId\n    }\n    myProposals {\n      id\n      status\n      programId\n      respondBy\n      mentorPersonId\n      mentorAccepted\n      menteeAccepted\n      ...ProposalCard_proposal\n    }\n    myMentorshipRequests {\n      id\n      status\n      programId\n      mentorPersonId\n      expiresAt\n      ...WaitingRequest_request\n    }\n    programs {\n      id\n      name\n    }\n    unreadNotificationCount\n  }\n": types.NeedsYouDocument,
    "\n  query ProposalPage {\n    me {\n      personId\n    }\n    myProposals {\n      id\n      programId\n      ...ProposalCard_proposal\n    }\n    programs {\n      id\n      name\n    }\n  }\n": types.ProposalPageDocument,
    "\n  query RequestProgram {\n    myMentorshipRequests {\n      id\n      programId\n    }\n  }\n": types.RequestProgramDocument,
    "\n  mutation AcceptProposal($proposalId: ID!) {\n    acceptProposal(proposalId: $proposalId) {\n      mentorshipId\n    }\n  }\n": types.AcceptProposalDocument,
    "\n  mutation DeclineProposal($proposalId: ID!, $reason: DeclineReason!, $comment: String) {\n    declineProposal(proposalId: $proposalId, reason: $reason, comment: $comment) {\n      id\n      status\n      mentorAccepted\n      menteeAccepted\n    }\n  }\n": types.DeclineProposalDocument,
    "\n  fragment ProposalCard_proposal on Proposal {\n    id\n    status\n    programId\n    respondBy\n    mentorPersonId\n    mentorAccepted\n    menteeAccepted\n    mentor {\n      ...PersonSummary_participant\n    }\n    mentee {\n      ...PersonSummary_participant\n    }\n  }\n": types.ProposalCard_ProposalFragmentDoc,
    "\n  fragment WaitingRequest_request on MentorshipRequest {\n    id\n    programId\n    expiresAt\n    mentee {\n      ...PersonSummary_participant\n    }\n  }\n": types.WaitingRequest_RequestFragmentDoc,
    "\n  fragment RoundConsole_round on MatchingRound {\n    id\n    programId\n    cohortId\n    status\n    objective\n    iteration\n    coverage\n    meanScore\n    minScore\n    pairs {\n      menteePersonId\n      mentorPersonId\n      score\n      locked\n      manual\n      factors {\n        name\n        value\n        weight\n        contribution\n      }\n      mentee {\n        id\n        displayName\n      }\n      mentor {\n        id\n        displayName\n      }\n    }\n    unmatched {\n      menteePersonId\n      reason\n      mentee {\n        id\n        displayName\n      }\n    }\n    overrides {\n      type\n      byPersonId\n      menteePersonId\n      reason\n    }\n  }\n": types.RoundConsole_RoundFragmentDoc,
    "\n  mutation StartMatchingRound($programId: ID!, $cohortId: ID, $objective: MatchingObjective, $commandId: ID) {\n    startMatchingRound(programId: $programId, cohortId: $cohortId, objective: $objective, commandId: $commandId) {\n      id\n      ...RoundConsole_round\n    }\n  }\n": types.StartMatchingRoundDocument,
    "\n  mutation LockRoundPair($roundId: ID!, $menteePersonId: ID!, $reason: RoundOverrideReason!) {\n    lockRoundPair(roundId: $roundId, menteePersonId: $menteePersonId, reason: $reason) {\n      id\n      ...RoundConsole_round\n    }\n  }\n": types.LockRoundPairDocument,
    "\n  mutation UnlockRoundPair($roundId: ID!, $menteePersonId: ID!) {\n    unlockRoundPair(roundId: $roundId, menteePersonId: $menteePersonId) {\n      id\n      ...RoundConsole_round\n    }\n  }\n": types.UnlockRoundPairDocument,
    "\n  mutation RemoveRoundPair($roundId: ID!, $menteePersonId: ID!, $reason: RoundOverrideReason!) {\n    removeRoundPair(roundId: $roundId, menteePersonId: $menteePersonId, reason: $reason) {\n      id\n      ...RoundConsole_round\n    }\n  }\n": types.RemoveRoundPairDocument,
    "\n  mutation AddRoundPair($roundId: ID!, $menteePersonId: ID!, $mentorPersonId: ID!, $reason: RoundOverrideReason!) {\n    addRoundPair(roundId: $roundId, menteePersonId: $menteePersonId, mentorPersonId: $mentorPersonId, reason: $reason) {\n      id\n      ...RoundConsole_round\n    }\n  }\n": types.AddRoundPairDocument,
    "\n  mutation SwapRoundMentors($roundId: ID!, $menteeA: ID!, $menteeB: ID!, $reason: RoundOverrideReason!) {\n    swapRoundMentors(roundId: $roundId, menteeA: $menteeA, menteeB: $menteeB, reason: $reason) {\n      id\n      ...RoundConsole_round\n    }\n  }\n": types.SwapRoundMentorsDocument,
    "\n  mutation RecomputeMatchingRound($roundId: ID!) {\n    recomputeMatchingRound(roundId: $roundId) {\n      id\n      ...RoundConsole_round\n    }\n  }\n": types.RecomputeMatchingRoundDocument,
    "\n  mutation PublishMatchingRound($roundId: ID!, $respondWithinDays: Int!) {\n    publishMatchingRound(roundId: $roundId, respondWithinDays: $respondWithinDays) {\n      id\n      ...RoundConsole_round\n    }\n  }\n": types.PublishMatchingRoundDocument,
    "\n  mutation DiscardMatchingRound($roundId: ID!) {\n    discardMatchingRound(roundId: $roundId) {\n      id\n      ...RoundConsole_round\n    }\n  }\n": types.DiscardMatchingRoundDocument,
    "\n  query RoundsProgram($programId: ID!) {\n    program(id: $programId) {\n      id\n      name\n      matchingRules {\n        objective\n      }\n      cohorts {\n        cohortId\n        name\n      }\n    }\n  }\n": types.RoundsProgramDocument,
    "\n  query MatchingRoundConsole($roundId: ID!) {\n    me {\n      personId\n    }\n    matchingRound(id: $roundId) {\n      id\n      ...RoundConsole_round\n    }\n  }\n": types.MatchingRoundConsoleDocument,
    "\n  query RoundObjectiveComparison($roundId: ID!) {\n    bestTotal: compareMatchingRound(roundId: $roundId, objective: BEST_TOTAL, first: 0) {\n      roundId\n      metricsAfter {\n        coverage\n        meanScore\n        minScore\n        matched\n        unmatched\n      }\n    }\n    fairest: compareMatchingRound(roundId: $roundId, objective: FAIREST, first: 0) {\n      roundId\n      metricsAfter {\n        coverage\n        meanScore\n        minScore\n        matched\n        unmatched\n      }\n    }\n    mostMatched: compareMatchingRound(roundId: $roundId, objective: MOST_MATCHED, first: 0) {\n      roundId\n      metricsAfter {\n        coverage\n        meanScore\n        minScore\n        matched\n        unmatched\n      }\n    }\n  }\n": types.RoundObjectiveComparisonDocument,
    "\n  mutation AddActionItem(\n    $mentorshipId: ID!\n    $title: String!\n    $ownerPersonId: ID!\n    $dueDate: String!\n    $timezone: String!\n    $goalId: ID\n  ) {\n    addActionItem(\n      mentorshipId: $mentorshipId\n      title: $title\n      ownerPersonId: $ownerPersonId\n      dueDate: $dueDate\n      timezone: $timezone\n      goalId: $goalId\n    ) {\n      mentorshipId\n      ...ActionItemsPanel_engagement\n    }\n  }\n": types.AddActionItemDocument,
    "\n  mutation CompleteActionItem($mentorshipId: ID!, $actionItemId: ID!) {\n    completeActionItem(mentorshipId: $mentorshipId, actionItemId: $actionItemId) {\n      mentorshipId\n      ...ActionItemsPanel_engagement\n    }\n  }\n": types.CompleteActionItemDocument,
    "\n  mutation ProposeAgreement($mentorshipId: ID!, $agreement: AgreementInput!) {\n    proposeAgreement(mentorshipId: $mentorshipId, agreement: $agreement) {\n      mentorshipId\n      ...AgreementPanel_engagement\n    }\n  }\n": types.ProposeAgreementDocument,
    "\n  mutation AmendAgreement($mentorshipId: ID!, $agreement: AgreementInput!) {\n    amendAgreement(mentorshipId: $mentorshipId, agreement: $agreement) {\n      mentorshipId\n      ...AgreementPanel_engagement\n    }\n  }\n": types.AmendAgreementDocument,
    "\n  mutation SignAgreement($mentorshipId: ID!, $version: Int!) {\n    signAgreement(mentorshipId: $mentorshipId, version: $version) {\n      mentorshipId\n      ...AgreementPanel_engagement\n    }\n  }\n": types.SignAgreementDocument,
    "\n  query ClashingSession($id: ID!) {\n    session(id: $id) {\n      id\n      title\n      startsAt\n      endsAt\n    }\n  }\n": types.ClashingSessionDocument,
    "\n  mutation SetGoal(\n    $mentorshipId: ID!\n    $title: String!\n    $targetDate: String!\n    $timezone: String!\n    $milestones: [MilestoneInput!]\n  ) {\n    setGoal(\n      mentorshipId: $mentorshipId\n      title: $title\n      targetDate: $targetDate\n      timezone: $timezone\n      milestones: $milestones\n    ) {\n      mentorshipId\n      ...GoalsPanel_engagement\n    }\n  }\n": types.SetGoalDocument,
    "\n  mutation AddMilestone($mentorshipId: ID!, $goalId: ID!, $title: String!, $targetDate: String, $timezone: String!) {\n    addMilestone(\n      mentorshipId: $mentorshipId\n      goalId: $goalId\n      title: $title\n      targetDate: $targetDate\n      timezone: $timezone\n    ) {\n      mentorshipId\n      ...GoalsPanel_engagement\n    }\n  }\n": types.AddMilestoneDocument,
    "\n  mutation ReachMilestone($mentorshipId: ID!, $goalId: ID!, $milestoneId: ID!) {\n    reachMilestone(mentorshipId: $mentorshipId, goalId: $goalId, milestoneId: $milestoneId) {\n      mentorshipId\n      ...GoalsPanel_engagement\n    }\n  }\n": types.ReachMilestoneDocument,
    "\n  mutation UpdateGoalProgress($mentorshipId: ID!, $goalId: ID!, $progressPercent: Int!, $note: String) {\n    updateGoalProgress(mentorshipId: $mentorshipId, goalId: $goalId, progressPercent: $progressPercent, note: $note) {\n      mentorshipId\n      ...GoalsPanel_engagement\n    }\n  }\n": types.UpdateGoalProgressDocument,
    "\n  mutation AchieveGoal($mentorshipId: ID!, $goalId: ID!) {\n    achieveGoal(mentorshipId: $mentorshipId, goalId: $goalId) {\n      mentorshipId\n      ...GoalsPanel_engagement\n    }\n  }\n": types.AchieveGoalDocument,
    "\n  mutation EndMentorship($mentorshipId: ID!, $reason: MentorshipEndReason!, $reflection: String) {\n    endMentorship(mentorshipId: $mentorshipId, reason: $reason, reflection: $reflection)\n  }\n": types.EndMentorshipDocument,
    "\n  mutation RequestRematch($mentorshipId: ID!, $reflection: String) {\n    requestRematch(mentorshipId: $mentorshipId, reflection: $reflection)\n  }\n": types.RequestRematchDocument,
    "\n  mutation WriteReflection($mentorshipId: ID!, $text: String!) {\n    writeReflection(mentorshipId: $mentorshipId, text: $text) {\n      mentorshipId\n      ...ReflectionsPanel_engagement\n    }\n  }\n": types.WriteReflectionDocument,
    "\n  mutation RecommendResource($mentorshipId: ID!, $kind: ResourceKind!, $title: String!, $link: String) {\n    recommendResource(mentorshipId: $mentorshipId, kind: $kind, title: $title, link: $link) {\n      mentorshipId\n      ...ResourcesPanel_engagement\n    }\n  }\n": types.RecommendResourceDocument,
    "\n  mutation ScheduleSession($input: ScheduleSessionInput!, $commandId: ID) {\n    scheduleSession(input: $input, commandId: $commandId) {\n      id\n    }\n  }\n": types.ScheduleSessionDocument,
    "\n  mutation RescheduleSession(\n    $id: ID!\n    $startsAt: String!\n    $endsAt: String!\n    $timezone: String\n    $overrideAvailability: Boolean!\n    $viewerTimeZone: String\n  ) {\n    rescheduleSession(\n      id: $id\n      startsAt: $startsAt\n      endsAt: $endsAt\n      timezone: $timezone\n      overrideAvailability: $overrideAvailability\n      viewerTimeZone: $viewerTimeZone\n    ) {\n      id\n      ...SessionDetails_session\n    }\n  }\n": types.RescheduleSessionDocument,
    "\n  mutation RespondToSession($id: ID!, $response: RsvpResponse!, $viewerTimeZone: String) {\n    respondToSession(id: $id, response: $response, viewerTimeZone: $viewerTimeZone) {\n      id\n      ...SessionDetails_session\n    }\n  }\n": types.RespondToSessionDocument,
    "\n  mutation CancelSession($id: ID!, $reason: CancellationReason!, $viewerTimeZone: String) {\n    cancelSession(id: $id, reason: $reason, viewerTimeZone: $viewerTimeZone) {\n      id\n      ...SessionDetails_session\n    }\n  }\n": types.CancelSessionDocument,
    "\n  mutation CompleteSession($id: ID!, $viewerTimeZone: String) {\n    completeSession(id: $id, viewerTimeZone: $viewerTimeZone) {\n      id\n      ...SessionDetails_session\n    }\n  }\n": types.CompleteSessionDocument,
    "\n  mutation WriteSharedNotes($id: ID!, $text: String!, $viewerTimeZone: String) {\n    writeSharedNotes(id: $id, text: $text, viewerTimeZone: $viewerTimeZone) {\n      id\n      ...SessionDetails_session\n    }\n  }\n": types.WriteSharedNotesDocument,
    "\n  mutation WritePrivateNote($id: ID!, $text: String!, $noteId: ID, $viewerTimeZone: String) {\n    writePrivateNote(id: $id, text: $text, noteId: $noteId, viewerTimeZone: $viewerTimeZone) {\n      id\n      ...SessionDetails_session\n    }\n  }\n": types.WritePrivateNoteDocument,
    "\n  mutation SubmitSessionFeedback(\n    $id: ID!\n    $rating: Int!\n    $wentWell: String\n    $toImprove: String\n    $comment: String\n    $viewerTimeZone: String\n  ) {\n    submitSessionFeedback(\n      id: $id\n      rating: $rating\n      wentWell: $wentWell\n      toImprove: $toImprove\n      comment: $comment\n      viewerTimeZone: $viewerTimeZone\n    ) {\n      id\n      ...SessionDetails_session\n    }\n  }\n": types.SubmitSessionFeedbackDocument,
    "\n  query SessionPage($id: ID!, $viewerTimeZone: String!) {\n    me {\n      personId\n    }\n    session(id: $id, viewerTimeZone: $viewerTimeZone) {\n      id\n      ...SessionDetails_session\n    }\n  }\n": types.SessionPageDocument,
    "\n  fragment SessionDetails_session on Session {\n    id\n    title\n    status\n    kind\n    mode\n    place\n    startsAt\n    endsAt\n    timezone\n    hostPersonId\n    mentorshipId\n    myRsvp\n    completedAt\n    cancellationReason\n    attendees {\n      personId\n      host\n      rsvp\n      attendance\n      participant {\n        displayName\n        timezone\n        ...PersonSummary_participant\n      }\n    }\n    sharedNotes {\n      text\n      authorPersonId\n      writtenAt\n    }\n    myPrivateNotes {\n      id\n      text\n      writtenAt\n    }\n    feedback {\n      personId\n      rating\n      wentWell\n      toImprove\n      comment\n      submittedAt\n    }\n    feedbackSummary {\n      averageRating\n      count\n    }\n  }\n": types.SessionDetails_SessionFragmentDoc,
    "\n  query SessionCalendar($id: ID!) {\n    sessionCalendar(id: $id)\n  }\n": types.SessionCalendarDocument,
    "\n  query Workspace($mentorshipId: ID!, $viewerTimeZone: String!) {\n    me {\n      personId\n    }\n    engagement(mentorshipId: $mentorshipId, viewerTimeZone: $viewerTimeZone) {\n      mentorshipId\n      programId\n      status\n      viewerRole\n      mentorPersonId\n      menteePersonId\n      mentor {\n        ...PersonSummary_participant\n        ...WorkspacePerson_participant\n      }\n      mentee {\n        ...PersonSummary_participant\n        ...WorkspacePerson_participant\n      }\n      ...ActionItemsPanel_engagement\n      ...AgreementPanel_engagement\n      ...GoalsPanel_engagement\n      ...ReflectionsPanel_engagement\n      ...ResourcesPanel_engagement\n      ...SessionsPanel_engagement\n    }\n  }\n": types.WorkspaceDocument,
    "\n  fragment WorkspacePerson_participant on Participant {\n    personId\n    displayName\n    timezone\n    availability {\n      day\n      startMinute\n      endMinute\n    }\n  }\n": types.WorkspacePerson_ParticipantFragmentDoc,
    "\n  fragment ActionItemCard_actionItem on ActionItem {\n    id\n    title\n    ownerPersonId\n    dueDate\n    done\n    completedAt\n    goalId\n  }\n": types.ActionItemCard_ActionItemFragmentDoc,
    "\n  fragment ActionItemsPanel_engagement on Engagement {\n    mentorshipId\n    status\n    viewerRole\n    mentorPersonId\n    menteePersonId\n    goals {\n      id\n      title\n      status\n    }\n    actionItems {\n      id\n      title\n      dueDate\n      done\n      completedAt\n      goalId\n      ...ActionItemCard_actionItem\n    }\n  }\n": types.ActionItemsPanel_EngagementFragmentDoc,
    "\n  fragment AgreementPanel_engagement on Engagement {\n    mentorshipId\n    status\n    viewerRole\n    agreements {\n      ...AgreementVersionFields\n    }\n  }\n": types.AgreementPanel_EngagementFragmentDoc,
    "\n  fragment AgreementVersionFields on AgreementVersion {\n    version\n    status\n    cadence\n    sessionMinutes\n    durationMonths\n    channels\n    expectations\n    boundaries\n    confidentiality\n    proposedAt\n    proposedByPersonId\n    signedBy\n    inEffectSince\n  }\n": types.AgreementVersionFieldsFragmentDoc,
    "\n  fragment GoalCard_goal on Goal {\n    id\n    title\n    status\n    targetDate\n    progressPercent\n    ownerPersonId\n    milestones {\n      id\n      title\n      targetDate\n      reachedAt\n    }\n  }\n": types.GoalCard_GoalFragmentDoc,
    "\n  fragment GoalsPanel_engagement on Engagement {\n    mentorshipId\n    status\n    viewerRole\n    goals {\n      id\n      ...GoalCard_goal\n    }\n  }\n": types.GoalsPanel_EngagementFragmentDoc,
    "\n  fragment ReflectionsPanel_engagement on Engagement {\n    mentorshipId\n    status\n    viewerRole\n    myReflections {\n      id\n      text\n      updatedAt\n    }\n  }\n": types.ReflectionsPanel_EngagementFragmentDoc,
    "\n  fragment ResourceCard_resource on Resource {\n    id\n    kind\n    title\n    link\n  }\n": types.ResourceCard_ResourceFragmentDoc,
    "\n  fragment ResourcesPanel_engagement on Engagement {\n    mentorshipId\n    status\n    viewerRole\n    resources {\n      id\n      ...ResourceCard_resource\n    }\n  }\n": types.ResourcesPanel_EngagementFragmentDoc,
    "\n  fragment SessionListItem_session on Session {\n    id\n    title\n    status\n    startsAt\n    endsAt\n    mode\n    myRsvp\n  }\n": types.SessionListItem_SessionFragmentDoc,
    "\n  fragment SessionsPanel_engagement on Engagement {\n    mentorshipId\n    status\n    viewerRole\n    agreements {\n      status\n      sessionMinutes\n    }\n    sessions {\n      id\n      status\n      startsAt\n      ...SessionListItem_session\n    }\n  }\n": types.SessionsPanel_EngagementFragmentDoc,
    "\n  subscription MyEvents {\n    myEvents {\n      id\n      type\n      programId\n    }\n  }\n": types.MyEventsDocument,
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
export function graphql(source: "\n  fragment PersonSummary_participant on Participant {\n    id\n    displayName\n    headline\n    initials\n  }\n"): (typeof documents)["\n  fragment PersonSummary_participant on Participant {\n    id\n    displayName\n    headline\n    initials\n  }\n"];
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
export function graphql(source: "\n  query Inbox($first: Int!, $after: String, $unreadOnly: Boolean!, $timeZone: String!) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly, timeZone: $timeZone) {\n      edges {\n        cursor\n        node {\n          id\n          ...NotificationItem_notification\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query Inbox($first: Int!, $after: String, $unreadOnly: Boolean!, $timeZone: String!) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly, timeZone: $timeZone) {\n      edges {\n        cursor\n        node {\n          id\n          ...NotificationItem_notification\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"): (typeof documents)["\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      id\n      readAt\n    }\n  }\n"): (typeof documents)["\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      id\n      readAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n"): (typeof documents)["\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationItem_notification on Notification {\n    id\n    title\n    lines\n    link\n    createdAt\n    readAt\n  }\n"): (typeof documents)["\n  fragment NotificationItem_notification on Notification {\n    id\n    title\n    lines\n    link\n    createdAt\n    readAt\n  }\n"];
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
export function graphql(source: "\n  query NotificationPreferencesPage {\n    notificationPreferences {\n      ...PreferencesForm_preferences\n    }\n    me {\n      personId\n      participations {\n        id\n        timezone\n      }\n    }\n  }\n"): (typeof documents)["\n  query NotificationPreferencesPage {\n    notificationPreferences {\n      ...PreferencesForm_preferences\n    }\n    me {\n      personId\n      participations {\n        id\n        timezone\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PreferencesForm_preferences on NotificationPreferences {\n    channels {\n      category\n      inApp\n      email\n    }\n    digest\n    quietHours {\n      startMinute\n      endMinute\n    }\n    dailyEmailBudget\n    unsubscribed\n  }\n"): (typeof documents)["\n  fragment PreferencesForm_preferences on NotificationPreferences {\n    channels {\n      category\n      inApp\n      email\n    }\n    digest\n    quietHours {\n      startMinute\n      endMinute\n    }\n    dailyEmailBudget\n    unsubscribed\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNotificationPreferences($input: NotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) {\n      ...PreferencesForm_preferences\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateNotificationPreferences($input: NotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) {\n      ...PreferencesForm_preferences\n    }\n  }\n"];
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NeedsYou {\n    me {\n      personId\n    }\n    myProposals {\n      id\n      status\n      programId\n      respondBy\n      mentorPersonId\n      mentorAccepted\n      menteeAccepted\n      ...ProposalCard_proposal\n    }\n    myMentorshipRequests {\n      id\n      status\n      programId\n      mentorPersonId\n      expiresAt\n      ...WaitingRequest_request\n    }\n    programs {\n      id\n      name\n    }\n    unreadNotificationCount\n  }\n"): (typeof documents)["\n  query NeedsYou {\n    me {\n      personId\n    }\n    myProposals {\n      id\n      status\n      programId\n      respondBy\n      mentorPersonId\n      mentorAccepted\n      menteeAccepted\n      ...ProposalCard_proposal\n    }\n    myMentorshipRequests {\n      id\n      status\n      programId\n      mentorPersonId\n      expiresAt\n      ...WaitingRequest_request\n    }\n    programs {\n      id\n      name\n    }\n    unreadNotificationCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProposalPage {\n    me {\n      personId\n    }\n    myProposals {\n      id\n      programId\n      ...ProposalCard_proposal\n    }\n    programs {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query ProposalPage {\n    me {\n      personId\n    }\n    myProposals {\n      id\n      programId\n      ...ProposalCard_proposal\n    }\n    programs {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RequestProgram {\n    myMentorshipRequests {\n      id\n      programId\n    }\n  }\n"): (typeof documents)["\n  query RequestProgram {\n    myMentorshipRequests {\n      id\n      programId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptProposal($proposalId: ID!) {\n    acceptProposal(proposalId: $proposalId) {\n      mentorshipId\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptProposal($proposalId: ID!) {\n    acceptProposal(proposalId: $proposalId) {\n      mentorshipId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineProposal($proposalId: ID!, $reason: DeclineReason!, $comment: String) {\n    declineProposal(proposalId: $proposalId, reason: $reason, comment: $comment) {\n      id\n      status\n      mentorAccepted\n      menteeAccepted\n    }\n  }\n"): (typeof documents)["\n  mutation DeclineProposal($proposalId: ID!, $reason: DeclineReason!, $comment: String) {\n    declineProposal(proposalId: $proposalId, reason: $reason, comment: $comment) {\n      id\n      status\n      mentorAccepted\n      menteeAccepted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProposalCard_proposal on Proposal {\n    id\n    status\n    programId\n    respondBy\n    mentorPersonId\n    mentorAccepted\n    menteeAccepted\n    mentor {\n      ...PersonSummary_participant\n    }\n    mentee {\n      ...PersonSummary_participant\n    }\n  }\n"): (typeof documents)["\n  fragment ProposalCard_proposal on Proposal {\n    id\n    status\n    programId\n    respondBy\n    mentorPersonId\n    mentorAccepted\n    menteeAccepted\n    mentor {\n      ...PersonSummary_participant\n    }\n    mentee {\n      ...PersonSummary_participant\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WaitingRequest_request on MentorshipRequest {\n    id\n    programId\n    expiresAt\n    mentee {\n      ...PersonSummary_participant\n    }\n  }\n"): (typeof documents)["\n  fragment WaitingRequest_request on MentorshipRequest {\n    id\n    programId\n    expiresAt\n    mentee {\n      ...PersonSummary_participant\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RoundConsole_round on MatchingRound {\n    id\n    programId\n    cohortId\n    status\n    objective\n    iteration\n    coverage\n    meanScore\n    minScore\n    pairs {\n      menteePersonId\n      mentorPersonId\n      score\n      locked\n      manual\n      factors {\n        name\n        value\n        weight\n        contribution\n      }\n      mentee {\n        id\n        displayName\n      }\n      mentor {\n        id\n        displayName\n      }\n    }\n    unmatched {\n      menteePersonId\n      reason\n      mentee {\n        id\n        displayName\n      }\n    }\n    overrides {\n      type\n      byPersonId\n      menteePersonId\n      reason\n    }\n  }\n"): (typeof documents)["\n  fragment RoundConsole_round on MatchingRound {\n    id\n    programId\n    cohortId\n    status\n    objective\n    iteration\n    coverage\n    meanScore\n    minScore\n    pairs {\n      menteePersonId\n      mentorPersonId\n      score\n      locked\n      manual\n      factors {\n        name\n        value\n        weight\n        contribution\n      }\n      mentee {\n        id\n        displayName\n      }\n      mentor {\n        id\n        displayName\n      }\n    }\n    unmatched {\n      menteePersonId\n      reason\n      mentee {\n        id\n        displayName\n      }\n    }\n    overrides {\n      type\n      byPersonId\n      menteePersonId\n      reason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartMatchingRound($programId: ID!, $cohortId: ID, $objective: MatchingObjective, $commandId: ID) {\n    startMatchingRound(programId: $programId, cohortId: $cohortId, objective: $objective, commandId: $commandId) {\n      id\n      ...RoundConsole_round\n    }\n  }\n"): (typeof documents)["\n  mutation StartMatchingRound($programId: ID!, $cohortId: ID, $objective: MatchingObjective, $commandId: ID) {\n    startMatchingRound(programId: $programId, cohortId: $cohortId, objective: $objective, commandId: $commandId) {\n      id\n      ...RoundConsole_round\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LockRoundPair($roundId: ID!, $menteePersonId: ID!, $reason: RoundOverrideReason!) {\n    lockRoundPair(roundId: $roundId, menteePersonId: $menteePersonId, reason: $reason) {\n      id\n      ...RoundConsole_round\n    }\n  }\n"): (typeof documents)["\n  mutation LockRoundPair($roundId: ID!, $menteePersonId: ID!, $reason: RoundOverrideReason!) {\n    lockRoundPair(roundId: $roundId, menteePersonId: $menteePersonId, reason: $reason) {\n      id\n      ...RoundConsole_round\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlockRoundPair($roundId: ID!, $menteePersonId: ID!) {\n    unlockRoundPair(roundId: $roundId, menteePersonId: $menteePersonId) {\n      id\n      ...RoundConsole_round\n    }\n  }\n"): (typeof documents)["\n  mutation UnlockRoundPair($roundId: ID!, $menteePersonId: ID!) {\n    unlockRoundPair(roundId: $roundId, menteePersonId: $menteePersonId) {\n      id\n      ...RoundConsole_round\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveRoundPair($roundId: ID!, $menteePersonId: ID!, $reason: RoundOverrideReason!) {\n    removeRoundPair(roundId: $roundId, menteePersonId: $menteePersonId, reason: $reason) {\n      id\n      ...RoundConsole_round\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveRoundPair($roundId: ID!, $menteePersonId: ID!, $reason: RoundOverrideReason!) {\n    removeRoundPair(roundId: $roundId, menteePersonId: $menteePersonId, reason: $reason) {\n      id\n      ...RoundConsole_round\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddRoundPair($roundId: ID!, $menteePersonId: ID!, $mentorPersonId: ID!, $reason: RoundOverrideReason!) {\n    addRoundPair(roundId: $roundId, menteePersonId: $menteePersonId, mentorPersonId: $mentorPersonId, reason: $reason) {\n      id\n      ...RoundConsole_round\n    }\n  }\n"): (typeof documents)["\n  mutation AddRoundPair($roundId: ID!, $menteePersonId: ID!, $mentorPersonId: ID!, $reason: RoundOverrideReason!) {\n    addRoundPair(roundId: $roundId, menteePersonId: $menteePersonId, mentorPersonId: $mentorPersonId, reason: $reason) {\n      id\n      ...RoundConsole_round\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SwapRoundMentors($roundId: ID!, $menteeA: ID!, $menteeB: ID!, $reason: RoundOverrideReason!) {\n    swapRoundMentors(roundId: $roundId, menteeA: $menteeA, menteeB: $menteeB, reason: $reason) {\n      id\n      ...RoundConsole_round\n    }\n  }\n"): (typeof documents)["\n  mutation SwapRoundMentors($roundId: ID!, $menteeA: ID!, $menteeB: ID!, $reason: RoundOverrideReason!) {\n    swapRoundMentors(roundId: $roundId, menteeA: $menteeA, menteeB: $menteeB, reason: $reason) {\n      id\n      ...RoundConsole_round\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecomputeMatchingRound($roundId: ID!) {\n    recomputeMatchingRound(roundId: $roundId) {\n      id\n      ...RoundConsole_round\n    }\n  }\n"): (typeof documents)["\n  mutation RecomputeMatchingRound($roundId: ID!) {\n    recomputeMatchingRound(roundId: $roundId) {\n      id\n      ...RoundConsole_round\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishMatchingRound($roundId: ID!, $respondWithinDays: Int!) {\n    publishMatchingRound(roundId: $roundId, respondWithinDays: $respondWithinDays) {\n      id\n      ...RoundConsole_round\n    }\n  }\n"): (typeof documents)["\n  mutation PublishMatchingRound($roundId: ID!, $respondWithinDays: Int!) {\n    publishMatchingRound(roundId: $roundId, respondWithinDays: $respondWithinDays) {\n      id\n      ...RoundConsole_round\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DiscardMatchingRound($roundId: ID!) {\n    discardMatchingRound(roundId: $roundId) {\n      id\n      ...RoundConsole_round\n    }\n  }\n"): (typeof documents)["\n  mutation DiscardMatchingRound($roundId: ID!) {\n    discardMatchingRound(roundId: $roundId) {\n      id\n      ...RoundConsole_round\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoundsProgram($programId: ID!) {\n    program(id: $programId) {\n      id\n      name\n      matchingRules {\n        objective\n      }\n      cohorts {\n        cohortId\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query RoundsProgram($programId: ID!) {\n    program(id: $programId) {\n      id\n      name\n      matchingRules {\n        objective\n      }\n      cohorts {\n        cohortId\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MatchingRoundConsole($roundId: ID!) {\n    me {\n      personId\n    }\n    matchingRound(id: $roundId) {\n      id\n      ...RoundConsole_round\n    }\n  }\n"): (typeof documents)["\n  query MatchingRoundConsole($roundId: ID!) {\n    me {\n      personId\n    }\n    matchingRound(id: $roundId) {\n      id\n      ...RoundConsole_round\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoundObjectiveComparison($roundId: ID!) {\n    bestTotal: compareMatchingRound(roundId: $roundId, objective: BEST_TOTAL, first: 0) {\n      roundId\n      metricsAfter {\n        coverage\n        meanScore\n        minScore\n        matched\n        unmatched\n      }\n    }\n    fairest: compareMatchingRound(roundId: $roundId, objective: FAIREST, first: 0) {\n      roundId\n      metricsAfter {\n        coverage\n        meanScore\n        minScore\n        matched\n        unmatched\n      }\n    }\n    mostMatched: compareMatchingRound(roundId: $roundId, objective: MOST_MATCHED, first: 0) {\n      roundId\n      metricsAfter {\n        coverage\n        meanScore\n        minScore\n        matched\n        unmatched\n      }\n    }\n  }\n"): (typeof documents)["\n  query RoundObjectiveComparison($roundId: ID!) {\n    bestTotal: compareMatchingRound(roundId: $roundId, objective: BEST_TOTAL, first: 0) {\n      roundId\n      metricsAfter {\n        coverage\n        meanScore\n        minScore\n        matched\n        unmatched\n      }\n    }\n    fairest: compareMatchingRound(roundId: $roundId, objective: FAIREST, first: 0) {\n      roundId\n      metricsAfter {\n        coverage\n        meanScore\n        minScore\n        matched\n        unmatched\n      }\n    }\n    mostMatched: compareMatchingRound(roundId: $roundId, objective: MOST_MATCHED, first: 0) {\n      roundId\n      metricsAfter {\n        coverage\n        meanScore\n        minScore\n        matched\n        unmatched\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddActionItem(\n    $mentorshipId: ID!\n    $title: String!\n    $ownerPersonId: ID!\n    $dueDate: String!\n    $timezone: String!\n    $goalId: ID\n  ) {\n    addActionItem(\n      mentorshipId: $mentorshipId\n      title: $title\n      ownerPersonId: $ownerPersonId\n      dueDate: $dueDate\n      timezone: $timezone\n      goalId: $goalId\n    ) {\n      mentorshipId\n      ...ActionItemsPanel_engagement\n    }\n  }\n"): (typeof documents)["\n  mutation AddActionItem(\n    $mentorshipId: ID!\n    $title: String!\n    $ownerPersonId: ID!\n    $dueDate: String!\n    $timezone: String!\n    $goalId: ID\n  ) {\n    addActionItem(\n      mentorshipId: $mentorshipId\n      title: $title\n      ownerPersonId: $ownerPersonId\n      dueDate: $dueDate\n      timezone: $timezone\n      goalId: $goalId\n    ) {\n      mentorshipId\n      ...ActionItemsPanel_engagement\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteActionItem($mentorshipId: ID!, $actionItemId: ID!) {\n    completeActionItem(mentorshipId: $mentorshipId, actionItemId: $actionItemId) {\n      mentorshipId\n      ...ActionItemsPanel_engagement\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteActionItem($mentorshipId: ID!, $actionItemId: ID!) {\n    completeActionItem(mentorshipId: $mentorshipId, actionItemId: $actionItemId) {\n      mentorshipId\n      ...ActionItemsPanel_engagement\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProposeAgreement($mentorshipId: ID!, $agreement: AgreementInput!) {\n    proposeAgreement(mentorshipId: $mentorshipId, agreement: $agreement) {\n      mentorshipId\n      ...AgreementPanel_engagement\n    }\n  }\n"): (typeof documents)["\n  mutation ProposeAgreement($mentorshipId: ID!, $agreement: AgreementInput!) {\n    proposeAgreement(mentorshipId: $mentorshipId, agreement: $agreement) {\n      mentorshipId\n      ...AgreementPanel_engagement\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AmendAgreement($mentorshipId: ID!, $agreement: AgreementInput!) {\n    amendAgreement(mentorshipId: $mentorshipId, agreement: $agreement) {\n      mentorshipId\n      ...AgreementPanel_engagement\n    }\n  }\n"): (typeof documents)["\n  mutation AmendAgreement($mentorshipId: ID!, $agreement: AgreementInput!) {\n    amendAgreement(mentorshipId: $mentorshipId, agreement: $agreement) {\n      mentorshipId\n      ...AgreementPanel_engagement\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignAgreement($mentorshipId: ID!, $version: Int!) {\n    signAgreement(mentorshipId: $mentorshipId, version: $version) {\n      mentorshipId\n      ...AgreementPanel_engagement\n    }\n  }\n"): (typeof documents)["\n  mutation SignAgreement($mentorshipId: ID!, $version: Int!) {\n    signAgreement(mentorshipId: $mentorshipId, version: $version) {\n      mentorshipId\n      ...AgreementPanel_engagement\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClashingSession($id: ID!) {\n    session(id: $id) {\n      id\n      title\n      startsAt\n      endsAt\n    }\n  }\n"): (typeof documents)["\n  query ClashingSession($id: ID!) {\n    session(id: $id) {\n      id\n      title\n      startsAt\n      endsAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetGoal(\n    $mentorshipId: ID!\n    $title: String!\n    $targetDate: String!\n    $timezone: String!\n    $milestones: [MilestoneInput!]\n  ) {\n    setGoal(\n      mentorshipId: $mentorshipId\n      title: $title\n      targetDate: $targetDate\n      timezone: $timezone\n      milestones: $milestones\n    ) {\n      mentorshipId\n      ...GoalsPanel_engagement\n    }\n  }\n"): (typeof documents)["\n  mutation SetGoal(\n    $mentorshipId: ID!\n    $title: String!\n    $targetDate: String!\n    $timezone: String!\n    $milestones: [MilestoneInput!]\n  ) {\n    setGoal(\n      mentorshipId: $mentorshipId\n      title: $title\n      targetDate: $targetDate\n      timezone: $timezone\n      milestones: $milestones\n    ) {\n      mentorshipId\n      ...GoalsPanel_engagement\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddMilestone($mentorshipId: ID!, $goalId: ID!, $title: String!, $targetDate: String, $timezone: String!) {\n    addMilestone(\n      mentorshipId: $mentorshipId\n      goalId: $goalId\n      title: $title\n      targetDate: $targetDate\n      timezone: $timezone\n    ) {\n      mentorshipId\n      ...GoalsPanel_engagement\n    }\n  }\n"): (typeof documents)["\n  mutation AddMilestone($mentorshipId: ID!, $goalId: ID!, $title: String!, $targetDate: String, $timezone: String!) {\n    addMilestone(\n      mentorshipId: $mentorshipId\n      goalId: $goalId\n      title: $title\n      targetDate: $targetDate\n      timezone: $timezone\n    ) {\n      mentorshipId\n      ...GoalsPanel_engagement\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReachMilestone($mentorshipId: ID!, $goalId: ID!, $milestoneId: ID!) {\n    reachMilestone(mentorshipId: $mentorshipId, goalId: $goalId, milestoneId: $milestoneId) {\n      mentorshipId\n      ...GoalsPanel_engagement\n    }\n  }\n"): (typeof documents)["\n  mutation ReachMilestone($mentorshipId: ID!, $goalId: ID!, $milestoneId: ID!) {\n    reachMilestone(mentorshipId: $mentorshipId, goalId: $goalId, milestoneId: $milestoneId) {\n      mentorshipId\n      ...GoalsPanel_engagement\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateGoalProgress($mentorshipId: ID!, $goalId: ID!, $progressPercent: Int!, $note: String) {\n    updateGoalProgress(mentorshipId: $mentorshipId, goalId: $goalId, progressPercent: $progressPercent, note: $note) {\n      mentorshipId\n      ...GoalsPanel_engagement\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateGoalProgress($mentorshipId: ID!, $goalId: ID!, $progressPercent: Int!, $note: String) {\n    updateGoalProgress(mentorshipId: $mentorshipId, goalId: $goalId, progressPercent: $progressPercent, note: $note) {\n      mentorshipId\n      ...GoalsPanel_engagement\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AchieveGoal($mentorshipId: ID!, $goalId: ID!) {\n    achieveGoal(mentorshipId: $mentorshipId, goalId: $goalId) {\n      mentorshipId\n      ...GoalsPanel_engagement\n    }\n  }\n"): (typeof documents)["\n  mutation AchieveGoal($mentorshipId: ID!, $goalId: ID!) {\n    achieveGoal(mentorshipId: $mentorshipId, goalId: $goalId) {\n      mentorshipId\n      ...GoalsPanel_engagement\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndMentorship($mentorshipId: ID!, $reason: MentorshipEndReason!, $reflection: String) {\n    endMentorship(mentorshipId: $mentorshipId, reason: $reason, reflection: $reflection)\n  }\n"): (typeof documents)["\n  mutation EndMentorship($mentorshipId: ID!, $reason: MentorshipEndReason!, $reflection: String) {\n    endMentorship(mentorshipId: $mentorshipId, reason: $reason, reflection: $reflection)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestRematch($mentorshipId: ID!, $reflection: String) {\n    requestRematch(mentorshipId: $mentorshipId, reflection: $reflection)\n  }\n"): (typeof documents)["\n  mutation RequestRematch($mentorshipId: ID!, $reflection: String) {\n    requestRematch(mentorshipId: $mentorshipId, reflection: $reflection)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WriteReflection($mentorshipId: ID!, $text: String!) {\n    writeReflection(mentorshipId: $mentorshipId, text: $text) {\n      mentorshipId\n      ...ReflectionsPanel_engagement\n    }\n  }\n"): (typeof documents)["\n  mutation WriteReflection($mentorshipId: ID!, $text: String!) {\n    writeReflection(mentorshipId: $mentorshipId, text: $text) {\n      mentorshipId\n      ...ReflectionsPanel_engagement\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecommendResource($mentorshipId: ID!, $kind: ResourceKind!, $title: String!, $link: String) {\n    recommendResource(mentorshipId: $mentorshipId, kind: $kind, title: $title, link: $link) {\n      mentorshipId\n      ...ResourcesPanel_engagement\n    }\n  }\n"): (typeof documents)["\n  mutation RecommendResource($mentorshipId: ID!, $kind: ResourceKind!, $title: String!, $link: String) {\n    recommendResource(mentorshipId: $mentorshipId, kind: $kind, title: $title, link: $link) {\n      mentorshipId\n      ...ResourcesPanel_engagement\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScheduleSession($input: ScheduleSessionInput!, $commandId: ID) {\n    scheduleSession(input: $input, commandId: $commandId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ScheduleSession($input: ScheduleSessionInput!, $commandId: ID) {\n    scheduleSession(input: $input, commandId: $commandId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RescheduleSession(\n    $id: ID!\n    $startsAt: String!\n    $endsAt: String!\n    $timezone: String\n    $overrideAvailability: Boolean!\n    $viewerTimeZone: String\n  ) {\n    rescheduleSession(\n      id: $id\n      startsAt: $startsAt\n      endsAt: $endsAt\n      timezone: $timezone\n      overrideAvailability: $overrideAvailability\n      viewerTimeZone: $viewerTimeZone\n    ) {\n      id\n      ...SessionDetails_session\n    }\n  }\n"): (typeof documents)["\n  mutation RescheduleSession(\n    $id: ID!\n    $startsAt: String!\n    $endsAt: String!\n    $timezone: String\n    $overrideAvailability: Boolean!\n    $viewerTimeZone: String\n  ) {\n    rescheduleSession(\n      id: $id\n      startsAt: $startsAt\n      endsAt: $endsAt\n      timezone: $timezone\n      overrideAvailability: $overrideAvailability\n      viewerTimeZone: $viewerTimeZone\n    ) {\n      id\n      ...SessionDetails_session\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RespondToSession($id: ID!, $response: RsvpResponse!, $viewerTimeZone: String) {\n    respondToSession(id: $id, response: $response, viewerTimeZone: $viewerTimeZone) {\n      id\n      ...SessionDetails_session\n    }\n  }\n"): (typeof documents)["\n  mutation RespondToSession($id: ID!, $response: RsvpResponse!, $viewerTimeZone: String) {\n    respondToSession(id: $id, response: $response, viewerTimeZone: $viewerTimeZone) {\n      id\n      ...SessionDetails_session\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelSession($id: ID!, $reason: CancellationReason!, $viewerTimeZone: String) {\n    cancelSession(id: $id, reason: $reason, viewerTimeZone: $viewerTimeZone) {\n      id\n      ...SessionDetails_session\n    }\n  }\n"): (typeof documents)["\n  mutation CancelSession($id: ID!, $reason: CancellationReason!, $viewerTimeZone: String) {\n    cancelSession(id: $id, reason: $reason, viewerTimeZone: $viewerTimeZone) {\n      id\n      ...SessionDetails_session\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteSession($id: ID!, $viewerTimeZone: String) {\n    completeSession(id: $id, viewerTimeZone: $viewerTimeZone) {\n      id\n      ...SessionDetails_session\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteSession($id: ID!, $viewerTimeZone: String) {\n    completeSession(id: $id, viewerTimeZone: $viewerTimeZone) {\n      id\n      ...SessionDetails_session\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WriteSharedNotes($id: ID!, $text: String!, $viewerTimeZone: String) {\n    writeSharedNotes(id: $id, text: $text, viewerTimeZone: $viewerTimeZone) {\n      id\n      ...SessionDetails_session\n    }\n  }\n"): (typeof documents)["\n  mutation WriteSharedNotes($id: ID!, $text: String!, $viewerTimeZone: String) {\n    writeSharedNotes(id: $id, text: $text, viewerTimeZone: $viewerTimeZone) {\n      id\n      ...SessionDetails_session\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WritePrivateNote($id: ID!, $text: String!, $noteId: ID, $viewerTimeZone: String) {\n    writePrivateNote(id: $id, text: $text, noteId: $noteId, viewerTimeZone: $viewerTimeZone) {\n      id\n      ...SessionDetails_session\n    }\n  }\n"): (typeof documents)["\n  mutation WritePrivateNote($id: ID!, $text: String!, $noteId: ID, $viewerTimeZone: String) {\n    writePrivateNote(id: $id, text: $text, noteId: $noteId, viewerTimeZone: $viewerTimeZone) {\n      id\n      ...SessionDetails_session\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitSessionFeedback(\n    $id: ID!\n    $rating: Int!\n    $wentWell: String\n    $toImprove: String\n    $comment: String\n    $viewerTimeZone: String\n  ) {\n    submitSessionFeedback(\n      id: $id\n      rating: $rating\n      wentWell: $wentWell\n      toImprove: $toImprove\n      comment: $comment\n      viewerTimeZone: $viewerTimeZone\n    ) {\n      id\n      ...SessionDetails_session\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitSessionFeedback(\n    $id: ID!\n    $rating: Int!\n    $wentWell: String\n    $toImprove: String\n    $comment: String\n    $viewerTimeZone: String\n  ) {\n    submitSessionFeedback(\n      id: $id\n      rating: $rating\n      wentWell: $wentWell\n      toImprove: $toImprove\n      comment: $comment\n      viewerTimeZone: $viewerTimeZone\n    ) {\n      id\n      ...SessionDetails_session\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionPage($id: ID!, $viewerTimeZone: String!) {\n    me {\n      personId\n    }\n    session(id: $id, viewerTimeZone: $viewerTimeZone) {\n      id\n      ...SessionDetails_session\n    }\n  }\n"): (typeof documents)["\n  query SessionPage($id: ID!, $viewerTimeZone: String!) {\n    me {\n      personId\n    }\n    session(id: $id, viewerTimeZone: $viewerTimeZone) {\n      id\n      ...SessionDetails_session\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionDetails_session on Session {\n    id\n    title\n    status\n    kind\n    mode\n    place\n    startsAt\n    endsAt\n    timezone\n    hostPersonId\n    mentorshipId\n    myRsvp\n    completedAt\n    cancellationReason\n    attendees {\n      personId\n      host\n      rsvp\n      attendance\n      participant {\n        displayName\n        timezone\n        ...PersonSummary_participant\n      }\n    }\n    sharedNotes {\n      text\n      authorPersonId\n      writtenAt\n    }\n    myPrivateNotes {\n      id\n      text\n      writtenAt\n    }\n    feedback {\n      personId\n      rating\n      wentWell\n      toImprove\n      comment\n      submittedAt\n    }\n    feedbackSummary {\n      averageRating\n      count\n    }\n  }\n"): (typeof documents)["\n  fragment SessionDetails_session on Session {\n    id\n    title\n    status\n    kind\n    mode\n    place\n    startsAt\n    endsAt\n    timezone\n    hostPersonId\n    mentorshipId\n    myRsvp\n    completedAt\n    cancellationReason\n    attendees {\n      personId\n      host\n      rsvp\n      attendance\n      participant {\n        displayName\n        timezone\n        ...PersonSummary_participant\n      }\n    }\n    sharedNotes {\n      text\n      authorPersonId\n      writtenAt\n    }\n    myPrivateNotes {\n      id\n      text\n      writtenAt\n    }\n    feedback {\n      personId\n      rating\n      wentWell\n      toImprove\n      comment\n      submittedAt\n    }\n    feedbackSummary {\n      averageRating\n      count\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionCalendar($id: ID!) {\n    sessionCalendar(id: $id)\n  }\n"): (typeof documents)["\n  query SessionCalendar($id: ID!) {\n    sessionCalendar(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Workspace($mentorshipId: ID!, $viewerTimeZone: String!) {\n    me {\n      personId\n    }\n    engagement(mentorshipId: $mentorshipId, viewerTimeZone: $viewerTimeZone) {\n      mentorshipId\n      programId\n      status\n      viewerRole\n      mentorPersonId\n      menteePersonId\n      mentor {\n        ...PersonSummary_participant\n        ...WorkspacePerson_participant\n      }\n      mentee {\n        ...PersonSummary_participant\n        ...WorkspacePerson_participant\n      }\n      ...ActionItemsPanel_engagement\n      ...AgreementPanel_engagement\n      ...GoalsPanel_engagement\n      ...ReflectionsPanel_engagement\n      ...ResourcesPanel_engagement\n      ...SessionsPanel_engagement\n    }\n  }\n"): (typeof documents)["\n  query Workspace($mentorshipId: ID!, $viewerTimeZone: String!) {\n    me {\n      personId\n    }\n    engagement(mentorshipId: $mentorshipId, viewerTimeZone: $viewerTimeZone) {\n      mentorshipId\n      programId\n      status\n      viewerRole\n      mentorPersonId\n      menteePersonId\n      mentor {\n        ...PersonSummary_participant\n        ...WorkspacePerson_participant\n      }\n      mentee {\n        ...PersonSummary_participant\n        ...WorkspacePerson_participant\n      }\n      ...ActionItemsPanel_engagement\n      ...AgreementPanel_engagement\n      ...GoalsPanel_engagement\n      ...ReflectionsPanel_engagement\n      ...ResourcesPanel_engagement\n      ...SessionsPanel_engagement\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WorkspacePerson_participant on Participant {\n    personId\n    displayName\n    timezone\n    availability {\n      day\n      startMinute\n      endMinute\n    }\n  }\n"): (typeof documents)["\n  fragment WorkspacePerson_participant on Participant {\n    personId\n    displayName\n    timezone\n    availability {\n      day\n      startMinute\n      endMinute\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActionItemCard_actionItem on ActionItem {\n    id\n    title\n    ownerPersonId\n    dueDate\n    done\n    completedAt\n    goalId\n  }\n"): (typeof documents)["\n  fragment ActionItemCard_actionItem on ActionItem {\n    id\n    title\n    ownerPersonId\n    dueDate\n    done\n    completedAt\n    goalId\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActionItemsPanel_engagement on Engagement {\n    mentorshipId\n    status\n    viewerRole\n    mentorPersonId\n    menteePersonId\n    goals {\n      id\n      title\n      status\n    }\n    actionItems {\n      id\n      title\n      dueDate\n      done\n      completedAt\n      goalId\n      ...ActionItemCard_actionItem\n    }\n  }\n"): (typeof documents)["\n  fragment ActionItemsPanel_engagement on Engagement {\n    mentorshipId\n    status\n    viewerRole\n    mentorPersonId\n    menteePersonId\n    goals {\n      id\n      title\n      status\n    }\n    actionItems {\n      id\n      title\n      dueDate\n      done\n      completedAt\n      goalId\n      ...ActionItemCard_actionItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AgreementPanel_engagement on Engagement {\n    mentorshipId\n    status\n    viewerRole\n    agreements {\n      ...AgreementVersionFields\n    }\n  }\n"): (typeof documents)["\n  fragment AgreementPanel_engagement on Engagement {\n    mentorshipId\n    status\n    viewerRole\n    agreements {\n      ...AgreementVersionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AgreementVersionFields on AgreementVersion {\n    version\n    status\n    cadence\n    sessionMinutes\n    durationMonths\n    channels\n    expectations\n    boundaries\n    confidentiality\n    proposedAt\n    proposedByPersonId\n    signedBy\n    inEffectSince\n  }\n"): (typeof documents)["\n  fragment AgreementVersionFields on AgreementVersion {\n    version\n    status\n    cadence\n    sessionMinutes\n    durationMonths\n    channels\n    expectations\n    boundaries\n    confidentiality\n    proposedAt\n    proposedByPersonId\n    signedBy\n    inEffectSince\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GoalCard_goal on Goal {\n    id\n    title\n    status\n    targetDate\n    progressPercent\n    ownerPersonId\n    milestones {\n      id\n      title\n      targetDate\n      reachedAt\n    }\n  }\n"): (typeof documents)["\n  fragment GoalCard_goal on Goal {\n    id\n    title\n    status\n    targetDate\n    progressPercent\n    ownerPersonId\n    milestones {\n      id\n      title\n      targetDate\n      reachedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GoalsPanel_engagement on Engagement {\n    mentorshipId\n    status\n    viewerRole\n    goals {\n      id\n      ...GoalCard_goal\n    }\n  }\n"): (typeof documents)["\n  fragment GoalsPanel_engagement on Engagement {\n    mentorshipId\n    status\n    viewerRole\n    goals {\n      id\n      ...GoalCard_goal\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReflectionsPanel_engagement on Engagement {\n    mentorshipId\n    status\n    viewerRole\n    myReflections {\n      id\n      text\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  fragment ReflectionsPanel_engagement on Engagement {\n    mentorshipId\n    status\n    viewerRole\n    myReflections {\n      id\n      text\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ResourceCard_resource on Resource {\n    id\n    kind\n    title\n    link\n  }\n"): (typeof documents)["\n  fragment ResourceCard_resource on Resource {\n    id\n    kind\n    title\n    link\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ResourcesPanel_engagement on Engagement {\n    mentorshipId\n    status\n    viewerRole\n    resources {\n      id\n      ...ResourceCard_resource\n    }\n  }\n"): (typeof documents)["\n  fragment ResourcesPanel_engagement on Engagement {\n    mentorshipId\n    status\n    viewerRole\n    resources {\n      id\n      ...ResourceCard_resource\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionListItem_session on Session {\n    id\n    title\n    status\n    startsAt\n    endsAt\n    mode\n    myRsvp\n  }\n"): (typeof documents)["\n  fragment SessionListItem_session on Session {\n    id\n    title\n    status\n    startsAt\n    endsAt\n    mode\n    myRsvp\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionsPanel_engagement on Engagement {\n    mentorshipId\n    status\n    viewerRole\n    agreements {\n      status\n      sessionMinutes\n    }\n    sessions {\n      id\n      status\n      startsAt\n      ...SessionListItem_session\n    }\n  }\n"): (typeof documents)["\n  fragment SessionsPanel_engagement on Engagement {\n    mentorshipId\n    status\n    viewerRole\n    agreements {\n      status\n      sessionMinutes\n    }\n    sessions {\n      id\n      status\n      startsAt\n      ...SessionListItem_session\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MyEvents {\n    myEvents {\n      id\n      type\n      programId\n    }\n  }\n"): (typeof documents)["\n  subscription MyEvents {\n    myEvents {\n      id\n      type\n      programId\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;