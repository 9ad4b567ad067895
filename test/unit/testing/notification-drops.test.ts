/**
 * `notifications.drop`: notifications the simulated Graph loses, to test how a bot recovers from one it
 * never gets. A dropped notification is not delivered, is recorded with `dropped: true`, and what it
 * announced still happens (the call is established all the same).
 */
import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../../src/index.ts'
import * as requests from '../../../src/requests/index.ts'
import { createHarness, labelOf, serviceHostedAnswer } from './simulator-harness.ts'

const prompt = requests.mediaPrompt('https://cdn.example.com/a.wav')

describe('dropping by label', () => {
  it("drop ['established']: the bot never gets it, the record says dropped, and the call is established all the same", async () => {
    const { simulator, received, send } = await createHarness({ notifications: { drop: ['established'] } })
    const call = await simulator.placeIncomingCall()
    await send(requests.answer(call.id, serviceHostedAnswer))
    await simulator.idle()
    expect(received.map(labelOf)).toEqual(['incoming', 'establishing'])
    expect(simulator.notifications.map((n) => `${n.label} ${n.dropped}`)).toEqual(['incoming false', 'establishing false', 'established true'])
    const dropped = simulator.notifications.at(-1)!
    expect(dropped).toMatchObject({ callId: call.id, status: undefined, error: undefined, durationMs: 0, body: { value: [{ resourceData: { state: 'established' } }] } })
    // Graph did establish the call: a bot that asks finds out, and it can act on it.
    expect((await send(requests.getCall(call.id))).body.state).toBe('established')
    expect((await send(requests.playPrompt(call.id, { prompts: [prompt] }))).status).toBe(200)
    expect(simulator.call(call.id)).toMatchObject({ state: 'established', notifiedStates: ['incoming', 'establishing'], droppedStates: ['established'] })
    await send(requests.hangUp(call.id))
    await simulator.idle()
    expect(received.map(labelOf)).toEqual(['incoming', 'establishing', 'deleted operations', 'terminated'])
  })

  it('a kind drops every notification of that kind: "operation" drops each operation end, and nothing else', async () => {
    const { simulator, received, send } = await createHarness({ notifications: { drop: ['operation'] } })
    const call = await simulator.placeIncomingCall()
    await send(requests.answer(call.id, serviceHostedAnswer))
    await simulator.waitForState(call.id, 'established')
    await send(requests.playPrompt(call.id, { prompts: [prompt] }))
    await send(requests.recordResponse(call.id))
    const caller = (await send(requests.listParticipants(call.id))).body.value[0].id
    await send(requests.removeParticipant(call.id, caller))
    await simulator.idle()
    expect(received.map(labelOf)).toEqual(['incoming', 'establishing', 'established', 'updated participants'])
    expect(simulator.notifications.filter((n) => n.dropped).map((n) => n.label)).toEqual(['operation playPrompt', 'operation recordResponse'])
    // The operations completed all the same: getOperation says so.
    expect(simulator.call(call.id).operations.map((o) => o['status'])).toEqual(['completed', 'completed'])
  })

  it('a dropped notification is not sent twice either with duplicate, and is recorded once', async () => {
    const { simulator, received, send } = await createHarness({ notifications: { drop: ['establishing'], duplicate: true } })
    const call = await simulator.placeIncomingCall()
    await send(requests.answer(call.id, serviceHostedAnswer))
    await simulator.idle()
    expect(received.map(labelOf)).toEqual(['incoming', 'incoming', 'established', 'established'])
    expect(simulator.notifications.filter((n) => n.dropped).map((n) => n.label)).toEqual(['establishing'])
  })

  it('a dropped tone: pressTone resolves false, as the bot was not notified', async () => {
    const { simulator, send } = await createHarness({ notifications: { drop: ['tone'] } })
    const call = await simulator.placeIncomingCall()
    await send(requests.answer(call.id, serviceHostedAnswer))
    await simulator.waitForState(call.id, 'established')
    await send(requests.subscribeToTone(call.id))
    expect(await simulator.pressTone(call.id, 'tone1')).toBe(false)
    expect(simulator.notifications.at(-1)).toMatchObject({ label: 'tone tone1', dropped: true })
  })

  it('a lost incoming notification: the bot never hears of the call, which is dropped unanswered (408) and that is sent', async () => {
    const { simulator, clock, received } = await createHarness()
    const call = await simulator.placeIncomingCall({ notifications: { drop: ['incoming'] } })
    expect(received).toEqual([])
    await clock.advance(15_000)
    await simulator.idle()
    expect(received.map(labelOf)).toEqual(['terminated'])
    expect(simulator.call(call.id).resultInfo).toMatchObject({ code: 408 })
  })
})

