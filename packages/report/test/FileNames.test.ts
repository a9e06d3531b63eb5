import { describe, expect, it } from "vitest"
import { downloadName, downloadNames, namesOnDisk } from "../src/FileNames.js"
import { buildRecommendations, recommendationsMarkdown } from "../src/Recommendations.js"
import { renderReportHtml } from "../src/ReportHtml.js"
import { reviewStatements, uncertainPlacement } from "../src/ReportModel.js"
import { sampleFixture, simpleCharts } from "./fixtures.js"

// One truth: the report and the drafts name the files a person actually has (the web app's
// download names, or the names on disk), and count the uncertain statements as the web page does.

describe("file names in the report and the drafts", () => {
  const { result, summary } = sampleFixture()
  const draft = buildRecommendations(result, summary)

  it("are the web app's download names when given", () => {
    const names = downloadNames("Konference 5. december 2024")
    expect(names).toEqual({
      statementsXlsx: "udsagn-konference-5-december-2024.xlsx",
      recommendationsDocx: "anbefalinger-konference-5-december-2024.docx"
    })
    expect(downloadName("Konference 5. december 2024", "report.html")).toBe("rapport-konference-5-december-2024.html")
    const page = renderReportHtml({ result, summary, charts: simpleCharts(summary), draft, fileNames: names })
    expect(page).toContain("regnearket udsagn-konference-5-december-2024.xlsx")
    expect(page).toContain("anbefalinger-konference-5-december-2024.docx")
    expect(page).not.toContain("statements.xlsx")
    const md = recommendationsMarkdown(draft, names)
    expect(md).toContain("udsagn-konference-5-december-2024.xlsx")
    expect(md).not.toContain("statements.xlsx")
  })

  it("are the names on disk otherwise (the CLI's folder)", () => {
    const page = renderReportHtml({ result, summary, charts: simpleCharts(summary), draft })
    expect(page).toContain(`regnearket ${namesOnDisk.statementsXlsx}`)
    expect(recommendationsMarkdown(draft)).toContain("statements.xlsx")
  })

  it("count 'usikkert placeret' as the flagged statements that have a theme, in the report and the draft", () => {
    const uncertain = result.statements.filter(uncertainPlacement).length
    expect(uncertain).toBeGreaterThan(0)
    expect(uncertain).toBeLessThan(reviewStatements(result, summary).length)
    const page = renderReportHtml({ result, summary, charts: simpleCharts(summary), draft })
    expect(page).toContain(`Usikkert placeret: ${uncertain} udsagn`)
    expect(recommendationsMarkdown(draft)).toContain(`${uncertain} udsagn er placeret med lav sikkerhed`)
  })
})
