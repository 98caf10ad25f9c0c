/** Paths the gateway answers itself; everything else that is a GET without a file extension is a web app route. */
const SERVER_PATHS = ['/graphql', '/health', '/metrics', '/config.json', '/subgraph'];

/** Whether a GET for this URL gets the web app's index.html (client-side routing), not a 404. */
export function isSpaRoute(url: string): boolean {
  const pathname = url.split(/[?#]/, 1)[0] ?? '/';
  if (SERVER_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return false;
  // A missing /assets/app-1a2b.js must be a 404, not an HTML page the browser tries to run as a script.
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  return !last.includes('.');
}

/**
 * Vite puts a content hash in every file name under assets/, so those never change and are cached for a year;
 * index.html (and anything else) is revalidated on every load so a new deployment is picked up at once.
 */
export function cacheControlFor(relativePath: string): string {
  const normalized = relativePath.replace(/\\/g, '/').replace(/^\/+/, '');
  return normalized.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}
