export * from "./ChartRenderer.js"
export * from "./ChartSpecs.js"
export * from "./VegaLocale.js"
