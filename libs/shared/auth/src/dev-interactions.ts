import type http from 'node:http';
import type Provider from 'oidc-provider';
import type { DevPeople } from './dev-oidc-provider';
import { renderErrorPage, renderSignInPage, type SignInPerson } from './dev-sign-in-page';

const MAX_FORM_BYTES = 16 * 1024;

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req as AsyncIterable<Buffer>) {
    body += chunk.toString('utf8');
    if (body.length > MAX_FORM_BYTES) throw new Error('form too large');
  }
  return new URLSearchParams(body);
}

function send(res: http.ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

/**
 * A listed person is taken as listed, so a form cannot make the demo mentee an org admin; anyone else is whoever the
 * form says (development only: no passwords).
 */
function personFromForm(form: URLSearchParams, people: DevPeople): SignInPerson | string {
  const personId = (form.get('personId') ?? '').trim();
  const tenantId = (form.get('tenantId') ?? '').trim();
  if (!personId || !tenantId) return 'Enter both a person id and an organization id.';
  if (personId.length > 200 || tenantId.length > 200) return 'Ids are at most 200 characters long.';
  const listed = people.listed.find((p) => p.personId === personId && p.tenantId === tenantId);
  return (
    listed ?? {
      personId,
      tenantId,
      orgAdmin: form.get('orgAdmin') === 'yes',
      displayName: personId,
      description: form.get('orgAdmin') === 'yes' ? 'org admin' : 'signed in by id',
    }
  );
}

/** Consent is granted without asking: the only client is Trellis's own web app. */
async function grantConsent(
  provider: Provider,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  details: Awaited<ReturnType<Provider['interactionDetails']>>,
): Promise<void> {
  const { prompt, params, session } = details;
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: session?.accountId, clientId: String(params['client_id']) });
  if (!grant) throw new Error('the interaction names a grant that no longer exists');
  const missing = prompt.details as {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

/** Serves `/interaction/:uid`: GET shows the sign-in page, POST signs the chosen person in. */
export function devInteractionHandler(provider: Provider, people: DevPeople) {
  return async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    let details: Awaited<ReturnType<Provider['interactionDetails']>>;
    try {
      details = await provider.interactionDetails(req, res);
    } catch (error) {
      // Typically an expired or foreign interaction cookie: starting over from the app is the fix.
      const description = error instanceof Error ? error.message : String(error);
      return send(
        res,
        400,
        renderErrorPage({ error: 'sign-in expired', description, hint: 'Start again from Trellis.' }),
      );
    }
    if (details.prompt.name === 'consent') return grantConsent(provider, req, res, details);
    if (details.prompt.name !== 'login') {
      return send(res, 400, renderErrorPage({ error: `unsupported prompt ${details.prompt.name}` }));
    }
    const client = await provider.Client.find(String(details.params['client_id']));
    const page = (error?: string) =>
      renderSignInPage({
        action: `/interaction/${details.uid}`,
        people: people.listed,
        clientName: client?.clientName ?? client?.clientId ?? 'an application',
        ...(error ? { error } : {}),
      });
    if (req.method === 'GET') return send(res, 200, page());
    if (req.method !== 'POST') return send(res, 405, renderErrorPage({ error: 'method not allowed' }));
    const person = personFromForm(await readForm(req), people);
    if (typeof person === 'string') return send(res, 400, page(person));
    people.remember(person);
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: person.personId } },
      { mergeWithLastSubmission: false },
    );
  };
}
