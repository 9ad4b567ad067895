/**
 * `graph-calling/schemas`: TypeBox schemas and their static types for every Graph calling type, generated
 * from Graph's CSDL. Each schema is plain JSON Schema as well (for Fastify routes, OpenAPI and docs).
 *
 * The top level is Graph v1.0; `beta` holds the beta API's versions of the same types, with the beta-only
 * types, properties and enum members.
 */
export * from './resources/index.ts'
export * as beta from './beta/index.ts'
export { Int32, Int64, Double, Guid, DateTimeOffset, Duration, Nullable, ODataType } from './edm.ts'
export * from './actions/index.ts'
export { toInboundSchema } from './inbound-schema.ts'
export type { Inbound } from './inbound.ts'
export type { Outbound } from './outbound.ts'
