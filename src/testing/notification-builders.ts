import type { CallState, ChangeType, ChatInfo, IdentitySet, MeetingInfo, Modality, Participant, ResultInfo } from '../schemas/types.ts'

/** One item of a notification POST, shaped as Graph sends it. */
export interface CommsNotificationItem {
  '@odata.type': '#microsoft.graph.commsNotification'
  changeType: ChangeType
  resourceUrl: string
  /** The older `/app/calls/...` path some notifications still carry next to `resourceUrl`. */
  resource?: string
  resourceData?: Record<string, unknown> | Record<string, unknown>[]
}

/** The JSON body Graph POSTs to a bot's callback URL. */
export interface CommsNotificationsBody {
  '@odata.type': '#microsoft.graph.commsNotifications'
  value: CommsNotificationItem[]
}

/** What an incoming call looks like; every field has a default taken from Graph's documented example. */
export interface IncomingCallInit {
  /** @default a random UUID */
  callId?: string | undefined
  /** Who calls. @default a Teams user, "Test User" */
  caller?: IdentitySet | undefined
  /** Who is called: the bot. @default the application "Test BOT" */
  bot?: IdentitySet | undefined
  /** @default ['audio'] */
  requestedModalities?: Modality[] | undefined
  /** The caller's tenant, when given. */
  tenantId?: string | undefined
  /** The id shared by every leg of the call, when given. */
  callChainId?: string | undefined
  /** The caller's media region. @default 'westus' */
  region?: string | undefined
  /** @default 'en-US' */
  languageId?: string | undefined
  /** Set for an invitation to a group call or meeting. */
  meetingInfo?: MeetingInfo | undefined
  /** Set for an invitation to a group call or meeting. */
  chatInfo?: ChatInfo | undefined
  /**
   * A policy-based recording invitation (the bot then has 5 s to answer, not 15 s): adds the
   * `incomingContext`, `applicationMetadata.botData` and the `applicationInstance` target Graph sends.
   */
  policyBasedRecording?: boolean | undefined
  /** @default 'W/"1"' */
  etag?: string | undefined
  /** Extra `resourceData` members, merged last (for shapes the options above do not cover). */
  resourceData?: Record<string, unknown> | undefined
}

/** The user and bot of Graph's documented incoming-call example. */
const EXAMPLE_USER_ID = '8A34A46B-3D17-4ADC-8DCE-DC4E7D572698'

/** `/communications/calls/{id}`: the `resourceUrl` and `@odata.id` of a call. */
export const callResourceUrl = (callId: string): string => `/communications/calls/${callId}`

/** Wraps notification items in the `commsNotifications` envelope. */
export function commsNotifications(...items: CommsNotificationItem[]): CommsNotificationsBody {
  return { '@odata.type': '#microsoft.graph.commsNotifications', value: items }
}

/** One body holding the items of several, as Graph batches notifications in one POST. */
export function batchNotifications(...bodies: CommsNotificationsBody[]): CommsNotificationsBody {
  return commsNotifications(...bodies.flatMap((body) => body.value))
}

function callData(callId: string, etag: string, members: Record<string, unknown>): Record<string, unknown> {
  return { '@odata.type': '#microsoft.graph.call', '@odata.id': callResourceUrl(callId), '@odata.etag': etag, ...members }
}

/** The `incoming` notification Graph sends when someone calls the bot (`changeType: created`). */
export function buildIncomingCallNotification(init: IncomingCallInit = {}): CommsNotificationsBody {
  const callId = init.callId ?? crypto.randomUUID()
  const recording = init.policyBasedRecording === true
  const bot: IdentitySet = init.bot ?? (recording
    ? { '@odata.type': '#microsoft.graph.identitySet', applicationInstance: { id: EXAMPLE_USER_ID, identityProvider: 'AAD' } } as IdentitySet
    : { application: { displayName: 'Test BOT', id: EXAMPLE_USER_ID } })
  const caller: IdentitySet = init.caller ?? { user: { displayName: 'Test User', id: EXAMPLE_USER_ID } }
  const sourceParticipantId = crypto.randomUUID()
  const data = callData(callId, init.etag ?? 'W/"1"', {
    state: 'incoming',
    direction: 'incoming',
    source: {
      '@odata.type': '#microsoft.graph.participantInfo',
      ...(recording ? { id: sourceParticipantId } : {}),
      identity: caller,
      region: init.region ?? 'westus',
      languageId: init.languageId ?? 'en-US',
    },
    targets: [{ '@odata.type': '#microsoft.graph.invitationParticipantInfo', identity: bot }],
    requestedModalities: init.requestedModalities ?? ['audio'],
    ...(init.tenantId === undefined ? {} : { tenantId: init.tenantId }),
    ...(init.callChainId === undefined ? {} : { callChainId: init.callChainId }),
    ...(init.meetingInfo === undefined ? {} : { meetingInfo: init.meetingInfo }),
    ...(init.chatInfo === undefined ? {} : { chatInfo: init.chatInfo }),
    ...(recording
      ? {
          id: callId,
          incomingContext: {
            '@odata.type': '#microsoft.graph.incomingContext',
            sourceParticipantId,
            observedParticipantId: sourceParticipantId,
          },
          applicationMetadata: { botData: { inviteReasons: ['PolicyBasedRecording'], policyIdentifier: 'Test Policy' } },
        }
      : {}),
    ...init.resourceData,
  })
  return commsNotifications({
    '@odata.type': '#microsoft.graph.commsNotification',
    changeType: 'created',
    ...(recording ? { resource: `/app/calls/${callId}` } : {}),
    resourceUrl: callResourceUrl(callId),
    resourceData: data,
  })
}

