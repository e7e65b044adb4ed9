/**
 * Characters that are invisible or that reorder text when shown: controls, line and paragraph
 * separators, zero-width and bidirectional formatting characters (the "Trojan Source" class,
 * CVE-2021-42574), the byte-order mark and the two non-characters YAML forbids. Every target
 * language that can escape them does, so a reviewer sees exactly what an artefact says.
 *
 * The list is written out rather than taken from Unicode property escapes (`\p{Cf}`): those
 * follow the JavaScript engine's Unicode version, and the same input must give the same bytes
 * in every browser.
 */
export const INVISIBLE_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- control characters are what this must match
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ufffe\uffff]/g;

/** A UTF-16 surrogate without its partner: no UTF-8 text, and so no artefact, can hold it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hasLoneSurrogate(value: string): boolean {
  return LONE_SURROGATE.test(value);
}

/** `\u` and four lowercase hex digits, the escape JSON, YAML and HCL share. */
export function unicodeEscape(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
