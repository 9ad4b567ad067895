/**
 * Builders of Graph's beta-only calling actions, and of the beta versions of actions whose beta API takes
 * more parameters. Each request says `apiVersion: 'beta'`, so a client sends it to `/beta`.
 */
export { createCall } from './create-call.ts'
export { answer } from './answer.ts'
export { transfer } from './transfer.ts'
export { startHoldMusic } from './start-hold-music.ts'
export { logTeleconferenceDeviceQuality } from './log-teleconference-device-quality.ts'
export { invite } from './invite.ts'
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
export type { BetaAnswerParams as AnswerParams } from '../../schemas/actions/beta-answer.ts'
export type { BetaTransferParams as TransferParams } from '../../schemas/actions/beta-transfer.ts'
export type { BetaStartHoldMusicParams as StartHoldMusicParams } from '../../schemas/actions/beta-start-hold-music.ts'
export type {
  BetaLogTeleconferenceDeviceQualityParams as LogTeleconferenceDeviceQualityParams,
  BetaTeleconferenceDeviceQualityReport as TeleconferenceDeviceQualityReport,
} from '../../schemas/actions/beta-log-teleconference-device-quality.ts'
export type { BetaInviteParams as InviteParams } from '../../schemas/actions/beta-invite.ts'
export type { BetaCreateCallParams as CreateCallParams } from '../../schemas/actions/beta-create-call.ts'
export type {
  BetaBotMediaConfig as BotMediaConfig,
  BetaBotAppHostedMediaConfig as BotAppHostedMediaConfig,
  BetaBotServiceHostedMediaConfig as BotServiceHostedMediaConfig,
} from '../../schemas/actions/beta-media-config.ts'
