/**
 * POSIX shell single quoting. Inside single quotes every character is literal (`$`, backticks,
 * `"`, `\`, `!`, newlines); a single quote cannot appear, so each one is written `'\''`: close
 * the quote, an escaped quote, reopen. See POSIX.1-2024 XCU 2.2.2
 * (https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html) and the bash
 * manual, "Single Quotes". Double quotes are never used for user text: bash still performs
 * history expansion (`!`) inside them in interactive shells.
 */
import { hasLoneSurrogate } from './invisible';

/** Quotes `value` as one shell word whose value is exactly `value`. */
export function shellQuote(value: string): string {
  // A shell word is a C string: a NUL byte would end it early.
  if (value.includes('\u0000')) {
    throw new RangeError('A shell word cannot contain a NUL character.');
  }
  if (hasLoneSurrogate(value)) {
    throw new RangeError('A shell word cannot contain a lone UTF-16 surrogate.');
  }
  return `'${value.replaceAll("'", () => "'\\''")}'`;
}
