import { NotificationAuthError } from '../../errors.ts'

interface JoseErrorShape {
  readonly code?: unknown
  readonly claim?: unknown
  readonly reason?: unknown
  readonly payload?: { readonly exp?: unknown; readonly nbf?: unknown }
}

function isoTime(seconds: unknown): string {
  return typeof seconds === 'number' && Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : 'an invalid time'
}

/**
 * Turns an error thrown by jose while verifying a token into a `NotificationAuthError`. The jose error is
 * not kept as the cause: it holds the token's claims and may quote its text.
 */
export function joseFailure(error: unknown, nowMs: number, clockToleranceSec: number): NotificationAuthError {
  const { code, claim, reason, payload } = (typeof error === 'object' && error !== null ? error : {}) as JoseErrorShape
  const clock = `the server's clock says ${new Date(nowMs).toISOString()}, tolerance ${clockToleranceSec} s`
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return new NotificationAuthError(
        'expired',
        `The bearer token expired at ${isoTime(payload?.exp)} (${clock}). Graph's tokens live 5 minutes: a replayed notification, or a server clock that is wrong.`,
      )
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (claim === 'nbf' && reason === 'check_failed') {
        return new NotificationAuthError(
          'not-yet-valid',
          `The bearer token is not valid before ${isoTime(payload?.nbf)} (${clock}). Check the server's clock.`,
        )
      }
      return new NotificationAuthError(
        'malformed',
        `The bearer token's "${String(claim)}" claim is ${reason === 'missing' ? 'missing' : 'not a number of seconds since the epoch'}.`,
      )
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return new NotificationAuthError(
        'bad-signature',
        "The bearer token's signature does not match Graph's signing key: the token was altered or not signed by Graph.",
      )
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
      return new NotificationAuthError(
        'malformed',
        'The bearer token is not a valid JWT (its payload must be a base64url-encoded JSON object).',
      )
    case 'ERR_JOSE_NOT_SUPPORTED':
      return new NotificationAuthError(
        'malformed',
        'The bearer token uses a JWS feature Graph\'s tokens never use (such as a critical header extension).',
      )
    default:
      return new NotificationAuthError(
        'bad-signature',
        "The bearer token could not be verified with Graph's signing key (the key or the signature does not fit the token's algorithm).",
      )
  }
}
