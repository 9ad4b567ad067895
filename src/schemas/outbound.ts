/**
 * `Outbound<T>`: the type of a request body as a bot may write it. JSON writes no member whose value is
 * `undefined`, and the request validators read one as absent, so every optional property, at every depth,
 * also admits `undefined`: under `exactOptionalPropertyTypes` an optional value passes straight through
 * (`{ callbackUri: process.env.CALLBACK_URI }`). Required properties stay required, and `undefined` is
 * never an item of an array (JSON would write it as `null`). Arrays are `readonly`: a builder never changes
 * what it is given, so a list written `as const` passes as well as one built up.
 */
export type Outbound<T> = T extends readonly (infer Item)[]
  ? readonly Outbound<Item>[]
  : T extends object
    ? { [K in keyof T]: {} extends Pick<T, K> ? Outbound<T[K]> | undefined : Outbound<T[K]> }
    : T
