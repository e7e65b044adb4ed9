import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';

import { CommandBlock } from './CommandBlock';

const SCRIPT = `#!/usr/bin/env bash
set -euo pipefail
aws cloudformation create-stack-set \\
  --stack-set-name 'doit-cloudflow-prod' \\
  --permission-model SERVICE_MANAGED \\
  --auto-deployment Enabled=true,RetainStacksOnAccountRemoval=false \\
  --capabilities CAPABILITY_NAMED_IAM \\
  --template-body file://doit-cloudflow-prod.yaml \\
  --parameters ParameterKey=ExternalId,ParameterValue='a1b2c3d4-5e6f-7a8b-9c0d-e1f2a3b4c5d6'
aws cloudformation create-stack-instances \\
  --stack-set-name 'doit-cloudflow-prod' \\
  --deployment-targets OrganizationalUnitIds=ou-nw7k-s6puq80i,Accounts=612450360047,AccountFilterType=DIFFERENCE \\
  --regions us-east-1`;

const meta = {
  title: 'Components/CommandBlock',
  component: CommandBlock,
  decorators: [
    (Story) => (
      <div className="awcw-root" style={{ padding: 24, maxWidth: 880 }}>
        <Story />
      </div>
    ),
  ],
  args: {
    title: 'Create the StackSet',
    description: 'Run this in AWS CloudShell, signed in to the management account.',
    language: 'bash',
    code: SCRIPT,
    fileName: 'create-doit-cloudflow-prod.sh',
    mimeType: 'text/x-shellscript',
    onCopyResult: fn(),
    onDownload: fn(),
    onWrapChange: fn(),
  },
} satisfies Meta<typeof CommandBlock>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Script: Story = {};
export const Wrapped: Story = { args: { defaultWrap: true } };
export const WithoutDownload: Story = { args: { fileName: undefined } };
