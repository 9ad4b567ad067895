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
export type { BetaRecordParams as RecordParams, BetaRecordResponseParams as RecordResponseParams } from '../../schemas/types.generated.ts'
export type { BetaPlayPromptParams as PlayPromptParams, BetaPlayablePrompt as PlayablePrompt } from '../../schemas/types.generated.ts'
export type { BetaRedirectParams as RedirectParams } from '../../schemas/types.generated.ts'
export type { BetaTranscriptionParams as TranscriptionParams } from '../../schemas/types.generated.ts'
export type { BetaMuteAllParams as MuteAllParams } from '../../schemas/types.generated.ts'
export type { BetaAnswerParams as AnswerParams } from '../../schemas/types.generated.ts'
export type { BetaTransferParams as TransferParams } from '../../schemas/types.generated.ts'
export type { BetaStartHoldMusicParams as StartHoldMusicParams } from '../../schemas/types.generated.ts'
export type {
  BetaLogTeleconferenceDeviceQualityParams as LogTeleconferenceDeviceQualityParams,
  BetaTeleconferenceDeviceQualityReport as TeleconferenceDeviceQualityReport,
} from '../../schemas/types.generated.ts'
export type { BetaInviteParams as InviteParams } from '../../schemas/types.generated.ts'
export type { BetaCreateCallParams as CreateCallParams } from '../../schemas/types.generated.ts'
export type {
  BetaBotMediaConfig as BotMediaConfig,
  BetaBotAppHostedMediaConfig as BotAppHostedMediaConfig,
  BetaBotServiceHostedMediaConfig as BotServiceHostedMediaConfig,
} from '../../schemas/types.generated.ts'
