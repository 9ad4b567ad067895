/** The speed and size goals, each checked against a figure of the same run. */

/** A goal's verdict as RESULTS.md shows it. */
export interface GoalResult {
  /** The goal, in words. */
  readonly goal: string
  /** The figure it was judged on. */
  readonly measured: string
  /** `met`, `missed`, or `not measured`. */
  readonly verdict: 'met' | 'missed' | 'not measured'
  /** For a missed goal: by how much. For one not measured: why. */
  readonly note?: string
}

/** A goal that `value` (lower is better) meets when at most `limit`. */
export function atMost(goal: string, value: number, limit: number, measured: string, unit = ''): GoalResult {
  if (!Number.isFinite(value)) return notMeasured(goal, 'no figure')
  if (value <= limit) return { goal, measured, verdict: 'met' }
  return { goal, measured, verdict: 'missed', note: `by ${(value - limit).toFixed(unit === 'x' ? 3 : 1)}${unit} (${(((value - limit) / limit) * 100).toFixed(0)}% over the limit)` }
}

/** A goal that `value` (higher is better) meets when at least `limit`. */
export function atLeast(goal: string, value: number, limit: number, measured: string, unit = ''): GoalResult {
  if (!Number.isFinite(value)) return notMeasured(goal, 'no figure')
  if (value >= limit) return { goal, measured, verdict: 'met' }
  return { goal, measured, verdict: 'missed', note: `by ${(limit - value).toFixed(unit === 'x' ? 3 : 1)}${unit} (${(((limit - value) / limit) * 100).toFixed(0)}% under the limit)` }
}

/** A goal with no figure this run, and why. */
export function notMeasured(goal: string, why: string): GoalResult {
  return { goal, measured: '—', verdict: 'not measured', note: why }
}
