// Prints "<passed> <failed>" from a Vitest or Playwright JSON report.
import fs from "node:fs";

const report = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
if (report.stats && "expected" in report.stats) {
  // Playwright: expected = passed, unexpected = failed, flaky = passed on retry (counted as passed).
  const { expected, unexpected, flaky } = report.stats;
  console.log(`${expected + flaky} ${unexpected}`);
} else if ("numPassedTests" in report) {
  // Vitest (Jest-compatible JSON): a suite that failed to load counts as a failure too.
  const brokenSuites = (report.testResults ?? []).filter((s) => s.status === "failed" && s.assertionResults.length === 0).length;
  console.log(`${report.numPassedTests} ${report.numFailedTests + brokenSuites}`);
} else {
  process.exit(1);
}
