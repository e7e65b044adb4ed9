/**
 * Compact JSON (RFC 8259) for values handed to the AWS CLI as one argument, such as
 * `--parameters` and `--deployment-targets`. Same as `JSON.stringify`, except that invisible
 * and reordering characters are written as `\u` escapes, which JSON decodes to the same string.
 */
import { INVISIBLE_CHARACTERS, hasLoneSurrogate, unicodeEscape } from './invisible';

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** A JSON string literal whose decoded value is exactly `value`. */
export function jsonString(value: string): string {
  if (hasLoneSurrogate(value)) {
    throw new RangeError('JSON text cannot carry a lone UTF-16 surrogate exactly.');
  }
  const escaped = value
    .replace(/["\\]/g, (character) => SHORT_ESCAPES[character] ?? character)
    .replace(
      INVISIBLE_CHARACTERS,
      (character) => SHORT_ESCAPES[character] ?? unicodeEscape(character, 'pair'),
    );
  return `"${escaped}"`;
}

/** Compact JSON with keys in insertion order. */
export function compactJson(value: JsonValue): string {
  if (typeof value === 'string') return jsonString(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('JSON has no infinite or NaN numbers.');
    return String(value);
  }
  if (typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return `[${value.map(compactJson).join(',')}]`;
  const members = Object.entries(value).map(
    ([key, item]) => `${jsonString(key)}:${compactJson(item)}`,
  );
  return `{${members.join(',')}}`;
}
