import { describe, expect, it } from "vitest"
import { danishDate, formatChange, formatDate, formatDecimal, formatInt, formatNumber, formatPercent, formatShare } from "../src/Format.js"
import { slugify } from "../src/Slug.js"

describe("Danish number formats", () => {
  it("uses a decimal comma and a thousands dot", () => {
    expect(formatInt(1234567)).toBe("1.234.567")
    expect(formatDecimal(1234.5, 2)).toBe("1.234,50")
    expect(formatNumber(1.96, 1)).toBe("2")
    expect(formatNumber(1.46, 1)).toBe("1,5")
  })

  it("writes a change with its sign, as Intl's signDisplay \"exceptZero\"", () => {
    const intl = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 1, signDisplay: "exceptZero" })
    for (const x of [2, -1.5, 0, -0.04, 0.04, 1234.56, -7]) expect(formatChange(x, 1)).toBe(intl.format(x))
  })

  it("rounds the number as written, half away from zero, as Intl does (never \"-0\")", () => {
    expect(formatPercent(23 / 80)).toBe("28,8\u00a0%")
    expect(formatPercent(3 / 40, 0)).toBe("8\u00a0%")
    expect(formatDecimal(1.005, 2)).toBe("1,01")
    expect(formatDecimal(-0.001, 2)).toBe("0,00")
    const intl = new Intl.NumberFormat("da-DK", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 })
    for (let k = 0; k <= 97; k++) expect(formatPercent(k / 97)).toBe(intl.format(k / 97))
  })

  it("says \"under 1 %\" for a share that would round to nothing", () => {
    expect(formatShare(0.003)).toBe("under 1\u00a0%")
    expect(formatShare(0)).toBe("0\u00a0%")
    expect(formatShare(0.349, 1)).toBe("34,9\u00a0%")
  })
})

describe("Danish dates and slugs", () => {
  it("writes ISO dates the Danish way", () => {
    expect(danishDate("2024-12-05")).toBe("5. december 2024")
    expect(danishDate("2024-13-05")).toBeUndefined()
    expect(formatDate("dengang")).toBe("dengang")
  })

  it("makes file-safe slugs cut at a word", () => {
    expect(slugify("Hvad gør Æblet på café?", 40, "x")).toBe("hvad-goer-aeblet-paa-cafe")
    expect(slugify("aaaa bbbb cccc", 10, "x")).toBe("aaaa-bbbb")
    expect(slugify("?!", 40, "spoergsmaal")).toBe("spoergsmaal")
  })
})
