// The data locations live in the domain package, beside their defaults, so every stage can read
// them; re-exported here, where the pipeline's callers have always found them.
export * from "@udsagn/domain/DataLocations"
