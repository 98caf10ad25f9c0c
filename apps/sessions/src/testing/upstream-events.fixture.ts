import { randomUUID } from 'node:crypto';
import {
  type MatchingProfile,
  participantIdFor,
  type ProgramSettings,
  programStreamId,
} from '@trellis/profiles/contracts';
import type { EventEnvelope } from '@trellis/shared/messaging';

interface Someone {
  personId: string;
}

/** The matching part of a profile as profiles publishes it: English, virtual meetings and UTC unless told otherwise. */
export function participantProfile(overrides: Partial<MatchingProfile> = {}): MatchingProfile {
  return {
    department: null,
    orgUnit: null,
    seniority: null,
    field: null,
    skillsOffered: [],
    skillsSought: [],
    interests: [],
    languages: ['en'],
    timezone: 'UTC',
    availability: [],
    formats: ['virtual'],
    communicationStyle: null,
    managerPersonId: null,
    matchingAnswers: [],
    consentedDemographics: {},
    ...overrides,
  };
}

/** A program's settings as profiles publishes them: the defaults unless told otherwise. */
export function programSettings(overrides: Partial<ProgramSettings> = {}): ProgramSettings {
  return {
    format: 'one-on-one',
    meetingCadenceDays: 14,
    relationshipDurationWeeks: 26,
    defaultMentorCapacity: 2,
    maxOpenRequestsPerMentee: 3,
    requestExpiryDays: 7,
    offerNextBestOnDecline: true,
    maxCircleSize: 8,
    maxPreferredMentors: 3,
    surveyResultThreshold: 5,
    conversationRetentionDays: null,
    ...overrides,
  };
}

/**
 * The events of one program of one organization as the profiles and matching services publish them: envelopes
 * with contiguous revisions per stream, the real participant ids, and the data their contracts ask for.
 */
export class UpstreamEvents {
  private readonly revisions = new Map<string, number>();

  constructor(
    readonly tenantId: string,
    readonly programId: string,
  ) {}

  /** The next envelope of a stream. */
  envelope(
    streamType: string,
    streamId: string,
    type: string,
    data: Record<string, unknown>,
    occurredAt = new Date().toISOString(),
  ): EventEnvelope {
    const revision = (this.revisions.get(streamId) ?? 0) + 1;
    this.revisions.set(streamId, revision);
    return {
      id: randomUUID(),
      type,
      schemaVersion: 1,
      streamId,
      streamType,
      revision,
      occurredAt,
      tenantId: this.tenantId,
      programId: this.programId,
      correlationId: randomUUID(),
      data,
    };
  }

  participantStream(who: Someone): string {
    return `participant-${participantIdFor(this.programId, who.personId)}`;
  }

  /** An event of the person's participant stream in this program, with its participant, person and program ids. */
  participantEvent(who: Someone, type: string, data: Record<string, unknown> = {}, occurredAt?: string): EventEnvelope {
    return this.envelope(
      'participant',
      this.participantStream(who),
      type,
      {
        participantId: participantIdFor(this.programId, who.personId),
        personId: who.personId,
        programId: this.programId,
        ...data,
      },
      occurredAt,
    );
  }

  /** Enrolled in one role; a mentor takes two mentees. */
  enrolled(
    who: Someone,
    role: 'mentor' | 'mentee',
    profile: MatchingProfile = participantProfile(),
    occurredAt?: string,
  ): EventEnvelope {
    return this.participantEvent(
      who,
      'ParticipantEnrolled',
      { cohortId: null, roles: [role], mentorCapacity: role === 'mentor' ? 2 : 0, invited: false, profile },
      occurredAt,
    );
  }

