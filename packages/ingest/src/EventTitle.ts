// A report title from the export's file name: "menti-konference-2024-12-05.xlsx" →
// "Konference 5. december 2024". Tool words (menti, export, results …) are dropped.

const MONTHS = [
  "januar", "februar", "marts", "april", "maj", "juni",
  "juli", "august", "september", "oktober", "november", "december"
]
const NOISE = new Set(["menti", "mentimeter", "export", "eksport", "results", "resultater", "result", "data", "final", "copy", "kopi"])

export const DEFAULT_TITLE = "Konference"

export const danishDate = (iso: string): string | undefined => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) return undefined
  const month = MONTHS[Number(m[2]) - 1]
  const day = Number(m[3])
  return month && day >= 1 && day <= 31 ? `${day}. ${month} ${m[1]}` : undefined
}

export const eventTitle = (fileName: string): string => {
  const stem = fileName.replace(/\.[^.]+$/, "")
  let date: string | undefined
  const rest = stem.replace(/(\d{4})[-_.](\d{2})[-_.](\d{2})/, (whole, y: string, mo: string, d: string) => {
    date = danishDate(`${y}-${mo}-${d}`)
    return date === undefined ? whole : " "
  })
  const words = rest
    .split(/[\s_\-.()[\]]+/)
    .filter((w) => w.length > 0 && !NOISE.has(w.toLowerCase()))
  let title = words.join(" ").trim()
  if (title === "" || /^\d+$/.test(title)) title = DEFAULT_TITLE
  title = title.charAt(0).toLocaleUpperCase("da") + title.slice(1)
  return date !== undefined ? `${title} ${date}` : title
}
