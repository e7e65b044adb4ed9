/**
 * The Scope step's tree and summary against the plan command's `plan.json`, for random
 * organisations and random clicks: every row's check state and every list of the summary must
 * say what the plan file says. The tree and summary are wired as the Scope step wires them (the
 * machine's scope view is `createScopeView` of the plan), and the expected values are read from
 * the JSON the command writes, not from any function the tree or summary use.
 */
import { cleanup, render, within } from '@testing-library/react';
import fc from 'fast-check';

import {
  EMPTY_SCOPE,
  createScopeView,
  indexOrganization,
  planDeployment,
  setManagementAccountDecision,
  toggleNode,
} from '@aws-connection-wizard/core';
import type { Organization, ScopeSelection } from '@aws-connection-wizard/core';

import { organizationArbitrary } from '../../../core/src/testing/organizations';
import { planConnection } from '../../../sdk/src/cli/planConnection';
import { OrganizationTree } from '../components/OrganizationTree';
import { ScopeSummary } from '../components/ScopeSummary';

interface PlanFile {
  operations: unknown[];
  managementAccount: { id: string; inScope: boolean; coverage: string; decision: string | null };
  coverage: { now: string[]; excluded: string[]; skipped: string[]; futureOus: string[] };
}

/** What the plan command writes to plan.json for this organisation and selection. */
function planFile(organization: Organization, selection: ScopeSelection): PlanFile {
  const outcome = planConnection(
    organization,
    {
      connectionName: 'Scope parity',
      managementAccountId: organization.managementAccountId,
      scope: {
        selected: selection.selected,
        excluded: selection.excluded,
        ...(selection.managementAccount ? { managementAccount: selection.managementAccount } : {}),
        pickedAccountsAutoDeployment: selection.pickedAccountsAutoDeployment,
      },
      policies: { allowedActions: ['ec2:DescribeInstances'] },
    },
    {},
    // Only the scope is compared, which the IAM action catalogue does not touch.
    null,
  );
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  const file = outcome.connection.files.find((f) => f.name === 'plan.json')!;
  return JSON.parse(file.content) as PlanFile;
}

/** Clicks on random nodes, then an answer to the management-account prompt if it is asked. */
const clicksArbitrary = fc.record({
  clicks: fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
  decision: fc.constantFrom('include' as const, 'exclude' as const),
  pickedAccountsAutoDeployment: fc.constantFrom('on' as const, 'off' as const),
});

function parentsOf(organization: Organization): Map<string, string> {
  return new Map<string, string>([
    ...organization.organizationalUnits.map((u) => [u.id, u.parentId] as [string, string]),
    ...organization.accounts.map((a) => [a.id, a.parentId] as [string, string]),
  ]);
}

function isBelow(parents: Map<string, string>, id: string, ancestorId: string): boolean {
  for (let p = parents.get(id); p !== undefined; p = parents.get(p)) {
    if (p === ancestorId) return true;
  }
  return false;
}

/** `aria-checked` of every row as plan.json states it. */
function expectedChecks(organization: Organization, file: PlanFile): Map<string, string> {
  const parents = parentsOf(organization);
  const covered = new Set([...file.coverage.now, ...file.coverage.skipped]);
  const future = new Set(file.coverage.futureOus);
  const checks = new Map<string, string>();
  const management = file.managementAccount;
  for (const account of organization.accounts) {
    const undecided =
      account.id === management.id &&
      management.coverage === 'ancestor' &&
      management.decision === null;
    checks.set(account.id, undecided ? 'mixed' : String(covered.has(account.id)));
  }
  const containers = [organization.root.id, ...organization.organizationalUnits.map((u) => u.id)];
  for (const id of containers) {
    const below = organization.accounts.filter((a) => isBelow(parents, a.id, id));
    const futureWithin = [id, ...containers.filter((c) => isBelow(parents, c, id))].some((c) =>
      future.has(c),
    );
    if (future.has(id) && below.every((a) => covered.has(a.id))) checks.set(id, 'true');
    else if (futureWithin || below.some((a) => covered.has(a.id))) checks.set(id, 'mixed');
    else checks.set(id, 'false');
  }
  return checks;
}

const idsIn = (list: HTMLElement | null) =>
  list === null
    ? []
    : within(list)
        .queryAllByRole('listitem')
        .map((item) => item.querySelector('.awcw-mono')!.textContent!);

describe('given random organisations and random clicks in the Scope step', () => {
  it('should show in the tree and the summary exactly what plan.json says', () => {
    fc.assert(
      fc.property(organizationArbitrary(), clicksArbitrary, (organization, input) => {
        const index = indexOrganization(organization);
        const ids = [...index.nodes.keys()];
        let selection = input.clicks.reduce(
          (current, pick) => toggleNode(index, current, ids[pick % ids.length]!),
          EMPTY_SCOPE,
        );
        selection = setManagementAccountDecision(index, selection, input.decision);
        selection = {
          ...selection,
          pickedAccountsAutoDeployment: input.pickedAccountsAutoDeployment,
        };
        fc.pre(selection.selected.length > 0);
        const file = planFile(organization, selection);

        const plan = planDeployment(index, selection);
        const view = createScopeView(index, plan);
        const containers = ids.filter((id) => index.nodes.get(id)!.kind !== 'account');
        const { container } = render(
          <>
            <OrganizationTree
              index={index}
              getNodeScope={view.nodeScope}
              onToggle={() => {}}
              defaultExpandedIds={containers}
              filterable={false}
            />
            <ScopeSummary plan={plan} index={index} collapseAfter={1_000} />
          </>,
        );
        try {
          const rows = container.querySelectorAll<HTMLElement>('[role="treeitem"]');
          expect(rows).toHaveLength(ids.length);
          const shown = new Map(
            [...rows].map((row) => [row.dataset.nodeId!, row.getAttribute('aria-checked')!]),
          );
          expect(shown).toEqual(expectedChecks(organization, file));

          // The plan deploys something, so the summary never says nothing is selected.
          const deploys = file.operations.length > 0 || file.managementAccount.inScope;
          expect(deploys).toBe(true);
          expect(container.querySelector('.awcw-summary-counts')!.textContent).toMatch(
            new RegExp(`^${file.coverage.now.length} accounts? covered now`),
          );

          const section = (heading: RegExp) =>
            [...container.querySelectorAll<HTMLElement>('.awcw-summary-section')].find((s) =>
              heading.test(s.querySelector('.awcw-summary-heading')?.textContent ?? ''),
            ) ?? null;
          const list = (heading: RegExp) => section(heading)?.querySelector('ul') ?? null;
          expect(idsIn(list(/^Accounts covered now/))).toEqual(file.coverage.now);
          expect(idsIn(list(/^Excluded accounts/))).toEqual(file.coverage.excluded);
          expect(idsIn(list(/^Skipped accounts/))).toEqual(file.coverage.skipped);
          // One sentence per outermost OU whose new accounts get the role.
          const outermost = file.coverage.futureOus.filter(
            (id) => !file.coverage.futureOus.includes(parentsOf(organization).get(id) ?? ''),
          );
          const sentences = section(/^Accounts added later/)?.querySelectorAll('li') ?? [];
          expect(sentences).toHaveLength(outermost.length);
          expect(section(/^Management account/)!.dataset.state).toBe(
            file.managementAccount.inScope
              ? 'included'
              : file.managementAccount.coverage === 'ancestor'
                ? 'excluded'
                : 'none',
          );
        } finally {
          cleanup();
        }
      }),
      { numRuns: 40 },
    );
  });
});
