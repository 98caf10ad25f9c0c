// kafkajs 2.2.4 re-arms a 1 ms timer on every broker connection for as long as the connection lives, even with
// nothing to send (kafkajs issues #1704 and #1751): an idle service spent about half its CPU on it, and Node 24
// prints a TimeoutNegativeWarning for every connection. patches/kafkajs+2.2.4.patch (applied by patch-package on
// install and in the image) stops the loop; these specs fail on the unpatched package.
import { createRequire } from 'node:module';

interface RequestQueue {
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
}
type RequestQueueClass = new (options: Record<string, unknown>) => RequestQueue;

const requireFromHere = createRequire(__filename);
const RequestQueueImpl = requireFromHere('kafkajs/src/network/requestQueue') as RequestQueueClass;
const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

function queue(): RequestQueue {
  return new RequestQueueImpl({
    maxInFlightRequests: null,
    requestTimeout: 30_000,
    enforceRequestTimeout: true,
    clientId: 'spec',
    broker: '127.0.0.1:9092',
    logger: silent,
  });
}

describe('the Kafka client request queue', () => {
  it('arms no timer when nothing waits and no throttle is in force', () => {
    const idle = queue();
    idle.checkPendingRequests();
    expect(idle.throttleCheckTimeoutId).toBeNull();
  });

  it('still comes back when the broker throttles the client', () => {
    const throttled = queue();
    throttled.throttledUntil = Date.now() + 1_000;
    throttled.checkPendingRequests();
    expect(throttled.throttleCheckTimeoutId).not.toBeNull();
    clearTimeout(throttled.throttleCheckTimeoutId!);
  });
});
