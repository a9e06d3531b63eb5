import { describe, expect, it } from "vitest"
import { formatDate, formatDecimal, formatInt, formatShare as formatPercent } from "@udsagn/danish/Format"
import { confidenceWord } from "../src/Confidence.js"
import { count, listAnd, xmlSafe } from "../src/Format.js"

describe("Danish formats", () => {
  it("writes shares as whole percent with a non-breaking space", () => {
    expect(formatPercent(0.384)).toBe("38\u00a0%")
    expect(formatPercent(1)).toBe("100\u00a0%")
    expect(formatPercent(0)).toBe("0\u00a0%")
    expect(formatPercent(0.003)).toBe("under 1\u00a0%")
  })

  it("uses decimal comma and dot as thousands separator", () => {
    expect(formatDecimal(0.8234, 2)).toBe("0,82")
    expect(formatDecimal(3.95, 1)).toBe("4,0")
    expect(formatInt(1234)).toBe("1.234")
  })

  it("writes dates and lists the Danish way", () => {
    expect(formatDate("2024-12-05")).toBe("5. december 2024")
    expect(formatDate("dengang")).toBe("dengang")
    expect(listAnd(["a", "b", "c"])).toBe("a, b og c")
    expect(listAnd(["a"])).toBe("a")
    expect(count(1, "tema", "temaer")).toBe("1 tema")
    expect(count(3, "tema", "temaer")).toBe("3 temaer")
  })
})

describe("xmlSafe", () => {
  it("drops characters XML cannot hold and keeps everything else", () => {
    expect(xmlSafe("a\u0001b\u0007c\u000Bd\uFFFEe\uD800f")).toBe("abcdef")
    expect(xmlSafe("tab\tlinje\nslut\r Æøå 🙂")).toBe("tab\tlinje\nslut\r Æøå 🙂")
  })
})

describe("confidenceWord", () => {
  it("says høj from 0.75, middel from 0.5, lav below", () => {
    expect([0.9, 0.75, 0.74, 0.5, 0.49].map(confidenceWord)).toEqual(["høj", "høj", "middel", "middel", "lav"])
  })
})
