// A small HTTP balancer for local drills, standing in for a Kubernetes Service or the ingress in front of several
// instances of an app: it sends each request to the next instance whose /health/ready answers 200, and, like nginx's
// default `proxy_next_upstream error`, tries the next instance when one refused the connection (or closed a kept-alive
// connection as the request went out), which the instance never saw. With no instance to send to it answers
// 503 with `Retry-After`. Requests are buffered (they are small GraphQL bodies), so they can be sent again.
import http from 'node:http';

export interface Balancer {
  url: string;
  port: number;
  /** Requests answered 503 because no instance could take them. */
  readonly unavailable: number;
  /** Requests sent again to another instance because one refused them. */
  readonly failovers: number;
  close(): Promise<void>;
}

interface Backend {
  base: URL;
  ready: boolean;
}

export interface BalancerOptions {
  /** Base URLs of the instances, e.g. http://127.0.0.1:4100 */
  backends: string[];
  port?: number;
  probeIntervalMs?: number;
  retryAfterSeconds?: number;
}

export async function startBalancer(options: BalancerOptions): Promise<Balancer> {
  const backends: Backend[] = options.backends.map((b) => ({ base: new URL(b), ready: false }));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });
  let cursor = 0;
  let unavailable = 0;
  let failovers = 0;
  let closed = false;

  const probe = async (backend: Backend) => {
    try {
      const response = await fetch(new URL('/health/ready', backend.base), { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      backend.ready = response.ok;
    } catch {
      backend.ready = false;
    }
  };
  await Promise.all(backends.map(probe));
  let probeTimer: NodeJS.Timeout | undefined;
  const probeLoop = () => {
    if (closed) return;
    void Promise.all(backends.map(probe)).finally(() => {
      if (!closed) probeTimer = setTimeout(probeLoop, options.probeIntervalMs ?? 250);
    });
  };
  probeTimer = setTimeout(probeLoop, options.probeIntervalMs ?? 250);

  const order = (): Backend[] => {
    const start = cursor++ % backends.length;
    const rotated = [...backends.slice(start), ...backends.slice(0, start)];
    return rotated.filter((b) => b.ready);
  };

  type Forwarded = { kind: 'answered'; response: http.IncomingMessage } | { kind: 'not-delivered' | 'broken' };
  const forward = (backend: Backend, req: http.IncomingMessage, body: Buffer): Promise<Forwarded> =>
    new Promise((resolve) => {
      const headers = { ...req.headers, host: backend.base.host, 'content-length': String(body.length) };
      delete headers['connection'];
      const upstream = http.request(
        { host: backend.base.hostname, port: backend.base.port, path: req.url, method: req.method, headers, agent },
        (response) => resolve({ kind: 'answered', response }),
      );
      upstream.on('error', (error: NodeJS.ErrnoException) => {
        const stale = upstream.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE');
        resolve({ kind: error.code === 'ECONNREFUSED' || stale ? 'not-delivered' : 'broken' });
      });
      upstream.end(body);
    });

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        const candidates = order();
        for (const [i, backend] of candidates.entries()) {
          const result = await forward(backend, req, body);
          if (result.kind === 'not-delivered') {
            backend.ready = false;
            if (i < candidates.length - 1) failovers += 1;
            continue;
          }
          if (result.kind !== 'answered') {
            // Sent, then lost: the instance may have acted on it, so it is not sent again; the client decides.
            res.statusCode = 502;
            res.end();
            return;
          }
          res.writeHead(result.response.statusCode ?? 502, result.response.headers);
          result.response.pipe(res);
          return;
        }
        unavailable += 1;
        res.writeHead(503, {
          'content-type': 'application/json',
          'retry-after': String(options.retryAfterSeconds ?? 1),
        });
        res.end(
          JSON.stringify({
            errors: [
              {
                message: 'No instance is ready.',
                extensions: {
                  code: 'SERVICE_UNAVAILABLE',
                  retryable: true,
                  retryAfterMs: (options.retryAfterSeconds ?? 1) * 1000,
                },
              },
            ],
          }),
        );
      })();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get unavailable() {
      return unavailable;
    },
    get failovers() {
      return failovers;
    },
    close: async () => {
      closed = true;
      clearTimeout(probeTimer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
