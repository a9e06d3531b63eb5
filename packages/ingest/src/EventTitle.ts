// A report title from the export's file name: "menti-konference-2024-12-05.xlsx" →
// "Konference 5. december 2024". Tool words (menti, export, results …) and generic upload
// names are dropped.
import { danishDate } from "@udsagn/danish/Format"

// Tool words, and the generic names servers and browsers give uploads ("input.xlsx").
const NOISE = new Set([
  "menti", "mentimeter", "export", "eksport", "results", "resultater", "result", "data", "final", "copy", "kopi",
  "input", "upload", "uploaded", "fil", "file", "download", "untitled", "unavngivet", "ny", "new"
])

export const DEFAULT_TITLE = "Konference"

/** Title from the file name; when the name has no date, the first answer's date (if known) is added. */
export const eventTitle = (fileName: string, firstDate?: string): string => {
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
  date ??= firstDate !== undefined ? danishDate(firstDate) : undefined
  return date !== undefined ? `${title} ${date}` : title
}
