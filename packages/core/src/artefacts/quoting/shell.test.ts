import { execFileSync, spawnSync } from 'node:child_process';

import { HOSTILE_VALUES } from './hostileValues';
import { shellQuote } from './shell';

function bashPrints(script: string): Buffer {
  return execFileSync('bash', ['-c', script], { env: { PATH: process.env.PATH ?? '' } });
}

describe('given hostile values quoted for bash', () => {
  // One word per value, each printed followed by a NUL, which no value contains.
  const words = HOSTILE_VALUES.map(shellQuote).join(' ');
  const expected = Buffer.concat(
    HOSTILE_VALUES.map((value) => Buffer.from(`${value}\u0000`, 'utf8')),
  );

  it('should make bash read each one back byte for byte, as one word each', () => {
    expect(bashPrints(`printf '%s\\0' ${words}`)).toEqual(expected);
  });

  it('should keep values literal when assigned to variables and expanded in double quotes', () => {
    const assignments = HOSTILE_VALUES.map((value, index) => `V${index}=${shellQuote(value)}`);
    const expansions = HOSTILE_VALUES.map((_, index) => `"$V${index}"`).join(' ');
    expect(bashPrints(`${assignments.join('\n')}\nprintf '%s\\0' ${expansions}`)).toEqual(expected);
  });

  it("should write a single quote as '\\''", () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('')).toBe(`''`);
    expect(shellQuote("'")).toBe(`\\'`);
  });

  it('should end no quoted run with a backslash, which ShellCheck reads as an escape attempt', () => {
    expect(shellQuote("it\\'s")).toBe(`'it'\\\\\\''s'`);
    expect(shellQuote('back\\slash\\')).toBe(`'back\\slash'\\\\`);
    expect(shellQuote('\\')).toBe('\\\\');
  });

  it('should give words ShellCheck accepts without a directive', () => {
    const script = [
      '#!/usr/bin/env bash',
      ...HOSTILE_VALUES.map((value, index) => `V${index}=${shellQuote(value)}`),
      `printf '%s\\0' ${HOSTILE_VALUES.map((_, index) => `"$V${index}"`).join(' ')}`,
      '',
    ].join('\n');
    // SC2016 (an expansion inside single quotes) is what this quoting means to do; every other
    // finding would be a fault.
    const result = spawnSync('shellcheck', ['--exclude=SC2016', '-'], {
      input: script,
      encoding: 'utf8',
    });
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('given values no shell word can hold', () => {
  it('should refuse a NUL character', () => {
    expect(() => shellQuote('a\u0000b')).toThrow(RangeError);
  });

  it('should refuse a lone surrogate', () => {
    expect(() => shellQuote('a\ud800b')).toThrow(RangeError);
  });
});
