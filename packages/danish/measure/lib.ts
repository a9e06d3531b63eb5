import { foldWord } from "../src/Normalize.js"
import { tokenizeNatural } from "../testing/NaturalTokenizer.js"
export * from "../src/index.js"
export const tokenizeNaturalKeys = (s: string) => tokenizeNatural(s.toLowerCase()).map(foldWord)
