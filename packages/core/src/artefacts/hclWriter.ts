/**
 * A minimal writer for Terraform's native syntax that lays out exactly as `terraform fmt` does,
 * so generated configurations pass `terraform fmt -check`: two-space indentation, and the `=` of
 * consecutive single-line attributes aligned. A blank line, a nested block or an attribute whose
 * value spans several lines ends such a run, and is not aligned itself.
 */
import { terraformString } from './quoting/terraform';

export type HclExpression =
  /** A string literal, escaped by `quoting/terraform.ts`. */
  | { kind: 'string'; value: string }
  /** An expression written by the generator itself, such as `each.value`. */
  | { kind: 'raw'; text: string }
  | { kind: 'list'; items: readonly HclExpression[] }
  | { kind: 'object'; entries: readonly (readonly [string, HclExpression])[] }
  | { kind: 'call'; name: string; argument: HclExpression };

export type HclBodyItem =
  | { kind: 'attribute'; name: string; value: HclExpression }
  | { kind: 'block'; type: string; labels: readonly string[]; body: readonly HclBodyItem[] }
  | { kind: 'blank' };

export const hcl = {
  string: (value: string): HclExpression => ({ kind: 'string', value }),
  raw: (text: string): HclExpression => ({ kind: 'raw', text }),
  list: (items: readonly HclExpression[]): HclExpression => ({ kind: 'list', items }),
  object: (entries: readonly (readonly [string, HclExpression])[]): HclExpression => ({
    kind: 'object',
    entries,
  }),
  call: (name: string, argument: HclExpression): HclExpression => ({
    kind: 'call',
    name,
    argument,
  }),
  attribute: (name: string, value: HclExpression): HclBodyItem => ({
    kind: 'attribute',
    name,
    value,
  }),
  block: (type: string, labels: readonly string[], body: readonly HclBodyItem[]): HclBodyItem => ({
    kind: 'block',
    type,
    labels,
    body,
  }),
  blank: { kind: 'blank' } as HclBodyItem,
};

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function keyText(name: string): string {
  return IDENTIFIER.test(name) ? name : terraformString(name);
}

/**
 * The lines of an expression. The first line carries no indentation (it follows `name = `);
 * the others are indented for `indent`, the indentation of the line the expression starts on.
 */
function expressionLines(expression: HclExpression, indent: string): string[] {
  switch (expression.kind) {
    case 'string':
      return [terraformString(expression.value)];
    case 'raw':
      return [expression.text];
    case 'list': {
      if (expression.items.length === 0) return ['[]'];
      const inner = `${indent}  `;
      const lines = ['['];
      for (const item of expression.items) {
        const [first = '', ...rest] = expressionLines(item, inner);
        const itemLines = [`${inner}${first}`, ...rest];
        itemLines[itemLines.length - 1] += ',';
        lines.push(...itemLines);
      }
      lines.push(`${indent}]`);
      return lines;
    }
    case 'object': {
      if (expression.entries.length === 0) return ['{}'];
      const items = expression.entries.map(([name, value]) => hcl.attribute(name, value));
      return ['{', ...bodyLines(items, `${indent}  `), `${indent}}`];
    }
    case 'call': {
      const [first = '', ...rest] = expressionLines(expression.argument, indent);
      const lines = [`${expression.name}(${first}`, ...rest];
      lines[lines.length - 1] += ')';
      return lines;
    }
  }
}

function bodyLines(items: readonly HclBodyItem[], indent: string): string[] {
  const rendered = items.map((item) => {
    if (item.kind === 'attribute') {
      return { item, key: keyText(item.name), lines: expressionLines(item.value, indent) };
    }
    return { item, key: '', lines: [] as string[] };
  });

  const lines: string[] = [];
  for (let index = 0; index < rendered.length; index += 1) {
    const entry = rendered[index]!;
    const { item } = entry;
    if (item.kind === 'blank') {
      lines.push('');
    } else if (item.kind === 'block') {
      const labels = item.labels.map((label) => ` ${terraformString(label)}`).join('');
      lines.push(
        `${indent}${item.type}${labels} {`,
        ...bodyLines(item.body, `${indent}  `),
        `${indent}}`,
      );
    } else if (entry.lines.length > 1) {
      const [first, ...rest] = entry.lines;
      lines.push(`${indent}${entry.key} = ${first}`, ...rest);
    } else {
      // The run of single-line attributes this one belongs to sets the alignment.
      let start = index;
      while (start > 0 && isSingleLineAttribute(rendered[start - 1]!)) start -= 1;
      let end = index;
      while (end + 1 < rendered.length && isSingleLineAttribute(rendered[end + 1]!)) end += 1;
      const width = Math.max(...rendered.slice(start, end + 1).map((other) => other.key.length));
      lines.push(`${indent}${entry.key.padEnd(width)} = ${entry.lines[0]}`);
    }
  }
  return lines;
}

function isSingleLineAttribute(entry: { item: HclBodyItem; lines: string[] }): boolean {
  return entry.item.kind === 'attribute' && entry.lines.length === 1;
}

/** A configuration file from top-level blocks, separated by blank lines, ending with a newline. */
export function toHcl(blocks: readonly HclBodyItem[], header: readonly string[] = []): string {
  const parts = blocks.map((block) => bodyLines([block], '').join('\n'));
  const comment = header.map((line) => `# ${line}`.trimEnd()).join('\n');
  return `${header.length > 0 ? `${comment}\n\n` : ''}${parts.join('\n\n')}\n`;
}
