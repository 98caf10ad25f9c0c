import { type ProfilesEventData, type QuestionShape, programStreamId } from '@trellis/profiles/contracts';
import { type ReadModelRow, RevisionGuardedCollection } from '@trellis/shared/event-store';
import type { EventEnvelope } from '@trellis/shared/messaging';
import type { Connection } from 'mongoose';
import { applyPoolEvent, type PoolProgramRow, type PoolRow } from './candidate-pool.projection';

/**
 * Just the three calls the revision guard makes, on a Map: this spec is about what the projection writes for each
 * event and that redelivery changes nothing; the guard itself is proven against FerretDB in the event-store specs.
 */
function inMemoryRows(): { rows: RevisionGuardedCollection<PoolRow>; stored: Map<string, ReadModelRow> } {
  const stored = new Map<string, ReadModelRow>();
  const collection = {
    findOne: async (filter: { _id: string }) => structuredClone(stored.get(filter._id)) ?? null,
    insertOne: async (row: ReadModelRow) => {
      stored.set(row._id, structuredClone(row));
    },
    replaceOne: async (filter: { _id: string; _revision: number }, row: Omit<ReadModelRow, '_id'>) => {
      const current = stored.get(filter._id);
      if (current?._revision !== filter._revision) return { matchedCount: 0 };
      stored.set(filter._id, { ...structuredClone(row), _id: filter._id } as ReadModelRow);
      return { matchedCount: 1 };
    },
  };
  const connection = { collection: () => collection } as unknown as Connection;
  return { rows: new RevisionGuardedCollection<PoolRow>(connection, 'candidate_pool'), stored };
}

const question = (over: Partial<QuestionShape> & Pick<QuestionShape, 'questionId' | 'kind'>): QuestionShape => ({
  optionIds: [],
  usedForMatching: true,
  weight: 1,
  ...over,
});

const pace = question({ questionId: 'pace', kind: 'single-choice', optionIds: ['fast', 'slow'], weight: 2 });
const energy = question({
  questionId: 'energy',
  kind: 'scale',
  scaleMin: 1,
  scaleMax: 5,
  matchingMode: 'complementary',
});
const notCompared = question({
  questionId: 'team',
  kind: 'single-choice',
  optionIds: ['a', 'b'],
  usedForMatching: false,
});
const story = question({ questionId: 'story', kind: 'short-text' });

function programEvent(revision: number, type: string, data: Record<string, unknown>): EventEnvelope {
  return {
    id: `evt-${revision}`,
    type,
    schemaVersion: 1,
    streamId: programStreamId('p1'),
    streamType: 'program',
    revision,
    occurredAt: '2026-01-15T12:00:00.000Z',
    tenantId: 't1',
    programId: 'p1',
    correlationId: `corr-${revision}`,
    data,
  };
}

const created = programEvent(1, 'ProgramCreated', {
  programId: 'p1',
  copiedFromProgramId: null,
  settings: {
    format: 'one-on-one',
    meetingCadenceDays: 14,
    relationshipDurationWeeks: 12,
    defaultMentorCapacity: 2,
    maxOpenRequestsPerMentee: 3,
    requestExpiryDays: 7,
    offerNextBestOnDecline: true,
    maxCircleSize: 6,
  },
  matchingRules: {
    weights: {},
    hardRules: {
      sameDepartmentNotAllowed: false,
      reportingLineExcluded: true,
      sharedLanguageRequired: true,
      maxTimezoneGapHours: null,
      minSeniorityGap: null,
    },
    objective: 'best-total',
  },
  questions: [pace, energy, notCompared, story],
} satisfies ProfilesEventData<'ProgramCreated'>);

const reweighted = programEvent(2, 'ProgramQuestionnaireChanged', {
  programId: 'p1',
  questions: [{ ...pace, weight: 7 }, energy, { ...notCompared, usedForMatching: true }],
} satisfies ProfilesEventData<'ProgramQuestionnaireChanged'>);

const programRow = (stored: Map<string, ReadModelRow>) =>
  stored.get(programStreamId('p1')) as ReadModelRow & PoolProgramRow;

describe('the candidate pool keeps the program’s matching questions', () => {
  it('keeps only choice and scale questions marked used for matching, with weight and mode', async () => {
    const { rows, stored } = inMemoryRows();
    await applyPoolEvent(created, rows);
    expect(programRow(stored).questions).toEqual([pace, energy]);
  });

  it('follows a changed questionnaire: a new weight, a question now used for matching', async () => {
    const { rows, stored } = inMemoryRows();
    await applyPoolEvent(created, rows);
    await applyPoolEvent(reweighted, rows);
    expect(programRow(stored).questions).toEqual([
      { ...pace, weight: 7 },
      energy,
      { ...notCompared, usedForMatching: true },
    ]);
    expect(programRow(stored)._revision).toBe(2);
  });

  it('gives the same result when every event is delivered twice, in place or after the later one', async () => {
    const once = inMemoryRows();
    await applyPoolEvent(created, once.rows);
    await applyPoolEvent(reweighted, once.rows);

    const twice = inMemoryRows();
    await applyPoolEvent(created, twice.rows);
    await applyPoolEvent(created, twice.rows);
    await applyPoolEvent(reweighted, twice.rows);
    await applyPoolEvent(reweighted, twice.rows);
    await applyPoolEvent(created, twice.rows);

    expect(twice.stored).toEqual(once.stored);
  });
});
