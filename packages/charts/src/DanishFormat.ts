/**
 * Danish number formatting (decimal comma, thousands dot, "12,5 %"), done here rather than
 * with Intl so output is the same on every machine whatever ICU data Node was built with.
 */

const group = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".")

/** 1234567 → "1.234.567" */
export const formatInt = (n: number): string => {
  const r = Math.round(n)
  return (r < 0 ? "-" : "") + group(String(Math.abs(r)))
}

/** 2.7333, 1 → "2,7" */
export const formatDecimal = (x: number, digits = 1): string => {
  const fixed = Math.abs(x).toFixed(digits)
  const [whole, frac] = fixed.split(".")
  const sign = x < 0 && Number(fixed) !== 0 ? "-" : ""
  return sign + group(whole!) + (frac !== undefined ? "," + frac : "")
}

/** Danish puts a space before the per cent sign; a no-break one keeps "34,9 %" on one line. */
export const PERCENT_SIGN = "\u00a0%"

/** 0.34883 → "34,9 %" */
export const formatPercent = (share: number, digits = 1): string => `${formatDecimal(share * 100, digits)}${PERCENT_SIGN}`

/** Vega's number and time locale for Danish, so axes and tooltips format like the labels. */
export const daLocale = {
  number: { decimal: ",", thousands: ".", grouping: [3], currency: ["", " kr."] as [string, string], percent: PERCENT_SIGN },
  time: {
    dateTime: "%A den %d. %B %Y %X",
    date: "%d.%m.%Y",
    time: "%H:%M:%S",
    periods: ["AM", "PM"] as [string, string],
    days: ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"] as [string, string, string, string, string, string, string],
    shortDays: ["søn", "man", "tir", "ons", "tor", "fre", "lør"] as [string, string, string, string, string, string, string],
    months: ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"] as [string, string, string, string, string, string, string, string, string, string, string, string],
    shortMonths: ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"] as [string, string, string, string, string, string, string, string, string, string, string, string]
  }
}
