import type { Action, RecommendationsDraft } from "@udsagn/domain"
import { xmlSafe } from "./Format.js"
import { notesDocx } from "./RecommendationNotes.js"
import { noOtherActionsText, supportText, topicLead } from "./Recommendations.js"
import { type FileNames, namesOnDisk } from "./FileNames.js"
import { AlignmentType, Document, Footer, Header, HeadingLevel, Packer, PageNumber, Paragraph, TextRun } from "docx"

// Word's own heading styles (Heading1/2), so the navigation pane and a table of contents work
// when the administration edits the draft.

// Every string of the draft, with characters XML cannot hold removed.
const cleanDraft = (draft: RecommendationsDraft): RecommendationsDraft =>
  JSON.parse(JSON.stringify(draft, (_key, value: unknown) => (typeof value === "string" ? xmlSafe(value) : value)))

const para = (text: string) => new Paragraph({ children: [new TextRun(text)], spacing: { after: 120 } })
const heading1 = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_1, spacing: { before: 360, after: 120 } })
const heading2 = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 80 } })
const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 } })

const actionLine = (a: Action, level = 0) => new Paragraph({ text: `${a.text} (${supportText(a)})`, bullet: { level } })

const draftMark = () =>
  new Paragraph({
    alignment: AlignmentType.RIGHT,
    children: [new TextRun({ text: "UDKAST", bold: true, color: "B00020" })]
  })

export const recommendationsDocx = async (unsafe: RecommendationsDraft, names: FileNames = namesOnDisk): Promise<Uint8Array> => {
  const draft = cleanDraft(unsafe)
  const children: Array<Paragraph> = [
    new Paragraph({ text: "UDKAST: Anbefalinger til sundhedsrådene", heading: HeadingLevel.TITLE }),
    new Paragraph({
      children: [
        new TextRun({ text: "UDKAST", bold: true, color: "B00020" }),
        new TextRun(" – dannet automatisk ud fra deltagernes udsagn. Administrationen skal gennemskrive teksten, før den bruges.")
      ],
      spacing: { after: 120 }
    }),
    para(`Konference: ${draft.event}`),
    para(`Grundlag: ${draft.generatedFrom}`),
    para(`Tallene i parentes som (s0012) er udsagnenes id'er; de står i ${names.statementsXlsx} og i rapporten.`)
  ]
  draft.recommendations.forEach((r, i) => {
    children.push(heading1(`${i + 1}. ${r.themeLabel}`))
    children.push(new Paragraph({ children: [new TextRun({ text: r.headline, bold: true })], spacing: { after: 120 } }))
    children.push(heading2("Begrundelse"), para(r.rationale))
    if (r.quotes.length > 0) {
      children.push(heading2("Det sagde deltagerne"))
      for (const q of r.quotes) {
        children.push(
          new Paragraph({
            indent: { left: 567 },
            spacing: { after: 120 },
            children: [
              new TextRun({ text: `»${q.text}«`, italics: true }),
              new TextRun({ text: ` (${q.statementId}, ${q.question})`, color: "555555" })
            ]
          })
        )
      }
    }
    if (r.topics.length > 0) {
      children.push(heading2("Anbefalinger pr. emne"))
      children.push(para("Deltagernes egne forslag, samlet pr. emne i temaet; mest foreslået først."))
      r.topics.forEach((t, j) => {
        children.push(new Paragraph({ children: [new TextRun({ text: `${j + 1}. ${topicLead(t)}`, bold: true })], spacing: { before: 120, after: 60 } }))
        children.push(...t.proposals.map((a) => actionLine(a)))
      })
    } else {
      const other = r.actions.filter((a) => !a.lowHangingFruit)
      children.push(heading2("Forslag til handlinger"))
      if (other.length === 0) children.push(para(noOtherActionsText(r)))
      children.push(...other.map((a) => actionLine(a)))
    }
    children.push(heading2("Lavthængende frugter"))
    if (r.lowHangingFruit.length === 0) children.push(para("Ingen af udsagnene peger på en enkel handling."))
    children.push(...r.lowHangingFruit.map((a) => actionLine(a)))
  })
  children.push(...notesDocx(draft))
  children.push(heading1("Til drøftelse i udvalget"), ...draft.discussion.map(bullet))

  const doc = new Document({
    creator: "udsagn",
    title: "UDKAST: Anbefalinger til sundhedsrådene",
    description: draft.event,
    styles: { default: { document: { run: { font: "Calibri", size: 22 } } } },
    sections: [
      {
        headers: { default: new Header({ children: [draftMark()] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ["UDKAST – side ", PageNumber.CURRENT] })]
              })
            ]
          })
        },
        children
      }
    ]
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}
