import { screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { fakeAuthClient } from '../../../test/fake-auth-client';
import { renderWithProviders } from '../../../test/render';
import { AuthProvider } from './auth-provider';
import { RequireSignIn } from './require-sign-in';

function leavingForTheIssuer() {
  const client = fakeAuthClient(null);
  const redirects: Array<() => void> = [];
  // The real redirect settles only when the browser comes back to this page from its history.
  client.signIn = (returnTo) => {
    client.signIns.push(returnTo);
    return new Promise<void>((resolve) => redirects.push(resolve));
  };
  return { client, comeBack: () => redirects.forEach((resolve) => resolve()) };
}

/** The router mounts a page again when a parent route re-renders it; a button stands in for that here. */
function MembersPage() {
  const [mount, setMount] = useState(0);
  return (
    <>
      <button onClick={() => setMount((n) => n + 1)}>mount again</button>
      <RequireSignIn key={mount}>
        <p>Members only</p>
      </RequireSignIn>
    </>
  );
}

describe('RequireSignIn', () => {
  it('sends a signed-out visitor to sign in once, even when the page mounts again before the browser has left', async () => {
    const { client, comeBack } = leavingForTheIssuer();
    window.history.replaceState(null, '', '/programs/p-1?tab=requests');
    await renderWithProviders(
      <AuthProvider client={client}>
        <MembersPage />
      </AuthProvider>,
    );
    await waitFor(() => expect(client.signIns).toEqual(['/programs/p-1?tab=requests']));
    const mountAgain = screen.getByRole('button', { name: 'mount again' });
    await userEvent.click(mountAgain);
    await userEvent.click(mountAgain);
    expect(screen.getByText('Taking you to sign-in…')).toBeInTheDocument();
    expect(screen.queryByText('Members only')).not.toBeInTheDocument();
    expect(client.signIns).toHaveLength(1);

    // Back on this page from the issuer's through the browser's history: the next mount asks again.
    comeBack();
    await userEvent.click(mountAgain);
    await waitFor(() => expect(client.signIns).toHaveLength(2));
  });
});
