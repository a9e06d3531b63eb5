import { createRequire } from "node:module"
import { boundedMemo } from "./Memo.js"

// Snowball's Danish stemmer (snowball-stemmers), applied to the folded key (æøå → ae/oe/aa):
// measured best in README.md (conflates 26/35 inflection groups of the lexicon, and the typed-
// without-æøå spelling always meets the æøå spelling, since both are folded before stemming).
const require = createRequire(import.meta.url)
const snowball = require("snowball-stemmers") as { newStemmer(lang: string): { stem(w: string): string } }
const danish = snowball.newStemmer("danish")

/** Snowball without the cache or the extra rule; for measurements. */
export const snowballStem = (key: string): string => danish.stem(key)

/**
 * Stem of a folded word key. One rule on top of Snowball: present tense of å-verbs
 * ("forstår" → "forstaar" → "forstaa", "går", "får") which Snowball leaves alone.
 */
export const stem: (key: string) => string = boundedMemo((k: string) => {
  const s = danish.stem(k)
  return s.length > 4 && s.endsWith("aar") ? s.slice(0, -1) : s
})

/**
 * Plain Snowball, cached, without the å-verb rule: aggregate's key terms group words this
 * way, and their output stays as it was measured and tested.
 */
export const plainStem: (key: string) => string = boundedMemo((k: string) => danish.stem(k))
