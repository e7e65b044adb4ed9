/**
 * Field validation of the Details and User access steps, and the list of every validation code
 * the wizard can report. Codes are keys, never sentences: the UI translates them, with `params`
 * filled into its messages.
 *
 * Choices made here, and why:
 *
 * - **Connection name.** Trimmed, then 1–64 characters counted as Unicode code points (an emoji
 *   counts once per code point, never as two UTF-16 units). Any printable text is allowed: the
 *   name is only ever shown as text and every artefact quotes it exactly. Refused, because they
 *   make a name display differently from what it is, or break text tools:
 *   - control characters: C0 U+0000–U+001F (NUL, tab, newline…), DEL U+007F and C1
 *     U+0080–U+009F (Unicode general category Cc);
 *   - the bidirectional embedding, override and isolate controls U+202A–U+202E and
 *     U+2066–U+2069, which reorder the text around them (Unicode UAX #9; CVE-2021-42574,
 *     "Trojan Source");
 *   - the implicit direction marks U+200E LRM, U+200F RLM and U+061C ALM, which move the
 *     neutral characters around them;
 *   - the invisible U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER, U+034F COMBINING GRAPHEME
 *     JOINER and U+FEFF BYTE ORDER MARK, the Hangul fillers U+115F, U+1160, U+3164 and U+FFA0,
 *     which render as blank, and the tag characters U+E0000–U+E007F outside an emoji tag
 *     sequence (a subdivision flag such as Scotland's), all of which let two names look the
 *     same. U+200C/U+200D (ZWNJ/ZWJ) and variation selectors stay allowed: emoji sequences and
 *     scripts such as Persian and Devanagari need them;
 *   - unpaired UTF-16 surrogates, which are not text at all and cannot be encoded as UTF-8.
 *   A name made only of spaces, the braille blank U+2800 and characters that show nothing alone
 *   (formatting and other default-ignorable characters) counts as empty: it would look blank.
 * - **Role name suffix.** IAM's role-name pattern `[\w+=,.@-]+` with ASCII word characters,
 *   and at most 64 characters for the whole name including `doit-cloudflow-`, so at most 49
 *   for the suffix (IAM API Reference, CreateRole, RoleName). Not trimmed: what is shown is
 *   what reaches the artefacts, so a stray space is reported rather than hidden.
 * - **Description.** Optional, trimmed, at most 1000 characters, and only the characters IAM
 *   accepts in a role description: tab, line feed, carriage return, U+0020–U+007E and
 *   U+00A1–U+00FF (IAM API Reference, CreateRole, Description pattern
 *   `[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*`). Anything else would make the deployment
 *   fail in AWS, after the user has left the wizard, so it is refused here. Line breaks are
 *   kept because IAM keeps them.
 * - **Template description.** The template's `Description` is the connection name alone, at
 *   most 64 code points and so at most 256 bytes, well within CloudFormation's 1,024 bytes
 *   (CloudFormation quotas, "Template description"). The description itself is the role's own,
 *   where IAM allows 1,000 characters that could take up to 2,000 bytes.
 * - **Deployment settings.** The host, not the user, supplies them; they are checked where they
 *   enter so that a bad value gives a clear error instead of a broken script: the trusted
 *   account is twelve ASCII digits, the external ID is 2–1,224 characters of
 *   `[\w+=,.@:/-]` (STS API Reference, AssumeRole `ExternalId`), and the Region has the shape
 *   of an AWS Region code (`us-east-1`, `us-gov-west-1`, `eu-isoe-west-1`).
 * - **Access.** Emails are trimmed, checked with the WHATWG HTML "valid e-mail address" syntax
 *   and compared case-insensitively, since directories treat them so in practice. The creator
 *   must stay on the list with the owner level.
 */
import * as z from 'zod/mini';

import type { AccessEntry, Details } from './values';
import { DeploymentSettingsSchema, ROLE_NAME_PREFIX } from './values';

