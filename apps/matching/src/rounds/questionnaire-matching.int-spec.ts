import { randomUUID } from 'node:crypto';
import { programStreamId, type QuestionShape } from '@trellis/profiles/contracts';
import type { CommandContext } from '../acceptance/acceptance.service';
import {
  eventually,
  matchingProfile,
  startMatchingPipeline,
  type MatchingPipeline,
} from '../testing/matching-pipeline';

/**
 * Two mentors and two mentees alike in everything but their questionnaire answers: each mentee agrees with one
 * mentor on `pace` and with the other on `topic`, so the heavier question decides who meets whom.
 */
describe('The questionnaire in matching rounds (real broker and FerretDB)', () => {
  let p: MatchingPipeline;
  const programId = `program-${randomUUID()}`;
  const ctx = (): CommandContext & { commandId: string } => ({
    tenantId: p.tenantId,
    actorPersonId: 'manager-1',
    correlationId: randomUUID(),
    commandId: randomUUID(),
  });
  const pace: QuestionShape = {
    questionId: 'pace',
    kind: 'single-choice',
    optionIds: ['fast', 'slow'],
    usedForMatching: true,
    weight: 3,
  };
  const topic: QuestionShape = {
    questionId: 'topic',
    kind: 'single-choice',
    optionIds: ['x', 'y'],
    usedForMatching: true,
    weight: 1,
    matchingMode: 'similar',
  };
  const answers = (paceOption: string, topicOption: string) =>
    matchingProfile({
      matchingAnswers: [
        { questionId: 'pace', optionIds: [paceOption] },
        { questionId: 'topic', optionIds: [topicOption] },
      ],
    });

  beforeAll(async () => {
    p = await startMatchingPipeline('questionnaire');
    await p.feed.program(programId, {}, [pace, topic]);
    await p.feed.manager(programId, 'manager-1');
    await p.feed.enrol(programId, 'mentor-a', ['mentor'], 1, answers('fast', 'x'));
    await p.feed.enrol(programId, 'mentor-b', ['mentor'], 1, answers('slow', 'y'));
    await p.feed.enrol(programId, 'mentee-1', ['mentee'], 0, answers('fast', 'y'));
    await p.feed.enrol(programId, 'mentee-2', ['mentee'], 0, answers('slow', 'x'));
    await eventually(async () => {
      const people = await p.services.pool.activeParticipants(p.tenantId, programId);
      const manager = await p.services.memberships.membership(p.tenantId, programId, 'manager-1');
      return people.length === 4 && manager !== null;
    }, 60_000);
  }, 180_000);
  afterAll(() => p?.close());

  async function round() {
    const computed = await p.services.rounds.startRound(ctx(), { programId, cohortId: null, objective: null });
    expect(computed.status).toBe('computed');
    const factors = await p.services.rounds.explainPairs(ctx(), computed);
    const mentorOf = Object.fromEntries(Object.values(computed.pairs).map((x) => [x.menteePersonId, x.mentorPersonId]));
    const questionnaire = Object.keys(computed.pairs).map(
      (mentee) => factors(mentee).find((x) => x.name === 'questionnaire')!,
    );
    await p.services.rounds.discard(ctx(), computed.roundId);
    return { mentorOf, questionnaire };
  }

  it('pairs by the heavier question, and a changed weight changes the next round’s pairs', async () => {
    const first = await round();
    // pace (weight 3) decides: mentee-1 shares it with mentor-a, mentee-2 with mentor-b.
    expect(first.mentorOf).toEqual({ 'mentee-1': 'mentor-a', 'mentee-2': 'mentor-b' });
    expect(first.questionnaire).toHaveLength(2);
    for (const factor of first.questionnaire) {
      expect(factor.value).toBeCloseTo(3 / 4, 10);
      expect(factor.contribution).toBeGreaterThan(0);
    }

    // The program manager makes `topic` the heavier question in profiles' questionnaire builder.
    await p.feed.emit('program', programStreamId(programId), programId, 'ProgramQuestionnaireChanged', {
      programId,
      questions: [pace, { ...topic, weight: 9 }],
    });
    await eventually(async () => {
      const program = await p.services.pool.program(p.tenantId, programId);
      return program?.questions?.find((q) => q.questionId === 'topic')?.weight === 9;
    });

    const second = await round();
    expect(second.mentorOf).toEqual({ 'mentee-1': 'mentor-b', 'mentee-2': 'mentor-a' });
    for (const factor of second.questionnaire) expect(factor.value).toBeCloseTo(9 / 12, 10);
  });
});
