import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  // Visible keyboard focus on every control, not only when the browser guesses it is wanted.
  focusRing: 'always',
});
