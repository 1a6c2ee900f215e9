/* sa-sandbox-thread.c — the sandbox server running in a thread of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sa-sandbox-thread.h"

#include <sqlite3.h>

#include "sa-sandbox-server.h"

/* What SQLite may keep in memory in a process that embeds the sandbox: its
 * page caches are recycled beyond this (bytes). */
#define EMBEDDED_SQLITE_HEAP (8 * 1024 * 1024)

struct _SaSandboxThread
{
  GObject       parent_instance;

  char         *data_dir;
  GThread      *thread;
  GMainContext *context;  /* the server thread's */
  GMainLoop    *loop;

  /* start-up hand-over, under @mutex */
  GMutex        mutex;
  GCond         cond;
  gboolean      started;
  GError       *start_error;
  char         *uri;
};

G_DEFINE_FINAL_TYPE (SaSandboxThread, sa_sandbox_thread, G_TYPE_OBJECT)

static gpointer
server_thread_main (gpointer data)
{
  SaSandboxThread *self = data;
  g_autoptr(SaSandboxServer) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  g_main_context_push_thread_default (self->context);

  server = sa_sandbox_server_new (self->data_dir, &error);
  if (server != NULL && sa_sandbox_server_listen (server, "127.0.0.1", 0, &error))
    uri = sa_sandbox_server_dup_uri (server);

  g_mutex_lock (&self->mutex);
  self->started = TRUE;
  if (uri != NULL)
    self->uri = g_strdup (uri);
  else
    self->start_error = g_steal_pointer (&error);
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);

  if (uri != NULL)
    g_main_loop_run (self->loop);

  /* Finalize the server in its own context, then let pending sources run. */
  g_clear_object (&server);
  while (g_main_context_iteration (self->context, FALSE))
    ;

  g_main_context_pop_thread_default (self->context);

  return NULL;
}

static gboolean
quit_loop_cb (gpointer data)
{
  g_main_loop_quit (data);

  return G_SOURCE_REMOVE;
}

/**
 * sa_sandbox_thread_stop:
 * @self: a #SaSandboxThread
 *
 * Stops the server and joins its thread. Safe to call more than once;
 * unreffing the last reference does the same.
 */
void
sa_sandbox_thread_stop (SaSandboxThread *self)
{
  g_return_if_fail (SA_IS_SANDBOX_THREAD (self));

  if (self->thread == NULL)
    return;

  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, quit_loop_cb,
                              g_main_loop_ref (self->loop),
                              (GDestroyNotify) g_main_loop_unref);
  g_thread_join (g_steal_pointer (&self->thread));
}

static void
sa_sandbox_thread_dispose (GObject *object)
{
  SaSandboxThread *self = (SaSandboxThread *) object;

  sa_sandbox_thread_stop (self);

  G_OBJECT_CLASS (sa_sandbox_thread_parent_class)->dispose (object);
}

static void
sa_sandbox_thread_finalize (GObject *object)
{
  SaSandboxThread *self = (SaSandboxThread *) object;

  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->uri, g_free);
  g_clear_error (&self->start_error);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (sa_sandbox_thread_parent_class)->finalize (object);
}

static void
sa_sandbox_thread_class_init (SaSandboxThreadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sa_sandbox_thread_dispose;
  object_class->finalize = sa_sandbox_thread_finalize;
}

static void
sa_sandbox_thread_init (SaSandboxThread *self)
{
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
}

/**
 * sa_sandbox_thread_start:
 * @data_dir: (type filename): directory of the sandbox database
 * @error: return location for a #GError
 *
 * Starts a sandbox server on 127.0.0.1 (a free port) over @data_dir in a new
 * thread with its own #GMainContext, and waits until it listens (database
 * opened, training data loaded on first start). Blocking: for tests and the
 * standalone tool; the app uses sa_sandbox_thread_start_async().
 *
 * Returns: (transfer full): the running sandbox, or %NULL with @error set
 *   (as sa_sandbox_server_new() and sa_sandbox_server_listen()).
 */
