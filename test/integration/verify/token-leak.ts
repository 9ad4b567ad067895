import { inspect } from 'node:util'

/** Everything an error shows of itself: message, stack, every property and the whole cause chain. */
function everythingShown(error: unknown): string {
  const shown: string[] = [inspect(error, { depth: Infinity, showHidden: true })]
  for (let e: unknown = error, depth = 0; e !== undefined && e !== null && depth < 10; depth++) {
    if (typeof e !== 'object') {
      shown.push(String(e))
      break
    }
    for (const name of Object.getOwnPropertyNames(e)) {
      shown.push(name, inspect((e as Record<string, unknown>)[name], { depth: Infinity, showHidden: true }))
    }
    e = (e as { cause?: unknown }).cause
  }
  return shown.join('\n')
}

/** The parts of a secret that must never be shown: the whole of it and each of its dot-separated parts. */
function secretParts(secret: string): string[] {
  // Parts shorter than 8 characters are too common to mean a leak (and are not secret alone).
  return [secret, ...secret.split(/[.\s]/)].filter((part) => part.length >= 8)
}

/** Throws when `error` shows the secret (a token, or a credential), or any of its parts, anywhere. */
export function assertNothingOfSecretShown(error: unknown, secret: string): void {
  const shown = everythingShown(error)
  for (const part of secretParts(secret)) {
    if (shown.includes(part)) throw new Error(`the error shows part of the secret (${part.length} characters)`)
  }
}
