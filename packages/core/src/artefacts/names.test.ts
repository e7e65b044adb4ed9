import { STACK_SET_NAME_PATTERN, stackSetNameFor, stackSetNameForKey } from './names';

describe('given role names', () => {
  it('should use a role name that is already a valid StackSet name as it is', () => {
    expect(stackSetNameFor('doit-cloudflow-production')).toBe('doit-cloudflow-production');
  });

  it('should replace other IAM characters and keep distinct roles apart', () => {
    const names = [
      'doit-cloudflow-a_b',
      'doit-cloudflow-a.b',
      'doit-cloudflow-a+b',
      'doit-cloudflow-a-b',
    ].map(stackSetNameFor);
    expect(new Set(names).size).toBe(4);
    expect(names[0]).toMatch(/^doit-cloudflow-a-b-[0-9a-f]{8}$/);
    for (const name of names) expect(name).toMatch(STACK_SET_NAME_PATTERN);
  });

  it('should keep both StackSet names within 128 characters', () => {
    const name = stackSetNameFor(`x${'@'.repeat(300)}`);
    expect(stackSetNameForKey(name, 'accounts')).toMatch(STACK_SET_NAME_PATTERN);
    expect(stackSetNameFor('1-starts-with-a-digit')).toMatch(
      /^r-1-starts-with-a-digit-[0-9a-f]{8}$/,
    );
  });
});
