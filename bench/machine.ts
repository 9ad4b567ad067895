/** The machine a run measured on, printed at the head of RESULTS.md. */
import { availableParallelism, cpus, totalmem } from 'node:os'

/** What the figures depend on besides the code. */
export interface Machine {
  /** `process.version` of the Node that ran the bench and its children. */
  readonly node: string
  /** The CPU model. */
  readonly cpu: string
  /** Cores Node may use. */
  readonly cores: number
  /** Memory, in GiB. */
  readonly memoryGiB: number
  /** `process.platform`-`process.arch`. */
  readonly platform: string
  /** When the run started, ISO 8601. */
  readonly date: string
}

/** Describes this machine. */
export function describeMachine(now = new Date()): Machine {
  return {
    node: process.version,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    platform: `${process.platform}-${process.arch}`,
    date: now.toISOString(),
  }
}
