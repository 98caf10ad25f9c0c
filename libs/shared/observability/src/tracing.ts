import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  ParentBasedSampler,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  type ReadableSpan,
  type Span as SdkSpan,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export { SpanKind, SpanStatusCode, type Context, type Span } from '@opentelemetry/api';

/** W3C trace context as text headers (`traceparent`, `tracestate`): what travels in Kafka headers and commits. */
export type TraceCarrier = Record<string, string>;

export type TracesExporterName = 'none' | 'console' | 'otlp';

export interface TracingOptions {
  service: string;
  /** Defaults to `OTEL_TRACES_EXPORTER` (`none` when unset): tracing costs nothing to export unless asked for. */
  exporter?: TracesExporterName;
  /** Fraction of new traces recorded; a child always follows its parent's decision. `TRELLIS_TRACES_SAMPLE_RATIO`. */
  sampleRatio?: number;
  env?: NodeJS.ProcessEnv;
}

export interface TracingHandle {
  service: string;
  exporter: TracesExporterName;
  /** Adds an exporter at run time (tests add an in-memory one); returns a function that removes it again. */
  addExporter(exporter: SpanExporter, mode?: 'simple' | 'batch'): () => void;
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

const TRACER_NAME = 'trellis';

/**
 * A span processor whose members can change after the provider is registered: the OpenTelemetry API accepts one
 * global provider per process, and tests (or several services in one process) still need their own exporters.
 */
class FanOutSpanProcessor implements SpanProcessor {
  readonly members = new Set<SpanProcessor>();

  onStart(span: SdkSpan, parentContext: Context): void {
    for (const member of this.members) member.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    for (const member of this.members) member.onEnd(span);
  }

  async forceFlush(): Promise<void> {
    await Promise.all([...this.members].map((m) => m.forceFlush()));
  }

  async shutdown(): Promise<void> {
    await Promise.all([...this.members].map((m) => m.shutdown()));
  }
}

let installed: TracingHandle | undefined;

function exporterFromEnv(env: NodeJS.ProcessEnv): TracesExporterName {
  const value = (env['OTEL_TRACES_EXPORTER'] ?? 'none').trim().toLowerCase();
  if (value === 'none' || value === 'console' || value === 'otlp') return value;
  throw new Error(`OTEL_TRACES_EXPORTER must be none, console or otlp (got "${value}")`);
}

/**
 * The OTLP exporter is not a dependency of Trellis: an operator who wants it installs
 * `@opentelemetry/exporter-trace-otlp-http` into the image and sets `OTEL_TRACES_EXPORTER=otlp` (the exporter reads
 * `OTEL_EXPORTER_OTLP_ENDPOINT` itself). Missing, start-up fails with this message rather than tracing silently nowhere.
 */
function loadOtlpExporter(): SpanExporter {
  const moduleName = '@opentelemetry/exporter-trace-otlp-http';
  let loaded: { OTLPTraceExporter: new () => SpanExporter };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require(moduleName) as typeof loaded;
  } catch {
    throw new Error(`OTEL_TRACES_EXPORTER=otlp needs the package ${moduleName}; install it or use none/console`);
  }
  return new loaded.OTLPTraceExporter();
}

/**
 * Registers the process's tracer provider and the W3C trace-context propagator, once per process (a second call
 * returns the first handle). Spans are created and propagated even when nothing is exported, so a trace id still
 * follows a request through a service whose exporter is off.
 */
export function initTracing(options: TracingOptions): TracingHandle {
  if (installed) return installed;
  const env = options.env ?? process.env;
  const exporter = options.exporter ?? exporterFromEnv(env);
  const ratio = options.sampleRatio ?? Number(env['TRELLIS_TRACES_SAMPLE_RATIO'] ?? 1);
  if (!Number.isFinite(ratio) || ratio < 0 || ratio > 1) {
    throw new Error(`TRELLIS_TRACES_SAMPLE_RATIO must be a number between 0 and 1`);
  }
  const service = env['OTEL_SERVICE_NAME'] ?? `trellis-${options.service}`;
  // Resolved before anything is registered: a missing exporter package must leave the process untouched.
  const configured =
    exporter === 'console' ? new ConsoleSpanExporter() : exporter === 'otlp' ? loadOtlpExporter() : undefined;
  const fanOut = new FanOutSpanProcessor();
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service, 'service.namespace': 'trellis' }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(ratio) }),
    spanProcessors: [fanOut],
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });

  const handle: TracingHandle = {
    service,
    exporter,
    addExporter(spanExporter, mode = 'simple') {
      const processor =
        mode === 'simple' ? new SimpleSpanProcessor(spanExporter) : new BatchSpanProcessor(spanExporter);
      fanOut.members.add(processor);
      return () => {
        fanOut.members.delete(processor);
        void processor.shutdown();
      };
    },
    forceFlush: () => provider.forceFlush(),
    async shutdown() {
      await provider.shutdown();
    },
  };
  if (configured) handle.addExporter(configured, 'batch');
  installed = handle;
  return handle;
}

export function tracer(): Tracer {
  return trace.getTracer(TRACER_NAME);
}

/** The active context (or the given one) as W3C headers; empty when there is no span to continue. */
export function injectTraceContext(ctx: Context = context.active()): TraceCarrier {
  const carrier: TraceCarrier = {};
  propagation.inject(ctx, carrier);
  return carrier;
}

/** Reads W3C headers (strings or Kafka's Buffers) into a context whose remote span becomes the parent of new spans. */
export function extractTraceContext(
  headers: Record<string, string | Buffer | Array<string | Buffer> | undefined> | undefined,
  base: Context = ROOT_CONTEXT,
): Context {
  const carrier: TraceCarrier = {};
  for (const [key, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) carrier[key.toLowerCase()] = first.toString();
  }
  return propagation.extract(base, carrier);
}

/** The trace context to store with a commit so the outbox relay can continue the trace later, or undefined. */
export function currentTraceCarrier(): TraceCarrier | undefined {
  const carrier = injectTraceContext();
  return carrier['traceparent'] ? carrier : undefined;
}

export interface SpanOptions {
  kind?: SpanKind;
  attributes?: Attributes;
  /** Parent context; defaults to the active one. */
  parent?: Context;
}

/**
 * Runs `work` inside a new active span and ends it: an exception marks the span as failed and is rethrown.
 */
export async function withSpan<T>(name: string, options: SpanOptions, work: (span: Span) => Promise<T>): Promise<T> {
  const parent = options.parent ?? context.active();
  const span = tracer().startSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes },
    parent,
  );
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } catch (error) {
    recordSpanError(span, error);
    throw error;
  } finally {
    span.end();
  }
}

export function recordSpanError(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : new Error(String(error)));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}

export function activeContext(): Context {
  return context.active();
}

export function contextWithSpan(parent: Context, span: Span): Context {
  return trace.setSpan(parent, span);
}

/** Runs `work` with `span` active under `parent` (callers that end the span themselves). */
export function runInSpan<T>(parent: Context, span: Span, work: () => T): T {
  return context.with(trace.setSpan(parent, span), work);
}

/** The active span's trace id, for log lines; undefined outside a trace. */
export function currentTraceId(): string | undefined {
  const spanContext = trace.getSpan(context.active())?.spanContext();
  return spanContext && trace.isSpanContextValid(spanContext) ? spanContext.traceId : undefined;
}
