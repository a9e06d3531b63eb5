import { createRequire } from "node:module"

// natural's Norwegian aggressive tokenizer keeps æøå (Norwegian and Danish share them). Loaded via
// its submodule: the package root is slow and prints banners. Kept for the measurement in README.md;
// the categorizer uses `tokenize` (same splits, plus offsets for evidence).
const require = createRequire(import.meta.url)
const Tokenizer = require("natural/lib/natural/tokenizers/aggressive_tokenizer_no") as new () => {
  tokenize(text: string): Array<string>
}
const instance = new Tokenizer()

export const tokenizeNatural = (text: string): Array<string> => instance.tokenize(text)
