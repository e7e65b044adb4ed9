/**
 * Terraform (HCL native syntax) quoted strings. A quoted string is a template: besides the
 * backslash escapes `\\ \" \n \r \t \uNNNN`, the sequences `${` and `%{` start an interpolation
 * or a directive, and are written `$${` and `%%{` to stand for themselves. The order matters:
 * backslashes first, then quotes and control characters, then the template sequences, so no
 * escape is escaped twice. See hashicorp/hcl `hclsyntax/spec.md`, "Template Expressions".
 */
import { INVISIBLE_CHARACTERS, hasLoneSurrogate, unicodeEscape } from './invisible';

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** A Terraform quoted string whose value is exactly `value`, with no interpolation. */
export function terraformString(value: string): string {
  if (hasLoneSurrogate(value)) {
    throw new RangeError('A Terraform string cannot carry a lone UTF-16 surrogate.');
  }
  const escaped = value
    .replaceAll('\\', '\\\\')
    .replaceAll('"', '\\"')
    .replace(
      INVISIBLE_CHARACTERS,
      (character) => SHORT_ESCAPES[character] ?? unicodeEscape(character, 'long'),
    )
    // Replacer functions, because in a replacement string `$$` itself means one `$`.
    .replaceAll('${', () => '$${')
    .replaceAll('%{', () => '%%{');
  return `"${escaped}"`;
}
