/**
 * A round's status badge colour: dark shades, because the badges are filled with white text on them and the light
 * variant of the theme colour (4.32:1) fails the 4.5:1 contrast the accessibility checks ask for.
 */
export function roundStatusColor(status: string): string {
  if (status === 'PUBLISHED') return 'teal.9';
  if (status === 'DISCARDED') return 'dark.6';
  if (status === 'DRAFT') return 'blue.8';
  return 'indigo.8';
}
