import type { CommsOperation } from '../schemas/types.generated.ts'
import type { Inbound } from '../schemas/inbound.ts'
import type { GraphRequest } from './graph-request.ts'
import { buildRequest } from './build-request.ts'
import { callPath } from './call-action.ts'

/** `GET /communications/calls/{id}/operations/{operationId}`: reads the state of an operation an action started. */
export function getOperation(callId: string, operationId: string): GraphRequest<Inbound<CommsOperation>> {
  return buildRequest({ resultType: 'CommsOperation', operation: 'getOperation', method: 'GET', path: [...callPath(callId), 'operations', { name: 'operationId', value: operationId }] })
}
