import type { Call } from '../schemas/types.generated.ts'
import type { Inbound } from '../schemas/inbound.ts'
import type { GraphRequest } from './graph-request.ts'
import { buildRequest } from './build-request.ts'
import { callPath } from './call-action.ts'

/** `GET /communications/calls/{id}`: reads the call as Graph knows it now. */
export function getCall(callId: string): GraphRequest<Inbound<Call>> {
  return buildRequest({ resultType: 'Call', operation: 'getCall', method: 'GET', path: callPath(callId) })
}
