import { NotificationAuthError } from '../../errors.ts'

/** Longer than any token Graph sends by far; refusing bigger ones early bounds the work a forger can cause. */
const MAX_TOKEN_LENGTH = 16_384

/** Three base64url parts; the signature may be empty so that an unsigned token is reported as such. */
const COMPACT_JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/

/**
 * Reads the JWT out of an `Authorization: Bearer <token>` header value. Throws a `NotificationAuthError`
 * (`missing-token` or `malformed`) whose message never contains the header's value.
 */
export function readBearerToken(authorization: string | null | undefined): string {
  if (typeof authorization !== 'string' || authorization.trim() === '') {
    throw new NotificationAuthError(
      'missing-token',
      'The notification has no Authorization header. Graph signs every notification with "Authorization: Bearer <JWT>", so this request did not come from Graph (or a proxy dropped the header).',
    )
  }
  const trimmed = authorization.trim()
  const space = trimmed.search(/\s/)
  const scheme = space === -1 ? trimmed : trimmed.slice(0, space)
  if (scheme.toLowerCase() !== 'bearer') {
    // The scheme word is named only when it is a plain word followed by a credential: a lone word may be one.
    const named = space !== -1 && /^[A-Za-z][A-Za-z0-9-]{0,19}$/.test(scheme) ? ` uses the "${scheme}" scheme` : ' is not a bearer token'
    throw new NotificationAuthError(
      'missing-token',
      `The notification's Authorization header${named}; Graph sends "Authorization: Bearer <JWT>".`,
    )
  }
  const token = space === -1 ? '' : trimmed.slice(space).trim()
  if (token === '') {
    throw new NotificationAuthError('missing-token', 'The notification\'s Authorization header says "Bearer" but carries no token.')
  }
  if (token.length > MAX_TOKEN_LENGTH || !COMPACT_JWT.test(token)) {
    throw new NotificationAuthError(
      'malformed',
      `The bearer token is not a compact JWT (three base64url parts, header.payload.signature, at most ${MAX_TOKEN_LENGTH} characters).`,
    )
  }
  return token
}
