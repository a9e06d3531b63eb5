// Personal data masking. Runs on every text before anything else (cleaning, categorizing,
// reports) sees it, so a CPR number typed into Menti never reaches the committee's report.

export interface MaskCounts {
  readonly cpr: number
  readonly phone: number
  readonly email: number
}

export interface Masked {
  readonly text: string
  readonly counts: MaskCounts
}

export const CPR_MASK = "[CPR]"
export const PHONE_MASK = "[telefon]"
export const EMAIL_MASK = "[e-mail]"

// ddmmyy-xxxx or ddmmyyxxxx (also with a space), only when day and month are plausible;
// digits on either side mean it is part of a longer number, not a CPR number.
const CPR = /(?<![\p{N}])(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}[ -]?\d{4}(?![\p{N}])/gu

// Danish numbers: 8 digits, optionally after +45 / 0045 / (+45), written solid, in pairs
// (12 34 56 78) or in fours (1234 5678), with space, dash or dot between groups.
const PHONE = new RegExp(
  String.raw`(?<![\p{N}+])` +
    String.raw`(?:(?:\+|00)\s?45[\s.-]?|\(\+?45\)\s?)?` +
    String.raw`(?:\d{8}|\d{2}([ .-])\d{2}\1\d{2}\1\d{2}|\d{4}[ .-]\d{4})` +
    String.raw`(?![\p{N}])`,
  "gu"
)

// The top-level domain is optional: "tove@regionmidt" is an address too. The lookbehind lets a
// match start only where a run of address characters starts; without it a long run with no `@`
// is rescanned from every position (quadratic: a pasted 1 MB blob would hang the run).
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*/gu
// @handles (Twitter/Instagram/Teams style). Not preceded by a letter, digit or dot, so the
// middle of an address is never taken for a handle.
const HANDLE = /(?<![\p{L}\p{N}._%+-])@[\p{L}\p{N}_][\p{L}\p{N}_.-]*/gu

// "2024 2025" or "2024-2025" is a span of years, not a phone number.
const looksLikeYears = (match: string) => /^(?:19|20)\d{2}[ .-](?:19|20)\d{2}$/.test(match)
// "1500-2000 kr.", "0800-1600", "3000-4000 ansatte": two round hundreds, rising, are a range
// (amounts, opening hours, head counts), not the two halves of a phone number.
const looksLikeRange = (match: string) => {
  const m = /^(\d{2}00)[ .-](\d{2}00)$/.exec(match)
  return m !== null && Number(m[1]) < Number(m[2])
}

/** Replace CPR numbers, phone numbers, e-mail addresses and @handles; count each kind. */
export const maskPersonalData = (text: string): Masked => {
  let cpr = 0
  let phone = 0
  let email = 0
  // Order matters: e-mail before handles (an address contains `@`), CPR before phone
  // (a CPR number holds 8-digit runs only with a dash, but the masks keep them apart anyway).
  let out = text.replace(EMAIL, () => {
    email++
    return EMAIL_MASK
  })
  out = out.replace(HANDLE, () => {
    email++
    return EMAIL_MASK
  })
  out = out.replace(CPR, () => {
    cpr++
    return CPR_MASK
  })
  out = out.replace(PHONE, (match: string) => {
    if (looksLikeYears(match) || looksLikeRange(match)) return match
    phone++
    return PHONE_MASK
  })
  return { text: out, counts: { cpr, phone, email } }
}

export const emptyCounts: MaskCounts = { cpr: 0, phone: 0, email: 0 }

export const addCounts = (a: MaskCounts, b: MaskCounts): MaskCounts => ({
  cpr: a.cpr + b.cpr,
  phone: a.phone + b.phone,
  email: a.email + b.email
})
