/**
 * What each operation is answered with, as Graph's docs show it: some are done by the time Graph answers
 * (`"status": "completed"`, no operation notification follows), the others run and are notified when they end.
 */
import { describe, expect, it } from 'vitest'
import * as requests from '../../../src/requests/index.ts'
import { createHarness, serviceHostedAnswer, type Harness } from './simulator-harness.ts'

async function establishedCall(harness: Harness): Promise<string> {
  const call = await harness.simulator.placeIncomingCall()
  await harness.send(requests.answer(call.id, serviceHostedAnswer))
  await harness.simulator.waitForState(call.id, 'established')
  return call.id
}

/** The operation notifications the bot was sent on `callId`. */
function operationNotifications(harness: Harness, callId: string) {
  return harness.received.filter((r) => r.body.value[0]!.resourceUrl.startsWith(`/communications/calls/${callId}/operations/`)).map((r) => r.body.value[0]!.resourceData)
}

describe('answered completed, with no operation notification', () => {
  it.each([
    ['subscribeToTone', 'subscribeToToneOperation', (callId: string) => requests.subscribeToTone(callId, { clientContext: 'c' })],
    ['updateRecordingStatus', 'updateRecordingStatusOperation', (callId: string) => requests.updateRecordingStatus(callId, { status: 'recording', clientContext: 'c' })],
    ['cancelMediaProcessing', 'cancelMediaProcessingOperation', (callId: string) => requests.cancelMediaProcessing(callId, { clientContext: 'c' })],
    ['mute', 'muteParticipantOperation', (callId: string) => requests.mute(callId, { clientContext: 'c' })],
    ['unmute', 'unmuteParticipantOperation', (callId: string) => requests.unmute(callId, { clientContext: 'c' })],
  ] as const)('%s', async (_action, type, build) => {
    // A long operation time shows the answer does not wait for it.
    const harness = await createHarness({ operationDurationMs: 60_000 })
    const callId = await establishedCall(harness)
    const answered = await harness.send(build(callId))
    expect([answered.status, answered.body]).toEqual([200, { '@odata.type': `#microsoft.graph.${type}`, id: expect.any(String), status: 'completed', clientContext: 'c' }])
    expect((await harness.send(requests.getOperation(callId, answered.body.id))).body).toMatchObject({ status: 'completed' })
    await harness.clock.advance(60_000)
    await harness.simulator.idle()
    expect(operationNotifications(harness, callId)).toEqual([])
  })

  it('subscribeToTone: a key pressed right after the answer is notified', async () => {
    const harness = await createHarness({ operationDurationMs: 60_000 })
    const callId = await establishedCall(harness)
    await harness.send(requests.subscribeToTone(callId))
    expect(await harness.simulator.pressTone(callId, 'tone3')).toBe(true)
  })
})

describe('cancelMediaProcessing cancels the prompts and recordings under way', () => {
  it('each fails at once with operationCanceled (400/8508), as Graph notifies it; an operation that is not media goes on', async () => {
    const harness = await createHarness({ operationDurationMs: 10_000 })
    const callId = await establishedCall(harness)
    const prompt = await harness.send(requests.playPrompt(callId, { prompts: [requests.mediaPrompt('https://cdn.example.com/a.wav')], clientContext: 'prompt' }))
    const recording = await harness.send(requests.recordResponse(callId, { clientContext: 'recording', maxRecordDurationInSeconds: 60 }))
    const dtmf = await harness.send(requests.sendDtmfTones(callId, { tones: ['tone1'], clientContext: 'dtmf' }))
    await harness.clock.advance(1_000)
    await harness.send(requests.cancelMediaProcessing(callId))
    // Not idle(): that would wait for the DTMF tones' 10 s. Moving the clock lets what is under way finish.
    await harness.clock.advance(0)
    const cancelled = { status: 'failed', resultInfo: { '@odata.type': '#microsoft.graph.resultInfo', code: 400, subcode: 8508, message: 'Action failed, the operation was cancelled.' } }
    expect(operationNotifications(harness, callId)).toEqual([
      expect.objectContaining({ '@odata.type': '#microsoft.graph.playPromptOperation', clientContext: 'prompt', ...cancelled }),
      expect.objectContaining({ '@odata.type': '#microsoft.graph.recordOperation', clientContext: 'recording', ...cancelled, completionReason: 'operationCanceled' }),
    ])
    expect((await harness.send(requests.getOperation(callId, recording.body.id))).body).toMatchObject({ ...cancelled, completionReason: 'operationCanceled' })
    expect((await harness.send(requests.getOperation(callId, prompt.body.id))).body).toMatchObject(cancelled)
    await harness.clock.advance(9_000)
    await harness.simulator.idle()
    expect(operationNotifications(harness, callId).map((o) => o.clientContext)).toEqual(['prompt', 'recording', 'dtmf'])
    expect((await harness.send(requests.getOperation(callId, dtmf.body.id))).body).toMatchObject({ status: 'completed' })
  })
})

describe('answered 202 with the operation running', () => {
  it('addLargeGalleryView, as Graph answers it, then its completion', async () => {
    const harness = await createHarness()
    const callId = await establishedCall(harness)
    const answered = await harness.send(requests.addLargeGalleryView(callId, { clientContext: 'gallery' }))
    expect([answered.status, answered.body]).toEqual([202, { '@odata.type': '#microsoft.graph.addLargeGalleryViewOperation', id: expect.any(String), status: 'running', clientContext: 'gallery' }])
    await harness.simulator.idle()
    expect(operationNotifications(harness, callId)).toEqual([expect.objectContaining({ status: 'completed', clientContext: 'gallery' })])
  })
})
