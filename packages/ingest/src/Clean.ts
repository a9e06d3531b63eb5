// Text cleaning: pure functions, every change recorded rather than silent.

import { cp1252Char } from "./Cp1252.js"

// Windows-1252 byte for each character it can decode to, so UTF-8 that was read as
// Windows-1252 ("Ã¦") can be turned back into its bytes and decoded properly ("æ").
const cp1252Byte: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>()
  for (let b = 0; b < 256; b++) map.set(cp1252Char(b), b)
  return map
})()

// Characters whose Windows-1252 byte is a UTF-8 continuation byte (0x80-0xBF).
const continuation = (() => {
  let chars = ""
  for (let b = 0x80; b <= 0xbf; b++) chars += cp1252Char(b)
  return chars.replace(/[\]\\^-]/g, "\\$&")
})()

// A UTF-8 lead byte read as Windows-1252 (Â..ô), then the right number of continuation characters.
const MOJIBAKE = new RegExp(
  `[\\u00C2-\\u00DF][${continuation}]|[\\u00E0-\\u00EF][${continuation}]{2}|[\\u00F0-\\u00F4][${continuation}]{3}`,
  "g"
)

const utf8 = new TextDecoder("utf-8", { fatal: true })

/** Repair UTF-8 that was decoded as Windows-1252 (`Ã¦` → `æ`, `Ã¸` → `ø`). Leaves anything else alone. */
export const repairMojibake = (text: string): string =>
  text.replace(MOJIBAKE, (run) => {
    const bytes: Array<number> = []
    for (const ch of run) {
      const b = cp1252Byte.get(ch)
      if (b === undefined) return run
      bytes.push(b)
    }
    try {
      return utf8.decode(Uint8Array.from(bytes))
    } catch {
      return run
    }
  })

// Zero-width and BOM characters that only get in the way of matching. ZWJ (U+200D) stays:
// it holds emoji sequences together.
const INVISIBLE = /[\u200B\u200C\u2060\uFEFF\u00AD]/g
// Bidirectional controls (marks, embeddings, overrides, isolates): in a statement they only
// reorder what the report, the xlsx and the drafts show ("U+202E" turns text backwards).
const BIDI = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g

/** Without bidirectional controls: for `rawText` and the other fields that reach the outputs. */
export const stripBidi = (text: string): string => text.replace(BIDI, "")
// Control characters other than whitespace.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g

// Text that cleaning cannot change: printable ASCII and the Latin-1 letters À..ÿ (NFC already,
// and without the characters U+0080..U+00BF that mojibake continues with), single spaces only
// inside. Most answers are such: they skip the seven passes below.
const PLAIN = /^[\x21-\x7E\u00C0-\u00FF](?:[\x20-\x7E\u00C0-\u00FF]*[\x21-\x7E\u00C0-\u00FF])?$/

/** NFC, mojibake repaired, invisible, bidi and control characters removed, all whitespace runs to one space, trimmed. */
export const cleanText = (text: string): string => (PLAIN.test(text) && !text.includes("  ") ? text : cleanSlowly(text))

/** Every pass of cleanText, whatever the text (cleanText skips them for plain text; its test compares the two). */
export const cleanSlowly = (text: string): string =>
  repairMojibake(text.normalize("NFC"))
    .normalize("NFC")
    .replace(INVISIBLE, "")
    .replace(BIDI, "")
    .replace(CONTROL, " ")
    .replace(/\s+/gu, " ")
    .trim()

export type ExclusionReason = "empty" | "test-answer" | "punctuation-only" | "too-long"

/**
 * An answer longer than this is not a statement typed into Menti (its answers are a few hundred
 * characters; a long comment in a table stays well under it) but pasted text: it is left out
 * and counted, so one pasted megabyte cannot make every later stage slow.
 */
export const MAX_STATEMENT_CHARS = 5_000

export const exclusionLabels: Record<ExclusionReason, string> = {
  empty: "Tomt svar",
  "test-answer": "Testsvar (fx \"test\" eller \"hej\")",
  "punctuation-only": "Kun tegnsætning",
  "too-long": "For langt til at være et udsagn (over 5.000 tegn)"
}

// Answers people type to see whether Menti works. Kept small on purpose: a one-word answer
// like "Wow" to "Beskriv dagen med ét ord" is a real answer.
const TEST_ANSWERS = new Set([
  "test",
  "tester",
  "testing",
  "test test",
  "test 123",
  "test123",
  "testsvar",
  "hej",
  "hejsa",
  "hej hej",
  "hallo",
  "hello",
  "hi",
  "asdf",
  "qwerty",
  "123",
  "1234",
  "prøve",
  "prøvesvar"
])

// An ASCII letter or digit of an answer stays one character of its key below, so an answer with
// more of them than the longest test answer has characters is none: most answers are told so
// without lower-casing them for the Danish locale (the dear part at 100,000 answers).
const TEST_ANSWER_CHARS = Math.max(...[...TEST_ANSWERS].map((a) => a.length))
const moreAsciiAlnumThan = (text: string, n: number): boolean => {
  let count = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      if (++count > n) return true
    }
  }
  return false
}

/** Why a cleaned answer is not a statement, or undefined when it is one. */
export const exclusionReason = (cleaned: string): ExclusionReason | undefined => {
  if (cleaned.length === 0) return "empty"
  if (cleaned.length > MAX_STATEMENT_CHARS) return "too-long"
  if (/^[\p{P}\p{Sm}\p{Sk}\s]+$/u.test(cleaned)) return "punctuation-only"
  if (moreAsciiAlnumThan(cleaned, TEST_ANSWER_CHARS)) return undefined
  const key = cleaned.toLocaleLowerCase("da").replace(/[\p{P}\p{S}]+/gu, " ").replace(/\s+/g, " ").trim()
  if (TEST_ANSWERS.has(key)) return "test-answer"
  return undefined
}

/** Split a Menti word-cloud cell into entries: space separated, `_` joins the words of one entry. */
export const splitWordCloud = (cell: string): ReadonlyArray<string> =>
  cell
    .split(/\s+/u)
    .filter((w) => w.length > 0)
    .map((w) => w.replace(/_+/g, " ").trim())
    .filter((w) => w.length > 0)
