/**
 * The IAM role name: the user edits only the part after the fixed prefix, which is drawn inside
 * the input box and announced with the field, so nobody types it twice or removes it.
 */
import * as React from 'react';

import { ROLE_NAME_PREFIX } from '@aws-connection-wizard/core';

import { useMessages } from '../messages';
import { TextField } from './TextField';
import type { TextFieldProps } from './TextField';

const ROLE_NAME_FIELD_NAME = 'RoleNameField';

type RoleNameFieldElement = React.ComponentRef<'input'>;

interface RoleNameFieldProps extends Omit<TextFieldProps, 'label' | 'startAdornment'> {
  /** The visible label. @default messages.roleNameLabel */
  label?: React.ReactNode;
}

const RoleNameField = React.forwardRef<RoleNameFieldElement, RoleNameFieldProps>(
  function RoleNameField(props, forwardedRef) {
    const messages = useMessages();
    const prefixId = React.useId();
    const { label = messages.roleNameLabel, hint = messages.roleNameHint, ...fieldProps } = props;

    return (
      <TextField
        {...fieldProps}
        ref={forwardedRef}
        label={label}
        hint={hint}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        aria-describedby={prefixId}
        startAdornment={
          <span className="awcw-input-adornment awcw-mono" data-part="prefix">
            <span aria-hidden="true">{ROLE_NAME_PREFIX}</span>
            <span id={prefixId} className="awcw-visually-hidden">
              {messages.roleNamePrefixDescription({ prefix: ROLE_NAME_PREFIX })}
            </span>
          </span>
        }
      />
    );
  },
);

RoleNameField.displayName = ROLE_NAME_FIELD_NAME;

export { RoleNameField };
export type { RoleNameFieldProps };
