/**
 * The compiled validators must say what TypeBox says of the same schema: strict checks agree with
 * `Value.Check` of the schema, lenient decoders report no issue exactly when the inbound face accepts.
 * Values are the seed examples with random mutations at random paths (fixed seed, bounded runs).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Value } from 'typebox/value'
import type { Issue } from '../../../src/errors.ts'
import { AnswerParams, Call, CommsOperation, Participant, RedirectParams, RejectParams, toInboundSchema } from '../../../src/schemas/index.ts'
import { validateAnswerParams, validateRedirectParams, validateRejectParams } from '../../../src/requests/validators.generated.ts'
import { decodeCall, decodeCommsOperation, decodeParticipant } from '../../../src/notifications/decoders.generated.ts'
import { answerRequestBodies, notificationBodies, v1AnswerPage } from '../../fixtures/seeds/read-seed.ts'
import * as schemas from '../../../src/schemas/index.ts'
import * as validators from '../../../src/requests/validators.generated.ts'
import { cases as builderCases } from '../requests/catalogue.ts'
import { createCallExamples, inviteExample, logTeleconferenceDeviceQualityExample, recordResponseExample, redirectExamples, transferExamples } from '../requests/docs-examples.ts'

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

/** Every path to a value inside `v`. */
function paths(v: Json, at: (string | number)[] = []): (string | number)[][] {
  const out = [at]
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])))
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]))
  return out
}

/** A copy of `root` with the value at `path` replaced (or removed when `value` is undefined). */
function setAt(root: Json, path: (string | number)[], value: Json | undefined): Json {
  if (path.length === 0) return value ?? null
  const copy: any = Array.isArray(root) ? [...root] : { ...(root as object) }
  const [head, ...rest] = path
  if (rest.length === 0) {
    if (value === undefined) Array.isArray(copy) ? copy.splice(head as number, 1) : delete copy[head!]
    else copy[head!] = value
  } else copy[head!] = setAt(copy[head!], rest, value)
  return copy
}

const mutation = (base: Json) =>
  fc
    .tuple(fc.nat(), fc.oneof(fc.constant<'delete'>('delete'), fc.constant<'recase'>('recase'), fc.constant<'stringify'>('stringify'), fc.constant<'extra'>('extra'), fc.jsonValue()))
    .map(([n, op]) => {
      const all = paths(base)
      const path = all[n % all.length]!
      let current: any = base
      for (const k of path) current = current?.[k]
      if (op === 'delete') return path.length ? setAt(base, path, undefined) : base
      if (op === 'recase') return typeof current === 'string' ? setAt(base, path, current.toUpperCase()) : base
      if (op === 'stringify') return typeof current === 'number' ? setAt(base, path, String(current)) : base
      if (op === 'extra') return current && typeof current === 'object' && !Array.isArray(current) ? setAt(base, [...path, 'extraField'], 1) : base
      return setAt(base, path, op as Json)
    })

const RUNS = { numRuns: 300, seed: 20261123 }

/** Every other action's parameters, with the valid bodies the builder tests send (and docs examples). */
function actionCases(): [string, unknown, (v: unknown) => unknown[], Json[]][] {
  const body = (builder: string) => builderCases.find((c) => c.builder === builder)!.body as Json
  const examples: Record<string, Json[]> = {
    CreateCallParams: [
      body('createCall'),
      createCallExamples['Example 7: join a scheduled meeting with joinMeetingId and passcode'] as Json,
      createCallExamples['Example 9: peer-to-peer PSTN call with service hosted media'] as Json,
    ],
    TransferParams: [body('transfer'), { transferTarget: transferExamples['Example 4: Consultative transfer from a peer-to-peer call to PSTN number'].transferTarget } as Json],
    PlayPromptParams: [body('playPrompt')],
    RecordResponseParams: [recordResponseExample as Json],
    SendDtmfTonesParams: [body('sendDtmfTones')],
    ClientContextParams: [body('mute')],
    ChangeScreenSharingRoleParams: [body('changeScreenSharingRole')],
    UpdateRecordingStatusParams: [body('updateRecordingStatus')],
    // The docs example has fractional-second durations ('PT0.03S', valid Edm.Duration); v1.0 has no screen-sharing quality, its third.
    LogTeleconferenceDeviceQualityParams: [
      body('logTeleconferenceDeviceQuality'),
      { quality: { ...logTeleconferenceDeviceQualityExample.quality, mediaQualityList: logTeleconferenceDeviceQualityExample.quality.mediaQualityList.slice(0, 2) } } as Json,
    ],
    InviteParams: [body('invite'), inviteExample as Json],
    StartHoldMusicParams: [body('startHoldMusic')],
    BetaPlayPromptParams: [body('beta.playPrompt')],
    BetaRecordParams: [body('beta.record')],
    BetaRecordResponseParams: [body('beta.recordResponse')],
    BetaRedirectParams: [body('beta.redirect')],
    BetaTranscriptionParams: [body('beta.startTranscription')],
    BetaMuteAllParams: [body('beta.muteAll')],
  }
  return Object.entries(examples).map(([name, bases]) => [name, (schemas as any)[name], (validators as any)[`validate${name}`], bases])
}

