/**
 * The Terraform configuration: the same role, trust policy and permissions as the template, for
 * one account at a time. It uses `aws_iam_role_policy` and `aws_iam_role_policy_attachment`
 * rather than the `inline_policy` and `managed_policy_arns` arguments of `aws_iam_role`, which
 * the AWS provider deprecated in 5.68.0 and 5.72.0.
 */
import { regionPartition } from '../model/validation';
import { checkArtefactInput } from './checks';
import { hcl, toHcl } from './hclWriter';
import type { HclBodyItem, HclExpression } from './hclWriter';
import { ALLOWED_ACTIONS_POLICY_NAME, BASE_POLICY_NAME, policyStatements } from './permissions';
import type { PolicyStatementSpec } from './permissions';
import type { ArtefactInput } from './types';

const ROLE = 'aws_iam_role.connection';

function stringList(values: readonly string[]): HclExpression {
  return hcl.list(values.map(hcl.string));
}

function statement(spec: PolicyStatementSpec): HclExpression {
  return hcl.object([
    ['Sid', hcl.string(spec.sid)],
    ['Effect', hcl.string('Allow')],
    ['Action', stringList(spec.actions)],
    ['Resource', spec.resource === 'any' ? hcl.string('*') : hcl.raw(`${ROLE}.arn`)],
  ]);
}

function policyDocument(statements: readonly HclExpression[]): HclExpression {
  return hcl.call(
    'jsonencode',
    hcl.object([
      ['Version', hcl.string('2012-10-17')],
      ['Statement', hcl.list(statements)],
    ]),
  );
}

function inlinePolicy(
  label: string,
  policyName: string,
  allowedActions: readonly string[],
): HclBodyItem {
  return hcl.block(
    'resource',
    ['aws_iam_role_policy', label],
    [
      hcl.attribute('name', hcl.string(policyName)),
      hcl.attribute('role', hcl.raw(`${ROLE}.name`)),
      hcl.attribute(
        'policy',
        policyDocument(policyStatements(policyName, allowedActions).map(statement)),
      ),
    ],
  );
}

/** The Terraform configuration for one account of the scope. */
export function generateTerraform(input: ArtefactInput): string {
  checkArtefactInput(input);

  const trust = hcl.object([
    ['Effect', hcl.string('Allow')],
    // A role can trust only an account of its own partition, the one of the provider's Region.
    [
      'Principal',
      hcl.object([
        [
          'AWS',
          hcl.string(`arn:${regionPartition(input.region)}:iam::${input.trustedAccountId}:root`),
        ],
      ]),
    ],
    ['Action', hcl.string('sts:AssumeRole')],
    [
      'Condition',
      hcl.object([
        ['StringEquals', hcl.object([['sts:ExternalId', hcl.string(input.externalId)]])],
      ]),
    ],
  ]);

  const blocks: HclBodyItem[] = [
    hcl.block(
      'terraform',
      [],
      [
        hcl.block(
          'required_providers',
          [],
          [
            hcl.attribute(
              'aws',
              hcl.object([
                ['source', hcl.string('hashicorp/aws')],
                ['version', hcl.string('>= 5.0')],
              ]),
            ),
          ],
        ),
      ],
    ),
    hcl.block('provider', ['aws'], [hcl.attribute('region', hcl.string(input.region))]),
    hcl.block(
      'resource',
      ['aws_iam_role', 'connection'],
      [
        hcl.attribute('name', hcl.string(input.roleName)),
        ...(input.description !== ''
          ? [hcl.attribute('description', hcl.string(input.description))]
          : []),
        hcl.attribute(
          'assume_role_policy',
          hcl.call(
            'jsonencode',
            hcl.object([
              ['Version', hcl.string('2012-10-17')],
              ['Statement', hcl.list([trust])],
            ]),
          ),
        ),
      ],
    ),
    inlinePolicy('base', BASE_POLICY_NAME, input.allowedActions),
    inlinePolicy('allowed_actions', ALLOWED_ACTIONS_POLICY_NAME, input.allowedActions),
    hcl.block(
      'resource',
      ['aws_iam_role_policy_attachment', 'managed'],
      [
        hcl.attribute(
          'for_each',
          hcl.call('toset', stringList([...new Set(input.managedPolicyArns)])),
        ),
        hcl.blank,
        hcl.attribute('role', hcl.raw(`${ROLE}.name`)),
        hcl.attribute('policy_arn', hcl.raw('each.value')),
      ],
    ),
  ];

  return toHcl(blocks, [
    'The IAM role of an AWS connection, for one account. Apply it once in each account of the',
    "connection's scope, with credentials for that account; accounts that join the scope later",
    'need it too.',
  ]);
}
