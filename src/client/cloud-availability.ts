import { UnsupportedActionError } from '../errors.ts'
import type { GraphRequest } from '../requests/graph-request.ts'
import { clouds, type ApiVersion, type CloudName } from '../transport/clouds.ts'

const CHINA: readonly CloudName[] = ['china']
const ALL_BUT_GLOBAL: readonly CloudName[] = ['usGovL4', 'usGovL5', 'china']

/**
 * The national clouds each action's Graph page marks with ❌ in its "national cloud deployments" table, for
 * v1.0. Almost every calling page marks China (21Vianet); `sendDtmfTones`, `addLargeGalleryView`, the
 * audio routing groups and the content-sharing sessions are offered in the global service only. An action
 * not listed (`getOperation`, whose page does not say) is sent wherever the client points, and Graph has
 * the last word.
 */
const NOT_OFFERED_V1: Readonly<Record<string, readonly CloudName[]>> = {
  'create call': CHINA,
  'get call': CHINA,
  'delete call': CHINA,
  'call: answer': CHINA,
  'call: reject': CHINA,
  'call: redirect': CHINA,
  'call: transfer': CHINA,
  'call: keepAlive': CHINA,
  'call: playPrompt': CHINA,
  'call: recordResponse': CHINA,
  'call: subscribeToTone': CHINA,
  'call: sendDtmfTones': ALL_BUT_GLOBAL,
  'call: cancelMediaProcessing': CHINA,
  'call: mute': CHINA,
  'call: unmute': CHINA,
  'call: changeScreenSharingRole': CHINA,
  'call: updateRecordingStatus': CHINA,
  'call: addLargeGalleryView': ALL_BUT_GLOBAL,
  'call: logTeleconferenceDeviceQuality': CHINA,
  'list participants': CHINA,
  'get participant': CHINA,
  'delete participant': CHINA,
  'participant: invite': CHINA,
  'participant: mute': CHINA,
  'participant: startHoldMusic': CHINA,
  'participant: stopHoldMusic': CHINA,
  'create audioRoutingGroup': ALL_BUT_GLOBAL,
  'list audioRoutingGroups': ALL_BUT_GLOBAL,
  'get audioRoutingGroup': ALL_BUT_GLOBAL,
  'update audioRoutingGroup': ALL_BUT_GLOBAL,
  'delete audioRoutingGroup': ALL_BUT_GLOBAL,
  'list contentSharingSessions': ALL_BUT_GLOBAL,
  'get contentSharingSession': ALL_BUT_GLOBAL,
}

/**
 * What the beta pages mark besides: most that say are offered in the global service only; the recording and
 * transcription actions everywhere but China. Beta never offers more than v1.0, so v1.0's marks hold too.
 */
const NOT_OFFERED_BETA: Readonly<Record<string, readonly CloudName[]>> = {
  'call: reject': ALL_BUT_GLOBAL,
  'call: transfer': ALL_BUT_GLOBAL,
  'call: keepAlive': ALL_BUT_GLOBAL,
  'call: cancelMediaProcessing': ALL_BUT_GLOBAL,
  'call: updateRecordingStatus': ALL_BUT_GLOBAL,
  'delete participant': ALL_BUT_GLOBAL,
  'participant: invite': ALL_BUT_GLOBAL,
  'participant: startHoldMusic': ALL_BUT_GLOBAL,
  'participant: stopHoldMusic': ALL_BUT_GLOBAL,
  'participant: muteAll': ALL_BUT_GLOBAL,
  'call: startRecording': CHINA,
  'call: stopRecording': CHINA,
  'call: startTranscription': CHINA,
  'call: stopTranscription': CHINA,
}

/**
 * The Graph page a request is for, named as the page names it (`call: answer`, `get participant`), read
 * from its method and path; `undefined` for a request that is not one of the calling actions.
 */
export function actionOf(request: GraphRequest<unknown>): string | undefined {
  const segments = request.path.split('/')
  if (segments[1] !== 'communications' || segments[2] !== 'calls') return undefined
  const [, , , call, child, childId, action] = segments
  const { method } = request
  if (call === undefined) return method === 'POST' ? 'create call' : undefined
  if (child === undefined) {
    if (method === 'POST') return call === 'logTeleconferenceDeviceQuality' ? 'call: logTeleconferenceDeviceQuality' : undefined
    return method === 'GET' ? 'get call' : method === 'DELETE' ? 'delete call' : undefined
  }
  if (child === 'audioRoutingGroups' || child === 'contentSharingSessions') return collectionPageOf(child, childId, method)
  if (child !== 'participants') return childId === undefined && method === 'POST' ? `call: ${child}` : undefined
  if (childId === undefined) return method === 'GET' ? 'list participants' : undefined
  if (action !== undefined) return method === 'POST' ? `participant: ${action}` : undefined
  if (method === 'POST') return `participant: ${childId}` // invite, muteAll, admitAllFromLobby: bound to the collection
  return method === 'GET' ? 'get participant' : method === 'DELETE' ? 'delete participant' : undefined
}

/** The page of a request on a call's audio routing groups or content-sharing sessions. */
function collectionPageOf(collection: 'audioRoutingGroups' | 'contentSharingSessions', itemId: string | undefined, method: string): string | undefined {
  const item = collection.slice(0, -1)
  if (itemId === undefined) return method === 'GET' ? `list ${collection}` : method === 'POST' ? `create ${item}` : undefined
  const verb = ({ GET: 'get', PATCH: 'update', DELETE: 'delete' } as Record<string, string>)[method]
  return verb === undefined ? undefined : `${verb} ${item}`
}

/** Throws `UnsupportedActionError` when Graph's page for the request marks `cloud` as not offered. */
export function assertOffered(request: GraphRequest<unknown>, cloud: CloudName, apiVersion: ApiVersion): void {
  if (cloud === 'global') return
  const action = actionOf(request)
  if (action === undefined) return
  const refused = NOT_OFFERED_V1[action]?.includes(cloud) || (apiVersion === 'beta' && NOT_OFFERED_BETA[action]?.includes(cloud))
  if (!refused) return
  throw new UnsupportedActionError(
    `Graph does not offer ${action} in ${clouds[cloud].displayName} (cloud '${cloud}'); nothing was sent. ` +
      `To send it anyway, build it with graph-calling/requests and pass it to client.send().`,
  )
}
