/**
 * Every deliberate difference between the schemas and Graph's CSDL contract, each with its reason. The
 * contract test accepts these and nothing else.
 */
export const contractExceptions = {
  /**
   * A concrete open complex type with subtypes (`identity`, `identitySet`): its own member also declares its
   * subtypes' properties, and its subtypes need their `@odata.type` (an untagged value is the base).
   */
  openBases: 'The base member types the properties Graph reads from its subtypes; untagged values are checked as the base.',
  /** Properties required though the contract only says they cannot be null, by type, with the reason. */
  requiredProperties: {
    invitationParticipantInfo: { identity: 'an invitation names whom to ring by its identity alone; every request body of the docs gives one' },
  } as Record<string, Record<string, string>>,
  /** Flags enums: Graph's calling flags enums only ever carry one member; combined values decode inbound as unknown-but-kept strings. */
  flagsEnumsAsSingleValues: ['onlineMeetingContentSharingDisabledReason', 'onlineMeetingVideoDisabledReason'],
  /** Beta types the extract names but could not read; filled in from v1.0 or from member names. */
  betaFilledIn: ['audioRoutingGroup', 'onlineMeetingRestricted', 'autoAdmittedUsersType'],
  /**
   * Action parameters the schemas leave optional though the CSDL neither marks them optional nor nullable,
   * because the Graph docs say what happens without them, by `<binding>.<action>`.
   */
  optionalParameters: {
    'call.answer': { callbackUri: 'optional ("If this property has not been set, the bot\'s global callback URI will be used instead")' },
  } as Record<string, Record<string, string>>,
  /**
   * Action parameters the schemas make stricter than the CSDL, as the Graph docs require, by `<binding>.<action>`
   * (the same key for v1.0 and beta); `*` holds the rules every action follows.
   */
  stricterParameters: {
    '*': { clientContext: 'at most 256 characters ("Max limit is 256 chars")' },
    'call.answer': {
      acceptedModalities: 'required and non-empty, without duplicates or unknownFutureValue ("Required for answering a call")',
      mediaConfig: 'narrowed to app-hosted (non-empty blob) or service-hosted (each preFetchMedia item needs its uri)',
      callbackUri: 'an absolute https URL ("This must be https")',
      participantCapacity: 'a positive Int32',
    },
    'call.reject': { reason: 'none, busy or forbidden (unknownFutureValue is not a reason a bot can give)', callbackUri: 'an absolute https URL' },
    'call.redirect': { targets: '1 to 25 targets', timeout: '15 to 90 seconds', callbackUri: 'an absolute https URL' },
    'call.playPrompt': { prompts: '1 to 20 mediaPrompts ("The maximum supported MediaPrompt collection size is 20"), each with the file to play (mediaInfo.uri, an absolute http or https URL)' },
    'call.recordResponse': {
      prompts: 'at most one mediaPrompt ("The maximum supported mediaPrompt collection size is 1"), with the file to play',
      initialSilenceTimeoutInSeconds: '1 to 120 seconds ("Min = 1 second, Max = 120 seconds")',
      maxSilenceTimeoutInSeconds: '1 to 120 seconds ("Min = 1 second, Max = 120 seconds")',
      maxRecordDurationInSeconds: '1 to 120 seconds ("The maximum length of recording is 2 minutes")',
      stopTones: "DTMF keys as the docs' examples send them ('#', '1', '*') or tone names",
    },
    'call.record': {
      prompts: 'at most one mediaPrompt, as recordResponse, with the file to play',
      initialSilenceTimeoutInSeconds: 'a positive number of seconds',
      maxSilenceTimeoutInSeconds: 'a positive number of seconds',
      maxRecordDurationInSeconds: 'a positive number of seconds',
      stopTones: 'DTMF keys or tone names, as recordResponse',
    },
    'call.sendDtmfTones': { tones: 'at least one tone', delayBetweenTonesMs: 'not negative (a delay)' },
    'call.updateRecordingStatus': { status: 'notRecording, recording or failed ("Possible values are: notRecording, recording, or failed")' },
    'call[].logTeleconferenceDeviceQuality': {
      quality: "callChainId, participantId, mediaLegId, deviceName, deviceDescription, mediaQualityList and each media quality's channelIndex given (the CSDL says they cannot be null)",
    },
    'participant[].invite': { participants: '1 to 5 participants ("Inviting up to 5 participants is supported")' },
    'participant.startHoldMusic': { customPrompt: 'a mediaPrompt with the file to play (mediaInfo.uri, an absolute http or https URL)' },
    'participant[].muteAll': { participants: 'participant ids, each non-empty' },
    'call.startTranscription': { language: 'a non-empty language tag' },
    'call.stopTranscription': { language: 'a non-empty language tag' },
  } as Record<string, Record<string, string>>,
  /** The body of "Create call" is a call: which of its properties a bot may not set, and which are narrowed. */
  createCall: {
    omitted: {
      reason: 'read-only (Graph sets them; the docs mark them "Read-only" or "Server generated")',
      properties: [
        'id', 'callRoutes', 'direction', 'incomingContext', 'mediaState', 'myParticipantId', 'resultInfo', 'state', 'toneInfo',
        'transcription', 'audioRoutingGroups', 'contentSharingSessions', 'operations', 'participants',
      ],
    },
    narrowed: {
      callbackUri: 'required, an absolute https URL ("Must be an HTTPS URL")',
      mediaConfig: 'required ("The media configuration. Required."), app-hosted with a blob or service-hosted',
      requestedModalities: 'non-empty, without duplicates or unknownFutureValue',
      targets: 'non-empty and not null; either targets or meetingInfo, never both nor neither',
      meetingInfo: 'one of the three kinds with what each needs (token, organizer, joinMeetingId); not null',
      callOptions: 'outgoingCallOptions only (incomingCallOptions belong to an answer)',
    } as Record<string, string>,
    /** What the beta body leaves out besides v1.0's: beta-only members Graph sets. */
    betaOmitted: {
      reason: 'read-only (the beta call page marks them "Read-only"), as are those v1.0 leaves out',
      properties: ['activeModalities', 'answeredBy', 'meetingCapability', 'terminationReason'],
    },
  },
} as const
