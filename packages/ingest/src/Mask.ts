// Personal data masking. Runs on every text before anything else (cleaning, categorizing,
// reports) sees it, so a CPR number typed into Menti never reaches the committee's report.
// Every pattern is linear: it can start only where a run of its characters starts, and no
// quantified group can split the same digits two ways (a 300,000-digit token costs one pass).

export interface MaskCounts {
  readonly cpr: number
  readonly phone: number
  readonly email: number
  /** @handles (Instagram, X, Teams …). */
  readonly handle: number
  /** Links to a person's social-media profile. */
  readonly profile: number
}

export interface Masked {
  readonly text: string
  readonly counts: MaskCounts
}

export const CPR_MASK = "[CPR]"
export const PHONE_MASK = "[telefon]"
export const EMAIL_MASK = "[e-mail]"
export const HANDLE_MASK = "[brugernavn]"
export const PROFILE_MASK = "[profil-link]"

// ---------------------------------------------------------------------------------------------
// Numbers written to slip past: full-width or other Unicode digits, NBSP and other spaces,
// invisible characters (ZWSP, ZWJ, soft hyphen, word joiner, BOM) and dashes of every kind
// inside a number. They are normalized inside number runs only, so prose keeps its en dashes
// and an emoji its ZWJ.

const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060\uFEFF]/g
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g
const NUMBER_RUN =
  /[+\uFF0B]?[(\uFF08]?\p{Nd}(?:[\p{Nd}\s\u00AD\u180E\u200B-\u200D\u2060\uFEFF.\-/()\u2010-\u2015\u2212\uFE58\uFE63\uFF0D\uFF08\uFF09]*\p{Nd})?[)\uFF09]?/gu

const isDigit = (cp: number) => /\p{Nd}/u.test(String.fromCodePoint(cp))

/** The value of any Unicode decimal digit: they come in blocks of ten, zero first. */
const digitValue = (chars: ReadonlyArray<string>, i: number): string => {
  const cp = chars[i]!.codePointAt(0)!
  if (cp >= 0x30 && cp <= 0x39) return chars[i]!
  let start = cp
  while (start > 0 && isDigit(start - 1) && cp - (start - 1) < 10) start--
  return String((cp - start) % 10)
}

const normalizeRun = (run: string): string => {
  if (/^[\x20-\x7E]*$/.test(run)) return run
  const chars = Array.from(run)
  const digits = chars.map((c, i) => (/\p{Nd}/u.test(c) ? digitValue(chars, i) : c)).join("")
  return digits
    .replace(INVISIBLE, "")
    .replace(DASHES, "-")
    .replace(/\s/g, " ")
    .replace(/\uFF0B/g, "+")
    .replace(/\uFF08/g, "(")
    .replace(/\uFF09/g, ")")
}

/** Number runs in a canonical spelling (ASCII digits, plain space and dash, nothing invisible). */
export const normalizeNumbers = (text: string): string => text.replace(NUMBER_RUN, normalizeRun)

// ---------------------------------------------------------------------------------------------
// Patterns, applied in this order on the normalized text.

