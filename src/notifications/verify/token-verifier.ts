import { loadJose } from './load-jose.ts'
import { readBearerToken } from './bearer-token.ts'
import { checkNotificationClaims, type VerifiedNotificationToken } from './check-claims.ts'
import { joseFailure } from './jose-failure.ts'
import { sharedSigningKeyCache } from './shared-signing-key-caches.ts'
import { readTokenHeader } from './token-header.ts'
import { resolveVerifyOptions, type VerifyNotificationTokenOptions } from './verify-options.ts'

/** Verifies the `Authorization` header of one notification; see `createNotificationTokenVerifier`. */
export type NotificationTokenVerifier = (authorization: string | null | undefined) => Promise<VerifiedNotificationToken>

/**
 * Creates a verifier of the bearer token Graph sends with every notification: checks the options once, and
 * shares its key cache with every verifier of the same key source. The verifier resolves to the token's
 * tenant, app id and claims, or rejects with a `NotificationAuthError` whose `reason` says which check failed.
 */
export function createNotificationTokenVerifier(options: VerifyNotificationTokenOptions): NotificationTokenVerifier {
  const resolved = resolveVerifyOptions(options)
  const keys = sharedSigningKeyCache(resolved)
  return async (authorization) => {
    const token = readBearerToken(authorization)
    const { alg, kid } = readTokenHeader(token, resolved.algorithms)
    const nowMs = resolved.nowMs()
    const key = await keys.keyFor(kid, alg, nowMs)
    let payload: Record<string, unknown>
    try {
      ;({ payload } = await (await loadJose()).jwtVerify(token, key, {
        algorithms: [alg],
        currentDate: new Date(nowMs),
        clockTolerance: resolved.clockToleranceSec,
        requiredClaims: ['exp'],
      }))
    } catch (error) {
      throw joseFailure(error, nowMs, resolved.clockToleranceSec)
    }
    return checkNotificationClaims(payload, resolved)
  }
}

/**
 * Verifies the `Authorization` header of a notification from Graph (`Bearer <JWT>`): signature against
 * Graph's published keys, issuer, audience (`appId`), tenant and lifetime. Keys are cached across calls.
 */
export async function verifyNotificationToken(
  authorization: string | null | undefined,
  options: VerifyNotificationTokenOptions,
): Promise<VerifiedNotificationToken> {
  return createNotificationTokenVerifier(options)(authorization)
}
