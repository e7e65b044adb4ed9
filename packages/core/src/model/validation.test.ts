import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { artefactErrorIssue } from '../artefacts/errors';
import { validatePolicies } from '../policies';
import {
  templateObject,
  validateDeploymentSettings,
  validateRegion,
  CONNECTION_NAME_MAX_LENGTH,
  DESCRIPTION_MAX_LENGTH,
  deriveRoleNameSuffix,
  isValidEmail,
  ROLE_NAME_MAX_LENGTH,
  ROLE_NAME_SUFFIX_MAX_LENGTH,
  validateAccess,
  validateDetails,
  VALIDATION_CODES,
  type FieldErrors,
  type ValidationCode,
} from './validation';
import { DEFAULT_ACCESS_LEVELS, ROLE_NAME_PREFIX, type Details } from './values';

function details(overrides: Partial<Details>): Details {
  return {
    connectionName: 'Production',
    roleNameSuffix: 'production',
    roleNameEdited: false,
    description: '',
    ...overrides,
  };
}

function nameError(connectionName: string) {
  return validateDetails(details({ connectionName }))['details.connectionName'];
}

const access = { levels: DEFAULT_ACCESS_LEVELS, creatorEmail: 'ada@example.com' };

describe('given the length limits', () => {
  it('should leave 49 characters for the role name suffix after the 15-character prefix', () => {
    expect(ROLE_NAME_PREFIX).toHaveLength(15);
    expect(ROLE_NAME_MAX_LENGTH).toBe(64);
    expect(ROLE_NAME_SUFFIX_MAX_LENGTH).toBe(49);
    expect(CONNECTION_NAME_MAX_LENGTH).toBe(64);
    expect(DESCRIPTION_MAX_LENGTH).toBe(1000);
  });
});

describe('given a valid connection', () => {
  it('should report no errors', () => {
    expect(validateDetails(details({ description: 'Cost reports\nfor the EU' }))).toEqual({});
  });
});

