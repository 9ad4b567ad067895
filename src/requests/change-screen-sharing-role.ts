import type { ChangeScreenSharingRoleParams } from '../schemas/types.generated.ts'
import type { GraphRequest } from './graph-request.ts'
import { callPath, postAction } from './call-action.ts'
import { validateChangeScreenSharingRoleParams } from './validators.generated.ts'

/** `POST /communications/calls/{id}/changeScreenSharingRole`: starts (`sharer`) or stops (`viewer`) sharing the bot's screen. */
export function changeScreenSharingRole(callId: string, params: ChangeScreenSharingRoleParams): GraphRequest {
  return postAction(callPath(callId), 'changeScreenSharingRole', { params, validate: validateChangeScreenSharingRoleParams })
}
