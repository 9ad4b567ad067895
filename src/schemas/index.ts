/**
 * `graph-calling/schemas`: TypeBox schemas and their static types for every Graph calling type, generated
 * from Graph's CSDL. Each schema is plain JSON Schema as well (for Fastify routes, OpenAPI and docs).
 *
 * The top level is Graph v1.0; `beta` holds the beta API's versions of the same types, with the beta-only
 * types, properties and enum members.
 */
import type { Inbound as InboundOf } from './inbound.ts'
import type { Outbound as OutboundOf } from './outbound.ts'

export * from './resources/index.ts'
export * as beta from './beta/index.ts'
export { Int32, Int64, Double, Guid, DateTimeOffset, Duration, Nullable, ODataType } from './edm.ts'
export * from './actions/index.ts'
export { toInboundSchema } from './inbound-schema.ts'
export { withDefinitions, type WithDefinitionsOptions } from './with-definitions.ts'

// Declared here rather than re-exported: the declarations of the other entries then take the two from
// `graph-calling/types`, never from this entry's, which loads TypeBox's.
/** `T` as the notification decoders return it: enums widened, unknown properties kept, every property optional. */
export type Inbound<T> = InboundOf<T>
/** `T` as a request body may be written: every optional property also admits `undefined`. */
export type Outbound<T> = OutboundOf<T>
