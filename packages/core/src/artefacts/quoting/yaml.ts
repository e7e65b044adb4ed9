/**
 * YAML double-quoted scalars written the JSON way. The escapes used (`\"`, `\\`, `\n`, `\r`,
 * `\t`, `\uXXXX`) mean the same in YAML 1.1 and 1.2 (https://yaml.org/spec/1.2.2/#57-escaped-characters),
 * the value always stays on one line, so no folding or indentation rule can touch it, and the
 * parsed string is exactly the input. Every string in a generated template goes through here.
 */
import { INVISIBLE_CHARACTERS, hasLoneSurrogate, unicodeEscape } from './invisible';

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** A double-quoted YAML scalar whose value is exactly `value`. */
export function yamlString(value: string): string {
  if (hasLoneSurrogate(value)) {
    throw new RangeError('YAML cannot carry a lone UTF-16 surrogate.');
  }
  const escaped = value
    .replace(/["\\]/g, (character) => SHORT_ESCAPES[character] ?? character)
    .replace(
      INVISIBLE_CHARACTERS,
      (character) => SHORT_ESCAPES[character] ?? unicodeEscape(character, 'long'),
    );
  return `"${escaped}"`;
}
