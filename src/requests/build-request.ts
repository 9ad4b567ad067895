import { ValidationError, type Issue } from '../errors.ts'
import type { GraphMethod, GraphRequest, ResultType } from './graph-request.ts'
import { encodeId, idIssues } from './path.ts'

/** A compiled validator: every issue it finds in a value (none when the value is valid). */
export type Validate = (value: unknown) => Issue[]

/** A path segment that holds an id, named as the builder's parameter (`callId`) so an issue can say which. */
export interface IdSegment {
  readonly name: string
  readonly value: string
}

/** A JSON body and the validator it must pass. */
export interface CheckedBody {
  readonly params: unknown
  readonly validate: Validate
}

/** Everything a builder says about its request. */
export interface RequestSpec {
  /** Graph's name for the operation (`playPrompt`), for the error message. */
  readonly operation: string
  readonly method: GraphMethod
  /** The path below the version root, segment by segment; id segments are checked, then percent-encoded. */
  readonly path: readonly (string | IdSegment)[]
  readonly body?: CheckedBody | undefined
  readonly apiVersion?: 'beta' | undefined
  /** Whether sending the request twice cannot make Graph act twice (see `GraphRequest.resendable`). */
  readonly resendable?: true | undefined
  /** The Graph type of the answer's body (see `GraphRequest.resultType`). */
  readonly resultType?: ResultType | undefined
}

/**
 * Puts a request together once every id and the body have passed their checks. Every problem found is
 * reported in one `ValidationError`, so a caller fixes them all at once and nothing is ever sent.
 */
export function buildRequest<Result = void>(spec: RequestSpec): GraphRequest<Result> {
  // One pass over the segments, no intermediate arrays: builders run on every call a bot makes.
  let path = ''
  let issues: Issue[] | undefined
  for (const segment of spec.path) {
    if (typeof segment === 'string') {
      path += `/${segment}`
      continue
    }
    const found = idIssues(segment.name, segment.value)
    if (found.length > 0) (issues ??= []).push(...found)
    else path += `/${encodeId(segment.value)}`
  }
  if (spec.body) {
    const found = spec.body.validate(spec.body.params)
    if (found.length > 0) (issues ??= []).push(...found)
  }
  if (issues) throw new ValidationError(`${spec.operation} parameters`, issues)
  const request: { method: GraphMethod; path: string; body?: unknown; apiVersion?: 'beta'; resendable?: true; resultType?: ResultType } = { method: spec.method, path }
  if (spec.body) request.body = spec.body.params
  if (spec.apiVersion) request.apiVersion = spec.apiVersion
  if (spec.resendable) request.resendable = true
  if (spec.resultType) request.resultType = spec.resultType
  return request
}
