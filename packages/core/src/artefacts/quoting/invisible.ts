/**
 * Characters that are invisible, look like a plain space, or reorder text when shown: controls,
 * line and paragraph separators, spaces other than U+0020, zero-width and bidirectional
 * formatting characters (the "Trojan Source" class, CVE-2021-42574), fillers that render as
 * blank (Hangul fillers, the braille blank), variation selectors, tag characters and the other
 * format controls beyond the Basic Multilingual Plane, the byte-order mark and the two
 * non-characters YAML forbids. Every target language that can escape them does, so a reviewer
 * sees exactly what an artefact says.
 *
 * The list is written out rather than taken from Unicode property escapes (`\p{Cf}`): those
 * follow the JavaScript engine's Unicode version, and the same input must give the same bytes
 * in every browser. It covers Unicode 16's default-ignorable code points (DerivedCoreProperties,
 * `Default_Ignorable_Code_Point`) and its format characters (general category Cf).
 */
export const INVISIBLE_CHARACTERS =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class -- control characters and lone combining marks (variation selectors, CGJ) are what this must match, one at a time
  /[\u0000-\u001f\u007f-\u00a0\u00ad\u034f\u061c\u115f\u1160\u1680\u17b4\u17b5\u180b-\u180f\u2000-\u200f\u2028-\u202f\u205f-\u206f\u2800\u3000\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb\ufffe\uffff\u{110bd}\u{110cd}\u{13430}-\u{1343f}\u{1bca0}-\u{1bca3}\u{1d173}-\u{1d17a}\u{e0000}-\u{e0fff}]/gu;

/** A UTF-16 surrogate without its partner: no UTF-8 text, and so no artefact, can hold it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hasLoneSurrogate(value: string): boolean {
  return LONE_SURROGATE.test(value);
}

function hex(unit: number, digits: number): string {
  return unit.toString(16).padStart(digits, '0');
}

/**
 * The escape of one character (a whole code point) that JSON, YAML and HCL all read back:
 * `\u` and four lowercase hex digits. Beyond the Basic Multilingual Plane, `astral` chooses
 * between a UTF-16 surrogate pair of such escapes (`pair`, the only form JSON has) and `\U`
 * with eight digits (`long`, which YAML and HCL have; YAML parsers decode each `\u` on its own,
 * so a pair would give two lone surrogates).
 */
export function unicodeEscape(character: string, astral: 'pair' | 'long'): string {
  const codePoint = character.codePointAt(0) ?? 0;
  if (codePoint <= 0xffff) return `\\u${hex(codePoint, 4)}`;
  if (astral === 'long') return `\\U${hex(codePoint, 8)}`;
  return `\\u${hex(character.charCodeAt(0), 4)}\\u${hex(character.charCodeAt(1), 4)}`;
}
