import { Type, type TInteger, type TObject, type TProperties } from 'typebox'
import { Int32 } from '../edm.ts'

/**
 * A media quality as a quality report gives it: with its `channelIndex`, the one member of a media quality
 * that Graph's contract says cannot be null. Open, as the resource's type is.
 */
export function reportedMediaQuality<P extends TProperties>(quality: TObject<P>): TObject<Omit<P, 'channelIndex'> & { channelIndex: TInteger }> {
  return Type.Object({ ...quality.properties, channelIndex: Int32() })
}
