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
      '**Answer (measured at 18ffe42 on this shared 2-core machine, load average 4–5).** The answer figures move from run to run by more ' +
      'than the goals\' margins: the same contender\'s batches range over 3–4x in req/s and in CPU per request, and the verdicts of the ' +
      'four answer goals changed between consecutive runs. The least-disturbed batches put `client.calls.answer` at 0.85–1.0x raw undici ' +
      'and the profile above gives graph-calling\'s own code under 10% of the client process\'s CPU (undici and the socket writes take most of ' +
      'it). Run `npm run bench -- --only answer` on a quiet machine before acting on an answer verdict.',
  },
  {
    goalStartsWith: 'Parse',
    note:
      '**Parse (measured at 18ffe42 with callgrind).** `parseNotifications` adds a fixed ~3,300 instructions per event to `JSON.parse`; for ' +
      'the smallest body (content sharing, 274 bytes, ~7,800 instructions to `JSON.parse`) that alone is 1.4x. About 2,000 of them are ' +
      '`resourceTarget` (`src/notifications/resource-target.ts`), measured piece by piece on the content-sharing URL: `knownCollection`\'s ' +
      '`url.startsWith(name, from)` ~690, the `startsWith(CANONICAL_PREFIX)` test ~310, `pathEnd`\'s two `indexOf` scans for `?` and `#` ' +
      '~330 (each reads the whole URL; an `indexOf(\'/\')` that stops early costs ~20), three `slice`s ~230. Alternatives measured and not ' +
      'enough: slice-and-compare for the collection ~520, one regular expression ~2,160, a `Map` cache keyed by the URL ~1,680 (hashing a ' +
      'fresh string reads it all). Meeting 1.25x for that body needs the whole per-event cost under ~2,000 instructions; the larger ' +
      'bodies meet it in instructions (1.10–1.24x) but not in time, where the event objects and the decoders\' copies cost more in cache ' +
      'and GC than their instruction counts say.',
  },
  {
    goalStartsWith: 'Size',
    note:
      '**Size (measured at 18ffe42 with esbuild\'s metafile).** Of the handler bundle\'s 84 KB minified, 59.5 KB is ' +
      '`src/notifications/decoders.generated.ts`: every property of every decoded type is an unrolled block ' +
      '(`x = v.name; if (x !== undefined) { P.push("name"); y = dN(x); P.pop(); if (y !== x) { ... } }`). Emitting a field table per type ' +
      '(`[["name", dN], ...]`) walked by one shared loop in `scripts/generate-validators.ts` would shrink it to a fraction, well past the ' +
      '0.8 KB the goal needs; its speed would have to be checked with this bench\'s parse section.',
  },
]

/** The notes for the goals missed in this run, as Markdown. */
export function knownCauses(missedGoals: readonly string[]): string[] {
  return causes.filter((c) => missedGoals.some((g) => g.startsWith(c.goalStartsWith))).map((c) => c.note)
}
