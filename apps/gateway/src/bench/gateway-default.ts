// The baseline of `npm run bench:gateway`: a default @apollo/gateway + @apollo/server on Express, as the Apollo docs
// set it up (RemoteGraphQLDataSource forwarding the caller's Authorization header), over the same subgraphs.
// Started as a child process by gateway.bench.ts with BENCH_PORT and BENCH_SUPERGRAPH (a composed supergraph SDL).
import http from 'node:http';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import express from 'express';
import { expressGraphqlHandler } from '@trellis/shared/graphql';

interface Context {
  authorization: string;
}

async function main(): Promise<void> {
  const gateway = new ApolloGateway({
    supergraphSdl: process.env['BENCH_SUPERGRAPH'] ?? '',
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource<Context>({
        url,
        willSendRequest({ request, context }) {
          request.http?.headers.set('authorization', String((context as Partial<Context>).authorization ?? ''));
        },
      }),
  });
  const server = new ApolloServer<Context>({ gateway });
  await server.start();
  const app = express();
  // Equivalent of @as-integrations/express5's expressMiddleware (not installed here): the same HTTP mapping.
  app.use(
    '/graphql',
    express.json(),
    expressGraphqlHandler<Context>(server, ({ req }) =>
      Promise.resolve({ authorization: (req as http.IncomingMessage).headers.authorization ?? '' }),
    ),
  );
  http.createServer(app).listen(Number(process.env['BENCH_PORT']), '127.0.0.1');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
