/**
 * What the bench's own investigations found behind a missed goal, and what would close it. RESULTS.md shows a
 * note only when its goal is missed in that run; each note says when it was measured, because the code
 * moves on. Profiles taken in the run itself follow the notes.
 */

/** A finding about one goal, found by the start of its text. */
interface KnownCause {
  readonly goalStartsWith: string
  readonly note: string
}

const causes: readonly KnownCause[] = [
  {
    goalStartsWith: 'Answer',
    note:
      '**Answer (measured at 18ffe42 and again at aa807f1, on this shared 2-core machine).** The answer figures move from run to run by ' +
      'more than the goals\' margins: per-round ratios range over 0.4–2.9x, and the verdicts of the four answer goals changed between ' +
      'consecutive runs (at aa807f1, one run missed both sequential goals, 0.85x and p99 1.60x, and met both concurrent ones; the next, ' +
      'on a quieter machine, met the sequential ones, 0.94x and p99 0.94x, and missed concurrent req/s at 0.89x). Raw undici with only ' +
      'the `answer()` builder added, which does no more than build the body, scatters as widely (0.78–0.96x). The profile above gives ' +
      'graph-calling\'s own code under 10% of the client process\'s CPU (undici and the socket writes take most of it). Run ' +
      '`npm run bench -- --only answer` on a quiet machine before acting on an answer verdict.',
  },
  {
    goalStartsWith: 'Parse',
    note:
      '**Parse (measured at 39e5a26 with callgrind, per function with `--perf-basic-prof`).** In instructions three kinds meet the goal ' +
      '(established 1.19x, incoming 1.14x, policy-based recording 1.07x); content sharing, the smallest body (274 bytes, ~7,900 ' +
      'instructions to `JSON.parse`, no `resourceData`), is at 1.31x: ~2,430 instructions per event, where 1.25x allows ~1,970. Of them ' +
      '~800 are the library\'s own compiled code (`notificationEvent` 310, `parseNotifications` 281, `canonicalTarget` 214) and ~1,100 are ' +
      'V8\'s string operations on the `resourceUrl`: four `indexOf` (`?`, `#`, the slash after the call id, none after the child id; ~130 ' +
      'each), two comparisons (prefix and collection, ~110 each plus `memcmp`: a slice of 13 characters or more is a view, compared by ' +
      'the runtime) and two `slice`s (~40 each). Each such operation costs 75–400 instructions whatever its length, and an exact reading ' +
      'of the URL needs every one of these facts; the cheapest forms measured are the ones in the code (`startsWith` of a 22-character ' +
      'literal compiles to ~20 instructions a character, one regular expression ~340, `lastIndexOf` ~500). Measured and left out: ' +
      'comparing prefix and collection as 11-character halves (short slices are copies, compared at once) saves ~150 (1.29x), not enough ' +
      'for its obscurity; a cache of recent URLs would pass this bench, which parses one body again and again, without helping a bot. In ' +
      'time every kind runs 0.1–0.25x above its instruction ratio (established 1.19x in instructions, ~1.4x in time); callgrind counts ' +
      'instructions, not cycles, and the bench has not yet found where that time goes. Nothing known within the library closes the goal ' +
      'for the content-sharing body: it asks for less than an exact reading of its URL costs in V8.',
  },
]

/** The notes for the goals missed in this run, as Markdown. */
export function knownCauses(missedGoals: readonly string[]): string[] {
  return causes.filter((c) => missedGoals.some((g) => g.startsWith(c.goalStartsWith))).map((c) => c.note)
}
