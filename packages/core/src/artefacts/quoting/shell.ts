/**
 * POSIX shell single quoting. Inside single quotes every character is literal (`$`, backticks,
 * `"`, `\`, `!`, newlines); a single quote cannot appear, so each one is written `\'` between
 * two quoted runs: `it's` is `'it'\''s'`. See POSIX.1-2024 XCU 2.2.2
 * (https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html) and the bash
 * manual, "Single Quotes". Double quotes are never used for user text: bash still performs
 * history expansion (`!`) inside them in interactive shells.
 *
 * A quoted run never ends in a backslash: `'it\'\''s'` means `it\'s` to bash, but reads as an
 * attempt to escape a quote inside single quotes, which ShellCheck reports (SC1003,
 * https://www.shellcheck.net/wiki/SC1003). Backslashes at the end of a run are written `\\`
 * after it instead, so `it\'s` is `'it'\\\''s'`.
 */
import { hasLoneSurrogate } from './invisible';

/** One run between single quotes of the value, quoted, its trailing backslashes escaped. */
function quoteRun(run: string): string {
  const body = run.replace(/\\+$/, '');
  const trailing = run.length - body.length;
  return (body === '' ? '' : `'${body}'`) + '\\\\'.repeat(trailing);
}

/** Quotes `value` as one shell word whose value is exactly `value`. */
export function shellQuote(value: string): string {
  // A shell word is a C string: a NUL byte would end it early.
  if (value.includes('\u0000')) {
    throw new RangeError('A shell word cannot contain a NUL character.');
  }
  if (hasLoneSurrogate(value)) {
    throw new RangeError('A shell word cannot contain a lone UTF-16 surrogate.');
  }
  if (value === '') return "''";
  return value.split("'").map(quoteRun).join("\\'");
}
