// Preloaded (`node -r`) into every process of an end-to-end stack. The services name their consumer groups
// `<service>.<handler>`, the same in every process on the broker: a second stack (an e2e run beside `npm start`, a
// rolling-restart drill, another developer's run) would join those groups and take over part of the partitions, so
// events of this stack would land in the other one's databases. TRELLIS_E2E_GROUP_PREFIX puts this stack's groups in
// a namespace of their own. Groups that are unique already (the gateway's per-instance feed) are left alone.
const { Kafka } = require('kafkajs');

const prefix = process.env.TRELLIS_E2E_GROUP_PREFIX;
if (prefix) {
  const consumer = Kafka.prototype.consumer;
  Kafka.prototype.consumer = function namespacedConsumer(options = {}) {
    const { groupId } = options;
    const namespaced = typeof groupId === 'string' && !groupId.startsWith('gateway.');
    return consumer.call(this, namespaced ? { ...options, groupId: `${prefix}.${groupId}` } : options);
  };
}
