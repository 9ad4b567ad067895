import type { Issue } from '../../errors.ts'

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  405: 'Method Not Allowed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
}

/** What a problem response says beyond its status. */
export interface Problem {
  /** What went wrong and what to fix, in words. */
  readonly detail: string
  /** The JSON paths and messages of what was wrong in the body, when it was the body. */
  readonly issues?: readonly Issue[] | undefined
  /** Extra response headers (`Allow`, `WWW-Authenticate`). */
  readonly headers?: Readonly<Record<string, string>> | undefined
}

/** An RFC 9457 `application/problem+json` response. */
export function problemResponse(status: number, problem: Problem): Response {
  const body = { type: 'about:blank', title: TITLES[status] ?? 'Error', status, detail: problem.detail, ...(problem.issues ? { issues: problem.issues } : {}) }
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store', ...problem.headers },
  })
}
