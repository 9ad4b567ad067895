/** The HTTP methods Graph's calling API uses. */
export type GraphMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE'

/**
 * The Graph type of the JSON body a request is answered with, for a client to decode it as notifications
 * are decoded; `'Participant[]'` is a `{ value }` list of participants.
 */
export type ResultType =
  | 'Call'
  | 'Participant'
  | 'CommsOperation'
  | 'ContentSharingSession'
  | 'AudioRoutingGroup'
  | 'Participant[]'
  | 'ContentSharingSession[]'
  | 'AudioRoutingGroup[]'

/**
 * A request ready to send to Graph: what any HTTP stack needs, nothing bound to one. `path` is relative to
 * the API version root (`/communications/calls/{id}/answer`); the client puts the cloud's host and the
 * version (`/v1.0`, `/beta`) in front.
 *
 * `Result` is the type of the JSON body Graph answers with (`void` for 202/204 answers): `Inbound<...>`,
 * since what Graph sends is wider than what it is sent (enum values it adds later, other casings,
 * properties newer than these schemas). It exists only for TypeScript; `resultType` names it at run time.
 */
export interface GraphRequest<Result = void> {
  /** HTTP method. */
  readonly method: GraphMethod
  /** Path below the version root, with every id percent-encoded. */
  readonly path: string
  /** JSON body, absent for GET and DELETE. */
  readonly body?: unknown
  /** Set when the action exists only in Graph's beta API. */
  readonly apiVersion?: 'beta'
  /**
   * Set when sending the request twice cannot make Graph act twice, so it is sent again after a 504 or a
   * connection that broke once open, failures after which Graph may have acted on it. The builders set it
   * for answer, reject and redirect, which Graph refuses to repeat once the call has left `incoming`. GET
   * and DELETE are sent again without it; any other request without it is not.
   */
  readonly resendable?: boolean
  /** The Graph type of the answer's body, absent when Graph answers with none. */
  readonly resultType?: ResultType
  /** Type-only marker of what Graph answers with; never set at run time. */
  readonly __result?: Result
}
