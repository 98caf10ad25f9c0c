import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { MyProgramsQuery } from '../../../gql/graphql';
import { renderInRouter } from '../../../test/render';
import { detectedTimeZone } from '../../../lib/detected-time-zone';
import { GOALS_DUE } from '../../agenda/api/goals-due-query';
import { NEXT_SESSIONS } from '../../agenda/api/next-sessions-query';
import { NEEDS_YOU } from '../../proposals/api/needs-you-query';
import { MY_SURVEY_INVITATIONS } from '../../surveys/api/invitation-queries';
import { MY_PROGRAMS } from '../api/my-programs-query';
import { HomePage } from './home-page';

const program = (id: string, name: string, status = 'ENROLLMENT_OPEN') =>
  ({ __typename: 'Program', id, name, description: '', status }) as const;

function result(data: Partial<MyProgramsQuery['me']> & { programs?: unknown[] }): MockLink.MockedResponse {
  const { programs = [], ...me } = data;
  return {
    request: { query: MY_PROGRAMS },
    result: {
      data: {
        me: { __typename: 'Me', personId: 'p1', participations: [], managedPrograms: [], ...me },
        programs,
      },
    },
  };
}

// The "needs you" section above the programs has its own tests: here nothing needs the person.
const nothingNeedsYou: MockLink.MockedResponse = {
  request: { query: NEEDS_YOU },
  result: {
    data: {
      me: { __typename: 'Me', personId: 'p1' },
      myProposals: [],
      myMentorshipRequests: [],
      programs: [],
      unreadNotificationCount: 0,
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

// As are the next sessions and goals due in it (features/agenda): here none.
const nothingComingUp: MockLink.MockedResponse[] = [
  {
    request: { query: NEXT_SESSIONS, variables: { first: 3, viewerTimeZone: detectedTimeZone() } },
    result: {
      data: {
        me: { __typename: 'Me', personId: 'p1' },
        mySessions: {
          __typename: 'SessionConnection',
          edges: [],
          pageInfo: { __typename: 'SessionPageInfo', endCursor: null, hasNextPage: false },
        },
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  },
  {
    request: { query: GOALS_DUE, variables: { withinDays: 14, viewerTimeZone: detectedTimeZone() } },
    result: { data: { myGoalsDueSoon: [] } },
    maxUsageCount: Number.POSITIVE_INFINITY,
  },
];

const surveysToAnswer = (
  invitations: Array<{ occurrenceId: string; title: string; closesAt: string }>,
): MockLink.MockedResponse => ({
  request: { query: MY_SURVEY_INVITATIONS },
  result: { data: { mySurveyInvitations: invitations.map((i) => ({ __typename: 'SurveyInvitation', ...i })) } },
  maxUsageCount: Number.POSITIVE_INFINITY,
});

const renderHome = (
  mocks: MockLink.MockedResponse[],
  language: 'en' | 'de' = 'en',
  surveys: MockLink.MockedResponse = surveysToAnswer([]),
) =>
  renderInRouter(
    <MockedProvider mocks={[...mocks, nothingNeedsYou, ...nothingComingUp, surveys]}>
      <HomePage />
    </MockedProvider>,
    // The home is the first page: it must show nothing beyond the texts the app starts with.
    { language, texts: 'firstPage' },
  );

describe('My programs', () => {
  it('says it is loading, then lists the programs the person takes part in or manages', async () => {
    await renderHome([
      result({
        participations: [
          {
            __typename: 'Participant',
            id: 'part1',
            programId: 'prog2',
            roles: ['MENTEE'],
            status: 'ACTIVE',
            enrolledAt: '2027-03-01T10:00:00Z',
          },
        ] as never,
        managedPrograms: [{ __typename: 'Program', id: 'prog1' }] as never,
        programs: [program('prog1', 'Alpha'), program('prog2', 'Beta'), program('prog3', 'Not mine', 'ARCHIVED')],
      }),
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'My programs' })).toBeInTheDocument();
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('Loading your programs…');
    await screen.findByRole('heading', { level: 2, name: 'Alpha' });
    const headings = screen.getAllByRole('heading', { level: 2 });
    expect(headings.map((h) => h.textContent)).toEqual(['Needs you now', 'Alpha', 'Beta']);
    expect(screen.getByText('Program manager')).toBeInTheDocument();
    expect(screen.getByText('Mentee')).toBeInTheDocument();
    expect(screen.getByText('Enrolled on Mar 1, 2027')).toBeInTheDocument();
    expect(screen.getByText('2 programs')).toBeInTheDocument();
  });

  it('offers the programs open for enrollment that the person is not in, each with a way to join', async () => {
    await renderHome([
      result({
        programs: [program('prog3', 'Open to all'), program('prog4', 'Closed one', 'ENROLLMENT_CLOSED')],
      }),
    ]);
    const joinable = await screen.findByRole('region', { name: 'Programs you can join' });
    expect(within(joinable).getByRole('heading', { name: 'Open to all' })).toBeInTheDocument();
    expect(screen.queryByText('Closed one')).not.toBeInTheDocument();
    expect(within(joinable).getByRole('link', { name: 'Join Open to all' })).toHaveAttribute(
      'href',
      '/programs/prog3/join',
    );
    expect(screen.getByText('You are not part of any program yet. Join one below.')).toBeInTheDocument();
  });

  it('puts the person’s next sessions and goals due under what needs them now', async () => {
    await renderHome([result({ programs: [program('p', 'Gamma')] })]);
    const needsYou = await screen.findByRole('region', { name: 'Needs you now' });
    const sessions = within(needsYou).getByRole('region', { name: 'Next sessions' });
    expect(
      await within(sessions).findByText('No sessions coming up. You book them in a mentorship’s workspace.'),
    ).toBeInTheDocument();
    const goals = within(needsYou).getByRole('region', { name: 'Goals due soon' });
    expect(await within(goals).findByText('No goals due in the next 14 days.')).toBeInTheDocument();
  });

  it('lists the surveys the person is asked to answer under what needs them, each linked to its answer page', async () => {
    await renderHome(
      [result({ programs: [program('p', 'Gamma')] })],
      'en',
      surveysToAnswer([{ occurrenceId: 'occ-1', title: 'Four weeks in', closesAt: '2027-03-15T12:00:00Z' }]),
    );
    const needsYou = await screen.findByRole('region', { name: 'Needs you now' });
    expect(
      await within(needsYou).findByRole('link', { name: 'Survey to answer: Four weeks in (open until Mar 15, 2027)' }),
    ).toHaveAttribute('href', '/surveys/occ-1');
  });

  it('links each of the person’s programs to its page', async () => {
    await renderHome([
      result({ managedPrograms: [{ __typename: 'Program', id: 'p' }] as never, programs: [program('p', 'Gamma')] }),
    ]);
    expect(await screen.findByRole('link', { name: 'Gamma' })).toHaveAttribute('href', '/programs/p');
  });

  it('tells a person without programs what happens next, in their language', async () => {
    await renderHome([result({ programs: [program('prog3', 'Not mine')] })], 'de');
    expect(await screen.findByText(/Sie nehmen noch an keinem Programm teil/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Meine Programme' })).toBeInTheDocument();
  });

  it('explains a failure and loads again on request', async () => {
    const failure: MockLink.MockedResponse = {
      request: { query: MY_PROGRAMS },
      error: new CombinedGraphQLErrors({ data: null }, [{ message: 'boom', extensions: { code: 'INTERNAL' } }]),
    };
    await renderHome([
      failure,
      result({ managedPrograms: [{ __typename: 'Program', id: 'p' }] as never, programs: [program('p', 'Gamma')] }),
    ]);
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong on our side.');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Gamma' })).toBeInTheDocument();
  });

  it('retries by itself when the gateway says a service is briefly unavailable', async () => {
    const unavailable: MockLink.MockedResponse = {
      request: { query: MY_PROGRAMS },
      result: {
        errors: [{ message: 'down', extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterMs: 10 } }],
      },
    };
    await renderHome([
      unavailable,
      result({ managedPrograms: [{ __typename: 'Program', id: 'p' }] as never, programs: [program('p', 'Delta')] }),
    ]);
    expect(await screen.findByRole('alert')).toHaveTextContent('Trellis is briefly unavailable');
    expect(await screen.findByRole('heading', { level: 2, name: 'Delta' })).toBeInTheDocument();
  });
});
