import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { MarkConversationReadMutationVariables, PostMessageMutationVariables } from '../../../gql/graphql';
import { renderInRouter } from '../../../test/render';
import { CIRCLE_CONVERSATIONS } from '../../conversations/api/circle-conversations-query';
import { MARK_CONVERSATION_READ, POST_MESSAGE } from '../../conversations/api/conversation-mutations';
import { CONVERSATION, PAGE_SIZE } from '../../conversations/api/conversation-query';
import { MY_CIRCLES } from '../api/my-circles-query';
import { CirclePage } from './circle-page';

const CONVERSATION_ID = 'circle-c-1';
const participant = (personId: string, displayName: string) => ({
  __typename: 'Participant' as const,
  id: `pa-${personId}`,
  displayName,
});
const message = (seq: number, authorPersonId: string, body: string, viewer = 'ida') => ({
  __typename: 'ConversationMessage' as const,
  id: `msg-${seq}`,
  seq,
  authorPersonId,
  body,
  status: 'VISIBLE' as const,
  postedAt: `2026-03-01T10:0${seq}:00.000Z`,
  editedAt: null,
  mine: authorPersonId === viewer,
  editableUntil: null,
});

const conversationOf = (
  messages: Array<ReturnType<typeof message>>,
  { viewerReadUpTo = 0, members = ['lena', 'ida', 'ben'] } = {},
): MockLink.MockedResponse => ({
  request: { query: CONVERSATION, variables: { mentorshipId: CONVERSATION_ID, last: PAGE_SIZE } },
  result: {
    data: {
      me: { __typename: 'Me' as const, personId: 'ida' },
      conversation: {
        __typename: 'Conversation' as const,
        mentorshipId: CONVERSATION_ID,
        circleId: 'c-1',
        status: 'OPEN' as const,
        memberPersonIds: members,
        olderBeforeSeq: null,
        unreadCount: messages.filter((m) => !m.mine && m.seq > viewerReadUpTo).length,
        readReceipts: [{ __typename: 'ReadReceipt' as const, personId: 'ida', readUpToSeq: viewerReadUpTo }],
        messages,
      },
    },
  },
});

const page = (): MockLink.MockedResponse[] => [
  {
    request: { query: CIRCLE_CONVERSATIONS },
    result: {
      data: {
        me: { __typename: 'Me' as const, personId: 'ida' },
        myConversations: [
          {
            __typename: 'ConversationSummary' as const,
            mentorshipId: CONVERSATION_ID,
            circleId: 'c-1',
            programId: 'prog-1',
            unreadCount: 1,
          },
        ],
      },
    },
  },
  {
    request: { query: MY_CIRCLES, variables: { programId: 'prog-1' } },
    result: {
      data: {
        myCircles: [
          {
            __typename: 'Circle' as const,
            id: 'c-1',
            status: 'open',
            mentorPersonId: 'lena',
            mentor: participant('lena', 'Lena Lead'),
            members: [
              { __typename: 'CircleMember' as const, personId: 'ida', mentee: participant('ida', 'Ida Mentee') },
              { __typename: 'CircleMember' as const, personId: 'ben', mentee: participant('ben', 'Ben Mentee') },
            ],
          },
        ],
      },
    },
  },
];

const renderPage = (mocks: MockLink.MockedResponse[]) =>
  renderInRouter(
    <MockedProvider mocks={mocks}>
      <CirclePage circleId="c-1" />
    </MockedProvider>,
    { path: '/circles/c-1' },
  );

describe('a circle’s page with its conversation', () => {
  const welcome = message(1, 'lena', 'Welcome to our circle!');
  const question = message(2, 'ben', 'When do we meet?');

  it('shows the circle’s messages by the names of its people, and marks the unread one read in the circle', async () => {
    const marked: MarkConversationReadMutationVariables[] = [];
    await renderPage([
      ...page(),
      conversationOf([welcome, question], { viewerReadUpTo: 1 }),
      {
        request: {
          query: MARK_CONVERSATION_READ,
          variables: (variables: MarkConversationReadMutationVariables) => (marked.push(variables), true),
        },
        result: {
          data: {
            markConversationRead: {
              __typename: 'Conversation' as const,
              mentorshipId: CONVERSATION_ID,
              unreadCount: 0,
            },
          },
        },
      },
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Lena Lead’s circle' })).toBeInTheDocument();
    expect(screen.getByText('In the circle: Lena Lead, Ben Mentee')).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Messages' });
    expect(
      screen.getByText(
        'Only the people of this circle read this conversation: not the program’s managers, not anyone else.',
      ),
    ).toBeInTheDocument();
    expect(within(list).getByText('Welcome to our circle!')).toBeInTheDocument();
    expect(within(list).getByText('Lena Lead')).toBeInTheDocument();
    expect(within(list).getByText('Ben Mentee')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the program' })).toHaveAttribute('href', '/programs/prog-1');
    // The one unread message (Ben's) is read once it is on screen: up to it, in the circle's conversation.
    await waitFor(() =>
      expect(marked).toEqual([expect.objectContaining({ mentorshipId: CONVERSATION_ID, upToMessageId: 'msg-2' })]),
    );
  });

  it('posts what the member writes to the circle’s conversation and shows it once sent', async () => {
    const sent: PostMessageMutationVariables[] = [];
    const mine = message(3, 'ida', 'Thursday works for me');
    await renderPage([
      ...page(),
      conversationOf([welcome, question], { viewerReadUpTo: 2 }),
      {
        request: {
          query: POST_MESSAGE,
          variables: (variables: PostMessageMutationVariables) => (sent.push(variables), true),
        },
        result: { data: { postMessage: mine } },
      },
      conversationOf([welcome, question, mine], { viewerReadUpTo: 3 }),
    ]);
    const field = await screen.findByRole('textbox', { name: /Your message/ });
    await userEvent.type(field, 'Thursday works for me');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() =>
      expect(sent).toEqual([expect.objectContaining({ mentorshipId: CONVERSATION_ID, body: 'Thursday works for me' })]),
    );
    const list = screen.getByRole('list', { name: 'Messages' });
    expect(await within(list).findByText('Thursday works for me')).toBeInTheDocument();
    expect(field).toHaveValue('');
  });

  it('asks before deleting with words for a circle, not for a pair', async () => {
    await renderPage([
      ...page(),
      conversationOf([welcome, message(2, 'ida', 'Oops, wrong circle')], { viewerReadUpTo: 2 }),
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this message?' });
    expect(
      within(dialog).getByText('It will read “Message deleted” for everyone in the circle. This cannot be undone.'),
    ).toBeInTheDocument();
  });

  it('lets a mentee who left read up to their leaving, without a composer', async () => {
    await renderPage([...page(), conversationOf([welcome], { viewerReadUpTo: 1, members: ['lena', 'ben'] })]);
    expect(await screen.findByText('Welcome to our circle!')).toBeInTheDocument();
    expect(
      screen.getByText(
        'You left this circle: you read its conversation up to your leaving, and can no longer write in it.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: /Your message/ })).not.toBeInTheDocument();
  });
});
