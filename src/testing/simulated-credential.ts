import type { SimulatorClock } from './simulator-clock.ts'

/** A token as `TokenCredential.getToken` returns it. */
export interface SimulatedAccessToken {
  readonly token: string
  readonly expiresOnTimestamp: number
}

/** A `TokenCredential` for the simulator: hands out opaque tokens, and counts them. */
export interface SimulatedCredential {
  getToken(scopes: string | string[]): Promise<SimulatedAccessToken>
  /** How many tokens were handed out. */
  readonly issued: number
}

/** A credential whose tokens last an hour of simulator time. */
export function createSimulatedCredential(clock: SimulatorClock): SimulatedCredential {
  let issued = 0
  return {
    async getToken() {
      issued += 1
      return { token: `simulated-graph-token-${issued}`, expiresOnTimestamp: clock.now() + 3_600_000 }
    },
    get issued() {
      return issued
    },
  }
}
