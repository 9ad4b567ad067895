import { describe, expectTypeOf, it } from 'vitest'
import type { Call, CallState, Inbound, OperationStatus, ResultInfo } from '../../src/schemas/index.ts'
import {
  createCallTracker,
  createOperationWaiter,
  parseNotifications,
  type CallEvent,
  type CallEventOf,
  type OperationOutcome,
  type TrackedCall,
} from '../../src/notifications/index.ts'
import { createNotificationHandler, type ParticipantJoiningResponse, type RequestContext } from '../../src/adapters/web.ts'
import { toNodeListener, type NodeRequestListener } from '../../src/adapters/node.ts'

describe('Inbound<T>', () => {
  it('widens enums to any string but keeps @odata.type literal', () => {
    expectTypeOf<Inbound<Call>['state']>().toEqualTypeOf<CallState | (string & {}) | null | undefined>()
    expectTypeOf<'parked'>().toExtend<NonNullable<Inbound<Call>['state']>>()
    expectTypeOf<Inbound<Call>['@odata.type']>().toEqualTypeOf<'#microsoft.graph.call' | undefined>()
    // @ts-expect-error @odata.type stays the one literal
    const wrongType: Inbound<Call>['@odata.type'] = '#microsoft.graph.participant'
    void wrongType
  })

  it('makes every property optional, those the requests require too: the decoders require none', () => {
    type Target = NonNullable<Inbound<Call>['targets']>[number]
    expectTypeOf<undefined>().toExtend<Target['identity']>()
    type Media = NonNullable<Inbound<Call>['mediaConfig']>
    expectTypeOf<undefined>().toExtend<Media['@odata.type']>()
  })

  it('keeps unknown properties as unknown, and the schema properties typed', () => {
    const call = {} as Inbound<Call>
    expectTypeOf(call.applicationMetadata).toEqualTypeOf<unknown>()
    expectTypeOf(call.resultInfo).toEqualTypeOf<Inbound<ResultInfo> | null | undefined>()
    expectTypeOf<NonNullable<Inbound<ResultInfo>['code']>>().toEqualTypeOf<number>()
    expectTypeOf(call.requestedModalities).toExtend<string[] | null | undefined>()
  })
})

describe('CallEvent', () => {
  it('narrows on event.type in a switch', () => {
    const handle = (event: CallEvent): string => {
      switch (event.type) {
        case 'call.incoming':
          expectTypeOf(event.respondBy).toEqualTypeOf<Date>()
          expectTypeOf(event.isPolicyBasedRecording).toEqualTypeOf<boolean>()
          expectTypeOf(event.call).toEqualTypeOf<Inbound<Call>>()
          expectTypeOf(event.callId).toEqualTypeOf<string>()
          // @ts-expect-error an incoming call has no operation
          return event.operation
        case 'call.terminated':
          expectTypeOf(event.resultInfo).toEqualTypeOf<Inbound<ResultInfo> | undefined>()
          return event.callId
        case 'operation.completed':
        case 'operation.failed':
        case 'operation.updated':
          expectTypeOf(event.status).toEqualTypeOf<Inbound<OperationStatus> | undefined>()
          expectTypeOf(event.clientContext).toEqualTypeOf<string | undefined>()
          if (event.operation['@odata.type'] === '#microsoft.graph.recordOperation') {
            expectTypeOf(event.operation.recordingLocation).toEqualTypeOf<string | null | undefined>()
          }
          // @ts-expect-error an operation event carries no call resource
          return event.call.state
        case 'participants.updated':
          expectTypeOf(event.participants[0]!.isMuted).toEqualTypeOf<boolean | null | undefined>()
          return event.participantId ?? ''
        case 'contentSharing.started':
        case 'contentSharing.ended':
        case 'contentSharing.updated':
          return event.sessionId
        case 'participant.joining':
          return event.notification.call?.id ?? ''
        case 'participant.left':
          return event.participantId ?? ''
        case 'unknown':
          expectTypeOf(event.callId).toEqualTypeOf<string | undefined>()
          expectTypeOf(event.raw).toEqualTypeOf<unknown>()
          return event.reason
        case 'call.establishing':
        case 'call.established':
        case 'call.updated':
          return event.call.state ?? ''
        default: {
          const unhandled: never = event
          return unhandled
        }
      }
    }
    void handle
  })

  it('is read-only, and CallEventOf picks one event', () => {
    const [event] = parseNotifications('{"value": []}')
    if (event?.type === 'call.established') {
      // @ts-expect-error events are read-only
      event.callId = 'other'
    }
    expectTypeOf<CallEventOf<'call.incoming'>['respondBy']>().toEqualTypeOf<Date>()
  })

  it('parseNotifications returns CallEvent[]', () => {
    expectTypeOf(parseNotifications).returns.toEqualTypeOf<CallEvent[]>()
  })
})

describe('tracker, operation waiter and handlers', () => {
  it("an operation's outcome narrows on status: Graph's end, or the call's", () => {
    expectTypeOf(createOperationWaiter().wait).returns.toEqualTypeOf<Promise<OperationOutcome>>()
    const outcome = {} as OperationOutcome
    if (outcome.status === 'CallEnded') {
      expectTypeOf(outcome.event).toEqualTypeOf<CallEventOf<'call.terminated'>>()
      expectTypeOf(outcome.resultInfo).toEqualTypeOf<Inbound<ResultInfo> | undefined>()
    } else {
      expectTypeOf(outcome.status).toEqualTypeOf<'Completed' | 'Failed'>()
      expectTypeOf(outcome.event).toEqualTypeOf<CallEventOf<'operation.completed'> | CallEventOf<'operation.failed'> | undefined>()
    }
  })

  it('the tracker gives TrackedCall with a typed state', () => {
    const tracker = createCallTracker()
    expectTypeOf(tracker.get('x')).toEqualTypeOf<TrackedCall | undefined>()
    expectTypeOf<TrackedCall['state']>().toEqualTypeOf<Inbound<CallState> | undefined>()
  })

  it('the handler takes a typed onEvent and a join response with @odata.type', () => {
    const handler = createNotificationHandler({
      appId: 'app',
      verify: false,
      onEvent: (event) => {
        if (event.type === 'call.incoming') expectTypeOf(event.respondBy).toEqualTypeOf<Date>()
      },
      onParticipantJoining: async (event) => {
        expectTypeOf(event.type).toEqualTypeOf<'participant.joining'>()
        return { '@odata.type': '#microsoft.graph.acceptJoinResponse' }
      },
    })
    expectTypeOf(handler).toEqualTypeOf<(request: Request, context?: RequestContext) => Promise<Response>>()
    // A Workers-style execution context is a request context as it is.
    const workersContext = { waitUntil(promise: Promise<any>): void { void promise }, passThroughOnException(): void {} }
    void handler(new Request('https://bot.contoso.com/api/calls'), workersContext)
    expectTypeOf(toNodeListener(handler)).toEqualTypeOf<NodeRequestListener>()
    // @ts-expect-error a join response names its @odata.type
    const noType: ParticipantJoiningResponse = { reason: 'busy' }
    void noType
    // @ts-expect-error appId is required
    createNotificationHandler({ verify: false })
  })
})