describe('given hostile connection names', () => {
  it('should accept text that other languages would interpret, since the name is only shown', () => {
    for (const name of [
      `O'Brien "prod" \`x\``,
      '$(rm -rf /)',
      '${HOME} %s {{name}} <script>',
      'a; b && c | d > e',
      '!Ref AWS::AccountId',
      'Produção Ünïcödé 生产 انتاج',
      'team ✨🚀',
      '👨‍👩‍👧 family',
      'حساب \u200Cتجربة',
    ]) {
      expect(nameError(name)).toBeUndefined();
    }
  });

  it('should trim the name before checking it', () => {
    expect(nameError('   \n\t  ')).toEqual({ code: 'connectionName.required' });
    expect(nameError('  prod\n')).toBeUndefined();
    expect(nameError('')).toEqual({ code: 'connectionName.required' });
  });

  it('should count code points, so 64 emoji fit and 65 do not', () => {
    expect(nameError('🚀'.repeat(64))).toBeUndefined();
    expect(nameError('🚀'.repeat(65))).toEqual({
      code: 'connectionName.tooLong',
      params: { max: 64 },
    });
    expect(nameError('x'.repeat(300))).toEqual({
      code: 'connectionName.tooLong',
      params: { max: 64 },
    });
  });

  it('should refuse control characters inside the name', () => {
    expect(nameError('prod\u0000uction')).toEqual({
      code: 'connectionName.controlCharacter',
      params: { character: 'U+0000' },
    });
    expect(nameError('line one\nline two')).toEqual({
      code: 'connectionName.controlCharacter',
      params: { character: 'U+000A' },
    });
    expect(nameError('tab\there')?.code).toBe('connectionName.controlCharacter');
    expect(nameError('del\u007F')?.code).toBe('connectionName.controlCharacter');
    expect(nameError('c1\u0085next')).toEqual({
      code: 'connectionName.controlCharacter',
      params: { character: 'U+0085' },
    });
  });

  it('should refuse bidirectional overrides and isolates that reorder what is displayed', () => {
    expect(nameError('invoice\u202Efdp.exe')).toEqual({
      code: 'connectionName.bidiControl',
      params: { character: 'U+202E' },
    });
    for (const control of ['\u202A', '\u202B', '\u202C', '\u202D', '\u2066', '\u2067', '\u2068']) {
      expect(nameError(`a${control}b`)?.code).toBe('connectionName.bidiControl');
    }
    expect(nameError('a\u2069b')).toEqual({
      code: 'connectionName.bidiControl',
      params: { character: 'U+2069' },
    });
  });

  it('should refuse invisible characters that make two names look alike', () => {
    expect(nameError('pro\u200Bd')).toEqual({
      code: 'connectionName.invisibleCharacter',
      params: { character: 'U+200B' },
    });
    expect(nameError('pr\uFEFFod')?.code).toBe('connectionName.invisibleCharacter');
    // Trimming removes a leading byte order mark, as it removes other white space.
    expect(nameError('\uFEFFprod')).toBeUndefined();
    expect(nameError('pr\u2060od')?.code).toBe('connectionName.invisibleCharacter');
  });

  it('should treat a name of joiners alone as empty', () => {
    expect(nameError('\u200D\u200C')).toEqual({ code: 'connectionName.required' });
  });

  it('should refuse the implicit direction marks, which move neutral characters', () => {
    for (const mark of ['\u200E', '\u200F', '\u061C']) {
      expect(nameError(`(a${mark})`)?.code).toBe('connectionName.bidiControl');
    }
  });

  it('should refuse Hangul fillers and tag characters, and keep emoji tag sequences', () => {
    expect(nameError('ops\u3164prod')).toEqual({
      code: 'connectionName.invisibleCharacter',
      params: { character: 'U+3164' },
    });
    expect(nameError('ops\uFFA0')?.code).toBe('connectionName.invisibleCharacter');
    expect(nameError('ops\u{E0041}\u{E007F}')).toEqual({
      code: 'connectionName.invisibleCharacter',
      params: { character: 'U+E0041' },
    });
    // The flag of Scotland: a black flag, the tags "gbsct" and a cancel tag.
    expect(nameError('Ops \u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}')).toBe(
      undefined,
    );
    expect(nameError('Ops \u2764\uFE0F')).toBeUndefined();
  });

  it('should treat a name that looks blank as empty', () => {
    for (const blank of ['\u2800\u2800', '\uFE0F\uFE0F', '\u00A0\u2800\u3000', '\u200D\uFE0E']) {
      expect(nameError(blank), blank).toEqual({ code: 'connectionName.required' });
    }
  });

  it('should refuse unpaired surrogates, which are not text', () => {
    expect(nameError('prod\uD800')).toEqual({ code: 'connectionName.malformed' });
    expect(nameError('\uDC00prod')).toEqual({ code: 'connectionName.malformed' });
  });
});

describe('given a role name suffix', () => {
  function suffixError(roleNameSuffix: string) {
    return validateDetails(details({ roleNameSuffix }))['details.roleNameSuffix'];
  }

  it('should accept every character of the IAM role-name set', () => {
    expect(suffixError('Team_A+B=C,D.E@F-G')).toBeUndefined();
    expect(suffixError('a'.repeat(49))).toBeUndefined();
  });

  it('should require one, and count spaces alone as none', () => {
    expect(suffixError('')).toEqual({ code: 'roleNameSuffix.required' });
    expect(suffixError('   ')).toEqual({ code: 'roleNameSuffix.required' });
  });

  it('should name the first character IAM refuses', () => {
    expect(suffixError('prod finance')).toEqual({
      code: 'roleNameSuffix.invalidCharacter',
      params: { character: ' ', codePoint: 'U+0020' },
    });
    expect(suffixError('path/name')?.params?.character).toBe('/');
    expect(suffixError('é')?.params?.codePoint).toBe('U+00E9');
    expect(suffixError('x🚀')?.params).toEqual({ character: '🚀', codePoint: 'U+1F680' });
    expect(suffixError('$(id)')?.params?.character).toBe('$');
  });

  it('should keep the whole role name within 64 characters', () => {
    expect(suffixError('a'.repeat(50))).toEqual({
      code: 'roleNameSuffix.tooLong',
      params: { max: 49 },
    });
  });
});

