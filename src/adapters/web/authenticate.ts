import { ValidationError } from '../../errors.ts'

/**
 * Checks that a notification request comes from Graph, before its body is read: resolves to the tenant the
 * verified token names, or rejects with a `NotificationAuthError` (answered with 401).
 */
export type Authenticate = (request: Request) => Promise<{ readonly tenantId?: string | undefined }>

/** Options of the bearer-token check Graph's notifications carry (everything but `appId`, which the handler takes). */
export type NotificationVerifyOptions = { readonly [option: string]: unknown }

/** Verifies an `Authorization` header value; rejects with a `NotificationAuthError`. */
type TokenVerifier = (authorization: string | null) => Promise<{ readonly tenantId: string }>

/** Lets every request through: for `verify: false`, behind authentication of the app's own. */
const noVerification: Authenticate = async () => ({})

/**
 * The handler's authentication, made from its options. `verify: false` turns verification off; anything
 * else verifies the bearer token against `appId`.
 */
export function authenticatorFor(appId: string | readonly string[], verify: false | NotificationVerifyOptions): Authenticate {
  if (verify === false) return noVerification
  const verifyToken = tokenVerifierFor(appId, verify)
  return async (request) => ({ tenantId: (await verifyToken(request.headers.get('authorization'))).tenantId })
}

/** The one place the notification token verifier is wired in. */
function tokenVerifierFor(appId: string | readonly string[], verify: NotificationVerifyOptions): TokenVerifier {
  throw new ValidationError('notification handler options', [
    {
      path: '$.verify',
      message: `token verification for app ${JSON.stringify(appId)} is not part of this build yet (options given: ${Object.keys(verify).join(', ') || 'none'}); pass verify: false only behind authentication of your own`,
    },
  ])
}
