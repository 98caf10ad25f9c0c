import { MockedProvider } from '@apollo/client/testing/react';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeFragmentData } from '../../../gql';
import type { EngagementViewerRole, ResourceKind } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { ResourceCardResource } from './resource-card';
import { ResourcesPanel, ResourcesPanelEngagement } from './resources-panel';

type ResourceFields = { id: string; kind: ResourceKind; title: string; link: string | null };
const resource = (fields: ResourceFields) => ({ ...makeFragmentData(fields, ResourceCardResource), id: fields.id });

const renderAs = (viewerRole: EngagementViewerRole) =>
  renderWithProviders(
    <MockedProvider>
      <ResourcesPanel
        mentorName="Freya Varga"
        engagement={makeFragmentData(
          {
            mentorshipId: 'm-1',
            status: 'OPEN',
            viewerRole,
            resources: [
              resource({ id: 'r-1', kind: 'BOOK', title: 'Agile Retrospectives', link: 'https://example.org/a' }),
              resource({ id: 'r-2', kind: 'EVENT', title: 'Meetup', link: 'javascript:alert(1)' }),
            ],
          },
          ResourcesPanelEngagement,
        )}
      />
    </MockedProvider>,
  );

describe('resources', () => {
  it('shows the mentee what the mentor recommends, links opening in a new tab without opener or referrer', async () => {
    await renderAs('MENTEE');
    const link = screen.getByRole('link', { name: 'Agile Retrospectives (opens in a new tab)' });
    expect(link).toHaveAttribute('href', 'https://example.org/a');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.getByText('Book')).toBeInTheDocument();
    // Only web addresses become links.
    expect(screen.getByText('Meetup')).not.toHaveAttribute('href');
    expect(screen.getAllByRole('link')).toHaveLength(1);
    // The API lets only the mentor recommend.
    expect(screen.queryByRole('button', { name: 'Recommend a resource' })).not.toBeInTheDocument();
  });

  it('lets the mentor recommend', async () => {
    await renderAs('MENTOR');
    expect(screen.getByRole('button', { name: 'Recommend a resource' })).toBeInTheDocument();
  });
});
