import { createNotificationTokenVerifier, type VerifyNotificationTokenOptions } from '../../notifications/index.ts'

/**
 * Checks that a notification request comes from Graph, before its body is read: resolves to the tenant the
 * verified token names, or rejects with a `NotificationAuthError` (answered with 401).
 */
export type Authenticate = (request: Request) => Promise<{ readonly tenantId?: string | undefined }>

/** Options of the bearer-token check Graph's notifications carry (everything but `appId`, which the handler takes). */
export type NotificationVerifyOptions = Omit<VerifyNotificationTokenOptions, 'appId'>

/** Lets every request through: for `verify: false`, behind authentication of the app's own. */
const noVerification: Authenticate = async () => ({})

/**
 * The handler's authentication, made from its options. `verify: false` turns verification off; anything
 * else verifies the bearer token against `appId` (the verifier's option checks run here, at creation).
 */
export function authenticatorFor(appId: string | readonly string[], verify: false | NotificationVerifyOptions): Authenticate {
  if (verify === false) return noVerification
  const verifyToken = createNotificationTokenVerifier({ ...verify, appId: appId as string | string[] })
  return async (request) => ({ tenantId: (await verifyToken(request.headers.get('authorization'))).tenantId })
}
