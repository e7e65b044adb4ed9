/**
 * The `plan` command without its files and streams: from an organisation, the answers and the
 * platform settings to the files it writes and the summary it prints. The artefacts come from
 * the very functions the wizard's Deploy step uses (`planDeployment`, `buildArtefactInput`,
 * `generateArtefacts`) with the same inputs, so they match what the browser shows byte for byte.
 */
import {
  ArtefactError,
  artefactErrorIssue,
  buildArtefactInput,
  generateArtefacts,
  indexOrganization,
  isRootId,
  planDeployment,
  stackSetNameForKey,
} from '@aws-connection-wizard/core';
import type {
  ArtefactInput,
  Artefacts,
  DeploymentPlan,
  IamActionCatalogue,
  Organization,
  PolicyWarning,
  WizardValues,
} from '@aws-connection-wizard/core';

import { AnswersSchema, PlatformSchema, resolvePlatform, toWizardValues } from './answers';
import type { ResolvedPlatform } from './answers';
import { answersField, checkAnswers, policyReport, schemaProblems } from './checkAnswers';
import type { Problem } from './checkAnswers';
import { issueMessage, warningMessage } from './messages';

/** Every file the command may write, in the order it lists them. */
export const PLAN_FILE_NAMES = [
  'template.yaml',
  'stackset.sh',
  'management-account.sh',
  'main.tf',
  'plan.json',
] as const;
export type PlanFileName = (typeof PLAN_FILE_NAMES)[number];

export interface PlanFile {
  name: PlanFileName;
  content: string;
}

export interface PlanWarning {
  code: string;
  message: string;
  /** The field of the answers the warning is about. */
  field: string;
  accountIds: string[];
  organizationalUnitIds: string[];
}

export interface PlannedConnection {
  values: WizardValues;
  platform: ResolvedPlatform;
  plan: DeploymentPlan;
  input: ArtefactInput;
  artefacts: Artefacts;
  warnings: PlanWarning[];
  /** In {@link PLAN_FILE_NAMES} order; the scripts only when the plan needs them. */
  files: PlanFile[];
  summary: string;
}

export type PlanOutcome =
  { ok: true; connection: PlannedConnection } | { ok: false; problems: Problem[] };

// Fields of the answers (or the platform) an `ArtefactError` can be about.
const ARTEFACT_ERROR_FIELDS: Record<ArtefactError['code'], string> = {
  connectionName: 'answers.connectionName',
  description: 'answers.description',
  roleName: 'answers.roleName',
  stackSetName: 'answers.roleName',
  trustedAccountId: 'platform.trustedAccountId',
  externalId: 'platform.externalId',
  region: 'answers.region',
  managedPolicyArns: 'answers.policies.managedPolicyArns',
  allowedActions: 'answers.policies.allowedActions',
  // Too large to pass inline: the platform must host the template.
  template: 'platform.templateUrl',
  templateUrl: 'platform.templateUrl',
};

function policyWarnings(
  values: WizardValues,
  platform: ResolvedPlatform,
  iamActions: IamActionCatalogue | null,
): PlanWarning[] {
  const { warnings } = policyReport(values, platform, iamActions);
  return Object.entries(warnings).flatMap(([path, risks]: [string, PolicyWarning[]]) => {
    const [, list, row] = path.split('.');
    const entered =
      list === 'managedPolicyArns'
        ? values.policies.managedPolicyArns[Number(row)]
        : values.policies.allowedActions[Number(row)]?.trim();
    return risks.map((risk) => ({
      code: risk.code,
      message: `${entered ?? ''} ${warningMessage(risk.code, risk.params)}`,
      field: answersField(path),
      accountIds: [],
      organizationalUnitIds: [],
    }));
  });
}