/** Every code a field can be reported with; policy codes come from `policies/`. */
export const VALIDATION_CODES = [
  'connectionName.required',
  'connectionName.tooLong',
  'connectionName.controlCharacter',
  'connectionName.bidiControl',
  'connectionName.invisibleCharacter',
  'connectionName.malformed',
  'roleNameSuffix.required',
  'roleNameSuffix.invalidCharacter',
  'roleNameSuffix.tooLong',
  'description.tooLong',
  'description.invalidCharacter',
  'region.invalid',
  'settings.trustedAccountId.invalid',
  'settings.externalId.invalid',
  'settings.templateUrl.invalid',
  'access.email.required',
  'access.email.invalid',
  'access.email.duplicate',
  'access.level.required',
  'access.level.unknown',
  'access.creator.missing',
  'access.creator.notOwner',
  'policies.empty',
  'action.invalid',
  'action.invalidServicePrefix',
  'action.invalidName',
  'action.duplicate',
  'managedPolicy.invalidArn',
  'managedPolicy.arnTooLong',
  'managedPolicy.pathTooLong',
  'managedPolicy.partitionMismatch',
  'managedPolicy.serviceLinked',
  'managedPolicy.duplicate',
  'managedPolicies.quotaExceeded',
  'policies.inlinePolicyTooLarge',
  'template.tooLarge',
  'artefact.invalidInput',
] as const;

export type ValidationCode = (typeof VALIDATION_CODES)[number];

export interface ValidationIssue {
  code: ValidationCode;
  /** Values for the translated message, e.g. `{ max: 64 }` or `{ character: 'U+202E' }`. */
  params?: Record<string, string | number>;
}

/** Field paths like 'details.connectionName', 'policies.allowedActions.2', 'access.1.email'. */
export type FieldErrors = Record<string, ValidationIssue>;

export const CONNECTION_NAME_MAX_LENGTH = 64;
/** IAM's limit for a role name, prefix included. */
export const ROLE_NAME_MAX_LENGTH = 64;
export const ROLE_NAME_SUFFIX_MAX_LENGTH = ROLE_NAME_MAX_LENGTH - ROLE_NAME_PREFIX.length;
/** IAM's limit for a role description. */
export const DESCRIPTION_MAX_LENGTH = 1000;

/** `U+202E` style notation, so a message can name a character that cannot be shown. */
function codePointLabel(character: string): string {
  const codePoint = character.codePointAt(0) ?? 0;
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

const CONTROL_CHARACTER = /\p{Cc}/u;
// The embedding, override and isolate controls, and the implicit marks LRM, RLM and ALM, which
// move the neutral characters around them (Unicode UAX #9).
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
// Zero-width characters that join nothing, the Hangul fillers that render as blank, and tag
// characters (checked after emoji tag sequences, such as a subdivision flag, are set aside).
const INVISIBLE_CHARACTER =
  /[\u034F\u115F\u1160\u200B\u2060\u3164\uFEFF\uFFA0\u{E0000}-\u{E007F}]/u;
const EMOJI_TAG_SEQUENCE = /\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}/gu;
const LONE_SURROGATE = /\p{Cs}/u;
// White space, separators, formatting and other default-ignorable characters (ZWJ, variation
// selectors and the like) and the braille blank show nothing alone.
const NOTHING_VISIBLE = /^[\p{White_Space}\p{Z}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]*$/u;

function validateConnectionName(value: string): ValidationIssue | undefined {
  const name = value.trim();
  // Surrogates first: the other checks read code points, which a lone surrogate is not.
  if (LONE_SURROGATE.test(name)) return { code: 'connectionName.malformed' };
  for (const [code, pattern] of [
    ['connectionName.controlCharacter', CONTROL_CHARACTER],
    ['connectionName.bidiControl', BIDI_CONTROL],
    ['connectionName.invisibleCharacter', INVISIBLE_CHARACTER],
  ] as const) {
    const found = pattern.exec(name.replace(EMOJI_TAG_SEQUENCE, '\u{1F3F4}'));
    if (found) return { code, params: { character: codePointLabel(found[0]) } };
  }
  if (NOTHING_VISIBLE.test(name)) return { code: 'connectionName.required' };
  if ([...name].length > CONNECTION_NAME_MAX_LENGTH) {
    return { code: 'connectionName.tooLong', params: { max: CONNECTION_NAME_MAX_LENGTH } };
  }
  return undefined;
}

// IAM's role-name characters. `\w` is ASCII-only in JavaScript (without the `i` flag), as in
// IAM's pattern; the `u` flag makes an emoji one character rather than two halves.
const ROLE_NAME_CHARACTER = /^[\w+=,.@-]$/u;
const ROLE_NAME_INVALID_CHARACTER = /[^\w+=,.@-]/u;

