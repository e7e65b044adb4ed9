import { execFileSync } from 'node:child_process';

import { HOSTILE_VALUES } from './hostileValues';
import { yamlString } from './yaml';

// cfn-lint's own YAML loader, the closest local stand-in for CloudFormation's parser. Its answer
// comes back as ASCII-only JSON, so the comparison does not depend on the pipe's encoding.
const LOAD_WITH_CFN_LINT = [
  'import json, sys',
  'from cfnlint.decode import cfn_yaml',
  'document = cfn_yaml.loads(sys.stdin.read())',
  'sys.stdout.write(json.dumps([item["Value"] for item in document["Values"]], ensure_ascii=True))',
].join('\n');

const LOAD_WITH_PYYAML = [
  'import json, sys, yaml',
  'document = yaml.safe_load(sys.stdin.read())',
  'sys.stdout.write(json.dumps([item["Value"] for item in document["Values"]], ensure_ascii=True))',
].join('\n');

function documentOf(values: readonly string[]): string {
  return `Values:\n${values.map((value) => `  - Value: ${yamlString(value)}`).join('\n')}\n`;
}

describe('given hostile values written as YAML scalars', () => {
  it("should make cfn-lint's YAML loader read each one back exactly", () => {
    const output = execFileSync('python3', ['-c', LOAD_WITH_CFN_LINT], {
      input: documentOf(HOSTILE_VALUES),
    });
    expect(JSON.parse(output.toString('utf8'))).toEqual(HOSTILE_VALUES);
  });

  it('should make PyYAML, a YAML 1.1 parser, read each one back exactly', () => {
    const output = execFileSync('python3', ['-c', LOAD_WITH_PYYAML], {
      input: documentOf(HOSTILE_VALUES),
    });
    expect(JSON.parse(output.toString('utf8'))).toEqual(HOSTILE_VALUES);
  });

  it('should keep every scalar on one line and show invisible characters as escapes', () => {
    for (const value of HOSTILE_VALUES) expect(yamlString(value)).not.toMatch(/[\n\r\u2028\u2029]/);
    expect(yamlString('a\u202eb\u0085c')).toBe('"a\\u202eb\\u0085c"');
    for (const value of HOSTILE_VALUES) {
      // Beyond the Basic Multilingual Plane only visible characters (emoji, flags) stay raw.
      for (const character of yamlString(value)) {
        if (character.codePointAt(0)! > 0xffff)
          expect(character).toMatch(/\p{Extended_Pictographic}|\p{Regional_Indicator}/u);
      }
    }
    expect(yamlString('tag \u{e0067}\u3164')).toBe('"tag \\U000e0067\\u3164"');
    expect(yamlString('say "hi"\\')).toBe('"say \\"hi\\"\\\\"');
  });

  it('should refuse a lone surrogate', () => {
    expect(() => yamlString('\udc00')).toThrow(RangeError);
  });
});