/** `plan.json`: the deployment plan with the StackSet of each operation, keys in a fixed order. */
export function planJson(connection: Omit<PlannedConnection, 'files' | 'summary'>): string {
  const { plan, input } = connection;
  const stackSets = plan.stackSets.map((stackSet) => ({
    name: stackSetNameForKey(input.stackSetName, stackSet.key),
    key: stackSet.key,
    autoDeployment: stackSet.autoDeployment,
  }));
  const document = {
    connectionName: input.connectionName,
    roleName: input.roleName,
    region: input.region,
    stackSets,
    operations: plan.stackSets.flatMap((stackSet) =>
      stackSet.operations.map((operation) => ({
        stackSet: stackSetNameForKey(input.stackSetName, stackSet.key),
        organizationalUnitIds: operation.organizationalUnitIds,
        accounts: operation.accounts,
        accountFilterType: operation.accountFilterType,
      })),
    ),
    managementAccount: {
      id: plan.managementAccount.id,
      inScope: plan.managementAccount.inScope,
      coverage: plan.managementAccount.coverage,
      decision: plan.managementAccount.decision,
    },
    coverage: {
      now: plan.coverage.now,
      excluded: plan.coverage.excluded,
      skipped: plan.coverage.skipped,
      futureOus: plan.coverage.futureOus,
    },
    terraformAccounts: connection.artefacts.terraformAccounts,
    warnings: connection.warnings.map((warning) => ({
      code: warning.code,
      message: warning.message,
      field: warning.field,
      accountIds: warning.accountIds,
      organizationalUnitIds: warning.organizationalUnitIds,
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function count(value: number, one: string, many: string): string {
  return `${value} ${value === 1 ? one : many}`;
}

/** The few lines the command prints: what gets the role, now and later, and what to run. */
export function planSummary(connection: Omit<PlannedConnection, 'files' | 'summary'>): string {
  const { plan, input } = connection;
  const { coverage, managementAccount } = plan;
  const lines = [
    `Connection "${input.connectionName}": role ${input.roleName} in ${input.region}`,
    `Now: ${count(coverage.now.length, 'account gets', 'accounts get')} the role` +
      (coverage.excluded.length > 0 ? `, ${coverage.excluded.length} excluded` : '') +
      (coverage.skipped.length > 0 ? `, ${coverage.skipped.length} skipped while not active` : '') +
      '.',
    coverage.futureOus.some(isRootId)
      ? 'Later: accounts added anywhere in the organisation get the role automatically.'
      : coverage.futureOus.length > 0
        ? `Later: accounts added to ${count(coverage.futureOus.length, 'OU', 'OUs')} get the role automatically.`
        : 'Later: accounts added to the organisation do not get the role automatically.',
    managementAccount.inScope
      ? `Management account ${managementAccount.id}: in scope; run management-account.sh signed in to it.`
      : `Management account ${managementAccount.id}: not in scope.`,
  ];
  for (const stackSet of plan.stackSets) {
    lines.push(
      `StackSet ${stackSetNameForKey(input.stackSetName, stackSet.key)}: ` +
        `${count(stackSet.operations.length, 'operation', 'operations')}, ` +
        `automatic deployment ${stackSet.autoDeployment ? 'on' : 'off'}.`,
    );
  }
  if (plan.stackSets.length === 0) lines.push('No StackSet: nothing to deploy with stackset.sh.');
  for (const warning of connection.warnings) {
    lines.push(`Warning (${warning.code}): ${warning.message}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Plans a connection from parsed JSON documents. `platformDocument` is `{}` when the platform
 * gave no settings; its defaults are then used. `iamActions` is the catalogue the wizard loads
 * (`loadIamActionCatalogue()`): with it, allowed actions are linted and the template names the
 * ones IAM does not list, exactly as in the Deploy step. Returns every problem found, or the
 * files.
 */
export function planConnection(
  organization: Organization,
  answersDocument: unknown,
  platformDocument: unknown,
  iamActions: IamActionCatalogue | null,
): PlanOutcome {
  const answers = AnswersSchema.safeParse(answersDocument);
  const platformFile = PlatformSchema.safeParse(platformDocument);
  const shapeProblems = [
    ...(answers.success ? [] : schemaProblems('answers', answers.error, answersDocument)),
    ...(platformFile.success
      ? []
      : schemaProblems('platform', platformFile.error, platformDocument)),
  ];
  if (!answers.success || !platformFile.success) return { ok: false, problems: shapeProblems };

  const index = indexOrganization(organization);
  const platform = resolvePlatform(platformFile.data, index.managementAccountId);
  const values = toWizardValues(answers.data);
  const problems = checkAnswers(index, answers.data, values, platform, iamActions);
  if (problems.length > 0) return { ok: false, problems };

  const plan = planDeployment(index, values.scope);
  const input = buildArtefactInput(values, plan, platform.settings, iamActions);
  let artefacts: Artefacts;
  try {
    artefacts = generateArtefacts(input);
  } catch (error) {
    if (!(error instanceof ArtefactError)) throw error;
    // The same issue the Deploy step shows for this error, in the command's words.
    const issue = artefactErrorIssue(error);
    const field = ARTEFACT_ERROR_FIELDS[error.code];
    return {
      ok: false,
      problems: [{ field, code: issue.code, message: issueMessage(issue.code, issue.params) }],
    };
  }

  const warnings: PlanWarning[] = [
    ...plan.warnings.map((warning) => ({
      code: warning.code,
      message: warning.message,
      field: 'answers.scope',
      accountIds: warning.accountIds,
      organizationalUnitIds: warning.organizationalUnitIds,
    })),
    ...policyWarnings(values, platform, iamActions),
  ];
  const planned = { values, platform, plan, input, artefacts, warnings };
  const contents: Record<PlanFileName, string | null> = {
    'template.yaml': artefacts.template,
    'stackset.sh': artefacts.stackSetScript,
    'management-account.sh': artefacts.managementAccountScript,
    'main.tf': artefacts.terraform,
    'plan.json': planJson(planned),
  };
  const files = PLAN_FILE_NAMES.flatMap((name) => {
    const content = contents[name];
    return content === null ? [] : [{ name, content }];
  });
  const connection = { ...planned, files };
  return { ok: true, connection: { ...connection, summary: planSummary(connection) } };
}
