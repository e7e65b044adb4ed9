/**
 * The question asked when a selected root or OU contains the management account. CloudFormation
 * StackSets never deploy stack instances to the management account, so including it means a
 * second command run there.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DeploymentTargets.html
 */
import * as RadioGroup from '@radix-ui/react-radio-group';
import * as React from 'react';

import type { ManagementAccountDecision } from '@aws-connection-wizard/core';

import { useMessages } from '../messages';

const PROMPT_NAME = 'ManagementAccountPrompt';

type ManagementAccountPromptElement = React.ComponentRef<'div'>;

interface ManagementAccountPromptProps extends Omit<
  React.ComponentPropsWithoutRef<'div'>,
  'defaultValue' | 'onChange'
> {
  /** The user's answer; `null` while unanswered. */
  value: ManagementAccountDecision | null;
  /** Called with the answer the user picks. */
  onValueChange: (value: ManagementAccountDecision) => void;
  /** The management account's name (and id), named in the explanation. @default '' */
  managementAccountName?: string;
  /** An already translated error, shown under the choices and announced. */
  error?: string;
  /** Whether the choice is read-only. @default false */
  disabled?: boolean;
}

const ManagementAccountPrompt = React.forwardRef<
  ManagementAccountPromptElement,
  ManagementAccountPromptProps
>(function ManagementAccountPrompt(props, forwardedRef) {
  const {
    value,
    onValueChange,
    managementAccountName = '',
    error,
    disabled = false,
    className,
    ...divProps
  } = props;
  const messages = useMessages();
  const id = React.useId();
  const describedBy = [`${id}-explanation`, error ? `${id}-error` : null].filter(Boolean).join(' ');

  return (
    <div
      {...divProps}
      ref={forwardedRef}
      className={['awcw-prompt', className].filter(Boolean).join(' ')}
      data-state={value === null ? 'unanswered' : value}
      data-invalid={error ? '' : undefined}
      data-disabled={disabled ? '' : undefined}
    >
      <p id={`${id}-title`} className="awcw-prompt-title">
        {messages.managementAccountPromptTitle}
      </p>
      <p id={`${id}-explanation`} className="awcw-prompt-explanation">
        {messages.managementAccountPromptExplanation({ name: managementAccountName })}
      </p>
      <RadioGroup.Root
        className="awcw-radio-group"
        value={value}
        onValueChange={(next) => onValueChange(next as ManagementAccountDecision)}
        aria-labelledby={`${id}-title`}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        aria-required
        disabled={disabled}
      >
        <RadioOption
          id={`${id}-include`}
          value="include"
          label={messages.managementAccountInclude}
          hint={messages.managementAccountIncludeHint}
        />
        <RadioOption
          id={`${id}-exclude`}
          value="exclude"
          label={messages.managementAccountExclude}
          hint={messages.managementAccountExcludeHint}
        />
      </RadioGroup.Root>
      {error ? (
        <p id={`${id}-error`} className="awcw-field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
});

ManagementAccountPrompt.displayName = PROMPT_NAME;

function RadioOption(props: {
  id: string;
  value: ManagementAccountDecision;
  label: string;
  hint: string;
}) {
  return (
    <div className="awcw-radio-option">
      <RadioGroup.Item
        id={props.id}
        className="awcw-radio"
        value={props.value}
        aria-describedby={`${props.id}-hint`}
      >
        <RadioGroup.Indicator className="awcw-radio-indicator" />
      </RadioGroup.Item>
      <span className="awcw-radio-text">
        <label htmlFor={props.id} className="awcw-radio-label">
          {props.label}
        </label>
        <span id={`${props.id}-hint`} className="awcw-hint">
          {props.hint}
        </span>
      </span>
    </div>
  );
}

export { ManagementAccountPrompt };
export type { ManagementAccountPromptProps };