function validateRoleNameSuffix(suffix: string): ValidationIssue | undefined {
  if (suffix.trim() === '') return { code: 'roleNameSuffix.required' };
  const found = ROLE_NAME_INVALID_CHARACTER.exec(suffix);
  if (found) {
    return {
      code: 'roleNameSuffix.invalidCharacter',
      params: { character: found[0], codePoint: codePointLabel(found[0]) },
    };
  }
  if (suffix.length > ROLE_NAME_SUFFIX_MAX_LENGTH) {
    return { code: 'roleNameSuffix.tooLong', params: { max: ROLE_NAME_SUFFIX_MAX_LENGTH } };
  }
  return undefined;
}

/**
 * A character IAM refuses in a role description (IAM API Reference, CreateRole, Description
 * pattern `[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*`). The Details step and the
 * generators' last check both use this one rule.
 */
export const DESCRIPTION_INVALID_CHARACTER = /[^\t\n\r\u0020-\u007E\u00A1-\u00FF]/u;

function validateDescription(value: string): ValidationIssue | undefined {
  const description = value.trim();
  const found = DESCRIPTION_INVALID_CHARACTER.exec(description);
  if (found) {
    return {
      code: 'description.invalidCharacter',
      params: { character: found[0], codePoint: codePointLabel(found[0]) },
    };
  }
  // Every allowed character is a single UTF-16 unit, so `length` counts characters here.
  if (description.length > DESCRIPTION_MAX_LENGTH) {
    return { code: 'description.tooLong', params: { max: DESCRIPTION_MAX_LENGTH } };
  }
  return undefined;
}

/**
 * A valid role-name suffix derived from a connection name, or '' when nothing usable is left
 * (the user must then type one): compatibility forms are folded and accents dropped (NFKD, then
 * combining marks removed), the result is lower-cased, each run of characters IAM refuses
 * becomes one `-` (together with any `-` next to it), and the result is cut to
 * {@link ROLE_NAME_SUFFIX_MAX_LENGTH} without a `-` at either end.
 * `'Prod Finance (EU) ✨'` gives `'prod-finance-eu'`.
 */
export function deriveRoleNameSuffix(connectionName: string): string {
  // Lower-case before dropping marks: 'İ' lower-cases to 'i' plus a combining dot.
  const folded = connectionName.normalize('NFKD').toLowerCase().replace(/\p{M}/gu, '');
  let suffix = '';
  let pendingDash = false;
  for (const character of folded) {
    if (ROLE_NAME_CHARACTER.test(character) && character !== '-') {
      if (pendingDash && suffix !== '') suffix += '-';
      pendingDash = false;
      suffix += character;
    } else {
      pendingDash = true;
    }
  }
  return suffix.slice(0, ROLE_NAME_SUFFIX_MAX_LENGTH).replace(/-+$/, '');
}

/** Errors of the Details step, keyed by field path. */
export function validateDetails(details: Details): FieldErrors {
  const errors: FieldErrors = {};
  const issues: [string, ValidationIssue | undefined][] = [
    ['details.connectionName', validateConnectionName(details.connectionName)],
    ['details.roleNameSuffix', validateRoleNameSuffix(details.roleNameSuffix)],
    ['details.description', validateDescription(details.description)],
  ];
  for (const [path, issue] of issues) {
    if (issue) errors[path] = issue;
  }
  return errors;
}

/**
 * The WHATWG HTML "valid e-mail address" syntax (HTML Living Standard, 4.10.5.1.5), which is
 * what `<input type="email">` accepts, limited to 254 characters (RFC 5321, 4.5.3.1.3).
 */
const EMAIL_PATTERN =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
const EMAIL_MAX_LENGTH = 254;

/** The form in which two emails are compared: trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function isValidEmail(email: string): boolean {
  const trimmed = email.trim();
  return trimmed.length <= EMAIL_MAX_LENGTH && EMAIL_PATTERN.test(trimmed);
}

export interface ValidateAccessOptions {
  /** The connection access levels offered, e.g. {@link DEFAULT_ACCESS_LEVELS}. */
  levels: readonly string[];
  /** The user creating the connection, who must stay on the list as owner. */
  creatorEmail: string;
  /**
   * The level the creator must hold. Defaults to `owner` when `levels` has it, else to the
   * first level: hosts list their levels from most to least privileged.
   */
  ownerLevel?: string;
}

