import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type {
  CreateCircleMutationVariables,
  ProgramFormat,
  PublishCircleFillMutationVariables,
  RemoveFromCircleMutationVariables,
  StartCircleFillMutationVariables,
} from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { CREATE_CIRCLE, PUBLISH_CIRCLE_FILL, REMOVE_FROM_CIRCLE, START_CIRCLE_FILL } from '../api/circles-mutations';
import { CIRCLE_CANDIDATES, CONSOLE_CIRCLES } from '../api/circles-queries';
import { CirclesPanel } from './circles-panel';

const participant = (personId: string, displayName: string) => ({
  __typename: 'Participant' as const,
  id: `pa-${personId}`,
  displayName,
});

const circle = (
  id: string,
  lead: [string, string],
  members: Array<[string, string]>,
  extra: { maxSize?: number; status?: string; selfJoin?: boolean } = {},
) => {
  const maxSize = extra.maxSize ?? 4;
  const status = extra.status ?? 'open';
  return {
    __typename: 'Circle' as const,
    id,
    programId: 'prog-1',
    status,
    maxSize,
    memberCount: members.length,
    freeSeats: status === 'open' ? maxSize - members.length : 0,
    selfJoin: extra.selfJoin ?? false,
    mentorPersonId: lead[0],
    mentor: participant(lead[0], lead[1]),
    members: members.map(([personId, name]) => ({
      __typename: 'CircleMember' as const,
      personId,
      participantId: `pa-${personId}`,
      mentee: participant(personId, name),
    })),
  };
};

const circlesList = (circles: Array<ReturnType<typeof circle>>): MockLink.MockedResponse => ({
  request: { query: CONSOLE_CIRCLES, variables: { programId: 'prog-1' } },
  result: { data: { circles } },
});