describe('dropping with a predicate', () => {
  it('a predicate that throws drops what it was asked about, and the record says why; waiting for that state rejects', async () => {
    const drop = (n: { label: string }): boolean => {
      if (n.label === 'established') throw new Error('the test broke')
      return false
    }
    const { simulator, received, send } = await createHarness({ notifications: { drop } })
    const call = await simulator.placeIncomingCall()
    await send(requests.answer(call.id, serviceHostedAnswer))
    await expect(simulator.waitForState(call.id, 'established')).rejects.toThrow()
    await simulator.idle()
    expect(received.map(labelOf)).toEqual(['incoming', 'establishing'])
    expect(simulator.notifications.at(-1)).toMatchObject({ label: 'established', dropped: true, error: 'the drop predicate threw: the test broke' })
  })


  it('sees each notification (call, label, body) and drops those it returns true for; a per-call plan drops on that call only', async () => {
    const { simulator, received, send } = await createHarness()
    const seen: string[] = []
    // Drops only the first prompt's end: the bot must recover from that one loss.
    const drop = (n: { callId: string; label: string; body: { value: { resourceData?: unknown }[] } }): boolean => {
      seen.push(n.label)
      return n.label === 'operation playPrompt' && (n.body.value[0]!.resourceData as { clientContext?: string }).clientContext === 'first'
    }
    const lossy = await simulator.placeIncomingCall({ notifications: { drop } })
    const other = await simulator.placeIncomingCall()
    for (const id of [lossy.id, other.id]) {
      await send(requests.answer(id, serviceHostedAnswer))
      await simulator.waitForState(id, 'established')
      await send(requests.playPrompt(id, { prompts: [prompt], clientContext: 'first' }))
      await send(requests.playPrompt(id, { prompts: [prompt], clientContext: 'second' }))
    }
    await simulator.idle()
    expect(seen).toEqual(['incoming', 'establishing', 'established', 'operation playPrompt', 'operation playPrompt'])
    const contexts = (callId: string) =>
      received.filter((r) => r.body.value[0]!.resourceUrl.startsWith(`/communications/calls/${callId}/operations/`)).map((r) => r.body.value[0]!.resourceData.clientContext)
    expect(contexts(lossy.id)).toEqual(['second'])
    expect(contexts(other.id)).toEqual(['first', 'second'])
  })
})

describe('waitForState and dropped notifications', () => {
  it("rejects at once for a state whose notification was dropped: the bot was never sent it (and never will be)", async () => {
    const { simulator, send } = await createHarness({ notifications: { drop: ['established'] } })
    const call = await simulator.placeIncomingCall()
    const waiting = simulator.waitForState(call.id, 'established')
    await send(requests.answer(call.id, serviceHostedAnswer))
    await expect(waiting).rejects.toThrow(`the notification of 'established' on call ${call.id} was dropped by the notification plan: the bot was never sent it`)
    // Asked after the drop, too.
    await expect(simulator.waitForState(call.id, 'established')).rejects.toThrow(/was dropped by the notification plan/)
    await expect(simulator.waitForState(call.id, 'establishing')).resolves.toMatchObject({ state: 'established' })
  })

  it('a dropped terminated still ends the waits for states that will now never be sent', async () => {
    const { simulator, send } = await createHarness({ notifications: { drop: ['terminated'] } })
    const call = await simulator.placeIncomingCall()
    await send(requests.answer(call.id, serviceHostedAnswer))
    await simulator.waitForState(call.id, 'established')
    const transferring = simulator.waitForState(call.id, 'transferring')
    await send(requests.hangUp(call.id))
    await expect(transferring).rejects.toThrow(`call ${call.id} ended before the bot was notified of 'transferring'`)
    await expect(simulator.waitForState(call.id, 'terminated')).rejects.toThrow(/'terminated' on call .* was dropped/)
    await expect(simulator.waitForState(call.id, 'hold')).rejects.toThrow(`call ${call.id} ended without the bot being notified of 'hold'`)
  })
})

describe('the option is checked', () => {
  it('drop must be a list of labels or a predicate, for the simulator and for one call', async () => {
    const refused = createHarness({ notifications: { drop: 'established' as never } })
    await expect(refused).rejects.toThrow(ValidationError)
    await expect(refused).rejects.toThrow('$.notifications.drop')
    const { simulator } = await createHarness()
    await expect(simulator.placeIncomingCall({ notifications: { drop: [1] as never } })).rejects.toThrow('$.notifications.drop')
  })
})
