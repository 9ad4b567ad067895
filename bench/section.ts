/** What every section of the bench is given, and what it hands back. */
import type { GoalResult } from './goals.ts'
import type { LibraryPieces, LibrarySource } from './library.ts'
import type { Peers } from './peers.ts'

/** What a section is given besides its scale. */
export interface SectionContext {
  /** Where graph-calling is loaded from. */
  readonly source: LibrarySource
  /** Which pieces of graph-calling exist. */
  readonly pieces: LibraryPieces
  /** The peer SDKs. */
  readonly peers: Peers
  /** Progress lines. */
  readonly log: (line: string) => void
  /** Profile what misses a goal. */
  readonly profile: boolean
}

/** What a section of the bench hands to RESULTS.md. */
export interface SectionResult {
  /** Its heading. */
  readonly title: string
  /** Its tables and notes, as Markdown. */
  readonly body: string
  /** Its goals. */
  readonly goals: readonly GoalResult[]
  /** Profiles and explanations for the goals it missed, as Markdown. */
  readonly analysis: readonly string[]
}

/** The scale of a section that runs whole processes in interleaved rounds. */
export interface RoundsScale {
  /** Interleaved rounds. */
  readonly rounds: number
  /** Only these subjects (by label); all when undefined. */
  readonly only?: readonly string[]
}
