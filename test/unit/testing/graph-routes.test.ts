import { describe, expect, it } from 'vitest'
import { parseNotifications } from '../../../src/notifications/index.ts'
import * as requests from '../../../src/requests/index.ts'
import { cases } from '../requests/catalogue.ts'
import { createHarness, labelOf, serviceHostedAnswer, type Harness } from './simulator-harness.ts'

/** An incoming call the bot answered, now established. */
async function establishedCall(harness: Harness): Promise<string> {
  const call = await harness.simulator.placeIncomingCall()
  await harness.send(requests.answer(call.id, serviceHostedAnswer))
  await harness.simulator.waitForState(call.id, 'established')
  return call.id
}

/** What each endpoint answers a valid request with. */
const expectedStatus: Record<string, number> = {
  createCall: 201,
  hangUp: 204,
  removeParticipant: 204,
  answer: 202,
  reject: 202,
  redirect: 202,
  transfer: 202,
  changeScreenSharingRole: 202,
  // Graph answers these 202 with the operation started in the body.
  startHoldMusic: 202,
  stopHoldMusic: 202,
  addLargeGalleryView: 202,
  deleteAudioRoutingGroup: 204,
}
const onIncomingCall = new Set(['answer', 'reject', 'redirect', 'beta.redirect', 'beta.answer'])

describe('every builder of graph-calling/requests has its endpoint in the simulator', () => {
  it.each(cases.map((c) => [c.builder, c] as const))('%s', async (builder, c) => {
    const harness = await createHarness()
    const { simulator, send } = harness
    let callId = ''
    let participantId = ''
    let operationId = ''
    let groupId = ''
    let sessionId = ''
    // An audio routing group routes between the call's own participants.
    let params: object | undefined
    if (onIncomingCall.has(builder)) callId = (await simulator.placeIncomingCall()).id
    else if (c.ids.includes('callId')) {
      callId = await establishedCall(harness)
      const [first, second] = (await send(requests.listParticipants(callId))).body.value.map((p: { id: string }) => p.id)
      participantId = first
      operationId = (await send(requests.playPrompt(callId, { prompts: [requests.mediaPrompt('https://cdn.example.com/a.wav')] }))).body.id
      const group = { routingMode: 'oneToOne' as const, sources: [first as string], receivers: [second as string] }
      if (builder === 'createAudioRoutingGroup' || builder === 'updateAudioRoutingGroup') params = group
      if (c.ids.includes('groupId')) groupId = (await send(requests.createAudioRoutingGroup(callId, group))).body.id
      if (c.ids.includes('sessionId')) sessionId = (await simulator.startContentSharing(callId)).sessionId
    }
    const ids = c.ids.map((name) => ({ callId, participantId, operationId, groupId, sessionId })[name])
    const answered = await send(c.build(ids, params))
    const action = builder.replace(/^beta\./, '')
    expect(simulator.requests.at(-1)).toMatchObject({ action, apiVersion: c.apiVersion ?? 'v1.0' })
    expect(answered.status).toBe(expectedStatus[action] ?? 200)
  })

  it.each(cases.filter((c) => typeof c.body === 'object' && !Array.isArray(c.body)).map((c) => [c.builder, c] as const))(
    '%s: a body with a field Graph does not know gets 400 naming it',
    async (builder, c) => {
      const harness = await createHarness()
      const callId = c.ids.includes('callId') ? (await harness.simulator.placeIncomingCall()).id : ''
      const ids = c.ids.map((name) => (name === 'callId' ? callId : 'x1'))
      const valid = c.build(ids)
      const answered = await harness.send({ ...valid, body: { ...(valid.body as object), notAGraphField: 1 } })
      expect(answered.status).toBe(400)
      expect(answered.body.error.code).toBe('BadRequest')
      expect(answered.body.error.message).toContain('$.notAGraphField')
      expect(harness.simulator.requests.at(-1)!.action).toBe(builder.replace(/^beta\./, ''))
    },
  )

  it('a beta-only action is not on v1.0', async () => {
    const harness = await createHarness()
    const callId = await establishedCall(harness)
    const onV1 = await harness.send(requests.beta.startRecording(callId), { version: 'v1.0' })
    expect(onV1.status).toBe(400)
    expect(onV1.body.error.message).toBe(`The simulated Graph has no endpoint for POST /v1.0/communications/calls/${callId}/startRecording.`)
    expect((await harness.send(requests.beta.startRecording(callId))).status).toBe(200)
  })
})

