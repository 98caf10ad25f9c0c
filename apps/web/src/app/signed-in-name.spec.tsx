import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test/render';
import { SignedInName } from './signed-in-name';
import { SIGNED_IN_PERSON } from './signed-in-person-query';

const participation = (id: string, displayName: string, enrolledAt: string) =>
  ({ __typename: 'Participant', id, displayName, enrolledAt }) as const;

function me(participations: ReturnType<typeof participation>[]): MockLink.MockedResponse {
  return {
    request: { query: SIGNED_IN_PERSON },
    result: { data: { me: { __typename: 'Me', personId: 'p-42', participations } } },
  };
}

const renderName = (user: { name?: string; email?: string }, mocks: MockLink.MockedResponse[], language?: 'de') =>
  renderWithProviders(
    <MockedProvider mocks={mocks}>
      <SignedInName user={{ ...user, accessToken: 't' }} />
    </MockedProvider>,
    language,
    'firstPage',
  );

describe('the signed-in name in the header', () => {
  it('is the name the provider tells, without asking the API', async () => {
    await renderName({ name: 'Ada Lovelace' }, []);
    expect(screen.getByLabelText('Signed in as Ada Lovelace')).toHaveTextContent('Ada Lovelace');
  });

  it('is the name of the latest profile when the provider only knows the person’s id', async () => {
    await renderName({}, [
      me([
        participation('a', 'Ada L.', '2026-01-05T10:00:00Z'),
        participation('b', 'Ada Lovelace', '2027-02-01T10:00:00Z'),
      ]),
    ]);
    expect(await screen.findByLabelText('Signed in as Ada Lovelace')).toHaveTextContent('Ada Lovelace');
  });

  it('is the email for someone with no profile yet', async () => {
    await renderName({ email: 'ada@example.org' }, [me([])]);
    expect(await screen.findByLabelText('Signed in as ada@example.org')).toBeInTheDocument();
  });

  it('says only that someone is signed in, in their language, when nothing names them', async () => {
    await renderName({}, [me([])], 'de');
    expect(await screen.findByText('Angemeldet')).toBeInTheDocument();
    expect(screen.queryByText(/p-42/)).not.toBeInTheDocument();
  });
});
