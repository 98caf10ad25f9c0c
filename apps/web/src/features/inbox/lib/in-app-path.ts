/**
 * The app's own path for a notification link. Links are absolute URLs made with the server's idea of the app's
 * address (TRELLIS_APP_URL), which need not be the origin the person has open, so only path, query and fragment are
 * kept: the person stays in this tab and signed in, and a link can never lead out of the app.
 */
export function inAppPath(link: string): string {
  let url: URL;
  try {
    url = new URL(link, 'http://app.invalid');
  } catch {
    return '/';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return '/';
  // `//evil.example` as a path would be read as another host by the router's history.
  const path = `/${url.pathname.replace(/^\/+/, '')}`;
  return `${path}${url.search}${url.hash}`;
}
