/**
 * Pieces the two bash scripts share. User values only ever appear in single-quoted words
 * (`quoting/shell.ts`), mostly as variables assigned at the top; never in comments, double
 * quotes or unquoted words.
 */
import { templateObject } from '../model/validation';
import { compactJson } from './quoting/json';
import { shellQuote } from './quoting/shell';
import { sha256Hex } from './sha256';
import {
  MAX_TEMPLATE_BODY_BYTES,
  generateTemplate,
  templateParameters,
  templateSource,
} from './template';
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
 * The opening of every script: what it does, in `header` lines of comments, then a subshell
 * `(` that holds the rest until {@link scriptEnd}. Users paste these scripts into CloudShell's
 * interactive bash: there `set -e` or an `exit` would end the very shell they typed into, and
 * the session with it. Inside a subshell, the options and every `exit` stay local; run as a
 * file, the script exits with the subshell's status.
 */
export function scriptStart(header: readonly string[]): string[] {
  return [
    '#!/usr/bin/env bash',
    ...header,
    '# Everything below runs in a subshell, so that stopping on an error ends this script and',
    '# never the shell it is pasted into.',
    '(',
    'set -euo pipefail',
  ];
}

/** Closes the subshell {@link scriptStart} opened. */
export function scriptEnd(): string[] {
  return [')'];
}

/**
 * The template's variable and the CLI option that passes it: the body inline while it fits,
 * else the host's template URL (CloudFormation API Reference, CreateStackSet `TemplateURL`).
 * `check` holds the lines that, before anything is created, read the object at the URL back
 * and stop unless it is byte for byte the template this script was made with; empty inline.
 */
export function templateLines(input: ArtefactInput): {
  lines: string[];
  check: string[];
  option: string;
} {
  const template = generateTemplate(input);
  const source = templateSource(input, template);
  if (source.kind === 'body') {
    return {
      lines: [
        '# The CloudFormation template: the role, its trust policy and its permissions.',
        ...assignment('TEMPLATE_BODY', source.body),
      ],
      check: [],
      option: '  --template-body "$TEMPLATE_BODY" \\',
    };
  }
  const object = templateObject(source.url);
  // `checkArtefactInput` refuses such a URL before any generator gets here.
  if (object === null) throw new RangeError('The template URL names no Amazon S3 object.');
  return {
    lines: [
      `# The CloudFormation template is larger than the ${MAX_TEMPLATE_BODY_BYTES} bytes CloudFormation accepts`,
      '# inline, so CloudFormation reads it from this URL: upload the template shown with this',
      '# script there first. The script stops unless the object there has this SHA-256.',
      ...assignment('TEMPLATE_URL', source.url),
      ...assignment('TEMPLATE_S3_URI', `s3://${object.bucket}/${object.key}`),
      ...assignment('TEMPLATE_SHA256', sha256Hex(template)),
    ],
    check: [
      '# Stop unless the object at the template URL is the template this script was made with: a',
      "# stale template, or another connection's, would give the role other permissions.",
      'if ! DOWNLOADED_SHA256=$(aws s3 cp "$TEMPLATE_S3_URI" - | sha256sum); then',
      '  echo "Could not read the template at $TEMPLATE_URL; upload it there and run this script again." >&2',
      '  exit 1',
      'fi',
      'DOWNLOADED_SHA256=${DOWNLOADED_SHA256%% *}',
      'if [[ "$DOWNLOADED_SHA256" != "$TEMPLATE_SHA256" ]]; then',
      '  echo "The object at $TEMPLATE_URL has SHA-256 $DOWNLOADED_SHA256, not $TEMPLATE_SHA256: it is not the template shown with this script. Upload that template there and run this script again." >&2',
      '  exit 1',
      'fi',
    ],
    option: '  --template-url "$TEMPLATE_URL" \\',
  };
}
