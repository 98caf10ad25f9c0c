import type { Server } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import type { Logger } from '@trellis/shared/observability';
import type { ServiceConfig } from './service-config';
import { ShutdownState } from './shutdown-state';
import { ROOT_LOGGER, SERVICE_CONFIG } from './tokens';

export interface DrainOptions {
  signals?: NodeJS.Signals[];
  /** Tests replace the process exit. */
  exit?: (code: number) => void;
}

/**
 * SIGTERM (and SIGINT) close the app — readiness pause, consumers drain, HTTP finishes in-flight requests, MongoDB
 * last — and then exit 0. A drain still running after TRELLIS_SHUTDOWN_DELAY_MS + TRELLIS_SHUTDOWN_TIMEOUT_MS is cut
 * short with exit 1 and a log naming the steps it was still waiting for: the orchestrator's SIGKILL at the end of
 * the grace period would otherwise come with no word on why. Nothing acknowledged is lost by the cut: an unfinished
 * consumer has not committed its offset (its events are redelivered, and handlers are idempotent).
 * A second signal exits at once.
 */
export function drainOnSignals(app: INestApplication, options: DrainOptions = {}): void {
  const config = app.get<ServiceConfig>(SERVICE_CONFIG);
  const logger = app.get<Logger>(ROOT_LOGGER);
  const state = app.get(ShutdownState);
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let draining = false;

  const onSignal = (signal: NodeJS.Signals) => {
    if (draining) {
      logger.warn({ signal, ...state.report() }, 'second signal during the drain: exiting now');
      exit(1);
      return;
    }
    draining = true;
    const startedAt = Date.now();
    const budgetMs = config.shutdownDelayMs + config.shutdownTimeoutMs;
    logger.info({ signal, budgetMs }, 'draining');
    const watchdog = setTimeout(() => {
      const server = app.getHttpServer() as Server;
      // Open connections name the HTTP close as the culprit when no recorded step is pending.
      server.getConnections((_error, openConnections) => {
        logger.error(
          { signal, elapsedMs: Date.now() - startedAt, budgetMs, openConnections, ...state.report() },
          'drain exceeded TRELLIS_SHUTDOWN_TIMEOUT_MS: exiting before it finished',
        );
        exit(1);
      });
    }, budgetMs);
    app.close().then(
      () => {
        clearTimeout(watchdog);
        logger.info({ signal, elapsedMs: Date.now() - startedAt, ...state.report() }, 'drained');
        exit(0);
      },
      (error: unknown) => {
        clearTimeout(watchdog);
        logger.error({ signal, err: error, ...state.report() }, 'drain failed');
        exit(1);
      },
    );
  };
  for (const signal of options.signals ?? (['SIGTERM', 'SIGINT'] as NodeJS.Signals[])) process.on(signal, onSignal);
}