describe('operations', () => {
  const prompt = requests.mediaPrompt('https://cdn.example.com/welcome.wav')

  it('playPrompt: 200 with the operation running, then its completion notified and readable', async () => {
    const harness = await createHarness({ operationDurationMs: 3_000 })
    const { simulator, clock, received, send } = harness
    const callId = await establishedCall(harness)
    const started = await send(requests.playPrompt(callId, { prompts: [prompt], clientContext: 'welcome' }))
    expect(started.status).toBe(200)
    expect(started.body).toEqual({ '@odata.type': '#microsoft.graph.playPromptOperation', id: expect.any(String), status: 'running', clientContext: 'welcome' })
    await clock.advance(3_000)
    await simulator.idle()
    const completion = received.at(-1)!.body.value[0]!
    expect(completion).toMatchObject({ changeType: 'deleted', resourceUrl: `/communications/calls/${callId}/operations/${started.body.id}` })
    expect(completion.resourceData).toMatchObject({ status: 'completed', clientContext: 'welcome', resultInfo: { code: 200 } })
    const read = await send(requests.getOperation(callId, started.body.id))
    expect(read.body).toMatchObject({ id: started.body.id, status: 'completed' })
    expect(simulator.call(callId).operations).toHaveLength(1)
  })

  it('recordResponse completes with where the recording is (how it ends: recording.test.ts)', async () => {
    const harness = await createHarness()
    const callId = await establishedCall(harness)
    await harness.send(requests.recordResponse(callId, { maxRecordDurationInSeconds: 10 }))
    await harness.simulator.idle()
    expect(harness.received.at(-1)!.body.value[0]!.resourceData).toMatchObject({
      '@odata.type': '#microsoft.graph.recordOperation',
      recordingLocation: expect.stringMatching(/^https:\/\//),
      recordingAccessToken: expect.any(String),
      // The simulator's duration (0) came before 10 s and no stop tone was pressed: the caller fell silent.
      completionReason: 'maxSilenceTimeout',
    })
  })

  it.each([
    ['playPrompt', (callId: string) => requests.playPrompt(callId, { prompts: [requests.mediaPrompt('https://cdn.example.com/a.wav')] })],
    ['recordResponse', (callId: string) => requests.recordResponse(callId)],
    ['record', (callId: string) => requests.beta.record(callId)],
  ] as const)('%s on a call with app-hosted media is refused with 400, as Graph plays and records only its own media', async (action, build) => {
    const harness = await createHarness()
    const call = await harness.simulator.placeIncomingCall()
    await harness.send(requests.answer(call.id, { ...serviceHostedAnswer, mediaConfig: requests.appHostedMedia('media-session-blob') }))
    await harness.simulator.waitForState(call.id, 'established')
    const refused = await harness.send(build(call.id))
    expect([refused.status, refused.body.error.code, refused.body.error.message]).toEqual([400, 'BadRequest', `${action} needs service-hosted media; call ${call.id} was set up with app-hosted media.`])
    expect(harness.simulator.call(call.id).operations).toEqual([])
  })

  it('an operation needs an established call (409), and a call that exists (404)', async () => {
    const harness = await createHarness()
    const call = await harness.simulator.placeIncomingCall()
    const early = await harness.send(requests.playPrompt(call.id, { prompts: [prompt] }))
    expect([early.status, early.body.error.message]).toEqual([409, `Call ${call.id} is incoming; playPrompt needs an established call.`])
    expect((await harness.send(requests.playPrompt('nope', { prompts: [prompt] }))).status).toBe(404)
    expect((await harness.send(requests.getOperation(call.id, 'nope'))).status).toBe(404)
  })

  it("a call that ends before the operation completes: no completion is sent, the operation failed with the call's resultInfo", async () => {
    const harness = await createHarness({ operationDurationMs: 5_000 })
    const { simulator, clock, received, send } = harness
    const callId = await establishedCall(harness)
    const done = await send(requests.playPrompt(callId, { prompts: [prompt], clientContext: 'done' }))
    await clock.advance(5_000)
    const cut = await send(requests.playPrompt(callId, { prompts: [prompt], clientContext: 'cut' }))
    await send(requests.hangUp(callId))
    // The operation's time ended with the call: nothing waits for the clock any more.
    expect(clock.pendingSleeps).toBe(0)
    const ended = { status: 'failed', resultInfo: { '@odata.type': '#microsoft.graph.resultInfo', code: 200, subcode: 0, message: 'The call was ended by the application.' } }
    expect(simulator.call(callId).operations).toEqual([
      expect.objectContaining({ id: done.body.id, status: 'completed', resultInfo: expect.objectContaining({ message: 'Action completed.' }) }),
      expect.objectContaining({ id: cut.body.id, clientContext: 'cut', ...ended }),
    ])
    await clock.advance(5_000)
    await simulator.idle()
    expect(received.map(labelOf).slice(-2)).toEqual(['deleted operations', 'terminated'])
    expect((await send(requests.getOperation(callId, cut.body.id))).body).toMatchObject(ended)
  })

  it('an operation whose completion still waits to be sent when the call ends failed with the call, and is not notified', async () => {
    const harness = await createHarness({ notifications: { delayMs: 1_000 } })
    const { simulator, clock, received, send } = harness
    const call = await simulator.placeIncomingCall()
    await send(requests.answer(call.id, serviceHostedAnswer))
    await clock.advance(2_000)
    await simulator.waitForState(call.id, 'established')
    const started = await send(requests.playPrompt(call.id, { prompts: [prompt] }))
    await send(requests.hangUp(call.id))
    expect(simulator.call(call.id).operations).toEqual([expect.objectContaining({ id: started.body.id, status: 'failed', resultInfo: expect.objectContaining({ message: 'The call was ended by the application.' }) })])
    await clock.advance(1_000)
    await simulator.idle()
    expect(received.map(labelOf)).toEqual(['incoming', 'establishing', 'established', 'terminated'])
    expect(simulator.call(call.id).operations[0]).toMatchObject({ status: 'failed' })
  })
})

describe('tones, transfer, keep-alive, participants, outgoing calls', () => {
  it('a pressed key reaches a bot that subscribed to tones, with its sequence', async () => {
    const harness = await createHarness()
    const callId = await establishedCall(harness)
    expect(await harness.simulator.pressTone(callId, 'tone1')).toBe(false)
    await harness.send(requests.subscribeToTone(callId))
    expect(await harness.simulator.pressTone(callId, 'pound')).toBe(true)
    expect(harness.received.at(-1)!.body.value[0]!.resourceData.toneInfo).toEqual({ '@odata.type': '#microsoft.graph.toneInfo', sequenceId: 1, tone: 'pound' })
  })

  it('transfer: transferring, transferAccepted, then terminated', async () => {
    const harness = await createHarness()
    const callId = await establishedCall(harness)
    expect((await harness.send(requests.transfer(callId, { transferTarget: { identity: { user: { id: 'u-2' } } } }))).status).toBe(202)
    await harness.simulator.idle()
    expect(harness.received.map(labelOf).slice(-3)).toEqual(['transferring', 'transferAccepted', 'terminated'])
    expect(harness.simulator.call(callId).resultInfo).toMatchObject({ code: 200, subcode: 7015 })
  })

  it('keep-alive: Graph ends a call it heard none for in 45 minutes; each keepAlive starts the wait again', async () => {
    const harness = await createHarness()
    const callId = await establishedCall(harness)
    await harness.clock.advance(30 * 60_000)
    expect((await harness.send(requests.keepAlive(callId))).status).toBe(200)
    await harness.clock.advance(30 * 60_000)
    expect(harness.simulator.call(callId).state).toBe('established')
    await harness.clock.advance(15 * 60_000)
    await harness.simulator.idle()
    expect(harness.simulator.call(callId).resultInfo).toMatchObject({ code: 408, subcode: 8537 })
    expect((await harness.send(requests.keepAlive(callId))).status).toBe(404)
  })

  it('participants: the caller and the bot; a removed one is gone and the roster notified', async () => {
    const harness = await createHarness()
    const callId = await establishedCall(harness)
    const { body } = await harness.send(requests.listParticipants(callId))
    expect(body.value.map((p: any) => Object.keys(p.info.identity)[0])).toEqual(['user', 'application'])
    const caller = body.value[0].id
    expect((await harness.send(requests.getParticipant(callId, caller))).body.id).toBe(caller)
    expect((await harness.send(requests.removeParticipant(callId, caller))).status).toBe(204)
    await harness.simulator.idle()
    expect(harness.received.at(-1)!.body.value[0]!.resourceUrl).toBe(`/communications/calls/${callId}/participants`)
    expect(harness.received.at(-1)!.body.value[0]!.resourceData).toHaveLength(1)
    expect((await harness.send(requests.getParticipant(callId, caller))).status).toBe(404)
  })

  it.each([
    ['muteParticipant', (callId: string, id: string) => requests.muteParticipant(callId, id, {})],
    ['startHoldMusic', (callId: string, id: string) => requests.startHoldMusic(callId, id, {})],
    ['stopHoldMusic', (callId: string, id: string) => requests.stopHoldMusic(callId, id, {})],
  ])('%s: 404 itemNotFound for a participant the call does not have, as getParticipant', async (name, build) => {
    const harness = await createHarness()
    const callId = await establishedCall(harness)
    const answered = await harness.send(build(callId, 'no-such-participant'))
    expect([answered.status, answered.body.error.code]).toEqual([404, 'itemNotFound'])
    expect(answered.body.error.message).toBe(`Call ${callId} has no participant no-such-participant.`)
    expect(harness.simulator.call(callId).operations).toEqual([])
    const caller = (await harness.send(requests.listParticipants(callId))).body.value[0].id
    const started = await harness.send(build(callId, caller))
    expect(started.status).toBe(expectedStatus[name] ?? 200)
    // Graph answers a mute done already (participant: mute), and hold music still starting.
    expect(started.body).toMatchObject({ '@odata.type': `#microsoft.graph.${name}Operation`, status: name === 'muteParticipant' ? 'completed' : 'running' })
  })

  it('createCall: 201 with the new call, then establishing and established at its callbackUri', async () => {
    const harness = await createHarness()
    const created = await harness.send(
      requests.createCall({
        callbackUri: 'https://bot.example.com/outgoing',
        targets: [{ identity: { user: { id: 'u-7', displayName: 'Lin' } } }],
        requestedModalities: ['audio'],
        mediaConfig: requests.serviceHostedMedia(),
      }),
    )
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ '@odata.type': '#microsoft.graph.call', direction: 'outgoing', state: 'establishing', callbackUri: 'https://bot.example.com/outgoing' })
    await harness.simulator.waitForState(created.body.id, 'established')
    expect(harness.received.map((r) => `${r.url} ${labelOf(r)}`)).toEqual(['https://bot.example.com/outgoing establishing', 'https://bot.example.com/outgoing established'])
    expect((await harness.send(requests.getCall(created.body.id))).body.state).toBe('established')
    expect(harness.simulator.call(created.body.id).direction).toBe('outgoing')
    await harness.send(requests.hangUp(created.body.id))
    expect((await harness.send(requests.getCall(created.body.id))).status).toBe(404)
  })
})

