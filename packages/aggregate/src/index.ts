export * from "./Aggregate.js"
export * from "./Text.js"
