import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { HOSTILE_VALUES } from './hostileValues';
import { terraformString } from './terraform';

/**
 * Evaluates the quoted strings with `terraform console` and returns the UTF-8 bytes Terraform
 * holds for each, through `base64encode`, whose output has no character the console would
 * escape. The console prints only the value of its last input, so all go in one tuple.
 */
function evaluateWithTerraform(quoted: readonly string[]): Buffer[] {
  const directory = mkdtempSync(join(tmpdir(), 'artefact-tf-console-'));
  try {
    const output = execFileSync('terraform', ['console'], {
      cwd: directory,
      input: `[${quoted.map((literal) => `base64encode(${literal})`).join(', ')}]\n`,
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    const encoded = [...output.toString('utf8').matchAll(/"([A-Za-z0-9+/=]*)"/g)];
    return encoded.map((match) => Buffer.from(match[1] ?? '', 'base64'));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

describe('given hostile values written as Terraform strings', () => {
  it('should make terraform console read each one back byte for byte', () => {
    const evaluated = evaluateWithTerraform(HOSTILE_VALUES.map(terraformString));
    expect(evaluated).toEqual(HOSTILE_VALUES.map((value) => Buffer.from(value, 'utf8')));
  });

  it('should escape template sequences after backslashes and quotes', () => {
    expect(terraformString('${a} %{b}')).toBe('"$${a} %%{b}"');
    expect(terraformString('\\${a}')).toBe('"\\\\$${a}"');
    expect(terraformString('"\n')).toBe('"\\"\\n"');
    expect(terraformString('\u{e0067}\u00a0')).toBe('"\\U000e0067\\u00a0"');
  });

  it('should refuse a lone surrogate', () => {
    expect(() => terraformString('\ud83d')).toThrow(RangeError);
  });
});
