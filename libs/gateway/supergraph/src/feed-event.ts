import type { Principal } from '@trellis/shared/auth';
import type { EventEnvelope } from '@trellis/shared/messaging';

/** An integration event as the gateway's live feed hands it to a subscriber. */
export interface FeedEvent {
  envelope: EventEnvelope;
  topic: string;
}

/** Where subscriptions read their events from: the gateway's Kafka feed, or nothing when the schema is only printed. */
export interface FeedSource {
  listen(principal: Principal, types?: readonly string[]): AsyncIterableIterator<FeedEvent>;
}
