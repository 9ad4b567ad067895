/**
 * `graph-calling/types`: the static type of every schema in `graph-calling/schemas`, under the same name
 * (beta's as `Beta<Name>`), written out as plain TypeScript, so that code which needs only the types loads
 * no TypeBox, neither at run time nor in its type checks.
 */
export type * from './types.generated.ts'
export type { Inbound } from './inbound.ts'
export type { Outbound } from './outbound.ts'
