/**
 * What the host passes to `<AwsConnectionWizard/>` beyond the machine's options, handed to the
 * steps and phases that show it: the access levels' labels, the onboarding link and *Cancel*.
 */
import * as React from 'react';

export interface AccessLevelOption {
  value: string;
  label: string;
}

export const DEFAULT_ACCESS_LEVEL_OPTIONS: readonly AccessLevelOption[] = [
  { value: 'owner', label: 'Owner' },
  { value: 'editor', label: 'Editor' },
  { value: 'user', label: 'User' },
];

export interface WizardSettings {
  accessLevels: readonly AccessLevelOption[];
  onboardingHref?: string;
  onCancel?: () => void;
}

const WizardSettingsContext = React.createContext<WizardSettings>({
  accessLevels: DEFAULT_ACCESS_LEVEL_OPTIONS,
});

export const WizardSettingsProvider = WizardSettingsContext.Provider;

export function useWizardSettings(): WizardSettings {
  return React.useContext(WizardSettingsContext);
}
