/**
 * The lenient decoders on their own: what they change, what they keep, and the JSON path of each issue at
 * every depth (object property, array item, nested object, `@odata.type` constant, `null` allowance).
 */
import { describe, expect, it } from 'vitest'
import type { Issue } from '../../../src/errors.ts'
import { decodeCall, decodeParticipant } from '../../../src/notifications/decoders.generated.ts'

function decode(value: unknown, decoder = decodeCall) {
  const issues: Issue[] = []
  const at = ['value', 0, 'resourceData']
  const result = decoder(value, issues, at) as Record<string, any>
  return { result, issues, at }
}

describe('lenient decoders', () => {
  it('return the very input when nothing needs changing, and report nothing', () => {
    const call = { '@odata.type': '#microsoft.graph.call', state: 'established', targets: [{ identity: { user: { id: 'u1' } } }], subject: null }
    const { result, issues } = decode(call)
    expect(result).toBe(call)
    expect(byPath(issues)).toEqual([])
  })

  it('name the path of a wrong value at every depth, and leave the caller\'s path as they found it', () => {
    const { issues, at } = decode({
      state: 7,
      targets: [{ identity: { user: { id: 'u1' } } }, { identity: { user: { displayName: false } } }],
      resultInfo: { code: 'E42' },
      source: 'nobody',
      mediaState: { audio: ['inactive'] },
    })
    expect(issues).toEqual([
      { path: '$.value[0].resourceData.mediaState.audio', message: 'expected a string, got an array' },
      { path: '$.value[0].resourceData.resultInfo.code', message: 'expected an integer, got a string' },
      { path: '$.value[0].resourceData.source', message: 'expected an object, got a string' },
      { path: '$.value[0].resourceData.state', message: 'expected a string, got a number' },
      { path: '$.value[0].resourceData.targets[1].identity.user.displayName', message: 'expected a string, got a boolean' },
    ])
    expect(at).toEqual(['value', 0, 'resourceData'])
  })

  it('keep a fraction where an integer belongs, and say so, as the inbound JSON Schema would refuse it', () => {
    const { result, issues } = decode({ resultInfo: { code: 1.5, subcode: 5001 } })
    expect((result as { resultInfo: { code: number } }).resultInfo.code).toBe(1.5)
    expect(issues).toEqual([{ path: '$.value[0].resourceData.resultInfo.code', message: 'expected an integer, got a number' }])
  })

  it('put constants and enums in their canonical casing and numeric strings in numbers, copying only what changes', () => {
    const input = {
      '@odata.type': '#Microsoft.Graph.CALL',
      state: 'Established',
      resultInfo: { '@odata.type': '#microsoft.graph.resultinfo', code: '200', subcode: '5001' },
      targets: [{ identity: { user: { id: 'u1' } } }],
    }
    const frozen = JSON.stringify(input)
    const { result, issues } = decode(input)
    expect(issues).toEqual([])
    expect(result).toEqual({
      '@odata.type': '#microsoft.graph.call',
      state: 'established',
      resultInfo: { '@odata.type': '#microsoft.graph.resultInfo', code: 200, subcode: 5001 },
      targets: input.targets,
    })
    expect(result.targets).toBe(input.targets)
    expect(JSON.stringify(input)).toBe(frozen)
  })

  it("read resultInfo's subcode from the subCode of Graph's transfer page when subcode is absent, keeping what came", () => {
    const input = { resultInfo: { code: 500, subCode: '7000', message: 'transfer failed' } }
    const { result, issues } = decode(input)
    expect(issues).toEqual([])
    expect(result.resultInfo).toEqual({ code: 500, subCode: '7000', subcode: 7000, message: 'transfer failed' })
    expect(input.resultInfo).toEqual({ code: 500, subCode: '7000', message: 'transfer failed' })
    // Graph's own spelling wins; a wrong value is named where it came.
    expect(decode({ resultInfo: { subcode: 1, subCode: 2 } }).result.resultInfo.subcode).toBe(1)
    expect(decode({ resultInfo: { subCode: 'soon' } }).issues).toEqual([{ path: '$.value[0].resourceData.resultInfo.subCode', message: 'expected an integer, got a string' }])
  })

  it("keep a call's navigation collections as sent: Graph serves them at their own URLs, never inside a call", () => {
    const participants = [{ id: 'p1', isMuted: 'yes', info: { identity: { user: { id: 7 } } } }]
    const { result, issues } = decode({ state: 'Established', participants, operations: 'x', audioRoutingGroups: [{ routingMode: 'OneToOne' }] })
    expect(issues).toEqual([])
    expect(result.state).toBe('established')
    expect(result.participants).toBe(participants)
    expect(result.audioRoutingGroups).toEqual([{ routingMode: 'OneToOne' }])
  })

  it('keep unknown properties and enum values this version does not know', () => {
    const { result, issues } = decode({ id: 'p1', isMuted: true, extra: { any: 1 }, '@odata.etag': 'W/"1"' }, decodeParticipant)
    expect(issues).toEqual([])
    expect(result).toEqual({ id: 'p1', isMuted: true, extra: { any: 1 }, '@odata.etag': 'W/"1"' })
    expect(decode({ state: 'someFutureState' }).result.state).toBe('someFutureState')
  })

  it('report a wrong type where null is allowed, but accept null', () => {
    expect(decode({ targets: null, subject: null }).issues).toEqual([])
    expect(decode({ targets: 'all' }).issues).toEqual([{ path: '$.value[0].resourceData.targets', message: 'expected an array, got a string' }])
  })

  it('ignore names the payload shares with Object.prototype', () => {
    const input = JSON.parse('{"constructor": 1, "toString": "x", "__proto__": {"state": 3}, "state": "incoming"}')
    const { result, issues } = decode(input)
    expect(issues).toEqual([])
    expect(result).toBe(input)
  })
})

/** Issues sorted by path: the order in which properties are walked is not part of the contract. */
function byPath(issues: Issue[]): Issue[] {
  return [...issues].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}