/** Errors of the User access step, keyed by `access.<row>.email`, `access.<row>.level` or `access`. */
export function validateAccess(
  entries: readonly AccessEntry[],
  options: ValidateAccessOptions,
): FieldErrors {
  const errors: FieldErrors = {};
  const ownerLevel =
    options.ownerLevel ?? (options.levels.includes('owner') ? 'owner' : options.levels[0]);
  const creator = normalizeEmail(options.creatorEmail);
  const firstRowOf = new Map<string, number>();
  let creatorRow: number | undefined;

  entries.forEach((entry, row) => {
    const email = normalizeEmail(entry.email);
    if (email === '') {
      errors[`access.${row}.email`] = { code: 'access.email.required' };
    } else if (!isValidEmail(email)) {
      errors[`access.${row}.email`] = { code: 'access.email.invalid' };
    } else if (firstRowOf.has(email)) {
      errors[`access.${row}.email`] = {
        code: 'access.email.duplicate',
        params: { row: firstRowOf.get(email) ?? 0 },
      };
    } else {
      firstRowOf.set(email, row);
      if (email === creator) creatorRow = row;
    }

    if (entry.level === '') {
      errors[`access.${row}.level`] = { code: 'access.level.required' };
    } else if (!options.levels.includes(entry.level)) {
      errors[`access.${row}.level`] = {
        code: 'access.level.unknown',
        params: { level: entry.level },
      };
    }
  });

  if (creatorRow === undefined) {
    errors.access = { code: 'access.creator.missing', params: { email: options.creatorEmail } };
  } else if (entries[creatorRow]?.level !== ownerLevel && !errors[`access.${creatorRow}.level`]) {
    errors[`access.${creatorRow}.level`] = {
      code: 'access.creator.notOwner',
      params: { level: ownerLevel ?? '' },
    };
  }
  return errors;
}

/**
 * An AWS Region code: a two-letter area, one or more words, and a number (`us-east-1`,
 * `ap-southeast-3`, `us-gov-west-1`, `eu-isoe-west-1`), as listed in the AWS General Reference,
 * "AWS service endpoints". Only the shape is checked: new Regions appear without a release here.
 */
export const REGION_PATTERN = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

/** STS external IDs: 2–1,224 characters of `[\w+=,.@:/-]` (STS API Reference, AssumeRole). */
export const EXTERNAL_ID_PATTERN = /^[\w+=,.@:/-]{2,1224}$/;

/** An account ID as IAM writes it in an ARN: exactly twelve ASCII digits, leading zeros kept. */
const TRUSTED_ACCOUNT_PATTERN = /^[0-9]{12}$/;

/**
 * A template URL CloudFormation accepts instead of an inline body: an `https` Amazon S3 URL
 * (CloudFormation API Reference, CreateStackSet `TemplateURL`, at most 1,024 characters). Only
 * characters that need no quoting anywhere are allowed, so the URL is carried exactly.
 */
export const TEMPLATE_URL_PATTERN =
  /^https:\/\/[A-Za-z0-9.-]+\.amazonaws\.com(?:\.cn)?\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/;
export const TEMPLATE_URL_MAX_LENGTH = 1024;

/** The Amazon S3 object a template URL names. */
export interface TemplateObject {
  bucket: string;
  key: string;
}

// Virtual-hosted style, `<bucket>.s3[.-]<region>.amazonaws.com/<key>`, and path style,
// `s3[.-]<region>.amazonaws.com/<bucket>/<key>`, with or without a Region, dual-stack or not,
// in the China Regions under `.com.cn` (Amazon S3 User Guide, "Virtual hosting of buckets" and
// "Path-style requests").
const VIRTUAL_HOSTED = /^(.+)\.s3(?:[.-][a-z0-9-]+)*\.amazonaws\.com(?:\.cn)?$/;
const PATH_STYLE = /^s3(?:[.-][a-z0-9-]+)*\.amazonaws\.com(?:\.cn)?$/;

/**
 * The bucket and key a template URL names, or `null` when it names no S3 object: the scripts
 * read the object back with `aws s3 cp` to check it is the template they were made with.
 */
