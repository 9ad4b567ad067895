/** `graph-calling/testing`: a simulated Graph calling service and builders for tests of calling bots. */
export { createTestSigner } from './test-signer.ts'
export type { TestOpenIdConfiguration, TestPublicJwk, TestSigner, TestSignerOptions, TestSignOptions } from './test-signer.ts'