describe('what the simulator sends is what the parser reads', () => {
  it('every notification of a rich call parses into known events with no issues', async () => {
    const harness = await createHarness()
    const { simulator, send } = harness
    const call = await simulator.placeIncomingCall({ policyBasedRecording: false })
    await send(requests.answer(call.id, { ...serviceHostedAnswer, callOptions: requests.incomingCallOptions({ isContentSharingNotificationEnabled: true }) }))
    await simulator.waitForState(call.id, 'established')
    await send(requests.playPrompt(call.id, { prompts: [requests.mediaPrompt('https://cdn.example.com/a.wav')], clientContext: 'c' }))
    await send(requests.recordResponse(call.id))
    await send(requests.subscribeToTone(call.id))
    await simulator.pressTone(call.id, 'tone5')
    await simulator.startContentSharing(call.id)
    await simulator.stopContentSharing(call.id)
    const [first] = (await send(requests.listParticipants(call.id))).body.value
    await send(requests.removeParticipant(call.id, first.id))
    await send(requests.transfer(call.id, { transferTarget: { identity: { user: { id: 'u-2' } } } }))
    await simulator.idle()
    const events = harness.received.flatMap((r) => parseNotifications(r.body))
    expect(events.map((e) => e.type)).toEqual([
      'call.incoming',
      'call.establishing',
      'call.established',
      // playPrompt and recordResponse; subscribeToTone was answered completed, and Graph notifies no end of it.
      'operation.completed',
      'operation.completed',
      'call.updated',
      'contentSharing.started',
      'contentSharing.ended',
      'participants.updated',
      'call.updated',
      'call.updated',
      'call.terminated',
    ])
    expect(events.flatMap((e) => e.issues)).toEqual([])
  })
})

