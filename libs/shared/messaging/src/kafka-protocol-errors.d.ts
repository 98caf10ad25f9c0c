// kafkajs keeps its table of Kafka protocol errors (with whether it retries each) in an untyped internal module; the
// log levels of its entries are judged by that table so that they agree with what kafkajs itself retries.
declare module 'kafkajs/src/protocol/error' {
  export const errorCodes: ReadonlyArray<{ type: string; code: number; retriable: boolean; message: string }>;
}
