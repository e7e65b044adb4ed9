/**
 * Step 4, Deploy to AWS: the commands and files that create the role in the chosen scope, as a
 * CloudFormation StackSet (default) or a Terraform configuration, and an optional check of how
 * the deployment is doing. *Next* never waits for that check.
 */
import * as Tabs from '@radix-ui/react-tabs';
import * as React from 'react';

import { CommandBlock } from '../components/CommandBlock';
import { DeploymentResults } from '../components/DeploymentResults';
import { Field } from '../components/Field';
import { InlineAlert } from '../components/InlineAlert';
import { Spinner } from '../components/Spinner';
import { useWizardSenders, useWizardView } from '../WizardContext';
import { useIssueText, useWizardMessages } from '../wizardMessages';

/** Regions where AWS CloudShell runs, so the commands can be pasted there as they are. */
const CLOUDSHELL_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'af-south-1',
  'ap-east-1',
  'ap-south-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ca-central-1',
  'eu-central-1',
  'eu-north-1',
  'eu-south-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'me-central-1',
  'me-south-1',
  'sa-east-1',
];

export function DeployStep() {
  const messages = useWizardMessages();
  const deploy = useWizardView((view) => view.deploy);
  const index = useWizardView((view) => view.scope.index);
  const senders = useWizardSenders();
  const issueText = useIssueText();
  const { settings, files, artefacts } = deploy;

  if (settings.status === 'failed') {
    return (
      <InlineAlert variant="error" title={messages.settingsFailed} onRetry={senders.retrySettings}>
        {messages.failure({ kind: settings.failure?.kind ?? 'unknown' })}
      </InlineAlert>
    );
  }
  if (deploy.artefactError) {
    // Valid steps can still ask for more than AWS accepts (a template too large to pass inline
    // with no template URL from the platform): say so instead of waiting forever.
    return (
      <InlineAlert variant="error" title={messages.artefactsFailed}>
        {issueText(deploy.artefactError.issue)}
      </InlineAlert>
    );
  }
  if (!artefacts || !settings.value) {
    return <Spinner label={messages.settingsLoading} showLabel />;
  }
  const file = (id: (typeof files)[number]['id']) => files.find((candidate) => candidate.id === id);
  const stackSetScript = file('stackSetScript');
  const managementAccountScript = file('managementAccountScript');
  const template = file('template')!;
  const terraform = file('terraform')!;
  const regions = CLOUDSHELL_REGIONS.includes(deploy.region ?? '')
    ? CLOUDSHELL_REGIONS
    : [deploy.region ?? '', ...CLOUDSHELL_REGIONS];

  return (
    <div className="awcw-form">
      <Field
        label={messages.regionLabel}
        hint={settings.value.regionLocked ? messages.regionLocked : messages.regionHint}
      >
        {(control) => (
          <select
            {...control}
            className="awcw-select"
            value={deploy.region ?? ''}
            disabled={settings.value?.regionLocked}
            onChange={(event) => senders.changeRegion(event.target.value)}
          >
            {regions.map((region) => (
              <option key={region} value={region}>
                {region}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Tabs.Root
        className="awcw-tabs"
        value={deploy.tab}
        onValueChange={(tab) => senders.selectDeployTab(tab as typeof deploy.tab)}
      >
        <Tabs.List className="awcw-tabs-list" aria-label={messages.stepTitleDeploy}>
          <Tabs.Trigger className="awcw-tabs-trigger" value="stackSet">
            {messages.deployTabStackSet}
          </Tabs.Trigger>
          <Tabs.Trigger className="awcw-tabs-trigger" value="terraform">
            {messages.deployTabTerraform}
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content className="awcw-tabs-content" value="stackSet">
          {stackSetScript ? (
            <CommandBlock
              title={messages.stackSetScriptTitle}
              description={messages.stackSetScriptDescription}
              code={stackSetScript.content}
              fileName={stackSetScript.fileName}
              mimeType={stackSetScript.mimeType}
              language="bash"
              headingLevel={4}
            />
          ) : (
            <p className="awcw-hint">{messages.noStackSetNeeded}</p>
          )}
          {managementAccountScript ? (
            <CommandBlock
              title={messages.managementAccountScriptTitle}
              description={messages.managementAccountScriptDescription}
              code={managementAccountScript.content}
              fileName={managementAccountScript.fileName}
              mimeType={managementAccountScript.mimeType}
              language="bash"
              headingLevel={4}
            />
          ) : null}
          <CommandBlock
            title={messages.templateTitle}
            code={template.content}
            fileName={template.fileName}
            mimeType={template.mimeType}
            language="yaml"
            headingLevel={4}
            defaultWrap={false}
          />
        </Tabs.Content>
        <Tabs.Content className="awcw-tabs-content" value="terraform">
          <CommandBlock
            title={messages.terraformTitle}
            description={messages.terraformDescription}
            code={terraform.content}
            fileName={terraform.fileName}
            mimeType={terraform.mimeType}
            language="hcl"
            headingLevel={4}
          />
          <TerraformAccounts
            accountIds={artefacts.terraformAccounts}
            nameOf={(id) => index?.nodes.get(id)?.name ?? id}
          />
        </Tabs.Content>
      </Tabs.Root>
      <DeploymentPrerequisites />
      <DeploymentCheck />
    </div>
  );
}

/**
 * What the management account must have in place before the StackSet command works, with the
 * exact command that fixes each. Informative: *Next* never depends on it.
 */
function DeploymentPrerequisites() {
  const messages = useWizardMessages();
  const { notices, status } = useWizardView((view) => view.deploy.prerequisites);
  const { checkPrerequisites } = useWizardSenders();
  if (notices.length === 0) return null;

  return (
    <InlineAlert
      variant="warning"
      title={messages.prerequisitesTitle}
      onRetry={checkPrerequisites}
      retryLabel={messages.prerequisitesCheckAgain}
      retrying={status === 'loading'}
    >
      {notices.includes('trustedAccessOff') ? (
        <p>
          {messages.prerequisitesTrustedAccessOff}{' '}
          <code className="awcw-id">{messages.prerequisitesTrustedAccessCommand}</code>
        </p>
      ) : null}
      {notices.includes('allFeaturesOff') ? (
        <p>
          {messages.prerequisitesAllFeaturesOff}{' '}
          <code className="awcw-id">{messages.prerequisitesAllFeaturesCommand}</code>
        </p>
      ) : null}
    </InlineAlert>
  );
}

function TerraformAccounts({
  accountIds,
  nameOf,
}: {
  accountIds: readonly string[];
  nameOf: (id: string) => string;
}) {
  const messages = useWizardMessages();
  const titleId = React.useId();
  return (
    <section className="awcw-section" aria-labelledby={titleId}>
      <h4 id={titleId} className="awcw-section-title">
        {messages.terraformAccountsTitle({ count: accountIds.length })}
      </h4>
      <ul className="awcw-account-list">
        {accountIds.map((id) => (
          <li key={id}>
            <span>{nameOf(id)}</span> <code className="awcw-id">{id}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}

function DeploymentCheck() {
  const messages = useWizardMessages();
  const { check, index } = useWizardView((view) => ({
    check: view.deploy.check,
    index: view.scope.index,
  }));
  const { checkDeployment } = useWizardSenders();
  const titleId = React.useId();
  const result = check.value;

  return (
    <section className="awcw-section" aria-labelledby={titleId}>
      <h4 id={titleId} className="awcw-section-title">
        {messages.deploymentCheckTitle}
      </h4>
      <p className="awcw-hint">{messages.deploymentCheckDescription}</p>
      <div className="awcw-row">
        <button
          type="button"
          className="awcw-button"
          data-variant="secondary"
          onClick={checkDeployment}
          aria-busy={check.status === 'loading' || undefined}
        >
          {messages.deploymentCheckButton}
        </button>
        {check.status === 'loading' ? (
          <Spinner size="small" label={messages.deploymentChecking} showLabel />
        ) : null}
      </div>
      {check.status === 'failed' ? (
        <InlineAlert
          variant="error"
          title={messages.deploymentCheckFailed}
          onRetry={checkDeployment}
        >
          {messages.failure({ kind: check.failure?.kind ?? 'unknown' })}
        </InlineAlert>
      ) : null}
      {result && !result.stackSetFound ? (
        <p className="awcw-hint">{messages.deploymentStackSetMissing}</p>
      ) : null}
      {result ? (
        <DeploymentResults
          results={result.accounts}
          managementAccount={result.managementAccount}
          index={index ?? undefined}
          checkedAt={new Date(result.checkedAt).toLocaleString()}
        />
      ) : null}
    </section>
  );
}
