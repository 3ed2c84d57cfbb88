import type { Catalogue } from '../catalogue.ts';

export const notificationsEn = {
  title: 'Notifications',
  button: 'Notifications',
  buttonUnread: 'Notifications, {{count}} unread',
  empty: 'Nothing to report: job outcomes appear here.',
  markRead: 'Mark as read',
  markReadLabel: 'Mark “{{title}}” as read',
  markAllRead: 'Mark all as read',
} as const;

export const notificationsFr: Catalogue<typeof notificationsEn> = {
  title: 'Notifications',
  button: 'Notifications',
  buttonUnread: 'Notifications, {{count}} non lues',
  empty: 'Rien à signaler\u00a0: les résultats des tâches s’affichent ici.',
  markRead: 'Marquer comme lue',
  markReadLabel: 'Marquer «\u00a0{{title}}\u00a0» comme lue',
  markAllRead: 'Tout marquer comme lu',
};

export const notificationsAr: Catalogue<typeof notificationsEn> = {
  title: 'الإشعارات',
  button: 'الإشعارات',
  buttonUnread: 'الإشعارات، {{count}} غير مقروءة',
  empty: 'لا جديد: تظهر نتائج المهام هنا.',
  markRead: 'تعليم كمقروء',
  markReadLabel: 'تعليم «{{title}}» كمقروء',
  markAllRead: 'تعليم الكل كمقروء',
};
