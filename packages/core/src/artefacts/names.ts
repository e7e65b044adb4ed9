/**
 * Names the generators derive: StackSet and stack names from the role name.
 */

/**
 * StackSet and stack names: a letter, then letters, digits and hyphens, at most 128 characters
 * (CloudFormation API reference, CreateStackSet `StackSetName`).
 */
export const STACK_SET_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9-]{0,127}$/;

/** Appended to the StackSet name for the StackSet of accounts picked one by one. */
export const ACCOUNTS_STACK_SET_SUFFIX = '-accounts';

// Leaves room for the suffix, so both StackSet names stay within 128 characters.
const MAX_BASE_LENGTH = 128 - ACCOUNTS_STACK_SET_SUFFIX.length;
const HASH_LENGTH = 8;

/**
 * A valid StackSet name for a role. A role name that is already a valid StackSet name is used
 * as it is. Otherwise IAM's other characters (`_ + = , . @`) become hyphens, and a short hash of
 * the role name is appended, so `a_b` and `a.b` (distinct roles) never share a StackSet.
 */
export function stackSetNameFor(roleName: string): string {
  if (STACK_SET_NAME_PATTERN.test(roleName) && roleName.length <= MAX_BASE_LENGTH) {
    return roleName;
  }
  const sanitised = roleName.replace(/[^A-Za-z0-9-]/g, '-');
  const startsWithLetter = /^[A-Za-z]/.test(sanitised) ? sanitised : `r-${sanitised}`;
  const base = startsWithLetter.slice(0, MAX_BASE_LENGTH - HASH_LENGTH - 1);
  return `${base}-${fnv1a32(roleName)}`;
}

/** The name of each planned StackSet. */
export function stackSetNameForKey(stackSetName: string, key: 'organization' | 'accounts'): string {
  return key === 'accounts' ? `${stackSetName}${ACCOUNTS_STACK_SET_SUFFIX}` : stackSetName;
}

/**
 * FNV-1a, 32 bits, over the UTF-8 bytes (http://www.isthe.com/chongo/tech/comp/fnv/): a
 * deterministic, dependency-free hash that only has to keep distinct names apart.
 */
function fnv1a32(value: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(value)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(HASH_LENGTH, '0');
}
