import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CallingClient, UnsupportedActionError, ValidationError, type GraphResponse } from '../../../src/index.ts'
import { betaBodies } from '../../unit/requests/beta-bodies.ts'
import { cases, sampleIds } from '../../unit/requests/catalogue.ts'
import { FakeGraph } from './fake-graph.ts'

type Any = any
/** How the client sends what each builder builds: its method, given the sample ids and the valid body. */
const viaClient: Record<string, (c: CallingClient, ids: string[], body: Any) => Promise<GraphResponse<unknown>>> = {
  createCall: (c, _, body) => c.calls.create(body),
  getCall: (c, [callId]) => c.calls.get(callId!),
  hangUp: (c, [callId]) => c.calls.hangUp(callId!),
  answer: (c, [callId], body) => c.calls.answer(callId!, body),
  reject: (c, [callId], body) => c.calls.reject(callId!, body),
  redirect: (c, [callId], body) => c.calls.redirect(callId!, body),
  transfer: (c, [callId], body) => c.calls.transfer(callId!, body),
  keepAlive: (c, [callId]) => c.calls.keepAlive(callId!),
  playPrompt: (c, [callId], body) => c.calls.playPrompt(callId!, body),
  recordResponse: (c, [callId], body) => c.calls.recordResponse(callId!, body),
  subscribeToTone: (c, [callId], body) => c.calls.subscribeToTone(callId!, body),
  sendDtmfTones: (c, [callId], body) => c.calls.sendDtmfTones(callId!, body),
  cancelMediaProcessing: (c, [callId], body) => c.calls.cancelMediaProcessing(callId!, body),
  mute: (c, [callId], body) => c.calls.mute(callId!, body),
  unmute: (c, [callId], body) => c.calls.unmute(callId!, body),
  changeScreenSharingRole: (c, [callId], body) => c.calls.changeScreenSharingRole(callId!, body),
  updateRecordingStatus: (c, [callId], body) => c.calls.updateRecordingStatus(callId!, body),
  addLargeGalleryView: (c, [callId], body) => c.calls.addLargeGalleryView(callId!, body),
  logTeleconferenceDeviceQuality: (c, _, body) => c.calls.logTeleconferenceDeviceQuality(body),
  getOperation: (c, [callId, operationId]) => c.calls.getOperation(callId!, operationId!),
  listParticipants: (c, [callId]) => c.participants.list(callId!),
  getParticipant: (c, [callId, participantId]) => c.participants.get(callId!, participantId!),
  invite: (c, [callId], body) => c.participants.invite(callId!, body),
  muteParticipant: (c, [callId, participantId], body) => c.participants.mute(callId!, participantId!, body),
  removeParticipant: (c, [callId, participantId]) => c.participants.remove(callId!, participantId!),
  startHoldMusic: (c, [callId, participantId], body) => c.participants.startHoldMusic(callId!, participantId!, body),
  stopHoldMusic: (c, [callId, participantId], body) => c.participants.stopHoldMusic(callId!, participantId!, body),
  createAudioRoutingGroup: (c, [callId], body) => c.audioRoutingGroups.create(callId!, body),
  listAudioRoutingGroups: (c, [callId]) => c.audioRoutingGroups.list(callId!),
  getAudioRoutingGroup: (c, [callId, groupId]) => c.audioRoutingGroups.get(callId!, groupId!),
  updateAudioRoutingGroup: (c, [callId, groupId], body) => c.audioRoutingGroups.update(callId!, groupId!, body),
  deleteAudioRoutingGroup: (c, [callId, groupId]) => c.audioRoutingGroups.delete(callId!, groupId!),
  listContentSharingSessions: (c, [callId]) => c.contentSharingSessions.list(callId!),
  getContentSharingSession: (c, [callId, sessionId]) => c.contentSharingSessions.get(callId!, sessionId!),
  'beta.createCall': (c, _, body) => c.beta.calls.create(body),
  'beta.answer': (c, [callId], body) => c.beta.calls.answer(callId!, body),
  'beta.transfer': (c, [callId], body) => c.beta.calls.transfer(callId!, body),
  'beta.logTeleconferenceDeviceQuality': (c, _, body) => c.beta.calls.logTeleconferenceDeviceQuality(body),
  'beta.invite': (c, [callId], body) => c.beta.participants.invite(callId!, body),
  'beta.startHoldMusic': (c, [callId, participantId], body) => c.beta.participants.startHoldMusic(callId!, participantId!, body),
  'beta.record': (c, [callId], body) => c.beta.calls.record(callId!, body),
  'beta.recordResponse': (c, [callId], body) => c.beta.calls.recordResponse(callId!, body),
  'beta.playPrompt': (c, [callId], body) => c.beta.calls.playPrompt(callId!, body),
  'beta.redirect': (c, [callId], body) => c.beta.calls.redirect(callId!, body),
  'beta.startRecording': (c, [callId], body) => c.beta.calls.startRecording(callId!, body),
  'beta.stopRecording': (c, [callId], body) => c.beta.calls.stopRecording(callId!, body),
  'beta.startTranscription': (c, [callId], body) => c.beta.calls.startTranscription(callId!, body),
  'beta.stopTranscription': (c, [callId], body) => c.beta.calls.stopTranscription(callId!, body),
  'beta.admitFromLobby': (c, [callId, participantId], body) => c.beta.participants.admitFromLobby(callId!, participantId!, body),
  'beta.removeFromLobby': (c, [callId, participantId], body) => c.beta.participants.removeFromLobby(callId!, participantId!, body),
  'beta.admitAllFromLobby': (c, [callId], body) => c.beta.participants.admitAllFromLobby(callId!, body),
  'beta.muteAll': (c, [callId], body) => c.beta.participants.muteAll(callId!, body),
}

