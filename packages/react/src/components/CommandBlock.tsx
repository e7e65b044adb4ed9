/**
 * A generated artefact shown as code, with Copy and Download. Copy uses the asynchronous
 * Clipboard API, which browsers refuse outside secure contexts and in iframes without the
 * `clipboard-write` permission; it then falls back to a selected, off-screen textarea and
 * `document.execCommand('copy')`.
 * https://w3c.github.io/clipboard-apis/#dom-clipboard-writetext
 * https://developer.mozilla.org/en-US/docs/Web/API/Document/execCommand#copy
 */
import * as React from 'react';

import { useMessages } from '../messages';

const COMMAND_BLOCK_NAME = 'CommandBlock';

/** How long the Copied / Copy failed status stays before the button reads Copy again. */
const STATUS_RESET_MS = 4000;

type CopyState = 'idle' | 'copied' | 'failed';

type CommandBlockElement = React.ComponentRef<'div'>;

interface CommandBlockProps extends Omit<
  React.ComponentPropsWithoutRef<'div'>,
  'title' | 'onCopy'
> {
  /** The block's title, which also names the code region. */
  title: string;
  /** The exact text to show, copy and download. */
  code: string;
  /** A short explanation shown under the title. */
  description?: React.ReactNode;
  /** The language shown as a label (`bash`, `yaml`, `hcl`). */
  language?: string;
  /** File name for Download; without it no Download button is shown. */
  fileName?: string;
  /** The downloaded file's media type. @default 'text/plain' */
  mimeType?: string;
  /** Whether long lines wrap (controlled). */
  wrap?: boolean;
  /** Whether long lines wrap at first (uncontrolled). @default false */
  defaultWrap?: boolean;
  /** Called when the user switches line wrapping. */
  onWrapChange?: (wrap: boolean) => void;
  /** Called after every copy attempt with its outcome. */
  onCopyResult?: (result: 'copied' | 'failed') => void;
  /** Called after the file was offered for download. */
  onDownload?: () => void;
  /** The heading level of the title. @default 4 */
  headingLevel?: 2 | 3 | 4 | 5;
}

const CommandBlock = React.forwardRef<CommandBlockElement, CommandBlockProps>(
  function CommandBlock(props, forwardedRef) {
    const {
      title,
      code,
      description,
      language,
      fileName,
      mimeType = 'text/plain',
      wrap: wrapProp,
      defaultWrap = false,
      onWrapChange,
      onCopyResult,
      onDownload,
      headingLevel = 4,
      className,
      ...divProps
    } = props;
    const messages = useMessages();
    const id = React.useId();
    const codeRef = React.useRef<HTMLPreElement>(null);
    const [wrapState, setWrapState] = React.useState(defaultWrap);
    const wrap = wrapProp ?? wrapState;
    const [copyState, setCopyState] = React.useState<CopyState>('idle');
    const Heading = `h${headingLevel}` as const;

    React.useEffect(() => {
      if (copyState === 'idle') return;
      const timer = setTimeout(() => setCopyState('idle'), STATUS_RESET_MS);
      return () => clearTimeout(timer);
    }, [copyState]);

    const handleCopy = async () => {
      const copied = (await writeWithClipboardApi(code)) || copyWithTextarea(code);
      setCopyState(copied ? 'copied' : 'failed');
      // Leave the code selected so the user can copy it by hand.
      if (!copied && codeRef.current) selectContents(codeRef.current);
      onCopyResult?.(copied ? 'copied' : 'failed');
    };

    const handleDownload = () => {
      if (!fileName) return;
      const url = URL.createObjectURL(new Blob([code], { type: mimeType }));
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      // Revoke after the click has been handled, so the download has the URL in hand.
      setTimeout(() => URL.revokeObjectURL(url), 0);
      onDownload?.();
    };

    const toggleWrap = () => {
      if (wrapProp === undefined) setWrapState(!wrap);
      onWrapChange?.(!wrap);
    };

    return (
      <div
        role="group"
        {...divProps}
        ref={forwardedRef}
        className={['awcw-command', className].filter(Boolean).join(' ')}
        aria-labelledby={`${id}-title`}
        data-state={copyState}
      >
        <div className="awcw-command-header">
          <div className="awcw-command-heading">
            <Heading id={`${id}-title`} className="awcw-command-title">
              {title}
            </Heading>
            {language ? (
              <span className="awcw-badge" data-tone="muted">
                {language}
              </span>
            ) : null}
          </div>
          <div className="awcw-command-actions">
            <button
              type="button"
              className="awcw-button"
              data-variant="ghost"
              data-size="small"
              aria-pressed={wrap}
              onClick={toggleWrap}
            >
              {messages.wrapLines}
            </button>
            {fileName ? (
              <button
                type="button"
                className="awcw-button"
                data-variant="secondary"
                data-size="small"
                onClick={handleDownload}
                aria-describedby={`${id}-file`}
              >
                {messages.download}
              </button>
            ) : null}
            <button
              type="button"
              className="awcw-button"
              data-variant="primary"
              data-size="small"
              onClick={handleCopy}
            >
              {copyState === 'copied' ? messages.copied : messages.copy}
            </button>
          </div>
        </div>
        {description ? <div className="awcw-command-description">{description}</div> : null}
        {fileName ? (
          <span id={`${id}-file`} className="awcw-visually-hidden">
            {fileName}
          </span>
        ) : null}
        {/* A focusable region, so keyboard users can scroll long lines (WCAG 2.1.1). */}
        <pre
          ref={codeRef}
          className="awcw-command-code"
          data-wrap={wrap ? 'on' : 'off'}
          tabIndex={0}
          role="region"
          aria-labelledby={`${id}-title`}
        >
          <code>{code}</code>
        </pre>
        <p className="awcw-command-status" role="status" data-state={copyState}>
          {copyState === 'copied'
            ? messages.copied
            : copyState === 'failed'
              ? messages.copyFailed
              : ''}
        </p>
      </div>
    );
  },
);

CommandBlock.displayName = COMMAND_BLOCK_NAME;

/* -----------------------------------------------------------------------------------------------*/

async function writeWithClipboardApi(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Refused: not a secure context, no permission in this frame, or the document lost focus.
    return false;
  }
}

function copyWithTextarea(text: string): boolean {
  if (typeof document.execCommand !== 'function') return false;
  const active = document.activeElement as HTMLElement | null;
  const textarea = document.createElement('textarea');
  textarea.value = text;
  textarea.setAttribute('readonly', '');
  textarea.setAttribute('aria-hidden', 'true');
  textarea.style.position = 'fixed';
  textarea.style.insetInlineStart = '-9999px';
  textarea.style.opacity = '0';
  document.body.append(textarea);
  textarea.focus({ preventScroll: true });
  textarea.select();
  textarea.setSelectionRange(0, text.length);
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  textarea.remove();
  active?.focus();
  return copied;
}

function selectContents(element: HTMLElement) {
  const selection = window.getSelection();
  if (!selection) return;
  const range = document.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
}

export { CommandBlock };
export type { CommandBlockProps };
