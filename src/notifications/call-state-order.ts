/**
 * The order call states move in. A call goes incoming < establishing < established < terminating <
 * terminated; hold, transferring, transferAccepted and redirecting are lateral to established (a held call
 * comes back to established), as is a state this version does not know.
 */
const RANK: Readonly<Record<string, number>> = {
  incoming: 0,
  establishing: 1,
  established: 2,
  terminating: 3,
  terminated: 4,
}

/** Where a state stands in the order: states of equal rank may follow one another; a lower one never follows. */
export function callStateRank(state: string): number {
  return Object.hasOwn(RANK, state) ? RANK[state]! : RANK.established!
}

/**
 * Whether a call in state `current` has reached `wanted`: it is in it, or past it in the order. A lateral
 * state (hold, transferring, ...) is reached only by being in it, or by the call ending.
 */
export function hasReachedState(current: string | undefined, wanted: string): boolean {
  if (current === undefined) return false
  if (current === wanted) return true
  const have = callStateRank(current)
  return Object.hasOwn(RANK, wanted) ? have >= RANK[wanted]! : have > RANK.established!
}
