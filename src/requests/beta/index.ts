/**
 * Builders of Graph's beta-only calling actions, and of the beta versions of actions whose beta API takes
 * more parameters. Each request says `apiVersion: 'beta'`, so a client sends it to `/beta`.
 */
export { record } from './record.ts'
export { recordResponse } from './record-response.ts'
export { playPrompt } from './play-prompt.ts'
export { redirect } from './redirect.ts'
export { startRecording } from './start-recording.ts'
export { stopRecording } from './stop-recording.ts'
export { startTranscription } from './start-transcription.ts'
export { stopTranscription } from './stop-transcription.ts'
export { admitFromLobby } from './admit-from-lobby.ts'
export { admitAllFromLobby } from './admit-all-from-lobby.ts'
export { removeFromLobby } from './remove-from-lobby.ts'
export { muteAll } from './mute-all.ts'
export type { BetaRecordParams as RecordParams, BetaRecordResponseParams as RecordResponseParams } from '../../schemas/actions/beta-record.ts'
export type { BetaPlayPromptParams as PlayPromptParams, BetaPlayablePrompt as PlayablePrompt } from '../../schemas/actions/beta-play-prompt.ts'
export type { BetaRedirectParams as RedirectParams } from '../../schemas/actions/beta-redirect.ts'
export type { BetaTranscriptionParams as TranscriptionParams } from '../../schemas/actions/beta-transcription.ts'
export type { BetaMuteAllParams as MuteAllParams } from '../../schemas/actions/beta-mute-all.ts'
