import { UnsupportedActionError } from '../errors.ts'
import { clouds, type CloudName } from '../transport/clouds.ts'

/** The call actions `client.calls` offers. */
export type CallAction = 'answer' | 'reject' | 'redirect' | 'hangUp'

/**
 * The actions whose Graph page marks a national cloud with ❌ in its "national cloud deployments" table:
 * `call: answer` and `call: reject` are not offered in China (21Vianet), in v1.0 nor beta.
 */
const NOT_OFFERED: Readonly<Partial<Record<CallAction, readonly CloudName[]>>> = {
  answer: ['china'],
  reject: ['china'],
}

/** Throws `UnsupportedActionError` when Graph does not offer `action` in `cloud`. */
export function assertOffered(action: CallAction, cloud: CloudName): void {
  if (NOT_OFFERED[action]?.includes(cloud)) {
    throw new UnsupportedActionError(
      `Graph does not offer call: ${action} in ${clouds[cloud].displayName} (cloud '${cloud}'); nothing was sent. ` +
        `To send it anyway, build it with graph-calling/requests and pass it to client.send().`,
    )
  }
}
