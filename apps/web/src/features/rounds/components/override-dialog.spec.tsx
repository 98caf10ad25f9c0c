import { screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { OverrideDialog } from './override-dialog';

/** A pairs table's row button, which mounts the dialog open, as the round page does. */
function RowButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Lock Aiko Costa
      </button>
      {open && (
        <OverrideDialog
          title="Lock this pair"
          summary="Aiko Costa stays with Elif Eriksen."
          confirmLabel="Lock pair"
          onConfirm={() => Promise.resolve()}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

describe('override dialog', () => {
  it('gives focus back to the button that opened it, so a keyboard user goes on from the row', async () => {
    await renderWithProviders(<RowButton />);
    const opener = screen.getByRole('button', { name: 'Lock Aiko Costa' });
    opener.focus();
    await userEvent.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Lock this pair' });
    await waitFor(() => expect(dialog).toContainElement(document.activeElement as HTMLElement));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(opener).toHaveFocus());
  });
});
