import { describe, expect, it } from 'vitest';
import { awaitsAnswerFrom, proposalsToAnswer, requestsWaitingFor } from './needs-you';

const proposal = (id: string, over: Partial<Parameters<typeof awaitsAnswerFrom>[0]> = {}) => ({
  id,
  status: 'PROPOSED' as const,
  respondBy: '2027-03-10T12:00:00Z',
  mentorPersonId: 'mentor',
  mentorAccepted: false,
  menteeAccepted: false,
  ...over,
});

describe('what needs the person’s answer', () => {
  it('asks each side for its own answer until it has given it', () => {
    const acceptedByMentor = proposal('p', { mentorAccepted: true });
    expect(awaitsAnswerFrom(acceptedByMentor, 'mentor')).toBe(false);
    expect(awaitsAnswerFrom(acceptedByMentor, 'mentee')).toBe(true);
  });

  it('leaves out proposals that were settled, and puts the one due soonest first', () => {
    const list = [
      proposal('later', { respondBy: '2027-03-12T00:00:00Z' }),
      proposal('declined', { status: 'DECLINED' }),
      proposal('lapsed', { status: 'LAPSED' }),
      proposal('sooner', { respondBy: '2027-03-09T00:00:00Z' }),
    ];
    expect(proposalsToAnswer(list, 'mentee').map((p) => p.id)).toEqual(['sooner', 'later']);
  });

  it('lists open requests to the person as a mentor, not those they sent or that were answered', () => {
    const requests = [
      { id: 'sent', status: 'OPEN', mentorPersonId: 'someone', expiresAt: '2027-03-01T00:00:00Z' },
      { id: 'answered', status: 'ACCEPTED', mentorPersonId: 'me', expiresAt: '2027-03-01T00:00:00Z' },
      { id: 'late', status: 'OPEN', mentorPersonId: 'me', expiresAt: '2027-03-05T00:00:00Z' },
      { id: 'early', status: 'OPEN', mentorPersonId: 'me', expiresAt: '2027-03-02T00:00:00Z' },
    ];
    expect(requestsWaitingFor(requests, 'me').map((r) => r.id)).toEqual(['early', 'late']);
  });
});
