/**
 * Compiled with `exactOptionalPropertyTypes` (see this folder's tsconfig.json): every option the library
 * reads as absent when it is `undefined` says so in its type, so an optional value passes straight through.
 */
import { describe, expectTypeOf, it } from 'vitest'
import { CallingClient, createKeepAliveScheduler } from 'graph-calling'
import { createNotificationHandler, type NotificationVerifyOptions } from 'graph-calling/web'
import { createCallTracker, createNotificationTokenVerifier, createOperationWaiter, parseNotifications, type OperationOutcome } from 'graph-calling/notifications'
import { incomingCallOptions, mediaPrompt, outgoingCallOptions, serviceHostedMedia, type AnswerParams, type CreateCallParams, type PromptMediaInfo } from 'graph-calling/requests'
import { buildCallStateNotification, buildIncomingCall, buildOperationNotification, buildTerminatedNotification, createGraphSimulator, createTestSigner, type FaultInit, type GraphSimulator, type PlaceCallInit } from 'graph-calling/testing'
import type { Inbound, ResultInfo } from 'graph-calling/schemas'

declare const verify: NotificationVerifyOptions | undefined
declare const resourceId: string | undefined
declare const signal: AbortSignal | undefined
declare const maxBytes: number | undefined
declare const text: string | undefined
declare const flag: boolean | undefined
declare const client: CallingClient

describe('options under exactOptionalPropertyTypes', () => {
  it('take an optional value passed through', async () => {
    createNotificationHandler({ appId: 'a', verify })
    mediaPrompt('https://x.contoso.com/a.wav', { resourceId })
    serviceHostedMedia({ preFetchMedia: resourceId ? [{ uri: 'https://x.contoso.com/a.wav', resourceId }] : undefined })
    createOperationWaiter().wait('c', { id: 'op' }, { signal })
    parseNotifications('{}', { maxBytes })
    createCallTracker({ maxCalls: maxBytes })
    await client.calls.answer('c', { callbackUri: process.env.CALLBACK_URI, acceptedModalities: ['audio'], mediaConfig: serviceHostedMedia() })
  })

  it('take undefined for every optional member of the handler, parser, waiter, tracker and scheduler', () => {
    createNotificationHandler({ appId: 'a', verify: { openIdConfigurationUrl: text, issuers: undefined, allowedTenantIds: undefined, clockToleranceSec: maxBytes, algorithms: undefined, keyRefreshIntervalMs: maxBytes, unknownKeyRefetchIntervalMs: maxBytes, failedKeyFetchRetryMs: maxBytes, keyFetchTimeoutMs: maxBytes, fetch: undefined, now: undefined } })
    createNotificationTokenVerifier({ appId: 'a', openIdConfigurationUrl: text, fetch: undefined })
    parseNotifications('{}', { maxBytes, receivedAt: undefined, now: undefined, tenantId: text })
    createOperationWaiter({ defaultTimeoutMs: maxBytes, keepFinishedMs: maxBytes, maxFinished: maxBytes, now: undefined }).wait('c', { id: 'op' }, { timeoutMs: maxBytes, signal })
    createCallTracker({ terminatedGraceMs: maxBytes, maxCalls: maxBytes, maxAgeMs: maxBytes, deltaRoster: flag, now: undefined })
    createKeepAliveScheduler({ send: async () => {}, intervalMs: maxBytes, onError: undefined, timers: undefined })
    new CallingClient({ credential: async () => null, cloud: undefined, baseUrl: text, timeoutMs: maxBytes, userAgent: text, onAttempt: undefined })
  })

  it('take undefined for the optional members of the media helpers', () => {
    incomingCallOptions({ isDeltaRosterEnabled: flag, hideBotAfterEscalation: undefined })
    outgoingCallOptions({ isContentSharingNotificationEnabled: flag })
  })

  it('take undefined for the optional members of the testing kit', async () => {
    await createGraphSimulator({ callbackUri: 'https://bot.contoso.com/calls', appId: text, tenantId: text, baseUrl: text, answerTimeoutMs: maxBytes, notifications: { duplicate: flag, delayMs: maxBytes, concurrent: flag }, clock: undefined, onRecord: undefined })
    await createTestSigner({ appId: text, tenantId: text, issuer: text, openIdConfigurationUrl: text, now: undefined })
    const signer = await createTestSigner()
    await signer.sign({}, { header: undefined, lifetimeSec: maxBytes })
    const place: PlaceCallInit = { callId: text, tenantId: text, answerTimeoutMs: maxBytes, notifications: undefined, policyBasedRecording: flag }
    const fault: FaultInit = { action: text, callId: text, times: maxBytes, status: maxBytes, delayMs: maxBytes }
    const simulator = {} as GraphSimulator
    await simulator.placeIncomingCall(place)
    simulator.injectFault(fault)
    await simulator.listen({ host: text, port: maxBytes })
    buildIncomingCall({ callId: text }, { receivedAt: undefined, tenantId: text })
    buildOperationNotification('c', { type: 'playPromptOperation', operationId: text, status: undefined, clientContext: text, resultInfo: undefined })
    buildCallStateNotification('c', 'established', { etag: text, resourceData: undefined })
    buildTerminatedNotification('c', { resultInfo: undefined, etag: text })
  })
})

describe('action parameters under exactOptionalPropertyTypes', () => {
  it('take undefined for an optional member, at any depth: JSON leaves it out', () => {
    const answer: AnswerParams = {
      callbackUri: text,
      acceptedModalities: ['audio'],
      mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig', preFetchMedia: undefined },
      participantCapacity: undefined,
      callOptions: { isDeltaRosterEnabled: flag },
    }
    void answer
    void client.calls.playPrompt('c', { prompts: [{ '@odata.type': '#microsoft.graph.mediaPrompt', mediaInfo: { uri: 'https://x.contoso.com/a.wav', resourceId } }], clientContext: text })
    void client.calls.mute('c', { clientContext: text })
    void client.calls.create({ callbackUri: 'https://bot.contoso.com/calls', tenantId: text, targets: [{ identity: { user: { id: 'u', displayName: text } } }], requestedModalities: ['audio'], mediaConfig: serviceHostedMedia() })
    void client.beta.calls.answer('c', { callbackUri: text, acceptedModalities: ['audio'], mediaConfig: serviceHostedMedia(), participantCapacity: maxBytes })
  })

  it('still require what Graph requires', () => {
    // @ts-expect-error acceptedModalities is required
    const answer: AnswerParams = { callbackUri: text, acceptedModalities: undefined, mediaConfig: serviceHostedMedia() }
    void answer
    // @ts-expect-error a call's mediaConfig is required
    const call: CreateCallParams = { callbackUri: 'https://bot.contoso.com/calls', targets: [], requestedModalities: ['audio'], mediaConfig: undefined }
    void call
  })

  it('leave the named parts, which the media helpers return, as they are', () => {
    // @ts-expect-error a PromptMediaInfo holds a resourceId only with a value (mediaPrompt leaves an undefined one out)
    const info: PromptMediaInfo = { uri: 'https://x.contoso.com/a.wav', resourceId }
    void info
    expectTypeOf(mediaPrompt('https://x.contoso.com/a.wav', { resourceId }).mediaInfo).toEqualTypeOf<PromptMediaInfo>()
    expectTypeOf(serviceHostedMedia()).toExtend<AnswerParams['mediaConfig']>()
  })
})

describe('OperationOutcome', () => {
  it('types resultInfo as the decoded resultInfo', () => {
    expectTypeOf<OperationOutcome['resultInfo']>().toEqualTypeOf<Inbound<ResultInfo> | undefined>()
  })
})
