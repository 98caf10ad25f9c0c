import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import {
  currentTraceCarrier,
  currentTraceId,
  extractTraceContext,
  initTracing,
  injectTraceContext,
  SpanKind,
  SpanStatusCode,
  withSpan,
} from './tracing';

describe('tracing', () => {
  it('refuses an unknown exporter and a missing OTLP exporter package before registering anything', () => {
    expect(() => initTracing({ service: 't', env: { OTEL_TRACES_EXPORTER: 'zipkin' } })).toThrow(
      'OTEL_TRACES_EXPORTER must be none, console or otlp (got "zipkin")',
    );
    expect(() => initTracing({ service: 't', env: { OTEL_TRACES_EXPORTER: 'otlp' } })).toThrow(
      /needs the package @opentelemetry\/exporter-trace-otlp-http/,
    );
    expect(() => initTracing({ service: 't', env: { TRELLIS_TRACES_SAMPLE_RATIO: '2' } })).toThrow(/between 0 and 1/);
  });

  describe('once initialised', () => {
    const exporter = new InMemorySpanExporter();
    let remove: () => void;

    beforeAll(() => {
      const handle = initTracing({ service: 'unit', env: {} });
      expect(handle.exporter).toBe('none');
      expect(initTracing({ service: 'other', env: {} })).toBe(handle);
      remove = handle.addExporter(exporter);
    });
    afterAll(() => remove());
    beforeEach(() => exporter.reset());

    it('carries a span across a W3C header round trip, as between a producer and a consumer', async () => {
      expect(currentTraceCarrier()).toBeUndefined();
      const carrier = await withSpan('producer', { kind: SpanKind.PRODUCER }, () =>
        Promise.resolve(injectTraceContext()),
      );
      expect(carrier['traceparent']).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      const headers = { traceparent: Buffer.from(carrier['traceparent']!), other: undefined };
      const traceId = await withSpan(
        'consumer',
        { kind: SpanKind.CONSUMER, parent: extractTraceContext(headers) },
        () => Promise.resolve(currentTraceId()),
      );
      const [producer, consumer] = exporter.getFinishedSpans();
      expect(consumer?.parentSpanContext?.spanId).toBe(producer?.spanContext().spanId);
      expect(traceId).toBe(producer?.spanContext().traceId);
    });

    it('marks a span whose work throws as failed and rethrows', async () => {
      await expect(withSpan('failing', {}, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      const [span] = exporter.getFinishedSpans();
      expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'boom' });
      expect(span?.events.map((e) => e.name)).toEqual(['exception']);
    });

    it('ignores a malformed traceparent and starts a new trace', async () => {
      const parent = extractTraceContext({ traceparent: 'not-a-trace' });
      await withSpan('fresh', { parent }, () => Promise.resolve());
      expect(exporter.getFinishedSpans()[0]?.parentSpanContext).toBeUndefined();
    });
  });
});
