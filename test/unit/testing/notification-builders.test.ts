import { describe, expect, it } from 'vitest'
import { Value } from 'typebox/value'
import { Call, Participant, PlayPromptOperation } from '../../../src/schemas/index.ts'
import {
  batchNotifications,
  buildCallStateNotification,
  buildContentSharingNotification,
  buildIncomingCallNotification,
  buildOperationNotification,
  buildParticipantsNotification,
  buildTerminatedNotification,
} from '../../../src/testing/index.ts'
import { notificationBodies, v1AnswerPage } from '../../fixtures/seeds/read-seed.ts'

const seed = notificationBodies(v1AnswerPage())
const SEED_CALL = '57DAB8B1894C409AB240BD8BEAE78896'
const SEED_SHARING_CALL = '421f4c00-4436-4c3a-9d9a-c4924cf98e67'
const SEED_SESSION = '2765eb15-01f8-47c6-b12b-c32111a4a86f'

/** The members Graph adds that are not properties of the resource itself. */
function withoutODataAnnotations(data: unknown): Record<string, unknown> {
  const { '@odata.id': _id, '@odata.etag': _etag, ...rest } = data as Record<string, unknown>
  return rest
}

function itemOf(body: { value: unknown[] }): Record<string, any> {
  expect(body.value).toHaveLength(1)
  return body.value[0] as Record<string, any>
}

describe('notification builders give the bodies of Graph documentation', () => {
  it('incoming: the documented notification, to the last member', () => {
    const documented = seed.find((b: any) => b.value[0].resourceData?.source?.['@odata.type'] === '#microsoft.graph.participantInfo')
    expect(documented).toBeDefined()
    expect(buildIncomingCallNotification({ callId: SEED_CALL, etag: 'W/"5445"' })).toEqual(documented)
  })

  it.each(['establishing', 'established'] as const)('%s: the documented notification', (state) => {
    const documented = seed.find((b: any) => b.value[0].resourceData?.state === state)
    expect(buildCallStateNotification(SEED_CALL, state, { etag: 'W/"5445"' })).toEqual(documented)
  })

  it.each([
    ['started', 'created'],
    ['ended', 'deleted'],
  ] as const)('content sharing %s: the documented notification (changeType %s, no resourceData)', (change, changeType) => {
    const documented = seed.find((b: any) => b.value[0].resourceUrl.includes('contentsharingsessions') && b.value[0].changeType === changeType)
    expect(buildContentSharingNotification(SEED_SHARING_CALL, change, SEED_SESSION)).toEqual(documented)
  })

  it('policy-based recording incoming: the /app resource, incoming context and bot data Graph sends', () => {
    const item = itemOf(buildIncomingCallNotification({ callId: 'pbr-1', policyBasedRecording: true }))
    expect(item.resource).toBe('/app/calls/pbr-1')
    expect(item.resourceData.applicationMetadata.botData.inviteReasons).toEqual(['PolicyBasedRecording'])
    expect(item.resourceData.incomingContext.sourceParticipantId).toBe(item.resourceData.source.id)
    expect(item.resourceData.targets[0].identity.applicationInstance).toBeDefined()
  })
})

describe('the resources in built notifications are valid Graph resources', () => {
  it('an incoming call with every option is a valid Graph call', () => {
    const item = itemOf(
      buildIncomingCallNotification({
        callId: 'c-1',
        caller: { user: { id: 'u-1', displayName: 'Ada' } },
        requestedModalities: ['audio', 'video'],
        tenantId: 't-1',
        callChainId: 'chain-1',
        chatInfo: { threadId: '19:meeting@thread.v2', messageId: '0' },
        meetingInfo: { '@odata.type': '#microsoft.graph.organizerMeetingInfo', organizer: { user: { id: 'u-2' } } },
      }),
    )
    expect(item.changeType).toBe('created')
    expect([...Value.Errors(Call, withoutODataAnnotations(item.resourceData))]).toEqual([])
    expect(item.resourceData).toMatchObject({ state: 'incoming', direction: 'incoming', tenantId: 't-1', callChainId: 'chain-1', requestedModalities: ['audio', 'video'] })
  })

  it('terminated: a deleted call with its resultInfo, a valid Graph call', () => {
    const item = itemOf(buildTerminatedNotification('c-1', { resultInfo: { code: 408, subcode: 0, message: 'no answer' } }))
    expect(item).toMatchObject({ changeType: 'deleted', resourceUrl: '/communications/calls/c-1' })
    expect(item.resourceData.resultInfo).toEqual({ '@odata.type': '#microsoft.graph.resultInfo', code: 408, subcode: 0, message: 'no answer' })
    expect([...Value.Errors(Call, withoutODataAnnotations(item.resourceData))]).toEqual([])
  })

  it('a completed operation: deleted, with resultInfo and the clientContext echoed', () => {
    const item = itemOf(buildOperationNotification('c-1', { type: 'playPromptOperation', operationId: 'op-1', clientContext: 'ctx' }))
    expect(item).toMatchObject({ changeType: 'deleted', resourceUrl: '/communications/calls/c-1/operations/op-1' })
    expect(item.resourceData).toMatchObject({ '@odata.type': '#microsoft.graph.playPromptOperation', status: 'completed', clientContext: 'ctx' })
    // Graph writes the status in lower case; the CSDL enum is PascalCase.
    const asCsdl = { ...withoutODataAnnotations(item.resourceData), status: 'Completed' }
    expect([...Value.Errors(PlayPromptOperation, asCsdl)]).toEqual([])
  })

  it('a running operation is an update without a resultInfo', () => {
    const item = itemOf(buildOperationNotification('c-1', { type: 'recordOperation', status: 'running' }))
    expect(item.changeType).toBe('updated')
    expect(item.resourceData.resultInfo).toBeUndefined()
  })

  it('participants: the roster as Graph participants', () => {
    const item = itemOf(buildParticipantsNotification('c-1', [{ id: 'p-1', isMuted: true, info: { identity: { user: { id: 'u-1' } } } }]))
    expect(item).toMatchObject({ changeType: 'updated', resourceUrl: '/communications/calls/c-1/participants' })
    expect(item.resourceData).toHaveLength(1)
    expect([...Value.Errors(Participant, item.resourceData[0])]).toEqual([])
  })

  it('a batch keeps every item of every body, in order', () => {
    const body = batchNotifications(buildCallStateNotification('c-1', 'establishing'), buildCallStateNotification('c-1', 'established'))
    expect(body.value.map((item) => (item.resourceData as Record<string, unknown>).state)).toEqual(['establishing', 'established'])
  })
})
