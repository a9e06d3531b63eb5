import { defineConfig } from "vitest/config"

// One root config; each package is a project so `vitest run --project ingest` works.
const pkgs = ["domain", "danish", "ingest", "categorize", "aggregate", "charts", "report", "cli", "web"]

export default defineConfig({
  test: {
    projects: [
      ...pkgs.map((name) => ({
        test: { name, root: `./packages/${name}`, include: ["test/**/*.test.ts"] }
      })),
      {
        test: {
          name: "conference-feedback",
          root: "./pipelines/conference-feedback",
          include: ["test/**/*.test.ts"],
          testTimeout: 60_000
        }
      },
      { test: { name: "e2e", root: "./test", include: ["**/*.test.ts"], exclude: ["node_modules/**"], testTimeout: 120_000, hookTimeout: 120_000 } }
    ]
  }
})
