import type { ChartSpec } from "./ChartKit.js"

// The finishing touches of a drawn chart's SVG, shared by the renderer and its thread.

export const escapeXml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")

/**
 * Ready the SVG for inlining in a report next to other charts:
 * - `role="img"` with the description as `aria-label`, plus `<title>` and `<desc>`, so screen
 *   readers read one sentence instead of vega's per-mark labels (vega only sets the label on
 *   a live view's container, not in `toSVG`);
 * - ids (vega's `clip1`, `gradient1`, …) prefixed with the chart name, since every chart starts
 *   at 1 and ids must be unique in one HTML page.
 */
export const finishSvg = (svg: string, chart: Pick<ChartSpec, "name" | "title" | "description">): string => {
  const prefix = `udsagn-${chart.name}-`
  return svg
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${prefix}${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}${id})`)
    .replace(/\b(xlink:href|href)="#([^"]+)"/g, (_, attr: string, id: string) => `${attr}="#${prefix}${id}"`)
    .replace(
      /^<svg\b([^>]*)>/,
      (_, attrs: string) =>
        `<svg${attrs} role="img" aria-label="${escapeXml(chart.description)}">` +
        `<title>${escapeXml(chart.title)}</title><desc>${escapeXml(chart.description)}</desc>`
    )
}

