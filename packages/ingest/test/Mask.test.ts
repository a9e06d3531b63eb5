import { describe, expect, it } from "vitest"
import { emptyCounts, maskPersonalData } from "../src/Mask.js"

describe("maskPersonalData", () => {
  it.each([
    ["CPR 010203-1234 her", "CPR [CPR] her", { cpr: 1, phone: 0, email: 0 }],
    ["cpr 0102031234.", "cpr [CPR].", { cpr: 1, phone: 0, email: 0 }],
    ["310199 1234", "[CPR]", { cpr: 1, phone: 0, email: 0 }],
    ["ring 87 65 43 21", "ring [telefon]", { cpr: 0, phone: 1, email: 0 }],
    ["ring +45 12 34 56 78 nu", "ring [telefon] nu", { cpr: 0, phone: 1, email: 0 }],
    ["tlf. 12345678", "tlf. [telefon]", { cpr: 0, phone: 1, email: 0 }],
    ["tlf 0045 2345 6789", "tlf [telefon]", { cpr: 0, phone: 1, email: 0 }],
    ["(+45) 23-45-67-89", "[telefon]", { cpr: 0, phone: 1, email: 0 }],
    ["skriv til karen.jensen@example.dk i dag", "skriv til [e-mail] i dag", { cpr: 0, phone: 0, email: 1 }],
    ["Spørg @maren_lund på Teams", "Spørg [brugernavn] på Teams", { handle: 1 }],
    ["æbleø.ståhl@region.dk", "[e-mail]", { cpr: 0, phone: 0, email: 1 }],
    ["mail tove@regionmidt.", "mail [e-mail].", { cpr: 0, phone: 0, email: 1 }],
    // A spreadsheet function is not a handle.
    ["=HYPERLINK(A1) @SUM(A1)", "=HYPERLINK(A1) @SUM(A1)", {}]
  ])("masks %j", (input, expected, counts) => {
    const out = maskPersonalData(input)
    expect(out.text).toBe(expected)
    expect(out.counts).toEqual({ ...emptyCounts, ...counts })
  })

  // Spellings that slipped through before: separators, look-alike digits and invisible characters.
  it.each([
    "010190-1109", "0101901109", "010190 1109", "010190 - 1109", "010190\u20131109", "010190\u20141109", "01.01.90-1109",
    "01 01 90 1109", "010190/1109", "01-01-90-1109", "010190.1109", "010190 -1109", "01.01.90 1109",
    "\uff10\uff11\uff10\uff11\uff19\uff10\uff0d\uff11\uff11\uff10\uff19", "010190\u00a01109", "0101\u200b90-1109",
    "01019\u200d0-1109", "010190\u00ad-1109", "\u0660\u0661\u0660\u0661\u0669\u0660\u0661\u0661\u0660\u0669",
    "290296-1234"
  ])("masks the CPR spelling %j as CPR", (input) => {
    const out = maskPersonalData(`CPR ${input} her`)
    expect(out.text).toBe("CPR [CPR] her")
    expect(out.counts).toEqual({ ...emptyCounts, cpr: 1 })
  })

  it.each(["310299-1234", "320190-1234", "011390-1234"])("does not take %j (no such date) for a CPR number", (input) => {
    expect(maskPersonalData(input).counts.cpr).toBe(0)
  })

  it.each([
    "12 34 56 78", "12-34-56-78", "12.34.56.78", "1234 5678", "12 34 5678", "+45 12345678", "0045 12 34 56 78",
    "(+45) 12 34 56 78", "12\u00a034\u00a056\u00a078", "\uff11\uff12 \uff13\uff14 \uff15\uff16 \uff17\uff18",
    "12\u200b34\u200b56\u200b78", "+45\u202f12\u202f34\u202f56\u202f78", "12\u201334\u201356\u201378",
    "+380 67 123 45 67", "067-123-45-67", "(067) 123-45-67", "0671234567", "+44 20 7946 0958", "+1 (555) 123-4567",
    "00380671234567"
  ])("masks the phone spelling %j as a phone number", (input) => {
    const out = maskPersonalData(`ring ${input} i dag`)
    expect(out.text).toBe("ring [telefon] i dag")
    expect(out.counts).toEqual({ ...emptyCounts, phone: 1 })
  })

  it.each([
    ["hanne.holm (at) example.dk", "email"], ["hanne [at] example [dot] dk", "email"], ["hanne snabel-a example.dk", "email"],
    ["hanne @ example.dk", "email"], ["hanne\uff20example.dk", "email"],
    ["@sundhedsteamet", "handle"], ["https://www.instagram.com/hanne.holm/", "profile"], ["facebook.com/hanne.holm.7", "profile"],
    ["tiktok.com/@hanne", "profile"], ["https://x.com/hanneholm", "profile"]
  ] as const)("masks %j as %s", (input, kind) => {
    const out = maskPersonalData(`skriv til ${input} i dag`)
    expect(out.text).not.toContain("hanne")
    expect(out.counts).toEqual({ ...emptyCounts, [kind]: 1 })
  })

  it.each([
    "Vi er 2 paa hele teamet",
    "fra 2024 2025 og frem",
    "perioden 2023-2024",
    "10.000.000 kr. til projektet",
    "123456789 er ikke et telefonnummer",
    "dato 32132112345 er ikke CPR",
    "kl. 12.30 - 14.00",
    "Top 10 af de 25 breve",
    "hjemmeside sundhed.dk og e-Boks",
    "vi mødes @ kantinen kl. 12",
    "det koster 1500-2000 kr. pr. borger",
    "åbent 0800-1600 på hverdage",
    "3000-4000 ansatte i regionen",
    "ca. 2500 3000 borgere",
    "konferencen den 05.12.2024 kl. 10",
    "menti-konference-2024-12-05.xlsx",
    "eksport 20241205",
    "mødet 05-12-2024",
    "05122024",
    "1-2 gange om ugen",
    "Skriv til os (at) kontoret",
    "Hver 3. dansker"
  ])("leaves %j alone", (input) => {
    const out = maskPersonalData(input)
    expect(out.text).toBe(input)
    expect(out.counts).toEqual(emptyCounts)
  })

  it("keeps an en dash in prose and the ZWJ of an emoji: only number runs are normalized", () => {
    const text = "Klart sprog \u2013 ikke fagsprog \ud83d\udc69\u200d\u2695\ufe0f"
    expect(maskPersonalData(text).text).toBe(text)
  })

  it("masks several kinds in one text and counts each", () => {
    const out = maskPersonalData("Ring til mig på +45 12 34 56 78 eller skriv til karen.jensen@example.dk, CPR 010203-1234")
    expect(out.text).toBe("Ring til mig på [telefon] eller skriv til [e-mail], CPR [CPR]")
    expect(out.counts).toEqual({ ...emptyCounts, cpr: 1, phone: 1, email: 1 })
  })

  it("takes linear time on long digit runs (a 300,000-digit token, a long run of separators)", () => {
    const started = Date.now()
    for (const blob of ["1".repeat(300_000), "0".repeat(300_000), "+" + "1 ".repeat(100_000), "a@".repeat(100_000)]) {
      maskPersonalData(blob)
    }
    expect(Date.now() - started).toBeLessThan(3_000)
  })

  it("takes linear time on a long run without spaces (a pasted blob must not hang the run)", () => {
    // Quadratic matching took about 1.5 s for 40,000 characters, so minutes for this.
    const blob = "a".repeat(400_000)
    const started = Date.now()
    const out = maskPersonalData(`${blob} skriv til karen.jensen@example.dk`)
    expect(Date.now() - started).toBeLessThan(3_000)
    expect(out.text).toBe(`${blob} skriv til [e-mail]`)
    expect(maskPersonalData(`${"b".repeat(50)}@example.dk`).text).toBe("[e-mail]")
  })
})
