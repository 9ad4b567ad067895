/** `graph-calling/testing`: a simulated Graph calling service and builders for tests of calling bots. */
export { createGraphSimulator } from './graph-simulator.ts'
export type { GraphSimulator, GraphSimulatorOptions } from './graph-simulator.ts'
export type { PlaceCallInit } from './call-control.ts'
export type { NotificationPlan } from './notification-sender.ts'
export type { NotificationDrop, PlannedNotification } from './notification-drops.ts'
export type { SimulatedCall } from './simulated-call.ts'
export type { FaultInit, InjectedFault } from './fault-injection.ts'
export type { RecordedNotification, RecordedRequest, SimulatorRecord } from './simulator-records.ts'
export type { SimulatedCredential, SimulatedAccessToken } from './simulated-credential.ts'
export type { SimulatorClock } from './simulator-clock.ts'
export { ManualClock } from './manual-clock.ts'
export { deliverOverHttp, tunnelTo } from './notification-delivery.ts'
export type { DeliveryContext, NotificationDelivery } from './notification-delivery.ts'
export { MswDispatcher } from './msw-dispatcher.ts'
export { listenLoopback } from './loopback-server.ts'
export type { LoopbackOptions, LoopbackServer } from './loopback-server.ts'
export { graphErrorResponse } from './graph-error-response.ts'
export type { GraphErrorBody, GraphErrorInit } from './graph-error-response.ts'
export {
  batchNotifications,
  buildCallStateNotification,
  buildContentSharingNotification,
  buildIncomingCallNotification,
  buildOperationNotification,
  buildParticipantsNotification,
  buildTerminatedNotification,
  CALL_ENDED,
  commsNotifications,
} from './notification-builders.ts'
export type { CommsNotificationItem, CommsNotificationsBody, IncomingCallInit, OperationNotificationInit, UpdatedCallState } from './notification-builders.ts'
export { createTestSigner } from './test-signer.ts'
export type { TestOpenIdConfiguration, TestPublicJwk, TestSigner, TestSignerOptions, TestSignOptions } from './test-signer.ts'
export {
  buildCallEstablished,
  buildCallEstablishing,
  buildCallTerminated,
  buildContentSharing,
  buildIncomingCall,
  buildOperation,
  buildParticipantsUpdated,
} from './event-builders.ts'
export type { EventContext } from './event-builders.ts'
