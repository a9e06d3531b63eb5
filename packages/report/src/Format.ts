// Danish number and date formats: decimal comma, "38 %", "5. december 2024".
const intFormat = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 0 })
const percentFormats = [0, 1].map((digits) =>
  new Intl.NumberFormat("da-DK", { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits })
)
const decimalFormat = (digits: number) =>
  new Intl.NumberFormat("da-DK", { minimumFractionDigits: digits, maximumFractionDigits: digits })

export const formatInt = (n: number): string => intFormat.format(n)

/**
 * A share 0..1 as "38 %" (non-breaking space, as Danish typography wants); `digits = 1` gives
 * "38,2 %", as the charts label their bars, for tables printed under a chart.
 */
export const formatPercent = (share: number, digits: 0 | 1 = 0): string => {
  // Below 1 % but above 0 would round to "0 %" and read as "nobody".
  if (share > 0 && share < 0.005) return "under 1\u00a0%"
  return percentFormats[digits]!.format(share)
}

export const formatDecimal = (n: number, digits = 2): string => decimalFormat(digits).format(n)

const MONTHS = [
  "januar", "februar", "marts", "april", "maj", "juni",
  "juli", "august", "september", "oktober", "november", "december"
]

/** ISO `YYYY-MM-DD` as "5. december 2024"; anything else is returned as given. */
export const formatDate = (iso: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (!m) return iso
  const month = MONTHS[Number(m[2]) - 1]
  return month ? `${Number(m[3])}. ${month} ${m[1]}` : iso
}

/** "1 udsagn", "2 udsagn"; "1 tema", "3 temaer". */
export const count = (n: number, singular: string, plural: string): string =>
  `${formatInt(n)} ${n === 1 ? singular : plural}`

/** "a", "a og b", "a, b og c". */
export const listAnd = (items: ReadonlyArray<string>): string => {
  if (items.length <= 1) return items.join("")
  return `${items.slice(0, -1).join(", ")} og ${items[items.length - 1]}`
}

/** Confidence 0..1 in words a politician can read. */
export const confidenceWord = (c: number): string => (c >= 0.75 ? "høj" : c >= 0.5 ? "middel" : "lav")

/** Danish quotation marks. */
export const quoted = (text: string): string => `»${text}«`

/**
 * Characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/U+FFFF). One of
 * them in a docx or xlsx makes Word or Excel refuse the whole file, so they are dropped.
 */
export const xmlSafe = (text: string): string =>
  text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
