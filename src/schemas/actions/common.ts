/** Parameter shapes shared by several call actions. */
import { Type, type TNull, type TOptional, type TString, type TUnion } from 'typebox'

/** An absolute `https` URL, as Graph requires for callback URIs; its scheme in any casing, as URLs allow. */
export const HttpsUrl: TString = Type.String({ pattern: '^[Hh][Tt][Tt][Pp][Ss]://[^\\s/?#]+([/?#]\\S*)?$', description: 'an absolute https URL' })

/**
 * Where Graph fetches a media file from: an absolute `http` or `https` URL. Graph's media servers download
 * it, so a `file:`, `data:` or relative URL can only fail, once the call is waiting on the prompt.
 */
export const MediaUrl: TString = Type.String({ format: 'uri', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+([/?#]\\S*)?$', description: 'an absolute http or https URL' })

/** An opaque string echoed back in the operation's notifications; Graph allows at most 256 characters. */
export const ClientContext: TString = Type.String({ maxLength: 256 })

/** The optional `clientContext` parameter of the actions that start an operation (null allowed). */
export const OptionalClientContext: TOptional<TUnion<[TString, TNull]>> = Type.Optional(Type.Union([ClientContext, Type.Null()]))
