/**
 * Graph's primitive (Edm) types and the OData helpers the generated resource schemas are written with.
 */
import { Type, type TInteger, type TLiteral, type TNull, type TNumber, type TSchema, type TString, type TUnion } from 'typebox'

const INT32_MIN = -2147483648
const INT32_MAX = 2147483647

/** `Edm.Int32`: a whole number within the signed 32-bit range. */
export const Int32 = (): TInteger => Type.Integer({ minimum: INT32_MIN, maximum: INT32_MAX })

/** `Edm.Int64`: a whole number (JSON numbers lose precision past 2^53, as they do for Graph). */
export const Int64 = (): TInteger => Type.Integer()

/** `Edm.Double`: any JSON number. */
export const Double = (): TNumber => Type.Number()

/** `Edm.Guid`: a GUID in its 8-4-4-4-12 hex form. */
export const Guid = (): TString => Type.String({ format: 'uuid' })

/** `Edm.DateTimeOffset`: an RFC 3339 date-time string. */
export const DateTimeOffset = (): TString => Type.String({ format: 'date-time' })

/**
 * `Edm.Duration`: an ISO 8601 duration string such as `PT1M30S`, with fractions (`PT0.015S`, as Graph's own
 * examples have) and a sign. A pattern, not JSON Schema's `duration` format, which refuses both.
 */
export const Duration = (): TString =>
  Type.String({
    pattern: '^-?P(?!$)(\\d+(\\.\\d+)?Y)?(\\d+(\\.\\d+)?M)?(\\d+(\\.\\d+)?W)?(\\d+(\\.\\d+)?D)?(T(?=\\d)(\\d+(\\.\\d+)?H)?(\\d+(\\.\\d+)?M)?(\\d+(\\.\\d+)?S)?)?$',
    description: 'an ISO 8601 duration',
  })

/** `Edm.Stream`: a URL or base64 text standing for binary content. */
export const Stream = (): TString => Type.String()

/** A property Graph may send as `null`. */
export const Nullable = <T extends TSchema>(schema: T): TUnion<[T, TNull]> => Type.Union([schema, Type.Null()])

/** The `@odata.type` discriminator of a polymorphic Graph type. */
export const ODataType = <T extends string>(name: T): TLiteral<T> => Type.Literal(name)
