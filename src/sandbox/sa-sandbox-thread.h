/* sa-sandbox-thread.h — the sandbox server running in a thread of its own
 *
 * The app (training mode) and the tests run the sandbox this way, so that the
 * UI thread's main loop never waits on the server and a client in the same
 * process can talk to it over loopback.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SA_TYPE_SANDBOX_THREAD (sa_sandbox_thread_get_type ())
G_DECLARE_FINAL_TYPE (SaSandboxThread, sa_sandbox_thread, SA, SANDBOX_THREAD, GObject)

/* Starts the server on 127.0.0.1 (port 0) over DATA_DIR in a new thread with its
 * own GMainContext. The async form does the whole start-up (database, training
 * data) away from the caller's thread. Unref (or sa_sandbox_thread_stop) stops
 * the server and joins the thread. */
void             sa_sandbox_thread_start_async  (const char          *data_dir,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
SaSandboxThread *sa_sandbox_thread_start_finish (GAsyncResult        *result,
                                                 GError             **error);
/* Blocking form, for tests and the standalone tool only. */
SaSandboxThread *sa_sandbox_thread_start        (const char          *data_dir,
                                                 GError             **error);
/* "http://127.0.0.1:PORT/". */
const char      *sa_sandbox_thread_get_uri      (SaSandboxThread     *self);
void             sa_sandbox_thread_stop         (SaSandboxThread     *self);
/* A process that embeds the sandbox (the app) keeps SQLite's memory small;
 * first thing, before any database is opened. */
gboolean         sa_sandbox_thread_limit_memory (void);

G_END_DECLS
