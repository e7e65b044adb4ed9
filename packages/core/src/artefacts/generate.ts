/**
 * Every artefact of a connection from one input. Pure: the same input gives the same bytes,
 * in the browser and headless.
 */
import { generateManagementAccountScript } from './managementAccountScript';
import { generateStackSetScript } from './stackSetScript';
import { generateTemplate } from './template';
import { generateTerraform } from './terraform';
import type { ArtefactInput, Artefacts } from './types';

export function generateArtefacts(input: ArtefactInput): Artefacts {
  return {
    template: generateTemplate(input),
    stackSetScript: generateStackSetScript(input),
    managementAccountScript: generateManagementAccountScript(input),
    terraform: generateTerraform(input),
    // Every account that gets the role now, the management account included when in scope.
    terraformAccounts: [...input.plan.coverage.now].sort(),
  };
}
