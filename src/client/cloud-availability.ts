import { UnsupportedActionError } from '../errors.ts'
import { clouds, type CloudName } from '../transport/clouds.ts'

/**
 * The actions whose Graph page marks a national cloud with ❌ in its "national cloud deployments" table:
 * `call: answer` and `call: reject` are not offered in China (21Vianet), in v1.0 nor beta. Every other
 * action is sent wherever the client points, and Graph has the last word.
 */
const NOT_OFFERED = {
  answer: ['china'],
  reject: ['china'],
} as const satisfies Record<string, readonly CloudName[]>

/** An action that some cloud does not offer. */
export type CloudLimitedAction = keyof typeof NOT_OFFERED

/** Throws `UnsupportedActionError` when Graph does not offer `action` in `cloud`. */
export function assertOffered(action: CloudLimitedAction, cloud: CloudName): void {
  if ((NOT_OFFERED[action] as readonly CloudName[]).includes(cloud)) {
    throw new UnsupportedActionError(
      `Graph does not offer call: ${action} in ${clouds[cloud].displayName} (cloud '${cloud}'); nothing was sent. ` +
        `To send it anyway, build it with graph-calling/requests and pass it to client.send().`,
    )
  }
}
