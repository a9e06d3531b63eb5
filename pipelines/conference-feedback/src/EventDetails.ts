import { EventInfo } from "@udsagn/domain/Analysis"

/** The longest title a person may give an analysis (it heads the report and names the files). */
export const maxTitleLength = 200

/** One line of title text: control characters and runs of whitespace to one space, trimmed, cut. */
export const cleanTitle = (title: string): string =>
  title.normalize("NFC").replace(/[\u0000-\u001f\u007f-\u009f\s]+/gu, " ").trim().slice(0, maxTitleLength).trim()

/** A real calendar date written YYYY-MM-DD (2024-02-30 is not one). */
export const isIsoDate = (date: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (m === null) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const at = new Date(Date.UTC(y, mo - 1, d))
  return y >= 1900 && at.getUTCFullYear() === y && at.getUTCMonth() === mo - 1 && at.getUTCDate() === d
}

/** The one Danish line for a date that is not YYYY-MM-DD. */
export const badDateMessage = (date: string) =>
  `Datoen »${date.slice(0, 40)}« kan ikke bruges. Skriv den som ÅÅÅÅ-MM-DD, fx 2024-12-05.`

/** The export's event with the title and date a person gave (blank: the export's own). */
export const eventWith = (
  event: EventInfo,
  given: { readonly title?: string | undefined; readonly date?: string | undefined }
): EventInfo => {
  const title = given.title === undefined ? "" : cleanTitle(given.title)
  const date = given.date?.trim() ?? ""
  if (title === "" && date === "") return event
  return new EventInfo({
    ...event,
    ...(title !== "" ? { title } : {}),
    ...(date !== "" ? { date } : {})
  })
}
