/**
 * Muting in the simulator, as Graph's docs ("participant: mute", "call: mute", "call: unmute") show it: the
 * action is answered `200` with its operation already `completed`, the roster says `isMuted`, and the bot
 * is sent a roster update (`participants` updated, the roster as `resourceData`).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { CallingClient } from '../../../src/index.ts'
import { parseNotifications } from '../../../src/notifications/index.ts'
import * as requests from '../../../src/requests/index.ts'
import { createHarness, serviceHostedAnswer, type Harness } from './simulator-harness.ts'

const closing: (() => Promise<void>)[] = []
afterEach(async () => {
  while (closing.length > 0) await closing.pop()!()
})

async function establishedCall(harness: Harness): Promise<string> {
  const call = await harness.simulator.placeIncomingCall()
  await harness.send(requests.answer(call.id, serviceHostedAnswer))
  await harness.simulator.waitForState(call.id, 'established')
  return call.id
}

/** A client of the simulator on the harness's manual clock (the simulated credential dates its tokens by it). */
function clientOf(harness: Harness): CallingClient {
  const client = new CallingClient({ credential: harness.simulator.credential, dispatcher: harness.simulator.dispatcher, clock: harness.clock })
  closing.push(() => client.close())
  return client
}

/** The roster updates the bot was sent, as the library parses them. */
function rosterUpdates(harness: Harness) {
  return harness.received.flatMap((r) => parseNotifications(r.body)).filter((e) => e.type === 'participants.updated')
}

/** The id of the bot's own participant: the one whose identity is the bot's application. */
async function botParticipantId(harness: Harness, callId: string): Promise<string> {
  const roster = (await harness.send(requests.listParticipants(callId))).body.value as { id: string; info: { identity: { application?: { id: string } } } }[]
  return roster.find((p) => p.info.identity.application?.id === harness.simulator.signer.appId)!.id
}

describe('participants.mute', () => {
  it('mutes the participant: a later GET says isMuted, and the bot is sent the roster with it muted', async () => {
    const harness = await createHarness()
    const client = clientOf(harness)
    const callId = await establishedCall(harness)
    const caller = (await client.participants.list(callId)).body.value![0]!.id!
    const before = harness.received.length

    const { status, body } = await client.participants.mute(callId, caller, { clientContext: 'hush' })
    expect(status).toBe(200)
    // Graph's documented answer: the operation has completed already (the client canonicalises the status).
    expect(body).toMatchObject({ '@odata.type': '#microsoft.graph.muteParticipantOperation', status: 'Completed', clientContext: 'hush' })
    expect(harness.simulator.requests.at(-1)!.responseBody).toMatchObject({ status: 'completed' })
    expect((await client.participants.get(callId, caller)).body).toMatchObject({ id: caller, isMuted: true })

    await harness.simulator.idle()
    const sent = harness.received.slice(before)
    // One roster update and nothing else: no operation notification follows an operation answered completed.
    expect(sent.map((r) => `${r.body.value[0]!.changeType} ${r.body.value[0]!.resourceUrl}`)).toEqual([`updated /communications/calls/${callId}/participants`])
    expect(sent[0]!.body.value[0]!.resourceData).toEqual(expect.arrayContaining([expect.objectContaining({ '@odata.type': '#microsoft.graph.participant', id: caller, isMuted: true })]))
    const [update] = rosterUpdates(harness)
    expect(update?.type === 'participants.updated' && update.participants.find((p) => p.id === caller)?.isMuted).toBe(true)
    expect(harness.simulator.call(callId).operations).toEqual([expect.objectContaining({ id: body.id, status: 'completed', clientContext: 'hush' })])
  })

  it('leaves the other participants as they were', async () => {
    const harness = await createHarness()
    const callId = await establishedCall(harness)
    const [caller, bot] = (await harness.send(requests.listParticipants(callId))).body.value.map((p: { id: string }) => p.id)
    await harness.send(requests.muteParticipant(callId, caller))
    const roster = (await harness.send(requests.listParticipants(callId))).body.value
    expect(roster.map((p: { id: string; isMuted: boolean }) => [p.id, p.isMuted])).toEqual([
      [caller, true],
      [bot, false],
    ])
  })

  it('on a call that has ended: 404, and no roster is sent', async () => {
    const harness = await createHarness()
    const callId = await establishedCall(harness)
    const caller = (await harness.send(requests.listParticipants(callId))).body.value[0].id
    await harness.send(requests.hangUp(callId))
    await harness.simulator.idle()
    const before = harness.received.length
    expect((await harness.send(requests.muteParticipant(callId, caller))).status).toBe(404)
    await harness.simulator.idle()
    expect(harness.received).toHaveLength(before)
  })
})

describe('calls.mute and calls.unmute: the bot mutes itself', () => {
  it("mute sets the bot's own participant isMuted, unmute clears it; each is answered completed and sends the roster", async () => {
    const harness = await createHarness()
    const client = clientOf(harness)
    const callId = await establishedCall(harness)
    const bot = await botParticipantId(harness, callId)

    const muted = await client.calls.mute(callId, { clientContext: 'self-mute' })
    expect(muted.body).toMatchObject({ '@odata.type': '#microsoft.graph.muteParticipantOperation', status: 'Completed', clientContext: 'self-mute' })
    expect((await client.participants.get(callId, bot)).body.isMuted).toBe(true)
    await harness.simulator.idle()
    expect(rosterUpdates(harness).map((e) => e.type === 'participants.updated' && e.participants.find((p) => p.id === bot)?.isMuted)).toEqual([true])

    const unmuted = await client.calls.unmute(callId, { clientContext: 'self-unmute' })
    expect(unmuted.body).toMatchObject({ '@odata.type': '#microsoft.graph.unmuteParticipantOperation', status: 'Completed', clientContext: 'self-unmute' })
    expect((await client.participants.get(callId, bot)).body.isMuted).toBe(false)
    await harness.simulator.idle()
    expect(rosterUpdates(harness).map((e) => e.type === 'participants.updated' && e.participants.find((p) => p.id === bot)?.isMuted)).toEqual([true, false])
    // Only the bot changed: the caller was never muted.
    const caller = (await client.participants.list(callId)).body.value!.find((p) => p.id !== bot)!
    expect(caller.isMuted).toBe(false)
  })

  it('on a call the bot created, too', async () => {
    const harness = await createHarness()
    const created = await harness.send(
      requests.createCall({ callbackUri: 'https://bot.example.com/api/calls', targets: [{ identity: { user: { id: 'u-7' } } }], requestedModalities: ['audio'], mediaConfig: requests.serviceHostedMedia() }),
    )
    await harness.simulator.waitForState(created.body.id, 'established')
    const bot = await botParticipantId(harness, created.body.id)
    expect((await harness.send(requests.mute(created.body.id))).body.status).toBe('completed')
    expect((await harness.send(requests.getParticipant(created.body.id, bot))).body.isMuted).toBe(true)
  })
})
