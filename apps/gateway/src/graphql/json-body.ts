import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';

/** Reads and parses a JSON request body, refusing more than `maxBytes` before buffering it (413). */
export function readJsonBody(req: IncomingMessage & { body?: unknown }, maxBytes: number): Promise<unknown> {
  if (req.body !== undefined) return Promise.resolve(req.body);
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return Promise.resolve(undefined);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) return Promise.reject(tooLarge(maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.removeAllListeners('data');
        req.resume();
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > maxBytes) return;
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve(undefined);
      const type = req.headers['content-type'] ?? '';
      if (!type.includes('application/json') && !type.includes('application/graphql-response+json')) {
        // Apollo answers a non-JSON POST with its own clear 400 (and CSRF prevention relies on that check).
        return resolve(text);
      }
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(
          new GraphQLError('The request body is not valid JSON.', {
            extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
          }),
        );
      }
    });
    req.on('error', reject);
  });
}

export function tooLarge(maxBytes: number): GraphQLError {
  return new GraphQLError(`The request body is larger than ${maxBytes} bytes.`, {
    extensions: { code: 'BAD_USER_INPUT', reason: 'LIMIT', limit: 'body', http: { status: 413 } },
  });
}
