import { MONTHS, PERCENT_SIGN, SHORT_MONTHS, SHORT_WEEKDAYS, WEEKDAYS } from "@udsagn/danish/Format"

type Twelve = [string, string, string, string, string, string, string, string, string, string, string, string]
type Seven = [string, string, string, string, string, string, string]

/** Vega's number and time locale for Danish, so axes and tooltips format like the labels. */
export const daLocale = {
  number: { decimal: ",", thousands: ".", grouping: [3], currency: ["", " kr."] as [string, string], percent: PERCENT_SIGN },
  time: {
    dateTime: "%A den %d. %B %Y %X",
    date: "%d.%m.%Y",
    time: "%H:%M:%S",
    periods: ["AM", "PM"] as [string, string],
    days: [...WEEKDAYS] as Seven,
    shortDays: [...SHORT_WEEKDAYS] as Seven,
    months: [...MONTHS] as Twelve,
    shortMonths: [...SHORT_MONTHS] as Twelve
  }
}
