// Integration and end-to-end tests talk to real servers; a per-project testTimeout is ignored by Jest 30.
jest.setTimeout(Number(process.env['TRELLIS_TEST_TIMEOUT_MS'] ?? 180_000));