  programCreated(settings: Partial<ProgramSettings> = {}): EventEnvelope {
    return this.envelope('program', programStreamId(this.programId), 'ProgramCreated', {
      programId: this.programId,
      copiedFromProgramId: null,
      settings: programSettings(settings),
      matchingRules: {
        weights: { skills: 4, field: 2, languages: 1, availability: 2 },
        hardRules: {
          sameDepartmentNotAllowed: false,
          reportingLineExcluded: true,
          sharedLanguageRequired: true,
          maxTimezoneGapHours: null,
          minSeniorityGap: null,
        },
        objective: 'best-total',
      },
      questions: [],
    });
  }

  /** The program's settings changed; the event carries all of them, the defaults unless told otherwise. */
  programSettingsChanged(settings: Partial<ProgramSettings> = {}): EventEnvelope {
    return this.envelope('program', programStreamId(this.programId), 'ProgramSettingsChanged', {
      programId: this.programId,
      settings: programSettings(settings),
    });
  }

  managerAssigned(who: Someone): EventEnvelope {
    return this.envelope('program', programStreamId(this.programId), 'ProgramManagerAssigned', {
      programId: this.programId,
      personId: who.personId,
    });
  }

  /** A one-on-one mentorship from a request. */
  mentorshipStarted(mentorshipId: string, mentor: Someone, mentee: Someone, occurredAt?: string): EventEnvelope {
    return this.mentorshipEvent('MentorshipStarted', mentorshipId, mentor, mentee, occurredAt, {
      mentorParticipantId: participantIdFor(this.programId, mentor.personId),
      menteeParticipantId: participantIdFor(this.programId, mentee.personId),
      format: 'one-on-one',
      origin: 'request',
      originId: randomUUID(),
    });
  }

  /** Ended by the mentee. */
  mentorshipEnded(
    mentorshipId: string,
    mentor: Someone,
    mentee: Someone,
    reason: string,
    occurredAt?: string,
  ): EventEnvelope {
    return this.mentorshipEvent('MentorshipEnded', mentorshipId, mentor, mentee, occurredAt, {
      reason,
      endedBy: 'mentee',
    });
  }

  /** A circle led by `mentor`, as matching creates it (every circle event is keyed by the circle's stream). */
  circleCreated(circleId: string, mentor: Someone): EventEnvelope {
    return this.circleEvent(circleId, 'CircleCreated', {
      mentorPersonId: mentor.personId,
      mentorParticipantId: participantIdFor(this.programId, mentor.personId),
      maxSize: 6,
    });
  }

  /** `members` counts the mentees after this one joined. */
  circleMemberJoined(circleId: string, mentee: Someone, members: number): EventEnvelope {
    return this.circleEvent(circleId, 'CircleMemberJoined', {
      menteePersonId: mentee.personId,
      menteeParticipantId: participantIdFor(this.programId, mentee.personId),
      members,
      via: 'manager',
    });
  }

  /** `members` counts the mentees after this one left. */
  circleMemberLeft(circleId: string, mentee: Someone, members: number): EventEnvelope {
    return this.circleEvent(circleId, 'CircleMemberLeft', {
      menteePersonId: mentee.personId,
      menteeParticipantId: participantIdFor(this.programId, mentee.personId),
      members,
      reason: 'left',
    });
  }

  circleClosed(circleId: string, mentees: Someone[]): EventEnvelope {
    return this.circleEvent(circleId, 'CircleClosed', { memberPersonIds: mentees.map((m) => m.personId) });
  }

  private circleEvent(circleId: string, type: string, data: Record<string, unknown>): EventEnvelope {
    return this.envelope('circle', `circle-${circleId}`, type, { circleId, programId: this.programId, ...data });
  }

  private mentorshipEvent(
    type: string,
    mentorshipId: string,
    mentor: Someone,
    mentee: Someone,
    occurredAt: string | undefined,
    data: Record<string, unknown>,
  ): EventEnvelope {
    return this.envelope(
      'mentorship',
      `mentorship-${mentorshipId}`,
      type,
      {
        mentorshipId,
        programId: this.programId,
        mentorPersonId: mentor.personId,
        menteePersonId: mentee.personId,
        ...data,
      },
      occurredAt,
    );
  }
}
