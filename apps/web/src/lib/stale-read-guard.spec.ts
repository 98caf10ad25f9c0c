import { ApolloLink } from '@apollo/client';
import { parse } from 'graphql';
import { Observable, type Subscriber } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { createStaleReadGuardLink } from './stale-read-guard';

// Not the app's schema (codegen reads gql tags, not these): the guard only looks at the kind of operation.
const QUERY = parse('query Items { items }');
const MUTATION = parse('mutation Tick { tick }');

/** A server whose answers the test sends by hand, in the order it chooses. */
function manualServer() {
  const pending: Array<{ name: string; answer: (data: unknown) => void }> = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable<ApolloLink.Result>((observer: Subscriber<ApolloLink.Result>) => {
        pending.push({
          name: operation.operationName ?? '',
          answer: (data) => {
            observer.next({ data: data as Record<string, unknown> });
            observer.complete();
          },
        });
      }),
  );
  const answer = (name: string, data: unknown) => {
    const index = pending.findIndex((p) => p.name === name);
    if (index < 0) throw new Error(`no ${name} under way`);
    const [request] = pending.splice(index, 1);
    request?.answer(data);
  };
  return { link, pending, answer };
}

function run(link: ApolloLink, query: typeof QUERY) {
  const received: unknown[] = [];
  const state = { completed: false };
  ApolloLink.execute(link, { query }, { client: {} as never }).subscribe({
    next: (result) => received.push(result.data),
    complete: () => (state.completed = true),
  });
  return { received, state };
}

describe('createStaleReadGuardLink', () => {
  it('passes a query answered with no mutation under way straight on', () => {
    const server = manualServer();
    const link = ApolloLink.from([createStaleReadGuardLink(), server.link]);
    const query = run(link, QUERY);
    server.answer('Items', { items: ['a'] });
    expect(query.received).toEqual([{ items: ['a'] }]);
    expect(query.state.completed).toBe(true);
  });

  it('asks again a query that answered after a mutation it overlapped, and delivers only the fresh answer', () => {
    const server = manualServer();
    const link = ApolloLink.from([createStaleReadGuardLink(), server.link]);
    const poll = run(link, QUERY); // a poll, sent before the tick reached the server
    const tick = run(link, MUTATION);
    server.answer('Tick', { tick: true });
    server.answer('Items', { items: ['open'] }); // read before the tick was stored
    expect(poll.received).toEqual([]);
    expect(server.pending.map((p) => p.name)).toEqual(['Items']);
    server.answer('Items', { items: ['done'] });
    expect(poll.received).toEqual([{ items: ['done'] }]);
    expect(poll.state.completed).toBe(true);
    expect(tick.received).toEqual([{ tick: true }]);
  });

  it('waits for the mutation to settle before asking again', () => {
    const server = manualServer();
    const link = ApolloLink.from([createStaleReadGuardLink(), server.link]);
    run(link, MUTATION);
    const refetch = run(link, QUERY);
    server.answer('Items', { items: ['maybe'] });
    expect(server.pending.map((p) => p.name)).toEqual(['Tick']);
    server.answer('Tick', { tick: true });
    expect(server.pending.map((p) => p.name)).toEqual(['Items']);
    server.answer('Items', { items: ['after'] });
    expect(refetch.received).toEqual([{ items: ['after'] }]);
  });

  it('gives up asking again after a few mutations in a row, rather than never answering', () => {
    const server = manualServer();
    const link = ApolloLink.from([createStaleReadGuardLink(), server.link]);
    const query = run(link, QUERY);
    for (let i = 0; i < 3; i += 1) {
      run(link, MUTATION);
      server.answer('Tick', { tick: true });
      server.answer('Items', { items: [i] });
    }
    expect(query.received).toEqual([{ items: [2] }]);
  });
});
