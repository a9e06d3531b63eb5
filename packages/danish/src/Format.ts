/**
 * Danish number and date formats: decimal comma, thousands dot, "38 %", "5. december 2024".
 * Written out rather than taken from Intl so output is the same on every machine whatever ICU
 * data Node was built with; the rounding rule is Intl's (checked against `da-DK` on every
 * share k/n, n ≤ 3000): the number's shortest decimal form is rounded half away from zero, so
 * 0.2875 is "28,8 %" as a reader would round it, not "28,7 %" as `(0.2875 * 100).toFixed(1)` says.
 */

const group = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".")

/**
 * `|x| · 10^shift` rounded to `digits` decimals on its shortest decimal form, as a plain
 * "123.45" string. Shifting the decimal point in the string keeps "× 100" exact.
 */
const roundedDecimal = (x: number, digits: number, shift: number): string => {
  const zero = digits > 0 ? `0.${"0".repeat(digits)}` : "0"
  if (x === 0 || !Number.isFinite(x)) return Number.isFinite(x) ? zero : String(Math.abs(x))
  const [mantissa = "0", exponent = "0"] = Math.abs(x).toExponential().split("e")
  const all = mantissa.replace(".", "")
  let intLength = Number(exponent) + 1 + shift
  const keep = intLength + digits
  if (keep < 0) return zero
  let kept = all.slice(0, keep).padEnd(keep, "0")
  if ((all[keep] ?? "0") >= "5") {
    const carried = (BigInt(kept === "" ? "0" : kept) + 1n).toString().padStart(keep, "0")
    if (carried.length > keep) intLength++
    kept = carried
  }
  if (intLength <= 0) {
    kept = "0".repeat(1 - intLength) + kept
    intLength = 1
  }
  const whole = kept.slice(0, intLength)
  return digits > 0 ? `${whole}.${kept.slice(intLength)}` : whole
}

const danishNumber = (x: number, digits: number, shift: number): string => {
  const plain = roundedDecimal(x, digits, shift)
  const [whole = "0", frac] = plain.split(".")
  // No "-0": a value that rounds to zero is zero.
  const sign = x < 0 && Number(plain) !== 0 ? "-" : ""
  return sign + group(whole) + (frac !== undefined ? "," + frac : "")
}

/** 1234567 → "1.234.567" (rounded half away from zero). */
export const formatInt = (n: number): string => danishNumber(n, 0, 0)

/** 2.7333, 1 → "2,7"; 1234.5, 2 → "1.234,50": always `digits` decimals. */
export const formatDecimal = (x: number, digits: number): string => danishNumber(x, digits, 0)

/** 1.96, 1 → "2"; 1.46, 1 → "1,5": at most `digits` decimals, trailing zeros dropped. */
export const formatNumber = (x: number, maxDigits: number): string => {
  const fixed = danishNumber(x, maxDigits, 0)
  return maxDigits > 0 ? fixed.replace(/,?0+$/, "") : fixed
}

/** A change with its sign: 2 → "+2", -1.46 → "-1,5", and "0" for what rounds to zero (no sign). */
export const formatChange = (x: number, maxDigits: number): string => {
  const n = formatNumber(x, maxDigits)
  return x > 0 && n !== "0" ? `+${n}` : n
}

/** Danish puts a space before the per cent sign; a no-break one keeps "34,9 %" on one line. */
export const PERCENT_SIGN = "\u00a0%"

/** A share 0..1 as per cent: 0.34883 → "34,9 %" (`digits = 0`: "35 %"). Chart labels. */
export const formatPercent = (share: number, digits = 1): string => `${danishNumber(share, digits, 2)}${PERCENT_SIGN}`

/**
 * A share 0..1 for prose and tables: "38 %" (`digits = 1`: "38,2 %", as the charts label
 * their bars). Below 1 % but above 0 says "under 1 %": "0 %" would read as "nobody".
 */
export const formatShare = (share: number, digits: 0 | 1 = 0): string =>
  share > 0 && share < 0.005 ? `under 1${PERCENT_SIGN}` : formatPercent(share, digits)

export const MONTHS = [
  "januar", "februar", "marts", "april", "maj", "juni",
  "juli", "august", "september", "oktober", "november", "december"
] as const

export const SHORT_MONTHS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"] as const

/** Sunday first, as JavaScript's `getDay()` counts. */
export const WEEKDAYS = ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"] as const

export const SHORT_WEEKDAYS = ["søn", "man", "tir", "ons", "tor", "fre", "lør"] as const

/**
 * "2024-12-05" (or "2024-12-05T10:00…") as "5. december 2024"; undefined when the text does not
 * start with such a date (month 01-12, day 01-31).
 */
export const danishDate = (iso: string): string | undefined => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (!m) return undefined
  const month = MONTHS[Number(m[2]) - 1]
  const day = Number(m[3])
  return month !== undefined && day >= 1 && day <= 31 ? `${day}. ${month} ${m[1]}` : undefined
}

/** `danishDate`, or the text as given when it is not an ISO date. */
export const formatDate = (iso: string): string => danishDate(iso) ?? iso
