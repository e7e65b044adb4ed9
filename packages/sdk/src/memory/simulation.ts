/**
 * Deterministic building blocks of the in-memory backend: a string hash, a seeded random
 * sequence for latency, a delay that stops when its call is aborted, and per-customer external
 * IDs.
 */

/** 32-bit FNV-1a; enough to spread sample values, not for security. http://www.isthe.com/chongo/tech/comp/fnv/ */
export function hash32(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** A seeded sequence in [0, 1) (mulberry32), so simulated latencies repeat from run to run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The external ID the sample platform gives a management account: the same every time for one
 * account, different between accounts, shaped as an RFC 9562 version 8 ("custom") UUID, which
 * fits STS's `[\w+=,.@:\/-]` character set. A real platform generates and stores a random one:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html
 */
export function externalIdFor(managementAccountId: string): string {
  const hex = [0, 1, 2, 3]
    .map((part) => hash32(`cloudflow-external-id:${part}:${managementAccountId}`))
    .map((word) => word.toString(16).padStart(8, '0'))
    .join('');
  const version = `8${hex.slice(13, 16)}`;
  const variant = `${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}`;

  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${version}-${variant}-${hex.slice(20, 32)}`;
}
