import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** Both buttons disabled: the action is under way and cannot be cancelled. */
  busy?: boolean;
  /** Only the confirm button disabled (e.g. while the dialog is still reading what it asks about). */
  confirmDisabled?: boolean;
  tone?: 'danger' | 'default';
  onConfirm(): void;
  onCancel(): void;
}

/**
 * A modal built on <dialog>.showModal(): the browser traps focus, makes the page behind inert and
 * closes on Escape. The safe choice (cancel) gets focus first so a stray Enter never destroys.
 */
export function ConfirmDialog(props: ConfirmDialogProps): ReactNode {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const { onCancel } = props;

  useEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    if (!element.open) element.showModal();
    cancelButton.current?.focus();
    return () => element.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        // Escape: let React's state decide whether the dialog goes away, not the browser.
        event.preventDefault();
        if (!props.busy) onCancel();
      }}
    >
      <h2 id={titleId} className="dialog__title">
        {props.title}
      </h2>
      <div id={bodyId} className="dialog__body">
        {props.children}
      </div>
      <div className="dialog__actions">
        <button type="button" className="button" ref={cancelButton} onClick={onCancel} disabled={props.busy}>
          {props.cancelLabel}
        </button>
        <button
          type="button"
          className={props.tone === 'danger' ? 'button button--danger' : 'button button--primary'}
          onClick={props.onConfirm}
          disabled={props.busy || props.confirmDisabled}
        >
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