describe('given a connection name to derive a role name from', () => {
  it('should produce a valid IAM suffix', () => {
    expect(deriveRoleNameSuffix('Prod Finance (EU) ✨')).toBe('prod-finance-eu');
    expect(deriveRoleNameSuffix('Produção São Paulo')).toBe('producao-sao-paulo');
    expect(deriveRoleNameSuffix('  --Team  A -- B--  ')).toBe('team-a-b');
    expect(deriveRoleNameSuffix('billing@acme.com')).toBe('billing@acme.com');
    expect(deriveRoleNameSuffix('A_B+C=D,E')).toBe('a_b+c=d,e');
    expect(deriveRoleNameSuffix('$(rm -rf /)')).toBe('rm-rf');
    expect(deriveRoleNameSuffix('ＦＵＬＬ　ＷＩＤＴＨ')).toBe('full-width');
    expect(deriveRoleNameSuffix('İstanbul Ærø')).toBe('istanbul-r');
  });

  it('should give nothing when no usable character is left', () => {
    expect(deriveRoleNameSuffix('')).toBe('');
    expect(deriveRoleNameSuffix('生产环境')).toBe('');
    expect(deriveRoleNameSuffix('🚀✨ -- ')).toBe('');
  });

  it('should cut to 49 characters without a trailing hyphen', () => {
    expect(deriveRoleNameSuffix('a'.repeat(300))).toBe('a'.repeat(49));
    const cutAtHyphen = deriveRoleNameSuffix(`${'a'.repeat(48)} b`);
    expect(cutAtHyphen).toBe('a'.repeat(48));
  });

  it('should always pass the role name checks when not empty', () => {
    for (const name of ['Prod Finance (EU) ✨', 'x'.repeat(300), 'a\u202Eb', 'Q3 → Q4 / 2025']) {
      const roleNameSuffix = deriveRoleNameSuffix(name);
      expect(roleNameSuffix).not.toBe('');
      expect(
        validateDetails(details({ roleNameSuffix }))['details.roleNameSuffix'],
      ).toBeUndefined();
      expect(ROLE_NAME_PREFIX + roleNameSuffix).toMatch(/^[\w+=,.@-]{1,64}$/);
    }
  });
});

describe('given a description', () => {
  function descriptionError(description: string) {
    return validateDetails(details({ description }))['details.description'];
  }

  it('should accept what IAM accepts, line breaks and Latin-1 included', () => {
    expect(descriptionError('')).toBeUndefined();
    expect(descriptionError('Coûts & usage\r\n\t« EU » ©')).toBeUndefined();
    expect(descriptionError(`  ${'d'.repeat(1000)}  `)).toBeUndefined();
  });

  it('should refuse characters outside IAM role-description pattern', () => {
    expect(descriptionError('rocket 🚀')).toEqual({
      code: 'description.invalidCharacter',
      params: { character: '🚀', codePoint: 'U+1F680' },
    });
    expect(descriptionError('a\u0000b')?.params?.codePoint).toBe('U+0000');
    expect(descriptionError('a\u007Fb')?.params?.codePoint).toBe('U+007F');
    expect(descriptionError('a\u00A0b')?.params?.codePoint).toBe('U+00A0');
    expect(descriptionError('a\u202Eb')?.params?.codePoint).toBe('U+202E');
    expect(descriptionError('生产')?.code).toBe('description.invalidCharacter');
  });

  it('should refuse more than 1000 characters', () => {
    expect(descriptionError('d'.repeat(1001))).toEqual({
      code: 'description.tooLong',
      params: { max: 1000 },
    });
  });
});

