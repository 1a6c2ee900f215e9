/* sa-access-requests-view-private.h — what the files of Your Access
 * Requests share, and what the tests read and do there beside what the user
 * sees
 *
 * The view is one struct over two files:
 *   sa-access-requests-view.c       the list, its loading, the monitor, the
 *                                   actions (reminders sent, training
 *                                   decisions, Request Again)
 *   sa-access-requests-reminders.c  when a row offers "Send a reminder": the
 *                                   first minutes after sending, the 24-hour
 *                                   rule, the practice clock, the one timer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-access-request-monitor.h"
#include "sa-access-requests-view.h"
#include "sa-journal-list.h"

G_BEGIN_DECLS

/* No reminder offered in the first minutes after sending (issue 11), in
 * microseconds. */
#define SA_ACCESS_REQUESTS_REMINDER_GRACE (10 * G_TIME_SPAN_MINUTE)

struct _SaAccessRequestsView
{
  AdwBin                  parent_instance;

  SaClient               *client;
  SaAccessRequestMonitor *monitor;
  GCancellable           *cancellable;
  GCancellable           *action_cancellable;
  GListStore             *requests;
  GHashTable             *next_reminder;   /* id → GDateTime from REMINDER_TOO_SOON */
  GHashTable             *busy;            /* ids with a reminder or decision under way */
  GtkWindow              *watched_window;
  gulong                  active_handler;
  gint64                  last_refresh;
  GTimeSpan               clock_offset;    /* the server's clock − this computer's */
  GTimeSpan               reminder_grace;  /* SA_ACCESS_REQUESTS_REMINDER_GRACE */
  guint                   grace_timeout_id;
  gboolean                training;
  gboolean                loading;
  gboolean                loaded;

  GtkStack               *stack;
  GtkSpinner             *spinner;
  GtkListBox             *list;
  AdwStatusPage          *error_page;
  SaJournalList          *journal_list;    /* issue 10: with the Cisco connection */
};

/* sa-access-requests-view.c */
void        sa_access_requests_view_show_requests      (SaAccessRequestsView *self,
                                                        GListModel           *model);

/* sa-access-requests-reminders.c */
GtkWidget  *sa_access_requests_view_create_row         (gpointer              item,
                                                        gpointer              user_data);
void        sa_access_requests_view_schedule_reminders (SaAccessRequestsView *self);
void        sa_access_requests_view_read_clock         (SaAccessRequestsView *self);

/* For the tests */
SaAccessRequestMonitor *sa_access_requests_view_get_monitor (SaAccessRequestsView *self);
GtkWidget              *sa_access_requests_view_get_row     (SaAccessRequestsView *self,
                                                             const char           *request_id);
GtkWidget              *sa_access_requests_view_get_reminder_button (SaAccessRequestsView *self,
                                                                     const char           *request_id);
const char             *sa_access_requests_view_get_reminder_text (SaAccessRequestsView *self,
                                                                   const char           *request_id);
void                    sa_access_requests_view_send_reminder (SaAccessRequestsView *self,
                                                               const char           *request_id);
void                    sa_access_requests_view_set_reminder_grace (SaAccessRequestsView *self,
                                                                    GTimeSpan             grace);

G_END_DECLS
