/* sa-watch-notifier.h — the watch's news as desktop notifications
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-core.h"
#include "sa-watch.h"

G_BEGIN_DECLS

/* Where an access request's reminder is sent (Cisco publishes no reminder
 * API): Cisco Software Central, whose "Your Access Requests" page the
 * notification names (CISCO-APIS.md §3, the portal entry points). */
#define SA_PORTAL_ACCESS_REQUESTS_URI "https://software.cisco.com/"

#define SA_TYPE_WATCH_NOTIFIER (sa_watch_notifier_get_type ())
G_DECLARE_FINAL_TYPE (SaWatchNotifier, sa_watch_notifier, SA, WATCH_NOTIFIER, GObject)

/* Signal: "notified" (SaHandOff *hand_off, const char *notification_id,
 * const char *title, const char *body, GNotification *notification), after
 * the notification was sent. */
SaWatchNotifier *sa_watch_notifier_new          (GApplication *application,
                                                 SaWatch      *watch);
char            *sa_watch_notifier_dup_id       (SaHandOff    *hand_off);
const char      *sa_watch_notifier_get_place    (SaHandOff    *hand_off);

G_END_DECLS
