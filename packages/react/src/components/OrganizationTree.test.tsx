import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import * as React from 'react';

import {
  EMPTY_SCOPE,
  createScopeView,
  indexOrganization,
  planDeployment,
  toggleNode,
} from '@aws-connection-wizard/core';
import type { ScopeSelection } from '@aws-connection-wizard/core';
import { NORTHWIND_ORGANIZATION } from '@aws-connection-wizard/sdk';

import { OrganizationTree } from './OrganizationTree';
import type { OrganizationTreeProps } from './OrganizationTree';

const index = indexOrganization(NORTHWIND_ORGANIZATION);

/** The tree wired to core's real scope rules, as the Scope step wires it. */
function ScopedTree(props: Partial<OrganizationTreeProps> & { initial?: ScopeSelection }) {
  const { initial = EMPTY_SCOPE, ...treeProps } = props;
  const [selection, setSelection] = React.useState(initial);
  const view = React.useMemo(
    () => createScopeView(index, planDeployment(index, selection)),
    [selection],
  );
  return (
    <OrganizationTree
      index={index}
      getNodeScope={view.nodeScope}
      onToggle={(id) => setSelection((current) => toggleNode(index, current, id))}
      {...treeProps}
    />
  );
}

async function expectNoAxeViolations(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations).toEqual([]);
}

const item = (name: string) => screen.getByRole('treeitem', { name });

describe('given the Northwind organisation', () => {
  it('should show the root open with its OUs and accounts one level below', async () => {
    const { container } = render(<ScopedTree />);

    const root = item('Root');
    expect(root).toHaveAttribute('aria-level', '1');
    expect(root).toHaveAttribute('aria-expanded', 'true');
    expect(root).toHaveAttribute('aria-checked', 'false');
    const rows = screen.getAllByRole('treeitem');
    // The root, its 10 OUs and its 4 accounts; nothing deeper is rendered while closed.
    expect(rows).toHaveLength(15);
    expect(item('Sandbox')).toHaveAttribute('aria-level', '2');
    expect(item('Sandbox')).toHaveAttribute('aria-setsize', '14');
    expect(item('Sandbox')).toHaveAttribute('aria-expanded', 'false');
    expect(item('Billing Reports')).not.toHaveAttribute('aria-expanded');
    expect(within(item('Sandbox')).getByText('6 accounts')).toBeInTheDocument();
    expect(rows.filter((row) => row.tabIndex === 0)).toEqual([root]);
    await expectNoAxeViolations(container);
  });

  it('should mark the management account and suspended accounts', async () => {
    const user = userEvent.setup();
    const { container } = render(<ScopedTree />);

    const management = item('Northwind Management');
    expect(within(management).getByText('Management account')).toBeInTheDocument();
    await user.click(item('Suspended').querySelector('[data-part="chevron"]')!);
    const legacy = item('Legacy Marketing');
    expect(legacy).toHaveAttribute('aria-disabled', 'true');
    expect(within(legacy).getByText('Suspended')).toBeInTheDocument();
    expect(within(legacy).getByText('aws+legacy-marketing@northwind.example')).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });
});

describe('given keyboard navigation', () => {
  it('should move with the arrows, open and close branches, and jump with Home and End', async () => {
    const user = userEvent.setup();
    render(<ScopedTree />);

    await user.tab();
    expect(screen.getByRole('searchbox')).toHaveFocus();
    await user.tab();
    expect(item('Root')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(item('Deployments')).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(item('Deployments')).toHaveAttribute('aria-expanded', 'true');
    expect(item('Deployments')).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    const prod = screen.getAllByRole('treeitem', { name: 'Prod' })[0];
    expect(prod).toHaveFocus();
    expect(prod).toHaveAttribute('aria-level', '3');
    expect(prod).toHaveAttribute('aria-posinset', '1');
    expect(prod).toHaveAttribute('aria-setsize', '2');
    await user.keyboard('{ArrowLeft}');
    expect(item('Deployments')).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(item('Deployments')).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryAllByRole('treeitem', { name: 'Prod' })).toHaveLength(0);
    await user.keyboard('{End}');
    expect(item('Northwind Management')).toHaveFocus();
    expect(item('Northwind Management').tabIndex).toBe(0);
    await user.keyboard('{ArrowUp}');
    expect(item('Marketplace Seller')).toHaveFocus();
    await user.keyboard('{Home}');
    expect(item('Root')).toHaveFocus();
  });

  it('should move to the next row whose name starts with the typed letters', async () => {
    const user = userEvent.setup();
    render(<ScopedTree />);

    await user.tab();
    await user.tab();
    await user.keyboard('s');
    expect(item('Sandbox')).toHaveFocus();
    await user.keyboard('s');
    expect(item('Security')).toHaveFocus();
    await user.keyboard('{Home}');
    await user.keyboard('su');
    expect(item('Suspended')).toHaveFocus();
  });
});

