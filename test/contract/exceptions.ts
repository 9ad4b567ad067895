/**
 * Every deliberate difference between the schemas and Graph's CSDL contract, each with its reason. The
 * contract test accepts these and nothing else.
 */
export const contractExceptions = {
  /** CSDL open types allow undeclared properties; outbound schemas reject them so a typo cannot reach Graph. */
  openTypesClosedOutbound: 'Outbound schemas are closed even for CSDL open types; the inbound face keeps unknown properties.',
  /** Flags enums: Graph's calling flags enums only ever carry one member; combined values decode inbound as unknown-but-kept strings. */
  flagsEnumsAsSingleValues: ['onlineMeetingContentSharingDisabledReason', 'onlineMeetingVideoDisabledReason'],
  /** Beta types the extract names but could not read; filled in from v1.0 or from member names. */
  betaFilledIn: ['audioRoutingGroup', 'onlineMeetingRestricted', 'autoAdmittedUsersType'],
  /** Action parameters the schemas make stricter than the CSDL, as the Graph docs require. */
  stricterParameters: {
    answer: {
      acceptedModalities: 'required and non-empty, without duplicates or unknownFutureValue ("Required for answering a call")',
      mediaConfig: 'narrowed to app-hosted (non-empty blob) or service-hosted (preFetchMedia items need uri and resourceId)',
      callbackUri: 'an absolute https URL ("This must be https")',
      participantCapacity: 'a positive Int32',
    },
    reject: { reason: 'none, busy or forbidden (unknownFutureValue is not a reason a bot can give)', callbackUri: 'an absolute https URL' },
    redirect: { targets: '1 to 25 targets', timeout: '15 to 90 seconds', callbackUri: 'an absolute https URL' },
  } as Record<string, Record<string, string>>,
} as const
