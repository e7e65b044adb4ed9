import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';

import { CommandBlock } from './CommandBlock';

const SCRIPT = `aws cloudformation create-stack-set \\
  --stack-set-name 'doit-cloudflow-prod' \\
  --permission-model SERVICE_MANAGED`;

async function expectNoAxeViolations(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations).toEqual([]);
}

describe('given a command block', () => {
  it('should show the exact code in a named, focusable region', async () => {
    const { container } = render(
      <CommandBlock title="Create the StackSet" code={SCRIPT} language="bash" fileName="a.sh" />,
    );

    const region = screen.getByRole('region', { name: 'Create the StackSet' });
    expect(region.textContent).toBe(SCRIPT);
    expect(region).toHaveAttribute('tabindex', '0');
    expect(region).toHaveAttribute('data-wrap', 'off');
    await expectNoAxeViolations(container);
  });

  it('should switch line wrapping', async () => {
    const user = userEvent.setup();
    render(<CommandBlock title="Template" code={SCRIPT} />);

    const wrap = screen.getByRole('button', { name: 'Wrap lines' });
    await user.click(wrap);
    expect(wrap).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('region')).toHaveAttribute('data-wrap', 'on');
  });
});

describe('given a browser that allows the Clipboard API', () => {
  it('should copy the code and announce it', async () => {
    const user = userEvent.setup();
    const onCopyResult = vi.fn();
    render(<CommandBlock title="Script" code={SCRIPT} onCopyResult={onCopyResult} />);

    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe(SCRIPT);
    expect(screen.getByRole('status')).toHaveTextContent('Copied');
    expect(onCopyResult).toHaveBeenCalledWith('copied');
  });
});

describe('given a browser that refuses the Clipboard API', () => {
  let execCommand: typeof document.execCommand | undefined;
  beforeEach(() => {
    execCommand = document.execCommand;
  });
  afterEach(() => {
    document.execCommand = execCommand!;
  });

  it('should copy through a selected textarea instead', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(
      new DOMException('Write permission denied.', 'NotAllowedError'),
    );
    let copiedText = '';
    // jsdom has no execCommand; this one copies what is really selected in the focused field.
    document.execCommand = (command: string) => {
      const field = document.activeElement as HTMLTextAreaElement;
      copiedText = field.value.slice(field.selectionStart, field.selectionEnd);
      return command === 'copy';
    };
    render(<CommandBlock title="Script" code={SCRIPT} />);

    const copy = screen.getByRole('button', { name: 'Copy' });
    await user.click(copy);
    expect(copiedText).toBe(SCRIPT);
    expect(screen.getByRole('status')).toHaveTextContent('Copied');
    expect(document.querySelector('textarea')).toBeNull();
    expect(copy).toHaveFocus();
  });

  it('should say the copy failed and select the code for a manual copy', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(
      new DOMException('Write permission denied.', 'NotAllowedError'),
    );
    document.execCommand = () => false;
    const onCopyResult = vi.fn();
    const { container } = render(
      <CommandBlock title="Script" code={SCRIPT} onCopyResult={onCopyResult} />,
    );

    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(screen.getByRole('status')).toHaveTextContent(
      'Copy failed — select the text and copy it',
    );
    expect(window.getSelection()?.toString()).toBe(SCRIPT);
    expect(onCopyResult).toHaveBeenCalledWith('failed');
    await expectNoAxeViolations(container);
  });
});

describe('given a file name', () => {
  it('should download the code as a file of the given type', async () => {
    const user = userEvent.setup();
    const blobs: Blob[] = [];
    const revoked: string[] = [];
    // jsdom implements Blob but not object URLs; record what the component hands over.
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      blobs.push(blob as Blob);
      return `blob:test/${blobs.length}`;
    };
    URL.revokeObjectURL = (url: string) => {
      revoked.push(url);
    };
    const downloads: { href: string; download: string }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      downloads.push({ href: this.href, download: this.download });
    });
    render(
      <CommandBlock
        title="Template"
        code={SCRIPT}
        fileName="doit-cloudflow-prod.yaml"
        mimeType="application/yaml"
      />,
    );

    await user.click(screen.getByRole('button', { name: 'Download' }));
    expect(downloads).toEqual([{ href: 'blob:test/1', download: 'doit-cloudflow-prod.yaml' }]);
    expect(blobs[0].type).toBe('application/yaml');
    expect(await blobs[0].text()).toBe(SCRIPT);
    await vi.waitFor(() => expect(revoked).toEqual(['blob:test/1']));
    click.mockRestore();
  });
});
