import { NotificationAuthError } from '../../errors.ts'
import { quoteClaim } from './quote-claim.ts'
import type { ResolvedVerifyOptions } from './verify-options.ts'

/** The claims of a notification token whose signature, issuer, audience, tenant and lifetime checked out. */
export interface NotificationTokenClaims {
  /** The issuer, one of the accepted ones. */
  readonly iss: string
  /** The audience: the bot's app id. */
  readonly aud: string | readonly string[]
  /** The tenant the notification is about. */
  readonly tid: string
  /** Expiry, in seconds since the epoch. */
  readonly exp: number
  /** Start of validity, in seconds since the epoch. */
  readonly nbf?: number
  /** Any other claim, as Graph sent it. */
  readonly [claim: string]: unknown
}

/** What a verified notification token says: who it is for, and which tenant it is about. */
export interface VerifiedNotificationToken {
  /** The tenant id (`tid` claim). */
  readonly tenantId: string
  /** The configured app id that the token's audience matched. */
  readonly appId: string
  /** Every claim of the token. */
  readonly claims: NotificationTokenClaims
}

/**
 * Checks the issuer, the audience and the tenant of a token whose signature and lifetime were verified,
 * and returns what it says. Throws `wrong-issuer`, `wrong-audience`, `missing-tenant` or `tenant-not-allowed`.
 */
export function checkNotificationClaims(claims: Record<string, unknown>, options: ResolvedVerifyOptions): VerifiedNotificationToken {
  const { iss, aud, tid } = claims
  if (typeof iss !== 'string' || !options.issuers.includes(iss)) {
    throw new NotificationAuthError(
      'wrong-issuer',
      `The bearer token ${iss === undefined ? 'has no "iss" claim' : `was issued by ${quoteClaim(iss)}`}, and only ${options.issuers.join(', ')} are accepted; for another cloud, list its issuer in the issuers option.`,
    )
  }
  const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud : []
  const appId = options.appIds.find((id) => audiences.includes(id))
  if (appId === undefined) {
    throw new NotificationAuthError(
      'wrong-audience',
      `The bearer token ${aud === undefined ? 'has no "aud" claim' : `is for app ${quoteClaim(aud)}`}, not for ${options.appIds.join(', ')}; set appId to the Microsoft app id of the bot that Graph calls back.`,
    )
  }
  if (typeof tid !== 'string' || tid.trim() === '') {
    throw new NotificationAuthError('missing-tenant', 'The bearer token has no "tid" (tenant id) claim; every token Graph sends with a notification carries one.')
  }
  if (options.allowedTenantIds !== undefined && !options.allowedTenantIds.has(tid.toLowerCase())) {
    throw new NotificationAuthError(
      'tenant-not-allowed',
      `The notification comes from tenant ${quoteClaim(tid)}, which is not in allowedTenantIds; add it there to accept calls from that tenant.`,
    )
  }
  return { tenantId: tid, appId, claims: claims as NotificationTokenClaims }
}
