import type { GraphRequest } from './graph-request.ts'
import { callPath, postAction } from './call-action.ts'

/** `POST /communications/calls/{id}/keepAlive`: tells Graph the bot still runs the call (at least every 45 minutes, or Graph ends it). */
export function keepAlive(callId: string): GraphRequest {
  return postAction(callPath(callId), 'keepAlive')
}
