// An integrator's app: imports the package by name, as a bundler resolves it from node_modules,
// assesses the worked example and puts what it got on the document for the test to read.
import { assess, assessJson, catalogue, patentKey, version } from "patent-intensive";
import { exampleText } from "./example.js";

const report = assess(JSON.parse(exampleText));
document.documentElement.dataset.result = JSON.stringify({
  version: version(),
  verdicts: report.products.map((p) => [p.id, p.verdict]),
  failed: report.products.flatMap((p) => p.criteria.filter((c) => c.verdict === "fail").map((c) => `${p.id} ${c.id}`)),
  reportJson: assessJson(exampleText),
  criteria: catalogue().criteria.length,
  key: patentKey("ZL 2020 1 0566088.9"),
});
