// Parts of vega's runtime API its typings leave out.
import "vega"

declare module "vega" {
  interface TextMetricsItem {
    readonly fontSize?: number | string
    readonly fontWeight?: number | string
    readonly limit?: number
  }
  /** Text measurement used for layout; replaceable (vl-convert does the same). */
  export const textMetrics: {
    width: (item: TextMetricsItem, text: unknown) => number
  }
  /** Restart the counter behind SVG ids (`clip1`, `gradient1`), so output does not depend on earlier renders. */
  export function resetSVGDefIds(): void
  /** Log level constants from vega-util. */
  export const Error: number
}