describe('given emails', () => {
  it('should accept the HTML standard e-mail syntax', () => {
    expect(isValidEmail('ada@example.com')).toBe(true);
    expect(isValidEmail(' Ada.Lovelace+ops@sub.example.co.uk ')).toBe(true);
    expect(isValidEmail("o'brien@example.com")).toBe(true);
  });

  it('should refuse malformed addresses', () => {
    for (const email of [
      'ada',
      'ada@',
      '@example.com',
      'ada@@example.com',
      'ada lovelace@example.com',
      'ada@-example.com',
      'ada@example..com',
      '"ada"@example.com',
      `${'a'.repeat(250)}@example.com`,
    ]) {
      expect(isValidEmail(email)).toBe(false);
    }
  });
});

describe('given an access list', () => {
  it('should accept the creator as owner and others with known levels', () => {
    const entries = [
      { email: ' ADA@example.com ', level: 'owner' },
      { email: 'bob@example.com', level: 'user' },
    ];
    expect(validateAccess(entries, access)).toEqual({});
  });

  it('should report empty, malformed and duplicate emails on their own rows', () => {
    const entries = [
      { email: 'ada@example.com', level: 'owner' },
      { email: 'bob@example.com', level: 'editor' },
      { email: '', level: 'user' },
      { email: 'not an email', level: 'user' },
      { email: ' BOB@Example.com', level: 'user' },
    ];
    expect(validateAccess(entries, access)).toEqual({
      'access.2.email': { code: 'access.email.required' },
      'access.3.email': { code: 'access.email.invalid' },
      'access.4.email': { code: 'access.email.duplicate', params: { row: 1 } },
    });
  });

  it('should report missing and unknown levels', () => {
    const entries = [
      { email: 'ada@example.com', level: 'owner' },
      { email: 'bob@example.com', level: '' },
      { email: 'eve@example.com', level: 'admin' },
    ];
    expect(validateAccess(entries, access)).toEqual({
      'access.1.level': { code: 'access.level.required' },
      'access.2.level': { code: 'access.level.unknown', params: { level: 'admin' } },
    });
  });

  it('should keep the creator on the list as owner', () => {
    expect(validateAccess([{ email: 'bob@example.com', level: 'owner' }], access)).toEqual({
      access: { code: 'access.creator.missing', params: { email: 'ada@example.com' } },
    });
    expect(validateAccess([], access)).toEqual({
      access: { code: 'access.creator.missing', params: { email: 'ada@example.com' } },
    });
    expect(validateAccess([{ email: 'Ada@Example.com', level: 'editor' }], access)).toEqual({
      'access.0.level': { code: 'access.creator.notOwner', params: { level: 'owner' } },
    });
  });

  it('should use the host levels and their owner level', () => {
    const levels = ['admin', 'viewer'];
    const entries = [{ email: 'ada@example.com', level: 'viewer' }];
    expect(validateAccess(entries, { levels, creatorEmail: 'ada@example.com' })).toEqual({
      'access.0.level': { code: 'access.creator.notOwner', params: { level: 'admin' } },
    });
    expect(
      validateAccess(entries, { levels, creatorEmail: 'ada@example.com', ownerLevel: 'viewer' }),
    ).toEqual({});
  });
});