const credential = async () => ({ token: 't', expiresOnTimestamp: Date.now() + 3_600_000 })
let graph: FakeGraph
let v1: CallingClient
let beta: CallingClient
beforeAll(async () => {
  graph = await FakeGraph.start()
  v1 = new CallingClient({ credential, baseUrl: graph.url })
  beta = new CallingClient({ credential, baseUrl: graph.url, apiVersion: 'beta' })
})
afterAll(async () => {
  await Promise.all([v1.close(), beta.close()])
  await graph.close()
})

describe('every Graph action has its client method', () => {
  it('one per builder', () => {
    expect(Object.keys(viaClient).sort()).toEqual(cases.map((c) => c.builder).sort())
  })

  it.each(cases.map((c) => [c.builder, c] as const))('%s sends what its builder builds', async (_, c) => {
    const client = c.apiVersion === 'beta' ? beta : v1
    const before = graph.requests.length
    await viaClient[c.builder]!(client, c.ids.map((id) => sampleIds[id]), c.body)
    const [seen] = graph.requests.slice(before)
    expect(seen!.method).toBe(c.method)
    expect(seen!.url).toBe(`/${c.apiVersion ?? 'v1.0'}${c.path}`)
    expect(seen!.body === '' ? undefined : JSON.parse(seen!.body)).toEqual(c.body)
  })

  it.each(cases.filter((c) => c.apiVersion === 'beta').map((c) => [c.builder, c] as const))('%s is refused by a v1.0 client before any I/O', async (_, c) => {
    const before = graph.requests.length
    await expect(viaClient[c.builder]!(v1, c.ids.map((id) => sampleIds[id]), c.body)).rejects.toThrow(UnsupportedActionError)
    expect(graph.requests.length).toBe(before)
  })
})

describe("a beta client's calls and participants take what beta's parameters add", () => {
  const sends: [string, (c: CallingClient) => Promise<GraphResponse<unknown>>, unknown, string][] = [
    ['answer (audio group)', (c) => c.calls.answer('c1', betaBodies.answerAudioGroup as Any), betaBodies.answerAudioGroup, '/communications/calls/c1/answer'],
    ['answer (live captions)', (c) => c.calls.answer('c1', betaBodies.answerLiveCaptions as Any), betaBodies.answerLiveCaptions, '/communications/calls/c1/answer'],
    ['startHoldMusic', (c) => c.participants.startHoldMusic('c1', 'p1', betaBodies.startHoldMusicLoop as Any), betaBodies.startHoldMusicLoop, '/communications/calls/c1/participants/p1/startHoldMusic'],
    ['transfer', (c) => c.calls.transfer('c1', betaBodies.transferPlatformId as Any), betaBodies.transferPlatformId, '/communications/calls/c1/transfer'],
    ['logTeleconferenceDeviceQuality', (c) => c.calls.logTeleconferenceDeviceQuality(betaBodies.logScreenSharing as Any), betaBodies.logScreenSharing, '/communications/calls/logTeleconferenceDeviceQuality'],
    ['create', (c) => c.calls.create(betaBodies.createCallRingingTimeout as Any), betaBodies.createCallRingingTimeout, '/communications/calls'],
  ]

  it.each(sends)('%s is sent to /beta as given', async (_, send, body, path) => {
    const before = graph.requests.length
    await send(beta)
    const [seen] = graph.requests.slice(before)
    expect(seen!.url).toBe(`/beta${path}`)
    expect(JSON.parse(seen!.body)).toEqual(body)
  })

  it.each(sends)('%s is refused by a v1.0 client before any I/O', async (_, send) => {
    const before = graph.requests.length
    await expect(send(v1)).rejects.toThrow(ValidationError)
    expect(graph.requests.length).toBe(before)
  })
})

