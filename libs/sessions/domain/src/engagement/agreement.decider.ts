import { DomainError, type Decider, type SealedText } from '@trellis/shared/kernel';
import {
  COMMUNICATION_CHANNELS,
  MEETING_CADENCES,
  type CommunicationChannel,
  type MeetingCadence,
} from '@trellis/sessions/contracts';
import { optionalSealed } from '../sealed';
import { requireDistinctIds, requireInt, requireOneOf, withOptional } from '../validation';
import {
  initialEngagementState,
  pairAction,
  type ByPerson,
  type EngagementState,
  type OnEngagement,
} from './engagement-state';

/** The pair's agreement: proposed by one side, in effect once both signed, amended by a new signed version. */

export interface AgreementTerms {
  cadence: MeetingCadence;
  sessionMinutes: number;
  durationMonths: number;
  channels: CommunicationChannel[];
  expectations?: SealedText;
  boundaries?: SealedText;
  confidentiality?: SealedText;
}

export type AgreementVersionStatus = 'proposed' | 'superseded' | 'in-effect' | 'replaced';

export interface AgreementVersion {
  version: number;
  amendsVersion?: number;
  proposedByPersonId: string;
  proposedAt: string;
  terms: AgreementTerms;
  signedBy: string[];
  status: AgreementVersionStatus;
  inEffectSince?: string;
}

export type AgreementCommand =
  | ({ type: 'ProposeAgreement'; terms: AgreementTerms } & ByPerson)
  | ({ type: 'SignAgreement'; version: number } & ByPerson)
  | ({ type: 'AmendAgreement'; terms: AgreementTerms } & ByPerson);

export type AgreementEvent =
  | ({ type: 'AgreementProposed'; version: number; proposedByPersonId: string; proposedAt: string } & AgreementTerms &
      OnEngagement)
  | ({
      type: 'AgreementSigned';
      version: number;
      signedByPersonId: string;
      inEffect: boolean;
      signedAt: string;
    } & OnEngagement)
  | ({
      type: 'AgreementAmended';
      version: number;
      amendsVersion: number;
      proposedByPersonId: string;
      proposedAt: string;
    } & AgreementTerms &
      OnEngagement);

function decide(command: AgreementCommand, state: EngagementState): AgreementEvent[] {
  const { actor, now, ref } = pairAction(state, command);
  switch (command.type) {
    case 'ProposeAgreement': {
      if (state.agreements.some((a) => a.status === 'in-effect')) {
        throw new DomainError('CONFLICT', 'An agreement is already in effect; propose an amendment instead.');
      }
      const terms = validTerms(command.terms);
      return [
        {
          type: 'AgreementProposed',
          ...ref,
          version: state.agreements.length + 1,
          proposedByPersonId: actor,
          proposedAt: now,
          ...terms,
        },
      ];
    }
    case 'AmendAgreement': {
      const current = state.agreements.find((a) => a.status === 'in-effect');
      if (!current) {
        throw new DomainError('CONFLICT', 'There is no signed agreement to amend yet; propose an agreement first.');
      }
      const terms = validTerms(command.terms);
      return [
        {
          type: 'AgreementAmended',
          ...ref,
          version: state.agreements.length + 1,
          amendsVersion: current.version,
          proposedByPersonId: actor,
          proposedAt: now,
          ...terms,
        },
      ];
    }
    case 'SignAgreement': {
      const version = requireInt(command.version, 'version', 1, Number.MAX_SAFE_INTEGER);
      const agreement = state.agreements.find((a) => a.version === version);
      if (!agreement) throw new DomainError('NOT_FOUND', `There is no agreement version ${version}.`);
      if (agreement.status !== 'proposed') {
        const latest = state.agreements.find((a) => a.status === 'proposed');
        throw new DomainError(
          'CONFLICT',
          latest
            ? `Version ${version} of the agreement has been replaced by version ${latest.version}; review and sign that one.`
            : `Version ${version} of the agreement is no longer open for signature.`,
          { version, latestVersion: latest?.version },
        );
      }
      if (agreement.signedBy.includes(actor)) {
        throw new DomainError('CONFLICT', `You have already signed version ${version} of the agreement.`);
      }
      return [
        {
          type: 'AgreementSigned',
          ...ref,
          version,
          signedByPersonId: actor,
          inEffect: agreement.signedBy.length + 1 === 2,
          signedAt: now,
        },
      ];
    }
  }
}

function validTerms(terms: AgreementTerms): AgreementTerms {
  if (typeof terms !== 'object' || terms === null) {
    throw new DomainError('BAD_USER_INPUT', 'The agreement terms are missing.');
  }
  const channels = requireDistinctIds(terms.channels, 'channels', COMMUNICATION_CHANNELS.length).map((c) =>
    requireOneOf(c, COMMUNICATION_CHANNELS, 'channels'),
  );
  if (channels.length === 0) {
    throw new DomainError('BAD_USER_INPUT', 'Choose at least one preferred channel.', { field: 'channels' });
  }
  return {
    cadence: requireOneOf(terms.cadence, MEETING_CADENCES, 'cadence'),
    sessionMinutes: requireInt(terms.sessionMinutes, 'sessionMinutes', 15, 480),
    durationMonths: requireInt(terms.durationMonths, 'durationMonths', 1, 60),
    channels,
    ...withOptional('expectations', optionalSealed(terms.expectations, 'expectations')),
    ...withOptional('boundaries', optionalSealed(terms.boundaries, 'boundaries')),
    ...withOptional('confidentiality', optionalSealed(terms.confidentiality, 'confidentiality')),
  };
}

function evolve(state: EngagementState, event: AgreementEvent): EngagementState {
  switch (event.type) {
    case 'AgreementProposed':
    case 'AgreementAmended': {
      const { type: _type, mentorshipId: _m, version, proposedByPersonId, proposedAt, ...rest } = event;
      const terms: AgreementTerms = {
        cadence: rest.cadence,
        sessionMinutes: rest.sessionMinutes,
        durationMonths: rest.durationMonths,
        channels: rest.channels,
        ...withOptional('expectations', rest.expectations),
        ...withOptional('boundaries', rest.boundaries),
        ...withOptional('confidentiality', rest.confidentiality),
      };
      // A newer proposal supersedes one still waiting for signatures; the version in effect stays until then.
      const agreements = state.agreements.map((a) =>
        a.status === 'proposed' ? { ...a, status: 'superseded' as const } : a,
      );
      agreements.push({
        version,
        ...withOptional('amendsVersion', event.type === 'AgreementAmended' ? event.amendsVersion : undefined),
        proposedByPersonId,
        proposedAt,
        terms,
        signedBy: [],
        status: 'proposed',
      });
      return { ...state, agreements };
    }
    case 'AgreementSigned': {
      const agreements = state.agreements.map((a) => {
        if (a.version === event.version) {
          const signed = { ...a, signedBy: [...a.signedBy, event.signedByPersonId] };
          return event.inEffect ? { ...signed, status: 'in-effect' as const, inEffectSince: event.signedAt } : signed;
        }
        if (event.inEffect && a.status === 'in-effect') return { ...a, status: 'replaced' as const };
        return a;
      });
      return { ...state, agreements };
    }
  }
}

/** The agreement version the pair currently work under, if both have signed one. */
export function agreementInEffect(state: EngagementState): AgreementVersion | undefined {
  return state.agreements.find((a) => a.status === 'in-effect');
}

export const agreementDecider: Decider<AgreementCommand, AgreementEvent, EngagementState> = {
  initialState: initialEngagementState,
  decide,
  evolve,
};
