import { createHash } from "node:crypto"
import type { ThemeSet } from "@udsagn/domain/Theme"
import { MODEL_VERSION } from "./ModelData.js"

/**
 * Key of a (theme set, training data, model code) triple: a model is valid only for the inputs
 * it was built from. The code enters as MODEL_VERSION, a declared constant, not by reading
 * source files at run time; a test checks that model.json is what the code trains today.
 */
export const modelKey = (themeSetJson: string, trainingCsv: string): string =>
  createHash("sha256")
    .update(`v${MODEL_VERSION}\n${themeSetJson}\n${trainingCsv.replace(/\r\n/g, "\n")}`)
    .digest("hex")
    .slice(0, 32)

/** Canonical JSON of a theme set for `modelKey` (file formatting does not matter). */
export const themeSetJson = (themeSet: ThemeSet): string =>
  JSON.stringify({
    themes: themeSet.themes.map((t) => ({ id: t.id, terms: t.terms, exclusions: t.exclusions, examples: t.examples }))
  })
