import { createRequire } from "node:module"

// Snowball's Danish stemmer (snowball-stemmers), applied to the folded key (æøå → ae/oe/aa):
// measured best in README.md (conflates 26/35 inflection groups of the lexicon, and the typed-
// without-æøå spelling always meets the æøå spelling, since both are folded before stemming).
const require = createRequire(import.meta.url)
const snowball = require("snowball-stemmers") as { newStemmer(lang: string): { stem(w: string): string } }
const danish = snowball.newStemmer("danish")

const CACHE_LIMIT = 200_000
const caches = { withRule: new Map<string, string>(), snowball: new Map<string, string>() }

/** Snowball without the cache or the extra rule; for measurements. */
export const snowballStem = (key: string): string => danish.stem(key)

const cached = (cache: Map<string, string>, key: string, f: (key: string) => string): string => {
  const hit = cache.get(key)
  if (hit !== undefined) return hit
  const s = f(key)
  if (cache.size > CACHE_LIMIT) cache.clear()
  cache.set(key, s)
  return s
}

/**
 * Stem of a folded word key. One rule on top of Snowball: present tense of å-verbs
 * ("forstår" → "forstaar" → "forstaa", "går", "får") which Snowball leaves alone.
 */
export const stem = (key: string): string =>
  cached(caches.withRule, key, (k) => {
    const s = danish.stem(k)
    return s.length > 4 && s.endsWith("aar") ? s.slice(0, -1) : s
  })

/**
 * Plain Snowball, cached, without the å-verb rule: aggregate's key terms group words this
 * way, and their output stays as it was measured and tested.
 */
export const plainStem = (key: string): string => cached(caches.snowball, key, (k) => danish.stem(k))
