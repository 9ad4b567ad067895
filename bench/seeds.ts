/** The workloads: the answer request and the notifications of Graph's `call: answer` page. */
import { answerRequestBodies, notificationBodies, v1AnswerPage } from '../test/fixtures/seeds/read-seed.ts'

/** One notification body of the seed page, as the compact JSON text Graph posts. */
export interface SeedNotification {
  /** What it announces. */
  readonly kind: string
  /** The body as text. */
  readonly text: string
  /** How many items its `value[]` holds. */
  readonly items: number
}

interface SeedItem {
  readonly changeType?: string
  readonly resourceUrl?: string
  readonly resourceData?: { readonly state?: string; readonly incomingContext?: unknown }
}

// The first body on the page that matches each kind the parse goal names.
const kinds: readonly (readonly [string, (item: SeedItem) => boolean])[] = [
  ['call incoming', (i) => i.resourceData?.state === 'incoming' && i.resourceData.incomingContext === undefined],
  ['call established', (i) => i.resourceData?.state === 'established'],
  ['content sharing started', (i) => i.changeType === 'created' && /\/contentsharingsessions\//i.test(i.resourceUrl ?? '')],
  ['policy-based recording incoming', (i) => i.resourceData?.state === 'incoming' && i.resourceData.incomingContext !== undefined],
]

/** The seed notifications the parse goal names: incoming, established, content sharing, policy-based recording incoming. */
export function seedNotifications(): SeedNotification[] {
  const bodies = notificationBodies(v1AnswerPage()) as { value: SeedItem[] }[]
  return kinds.map(([kind, matches]) => {
    const body = bodies.find((b) => b.value.some(matches))
    if (!body) throw new Error(`the seed page has no "${kind}" notification`)
    return { kind, text: JSON.stringify(body), items: body.value.length }
  })
}

/**
 * The first answer body of the seed page that the strict builder accepts as it is (the page's first example
 * has a placeholder `callbackUri`): service-hosted media with prefetched prompts.
 */
export function seedAnswerParams(): Record<string, unknown> {
  const body = answerRequestBodies(v1AnswerPage()).find((b) => String((b as { callbackUri?: unknown }).callbackUri).startsWith('https://'))
  if (!body) throw new Error('the seed page has no answer request body with an https callbackUri')
  return body as Record<string, unknown>
}
