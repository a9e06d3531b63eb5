import { CompoundSplitter } from "@udsagn/danish"
import { describe, expect, it } from "vitest"
import { Analyzer } from "../src/Analyzer.js"
import { talkTopicTokens } from "../src/TalkTopic.js"

const analyzer = new Analyzer(new CompoundSplitter([]))
const topic = (text: string) => {
  const tokens = analyzer.analyze(text)
  const span = talkTopicTokens(tokens)
  return tokens.filter((_, i) => span?.has(i)).map((t) => t.text).join(" ")
}

describe("talkTopicTokens", () => {
  it("is the topic of a talk, to the end of its clause", () => {
    expect(topic("Godt oplæg om brugerinddragelse")).toBe("brugerinddragelse")
    expect(topic("Oplægget i dag om animationer, det skal vi bruge")).toBe("animationer")
    expect(topic("great talk about health literacy")).toBe("health literacy")
  })

  it("stops at a contrast, and is nothing without a talk word", () => {
    expect(topic("Oplægget om tolkning var godt men vi mangler tolke")).toBe("tolkning var godt")
    expect(topic("Vi skal tale om brugerinddragelse")).toBe("")
  })
})

describe("Analyzer breaks", () => {
  it("marks clause and sentence breaks before a word", () => {
    expect(analyzer.analyze("Tak for i dag. Men, hvad nu - tid?").map((t) => t.brk)).toEqual([0, 0, 0, 0, 2, 1, 0, 1])
  })
})
