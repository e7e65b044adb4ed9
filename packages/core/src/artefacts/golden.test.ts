import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { EXAMPLE_INPUTS } from './__golden__/examples';
import { generateArtefacts } from './generate';

// Set UPDATE_GOLDEN=1 to rewrite the files after an intended change, then review the diff.
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const DIRECTORY = join(import.meta.dirname, '__golden__');

describe.each(Object.entries(EXAMPLE_INPUTS))('given the example input %s', (name, input) => {
  const artefacts = generateArtefacts(input);
  const files: [string, string | null][] = [
    [`${name}.template.yaml`, artefacts.template],
    [`${name}.stackset.sh`, artefacts.stackSetScript],
    [`${name}.management.sh`, artefacts.managementAccountScript],
    [`${name}.tf`, artefacts.terraform],
  ];

  it.each(files)('should generate %s exactly as recorded', (file, content) => {
    const path = join(DIRECTORY, file);
    if (UPDATE && content !== null) writeFileSync(path, content);
    if (content === null) {
      expect(existsSync(path)).toBe(false);
    } else {
      expect(content).toBe(readFileSync(path, 'utf8'));
    }
  });
});
