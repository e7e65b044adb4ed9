import { createHash } from 'node:crypto';

import { HOSTILE_VALUES } from './quoting/hostileValues';
import { sha256Hex } from './sha256';

describe('given text of every length around a block boundary and hostile text', () => {
  it("should give the SHA-256 of its UTF-8 bytes, as Node's crypto does", () => {
    const texts = [
      ...Array.from({ length: 130 }, (_, length) => 'a'.repeat(length)),
      ...HOSTILE_VALUES.filter((value) => !/[\ud800-\udfff]/.test(value) || value.includes('😀')),
      'é'.repeat(40_000),
    ];
    for (const text of texts) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });

  it('should give the published digest of "abc" (FIPS 180-4, appendix B)', () => {
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