describe('given the list of validation codes', () => {
  it('should hold each code once', () => {
    expect(new Set(VALIDATION_CODES).size).toBe(VALIDATION_CODES.length);
  });

  it('should produce every code from some input', () => {
    const results: FieldErrors[] = [
      validateDetails(details({ connectionName: '', roleNameSuffix: '' })),
      validateDetails(details({ connectionName: 'x'.repeat(65), roleNameSuffix: 'a b' })),
      validateDetails(details({ connectionName: 'a\nb', roleNameSuffix: 'a'.repeat(50) })),
      validateDetails(details({ connectionName: 'a\u202Eb', description: '🚀' })),
      validateDetails(details({ connectionName: 'a\u200Bb', description: 'd'.repeat(1001) })),
      validateDetails(details({ connectionName: 'a\uD800' })),
      validateAccess(
        [
          { email: '', level: '' },
          { email: 'nope', level: 'admin' },
          { email: 'bob@example.com', level: 'user' },
          { email: 'bob@example.com', level: 'user' },
        ],
        access,
      ),
      validateAccess([{ email: 'ada@example.com', level: 'user' }], access),
      validatePolicies({ managedPolicyArns: [], allowedActions: [] }).errors,
      validatePolicies({
        managedPolicyArns: [
          'arn:aws:iam::123456789012:policy/Mine',
          'arn:aws:iam::aws:policy/aws-service-role/AWSSupportServiceRolePolicy',
          'arn:aws:iam::aws:policy/ReadOnlyAccess',
          'arn:aws:iam::aws:policy/ReadOnlyAccess',
        ],
        allowedActions: ['s3', 's 3:GetObject', 's3:Get Object', 's3:GetObject', 'S3:getobject'],
      }).errors,
      validatePolicies(
        { managedPolicyArns: ['arn:aws:iam::aws:policy/SecurityAudit'], allowedActions: [] },
        { managedPolicyQuota: 0 },
      ).errors,
      validatePolicies(
        {
          managedPolicyArns: [
            `arn:aws:iam::aws:policy/${'a/'.repeat(1100)}X`,
            `arn:aws:iam::aws:policy/${'p'.repeat(600)}/X`,
            'arn:aws-cn:iam::aws:policy/ReadOnlyAccess',
          ],
          allowedActions: [],
        },
        { region: 'us-east-1' },
      ).errors,
      validateDeploymentSettings({
        trustedAccountId: '１２３４５６７８９０１２',
        externalId: 'x',
        region: 'us-east-1; rm -rf /',
        templateUrl: 'http://example.com/t.yaml',
      }),
      { region: validateRegion('US-EAST-1')! },
      validatePolicies({
        managedPolicyArns: [],
        allowedActions: Array.from({ length: 400 }, (_, i) => `ec2:DescribeThing${i}Long`),
      }).errors,
      { template: artefactErrorIssue({ code: 'template', reason: 'tooLong' }) },
      { other: artefactErrorIssue({ code: 'region', reason: 'invalidFormat' }) },
    ];
    const produced = new Set<ValidationCode>(
      results.flatMap((errors) => Object.values(errors).map((issue) => issue.code)),
    );
    for (const code of VALIDATION_CODES) {
      expect(produced, code).toContain(code);
    }
  });
});

