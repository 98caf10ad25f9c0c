import type { Consumer } from 'kafkajs';

/** Resolves when the consumer first joins its group: from then on it receives what is published to its topics. */
export function groupJoined(consumer: Consumer): Promise<void> {
  return new Promise<void>((resolve) => {
    const off = consumer.on(consumer.events.GROUP_JOIN, () => {
      off();
      resolve();
    });
  });
}
