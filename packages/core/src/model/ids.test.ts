import { isAccountId, isOrganizationalUnitId, isRootId } from './ids';

describe('given AWS identifiers', () => {
  it('should accept account IDs of exactly twelve digits, leading zeros included', () => {
    expect(isAccountId('000123456789')).toBe(true);
    expect(isAccountId('12345678901')).toBe(false);
    expect(isAccountId('1234567890123')).toBe(false);
    expect(isAccountId('12345678901a')).toBe(false);
  });

  it('should tell roots from organizational units', () => {
    expect(isRootId('r-ab12')).toBe(true);
    expect(isRootId('ou-ab12-abcd1234')).toBe(false);
    expect(isOrganizationalUnitId('ou-ab12-abcd1234')).toBe(true);
    expect(isOrganizationalUnitId('ou-AB12-abcd1234')).toBe(false);
  });
});
