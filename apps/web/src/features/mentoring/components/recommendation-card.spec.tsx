import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PersonSummaryParticipant } from '../../../components/person-summary';
import { makeFragmentData } from '../../../gql';
import { renderWithProviders } from '../../../test/render';
import { RecommendationCard, RecommendationCardRecommendation } from './recommendation-card';

const person = {
  __typename: 'Participant' as const,
  id: 'm1',
  displayName: 'Mia Berg',
  headline: null,
  initials: 'MB',
};
const recommendation = makeFragmentData(
  {
    __typename: 'RecommendedMentor' as const,
    mentorPersonId: 'm1',
    freeSeats: 2,
    pendingRequests: 0,
    factors: [],
    mentor: { ...person, ...makeFragmentData(person, PersonSummaryParticipant) },
  },
  RecommendationCardRecommendation,
);

describe('a recommended mentor the mentee can prefer', () => {
  it('offers no marking while the preferences are not known', async () => {
    await renderWithProviders(
      <RecommendationCard recommendation={recommendation} alreadyRequested={false} onRequest={() => undefined} />,
    );
    expect(screen.queryByRole('button', { name: 'Prefer: Mia Berg' })).not.toBeInTheDocument();
  });

  it('marks and unmarks the mentor as preferred with a toggle button', async () => {
    const onToggle = vi.fn();
    await renderWithProviders(
      <RecommendationCard
        recommendation={recommendation}
        alreadyRequested={false}
        onRequest={() => undefined}
        preference={{ preferred: false, limitReached: false, pending: false, onToggle }}
      />,
    );
    const toggle = screen.getByRole('button', { name: 'Prefer: Mia Berg' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(toggle);
    expect(onToggle).toHaveBeenCalledTimes(1);
  });

  it('can always unmark a preferred mentor, even at the program’s maximum', async () => {
    await renderWithProviders(
      <RecommendationCard
        recommendation={recommendation}
        alreadyRequested={false}
        onRequest={() => undefined}
        preference={{ preferred: true, limitReached: true, pending: false, onToggle: () => undefined }}
      />,
    );
    const toggle = screen.getByRole('button', { name: 'Prefer: Mia Berg' });
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(toggle).toBeEnabled();
  });

  it('cannot mark one more mentor once the maximum is reached', async () => {
    await renderWithProviders(
      <RecommendationCard
        recommendation={recommendation}
        alreadyRequested={false}
        onRequest={() => undefined}
        preference={{ preferred: false, limitReached: true, pending: false, onToggle: () => undefined }}
      />,
      'de',
    );
    expect(screen.getByRole('button', { name: 'Bevorzugen: Mia Berg' })).toBeDisabled();
  });
});