SaSandboxThread *
sa_sandbox_thread_start (const char  *data_dir,
                         GError     **error)
{
  g_autoptr(SaSandboxThread) self = NULL;
  GError *start_error;

  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (SA_TYPE_SANDBOX_THREAD, NULL);
  self->data_dir = g_strdup (data_dir);
  self->thread = g_thread_try_new ("sa-sandbox", server_thread_main, self, error);
  if (self->thread == NULL)
    return NULL;

  g_mutex_lock (&self->mutex);
  while (!self->started)
    g_cond_wait (&self->cond, &self->mutex);
  start_error = g_steal_pointer (&self->start_error);
  g_mutex_unlock (&self->mutex);

  if (start_error != NULL)
    {
      g_thread_join (g_steal_pointer (&self->thread));
      g_propagate_error (error, start_error);
      return NULL;
    }

  return g_steal_pointer (&self);
}

static void
start_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  SaSandboxThread *sandbox;
  GError *error = NULL;

  sandbox = sa_sandbox_thread_start (task_data, &error);
  if (sandbox == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, sandbox, g_object_unref);
}

/**
 * sa_sandbox_thread_start_async:
 * @data_dir: (type filename): directory of the sandbox database
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the caller's thread-default context when started
 * @user_data: data for @callback
 *
 * Starts the sandbox as sa_sandbox_thread_start() does, without blocking the
 * caller: the whole start-up runs in a worker thread. Training mode uses it
 * (the embedded back office of the documented procedures).
 */
void
sa_sandbox_thread_start_async (const char          *data_dir,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (data_dir != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sa_sandbox_thread_start_async);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_task_data (task, g_strdup (data_dir), g_free);
  g_task_run_in_thread (task, start_in_thread);
}

/**
 * sa_sandbox_thread_start_finish:
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the running sandbox, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED when cancelled, else as sa_sandbox_thread_start()).
 */
SaSandboxThread *
sa_sandbox_thread_start_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_autoptr(SaSandboxThread) sandbox = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_sandbox_thread_start_async, NULL);

  sandbox = g_task_propagate_pointer (G_TASK (result), error);
  if (sandbox != NULL && g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      /* started, but nobody wants it any more: stop it again */
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
      return NULL;
    }

  return g_steal_pointer (&sandbox);
}

/**
 * sa_sandbox_thread_get_uri:
 * @self: a #SaSandboxThread
 *
 * Returns: (transfer none): the server's base URI, "http://127.0.0.1:PORT/".
 */
const char *
sa_sandbox_thread_get_uri (SaSandboxThread *self)
{
  g_return_val_if_fail (SA_IS_SANDBOX_THREAD (self), NULL);

  return self->uri;
}

/**
 * sa_sandbox_thread_limit_memory:
 *
 * Issue 12, "memory flat at 100k": the sandbox's connections are set up for
 * a classroom server (a page cache of 32 MiB each, the database file mapped
 * into memory); in the app, which embeds the sandbox for one user, reading a
 * list of 100,000 orders to its end grew the process by some 80 MiB of
 * mapped database pages. Called once, first thing in such a process (before
 * any SQLite connection is opened, the journal's included), it turns SQLite's
 * memory-mapped reads off for the process and bounds SQLite's memory (a soft
 * limit of 8 MiB: page caches are recycled beyond it; a list page at 100,000
 * orders takes ~20% longer). The standalone sandbox and the tests do not
 * call it.
 *
 * Returns: %TRUE when SQLite took the limits; %FALSE when a connection was
 *   already opened (then only the bound applies)
 */
gboolean
sa_sandbox_thread_limit_memory (void)
{
  gboolean no_mmap = sqlite3_config (SQLITE_CONFIG_MMAP_SIZE, (sqlite3_int64) 0, (sqlite3_int64) 0) == SQLITE_OK;

  sqlite3_soft_heap_limit64 (EMBEDDED_SQLITE_HEAP);
  return no_mmap;
}
