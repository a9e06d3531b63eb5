export * from "./Aggregate.js"
export * from "./TermTokens.js"
