/**
 * AWS managed policies: the ARNs the role may attach, IAM's quota on how many, and the list the
 * wizard offers when the host supplies none.
 */
import type { ManagedPolicy } from '../model/values';

/**
 * An AWS managed policy ARN: the account field is the literal `aws`, then an optional path and
 * the policy name (IAM API Reference: policy path `((/[A-Za-z0-9\.,\+@=_-]+)*)/`, policy name
 * `[\w+=,.@-]+` of 1–128 characters; "IAM identifiers" in the IAM User Guide for the ARN form),
 * in the commercial, China or GovCloud (US) partition.
 */
export const MANAGED_POLICY_ARN_PATTERN =
  /^arn:(aws|aws-cn|aws-us-gov):iam::aws:policy\/(?:[A-Za-z0-9.,+@=_-]+\/)*[\w+=,.@-]{1,128}$/;
/** IAM's limit for any ARN (IAM API Reference, `arnType`). */
export const MANAGED_POLICY_ARN_MAX_LENGTH = 2048;
/**
 * IAM's limit for a policy path, the slashes at both ends included (IAM API Reference,
 * `policyPathType`, 1–512 characters).
 */
export const MANAGED_POLICY_PATH_MAX_LENGTH = 512;

/**
 * Policies under this path belong to service-linked roles; IAM refuses to attach them to any
 * other role ("Using service-linked roles", IAM User Guide).
 */
export const SERVICE_LINKED_POLICY_PATH = 'aws-service-role/';

/**
 * Managed policies per role: 10 by default, raised through Service Quotas up to 20 (quota
 * L-0DA4ABF3; "IAM and AWS STS quotas", IAM User Guide). CloudFormation's AWS::IAM::Role also
 * caps `ManagedPolicyArns` at 20.
 */
export const DEFAULT_MANAGED_POLICY_QUOTA = 10;
export const MAX_MANAGED_POLICY_QUOTA = 20;

/** Managed policies that grant broad write access, worth a second look before attaching. */
export const BROAD_MANAGED_POLICY_NAMES: readonly string[] = [
  'AdministratorAccess',
  'PowerUserAccess',
  'IAMFullAccess',
  'AWSManagementConsoleAdministratorAccess',
];

export function isManagedPolicyArn(arn: string): boolean {
  return (
    arn.length <= MANAGED_POLICY_ARN_MAX_LENGTH &&
    MANAGED_POLICY_ARN_PATTERN.test(arn) &&
    managedPolicyPath(arn).length <= MANAGED_POLICY_PATH_MAX_LENGTH
  );
}

/** The policy's path as IAM writes it, `/` or `/job-function/`. */
export function managedPolicyPath(arn: string): string {
  const pathAndName = policyPathAndName(arn);
  return `/${pathAndName.slice(0, pathAndName.lastIndexOf('/') + 1)}`;
}

/** The partition the ARN names: `aws`, `aws-cn` or `aws-us-gov`. */
export function managedPolicyPartition(arn: string): string {
  return arn.split(':')[1] ?? '';
}

/** The path and name after `policy/`, e.g. `job-function/ViewOnlyAccess`. */
function policyPathAndName(arn: string): string {
  return arn.slice(arn.indexOf(':policy/') + ':policy/'.length);
}

export function isServiceLinkedPolicyArn(arn: string): boolean {
  return policyPathAndName(arn).startsWith(SERVICE_LINKED_POLICY_PATH);
}

