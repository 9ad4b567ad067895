/**
 * The slice of Kiota's `communications` fluent API that `client.communications.calls.byCallId(id).answer.post()`
 * walks. The Kiota-generated package that holds it for `@microsoft/msgraph-sdk` is not published on npm, so
 * the bench registers the same metadata the generator writes (navigation by name, `call%2Did` path parameter,
 * `sendNoResponseContent`, JSON body through a generated serializer) with `extendGraphServiceClient`.
 */

/** The parts of `@microsoft/msgraph-sdk` this file uses (loaded from bench/.work, untyped). */
export interface KiotaSdk {
  /** `extendGraphServiceClient(navigationMetadata, requestsMetadata)`. */
  readonly extendGraphServiceClient: (navigation: object, requests?: object) => void
  /** `@microsoft/msgraph-sdk/models`: the generated model serializers. */
  readonly models: Record<string, (...args: never[]) => unknown>
  /** `createODataErrorFromDiscriminatorValue` from `models/oDataErrors`. */
  readonly createODataError: unknown
}

interface Writer {
  writeCollectionOfEnumValues(key: string, values: unknown): void
  writeStringValue(key: string, value: unknown): void
  writeObjectValue(key: string, value: unknown, serializer: unknown): void
  writeNumberValue(key: string, value: unknown): void
  writeAdditionalData(value: unknown): void
}

/** The answer body as the Kiota generator models it. */
export interface KiotaAnswerBody {
  acceptedModalities?: string[]
  callbackUri?: string
  callOptions?: object
  mediaConfig?: object
  participantCapacity?: number
  additionalData?: Record<string, unknown>
}

/** Registers `communications.calls.byCallId(id).answer` on Kiota's GraphServiceClient. */
export function registerCommunicationsAnswer(sdk: KiotaSdk): void {
  const { serializeIncomingCallOptions, serializeMediaConfig } = sdk.models
  // What the generator writes for the answer action's body: each property, then the additional data.
  const serializeAnswerPostRequestBody = (writer: Writer, body: KiotaAnswerBody = {}, isSerializingDerivedType = false) => {
    if (!body || isSerializingDerivedType) return
    writer.writeCollectionOfEnumValues('acceptedModalities', body.acceptedModalities)
    writer.writeStringValue('callbackUri', body.callbackUri)
    writer.writeObjectValue('callOptions', body.callOptions, serializeIncomingCallOptions)
    writer.writeObjectValue('mediaConfig', body.mediaConfig, serializeMediaConfig)
    writer.writeNumberValue('participantCapacity', body.participantCapacity)
    writer.writeAdditionalData(body.additionalData)
  }
  const errorMappings = { XXX: sdk.createODataError }
  const answer = {
    requestsMetadata: {
      post: {
        uriTemplate: '{+baseurl}/communications/calls/{call%2Did}/answer',
        responseBodyContentType: 'application/json',
        errorMappings,
        adapterMethodName: 'sendNoResponseContent',
        requestBodyContentType: 'application/json',
        requestBodySerializer: serializeAnswerPostRequestBody,
        requestInformationContentSetMethod: 'setContentFromParsable',
      },
    },
  }
  const callItem = { navigationMetadata: { answer }, pathParametersMappings: ['call%2Did'] }
  const calls = { navigationMetadata: { byCallId: callItem } }
  sdk.extendGraphServiceClient({ communications: { navigationMetadata: { calls } } })
}

/**
 * The seed's answer body in the shape Graph's Kiota code snippets use: typed properties where the model has
 * them, and the derived media config and call options as `additionalData` (Kiota's base-type serializer
 * writes only the base type's own properties).
 */
export function kiotaAnswerBody(params: Record<string, unknown>): KiotaAnswerBody {
  const { acceptedModalities, callbackUri, callOptions, mediaConfig, participantCapacity, ...rest } = params
  const body: KiotaAnswerBody = { acceptedModalities: acceptedModalities as string[], callbackUri: callbackUri as string }
  if (callOptions) body.callOptions = { additionalData: callOptions }
  if (mediaConfig) body.mediaConfig = { additionalData: mediaConfig }
  if (participantCapacity !== undefined) body.participantCapacity = participantCapacity as number
  if (Object.keys(rest).length > 0) body.additionalData = rest
  return body
}
