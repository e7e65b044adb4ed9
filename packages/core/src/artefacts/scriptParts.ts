/**
 * Pieces the two bash scripts share. User values only ever appear in single-quoted words
 * (`quoting/shell.ts`), mostly as variables assigned at the top; never in comments, double
 * quotes or unquoted words.
 */
import { compactJson } from './quoting/json';
import { shellQuote } from './quoting/shell';
import { generateTemplate, templateParameters, templateSource } from './template';
import type { ArtefactInput } from './types';

/**
 * `NAME='value'` for a variable the script reads later. ShellCheck reports `$` or backticks in
 * single quotes (SC2016) because they usually mean a forgotten expansion; here not expanding
 * them is the point, and the directive says so for this one assignment.
 */
export function assignment(name: string, value: string): string[] {
  const quoted = `${name}=${shellQuote(value)}`;
  return /[$`]/.test(value)
    ? ['# shellcheck disable=SC2016 # literal text: nothing in it may expand', quoted]
    : [quoted];
}

/**
 * `--parameters` in the CLI's JSON form. In the shorthand form (`ParameterKey=K,ParameterValue=V`)
 * a comma inside a value starts a list and surrounding spaces are trimmed; JSON keeps every
 * value exact.
 */
export function parametersJson(input: ArtefactInput): string {
  return compactJson(
    templateParameters(input).map(({ key, value }) => ({
      ParameterKey: key,
      ParameterValue: value,
    })),
  );
}

/** Stops the script unless it runs with credentials of the management account. */
export function callerCheck(): string[] {
  return [
    '# Stop unless these credentials belong to the management account.',
    'CALLER_ACCOUNT_ID=$(aws sts get-caller-identity --region "$REGION" --query Account --output text)',
    'if [[ "$CALLER_ACCOUNT_ID" != "$MANAGEMENT_ACCOUNT_ID" ]]; then',
    '  echo "These credentials belong to account $CALLER_ACCOUNT_ID; sign in to the management account $MANAGEMENT_ACCOUNT_ID and run this script again." >&2',
    '  exit 1',
    'fi',
  ];
}

/**
 * The template's variable and the CLI option that passes it: the body inline while it fits,
 * else the host's template URL (CloudFormation API Reference, CreateStackSet `TemplateURL`).
 */
export function templateLines(input: ArtefactInput): { lines: string[]; option: string } {
  const source = templateSource(input, generateTemplate(input));
  if (source.kind === 'body') {
    return {
      lines: [
        '# The CloudFormation template: the role, its trust policy and its permissions.',
        ...assignment('TEMPLATE_BODY', source.body),
      ],
      option: '  --template-body "$TEMPLATE_BODY" \\',
    };
  }
  return {
    lines: [
      '# The CloudFormation template is larger than CloudFormation accepts inline; upload the',
      '# downloaded template to this URL first.',
      ...assignment('TEMPLATE_URL', source.url),
    ],
    option: '  --template-url "$TEMPLATE_URL" \\',
  };
}
