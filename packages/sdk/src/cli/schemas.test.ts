import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import * as prettier from 'prettier';

import { AnswersSchema, jsonSchemaText } from './answers';
import { EXIT_OK, runCli } from './main';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const repositoryDir = path.resolve(packageDir, '../..');

function schemaPath(which: 'answers' | 'platform'): string {
  return path.join(packageDir, 'schemas', `${which}.schema.json`);
}

function committed(which: 'answers' | 'platform'): string {
  return readFileSync(schemaPath(which), 'utf8');
}

/** The repository keeps JSON as Prettier writes it: regenerate, then `prettier --write`. */
async function formatted(text: string, file: string): Promise<string> {
  const options = await prettier.resolveConfig(file);
  return prettier.format(text, { ...options, filepath: file });
}

describe('given the committed JSON Schemas of the answers and platform files', () => {
  it.each(['answers', 'platform'] as const)(
    'should be exactly what the %s zod schema generates today',
    async (which) => {
      expect(await formatted(jsonSchemaText(which), schemaPath(which))).toBe(committed(which));
    },
  );

  it('should be what `aws-connection-wizard schema answers` prints', async () => {
    let stdout = '';
    const code = await runCli(['schema', 'answers'], {
      cwd: packageDir,
      stdout: (text) => (stdout += text),
      stderr: () => undefined,
    });

    expect(code).toBe(EXIT_OK);
    expect(await formatted(stdout, schemaPath('answers'))).toBe(committed('answers'));
    expect(JSON.parse(stdout)).toEqual(JSON.parse(committed('answers')));
  });

  it('should describe the fields the plan command requires', () => {
    const schema = JSON.parse(committed('answers'));

    expect(schema.required).toEqual(['connectionName', 'managementAccountId', 'scope', 'policies']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.scope.properties.managementAccount.enum).toEqual([
      'include',
      'exclude',
    ]);
    expect(schema.properties.managementAccountId.pattern).toBe('^\\d{12}$');
  });
});

describe('given the worked example answers', () => {
  it('should follow the same zod schema the command validates with', () => {
    const example = JSON.parse(
      readFileSync(path.join(repositoryDir, 'examples/cli/answers.json'), 'utf8'),
    );

    expect(AnswersSchema.safeParse(example).success).toBe(true);
    expect(AnswersSchema.safeParse({ ...example, scope: { selected: 'r-abcd' } }).success).toBe(
      false,
    );
  });
});