/** A call state a notification can announce with `changeType: updated`. */
export type UpdatedCallState = Exclude<CallState, 'incoming' | 'terminated' | 'unknownFutureValue'>

/** The `updated` notification of a call state change (`establishing`, `established`, `hold`, ...). */
export function buildCallStateNotification(
  callId: string,
  state: UpdatedCallState,
  options: { etag?: string | undefined; resourceData?: Record<string, unknown> | undefined } = {},
): CommsNotificationsBody {
  return commsNotifications({
    '@odata.type': '#microsoft.graph.commsNotification',
    changeType: 'updated',
    resourceUrl: callResourceUrl(callId),
    resourceData: callData(callId, options.etag ?? 'W/"2"', { state, ...options.resourceData }),
  })
}

/** The `resultInfo` Graph reports when a call ended normally. */
export const CALL_ENDED: ResultInfo = { '@odata.type': '#microsoft.graph.resultInfo', code: 200, subcode: 0, message: 'The call ended.' }

/** The `deleted` notification of a call that ended, with why in `resultInfo`. */
export function buildTerminatedNotification(
  callId: string,
  options: { resultInfo?: ResultInfo | undefined; etag?: string | undefined; resourceData?: Record<string, unknown> | undefined } = {},
): CommsNotificationsBody {
  return commsNotifications({
    '@odata.type': '#microsoft.graph.commsNotification',
    changeType: 'deleted',
    resourceUrl: callResourceUrl(callId),
    resourceData: callData(callId, options.etag ?? 'W/"3"', {
      state: 'terminated',
      resultInfo: { '@odata.type': '#microsoft.graph.resultInfo', ...(options.resultInfo ?? CALL_ENDED) },
      ...options.resourceData,
    }),
  })
}

/**
 * A content sharing session starting (`created`) or ending (`deleted`) in a call; Graph sends these only
 * when the answer enabled `callOptions.isContentSharingNotificationEnabled`, and with no `resourceData`.
 */
export function buildContentSharingNotification(callId: string, change: 'started' | 'ended', sessionId: string = crypto.randomUUID()): CommsNotificationsBody {
  return commsNotifications({
    '@odata.type': '#microsoft.graph.commsNotification',
    changeType: change === 'started' ? 'created' : 'deleted',
    resourceUrl: `${callResourceUrl(callId)}/contentsharingsessions/${sessionId}`,
  })
}

/** What an operation notification reports. */
export interface OperationNotificationInit {
  /** The operation's type, its `@odata.type` without the namespace: `playPromptOperation`, `recordOperation`, ... */
  type: string
  /** @default a random UUID */
  operationId?: string | undefined
  /** Graph writes these in lower case in notifications. @default 'completed' */
  status?: 'notStarted' | 'running' | 'completed' | 'failed' | undefined
  /** The `clientContext` the bot sent with the action. */
  clientContext?: string | undefined
  /** @default `{ code: 200, subcode: 0, message: 'Action completed.' }` for `completed`, none otherwise */
  resultInfo?: ResultInfo | undefined
  /** Extra members of the operation (`completionReason`, `recordingLocation`, ...). */
  resourceData?: Record<string, unknown> | undefined
}

/**
 * The notification of an operation (`playPrompt`, `recordResponse`, ...) reaching a final state: Graph
 * sends it with `changeType: deleted`, the operation being gone from the call once done.
 */
export function buildOperationNotification(callId: string, init: OperationNotificationInit): CommsNotificationsBody {
  const status = init.status ?? 'completed'
  const url = `${callResourceUrl(callId)}/operations/${init.operationId ?? crypto.randomUUID()}`
  const resultInfo = init.resultInfo ?? (status === 'completed' ? { code: 200, subcode: 0, message: 'Action completed.' } : undefined)
  return commsNotifications({
    '@odata.type': '#microsoft.graph.commsNotification',
    changeType: status === 'completed' || status === 'failed' ? 'deleted' : 'updated',
    resourceUrl: url,
    resourceData: {
      '@odata.type': `#microsoft.graph.${init.type}`,
      '@odata.id': url,
      status,
      ...(init.clientContext === undefined ? {} : { clientContext: init.clientContext }),
      ...(resultInfo === undefined ? {} : { resultInfo: { '@odata.type': '#microsoft.graph.resultInfo', ...resultInfo } }),
      ...init.resourceData,
    },
  })
}

/** The roster notification of a call: its participants, each as a Graph `participant`. */
export function buildParticipantsNotification(callId: string, participants: Participant[], changeType: ChangeType = 'updated'): CommsNotificationsBody {
  return commsNotifications({
    '@odata.type': '#microsoft.graph.commsNotification',
    changeType,
    resourceUrl: `${callResourceUrl(callId)}/participants`,
    resourceData: participants.map((participant) => ({ '@odata.type': '#microsoft.graph.participant', ...participant })),
  })
}
