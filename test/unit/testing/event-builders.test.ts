import { describe, expect, expectTypeOf, it } from 'vitest'
import type { CallIncomingEvent } from '../../../src/notifications/index.ts'
import {
  buildCallEstablished,
  buildCallEstablishing,
  buildCallTerminated,
  buildContentSharing,
  buildIncomingCall,
  buildIncomingCallNotification,
  buildOperation,
  buildParticipantsUpdated,
} from '../../../src/testing/index.ts'

const receivedAt = new Date('2026-01-01T10:00:00Z')

describe('event builders: the typed events a bot receives, made by the library parser', () => {
  it('call.incoming with the call, respondBy 15 s after receipt, and the raw item of the built notification', () => {
    const event = buildIncomingCall({ callId: 'c-1', caller: { user: { id: 'u-1', displayName: 'Ada' } } }, { receivedAt, tenantId: 't-1' })
    expectTypeOf(event).toEqualTypeOf<CallIncomingEvent>()
    expect(event).toMatchObject({ type: 'call.incoming', callId: 'c-1', changeType: 'created', tenantId: 't-1', isPolicyBasedRecording: false, issues: [] })
    expect(event.respondBy).toEqual(new Date('2026-01-01T10:00:15Z'))
    expect(event.call.source?.identity).toMatchObject({ user: { displayName: 'Ada' } })
    expect(event.raw).toEqual(buildIncomingCallNotification({ callId: 'c-1', caller: { user: { id: 'u-1', displayName: 'Ada' } } }).value[0])
  })

  it('policy-based recording: 5 s to answer', () => {
    const event = buildIncomingCall({ policyBasedRecording: true }, { receivedAt })
    expect(event.isPolicyBasedRecording).toBe(true)
    expect(event.respondBy).toEqual(new Date('2026-01-01T10:00:05Z'))
  })

  it('the call state, content sharing, operation and roster events', () => {
    expect(buildCallEstablishing('c-1').type).toBe('call.establishing')
    expect(buildCallEstablished('c-1').call.state).toBe('established')
    expect(buildCallTerminated('c-1', { code: 408, subcode: 0, message: 'no answer' }).resultInfo).toMatchObject({ code: 408 })
    expect(buildContentSharing('c-1', 'started', 's-1')).toMatchObject({ type: 'contentSharing.started', sessionId: 's-1' })
    expect(buildContentSharing('c-1', 'ended', 's-1').type).toBe('contentSharing.ended')
    expect(buildOperation('c-1', { type: 'playPromptOperation', operationId: 'op-1', clientContext: 'hi' })).toMatchObject({
      type: 'operation.completed',
      operationId: 'op-1',
      clientContext: 'hi',
    })
    expect(buildOperation('c-1', { type: 'recordOperation', status: 'failed', resultInfo: { code: 500 } }).type).toBe('operation.failed')
    expect(buildParticipantsUpdated('c-1', [{ id: 'p-1', isMuted: true }]).participants).toMatchObject([{ id: 'p-1', isMuted: true }])
  })
})
