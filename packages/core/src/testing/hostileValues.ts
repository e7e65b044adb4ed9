/**
 * The catalogue of hostile values: text chosen to break quoting in bash, YAML, JSON and
 * Terraform, to mislead a reader, or to push AWS's limits. Each is applied to every field that
 * reaches an artefact; `hostileValues.test.ts` decides, for each pair, whether validation
 * refuses it with a message at its field or every artefact carries it with its meaning
 * unchanged, and `docs/hostile-values.md` shows the result.
 */
export interface HostileValue {
  name: string;
  value: string;
  /** Why it is hostile, in a few words. */
  why: string;
}

export const HOSTILE_VALUE_CATALOGUE: readonly HostileValue[] = [
  { name: 'empty', value: '', why: 'nothing at all; must be refused or mean nothing' },
  { name: 'plain', value: 'plain', why: 'control: an ordinary value' },
  { name: 'single quote', value: "it's", why: 'ends a single-quoted shell word' },
  { name: 'double quotes', value: '"double"', why: 'ends a JSON, YAML or HCL string' },
  { name: 'both quotes', value: `'single' and "double"`, why: 'both kinds of quote at once' },
  { name: 'lone single quote', value: "'", why: 'an unbalanced shell quote' },
  {
    name: 'backslash quote',
    value: "it\\'s",
    why: 'a backslash before a quote: a quoted shell run must not end in it',
  },
  {
    name: 'lone backslash quote',
    value: "\\'",
    why: 'nothing but a backslash and a quote',
  },
  {
    name: 'command substitution',
    value: '$(touch /tmp/hostile-pwned)',
    why: 'runs a command inside double quotes',
  },
  { name: 'backticks', value: '`touch /tmp/hostile-pwned`', why: 'old-style command substitution' },
  {
    name: 'parameter expansion',
    value: '${HOME}',
    why: 'shell expansion, and Terraform interpolation',
  },
  { name: 'special parameters', value: '$HOME $1 $@ $$', why: 'shell variables that expand' },
  { name: 'terraform escape', value: '$${not_an_escape}', why: "Terraform's own escape of ${" },
  {
    name: 'terraform directive',
    value: '%{ if true }x%{ endif }',
    why: 'a Terraform template directive',
  },
  { name: 'escaped directive', value: '%%{x}', why: "Terraform's own escape of %{" },
  {
    name: 'backslash before interpolation',
    value: '\\${x} \\%{x}',
    why: 'a backslash that must not escape the $',
  },
  { name: 'backslashes', value: 'back\\slash\\', why: 'escape character of JSON, YAML and HCL' },
  { name: 'lone backslash', value: '\\', why: 'escapes whatever follows it' },
  { name: 'literal \\n', value: '\\n is not a newline', why: 'must stay two characters' },
  {
    name: 'newlines',
    value: 'line one\nline two\r\nline three',
    why: 'ends a shell command or a YAML scalar',
  },
  { name: 'tab', value: 'tab\there', why: 'whitespace a YAML or shell parser may eat' },
  { name: 'newline only', value: '\n', why: 'looks empty' },
  {
    name: 'lone carriage return',
    value: 'one\rtwo',
    why: 'a line break that XML and YAML read as a line feed',
  },
  { name: 'line separator', value: 'one\u2028two', why: 'a line break in JavaScript and YAML 1.1' },
  {
    name: 'paragraph separator',
    value: 'one\u2029two',
    why: 'a line break in JavaScript and YAML 1.1',
  },
  { name: 'NUL', value: 'a\u0000b', why: 'ends a C string; no shell word can hold it' },
  {
    name: 'surrounding spaces',
    value: ' leading and trailing spaces ',
    why: 'trimmed by the AWS CLI shorthand',
  },
  {
    name: 'emoji',
    value: 'emoji 😀 and flags 🇪🇺',
    why: 'characters beyond the BMP (surrogate pairs)',
  },
  {
    name: 'right-to-left override',
    value: 'invoice \u202eexe.pdf',
    why: 'reorders what a reader sees (Trojan Source)',
  },
  { name: 'bidi isolate', value: 'isolate \u2066x\u2069', why: 'reorders what a reader sees' },
  { name: 'zero-width space', value: 'zero\u200bwidth', why: 'invisible; two names look the same' },
  { name: 'byte-order mark', value: '\ufeffbom', why: 'invisible at the start of text' },
  {
    name: 'direction marks',
    value: 'a (\u200eb\u200f) c\u061c',
    why: 'LRM, RLM and ALM move the brackets and spaces around them',
  },
  {
    name: 'tag characters',
    value: 'ops\u{e0041}\u{e0042}\u{e007f}',
    why: 'invisible, beyond the BMP: hidden text',
  },
  {
    name: 'flag of Scotland',
    value: 'Ops \u{1f3f4}\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}',
    why: 'an emoji flag made of tag characters',
  },
  {
    name: 'variation selectors',
    value: 'love \u2764\ufe0f and \u845b\u{e0100}',
    why: 'invisible selectors of a glyph, one beyond the BMP',
  },
  {
    name: 'astral format controls',
    value: 'a\u{1d173}b\u{1bca0}c',
    why: 'invisible format characters beyond the BMP',
  },
  { name: 'Hangul fillers only', value: '\u3164\u3164', why: 'renders as blank: looks empty' },
  {
    name: 'braille blanks only',
    value: '\u2800\u2800\u2800',
    why: 'renders as blank: looks empty',
  },
  { name: 'Hangul filler inside', value: 'ops\u3164prod', why: 'an invisible gap between words' },
  { name: 'no-break space', value: 'ops\u00a0prod', why: 'looks like a space, is not one' },
  {
    name: 'line separators',
    value: 'separators \u2028 \u2029 \u0085',
    why: 'line breaks in JavaScript and YAML',
  },
  {
    name: 'control characters',
    value: 'controls \u0001\u001b[31m\u007f\u009f',
    why: 'terminal escape sequences',
  },
  {
    name: 'lone surrogate',
    value: 'broken \ud800 text',
    why: 'not text at all; no UTF-8 can hold it',
  },
  {
    name: 'comma list',
    value: 'comma,separated,value',
    why: 'splits an AWS CLI shorthand value into a list',
  },
  {
    name: 'key=value pairs',
    value: 'key=value,other=thing',
    why: 'injects AWS CLI shorthand keys',
  },
  {
    name: 'history expansion',
    value: 'history !! !$ !-1',
    why: 'expands in interactive bash double quotes',
  },
  { name: 'hash', value: '# not a comment', why: 'starts a shell, YAML or HCL comment' },
  { name: 'leading dash', value: '-rf', why: 'read as an option by a command' },
  { name: 'double dash', value: '--region eu-west-1', why: 'injects another AWS CLI option' },
  { name: 'YAML list', value: '- not a list', why: 'a YAML sequence entry' },
  { name: 'YAML mapping', value: 'key: not a mapping', why: 'a YAML mapping' },
  {
    name: 'JSON document',
    value: '{"json": [1, 2]}',
    why: 'the AWS CLI parses values starting with { as JSON',
  },
  { name: 'flow sequence', value: '[a, b]', why: 'a YAML flow sequence' },
  {
    name: 'YAML indicators',
    value: '*alias &anchor !tag |',
    why: 'YAML aliases, anchors, tags, block scalars',
  },
  { name: 'YAML boolean', value: 'yes', why: 'YAML 1.1 reads it as true' },
  { name: 'YAML null', value: 'null', why: 'YAML reads it as null' },
  { name: 'YAML number', value: '0x1F', why: 'YAML reads it as 31' },
  { name: 'tilde', value: '~', why: 'YAML null; shell home directory' },
  { name: 'trailing quote', value: 'ends in a quote"', why: 'closes a string early' },
  {
    name: 'accents and scripts',
    value: 'ünïcödé Ωμέγα 日本語',
    why: 'non-ASCII text that must survive',
  },
  { name: 'Latin-1', value: 'Café Zürich ±½', why: 'non-ASCII that IAM descriptions accept' },
  { name: 'semicolon', value: 'a; rm -rf ~', why: 'ends a shell command' },
  { name: 'pipe and redirect', value: 'a | tee /tmp/x > /dev/null &', why: 'shell operators' },
  { name: 'glob', value: '* ? [abc]', why: 'expands to file names when unquoted' },
  { name: 'very long', value: 'x'.repeat(5000), why: 'longer than every AWS limit here' },
  {
    name: 'long multibyte',
    value: 'é'.repeat(700),
    why: 'within character limits, beyond byte limits',
  },
  {
    name: 'look-alike account',
    value: '1234567890１２',
    why: 'full-width digits look like an account ID',
  },
  {
    name: 'account with leading zeros',
    value: '000123456789',
    why: 'a valid account ID a number would shorten',
  },
  { name: 'short account', value: '12345678901', why: 'eleven digits' },
  { name: 'account in scientific form', value: '1.23456789e11', why: 'a number, not an ID' },
  { name: 'look-alike region', value: 'us-east-l', why: 'letter l for digit 1' },
  {
    name: 'Cyrillic region',
    value: 'us-\u0435ast-1',
    why: 'a Cyrillic е that looks like the Latin e',
  },
  {
    name: 'Cyrillic account',
    value: '\u041e68664126\u041e52',
    why: 'Cyrillic О for the digit 0 in an account ID',
  },
  {
    name: 'GovCloud region',
    value: 'us-gov-west-1',
    why: 'another partition: the trust policy and policy ARNs must follow',
  },
  { name: 'region', value: 'eu-west-1', why: 'control: a real Region' },
  { name: 'upper-case region', value: 'US-EAST-1', why: 'Region codes are lower case' },
  {
    name: 'role-name characters',
    value: 'ops,team=a@b+c_d.e-f',
    why: 'every IAM role-name symbol, commas included',
  },
  {
    name: 'role name with slash',
    value: 'team/ops',
    why: 'a path separator, refused in role names',
  },
  {
    name: 'external ID characters',
    value: 'tenant=acme,env:prod/a@b.c+d_e-f',
    why: 'every external-ID symbol',
  },
  { name: 'action', value: 's3:GetObject', why: 'control: a real action' },
  { name: 'action with wildcard', value: 'iam:*AccessKey*', why: 'wildcards as IAM allows' },
  {
    name: 'unknown service',
    value: 'foo:Bar',
    why: 'a service IAM does not list: warned about, and cfn-lint warns too',
  },
  { name: 'misspelt action', value: 's3:GetObjectt', why: 'an action the service does not have' },
  {
    name: 'wildcard matching nothing',
    value: 'ec2:Describe*Zebra*',
    why: 'a wildcard that grants nothing today',
  },
  { name: 'hyphenated service', value: 'a-b:c', why: 'an unknown service with a hyphen' },
  { name: 'action with space', value: 's3:Get Object', why: 'a space inside an action' },
  { name: 'action with comma', value: 's3:GetObject,s3:PutObject', why: 'two actions in one' },
  { name: 'action with quote', value: 's3:Get"Object', why: 'breaks out of a JSON string' },
  {
    name: 'non-ASCII action',
    value: 's3:GetÖbject',
    why: 'a policy character IAM accepts but no action has',
  },
  {
    name: 'policy ARN',
    value: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
    why: 'control: a real managed policy',
  },
  {
    name: 'policy ARN with comma',
    value: 'arn:aws:iam::aws:policy/team,ops/Read=Only',
    why: 'commas and = are legal in policy paths',
  },
  {
    name: 'customer policy ARN',
    value: 'arn:aws:iam::123456789012:policy/Mine',
    why: 'not an AWS managed policy',
  },
  { name: 'ARN with quote', value: "arn:aws:iam::aws:policy/It's", why: 'a quote inside an ARN' },
  {
    name: 'longest policy path',
    value: `arn:aws:iam::aws:policy/${'p'.repeat(510)}/Deep`,
    why: "a path of exactly IAM's 512 characters",
  },
  {
    name: 'policy path too long',
    value: `arn:aws:iam::aws:policy/${'p'.repeat(511)}/Deep`,
    why: "a path of 513 characters, beyond IAM's 512",
  },
  {
    name: 'policy ARN too long',
    value: `arn:aws:iam::aws:policy/${'a/'.repeat(1012)}Name`,
    why: "an ARN beyond IAM's 2,048 characters",
  },
  {
    name: 'China policy ARN',
    value: 'arn:aws-cn:iam::aws:policy/ReadOnlyAccess',
    why: "a policy of another partition than the Region's",
  },
  {
    name: 'GovCloud policy ARN',
    value: 'arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess',
    why: "a policy of another partition than the Region's",
  },
  { name: 'email', value: 'ada@example.com', why: 'control: a real email' },
  {
    name: 'email with quote',
    value: "o'brien+ops@example.com",
    why: 'quote and plus are legal in emails',
  },
  { name: 'email with spaces', value: 'ada lovelace@example.com', why: 'not an email' },
  {
    name: 'email with newline',
    value: 'ada@example.com\nbcc:eve@example.com',
    why: 'header injection',
  },
  {
    name: 'template URL',
    value: 'https://bucket.s3.amazonaws.com/role.yaml',
    why: 'control: an S3 URL',
  },
  {
    name: 'URL with shell',
    value: "https://bucket.s3.amazonaws.com/$(id)'.yaml",
    why: 'shell syntax in a URL',
  },
  { name: 'StackSet name', value: 'Connection-Ops-1', why: 'control: a valid StackSet name' },
];
