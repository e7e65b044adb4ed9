import { execFileSync } from 'node:child_process';

import { HOSTILE_VALUES } from './hostileValues';
import { compactJson, jsonString } from './json';

describe('given hostile values written as JSON', () => {
  it('should decode to the same strings in JavaScript', () => {
    for (const value of HOSTILE_VALUES) expect(JSON.parse(jsonString(value))).toBe(value);
  });

  it("should decode to the same strings with Python's json module, which the AWS CLI uses", () => {
    const output = execFileSync(
      'python3',
      [
        '-c',
        'import json, sys; sys.stdout.write(json.dumps(json.loads(sys.stdin.read()), ensure_ascii=True))',
      ],
      { input: compactJson([...HOSTILE_VALUES]) },
    );
    expect(JSON.parse(output.toString('utf8'))).toEqual(HOSTILE_VALUES);
  });

  it('should write compact JSON with keys in insertion order', () => {
    expect(compactJson({ b: [1, true, null], a: 'x,y' })).toBe('{"b":[1,true,null],"a":"x,y"}');
  });

  it('should show invisible characters as escapes', () => {
    expect(jsonString('a\u202eb\u2028')).toBe('"a\\u202eb\\u2028"');
    // JSON has no escape beyond U+FFFF: a tag character is written as its surrogate pair.
    expect(jsonString('\u{e0067}')).toBe('"\\udb40\\udc67"');
  });
});
