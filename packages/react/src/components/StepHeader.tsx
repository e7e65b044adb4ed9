/**
 * The content of a step's accordion trigger: number, title, state and error count. Only text and
 * decoration, since it sits inside the trigger button.
 */
import * as React from 'react';

import { useMessages } from '../messages';
import type { Messages } from '../messages';

const STEP_HEADER_NAME = 'StepHeader';

type StepState = 'upcoming' | 'current' | 'complete' | 'invalid';

type StepHeaderElement = React.ComponentRef<'span'>;

interface StepHeaderProps extends Omit<React.ComponentPropsWithoutRef<'span'>, 'title'> {
  /** The step's position, from 1. */
  number: number;
  /** The step's title. */
  title: string;
  /** Where the user stands with this step. */
  state: StepState;
  /** How many errors the step has; shown when above zero. @default 0 */
  errorCount?: number;
  /** A one-line summary of the step's values, shown when the step is complete and closed. */
  summary?: string;
}

const StepHeader = React.forwardRef<StepHeaderElement, StepHeaderProps>(
  function StepHeader(props, ref) {
    const { number, title, state, errorCount = 0, summary, className, ...spanProps } = props;
    const messages = useMessages();

    return (
      <span
        {...spanProps}
        ref={ref}
        className={['awcw-step-header', className].filter(Boolean).join(' ')}
        data-state={state}
      >
        <span className="awcw-step-marker" aria-hidden="true">
          {state === 'complete' ? (
            <svg viewBox="0 0 16 16" width="14" height="14" focusable="false">
              <path d="M3.5 8.5l3 3 6-7" fill="none" stroke="currentColor" strokeWidth="2" />
            </svg>
          ) : state === 'invalid' ? (
            '!'
          ) : (
            number
          )}
        </span>
        <span className="awcw-step-text">
          <span className="awcw-step-title">
            <span className="awcw-visually-hidden">{messages.stepNumber({ number })}: </span>{' '}
            {title}
          </span>{' '}
          {summary && state === 'complete' ? (
            <span className="awcw-step-summary">{summary}</span>
          ) : null}
        </span>{' '}
        <span className="awcw-step-status">
          {errorCount > 0 ? (
            <span className="awcw-badge" data-tone="danger">
              {messages.errorCount({ count: errorCount })}
            </span>
          ) : (
            <span className={state === 'upcoming' ? 'awcw-visually-hidden' : 'awcw-step-state'}>
              {stateLabel(state, messages)}
            </span>
          )}
        </span>
      </span>
    );
  },
);

StepHeader.displayName = STEP_HEADER_NAME;

function stateLabel(state: StepState, messages: Messages): string {
  switch (state) {
    case 'complete':
      return messages.stepStateComplete;
    case 'current':
      return messages.stepStateCurrent;
    case 'invalid':
      return messages.stepStateInvalid;
    default:
      return messages.stepStateUpcoming;
  }
}

export { StepHeader };
export type { StepHeaderProps, StepState };