describe('strict validators agree with TypeBox', () => {
  const answers = answerRequestBodies(v1AnswerPage()).map((b: any) => ({ ...b, callbackUri: 'https://bot.contoso.com/api/calls' })) as Json[]
  const cases: [string, unknown, (v: unknown) => unknown[], Json[]][] = [
    ['AnswerParams', AnswerParams, validateAnswerParams, answers],
    ['RejectParams', RejectParams, validateRejectParams, [{ reason: 'busy', callbackUri: 'https://bot.contoso.com/x' }]],
    ['RedirectParams', RedirectParams, validateRedirectParams, [{ targets: [{ identity: { '@odata.type': '#microsoft.graph.communicationsIdentitySet', phone: { id: '+1' } } }], timeout: 30 }, redirectExamples['Example 3: Forward a call to a PSTN number'] as Json]],
    ...actionCases(),
  ]
  it.each(cases)('%s', (_, schema, validate, bases) => {
    for (const base of bases) {
      expect(validate(base)).toEqual([])
      fc.assert(
        fc.property(mutation(base), (value) => {
          expect({ value, valid: validate(value).length === 0 }).toEqual({ value, valid: Value.Check(schema as any, value) })
        }),
        RUNS,
      )
    }
  })
})

describe('lenient decoders agree with the inbound face', () => {
  const items = notificationBodies(v1AnswerPage()).flatMap((b: any) => b.value).filter((i: any) => i.resourceData) as any[]
  const cases: [string, unknown, (v: unknown, issues: Issue[]) => unknown, Json[]][] = [
    ['Call', Call, decodeCall, items.map((i) => i.resourceData)],
    ['Participant', Participant, decodeParticipant, [{ id: 'p1', info: { identity: { user: { id: 'u1' } } }, isMuted: false, mediaStreams: [{ mediaType: 'audio', direction: 'sendReceive', sourceId: '1', serverMuted: false }] }]],
    ['CommsOperation', CommsOperation, decodeCommsOperation, [{ '@odata.type': '#microsoft.graph.playPromptOperation', id: 'op', status: 'completed', clientContext: 'c', resultInfo: { code: 200, subcode: 0, message: 'ok' } }]],
  ]
  it.each(cases)('%s', (_, schema, decode, bases) => {
    const inbound = toInboundSchema(schema as object)
    for (const base of bases) {
      fc.assert(
        fc.property(mutation(base), (value) => {
          const issues: Issue[] = []
          const before = JSON.stringify(value)
          decode(value, issues)
          expect(JSON.stringify(value)).toBe(before) // the input is never changed
          const accepted = Value.Check(inbound as any, value)
          // The decoder is as strict as the inbound face, except that a known '@odata.type' picks its
          // member where JSON Schema's anyOf would also take another member's shape.
          if (issues.length === 0) expect({ value, accepted }).toEqual({ value, accepted: true })
          else if (accepted) expect(JSON.stringify(value)).toMatch(/"@odata\.type":"#microsoft\.graph\./i)
        }),
        RUNS,
      )
    }
  })

  it('canonicalises casing and numeric strings, copying only what changes', () => {
    const source = { identity: { user: { id: 'u' } } }
    const input = { state: 'Established', resultInfo: { code: '200', subcode: '5000' }, source, unknownField: { a: 1 } }
    const issues: Issue[] = []
    const out = decodeCall(input, issues) as any
    expect(issues).toEqual([])
    expect(out).toEqual({ state: 'established', resultInfo: { code: 200, subcode: 5000 }, source, unknownField: { a: 1 } })
    expect(out.source).toBe(source)
    expect(input.state).toBe('Established')
    const op = decodeCommsOperation({ '@odata.type': '#Microsoft.Graph.PlayPromptOperation', status: 'Completed' }, issues) as any
    // Graph's CSDL spells operationStatus members in PascalCase; the docs' examples show them lower-case.
    expect(op).toEqual({ '@odata.type': '#microsoft.graph.playPromptOperation', status: 'Completed' })
    expect((decodeCommsOperation({ status: 'completed' }, issues) as any).status).toBe('Completed')
  })

  it('reports a wrong JSON type by path and keeps the value', () => {
    const issues: Issue[] = []
    const out = decodeCall({ state: 5, targets: [{ identity: 'x' }] }, issues, ['value', 0, 'resourceData']) as any
    expect(out).toEqual({ state: 5, targets: [{ identity: 'x' }] })
    expect(issues).toEqual([
      { path: '$.value[0].resourceData.state', message: 'expected a string, got a number' },
      { path: '$.value[0].resourceData.targets[0].identity', message: 'expected an object, got a string' },
    ])
  })
})
