// The gateway takes GraphQL request bodies up to 1 MiB by default (TRELLIS_GATEWAY_MAX_BODY_BYTES in
// apps/gateway/src/gateway.config.ts; an operator who lowers it limits the largest file line numbers can be kept
// for); the CSV travels as one JSON string inside it, quotes and line breaks escaped, next to the mutation's text.
// What is left is kept for the file; a larger file is sent in chunks that each fit (csv-chunks.ts) rather than
// failing with a bare 413.
export const MAX_CSV_JSON_BYTES = 1_048_576 - 4_096;

/** Whether the file's text, as the request will carry it, fits in the gateway's body limit. */
export function fitsInOneRequest(csv: string): boolean {
  return new TextEncoder().encode(JSON.stringify(csv)).length <= MAX_CSV_JSON_BYTES;
}
