/**
 * How a simulated recording (`recordResponse`, beta `record`) ends, on the simulator's clock: on a stop tone
 * the caller presses, else at `maxRecordDurationInSeconds` when that comes first, else at the simulator's
 * `operationDurationMs` (the caller stopped speaking), each with the completion reason of what happened.
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

/** Starts a recording; returns its operation id and when it started (simulator clock). */
async function record(harness: Harness, callId: string, params: requests.RecordResponseParams = {}): Promise<{ id: string; at: number }> {
  const started = await harness.send(requests.recordResponse(callId, params))
  expect(started.body).toMatchObject({ '@odata.type': '#microsoft.graph.recordOperation', status: 'running' })
  return { id: started.body.id, at: harness.clock.now() }
}

/** The recording's completion notifications, with when each was sent after `from`. */
function completions(harness: Harness, operationId: string, from: number) {
  return harness.simulator.notifications
    .filter((n) => n.body.value[0]!.resourceUrl.endsWith(`/operations/${operationId}`))
    .map((n) => ({ after: n.at - from, data: n.body.value[0]!.resourceData as Record<string, any> }))
}

describe('a stop tone ends the recording at once', () => {
  it('the caller presses one of its stopTones: stopToneDetected then, not at the end of its time', async () => {
    const harness = await createHarness({ operationDurationMs: 30_000 })
    const callId = await establishedCall(harness)
    const { id, at } = await record(harness, callId, { stopTones: ['#'], maxRecordDurationInSeconds: 60 })
    await harness.clock.advance(2_000)
    expect(completions(harness, id, at)).toEqual([])
    // The bot did not subscribe to tones: it hears no tone, yet Graph stops the recording on it.
    expect(await harness.simulator.pressTone(callId, 'pound')).toBe(false)
    await harness.simulator.idle()
    expect(completions(harness, id, at)).toEqual([
      { after: 2_000, data: expect.objectContaining({ status: 'completed', completionReason: 'stopToneDetected', recordingLocation: expect.stringMatching(/^https:\/\//) }) },
    ])
    await harness.clock.advance(60_000)
    await harness.simulator.idle()
    expect(completions(harness, id, at)).toHaveLength(1)
    expect((await harness.send(requests.getOperation(callId, id))).body).toMatchObject({ status: 'completed', completionReason: 'stopToneDetected' })
  })

  it('a key given as a DTMF key matches its tone name ("1" is tone1), and a tone not listed does not stop it', async () => {
    const harness = await createHarness({ operationDurationMs: 30_000 })
    const callId = await establishedCall(harness)
    await harness.send(requests.subscribeToTone(callId))
    const { id, at } = await record(harness, callId, { stopTones: ['1', '*'] })
    await harness.clock.advance(1_000)
    expect(await harness.simulator.pressTone(callId, 'tone2')).toBe(true)
    // Not idle(): that would wait for the recording's 30 s. Moving the clock lets what is under way finish.
    await harness.clock.advance(500)
    expect(completions(harness, id, at)).toEqual([])
    expect(await harness.simulator.pressTone(callId, 'tone1')).toBe(true)
    await harness.simulator.idle()
    // A bot that subscribed hears the key first, then the recording's end.
    expect(harness.simulator.notifications.slice(-2).map((n) => n.label)).toEqual(['tone tone1', 'operation recordResponse'])
    expect(completions(harness, id, at)).toEqual([{ after: 1_500, data: expect.objectContaining({ completionReason: 'stopToneDetected' }) }])
  })
})

describe('without a stop tone', () => {
  it('ends at maxRecordDurationInSeconds when that comes before the simulator\'s duration: maxRecordDurationReached', async () => {
    const harness = await createHarness({ operationDurationMs: 10_000 })
    const callId = await establishedCall(harness)
    const { id, at } = await record(harness, callId, { maxRecordDurationInSeconds: 3, stopTones: ['#'] })
    await harness.clock.advance(2_999)
    expect(completions(harness, id, at)).toEqual([])
    await harness.clock.advance(1)
    await harness.simulator.idle()
    expect(completions(harness, id, at)).toEqual([
      {
        after: 3_000,
        // Graph's documented completion of a recording that reached its longest duration.
        data: expect.objectContaining({ completionReason: 'maxRecordDurationReached', resultInfo: { '@odata.type': '#microsoft.graph.resultInfo', code: 200, subcode: 8515, message: 'Action completed, max record duration reached.' } }),
      },
    ])
    await harness.clock.advance(10_000)
    await harness.simulator.idle()
    expect(completions(harness, id, at)).toHaveLength(1)
  })

  it("Graph's default longest duration is 5 seconds", async () => {
    const harness = await createHarness({ operationDurationMs: 10_000 })
    const callId = await establishedCall(harness)
    const { id, at } = await record(harness, callId)
    await harness.clock.advance(10_000)
    await harness.simulator.idle()
    expect(completions(harness, id, at)).toEqual([{ after: 5_000, data: expect.objectContaining({ completionReason: 'maxRecordDurationReached' }) }])
  })

  it("ends at the simulator's duration when that comes first: the caller stopped speaking, maxSilenceTimeout (stop tones or not)", async () => {
    const harness = await createHarness({ operationDurationMs: 2_000 })
    const callId = await establishedCall(harness)
    const { id, at } = await record(harness, callId, { stopTones: ['#'], maxRecordDurationInSeconds: 10 })
    await harness.clock.advance(2_000)
    await harness.simulator.idle()
    const [done] = completions(harness, id, at)
    expect(done).toEqual({ after: 2_000, data: expect.objectContaining({ status: 'completed', completionReason: 'maxSilenceTimeout', resultInfo: expect.objectContaining({ code: 200, subcode: 0 }) }) })
  })

  it('with the default operationDurationMs (0) a recording ends at once, as maxSilenceTimeout', async () => {
    const harness = await createHarness()
    const callId = await establishedCall(harness)
    const { id, at } = await record(harness, callId, { stopTones: ['#'] })
    await harness.simulator.idle()
    expect(completions(harness, id, at)).toEqual([{ after: 0, data: expect.objectContaining({ completionReason: 'maxSilenceTimeout' }) }])
  })

  it('the beta record action follows the same rules', async () => {
    const harness = await createHarness({ operationDurationMs: 10_000 })
    const callId = await establishedCall(harness)
    const started = await harness.send(requests.beta.record(callId, { maxRecordDurationInSeconds: 4, stopTones: ['#'] }))
    const at = harness.clock.now()
    await harness.clock.advance(1_000)
    await harness.simulator.pressTone(callId, 'pound')
    await harness.simulator.idle()
    expect(completions(harness, started.body.id, at)).toEqual([{ after: 1_000, data: expect.objectContaining({ completionReason: 'stopToneDetected' }) }])
  })
})
