// Danish numbers and dates on the pages (Copenhagen time for upload times; conference dates are days).

const pct = new Intl.NumberFormat("da-DK", { style: "percent", maximumFractionDigits: 0 })
export const pp = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 1, signDisplay: "exceptZero" })
const when = new Intl.DateTimeFormat("da-DK", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Copenhagen" })
const day = new Intl.DateTimeFormat("da-DK", { dateStyle: "long", timeZone: "UTC" })

export const formatShare = (share: number) => pct.format(share)
export const formatWhen = (iso: string) => {
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : when.format(d)
}
export const formatDay = (iso: string | undefined) => {
  if (iso === undefined) return undefined
  const d = new Date(`${iso}T00:00:00Z`)
  return Number.isNaN(d.getTime()) ? iso : day.format(d)
}
