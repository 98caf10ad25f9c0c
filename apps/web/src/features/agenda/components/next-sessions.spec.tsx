import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderInRouter } from '../../../test/render';
import { NEXT_SESSIONS } from '../api/next-sessions-query';
import { NEXT_SESSIONS_PAGE, NextSessions } from './next-sessions';

const ZONE = 'Europe/Berlin';

const attendee = (personId: string, displayName: string | null) => ({
  __typename: 'SessionAttendee' as const,
  personId,
  participant: displayName ? { __typename: 'Participant' as const, id: `part-${personId}`, displayName } : null,
});

const session = (id: string, over: Record<string, unknown> = {}) => ({
  __typename: 'Session' as const,
  id,
  title: `Session ${id}`,
  status: 'SCHEDULED',
  // 09:00 UTC on a January day: 10:00 in Berlin.
  startsAt: '2027-01-12T09:00:00.000Z',
  endsAt: '2027-01-12T10:00:00.000Z',
  mode: 'IN_PERSON',
  place: null,
  attendees: [attendee('me', 'Me Myself'), attendee('mentor', 'Maren Mentor')],
  ...over,
});

function page(
  sessions: ReturnType<typeof session>[],
  { after, hasNextPage = false }: { after?: string; hasNextPage?: boolean } = {},
): MockLink.MockedResponse {
  return {
    request: {
      query: NEXT_SESSIONS,
      variables: { first: NEXT_SESSIONS_PAGE, viewerTimeZone: ZONE, ...(after && { after }) },
    },
    result: {
      data: {
        me: { __typename: 'Me', personId: 'me' },
        mySessions: {
          __typename: 'SessionConnection',
          edges: sessions.map((node) => ({ __typename: 'SessionEdge', cursor: `c-${node.id}`, node })),
          pageInfo: {
            __typename: 'SessionPageInfo',
            endCursor: sessions.length ? `c-${sessions.at(-1)?.id}` : null,
            hasNextPage,
          },
        },
      },
    },
  };
}

const renderSessions = (mocks: MockLink.MockedResponse[], language: 'en' | 'de' = 'en') =>
  renderInRouter(
    <MockedProvider mocks={mocks}>
      <NextSessions viewerTimeZone={ZONE} />
    </MockedProvider>,
    { language, texts: 'firstPage' },
  );

describe('next sessions on the home page', () => {
  it('lists each session with its page, its time where the viewer is, and who else comes', async () => {
    await renderSessions([page([session('s1')])]);
    const region = await screen.findByRole('region', { name: 'Next sessions' });
    expect(within(region).getByRole('status')).toHaveTextContent('Loading your next sessions…');
    const item = await within(region).findByRole('listitem');
    expect(within(item).getByRole('link', { name: 'Session s1' })).toHaveAttribute('href', '/sessions/s1');
    expect(item).toHaveTextContent(/Tue, Jan 12, 2027, 10:00 AM GMT\+1 – 11:00 AM/);
    expect(item).toHaveTextContent('With Maren Mentor');
    expect(within(item).queryByRole('link', { name: /^Join/ })).not.toBeInTheDocument();
  });

  it('offers to join an online session in a new tab, named by the session', async () => {
    await renderSessions([
      page([
        session('s1', { title: null, mode: 'VIRTUAL', place: 'https://meet.example.org/pair' }),
        session('s2', { mode: 'VIRTUAL', place: 'Room 4' }),
      ]),
    ]);
    const join = await screen.findByRole('link', { name: 'Join Mentoring session' });
    expect(join).toHaveAttribute('href', 'https://meet.example.org/pair');
    expect(join).toHaveAttribute('target', '_blank');
    expect(join).toHaveTextContent(/^Join$/);
    expect(screen.getAllByRole('link', { name: /^Join/ })).toHaveLength(1);
  });

  it('marks a session held before its end, without a join link', async () => {
    await renderSessions([
      page([session('s1', { status: 'COMPLETED', mode: 'VIRTUAL', place: 'https://meet.example.org/pair' })]),
    ]);
    const item = await screen.findByRole('listitem');
    expect(item).toHaveTextContent('Held');
    expect(within(item).queryByRole('link', { name: /^Join/ })).not.toBeInTheDocument();
  });

  it('shows more sessions a page at a time until there are no more', async () => {
    await renderSessions([
      page([session('s1'), session('s2'), session('s3')], { hasNextPage: true }),
      page([session('s4')], { after: 'c-s3' }),
    ]);
    await screen.findByRole('link', { name: 'Session s3' });
    await userEvent.click(screen.getByRole('button', { name: 'Show more sessions' }));
    expect(await screen.findByRole('link', { name: 'Session s4' })).toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(4);
    expect(screen.queryByRole('button', { name: 'Show more sessions' })).not.toBeInTheDocument();
  });

  it('says where sessions are booked when none is coming, in the viewer’s language', async () => {
    await renderSessions([page([])], 'de');
    expect(
      await screen.findByText('Keine Termine geplant. Sie vereinbaren sie im Arbeitsbereich eines Mentorings.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Nächste Termine' })).toBeInTheDocument();
  });
});
