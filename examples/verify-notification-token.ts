// Verify the bearer token of a notification, offline: the test signer plays Graph's part.
import { NotificationAuthError, createNotificationTokenVerifier } from 'graph-calling/notifications'
import { createTestSigner } from 'graph-calling/testing'

const signer = await createTestSigner({ appId: 'my-bot-app-id' })
const verifyToken = createNotificationTokenVerifier({
  appId: signer.appId,
  openIdConfigurationUrl: signer.openIdConfigurationUrl,
  fetch: signer.fetch,
})

const { tenantId } = await verifyToken(await signer.authorizationHeader())
console.log('notification from tenant', tenantId)

try {
  await verifyToken(await signer.authorizationHeader({ aud: 'another-bot' }))
} catch (error) {
  if (!(error instanceof NotificationAuthError)) throw error
  console.log(`refused with ${error.status} (${error.reason}): ${error.message}`)
}
