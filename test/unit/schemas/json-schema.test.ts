import { describe, expect, it } from 'vitest'
import { Value } from 'typebox/value'
import { AnswerParams, Call, CommsNotifications, MediaConfig, Participant, toInboundSchema } from '../../../src/schemas/index.ts'

// Each schema is plain JSON Schema: what survives JSON serialisation (for Fastify route schemas, OpenAPI
// documents, docs) validates exactly as the TypeBox value does.
describe('schemas as plain JSON Schema', () => {
  const plain = (schema: unknown) => JSON.parse(JSON.stringify(schema))

  it('serialises to standard keywords only', () => {
    const text = JSON.stringify(MediaConfig)
    expect(JSON.parse(text)).toEqual({
      anyOf: [
        {
          type: 'object',
          required: ['@odata.type'],
          properties: {
            '@odata.type': { type: 'string', const: '#microsoft.graph.appHostedMediaConfig' },
            blob: { anyOf: [{ type: 'string' }, { type: 'null' }] },
          },
          additionalProperties: false,
        },
        {
          type: 'object',
          required: ['@odata.type'],
          properties: {
            '@odata.type': { type: 'string', const: '#microsoft.graph.serviceHostedMediaConfig' },
            preFetchMedia: {
              anyOf: [
                {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      '@odata.type': { type: 'string', const: '#microsoft.graph.mediaInfo' },
                      resourceId: { anyOf: [{ type: 'string' }, { type: 'null' }] },
                      uri: { type: 'string' },
                    },
                    additionalProperties: false,
                  },
                },
                { type: 'null' },
              ],
            },
          },
          additionalProperties: false,
        },
      ],
    })
  })

  it('validates the same after a JSON round trip', () => {
    const good = { callbackUri: 'https://bot.contoso.com/api/calls', acceptedModalities: ['audio'], mediaConfig: { '@odata.type': '#microsoft.graph.appHostedMediaConfig', blob: 'b' } }
    const bad = { ...good, callbackUri: 'http://bot.contoso.com/api/calls' }
    expect([Value.Check(plain(AnswerParams), good), Value.Check(plain(AnswerParams), bad)]).toEqual([true, false])
  })

  it('has an inbound face that accepts what Graph really sends', () => {
    const real = {
      '@odata.type': '#microsoft.graph.call',
      '@odata.etag': 'W/"5445"',
      state: 'Established',
      resultInfo: { code: '200', subcode: 5000 },
      newFieldFromTheFuture: true,
    }
    expect(Value.Check(plain(Call), real)).toBe(false)
    expect(Value.Check(toInboundSchema(Call), real)).toBe(true)
    expect(Value.Check(toInboundSchema(Call), { state: 5 })).toBe(false)
  })

  it('the inbound face takes null for any member but @odata.type, as Graph sends it even where its contract says never', () => {
    const participant = { id: null, info: { identity: { user: { id: null } } }, isMuted: null }
    expect(Value.Check(toInboundSchema(Participant), participant)).toBe(true)
    expect(Value.Check(toInboundSchema(CommsNotifications), { value: [{ changeType: 'deleted', resourceUrl: null, resource: '/communications/calls/abc' }] })).toBe(true)
    expect(Value.Check(toInboundSchema(Participant), { id: 5 })).toBe(false)
    // But `@odata.type`, which says what the value is: the decoders note a null one as an issue.
    expect(Value.Check(toInboundSchema(Participant), { '@odata.type': null, id: 'p1' })).toBe(false)
  })
})
