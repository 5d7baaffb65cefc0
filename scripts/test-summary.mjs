// Prints the closing line CI reads, "tests: N passed, N failed", from vitest's JSON report.
import { readFileSync } from 'node:fs'

const report = JSON.parse(readFileSync(new URL('../.tmp/vitest-report.json', import.meta.url), 'utf8'))
const skipped = report.numPendingTests + report.numTodoTests
console.log(`tests: ${String(report.numPassedTests)} passed, ${String(report.numFailedTests)} failed${skipped > 0 ? `, ${String(skipped)} skipped` : ''}`)