/** The policy's name, the last segment of its ARN. */
export function managedPolicyName(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

/** The quota to enforce: the host's value as a whole number within 0–{@link MAX_MANAGED_POLICY_QUOTA}. */
export function effectiveManagedPolicyQuota(quota = DEFAULT_MANAGED_POLICY_QUOTA): number {
  if (!Number.isFinite(quota)) return DEFAULT_MANAGED_POLICY_QUOTA;
  return Math.min(MAX_MANAGED_POLICY_QUOTA, Math.max(0, Math.floor(quota)));
}

function awsPolicy(path: string, description: string): ManagedPolicy {
  return {
    arn: `arn:aws:iam::aws:policy/${path}`,
    name: path.slice(path.lastIndexOf('/') + 1),
    description,
  };
}

/**
 * The managed policies offered when the host's adapter supplies no list: read-only and
 * cost-related policies a cloud-operations platform typically needs, broadest first. ARNs as
 * published in the AWS Managed Policy Reference
 * (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/policy-list.html).
 */
export const DEFAULT_MANAGED_POLICIES: readonly ManagedPolicy[] = [
  awsPolicy('ReadOnlyAccess', 'Read access to the resources and data of every service.'),
  awsPolicy('job-function/ViewOnlyAccess', 'Lists resources and their metadata in every service.'),
  awsPolicy('SecurityAudit', 'Reads security configuration metadata across services.'),
  awsPolicy('AWSBillingReadOnlyAccess', 'Reads billing, cost and usage information.'),
  awsPolicy('job-function/Billing', 'Views and manages billing, payments and budgets.'),
  awsPolicy('AWSBudgetsReadOnlyAccess', 'Reads budgets and their alerts.'),
  awsPolicy('AWSSavingsPlansReadOnlyAccess', 'Reads Savings Plans.'),
  awsPolicy('CostOptimizationHubReadOnlyAccess', 'Reads Cost Optimization Hub recommendations.'),
  awsPolicy('ComputeOptimizerReadOnlyAccess', 'Reads Compute Optimizer recommendations.'),
  awsPolicy('AWSOrganizationsReadOnlyAccess', 'Reads the organization, its OUs and accounts.'),
  awsPolicy('AWSAccountManagementReadOnlyAccess', 'Reads account settings and contacts.'),
  awsPolicy('ServiceQuotasReadOnlyAccess', 'Reads service quotas and their usage.'),
  awsPolicy('IAMReadOnlyAccess', 'Reads IAM users, roles, groups and policies.'),
  awsPolicy('IAMAccessAnalyzerReadOnlyAccess', 'Reads IAM Access Analyzer findings.'),
  awsPolicy('AWSCloudTrail_ReadOnlyAccess', 'Reads CloudTrail trails and events.'),
  awsPolicy('AWSConfigUserAccess', 'Reads AWS Config rules and resource history.'),
  awsPolicy('AWSSecurityHubReadOnlyAccess', 'Reads Security Hub findings and standards.'),
  awsPolicy('AmazonGuardDutyReadOnlyAccess', 'Reads GuardDuty detectors and findings.'),
  awsPolicy('AmazonInspector2ReadOnlyAccess', 'Reads Amazon Inspector findings and coverage.'),
  awsPolicy('CloudWatchReadOnlyAccess', 'Reads CloudWatch metrics, alarms and dashboards.'),
  awsPolicy('CloudWatchLogsReadOnlyAccess', 'Reads CloudWatch Logs groups and events.'),
  awsPolicy('AWSCloudFormationReadOnlyAccess', 'Reads CloudFormation stacks and StackSets.'),
  awsPolicy('AmazonEC2ReadOnlyAccess', 'Reads EC2 instances, volumes, images and networking.'),
  awsPolicy('AmazonVPCReadOnlyAccess', 'Reads VPCs, subnets, route tables and gateways.'),
  awsPolicy('ElasticLoadBalancingReadOnly', 'Reads load balancers and target groups.'),
  awsPolicy('AutoScalingReadOnlyAccess', 'Reads Auto Scaling groups and policies.'),
  awsPolicy('AmazonS3ReadOnlyAccess', 'Reads S3 buckets and objects.'),
  awsPolicy('AmazonRDSReadOnlyAccess', 'Reads RDS databases, clusters and snapshots.'),
  awsPolicy('AmazonDynamoDBReadOnlyAccess', 'Reads DynamoDB tables and their data.'),
  awsPolicy('AmazonElastiCacheReadOnlyAccess', 'Reads ElastiCache clusters.'),
  awsPolicy('AmazonRedshiftReadOnlyAccess', 'Reads Redshift clusters.'),
  awsPolicy('AWSLambda_ReadOnlyAccess', 'Reads Lambda functions and their configuration.'),
  awsPolicy('AmazonEC2ContainerRegistryReadOnly', 'Reads ECR repositories and images.'),
  awsPolicy('AmazonRoute53ReadOnlyAccess', 'Reads Route 53 hosted zones and records.'),
  awsPolicy('CloudFrontReadOnlyAccess', 'Reads CloudFront distributions.'),
  awsPolicy('AmazonSNSReadOnlyAccess', 'Reads SNS topics and subscriptions.'),
  awsPolicy('AmazonSQSReadOnlyAccess', 'Reads SQS queues.'),
  awsPolicy('AmazonSSMReadOnlyAccess', 'Reads Systems Manager inventory and parameters.'),
  awsPolicy('AmazonKinesisReadOnlyAccess', 'Reads Kinesis data streams.'),
  awsPolicy('AmazonOpenSearchServiceReadOnlyAccess', 'Reads OpenSearch Service domains.'),
  awsPolicy('AmazonElasticFileSystemReadOnlyAccess', 'Reads EFS file systems.'),
  awsPolicy('AWSCertificateManagerReadOnly', 'Reads ACM certificates.'),
  awsPolicy('ResourceGroupsandTagEditorReadOnlyAccess', 'Reads resource groups and tags.'),
  awsPolicy('AWSResourceExplorerReadOnlyAccess', 'Searches resources with Resource Explorer.'),
];