describe('typed answers', () => {
  it("resolves with Graph's JSON body, typed by the action", async () => {
    graph.reply({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ '@odata.type': '#microsoft.graph.playPromptOperation', id: 'op-1', status: 'running', clientContext: 'cc' }) })
    const result = await v1.calls.playPrompt('c1', { prompts: [{ '@odata.type': '#microsoft.graph.mediaPrompt', mediaInfo: { '@odata.type': '#microsoft.graph.mediaInfo', uri: 'https://cdn.contoso.com/beep.wav' } }] })
    const operationId: string | null | undefined = result.body.id
    expect(operationId).toBe('op-1')
    // Graph spells the status in lowercase; the client decodes it as a notification's, to Graph's casing.
    expect(result.body.status).toBe('Running')
    expect(result.issues).toEqual([])
  })

  it('a value of the wrong JSON type is kept as it came, and named with its path in issues', async () => {
    graph.reply({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ '@odata.type': '#microsoft.graph.call', id: 7, state: 'ESTABLISHED', newerProperty: { a: 1 } }) })
    const result = await v1.calls.get('c1')
    expect(result.body).toEqual({ '@odata.type': '#microsoft.graph.call', id: 7, state: 'established', newerProperty: { a: 1 } })
    expect(result.issues).toEqual([{ path: '$.id', message: 'expected a string, got a number' }])
  })

  it('decodes each item of a list, and names an item by its index', async () => {
    const participant = (id: unknown, muted: unknown) => ({ '@odata.type': '#microsoft.graph.participant', id, info: { identity: { user: { id: 'u1' } } }, mediaStreams: [{ mediaType: 'AUDIO', direction: 'sendReceive' }], isMuted: muted })
    graph.reply({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ '@odata.context': 'ctx', value: [participant('p1', false), participant('p2', 'no')] }) })
    const result = await v1.participants.list('c1')
    expect(result.body.value.map((p) => [p.id, p.mediaStreams?.[0]?.mediaType, p.isMuted])).toEqual([
      ['p1', 'audio', false],
      ['p2', 'audio', 'no'],
    ])
    expect(result.body).toMatchObject({ '@odata.context': 'ctx' })
    expect(result.issues).toEqual([{ path: '$.value[1].isMuted', message: 'expected a boolean, got a string' }])
  })

  it('a list answer that is not a list is kept, with an issue', async () => {
    graph.reply({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ value: 'none' }) })
    const result = await v1.participants.list('c1')
    expect(result.body).toEqual({ value: 'none' })
    expect(result.issues).toEqual([{ path: '$.value', message: 'expected a { value } list of Participant' }])
  })

  it('bad parameters reject before any I/O, for every group', async () => {
    const before = graph.requests.length
    await expect(v1.calls.playPrompt('c1', { prompts: [] })).rejects.toThrow('Invalid playPrompt parameters')
    await expect(v1.participants.invite('', { participants: [] } as Any)).rejects.toThrow('Invalid invite parameters')
    await expect(beta.beta.participants.muteAll('c/1')).rejects.toThrow('Invalid muteAll parameters')
    expect(graph.requests.length).toBe(before)
  })

  it('an id that is not well-formed UTF-16 rejects with a ValidationError before any I/O', async () => {
    const before = graph.requests.length
    const error = await v1.calls.hangUp('abc\uD800').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).issues).toEqual([{ path: 'callId', message: 'expected an id of well-formed UTF-16 (it holds an unpaired surrogate)' }])
    expect(graph.requests.length).toBe(before)
  })
})
