/**
 * graph-calling: the typed Microsoft Graph calling SDK for bots.
 */
export * from './errors.ts'
export { CallingClient } from './client/calling-client.ts'
export type { CallingClientOptions } from './client/calling-client-options.ts'
export type { CallActions } from './client/call-actions.ts'
export type { ParticipantActions } from './client/participant-actions.ts'
export type { AudioRoutingGroupActions } from './client/audio-routing-group-actions.ts'
export type { ContentSharingSessionActions } from './client/content-sharing-session-actions.ts'
export type { BetaCallActions, BetaParticipantActions } from './client/beta-actions.ts'
export type { GraphResponse, SendOptions } from './transport/graph-transport.ts'
export { clouds } from './transport/clouds.ts'
export type { ApiVersion, Cloud, CloudName } from './transport/clouds.ts'
export type { AccessToken, Credential, GetToken, GetTokenOptions, TokenCredential } from './transport/token-credential.ts'
export type { Clock } from './transport/clock.ts'
export type { GraphRequest, GraphMethod, ResultType } from './requests/graph-request.ts'
export { createKeepAliveScheduler } from './client/keep-alive-scheduler.ts'
export type { KeepAliveScheduler, KeepAliveSchedulerOptions } from './client/keep-alive-scheduler.ts'