// Profile links first: `tiktok.com/@navn` holds a handle, `facebook.com/navn` a name.
const PROFILE =
  /(?<![\p{L}\p{N}_.-])(?:https?:\/\/)?(?:(?:www|m|mobile|web)\.)?(?:instagram\.com|facebook\.com|fb\.com|fb\.me|tiktok\.com|twitter\.com|x\.com|linkedin\.com\/in|t\.me|vk\.com|threads\.net|snapchat\.com\/add|youtube\.com)\/[^\s<>"'\])]+/giu

// The top-level domain is optional: "tove@regionmidt" is an address too. The lookbehind lets a
// match start only where a run of address characters starts (else a long run is rescanned from
// every position: quadratic).
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+(?:@|\uFF20)[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*/gu
// Obfuscated: "navn (at) firma.dk", "navn [snabel-a] firma [dot] dk", "navn snabel-a firma.dk",
// "navn @ firma.dk". These need a dotted domain, so "vi mødes @ kantinen" stays.
const AT = String.raw`(?:\s?[\[(]\s?(?:at|snabel-?a|@)\s?[\])]\s?|\s(?:snabel-?a)\s|\s@\s?|@\s)`
const DOT = String.raw`(?:\.|\s?[\[(]\s?(?:dot|punktum|prik)\s?[\])]\s?)`
const EMAIL_OBFUSCATED = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+${AT}[\p{L}\p{N}-]+(?:${DOT}[\p{L}\p{N}-]+)+`,
  "giu"
)
// @handles: not inside an address, not a spreadsheet function (`@SUM(`), no trailing dot.
const HANDLE = /(?<![\p{L}\p{N}._%+-])@[\p{L}\p{N}_](?:[\p{L}\p{N}_.]*[\p{L}\p{N}_])?(?![\p{L}\p{N}_(])/gu

// ddmmyy-xxxx in the spellings people use: solid, with a space, dash, slash or dot before the
// last four, or the date in groups ("01 01 90 1109", "01.01.90-1109"). The date must exist.
const CPR = /(?<![\p{N}])(\d{2})[ .\-/]?(\d{2})[ .\-/]?(\d{2}) ?[-/.]? ?(\d{4})(?![\p{N}])/gu

// International: + or 00 and a country code, then groups; 8 to 15 digits in all.
// Every group after the first starts with a separator or "(", so digits split only one way.
const PHONE_INTERNATIONAL = /(?<![\p{L}\p{N}+])(?:\+|00)\d{1,14}(?:[ .\-/]?\(\d{1,5}\)|[ .\-/]\d{1,12}){0,6}(?![\p{N}])/gu
// A national number abroad, with its leading 0: "067-123-45-67", "(067) 123 45 67", "0671234567".
const PHONE_NATIONAL = /(?<![\p{L}\p{N}+])(?:\(?0\d{1,4}\)?(?:[ .\-/]\d{2,4}){2,4}|0\d{8,11})(?![\p{N}])/gu
// Danish: 8 digits, solid, in pairs (12 34 56 78, any one-character separators), 2-2-4 or 4-4,
// optionally after (+45).
const PHONE_DANISH =
  /(?<![\p{N}+])(?:\(\+?45\) ?)?(?:\d{2}[ .-]?\d{2}[ .-]?\d{2}[ .-]?\d{2}|\d{2}[ .-]?\d{2}[ .-]?\d{4}|\d{4}[ .-]\d{4})(?![\p{N}])/gu

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const validDate = (dd: number, mm: number) => mm >= 1 && mm <= 12 && dd >= 1 && dd <= DAYS[mm - 1]!

const digitsOf = (s: string) => s.replace(/\D/g, "")
// "2024 2025" or "2024-2025" is a span of years, not a phone number.
const looksLikeYears = (match: string) => /^(?:19|20)\d{2}[ .-](?:19|20)\d{2}$/.test(match)
// "1500-2000 kr.", "0800-1600", "3000-4000 ansatte": two round hundreds, rising, are a range
// (amounts, opening hours, head counts), not the two halves of a phone number.
const looksLikeRange = (match: string) => {
  const m = /^(\d{2}00)[ .-](\d{2}00)$/.exec(match)
  return m !== null && Number(m[1]) < Number(m[2])
}
// "05.12.2024", "05122024", "2024-12-05", "20241205": a date with a four-digit year, not a phone number.
const looksLikeDate = (match: string) => {
  const dmy = /^(\d{2})[ ./-]?(\d{2})[ ./-]?((?:19|20)\d{2})$/.exec(match)
  if (dmy !== null && validDate(Number(dmy[1]), Number(dmy[2]))) return true
  const ymd = /^((?:19|20)\d{2})[ ./-]?(\d{2})[ ./-]?(\d{2})$/.exec(match)
  return ymd !== null && validDate(Number(ymd[3]), Number(ymd[2]))
}

/** Replace CPR numbers, phone numbers, e-mail addresses, @handles and profile links; count each kind. */
// Every pattern above needs a digit, an @, a slash, a bracket or "snabel": most answers have
// none of them and are left as they are without running the patterns (100,000 answers, twice).
const MAYBE_PERSONAL = /[\p{Nd}@\uFF20/[(]|snabel/iu
const NOTHING_MASKED: MaskCounts = { cpr: 0, phone: 0, email: 0, handle: 0, profile: 0 }

export const maskPersonalData = (text: string): Masked => {
  if (!MAYBE_PERSONAL.test(text)) return { text, counts: NOTHING_MASKED }
  const counts = { cpr: 0, phone: 0, email: 0, handle: 0, profile: 0 }
  const mask = (kind: keyof MaskCounts, replacement: string) => () => {
    counts[kind]++
    return replacement
  }
  let out = normalizeNumbers(text)
  out = out.replace(PROFILE, mask("profile", PROFILE_MASK))
  out = out.replace(EMAIL, mask("email", EMAIL_MASK))
  out = out.replace(EMAIL_OBFUSCATED, mask("email", EMAIL_MASK))
  out = out.replace(HANDLE, mask("handle", HANDLE_MASK))
  out = out.replace(CPR, (match: string, dd: string, mm: string) => {
    if (!validDate(Number(dd), Number(mm))) return match
    counts.cpr++
    return CPR_MASK
  })
  out = out.replace(PHONE_INTERNATIONAL, (match: string) => {
    const n = digitsOf(match.replace(/^00/, "")).length
    if (n < 8 || n > 15) return match
    counts.phone++
    return PHONE_MASK
  })
  out = out.replace(PHONE_NATIONAL, (match: string) => {
    const n = digitsOf(match).length
    if (n < 9 || n > 12 || looksLikeDate(match)) return match
    counts.phone++
    return PHONE_MASK
  })
  out = out.replace(PHONE_DANISH, (match: string) => {
    if (looksLikeYears(match) || looksLikeRange(match) || looksLikeDate(match)) return match
    counts.phone++
    return PHONE_MASK
  })
  return { text: out, counts }
}

export const emptyCounts: MaskCounts = { cpr: 0, phone: 0, email: 0, handle: 0, profile: 0 }

export const addCounts = (a: MaskCounts, b: MaskCounts): MaskCounts => ({
  cpr: a.cpr + b.cpr,
  phone: a.phone + b.phone,
  email: a.email + b.email,
  handle: a.handle + b.handle,
  profile: a.profile + b.profile
})
