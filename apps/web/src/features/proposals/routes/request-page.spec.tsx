import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderInRouter } from '../../../test/render';
import { REQUEST_PROGRAM } from '../api/request-program-query';
import { RequestPage } from './request-page';

const requests: MockLink.MockedResponse = {
  request: { query: REQUEST_PROGRAM },
  result: {
    data: { myMentorshipRequests: [{ __typename: 'MentorshipRequest', id: 'r1', programId: 'prog1' }] },
  },
};

describe('a request’s link', () => {
  it('sends a request’s link on to the program page where it is answered, in place of the link', async () => {
    const { history } = await renderInRouter(
      <MockedProvider mocks={[requests]}>
        <RequestPage requestId="r1" />
      </MockedProvider>,
      { path: '/matching/requests/r1' },
    );
    await waitFor(() => expect(history.location.pathname).toBe('/programs/prog1'));
    expect(history.length).toBe(1);
  });

  it('says so when the request is not the person’s', async () => {
    await renderInRouter(
      <MockedProvider mocks={[requests]}>
        <RequestPage requestId="someone-elses" />
      </MockedProvider>,
    );
    expect(await screen.findByText('This request is not yours, or it no longer exists.')).toBeInTheDocument();
  });
});
