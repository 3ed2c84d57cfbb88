import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notification } from '../../../core/api/index.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BellIcon, CloseIcon } from '../../components/icons.tsx';
import { useCommand } from '../../hooks/use-command.ts';
import { useFormatters } from '../../hooks/use-formatters.ts';
import { useQuery } from '../../hooks/use-query.ts';

const NOTIFICATION_EVENTS = ['notification.created', 'notifications.changed', 'backup.restored'] as const;

function NotificationItem(props: { notification: Notification; onRead(id: string): void }): ReactNode {
  const { t } = useTranslation();
  const format = useFormatters();
  const { notification } = props;
  const unread = notification.readAt === null;
  return (
    <li className={`notification notification--${notification.level}${unread ? ' notification--unread' : ''}`}>
      <div className="notification__head">
        <span className={`status-dot status-dot--${notification.level}`} aria-hidden="true" />
        <p className="notification__title" dir="auto">
          {notification.title}
        </p>
        <time className="notification__time" dateTime={notification.at}>
          {format.date(notification.at)}
        </time>
      </div>
      {notification.body ? (
        <p className="notification__body" dir="auto">
          {notification.body}
        </p>
      ) : null}
      {unread ? (
        <button type="button" className="button button--small button--ghost" onClick={() => props.onRead(notification.id)} aria-label={t('notifications.markReadLabel', { title: notification.title })}>
          {t('notifications.markRead')}
        </button>
      ) : null}
    </li>
  );
}

/**
 * The in-app notification centre: job outcomes (failures always; successes when a job asks for
 * them). A bell with the unread count in the sidebar opens the list; new ones arrive by events.
 */
export function NotificationCentre(): ReactNode {
  const { t } = useTranslation();
  const format = useFormatters();
  const list = useQuery('notifications.list', { limit: 30 }, { refreshOn: NOTIFICATION_EVENTS });
  const markRead = useCommand('notifications.markRead');
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];

  useEffect(() => {
    if (!open) return;
    panel.current?.focus();
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  async function read(input: { ids: string[] } | { all: true }): Promise<void> {
    await markRead.run(input);
    list.refresh();
  }

  return (
    <div className="notification-centre">
      <button
        ref={button}
        type="button"
        className="nav-item notification-centre__button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={unread > 0 ? t('notifications.buttonUnread', { count: format.number(unread) }) : t('notifications.button')}
        onClick={() => setOpen((o) => !o)}
      >
        <BellIcon />
        <span>{t('notifications.title')}</span>
        {unread > 0 ? (
          <span className="unread-badge" aria-hidden="true">
            {format.number(unread)}
          </span>
        ) : null}
      </button>
      {open ? (
        <section id={id} ref={panel} tabIndex={-1} className="notification-panel" aria-label={t('notifications.title')}>
          <header className="notification-panel__header">
            <h2 className="notification-panel__title">{t('notifications.title')}</h2>
            <button type="button" className="button button--small button--ghost" disabled={unread === 0 || markRead.pending} onClick={() => void read({ all: true })}>
              {t('notifications.markAllRead')}
            </button>
            <button type="button" className="button button--small button--ghost" aria-label={t('common.close')} onClick={() => setOpen(false)}>
              <CloseIcon />
            </button>
          </header>
          {list.error ? <ErrorAlert error={list.error} /> : null}
          {markRead.error ? <ErrorAlert error={markRead.error} /> : null}
          {items.length === 0 && list.loaded ? <p className="notification-panel__empty">{t('notifications.empty')}</p> : null}
          <ul className="notification-list">
            {items.map((n) => (
              <NotificationItem key={n.id} notification={n} onRead={(nid) => void read({ ids: [nid] })} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