describe('invite', () => {
  it('adds the invitees to the roster once their invitation completes, and sends the bot the roster', async () => {
    const harness = await createHarness()
    const { send, simulator, received } = harness
    const callId = await establishedCall(harness)
    const before = (await send(requests.listParticipants(callId))).body.value.length
    const agent = { user: { '@odata.type': '#microsoft.graph.identity' as const, id: 'agent-7', displayName: 'Agent Seven' } }
    const invited = await send(requests.invite(callId, { participants: [{ identity: agent }], clientContext: 'escalate' }))
    expect(invited.status).toBe(200)
    await simulator.idle()
    const roster = (await send(requests.listParticipants(callId))).body.value
    expect(roster).toHaveLength(before + 1)
    expect(roster.at(-1).info.identity).toEqual(agent)
    const events = received.flatMap((r) => parseNotifications(r.body)).map((e) => e.type)
    // The operation's end first, then the roster with the agent in it.
    expect(events.slice(-2)).toEqual(['operation.completed', 'participants.updated'])
    const last = parseNotifications(received.at(-1)!.body)[0]!
    expect(last.type === 'participants.updated' && last.participants.map((p) => p.id)).toEqual(roster.map((p: { id: string }) => p.id))
  })
})

describe('audio routing groups and content-sharing sessions', () => {
  it('creates, lists, reads, updates and deletes a group among the call\'s participants, as Graph does', async () => {
    const harness = await createHarness()
    const { send, simulator } = harness
    const callId = await establishedCall(harness)
    const [caller, bot] = (await send(requests.listParticipants(callId))).body.value.map((p: { id: string }) => p.id)
    const created = await send(requests.createAudioRoutingGroup(callId, { id: 'oneToOne', routingMode: 'oneToOne', sources: [caller], receivers: [bot] }))
    expect([created.status, created.body]).toEqual([200, { '@odata.type': '#microsoft.graph.audioRoutingGroup', id: 'oneToOne', routingMode: 'oneToOne', sources: [caller], receivers: [bot] }])
    expect((await send(requests.createAudioRoutingGroup(callId, { id: 'oneToOne', routingMode: 'oneToOne', sources: [caller], receivers: [bot] }))).status).toBe(409)
    const stranger = await send(requests.createAudioRoutingGroup(callId, { routingMode: 'multicast', sources: [caller], receivers: ['no-such-participant'] }))
    expect([stranger.status, stranger.body.error.message]).toEqual([400, `receivers: call ${callId} has no participant no-such-participant.`])
    expect((await send(requests.listAudioRoutingGroups(callId))).body.value.map((g: { id: string }) => g.id)).toEqual(['oneToOne'])
    const updated = await send(requests.updateAudioRoutingGroup(callId, 'oneToOne', { routingMode: 'multicast', receivers: [bot, caller] }))
    expect(updated.body).toMatchObject({ id: 'oneToOne', routingMode: 'multicast', sources: [caller], receivers: [bot, caller] })
    expect(simulator.call(callId).audioRoutingGroups).toEqual([updated.body])
    expect((await send(requests.deleteAudioRoutingGroup(callId, 'oneToOne'))).status).toBe(204)
    const gone = await send(requests.getAudioRoutingGroup(callId, 'oneToOne'))
    expect([gone.status, gone.body.error.code]).toEqual([404, 'itemNotFound'])
  })

  it('lists and reads the content-sharing sessions going on', async () => {
    const harness = await createHarness()
    const callId = await establishedCall(harness)
    const { sessionId } = await harness.simulator.startContentSharing(callId)
    expect((await harness.send(requests.listContentSharingSessions(callId))).body).toEqual({ value: [{ '@odata.type': '#microsoft.graph.contentSharingSession', id: sessionId }] })
    await harness.simulator.stopContentSharing(callId, sessionId)
    expect((await harness.send(requests.getContentSharingSession(callId, sessionId))).status).toBe(404)
    expect((await harness.send(requests.listContentSharingSessions(callId))).body).toEqual({ value: [] })
  })
})

