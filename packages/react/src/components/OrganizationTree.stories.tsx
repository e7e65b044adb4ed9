import type { Meta, StoryObj } from '@storybook/react-vite';
import * as React from 'react';
import { fn } from 'storybook/test';

import {
  EMPTY_SCOPE,
  createScopeView,
  indexOrganization,
  planDeployment,
  toggleNode,
} from '@aws-connection-wizard/core';
import type { OrganizationIndex, ScopeSelection } from '@aws-connection-wizard/core';
import { CONTOSO_HEALTH_ORGANIZATION, NORTHWIND_ORGANIZATION } from '@aws-connection-wizard/sdk';

import { OrganizationTree } from './OrganizationTree';

const northwind = indexOrganization(NORTHWIND_ORGANIZATION);
const contoso = indexOrganization(CONTOSO_HEALTH_ORGANIZATION);

/** The tree on core's real scope rules, with the selection kept in the story. */
function Scoped(props: {
  index: OrganizationIndex;
  initial?: ScopeSelection;
  expandedIds?: string[];
  onToggle: (id: string) => void;
}) {
  const [selection, setSelection] = React.useState(props.initial ?? EMPTY_SCOPE);
  const view = React.useMemo(
    () => createScopeView(props.index, planDeployment(props.index, selection)),
    [props.index, selection],
  );
  return (
    <OrganizationTree
      index={props.index}
      getNodeScope={view.nodeScope}
      defaultExpandedIds={props.expandedIds}
      onToggle={(id) => {
        props.onToggle(id);
        setSelection((current) => toggleNode(props.index, current, id));
      }}
    />
  );
}

const meta = {
  title: 'Components/OrganizationTree',
  component: Scoped,
  decorators: [
    (Story) => (
      <div className="awcw-root" style={{ padding: 24, maxWidth: 880 }}>
        <Story />
      </div>
    ),
  ],
  args: { index: northwind, onToggle: fn() },
} satisfies Meta<typeof Scoped>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {};

export const OuWithExclusion: Story = {
  args: {
    initial: { ...EMPTY_SCOPE, selected: ['ou-nw7k-s6puq80i'], excluded: ['612450360047'] },
    expandedIds: [northwind.rootId, 'ou-nw7k-s6puq80i', 'ou-nw7k-j76b2laj'],
  },
};

export const RootSelected: Story = {
  args: { initial: { ...EMPTY_SCOPE, selected: [northwind.rootId] } },
};

export const ManagementAccountInsideAnOu: Story = {
  args: { index: contoso },
};
