/**
 * jose, loaded on the first verification rather than at import: `graph-calling/notifications` is imported
 * on every cold start of a serverless bot, and the parser alone should not pay for a JWT library.
 */
let jose: Promise<typeof import('jose')> | undefined

/** The jose module, imported once. */
export const loadJose = (): Promise<typeof import('jose')> => (jose ??= import('jose'))
