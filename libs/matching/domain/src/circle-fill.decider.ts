import type { Decider } from '@trellis/shared/kernel';
import { badInput, conflict, forbidden, notFound } from './errors';
import type { Actor } from './mentorship.decider';

/**
 * A round for circles: the engine places unplaced mentees with circle leads up to each circle's free places; the
 * draft is the manager's alone until it is published, when every placement goes through the circle's own join (so
 * a circle that filled up meanwhile, or a mentee who joined elsewhere, skips that placement instead of overbooking).
 */
export const circleFillStreamId = (fillId: string): string => `circle-fill-${fillId}`;

export interface CirclePlacement {
  circleId: string;
  mentorPersonId: string;
  menteePersonId: string;
  menteeParticipantId: string;
  score: number;
}

export interface CircleUnplaced {
  menteePersonId: string;
  reason: string;
}

export type CircleFillCommand =
  | {
      type: 'DraftCircleFill';
      fillId: string;
      programId: string;
      placements: CirclePlacement[];
      unplaced: CircleUnplaced[];
      inputSnapshotHash: string;
      engineVersion: string;
      actor: Actor;
      now: string;
    }
  | { type: 'PublishCircleFill'; actor: Actor; now: string }
  | { type: 'DiscardCircleFill'; actor: Actor; now: string };

export type CircleFillEvent =
  | {
      type: 'CircleFillDrafted';
      fillId: string;
      programId: string;
      placements: CirclePlacement[];
      unplaced: CircleUnplaced[];
      inputSnapshotHash: string;
      engineVersion: string;
      byPersonId: string;
      at: string;
    }
  | { type: 'CircleFillPublished'; fillId: string; programId: string; byPersonId: string; at: string }
  | { type: 'CircleFillDiscarded'; fillId: string; programId: string; byPersonId: string; at: string };

export interface CircleFillState {
  status: 'none' | 'draft' | 'published' | 'discarded';
  fillId: string;
  programId: string;
  placements: CirclePlacement[];
  unplaced: CircleUnplaced[];
  inputSnapshotHash: string;
  engineVersion: string;
  draftedAt: string;
}

const requireManager = (actor: Actor): void => {
  if (!actor.isManager) throw forbidden('Only a manager of this program can fill its circles.');
};

export const circleFillDecider: Decider<CircleFillCommand, CircleFillEvent, CircleFillState> = {
  initialState: () => ({
    status: 'none',
    fillId: '',
    programId: '',
    placements: [],
    unplaced: [],
    inputSnapshotHash: '',
    engineVersion: '',
    draftedAt: '',
  }),

  decide(command, state) {
    requireManager(command.actor);
    switch (command.type) {
      case 'DraftCircleFill': {
        if (state.status !== 'none') throw conflict('This circle fill already exists.');
        const mentees = command.placements.map((p) => p.menteePersonId);
        if (new Set(mentees).size !== mentees.length) throw badInput('A mentee can be placed in one circle only.');
        const { type: _type, actor, now, ...data } = command;
        return [{ type: 'CircleFillDrafted', ...data, byPersonId: actor.personId, at: now }];
      }
      case 'PublishCircleFill':
        if (state.status === 'none') throw notFound('There is no such circle fill.');
        if (state.status === 'discarded') throw conflict('This circle fill was discarded.');
        if (state.status === 'published') return [];
        return [
          {
            type: 'CircleFillPublished',
            fillId: state.fillId,
            programId: state.programId,
            byPersonId: command.actor.personId,
            at: command.now,
          },
        ];
      case 'DiscardCircleFill':
        if (state.status === 'none') throw notFound('There is no such circle fill.');
        if (state.status === 'published') throw conflict('This circle fill is already published.');
        if (state.status === 'discarded') return [];
        return [
          {
            type: 'CircleFillDiscarded',
            fillId: state.fillId,
            programId: state.programId,
            byPersonId: command.actor.personId,
            at: command.now,
          },
        ];
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'CircleFillDrafted':
        return {
          status: 'draft',
          fillId: event.fillId,
          programId: event.programId,
          placements: event.placements,
          unplaced: event.unplaced,
          inputSnapshotHash: event.inputSnapshotHash,
          engineVersion: event.engineVersion,
          draftedAt: event.at,
        };
      case 'CircleFillPublished':
        return { ...state, status: 'published' };
      case 'CircleFillDiscarded':
        return { ...state, status: 'discarded' };
    }
  },
};
