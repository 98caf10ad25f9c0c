// graphql-ws publishes its ws adapter only under package "exports", which this repo's `moduleResolution: node`
// does not read; Node itself resolves 'graphql-ws/use/ws' fine at run time.
declare module 'graphql-ws/use/ws' {
  export * from 'graphql-ws/dist/use/ws.cjs';
}