const candidates = (
  role: 'MENTOR' | 'MENTEE',
  people: Array<[string, string]>,
  page: { after?: string; next?: string } = {},
): MockLink.MockedResponse => ({
  request: { query: CIRCLE_CANDIDATES, variables: { programId: 'prog-1', role, after: page.after ?? null } },
  result: {
    data: {
      program: {
        __typename: 'Program',
        id: 'prog-1',
        participants: {
          __typename: 'ParticipantConnection',
          pageInfo: { __typename: 'PageInfo', hasNextPage: page.next !== undefined, endCursor: page.next ?? null },
          edges: people.map(([personId, displayName]) => ({
            __typename: 'ParticipantEdge',
            node: { __typename: 'Participant', id: `pa-${personId}`, personId, displayName },
          })),
        },
      },
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
});

const people: MockLink.MockedResponse[] = [
  candidates('MENTOR', [
    ['lena', 'Lena Lead'],
    ['omar', 'Omar Mentor'],
  ]),
  candidates('MENTEE', [
    ['ben', 'Ben Mentee'],
    ['ida', 'Ida Mentee'],
    ['kai', 'Kai Mentee'],
  ]),
];

function capturing<V>(query: MockLink.MockedResponse['request']['query'], sent: V[], result: unknown) {
  return {
    request: {
      query,
      variables: (variables: V) => {
        sent.push(variables);
        return true;
      },
    },
    result,
  } as MockLink.MockedResponse;
}

const renderPanel = (mocks: MockLink.MockedResponse[], format: ProgramFormat = 'BOTH', language: 'en' | 'de' = 'en') =>
  renderWithProviders(
    <MockedProvider mocks={mocks}>
      <CirclesPanel programId="prog-1" format={format} maxCircleSize={6} />
    </MockedProvider>,
    language,
  );

describe('circles tab', () => {
  it('lists the circles with their lead, status, size and members by name', async () => {
    await renderPanel([
      circlesList([
        circle('c-closed', ['omar', 'Omar Mentor'], [], { status: 'closed' }),
        circle('c-1', ['lena', 'Lena Lead'], [['ben', 'Ben Mentee']], { selfJoin: true }),
      ]),
      ...people,
    ]);
    const open = await screen.findByRole('region', { name: 'Circle of Lena Lead' });
    expect(within(open).getByText('Open')).toBeInTheDocument();
    expect(within(open).getByText(/^1 of 4 places taken\. Mentees may join on their own\.$/)).toBeInTheDocument();
    expect(within(open).getByRole('list', { name: 'Members of the circle of Lena Lead' })).toHaveTextContent(
      'Ben Mentee',
    );
    const closed = screen.getByRole('region', { name: 'Circle of Omar Mentor' });
    expect(within(closed).getByText('Closed')).toBeInTheDocument();
    expect(within(closed).getByText('No members yet.')).toBeInTheDocument();
    // Open circles come first.
    const headings = screen.getAllByRole('heading', { level: 4 }).map((h) => h.textContent);
    expect(headings).toEqual(['Circle of Lena Lead', 'Circle of Omar Mentor']);
  });

  it('says when there is no circle yet, and that a one-on-one program has none to create', async () => {
    const { unmount } = await renderPanel([circlesList([]), ...people]);
    expect(await screen.findByText(/^No circle yet\./)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create circle' })).toBeInTheDocument();
    unmount();
    await renderPanel([circlesList([]), ...people], 'ONE_ON_ONE');
    expect(await screen.findByText('This program offers one-on-one mentoring only')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Create circle' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Fill with the engine' })).not.toBeInTheDocument();
  });

  it('names what is missing on its field before sending, shows the refusal on the size, then creates', async () => {
    const sent: CreateCircleMutationVariables[] = [];
    await renderPanel([
      circlesList([]),
      ...people,
      capturing(CREATE_CIRCLE, sent, {
        errors: [
          { message: 'Circles in this program hold at most 6 mentees.', extensions: { code: 'BAD_USER_INPUT' } },
        ],
      }),
      capturing(CREATE_CIRCLE, sent, { data: { createCircle: circle('c-new', ['lena', 'Lena Lead'], []) } }),
    ]);
    await screen.findByText(/^No circle yet\./);
    const size = screen.getByRole('textbox', { name: /Places for mentees/ });
    await userEvent.clear(size);
    await userEvent.type(size, '9');
    await userEvent.click(screen.getByRole('button', { name: 'Create circle' }));
    expect(await screen.findByText('Choose the mentor who leads the circle.')).toBeInTheDocument();
    expect(screen.getByText('A circle holds 2 to 6 mentees.')).toBeInTheDocument();
    expect(size).toHaveAttribute('aria-invalid', 'true');
    expect(sent).toEqual([]);

    await userEvent.click(screen.getByLabelText(/Led by/, { selector: 'input' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Lena Lead', hidden: true }));
    await userEvent.clear(size);
    await userEvent.type(size, '5');
    await userEvent.click(screen.getByRole('button', { name: 'Create circle' }));
    // The API's refusal names no field; its only refused input is the size, so it shows there.
    expect(await screen.findByText('Circles in this program hold at most 6 mentees.')).toBeInTheDocument();
    expect(size).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Create circle' }));
    expect(await screen.findByRole('region', { name: 'Circle of Lena Lead' })).toBeInTheDocument();
    expect(sent.map(({ commandId: _commandId, ...rest }) => rest)).toEqual([
      { programId: 'prog-1', mentorPersonId: 'lena', maxSize: 5, selfJoin: true },
      { programId: 'prog-1', mentorPersonId: 'lena', maxSize: 5, selfJoin: true },
    ]);
    expect(sent[0]?.commandId).toEqual(expect.any(String));
    expect(sent[1]?.commandId).not.toBe(sent[0]?.commandId);
  });

  it('fills with the engine, shows the draft by circle with names, fit and reasons, and publishes on confirmation', async () => {
    const started: StartCircleFillMutationVariables[] = [];
    const published: PublishCircleFillMutationVariables[] = [];
    const fill = (status: string) => ({
      __typename: 'CircleFill' as const,
      id: 'fill-1',
      status,
      placements: [
        ['kai', 'Kai Mentee', 0.61],
        ['ida', 'Ida Mentee', 0.87],
      ].map(([personId, name, score]) => ({
        __typename: 'CirclePlacement' as const,
        circleId: 'c-1',
        menteePersonId: personId,
        mentorPersonId: 'lena',
        score,
        mentee: participant(String(personId), String(name)),
      })),
      unplaced: [
        {
          __typename: 'CircleUnplacedMentee' as const,
          menteePersonId: 'zoe',
          reason: 'no-capacity',
          mentee: participant('zoe', 'Zoe Mentee'),
        },
      ],
    });
    await renderPanel([
      circlesList([circle('c-1', ['lena', 'Lena Lead'], [['ben', 'Ben Mentee']])]),
      ...people,
      capturing(START_CIRCLE_FILL, started, { data: { startCircleFill: fill('draft') } }),
      capturing(PUBLISH_CIRCLE_FILL, published, {
        data: {
          publishCircleFill: {
            __typename: 'CircleFillOutcome',
            placed: 2,
            skipped: [],
            fill: fill('published'),
          },
        },
      }),
      circlesList([
        circle(
          'c-1',
          ['lena', 'Lena Lead'],
          [
            ['ben', 'Ben Mentee'],
            ['ida', 'Ida Mentee'],
            ['kai', 'Kai Mentee'],
          ],
        ),
      ]),
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Fill with the engine' }));
    expect(await screen.findByText('Draft: 2 mentees proposed, 1 not placed.')).toBeInTheDocument();
    const proposed = screen.getByRole('table', { name: 'Proposed for the circle of Lena Lead' });
    const rows = within(proposed).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['Ida Mentee0.87', 'Kai Mentee0.61']);
    const unplaced = screen.getByRole('table', { name: 'Mentees the engine did not place' });
    expect(within(unplaced).getByRole('row', { name: /Zoe Mentee/ })).toHaveTextContent(
      'No circle lead with a free place',
    );
    expect(started.map((v) => v.programId)).toEqual(['prog-1']);
    expect(started[0]?.commandId).toEqual(expect.any(String));

    await userEvent.click(screen.getByRole('button', { name: 'Publish…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish the circles’ new members' });
    expect(dialog).toHaveTextContent('2 mentees join their circles (1 circles in all)');
    expect(published).toEqual([]);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Publish' }));
    expect(await screen.findByText('2 mentees joined their circles.')).toBeInTheDocument();
    expect(published.map((v) => v.fillId)).toEqual(['fill-1']);
    expect(published[0]?.commandId).toEqual(expect.any(String));
    expect(published[0]?.commandId).not.toBe(started[0]?.commandId);
    // The list catches up with the publish: the placed mentees show in their circle by name.
    const members = await screen.findByRole('list', { name: 'Members of the circle of Lena Lead' }, { timeout: 4000 });
    await within(members).findByText('Kai Mentee', undefined, { timeout: 4000 });
    expect(screen.queryByRole('table', { name: 'Proposed for the circle of Lena Lead' })).not.toBeInTheDocument();
  });

  it('takes a member out of a circle with a change id of its own', async () => {
    const sent: RemoveFromCircleMutationVariables[] = [];
    await renderPanel([
      circlesList([circle('c-1', ['lena', 'Lena Lead'], [['ben', 'Ben Mentee']])]),
      ...people,
      capturing(REMOVE_FROM_CIRCLE, sent, { data: { leaveCircle: circle('c-1', ['lena', 'Lena Lead'], []) } }),
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Remove Ben Mentee from the circle' }));
    const card = screen.getByRole('region', { name: 'Circle of Lena Lead' });
    expect(await within(card).findByText('No members yet.')).toBeInTheDocument();
    expect(sent.map(({ commandId: _commandId, ...rest }) => rest)).toEqual([
      { circleId: 'c-1', menteePersonId: 'ben' },
    ]);
    expect(sent[0]?.commandId).toEqual(expect.any(String));
  });

  it('offers every active mentor to lead a circle, page after page, by name', async () => {
    await renderPanel([
      circlesList([]),
      candidates('MENTOR', [['lena', 'Lena Lead']], { next: 'cursor-1' }),
      candidates('MENTOR', [['omar', 'Omar Mentor']], { after: 'cursor-1' }),
      candidates('MENTEE', []),
    ]);
    await userEvent.click(await screen.findByLabelText(/Led by/, { selector: 'input' }));
    expect(await screen.findByRole('option', { name: 'Omar Mentor', hidden: true })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'Lena Lead', hidden: true })).toBeInTheDocument();
  });

  it('speaks German', async () => {
    await renderPanel([circlesList([circle('c-1', ['lena', 'Lena Lead'], [])]), ...people], 'BOTH', 'de');
    expect(await screen.findByRole('region', { name: 'Zirkel von Lena Lead' })).toBeInTheDocument();
    expect(screen.getByText(/^0 von 4 Plätzen belegt\./)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mit der Engine füllen' })).toBeInTheDocument();
  });
});
