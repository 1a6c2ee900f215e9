/* sa-watch.h — follows the journal's open hand-offs through the back end's
 * reads until each has really happened (core, GIO only)
 *
 * After "Done in the Portal", nothing is called done until Cisco's read APIs
 * show it. #SaWatch polls the open hand-offs of an #SaJournal through an
 * #SaClient (the boundary's reads only), in bounded rounds with back-off,
 * paused while offline, and records what it sees in the journal. Its signals
 * carry the #SaHandOff, so that the UI can send a notification that opens the
 * entry. docs/journal.md says what is polled and how often.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-client.h"
#include "sa-journal.h"

G_BEGIN_DECLS

/* Milliseconds between rounds (Cisco; Cisco (practice) uses the shorter one),
 * the longest wait after repeated errors, and the back-end calls one round
 * may start (an entry's check, up to 3 calls, is never cut). */
#define SA_WATCH_DEFAULT_INTERVAL_MS     (10 * 60 * 1000)
#define SA_WATCH_PRACTICE_INTERVAL_MS    (15 * 1000)
#define SA_WATCH_DEFAULT_MAX_INTERVAL_MS (2 * 60 * 60 * 1000)
#define SA_WATCH_DEFAULT_MAX_CALLS       12

#define SA_TYPE_WATCH (sa_watch_get_type ())
G_DECLARE_FINAL_TYPE (SaWatch, sa_watch, SA, WATCH, GObject)

/* Properties: "client" (SaClient), "journal" (SaJournal), "network-monitor"
 * (GNetworkMonitor), all construct-only; "interval", "max-interval" (uint,
 * milliseconds), "max-calls" (uint); "paused" (boolean, read-only: offline
 * and the server is not on this computer).
 * Signals, each with the SaHandOff concerned (the watch's own object, kept in
 * the journal before the signal): "updated"; "confirmed"; "account-active";
 * "landed-elsewhere" and "transfer-ready" (+ GListModel of SaLicense);
 * "expiry-near" (+ uint days left: 14 or 3); "expired"; "suggest-reminder".
 * Each but "updated" is given once per hand-off, across restarts. */
SaWatch  *sa_watch_new              (SaClient                *client,
                                     SaJournal               *journal,
                                     GNetworkMonitor         *network_monitor);
void      sa_watch_start            (SaWatch                 *self);
void      sa_watch_stop             (SaWatch                 *self);
void      sa_watch_check_now        (SaWatch                 *self);
void      sa_watch_set_interval     (SaWatch                 *self,
                                     guint                    interval_ms);

GArray   *sa_watch_plan_transfer    (SaHandOff               *hand_off,
                                     GListModel              *licenses);
void      sa_watch_transfer_async   (SaWatch                 *self,
                                     SaHandOff               *hand_off,
                                     const SaLicenseTransfer *transfers,
                                     guint                    n_transfers,
                                     GCancellable            *cancellable,
                                     GAsyncReadyCallback      callback,
                                     gpointer                 user_data);
gboolean  sa_watch_transfer_finish  (SaWatch                 *self,
                                     GAsyncResult            *result,
                                     GError                 **error);

G_END_DECLS
