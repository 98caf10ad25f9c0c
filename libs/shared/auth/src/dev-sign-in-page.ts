// The development provider's pages: the sign-in page (pick a person), the sign-out confirmation and the error page.
// Plain server-rendered HTML with every control a labelled form element, so screen readers, keyboards and Playwright
// all use them the same way, and no external assets, so they render offline.

export interface SignInPerson {
  personId: string;
  tenantId: string;
  orgAdmin: boolean;
  displayName: string;
  /** Shown next to the name: who this person is in the demo ("a mentee in the demo program"). */
  description: string;
}

export interface SignInPageInput {
  /** Where the forms post to: the interaction's own URL. */
  action: string;
  people: readonly SignInPerson[];
  /** The application asking for the sign-in, as its registration names it. */
  clientName: string;
  /** Shown above the forms when the previous submission was refused. */
  error?: string;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);
}

const style = `body{font-family:system-ui,sans-serif;margin:0;background:#f5f6f4;color:#1d2320}
main{max-width:40rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:2rem}
ul{list-style:none;padding:0}li{margin:.5rem 0}
button{font:inherit;padding:.6rem 1rem;border:1px solid #2f5d46;border-radius:.35rem;background:#2f5d46;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#2f5d46}
button:focus-visible,input:focus-visible{outline:3px solid #e0a100;outline-offset:2px}
label{display:block;margin:.75rem 0 .25rem}input[type=text]{font:inherit;padding:.4rem;width:100%;box-sizing:border-box}
.note{color:#4a524e}.error{border-left:4px solid #b3261e;padding:.5rem 1rem;background:#fff}`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

function personForm(action: string, person: SignInPerson): string {
  return `<li><form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="personId" value="${escapeHtml(person.personId)}">
<input type="hidden" name="tenantId" value="${escapeHtml(person.tenantId)}">
<button type="submit">Sign in as ${escapeHtml(person.displayName)} (${escapeHtml(person.description)})</button>
</form></li>`;
}

export function renderSignInPage(input: SignInPageInput): string {
  const error = input.error ? `<p class="error" role="alert">${escapeHtml(input.error)}</p>\n` : '';
  const people = input.people.length
    ? `<h2 id="people">Demo people</h2>\n<ul aria-labelledby="people">\n${input.people.map((p) => personForm(input.action, p)).join('\n')}\n</ul>`
    : '';
  return page(
    'Sign in to Trellis (development)',
    `<h1>Sign in to Trellis</h1>
<p class="note">Development sign-in for ${escapeHtml(input.clientName)}: no passwords, anyone can be anyone. Never use this provider in production.</p>
${error}${people}
<h2 id="other">Someone else</h2>
<form method="post" action="${escapeHtml(input.action)}" aria-labelledby="other">
<label for="personId">Person id</label>
<input type="text" id="personId" name="personId" required maxlength="200" autocomplete="off">
<label for="tenantId">Organization id</label>
<input type="text" id="tenantId" name="tenantId" required maxlength="200" autocomplete="off">
<label><input type="checkbox" name="orgAdmin" value="yes"> Organization admin</label>
<p><button type="submit">Sign in</button></p>
</form>`,
  );
}

/** `form` is the provider's own form (hidden state and its id, `op.logoutForm`); the buttons submit it. */
export function renderSignOutPage(form: string): string {
  return page(
    'Sign out of Trellis (development)',
    `<h1>Sign out of Trellis?</h1>
${form}
<p><button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>Yes, sign me out</button>
<button type="submit" form="op.logoutForm" class="secondary">No, stay signed in</button></p>`,
  );
}

export function renderSignedOutPage(): string {
  return page('Signed out of Trellis (development)', `<h1>You are signed out</h1>\n<p>You can close this page.</p>`);
}

export function renderErrorPage(details: Record<string, string | undefined>): string {
  const rows = Object.entries(details)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('\n');
  return page('Sign-in failed (development)', `<h1>Something went wrong</h1>\n<dl>\n${rows}\n</dl>`);
}
