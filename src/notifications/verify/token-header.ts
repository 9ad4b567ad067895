import { NotificationAuthError } from '../../errors.ts'
import { quoteClaim } from './quote-claim.ts'

/** What the verifier needs from a token's protected header before it looks up a key. */
export interface TokenHeader {
  /** The signature algorithm, already checked against the accepted ones. */
  readonly alg: string
  /** The id of the signing key in the key set. */
  readonly kid: string
}

/**
 * Reads `alg` and `kid` from the token's header, before any key is fetched: an unsigned token, an HMAC
 * token (which would use a public key as its secret) or any algorithm outside `algorithms` is refused here.
 */
export function readTokenHeader(token: string, algorithms: readonly string[]): TokenHeader {
  let header: Record<string, unknown>
  try {
    header = decodeHeader(token)
  } catch {
    // jose's error is dropped on purpose: it may quote the token's text.
    throw new NotificationAuthError('malformed', 'The bearer token\'s header is not a base64url-encoded JSON object.')
  }
  const { alg, kid } = header
  if (typeof alg !== 'string' || alg === '' || alg.toLowerCase() === 'none') {
    throw new NotificationAuthError(
      'bad-signature',
      'The bearer token is not signed (its "alg" is "none" or absent); Graph signs every notification token.',
    )
  }
  if (!algorithms.includes(alg)) {
    throw new NotificationAuthError(
      'bad-signature',
      `The bearer token is signed with ${quoteClaim(alg)}, which is not an accepted algorithm (${algorithms.join(', ')}).`,
    )
  }
  if (typeof kid !== 'string' || kid === '') {
    throw new NotificationAuthError('malformed', 'The bearer token\'s header has no "kid" (the id of its signing key).')
  }
  return { alg, kid }
}

/** The JSON object in a compact JWS's first segment (base64url), decoded without a JWT library. */
function decodeHeader(token: string): Record<string, unknown> {
  const segment = token.slice(0, token.indexOf('.'))
  if (!/^[A-Za-z0-9_-]+$/.test(segment)) throw new Error('not base64url')
  const binary = atob(segment.replace(/-/g, '+').replace(/_/g, '/'))
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0))
  const header: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  if (typeof header !== 'object' || header === null || Array.isArray(header)) throw new Error('not an object')
  return header as Record<string, unknown>
}
