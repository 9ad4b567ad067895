import { describe, expectTypeOf, it } from 'vitest'
import type { Call, CallState, CommsOperation, MediaConfig, ParticipantInfo, beta } from '../../src/schemas/index.ts'
import type { AnswerParams } from '../../src/requests/index.ts'

describe('schema types', () => {
  it('narrow a media config on its @odata.type', () => {
    const handle = (config: MediaConfig) => {
      if (config['@odata.type'] === '#microsoft.graph.appHostedMediaConfig') {
        expectTypeOf(config.blob).toEqualTypeOf<string | null | undefined>()
        // @ts-expect-error app-hosted media has no preFetchMedia
        void config.preFetchMedia
      } else {
        expectTypeOf(config['@odata.type']).toEqualTypeOf<'#microsoft.graph.serviceHostedMediaConfig'>()
        expectTypeOf(config.preFetchMedia).toEqualTypeOf<{ '@odata.type'?: '#microsoft.graph.mediaInfo'; resourceId?: string | null; uri?: string }[] | null | undefined>()
      }
    }
    void handle
  })

  it('narrow an operation on its @odata.type', () => {
    const handle = (op: CommsOperation) => {
      if (op['@odata.type'] === '#microsoft.graph.recordOperation') expectTypeOf(op.recordingLocation).toEqualTypeOf<string | null | undefined>()
    }
    void handle
  })

  it('refuse a Call with a wrong enum value', () => {
    const good: Call = { state: 'established', direction: 'incoming', requestedModalities: ['audio'] }
    // @ts-expect-error 'answered' is not a callState
    const badState: Call = { state: 'answered' }
    // @ts-expect-error 'Audio' is not a modality (enum values are case-sensitive outbound)
    const badModality: Call = { requestedModalities: ['Audio'] }
    // @ts-expect-error 'ringing' is beta-only
    const betaOnly: CallState = 'ringing'
    const betaState: beta.CallState = 'ringing'
    void [good, badState, badModality, betaOnly, betaState]
  })

  it('refuse a mediaConfig without its @odata.type in a request', () => {
    // @ts-expect-error mediaConfig needs '@odata.type'
    const params: AnswerParams = { callbackUri: 'https://x', acceptedModalities: ['audio'], mediaConfig: { blob: 'b' } }
    void params
  })

  it('keep Graph JSON names verbatim', () => {
    const info: ParticipantInfo = { '@odata.type': '#microsoft.graph.participantInfo', countryCode: 'US', endpointType: 'default', languageId: 'en-US', participantId: 'p', region: 'amer' }
    // @ts-expect-error the wire name is participantId, not participantID
    const renamed: ParticipantInfo = { participantID: 'p' }
    void [info, renamed]
  })
})