export function templateObject(templateUrl: string): TemplateObject | null {
  if (templateUrl.length > TEMPLATE_URL_MAX_LENGTH || !TEMPLATE_URL_PATTERN.test(templateUrl)) {
    return null;
  }
  const rest = templateUrl.slice('https://'.length);
  const host = rest.slice(0, rest.indexOf('/'));
  let path = rest.slice(host.length + 1);
  let bucket = VIRTUAL_HOSTED.exec(host)?.[1];
  if (bucket === undefined && PATH_STYLE.test(host) && path.includes('/')) {
    bucket = path.slice(0, path.indexOf('/'));
    path = path.slice(bucket.length + 1);
  }
  let key: string;
  try {
    key = decodeURIComponent(path);
  } catch {
    return null;
  }
  // The key reaches the scripts as text: printable ASCII only, so nothing in it is invisible.
  if (bucket === undefined || bucket === '' || !/^[\x20-\x7e]+$/.test(key)) return null;
  return { bucket, key };
}

/**
 * The partition a Region belongs to, which begins every ARN there: `aws-cn` for the China
 * Regions, `aws-us-gov` for AWS GovCloud (US), the isolated partitions for theirs, else `aws`
 * (AWS General Reference, "Amazon Resource Names", and the SDKs' partition data). A role can only
 * trust principals and attach policies of its own partition.
 */
export function regionPartition(region: string): string {
  const prefixes: [string, string][] = [
    ['cn-', 'aws-cn'],
    ['us-gov-', 'aws-us-gov'],
    ['us-iso-', 'aws-iso'],
    ['us-isob-', 'aws-iso-b'],
    ['eu-isoe-', 'aws-iso-e'],
    ['us-isof-', 'aws-iso-f'],
  ];
  return prefixes.find(([prefix]) => region.startsWith(prefix))?.[1] ?? 'aws';
}

export function isValidRegion(region: string): boolean {
  return REGION_PATTERN.test(region);
}

export function validateRegion(region: string): ValidationIssue | undefined {
  return isValidRegion(region) ? undefined : { code: 'region.invalid' };
}

/** The deployment settings a host supplies, as far as validation reads them. */
export interface DeploymentSettingsInput {
  trustedAccountId: string;
  externalId: string;
  region: string;
  templateUrl?: string;
}

/**
 * Problems in the host's deployment settings, keyed by `settings.<field>`. The wizard never
 * lets a user type these; a problem here is a host's configuration error.
 */
export function validateDeploymentSettings(settings: DeploymentSettingsInput): FieldErrors {
  const errors: FieldErrors = {};
  if (!TRUSTED_ACCOUNT_PATTERN.test(settings.trustedAccountId)) {
    errors['settings.trustedAccountId'] = { code: 'settings.trustedAccountId.invalid' };
  }
  if (!EXTERNAL_ID_PATTERN.test(settings.externalId)) {
    errors['settings.externalId'] = {
      code: 'settings.externalId.invalid',
      params: { min: 2, max: 1224 },
    };
  }
  const region = validateRegion(settings.region);
  if (region) errors['settings.region'] = region;
  const { templateUrl } = settings;
  if (templateUrl !== undefined && templateObject(templateUrl) === null) {
    errors['settings.templateUrl'] = { code: 'settings.templateUrl.invalid' };
  }
  return errors;
}

/** One sentence naming every field of the settings that is wrong, for an adapter's error. */
export function describeDeploymentSettingsErrors(errors: FieldErrors): string {
  const descriptions: Record<string, string> = {
    'settings.trustedAccountId': 'trustedAccountId must be twelve digits',
    'settings.externalId':
      'externalId must be 2 to 1,224 characters of letters, digits and _ + = , . @ : / -',
    'settings.region': 'region must be an AWS Region code such as us-east-1',
    'settings.templateUrl':
      'templateUrl must be the https Amazon S3 URL of an object, of at most 1,024 characters',
  };
  return Object.keys(errors)
    .map((field) => descriptions[field] ?? field)
    .join('; ');
}

/**
 * The deployment settings as they enter from a host's adapter: the shape of
 * `DeploymentSettingsSchema` (with its optional `templateUrl`) and every value checked by
 * {@link validateDeploymentSettings}.
 */
export const ValidDeploymentSettingsSchema = DeploymentSettingsSchema.check(
  z.refine((settings) => Object.keys(validateDeploymentSettings(settings)).length === 0, {
    error: (issue) =>
      describeDeploymentSettingsErrors(
        validateDeploymentSettings(issue.input as DeploymentSettingsInput),
      ),
  }),
);
