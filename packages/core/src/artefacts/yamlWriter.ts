/**
 * A minimal block-style YAML writer for CloudFormation templates. Keys are fixed identifiers
 * chosen by the generator; every string value is a JSON-style double-quoted scalar
 * (`quoting/yaml.ts`), so no user text can change the document's structure.
 */
import { yamlString } from './quoting/yaml';

export type YamlValue = string | number | boolean | readonly YamlValue[] | YamlMapping;
export interface YamlMapping {
  readonly [key: string]: YamlValue;
}

// Plain keys: CloudFormation logical IDs and property names, and `Fn::X` intrinsic functions.
// Anything else (`sts:ExternalId`) is quoted.
const PLAIN_KEY = /^[A-Za-z][A-Za-z0-9]*(::[A-Za-z][A-Za-z0-9]*)?$/;

function key(name: string): string {
  return PLAIN_KEY.test(name) ? name : yamlString(name);
}

function scalar(value: string | number | boolean): string {
  if (typeof value === 'string') return yamlString(value);
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new RangeError('A template holds only finite numbers.');
  }
  return String(value);
}

function isMapping(value: YamlValue): value is YamlMapping {
  return typeof value === 'object' && !Array.isArray(value);
}

function mappingLines(mapping: YamlMapping, indent: string): string[] {
  const lines: string[] = [];
  for (const [name, value] of Object.entries(mapping)) {
    if (Array.isArray(value)) {
      if (value.length === 0) lines.push(`${indent}${key(name)}: []`);
      else lines.push(`${indent}${key(name)}:`, ...sequenceLines(value, `${indent}  `));
    } else if (isMapping(value)) {
      if (Object.keys(value).length === 0) lines.push(`${indent}${key(name)}: {}`);
      else lines.push(`${indent}${key(name)}:`, ...mappingLines(value, `${indent}  `));
    } else {
      lines.push(`${indent}${key(name)}: ${scalar(value as string | number | boolean)}`);
    }
  }
  return lines;
}

function sequenceLines(items: readonly YamlValue[], indent: string): string[] {
  const lines: string[] = [];
  for (const item of items) {
    if (Array.isArray(item)) {
      throw new TypeError('Nested sequences are not used in templates.');
    } else if (isMapping(item) && Object.keys(item).length === 0) {
      lines.push(`${indent}- {}`);
    } else if (isMapping(item)) {
      // The first entry shares the line of the dash; the others align under it.
      const [first = '', ...rest] = mappingLines(item, `${indent}  `);
      lines.push(`${indent}- ${first.slice(indent.length + 2)}`, ...rest);
    } else {
      lines.push(`${indent}- ${scalar(item as string | number | boolean)}`);
    }
  }
  return lines;
}

/** The YAML document for a mapping, ending with a newline. */
export function toYaml(document: YamlMapping): string {
  return `${mappingLines(document, '').join('\n')}\n`;
}
