/**
 * graph-calling: the typed Microsoft Graph calling SDK for bots.
 */
export * from './errors.ts'
