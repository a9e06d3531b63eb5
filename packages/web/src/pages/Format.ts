// Danish numbers and dates on the pages, through danish's one formatter. Only the upload time
// stays on Intl: it is a moment shown in Copenhagen time, which needs time-zone data.
import { formatChange, formatDate, formatPercent } from "@udsagn/danish/Format"

const when = new Intl.DateTimeFormat("da-DK", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Copenhagen" })

export const formatShare = (share: number) => formatPercent(share, 0)
/** A signed change ("+3", "−1,5", "0"). */
export const formatDifference = (x: number) => formatChange(x, 1)
export const formatWhen = (iso: string) => {
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : when.format(d)
}
export const formatDay = (iso: string | undefined) => (iso === undefined ? undefined : formatDate(iso))