describe('given cfn-lint, which checks role names and descriptions against the IAM schema', () => {
  // ASCII suffixes only: Python's `\\w` also matches letters such as 'é', which IAM refuses, so
  // cfn-lint is more lenient than IAM there.
  const suffixes = [
    'ok',
    'Team_A+B=C,D.E@F-G',
    'a b',
    'a/b',
    '$(id)',
    'a'.repeat(49),
    'a'.repeat(50),
  ];
  const descriptions = [
    '',
    'Coûts & usage\r\n\t« EU » ©',
    'rocket 🚀',
    'a\u0000b',
    'a\u007Fb',
    'a\u00A0b',
    'a\u202Eb',
    '生产',
    'd'.repeat(1000),
    'd'.repeat(1001),
  ];
  const cases = [
    ...suffixes.map((roleNameSuffix) => details({ roleNameSuffix })),
    // Distinct role names, or cfn-lint reports the roles as clashing.
    ...descriptions.map((description, index) =>
      details({ description, roleNameSuffix: `description-${index}` }),
    ),
  ];

  it('should refuse exactly what the CloudFormation schema of AWS::IAM::Role refuses', () => {
    const trust = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::123456789012:root' },
          Action: 'sts:AssumeRole',
        },
      ],
    };
    const template = {
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: Object.fromEntries(
        cases.map((value, index) => [
          `Role${index}`,
          {
            Type: 'AWS::IAM::Role',
            Properties: {
              RoleName: ROLE_NAME_PREFIX + value.roleNameSuffix,
              Description: value.description,
              AssumeRolePolicyDocument: trust,
            },
          },
        ]),
      ),
    };
    const directory = mkdtempSync(join(tmpdir(), 'role-validation-'));
    try {
      const file = join(directory, 'template.json');
      // cfn-lint's parser refuses raw DEL and C1 characters and \u-escaped surrogate pairs, so
      // every other non-ASCII character is written as an escape and emoji are written raw.
      const json = JSON.stringify(template, null, 2).replace(
        /[\u007F-\uD7FF\uE000-\uFFFF]/g,
        (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
      writeFileSync(file, json);
      const run = spawnSync('cfn-lint', ['--format', 'json', file], { encoding: 'utf8' });
      const findings = JSON.parse(run.stdout) as {
        Rule: { Id: string };
        Location: { Path: (string | number)[] | null };
      }[];
      const refusedByCfnLint = new Set(
        findings
          // E3031: pattern not matched; E3033: longer than allowed.
          .filter((finding) => ['E3031', 'E3033'].includes(finding.Rule.Id))
          .map((finding) => `${finding.Location.Path?.[1]}.${finding.Location.Path?.[3]}`),
      );
      const refusedHere = new Set(
        cases.flatMap((value, index) => {
          const errors = validateDetails(value);
          return [
            ...(errors['details.roleNameSuffix'] ? [`Role${index}.RoleName`] : []),
            ...(errors['details.description'] ? [`Role${index}.Description`] : []),
          ];
        }),
      );
      expect(run.status).toBe(2);
      const otherErrors = findings.filter(
        (finding) => finding.Rule.Id.startsWith('E') && !/^E303[13]$/.test(finding.Rule.Id),
      );
      expect(otherErrors).toEqual([]);
      expect(refusedHere.size).toBe(11);
      expect([...refusedByCfnLint].sort()).toEqual([...refusedHere].sort());
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('given template URLs', () => {
  it('should name the bucket and key of virtual-hosted and path-style Amazon S3 URLs', () => {
    expect(templateObject('https://templates.s3.amazonaws.com/ops/role.yaml')).toEqual({
      bucket: 'templates',
      key: 'ops/role.yaml',
    });
    expect(templateObject('https://my.templates.s3.eu-west-1.amazonaws.com/a%20b.yaml')).toEqual({
      bucket: 'my.templates',
      key: 'a b.yaml',
    });
    expect(templateObject('https://s3.us-east-2.amazonaws.com/templates/ops/role.yaml')).toEqual({
      bucket: 'templates',
      key: 'ops/role.yaml',
    });
    expect(templateObject('https://t.s3.cn-north-1.amazonaws.com.cn/r.yaml')).toEqual({
      bucket: 't',
      key: 'r.yaml',
    });
    expect(templateObject("https://t.s3.amazonaws.com/$(id)'.yaml")).toEqual({
      bucket: 't',
      key: "$(id)'.yaml",
    });
  });

  it('should refuse URLs that name no S3 object, or a key with invisible or broken text', () => {
    for (const url of [
      'https://cloudformation.us-east-1.amazonaws.com/role.yaml',
      'https://s3.amazonaws.com/templates',
      'https://templates.s3.amazonaws.com/',
      'https://templates.s3.amazonaws.com/a%00b.yaml',
      'https://templates.s3.amazonaws.com/a%E2%80%AEb.yaml',
      'https://templates.s3.amazonaws.com/a%E2b.yaml',
      'http://templates.s3.amazonaws.com/role.yaml',
    ]) {
      expect(templateObject(url), url).toBeNull();
      expect(
        validateDeploymentSettings({
          trustedAccountId: '068664126052',
          externalId: 'tenant-acme',
          region: 'us-east-1',
          templateUrl: url,
        })['settings.templateUrl'],
        url,
      ).toEqual({ code: 'settings.templateUrl.invalid' });
    }
  });
});
