import * as requests from '../../../src/requests/index.ts'
import { callbackUri, prompt, quality, target } from './catalogue.ts'

/** Bodies valid per Graph's beta contract, each with a member that beta's parameter types add to v1.0's. */
export const betaBodies = {
  answerAudioGroup: { callbackUri, acceptedModalities: ['audio' as const], mediaConfig: { '@odata.type': '#microsoft.graph.appHostedMediaConfig' as const, blob: 'b', removeFromDefaultAudioGroup: true } },
  answerLiveCaptions: { callbackUri, acceptedModalities: ['audio' as const], mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' as const, liveCaptionOptions: { streamUrl: 'https://captions.example/s' } } },
  startHoldMusicLoop: { customPrompt: { ...prompt, loop: 3 } },
  transferPlatformId: { transferTarget: target, transferee: { identity: target.identity, participantId: 'p1', platformId: '1' } },
  logScreenSharing: { quality: { ...quality, mediaQualityList: [{ '@odata.type': '#microsoft.graph.teleconferenceDeviceScreenSharingQuality' as const, channelIndex: 1, averageInboundFrameRate: 14.5 }] } },
  createCallRingingTimeout: { callbackUri, targets: [target], mediaConfig: requests.serviceHostedMedia(), ringingTimeoutInSeconds: 60 },
}
