import { ApolloLink } from '@apollo/client';
import { getMainDefinition } from '@apollo/client/utilities';
import { Observable, type Subscription } from 'rxjs';

// Enough for a mutation or two in a row; past that the answer is delivered as it is rather than never.
const MAX_ASKS = 3;

/**
 * Keeps a query's answer from undoing a mutation on the page. A query that was under way while one of this client's
 * mutations was (a poll, or a refetch on a live event) may have been read by the server before the mutation was
 * stored; written to the cache after the mutation's own answer, it would put back the old state (an item just ticked
 * off shows as open again until the next poll). Such a query is asked again once no mutation is under way, and only
 * an answer that no mutation overlapped is delivered.
 */
export function createStaleReadGuardLink(): ApolloLink {
  let mutationsUnderWay = 0;
  // Moves on whenever a mutation starts or settles: a query that sees it move was overlapped by one.
  let mutationClock = 0;
  let waiting: Array<() => void> = [];
  const settled = () => {
    mutationsUnderWay -= 1;
    mutationClock += 1;
    if (mutationsUnderWay === 0) {
      const resume = waiting;
      waiting = [];
      resume.forEach((ask) => ask());
    }
  };
  const whenNoMutation = (ask: () => void) => (mutationsUnderWay === 0 ? ask() : waiting.push(ask));

  const guardMutation = (operation: ApolloLink.Operation, forward: ApolloLink.ForwardFunction) =>
    new Observable<ApolloLink.Result>((observer) => {
      mutationsUnderWay += 1;
      mutationClock += 1;
      let open = true;
      const settle = () => {
        if (open) {
          open = false;
          settled();
        }
      };
      const subscription = forward(operation).subscribe({
        // Settled before the answer is passed on (and written to the cache), so a query answering later is checked.
        next: (result) => {
          settle();
          observer.next(result);
        },
        error: (error: unknown) => {
          settle();
          observer.error(error);
        },
        complete: () => {
          settle();
          observer.complete();
        },
      });
      return () => {
        settle();
        subscription.unsubscribe();
      };
    });

  const guardQuery = (operation: ApolloLink.Operation, forward: ApolloLink.ForwardFunction) =>
    new Observable<ApolloLink.Result>((observer) => {
      const subscriptions: Subscription[] = [];
      let current = 0;
      let closed = false;
      const ask = (attempt: number) => {
        if (closed) return;
        current = attempt;
        const clean = mutationsUnderWay === 0;
        const clock = mutationClock;
        const isCurrent = () => current === attempt && !closed;
        subscriptions.push(
          forward(operation).subscribe({
            next: (result) => {
              if (!isCurrent()) return;
              if ((!clean || clock !== mutationClock) && attempt < MAX_ASKS) {
                current = attempt + 1; // this attempt's completion is no longer the query's
                whenNoMutation(() => ask(attempt + 1));
                return;
              }
              observer.next(result);
            },
            error: (error: unknown) => {
              if (isCurrent()) observer.error(error);
            },
            complete: () => {
              if (isCurrent()) observer.complete();
            },
          }),
        );
      };
      ask(1);
      return () => {
        closed = true;
        subscriptions.forEach((s) => s.unsubscribe());
      };
    });

  return new ApolloLink((operation, forward) => {
    const definition = getMainDefinition(operation.query);
    const kind = definition.kind === 'OperationDefinition' ? definition.operation : undefined;
    if (kind === 'mutation') return guardMutation(operation, forward);
    if (kind === 'query') return guardQuery(operation, forward);
    return forward(operation);
  });
}
