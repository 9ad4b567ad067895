/** `graph-calling/testing`: a simulated Graph calling service and builders for tests of calling bots. */
export {}
