/** Public surface of the artefact generators. */
export { ArtefactError, artefactErrorIssue } from './errors';
export type { ArtefactErrorCode, ArtefactErrorReason } from './errors';
export { generateArtefacts } from './generate';
export { generateManagementAccountScript } from './managementAccountScript';
export {
  ACCOUNTS_STACK_SET_SUFFIX,
  STACK_SET_NAME_PATTERN,
  stackSetNameFor,
  stackSetNameForKey,
} from './names';
export {
  ALLOWED_ACTIONS_POLICY_NAME,
  BASE_PERMISSIONS,
  BASE_POLICY_NAME,
  INLINE_POLICY_MAX_CHARACTERS,
  inlinePolicyDocuments,
  inlinePolicySize,
} from './permissions';
export type { BasePermission } from './permissions';
export { shellQuote } from './quoting/shell';
export { terraformString } from './quoting/terraform';
export { yamlString } from './quoting/yaml';
export { compactJson, jsonString } from './quoting/json';
export type { JsonValue } from './quoting/json';
export { generateStackSetScript } from './stackSetScript';
export { MAX_TEMPLATE_BODY_BYTES, generateTemplate, templateParameters } from './template';
export { generateTerraform } from './terraform';
export type { ArtefactInput, Artefacts } from './types';
