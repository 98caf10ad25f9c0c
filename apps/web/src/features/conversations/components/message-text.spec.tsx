import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { MessageText } from './message-text';

describe('a message’s text on the page', () => {
  it('shows markup as text and makes a plain address a link that tells the other site nothing', async () => {
    const { container } = await renderWithProviders(
      <MessageText body={'<b>bold</b> <script>alert(1)</script> see https://example.org/notes'} />,
    );
    expect(container.querySelector('b, script')).toBeNull();
    expect(screen.getByText(/<b>bold<\/b> <script>alert\(1\)<\/script> see/)).toBeInTheDocument();
    const link = screen.getByRole('link', { name: 'https://example.org/notes' });
    expect(link).toHaveAttribute('href', 'https://example.org/notes');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');
  });

  it('leaves a misleading address as text', async () => {
    await renderWithProviders(<MessageText body="https://bank.example@evil.example/login" />);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('https://bank.example@evil.example/login')).toBeInTheDocument();
  });
});
