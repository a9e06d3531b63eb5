import { describe, expect, it } from "vitest"
import { Either } from "effect"
import { isoDate, numberOf, parseSessionSheet, readMentiWorkbook, splitHeader, UNTITLED } from "../src/MentiWorkbook.js"

describe("splitHeader", () => {
  it("splits at the last \": \" without known titles", () => {
    expect(splitHeader("Hvad tager du med hjem fra i dag?: 1", [])).toEqual({ title: "Hvad tager du med hjem fra i dag?", sub: "1" })
    expect(splitHeader("Beskriv dagen med ét ord:", [])).toEqual({ title: "Beskriv dagen med ét ord", sub: "" })
    expect(splitHeader("Tema: tid:", [])).toEqual({ title: "Tema: tid", sub: "" })
    expect(splitHeader("Hvor enig er du?: Vi har tid", [])).toEqual({ title: "Hvor enig er du?", sub: "Vi har tid" })
  })

  it("prefers the longest known title, so sub-labels may contain \": \" too", () => {
    const known = ["Tema", "Tema: tid og ressourcer"]
    expect(splitHeader("Tema: tid og ressourcer: Ledelsen bakker op: altid", known)).toEqual({
      title: "Tema: tid og ressourcer",
      sub: "Ledelsen bakker op: altid"
    })
    expect(splitHeader("Tema:  tid og  ressourcer:", known)).toEqual({ title: "Tema: tid og ressourcer", sub: "" })
  })
})

describe("cell values", () => {
  it("numbers as numbers, text or 1.0", () => {
    expect([3, "3", "1.0", " 2.0 ", "2,5", "", "tre", undefined].map(numberOf)).toEqual([3, 3, 1, 2, 2.5, undefined, undefined, undefined])
  })
  it("dates as text, with time, Danish order or Excel serials", () => {
    expect([
      "2024-12-05",
      "2024-12-05 10:31:22",
      "5-12-2024",
      "05.12.2024",
      45631,
      "i går",
      12
    ].map(isoDate)).toEqual(["2024-12-05", "2024-12-05", "2024-12-05", "2024-12-05", "2024-12-05", undefined, undefined])
  })
})

describe("Session sheets", () => {
  it("reads blocks, tables and 'No votes'", () => {
    const blocks = parseSessionSheet({
      name: "Session 3",
      rows: [
        ["Slide 1"], ["Date", "2024-12-05"], ["Session", "3.0"], ["Type", "slide"], ["Title", "Instructions"], ["Respondents", 5], [],
        ["No votes for this session"], [], [],
        ["Question 2"], ["Date (UTC)", "2024-12-05"], ["Type", "choices"], ["Question", "Hvor  arbejder du? "], ["Respondents", "4.0"], [],
        ["Choices", "Votes"], ["Region", 3], ["Kommune", "1.0"]
      ]
    })
    expect(blocks.map((b) => [b.type, b.title, b.session, b.respondents, b.date, b.table.length])).toEqual([
      ["slide", "Instructions", 3, 5, "2024-12-05", 0],
      ["choices", "Hvor arbejder du?", 3, 4, "2024-12-05", 2]
    ])
  })

  it("an untitled open slide still gets a question", () => {
    const r = readMentiWorkbook({
      sheets: [
        { name: "Voters", rows: [["Date", "Session", "Voter", ": 1", "Upvotes"], ["2024-12-05", 1, 1, "Mere tid", 2]] },
        { name: "Session 1", rows: [["Question 1"], ["Type", "open"], ["Question", ""], [], ["Responses", "Upvotes"], ["Mere tid", 2]] }
      ]
    })
    expect(Either.getOrThrow(r).entries.map((e) => [e.question, e.raw, e.upvotes])).toEqual([[UNTITLED, "Mere tid", 2]])
  })

  it("a response in a Session sheet without a voter row is read from there, not lost or doubled", () => {
    const r = readMentiWorkbook({
      sheets: [
        {
          name: "Voters",
          rows: [
            ["Note"], [],
            ["Date", "Session", "Voter", "Hvad virker?: 1", "Upvotes", "Ét ord:"],
            ["2024-12-05", 1, 1, "Mere  tid", 2, "Ro Klart_sprog"],
            ["2024-12-05", 1, 2, "Tolke", 0]
          ]
        },
        {
          name: "Session 1",
          rows: [
            ["Question 1"], ["Session", 1], ["Type", "open"], ["Question", "Hvad virker?"], [],
            ["Responses", "Upvotes"], ["Mere tid", 2], ["Tolke", 0], ["Tolke", 1], [], [],
            ["Question 2"], ["Session", 1], ["Type", "wordcloud"], ["Question", "Ét ord"], [],
            ["Responses"], ["Ro Klart_sprog"], ["Nærvær"]
          ]
        }
      ]
    })
    expect(Either.getOrThrow(r).entries.map((e) => [e.questionType, e.raw, e.participant ?? null, e.source.sheet, e.source.row])).toEqual([
      ["open", "Mere  tid", "1:1", "Voters", 4],
      ["open", "Tolke", "1:2", "Voters", 5],
      ["wordcloud", "Ro", "1:1", "Voters", 4],
      ["wordcloud", "Klart sprog", "1:1", "Voters", 4],
      ["open", "Tolke", null, "Session 1", 9],
      ["wordcloud", "Nærvær", null, "Session 1", 19]
    ])
  })
})
