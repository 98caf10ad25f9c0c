import { extractTraceContext, SpanKind, withSpan } from '@trellis/shared/observability';
import type { DeliveryRow } from '../core/notifications-store';

/** A client span for the send, child of the consumer span that queued the delivery (see DeliveryRow.trace). */
export function inDeliverySpan<T>(row: DeliveryRow, name: string, send: () => Promise<T>): Promise<T> {
  return withSpan(
    name,
    {
      kind: SpanKind.CLIENT,
      // Never the dispatcher's ambient context: whichever event woke the loop is not the one this row belongs to.
      parent: extractTraceContext(row.trace ?? undefined),
      attributes: {
        'trellis.delivery.id': row._id,
        'trellis.delivery.channel': row.channel,
        'trellis.notification.template': row.templateId,
        'trellis.delivery.attempt': row.attempts + 1,
      },
    },
    send,
  );
}
