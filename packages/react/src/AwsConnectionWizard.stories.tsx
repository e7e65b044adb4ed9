import type { Meta, StoryObj } from '@storybook/react-vite';

import type { Draft, StepId, WizardValues } from '@aws-connection-wizard/core';
import { DRAFT_SCHEMA_VERSION } from '@aws-connection-wizard/core';
import {
  CONTOSO_HEALTH_MANAGEMENT_ACCOUNT_ID,
  SAMPLE_CURRENT_USER,
  createInMemoryAdapters,
} from '@aws-connection-wizard/sdk';
import type { DraftStore, InMemoryAdaptersOptions } from '@aws-connection-wizard/sdk';
import { expect, fn, within } from 'storybook/test';

import { AwsConnectionWizard } from './AwsConnectionWizard';

/** A draft store that opens the wizard where a designer wants to look, and keeps nothing. */
function draftAt(step: StepId, values: Partial<WizardValues>): DraftStore {
  const draft: Draft = {
    schemaVersion: DRAFT_SCHEMA_VERSION,
    savedAt: '2026-01-01T00:00:00.000Z',
    userEmail: SAMPLE_CURRENT_USER.email,
    path: 'dedicatedRole',
    values: { ...FILLED, ...values },
    openStep: step,
    furthestStep: step,
    submission: null,
  };
  return {
    load: async () => draft,
    save: async () => {},
    clear: async () => {},
  };
}

const FILLED: WizardValues = {
  details: {
    connectionName: 'Clinical production',
    roleNameSuffix: 'clinical-production',
    roleNameEdited: false,
    description: 'Read-only cost and inventory access for the clinical workloads.',
  },
  managementAccountId: CONTOSO_HEALTH_MANAGEMENT_ACCOUNT_ID,
  scope: {
    selected: ['ou-ch3v-kok16zv0', 'ou-ch3v-lri1qzj8'],
    excluded: ['978663959323'],
    managementAccount: 'include',
    pickedAccountsAutoDeployment: 'off',
  },
  policies: {
    managedPolicyArns: ['arn:aws:iam::aws:policy/job-function/ViewOnlyAccess'],
    allowedActions: ['ce:GetCostAndUsage', 'iam:PassRole'],
  },
  access: [
    { email: SAMPLE_CURRENT_USER.email, level: 'owner' },
    { email: 'grace.okafor@example.com', level: 'editor' },
  ],
  region: null,
};

function wizardArgs(options: InMemoryAdaptersOptions) {
  return {
    adapters: createInMemoryAdapters({ latencyMs: 0, activationDelayMs: 1500, ...options }),
    onComplete: fn(),
    onCancel: fn(),
    nameCheckDelayMs: 0,
    draftSaveDelayMs: 0,
  };
}

const meta = {
  title: 'Wizard/AwsConnectionWizard',
  component: AwsConnectionWizard,
  decorators: [
    (Story) => (
      <div style={{ padding: 24, maxWidth: 1000 }}>
        <Story />
      </div>
    ),
  ],
  args: wizardArgs({ managementAccounts: [] }),
} satisfies Meta<typeof AwsConnectionWizard>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Step 1 as a new user sees it: nothing typed yet. */
export const DetailsStep: Story = {
  args: wizardArgs({
    draftStore: draftAt('details', {
      details: { ...FILLED.details, connectionName: '', roleNameSuffix: '' },
    }),
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('textbox', { name: /Connection name/ })).toHaveValue('');
  },
};

/** Step 2 with an OU that holds the management account selected: the prompt waits for an answer. */
export const ScopeStepWithManagementAccountPrompt: Story = {
  args: wizardArgs({
    draftStore: draftAt('scope', {
      scope: {
        ...FILLED.scope,
        selected: ['ou-ch3v-kok16zv0'],
        excluded: [],
        managementAccount: null,
      },
    }),
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('tree');
    await expect(canvas.getByRole('radio', { name: /Include management account/ })).toBeVisible();
  },
};

/** Step 3 with a risky allowed action, warned about at its row. */
export const PoliciesStep: Story = {
  args: wizardArgs({ draftStore: draftAt('policies', {}) }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByDisplayValue('iam:PassRole')).toBeVisible();
  },
};

/** Step 4 with the StackSet command and the management-account command. */
export const DeployStep: Story = {
  args: wizardArgs({ draftStore: draftAt('deploy', {}) }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('group', { name: 'Create the StackSet' })).toBeVisible();
  },
};

/** Step 5 with the creator and one more person. */
export const AccessStep: Story = {
  args: wizardArgs({ draftStore: draftAt('access', {}) }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('button', { name: 'Finish connection' })).toBeVisible();
  },
};

/** The organisation cannot be loaded: the step says so and offers a retry, keeping every value. */
export const OrganizationFailed: Story = {
  args: wizardArgs({
    draftStore: draftAt('scope', {}),
    faults: { getOrganization: { kind: 'unavailable', times: 'always' } },
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('The organization could not be loaded.')).toBeVisible();
  },
};

/** A user without CloudFlow Owner or Editor. */
export const Forbidden: Story = {
  args: wizardArgs({ currentUser: { ...SAMPLE_CURRENT_USER, permissions: ['cloudflow.user'] } }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('You can’t create connections')).toBeVisible();
  },
};

/** No management account onboarded yet: the host's onboarding link. */
export const NoManagementAccount: Story = {
  args: { ...wizardArgs({ managementAccounts: [] }), onboardingHref: '#onboarding' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('link', { name: 'Link an AWS account' })).toBeVisible();
  },
};
