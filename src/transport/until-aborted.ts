/**
 * `promise`, or a rejection with the signal's reason as soon as it aborts, whatever `promise` does then (a
 * credential or a bot in process may ignore the signal). `onAbort` runs first, once, when the signal wins.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal, onAbort?: () => void): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise<T>((resolve, reject) => {
    const giveUp = () => {
      onAbort?.()
      reject(signal.reason)
    }
    signal.addEventListener('abort', giveUp, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', giveUp)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', giveUp)
        reject(error)
      },
    )
  })
}
