import type { GraphRequest } from '../requests/graph-request.ts'
import type { GraphResponse, SendOptions } from '../transport/graph-transport.ts'

/** How the action groups reach Graph: the client's `send`. */
export type Send = <Result>(request: GraphRequest<Result>, options?: SendOptions) => Promise<GraphResponse<Result>>

/**
 * Builds a request and sends it. A refusal before any I/O (bad parameters, an action not offered) is a
 * rejected promise like any other failure, never a synchronous throw.
 */
export function act<Result>(send: Send, build: () => GraphRequest<Result>, options: SendOptions | undefined): Promise<GraphResponse<Result>> {
  let request: GraphRequest<Result>
  try {
    request = build()
  } catch (error) {
    return Promise.reject(error)
  }
  return send(request, options)
}
