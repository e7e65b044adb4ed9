/**
 * Two small hand-written organisations for unit tests of the scope rules: one with the
 * management account directly under the root, one with it inside an OU.
 */
import type { Account, Organization } from '../model/organization';

function account(id: string, name: string, parentId: string, state: Account['state'] = 'ACTIVE') {
  return { id, name, email: `${name}@example.com`, state, parentId };
}

/**
 * ```
 * r-abcd Root
 * ├─ ou-abcd-empty001 Empty
 * ├─ ou-abcd-prod0001 Production
 * │  ├─ ou-abcd-web00001 Web: 111111111111 web-a, 111111111112 web-b
 * │  ├─ 222222222221 prod-a
 * │  └─ 222222222222 prod-suspended (SUSPENDED)
 * ├─ ou-abcd-sandbox1 Sandbox: 333333333331 sandbox-a
 * ├─ 444444444441 loose-a
 * ├─ 444444444442 loose-pending (PENDING_ACTIVATION)
 * └─ 000000000001 management
 * ```
 */
export const ROOT_MANAGED: Organization = {
  id: 'o-abcdefghij',
  managementAccountId: '000000000001',
  root: { id: 'r-abcd', name: 'Root' },
  organizationalUnits: [
    { id: 'ou-abcd-prod0001', name: 'Production', parentId: 'r-abcd' },
    { id: 'ou-abcd-web00001', name: 'Web', parentId: 'ou-abcd-prod0001' },
    { id: 'ou-abcd-sandbox1', name: 'Sandbox', parentId: 'r-abcd' },
    { id: 'ou-abcd-empty001', name: 'Empty', parentId: 'r-abcd' },
  ],
  accounts: [
    account('111111111112', 'web-b', 'ou-abcd-web00001'),
    account('111111111111', 'web-a', 'ou-abcd-web00001'),
    account('222222222221', 'prod-a', 'ou-abcd-prod0001'),
    account('222222222222', 'prod-suspended', 'ou-abcd-prod0001', 'SUSPENDED'),
    account('333333333331', 'sandbox-a', 'ou-abcd-sandbox1'),
    account('444444444441', 'loose-a', 'r-abcd'),
    account('444444444442', 'loose-pending', 'r-abcd', 'PENDING_ACTIVATION'),
    account('000000000001', 'management', 'r-abcd'),
  ],
};

/**
 * ```
 * r-wxyz Root
 * ├─ ou-wxyz-core0001 Core
 * │  ├─ ou-wxyz-security Security: 555555555551 audit
 * │  ├─ 555555555552 shared
 * │  └─ 900000000000 management
 * └─ ou-wxyz-work0001 Workloads: 666666666661 app
 * ```
 */
export const OU_MANAGED: Organization = {
  id: 'o-wxyzwxyzwx',
  managementAccountId: '900000000000',
  root: { id: 'r-wxyz', name: 'Root' },
  organizationalUnits: [
    { id: 'ou-wxyz-core0001', name: 'Core', parentId: 'r-wxyz' },
    { id: 'ou-wxyz-security', name: 'Security', parentId: 'ou-wxyz-core0001' },
    { id: 'ou-wxyz-work0001', name: 'Workloads', parentId: 'r-wxyz' },
  ],
  accounts: [
    account('555555555551', 'audit', 'ou-wxyz-security'),
    account('555555555552', 'shared', 'ou-wxyz-core0001'),
    account('900000000000', 'management', 'ou-wxyz-core0001'),
    account('666666666661', 'app', 'ou-wxyz-work0001'),
  ],
};
