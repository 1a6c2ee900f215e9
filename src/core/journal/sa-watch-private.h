/* sa-watch-private.h — what the watch's files share, and the tests' handles
 *
 * sa-watch.c holds the object: rounds, their schedule, the network and the
 * signals; sa-watch-rules.c checks one hand-off (the calls per procedure and
 * what their answers mean); sa-watch-transfer.c the license transfer. Not for
 * the UI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-network-gate-private.h"
#include "sa-watch.h"

G_BEGIN_DECLS

struct _SaWatch
{
  GObject          parent_instance;

  SaClient        *client;
  SaJournal       *journal;
  GCancellable    *cancellable;
  GDateTime       *now;              /* the tests' clock; NULL: the real one */

  GQueue           queue;            /* SaHandOff still to check this round */
  GListModel      *round_accounts;   /* list_my_accounts, once per round */
  GHashTable      *round_searches;   /* domain → GListModel of SaSmartAccount */
  GHashTable      *busy;             /* ids (gint64 *) with a transfer under way */

  guint            interval_ms;
  guint            max_interval_ms;
  guint            current_interval_ms;
  guint            max_calls;
  guint            calls_this_round;
  guint            n_calls;
  guint            n_open;
  guint            timeout_id;
  gint64           not_before;       /* monotonic µs: a server asked to wait */
  gulong           journal_handler;
  SaNetworkGate    network;

  guint            paused : 1;
  guint            started : 1;
  guint            in_round : 1;
  guint            round_forced : 1;
  guint            force_pending : 1;
};

/* One hand-off's check (sa-watch-rules.c): what changed on it, and which
 * signals are due once it is kept. */
typedef struct
{
  SaWatch          *watch;        /* a reference while the result is kept */
  SaHandOff        *hand_off;
  GDateTime        *now;
  SaHandOffNotices  fire;
  guint             days_left;
  GListModel       *licenses;     /* for landed-elsewhere and transfer-ready */
  guint             step;
} SaWatchCheck;

void          sa_watch_check_async       (SaWatch       *self,
                                          SaHandOff     *hand_off,
                                          GAsyncReadyCallback callback,
                                          gpointer       user_data);
SaWatchCheck *sa_watch_check_finish      (SaWatch       *self,
                                          GAsyncResult  *result,
                                          GError       **error);
void          sa_watch_check_free        (SaWatchCheck  *check);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaWatchCheck, sa_watch_check_free)

gboolean      sa_watch_error_is_transient (const GError *error);
GDateTime    *sa_watch_dup_now           (SaWatch       *self);
gboolean      sa_watch_license_in        (SaLicense     *license,
                                          const char    *domain,
                                          const char    *virtual_account);
char         *sa_watch_join_names        (GListModel    *licenses);

/* For tests only. */
void          sa_watch_set_now           (SaWatch       *self,
                                          GDateTime     *now);
guint         sa_watch_get_n_calls       (SaWatch       *self);
guint         sa_watch_get_current_interval (SaWatch    *self);
gboolean      sa_watch_get_scheduled     (SaWatch       *self);
gboolean      sa_watch_get_in_round      (SaWatch       *self);

G_END_DECLS
