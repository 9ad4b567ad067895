/** Order statistics for benchmark samples: medians, percentiles and spreads over interleaved rounds. */

/** A median with the smallest and largest value it was taken from. */
export interface Spread {
  /** The median. */
  readonly median: number
  /** The smallest sample. */
  readonly min: number
  /** The largest sample. */
  readonly max: number
  /** How many samples. */
  readonly n: number
}

/** The `q` quantile (0..1) of `samples`, interpolated linearly between the two nearest ranks. */
export function quantile(samples: ArrayLike<number>, q: number): number {
  const sorted = Float64Array.from(samples).sort()
  if (sorted.length === 0) return Number.NaN
  const at = (sorted.length - 1) * q
  const lo = Math.floor(at)
  const hi = Math.ceil(at)
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo)
}

/** The median of `samples`. */
export const median = (samples: ArrayLike<number>): number => quantile(samples, 0.5)

/** The median, minimum and maximum of `samples`. */
export function spread(samples: readonly number[]): Spread {
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), n: samples.length }
}

/**
 * The spread of the per-round ratios `subject[i] / baseline[i]`: both were measured in the same round, so
 * a slow moment of the machine moves both and mostly cancels out.
 */
export function pairedRatio(subject: readonly number[], baseline: readonly number[]): Spread {
  const ratios: number[] = []
  for (let i = 0; i < Math.min(subject.length, baseline.length); i++) ratios.push(subject[i]! / baseline[i]!)
  return spread(ratios)
}

/** The spread of the per-round differences `subject[i] - baseline[i]`. */
export function pairedDifference(subject: readonly number[], baseline: readonly number[]): Spread {
  const differences: number[] = []
  for (let i = 0; i < Math.min(subject.length, baseline.length); i++) differences.push(subject[i]! - baseline[i]!)
  return spread(differences)
}

/** `items` rotated left by `by` places: each round starts with a different contender. */
export function rotate<T>(items: readonly T[], by: number): T[] {
  const k = items.length === 0 ? 0 : by % items.length
  return [...items.slice(k), ...items.slice(0, k)]
}
