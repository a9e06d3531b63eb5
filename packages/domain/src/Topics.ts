import { Schema } from "effect"
import { StatementId } from "./Statement.js"
import { ThemeId } from "./Theme.js"

/** The label of a theme's leftovers: statements no sub-topic of the theme took. */
export const LEFTOVER_LABEL = "Øvrige"

/**
 * A sub-topic of a theme: statements that are about the same thing, found by the words they
 * share (aggregate's `Topics.ts`). `statements` lists the clearest first.
 */
export class Topic extends Schema.Class<Topic>("Topic")({
  /** A short Danish label made of the group's own words ("Tolke", "Breve og pjecer"). */
  label: Schema.String,
  statements: Schema.Array(StatementId),
  /** The words that hold the group together, as people wrote them, most telling first. */
  terms: Schema.Array(Schema.String)
}) {}

export class ThemeTopics extends Schema.Class<ThemeTopics>("ThemeTopics")({
  theme: ThemeId,
  /** Named sub-topics, biggest first; the leftovers (`Øvrige`), if any, last. */
  topics: Schema.Array(Topic)
}) {}

/** A group of statements without a theme that hang together: a theme the codebook may lack. */
export class Candidate extends Schema.Class<Candidate>("Candidate")({
  label: Schema.String,
  /** The group's words: what would become the theme's terms. */
  terms: Schema.Array(Schema.String),
  /** Clearest first: what would become the theme's examples. */
  statements: Schema.Array(StatementId)
}) {}

/** `topics.json`: every theme's sub-topics and the candidate new themes from `other`. */
export class TopicsFile extends Schema.Class<TopicsFile>("TopicsFile")({
  themes: Schema.Array(ThemeTopics),
  candidates: Schema.Array(Candidate)
}) {}
