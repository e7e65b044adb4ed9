/**
 * A busy indicator with a text alternative. The wrapper is a polite status, so the label is
 * announced when the spinner appears; the animation stops under `prefers-reduced-motion`.
 */
import * as React from 'react';

import { useMessages } from '../messages';

const SPINNER_NAME = 'Spinner';

type SpinnerElement = React.ComponentRef<'span'>;

interface SpinnerProps extends React.ComponentPropsWithoutRef<'span'> {
  /** What is happening, for assistive technology (and on screen with `showLabel`). @default messages.loading */
  label?: string;
  /** Whether the label is visible beside the spinner. @default false */
  showLabel?: boolean;
  /** The spinner's size. @default 'medium' */
  size?: 'small' | 'medium';
}

const Spinner = React.forwardRef<SpinnerElement, SpinnerProps>(function Spinner(props, ref) {
  const messages = useMessages();
  const {
    label = messages.loading,
    showLabel = false,
    size = 'medium',
    className,
    ...spanProps
  } = props;

  return (
    <span
      {...spanProps}
      ref={ref}
      role="status"
      className={['awcw-spinner', className].filter(Boolean).join(' ')}
      data-size={size}
    >
      <span className="awcw-spinner-ring" aria-hidden="true" />
      <span className={showLabel ? 'awcw-spinner-label' : 'awcw-visually-hidden'}>{label}</span>
    </span>
  );
});

Spinner.displayName = SPINNER_NAME;

export { Spinner };
export type { SpinnerProps };
