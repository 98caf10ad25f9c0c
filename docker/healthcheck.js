// Docker HEALTHCHECK for every Trellis image: ready means MongoDB and Kafka answer and no consumer crashed.
// Plain Node (no curl/wget in the image); the port follows the same variables as the app (TRELLIS_<APP>_PORT).
const defaults = { gateway: 4000, profiles: 4001, matching: 4002, sessions: 4003, notifications: 4004 };
const app = process.env.TRELLIS_APP ?? '';
const port = process.env[`TRELLIS_${app.toUpperCase()}_PORT`] ?? defaults[app];
if (!port) {
  console.error(`unknown TRELLIS_APP "${app}"`);
  process.exit(1);
}
fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(2500) }).then(
  (response) => process.exit(response.ok ? 0 : 1),
  () => process.exit(1),
);