describe('given selection with Space', () => {
  it('should check an OU with everything below it and show the root as mixed', async () => {
    const user = userEvent.setup();
    const { container } = render(<ScopedTree />);

    item('Sandbox').focus();
    await user.keyboard(' ');
    expect(item('Sandbox')).toHaveAttribute('aria-checked', 'true');
    expect(item('Sandbox')).toHaveAttribute('data-state', 'checked');
    expect(item('Root')).toHaveAttribute('aria-checked', 'mixed');
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(item('Hackathon 2026')).toHaveFocus();
    expect(item('Hackathon 2026')).toHaveAttribute('aria-checked', 'true');
    await expectNoAxeViolations(container);
  });

  it('should exclude an account of a selected OU and tag it', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <ScopedTree
        initial={{ ...EMPTY_SCOPE, selected: ['ou-nw7k-s6puq80i'] }}
        defaultExpandedIds={[index.rootId, 'ou-nw7k-s6puq80i']}
      />,
    );

    item('Hackathon 2026').focus();
    await user.keyboard(' ');
    expect(item('Hackathon 2026')).toHaveAttribute('aria-checked', 'false');
    expect(within(item('Hackathon 2026')).getByText('Excluded')).toBeInTheDocument();
    expect(item('Sandbox')).toHaveAttribute('aria-checked', 'mixed');
    await expectNoAxeViolations(container);
  });

  it('should not toggle a suspended account', async () => {
    const user = userEvent.setup();
    const onToggle = vi.fn();
    const view = createScopeView(index, planDeployment(index, EMPTY_SCOPE));
    render(
      <OrganizationTree
        index={index}
        getNodeScope={view.nodeScope}
        onToggle={onToggle}
        defaultExpandedIds={[index.rootId, 'ou-nw7k-j76b2laj']}
      />,
    );

    item('Old Reporting').focus();
    await user.keyboard(' ');
    await user.click(item('Old Reporting'));
    expect(onToggle).not.toHaveBeenCalled();
    item('Suspended').focus();
    await user.keyboard(' ');
    expect(onToggle).toHaveBeenCalledWith('ou-nw7k-j76b2laj');
  });
});

describe('given the filter box', () => {
  it('should open the branches that lead to a match and hide the rest', async () => {
    const user = userEvent.setup();
    const { container } = render(<ScopedTree />);

    await user.type(screen.getByRole('searchbox', { name: 'Find an account or OU' }), 'forens');
    const forensics = item('Forensics');
    expect(forensics).toHaveAttribute('aria-level', '4');
    expect(forensics).toHaveAttribute('data-match', '');
    expect(screen.getByText('1 match')).toBeInTheDocument();
    expect(screen.queryByRole('treeitem', { name: 'Sandbox' })).toBeNull();
    expect(screen.getAllByRole('treeitem').map((row) => row.getAttribute('data-node-id'))).toEqual([
      'r-nw7k',
      'ou-nw7k-vdgaj8gx',
      'ou-nw7k-benyjqwx',
      '741520749048',
    ]);
    await expectNoAxeViolations(container);

    await user.clear(screen.getByRole('searchbox'));
    // The opened branches stay open, so the found account stays in view.
    expect(item('Forensics')).toBeInTheDocument();
    expect(item('Sandbox')).toBeInTheDocument();
  });

  it('should find accounts by id', async () => {
    const user = userEvent.setup();
    render(<ScopedTree />);

    await user.type(screen.getByRole('searchbox'), '643421581089');
    expect(item('CI/CD Prod')).toHaveAttribute('aria-level', '4');
    expect(screen.getByText('1 match')).toBeInTheDocument();
  });
});

describe('given controlled expanded ids', () => {
  it('should report changes and render only what the host passes', async () => {
    const user = userEvent.setup();
    const onExpandedIdsChange = vi.fn();
    const view = createScopeView(index, planDeployment(index, EMPTY_SCOPE));
    render(
      <OrganizationTree
        index={index}
        getNodeScope={view.nodeScope}
        onToggle={() => {}}
        expandedIds={[index.rootId]}
        onExpandedIdsChange={onExpandedIdsChange}
      />,
    );

    item('Sandbox').focus();
    await user.keyboard('{ArrowRight}');
    expect(onExpandedIdsChange).toHaveBeenCalledWith([index.rootId, 'ou-nw7k-s6puq80i']);
    expect(item('Sandbox')).toHaveAttribute('aria-expanded', 'false');
  });
});
