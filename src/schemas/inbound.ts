/**
 * `Inbound<T>`: the type of a Graph value as the lenient notification decoders return it. Graph adds enum
 * members over time and sends properties newer than these schemas, so what arrives is wider than what is
 * sent: every enum (string-literal) field also admits any other string, every object admits unknown
 * properties, and every property may be missing or `null` (the decoders require none, not even those a
 * request must carry, such as a target's `identity`; Graph sends a participant's `id` as `null` in its own
 * roster example). `@odata.type` keeps its literal type, so unions of Graph types
 * still narrow on it; a tag newer than these schemas (a beta-only operation) is kept at run time as it came.
 */

/** A string-literal union widened to any string, keeping the literals for completion and `switch`. */
type OpenEnum<T extends string> = string extends T ? string : T | (string & {})

/** `T` as the notification decoders return it: enums widened, unknown properties kept, every property optional and nullable. */
export type Inbound<T> = T extends string
  ? OpenEnum<T>
  : T extends number | boolean | bigint | null | undefined
    ? T
    : T extends readonly (infer Item)[]
      ? Inbound<Item>[]
      : T extends object
        ? { [K in keyof T]?: K extends '@odata.type' ? T[K] : Inbound<T[K]> | null } & { readonly [key: string]: unknown }
        : T
