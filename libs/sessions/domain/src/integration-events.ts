import type { SessionsIntegrationEvent } from '@trellis/sessions/contracts';
import type { ConversationEvent } from './conversation/conversation.decider';
import type { EngagementEvent } from './engagement.decider';
import { withOptional } from './validation';
import type { SessionEvent } from './session.decider';
import type { SurveyOccurrenceEvent } from './survey/survey-occurrence.decider';

/**
 * What other services learn from a sessions domain event: ids, enums, numbers and times, field by field (never a
 * spread, so a sealed text added to a domain event later cannot reach Kafka by accident). Every domain event maps to
 * one integration event so per-stream revisions on the topic are contiguous; private ones (reflections, notes) say
 * only that something changed.
 */
export function toIntegrationEvent(
  event: EngagementEvent | SessionEvent | ConversationEvent | SurveyOccurrenceEvent,
): SessionsIntegrationEvent {
  switch (event.type) {
    case 'EngagementOpened':
      return {
        type: event.type,
        mentorshipId: event.mentorshipId,
        programId: event.programId,
        mentorPersonId: event.mentorPersonId,
        menteePersonId: event.menteePersonId,
        mentorParticipantId: event.mentorParticipantId,
        menteeParticipantId: event.menteeParticipantId,
        format: event.format,
        ...withOptional('circleId', event.circleId),
        openedAt: event.openedAt,
      };
    case 'SurveyOccurrenceOpened':
      return {
        type: event.type,
        occurrenceId: event.occurrenceId,
        surveyId: event.surveyId,
        programId: event.programId,
        ...withOptional('cohortId', event.cohortId),
        ...withOptional('mentorshipId', event.mentorshipId),
        askedPersonIds: [...event.askedPersonIds],
        opensAt: event.opensAt,
        closesAt: event.closesAt,
        ...withOptional('remindAt', event.remindAt),
      };
    case 'EngagementClosed':
      return { type: event.type, mentorshipId: event.mentorshipId, reason: event.reason, closedAt: event.closedAt };
    case 'AgreementProposed':
      return {
        type: event.type,
        mentorshipId: event.mentorshipId,
        version: event.version,
        proposedByPersonId: event.proposedByPersonId,
        cadence: event.cadence,
        sessionMinutes: event.sessionMinutes,
        durationMonths: event.durationMonths,
        channels: [...event.channels],
      };
    case 'AgreementAmended':
      return {
        type: event.type,
        mentorshipId: event.mentorshipId,
        version: event.version,
        amendsVersion: event.amendsVersion,
        proposedByPersonId: event.proposedByPersonId,
        cadence: event.cadence,
        sessionMinutes: event.sessionMinutes,
        durationMonths: event.durationMonths,
        channels: [...event.channels],
      };
    case 'AgreementSigned':
      return {
        type: event.type,
        mentorshipId: event.mentorshipId,
        version: event.version,
        signedByPersonId: event.signedByPersonId,
        inEffect: event.inEffect,
      };
    case 'GoalSet':
      return {
        type: event.type,
        mentorshipId: event.mentorshipId,
        goalId: event.goalId,
        setByPersonId: event.setByPersonId,
        ownerPersonId: event.ownerPersonId,
        targetDate: event.targetDate,
        milestoneCount: event.milestoneCount,
      };
    case 'GoalProgressUpdated':
      return {
        type: event.type,
        mentorshipId: event.mentorshipId,
        goalId: event.goalId,
        updatedByPersonId: event.updatedByPersonId,
        progressPercent: event.progressPercent,
      };
    case 'GoalAchieved':
      return {
        type: event.type,
        mentorshipId: event.mentorshipId,
        goalId: event.goalId,
        achievedByPersonId: event.achievedByPersonId,
        achievedAt: event.achievedAt,
      };
    case 'GoalAbandoned':
      return {
        type: event.type,
        mentorshipId: event.mentorshipId,
        goalId: event.goalId,
        abandonedByPersonId: event.abandonedByPersonId,
        reason: event.reason,
      };
    case 'MilestoneReached':
      return {
        type: event.type,
        mentorshipId: event.mentorshipId,
        goalId: event.goalId,
        milestoneId: event.milestoneId,
        reachedByPersonId: event.reachedByPersonId,
        reachedAt: event.reachedAt,
      };
    case 'ActionItemAdded':
      return {
        type: event.type,
        mentorshipId: event.mentorshipId,
        actionItemId: event.actionItemId,
        addedByPersonId: event.addedByPersonId,
        ownerPersonId: event.ownerPersonId,
        dueDate: event.dueDate,
        ...withOptional('goalId', event.goalId),
        ...withOptional('sessionId', event.sessionId),
      };
    case 'ActionItemCompleted':
      return {
        type: event.type,
        mentorshipId: event.mentorshipId,
        actionItemId: event.actionItemId,
        ownerPersonId: event.ownerPersonId,
        completedByPersonId: event.completedByPersonId,
        completedAt: event.completedAt,
      };
    case 'ResourceRecommended':
      return {
        type: event.type,
        mentorshipId: event.mentorshipId,
        resourceId: event.resourceId,
        kind: event.kind,
        recommendedByPersonId: event.recommendedByPersonId,
        recommendedToPersonId: event.recommendedToPersonId,
      };
    case 'IntroductionMade':
      return {
        type: event.type,
        mentorshipId: event.mentorshipId,
        introductionId: event.introductionId,
        kind: event.target.kind,
        introducedByPersonId: event.introducedByPersonId,
        menteePersonId: event.menteePersonId,
        ...withOptional('introducedPersonId', event.target.kind === 'participant' ? event.target.personId : undefined),
      };
    case 'EngagementAtRisk':
    case 'EngagementStalled':
    case 'EngagementRecovered':
      return {
        type: event.type,
        mentorshipId: event.mentorshipId,
        previousStatus: event.previousStatus,
        status: event.status,
        reasons: [...event.reasons],
        mentorPersonId: event.mentorPersonId,
        menteePersonId: event.menteePersonId,
        evaluatedAt: event.evaluatedAt,
      };
    case 'SessionScheduled':
      return {
        type: event.type,
        sessionId: event.sessionId,
        kind: event.kind,
        ...withOptional('mentorshipId', event.mentorshipId),
        ...withOptional('circleId', event.circleId),
        hostPersonId: event.hostPersonId,
        attendeePersonIds: [...event.attendeePersonIds],
        capacity: event.capacity,
        mode: event.mode,
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        timezone: event.timezone,
        sequence: event.sequence,
      };
    case 'SessionRescheduled':
      return {
        type: event.type,
        sessionId: event.sessionId,
        ...withOptional('mentorshipId', event.mentorshipId),
        hostPersonId: event.hostPersonId,
        attendeePersonIds: [...event.attendeePersonIds],
        previousStartsAt: event.previousStartsAt,
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        timezone: event.timezone,
        sequence: event.sequence,
      };
    case 'SessionCancelled':
      return {
        type: event.type,
        sessionId: event.sessionId,
        ...withOptional('mentorshipId', event.mentorshipId),
        hostPersonId: event.hostPersonId,
        attendeePersonIds: [...event.attendeePersonIds],
        cancelledByPersonId: event.cancelledByPersonId,
        reason: event.reason,
        startsAt: event.startsAt,
        sequence: event.sequence,
      };
    case 'RsvpGiven':
      return {
        type: event.type,
        sessionId: event.sessionId,
        ...withOptional('mentorshipId', event.mentorshipId),
        hostPersonId: event.hostPersonId,
        personId: event.personId,
        response: event.response,
        sequence: event.sequence,
      };
    case 'AttendanceRecorded':
      return {
        type: event.type,
        sessionId: event.sessionId,
        ...withOptional('mentorshipId', event.mentorshipId),
        recordedByPersonId: event.recordedByPersonId,
        attendance: event.attendance.map((a) => ({ personId: a.personId, status: a.status })),
      };
    case 'SessionCompleted':
      return {
        type: event.type,
        sessionId: event.sessionId,
        kind: event.kind,
        ...withOptional('mentorshipId', event.mentorshipId),
        hostPersonId: event.hostPersonId,
        attendedPersonIds: [...event.attendedPersonIds],
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        completedAt: event.completedAt,
      };
    case 'FeedbackSubmitted':
      return {
        type: event.type,
        sessionId: event.sessionId,
        ...withOptional('mentorshipId', event.mentorshipId),
        hostPersonId: event.hostPersonId,
        personId: event.personId,
        rating: event.rating,
      };
    case 'MilestoneAdded':
      return {
        type: event.type,
        mentorshipId: event.mentorshipId,
        goalId: event.goalId,
        milestoneId: event.milestoneId,
        addedByPersonId: event.addedByPersonId,
      };
    case 'EngagementHealthChanged':
      return {
        type: event.type,
        mentorshipId: event.mentorshipId,
        previousStatus: event.previousStatus,
        status: event.status,
        reasons: [...event.reasons],
        mentorPersonId: event.mentorPersonId,
        menteePersonId: event.menteePersonId,
        evaluatedAt: event.evaluatedAt,
      };
    case 'EngagementNudged':
      return {
        type: event.type,
        mentorshipId: event.mentorshipId,
        mentorPersonId: event.mentorPersonId,
        menteePersonId: event.menteePersonId,
        nudgedByPersonId: event.nudgedByPersonId,
        nudgedAt: event.nudgedAt,
      };
    case 'ReflectionWritten':
      return { type: 'EngagementPrivateEntryWritten', mentorshipId: event.mentorshipId };
    case 'SharedNotesWritten':
    case 'PrivateNoteWritten':
      return {
        type: 'SessionNotesWritten',
        sessionId: event.sessionId,
        ...withOptional('mentorshipId', event.mentorshipId),
      };
    case 'ConversationOpened':
      return {
        type: event.type,
        mentorshipId: event.mentorshipId,
        memberPersonIds: [...event.memberPersonIds],
        programId: event.programId,
        openedAt: event.openedAt,
      };
    case 'ConversationClosed':
      return {
        type: event.type,
        mentorshipId: event.mentorshipId,
        memberPersonIds: [...event.memberPersonIds],
        closedAt: event.closedAt,
      };
    case 'MessagePosted':
      return {
        type: event.type,
        mentorshipId: event.mentorshipId,
        memberPersonIds: [...event.memberPersonIds],
        messageId: event.messageId,
        authorPersonId: event.authorPersonId,
        seq: event.seq,
        postedAt: event.postedAt,
      };
    case 'MessageEdited':
      return {
        type: event.type,
        mentorshipId: event.mentorshipId,
        memberPersonIds: [...event.memberPersonIds],
        messageId: event.messageId,
        authorPersonId: event.authorPersonId,
        editedAt: event.editedAt,
      };
    case 'MessageDeleted':
      return {
        type: event.type,
        mentorshipId: event.mentorshipId,
        memberPersonIds: [...event.memberPersonIds],
        messageId: event.messageId,
        authorPersonId: event.authorPersonId,
        deletedAt: event.deletedAt,
      };
    case 'ConversationRead':
      return {
        type: event.type,
        mentorshipId: event.mentorshipId,
        memberPersonIds: [...event.memberPersonIds],
        readerPersonId: event.readerPersonId,
        readUpToSeq: event.readUpToSeq,
        readAt: event.readAt,
      };
    case 'MessageReported':
      return {
        type: event.type,
        mentorshipId: event.mentorshipId,
        programId: event.programId,
        messageId: event.messageId,
        reason: event.reason,
        reportedAt: event.reportedAt,
      };
    case 'MessageHidden':
      return {
        type: event.type,
        mentorshipId: event.mentorshipId,
        programId: event.programId,
        messageId: event.messageId,
        memberPersonIds: [...event.memberPersonIds],
        authorPersonId: event.authorPersonId,
        hiddenByPersonId: event.hiddenByPersonId,
        hiddenAt: event.hiddenAt,
      };
    case 'MessageReportDismissed':
      return {
        type: event.type,
        mentorshipId: event.mentorshipId,
        programId: event.programId,
        messageId: event.messageId,
        dismissedByPersonId: event.dismissedByPersonId,
        dismissedAt: event.dismissedAt,
      };
    case 'MessageAuthorWarned':
      return {
        type: event.type,
        mentorshipId: event.mentorshipId,
        programId: event.programId,
        messageId: event.messageId,
        authorPersonId: event.authorPersonId,
        warnedByPersonId: event.warnedByPersonId,
        warnedAt: event.warnedAt,
      };
    case 'ConversationMemberRemoved':
      return {
        type: event.type,
        mentorshipId: event.mentorshipId,
        programId: event.programId,
        messageId: event.messageId,
        memberPersonIds: [...event.memberPersonIds],
        removedPersonId: event.removedPersonId,
        removedByPersonId: event.removedByPersonId,
        upToSeq: event.upToSeq,
        removedAt: event.removedAt,
      };
  }
}
