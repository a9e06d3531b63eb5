// Start-up composition: npx tsx packages/categorize/scripts/startup.ts
const t0 = performance.now()
const { loadModel } = await import("./load.js")
const t1 = performance.now()
const { model, fromStore } = loadModel()
const t2 = performance.now()
model.categorizeText("Mere tid til den enkelte patient")
const t3 = performance.now()
console.log(`imports ${(t1 - t0).toFixed(0)} ms · read files + model (${fromStore ? "model.json" : "trained"}) ${(t2 - t1).toFixed(0)} ms · first statement ${(t3 - t2).toFixed(0)} ms`)
