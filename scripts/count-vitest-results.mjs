// Prints "<passed> <failed>" from vitest's JSON report, for scripts/test-all.sh.
// A file that fails before its tests run (an import error) has no failed test of its own, so it
// counts as one failure; so does a failing run whose report shows no failure at all (an
// unhandled error), and a run that wrote no report.
import { existsSync, readFileSync } from 'node:fs';

const [file, exitCode] = process.argv.slice(2);

if (!existsSync(file)) {
  process.stdout.write('0 1\n');
} else {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  let failed = report.numFailedTests;
  for (const result of report.testResults) {
    const failedInside = result.assertionResults.some((test) => test.status === 'failed');
    if (result.status === 'failed' && !failedInside) failed += 1;
  }
  if (Number(exitCode) !== 0 && failed === 0) failed = 1;
  process.stdout.write(`${report.numPassedTests} ${failed}\n`);
}
