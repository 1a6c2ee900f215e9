/* sa-sandbox-readers.c — the requests that only read, answered in worker
 * threads on read connections, so that one slow request does not hold up
 * the others
 *
 * The server's thread does what every request needs first (the route, the
 * token, the query, the caller's clock: sa-sandbox-router.c) on the one
 * connection that writes; then, for a route marked SA_SANDBOX_READS_ONLY, it
 * pauses the message and hands the handler to a pool of worker threads, one
 * per read connection (WAL: readers see the last commit and never wait for
 * the writer). The handler's response is captured
 * (sa_sandbox_response_capture()) and set on the message back in the
 * server's thread, which unpauses it. Writes stay on the server's thread and
 * its connection, one after the other (the ETag rules need nothing more).
 *
 * A request whose client disconnected meanwhile is dropped: not started if
 * it waits for a thread, interrupted if it runs (the connection's progress
 * handler); so is a query that runs longer than SA_SANDBOX_QUERY_TIMEOUT.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sa-sandbox-private.h"

#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#define SA_SANDBOX_QUERY_TIMEOUT (10 * G_USEC_PER_SEC)
#define PROGRESS_STEPS           10000 /* SQLite VM steps between checks */
#define WORKER_NICENESS          5     /* below the server's thread */

/* One read connection, used by one worker at a time. */
typedef struct
{
  sqlite3      *db;
  GCancellable *cancellable; /* the running request's */
  gint64        deadline;    /* monotonic µs */
} Reader;

struct _SaSandboxReaders
{
  GThreadPool *pool;
  GAsyncQueue *idle;  /* Reader * */
  GPtrArray   *all;   /* Reader * */
};

/* One request handed to a worker. */
typedef struct
{
  SoupServerMessage *msg;
  GCancellable      *cancellable;
  gulong             disconnected_id;
  SaSandboxHandler   handler;
  char             **segments;  /* owns the strings of @params */
  GHashTable        *params;
  GHashTable        *query;
  SaSandboxCaller    caller;
  gint64             now;
  SaSandboxResponse  response;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  /* (job_done() let the message go, in the server's thread) */
  g_clear_object (&job->msg);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->params, g_hash_table_unref);
  g_clear_pointer (&job->query, g_hash_table_unref);
  g_strfreev (job->segments);
  sa_sandbox_caller_clear (&job->caller);
  sa_sandbox_response_clear (&job->response);
  g_free (job);
}

static int
progress_cb (void *data)
{
  Reader *reader = data;

  return g_cancellable_is_cancelled (reader->cancellable) ||
         g_get_monotonic_time () > reader->deadline;
}

/* A worker thread: runs the handler on an idle read connection (there is
 * one for each thread of the pool). */
static void
run_job (gpointer data,
         gpointer user_data)
{
  g_autoptr(GTask) task = data;
  SaSandboxReaders *readers = user_data;
  Job *job = g_task_get_task_data (task);
  SaSandboxRequest request = { NULL, job->msg, NULL, &job->caller, job->query, job->params, job->now };
  Reader *reader;

  static GPrivate niced;

  /* The server's thread answers what is quick (order details, sign-in
   * checks, writes) and hands the rest here: it goes first when the
   * processors are busy. (Linux: a thread's own niceness.) */
  if (g_private_get (&niced) == NULL)
    {
      setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), WORKER_NICENESS);
      g_private_set (&niced, GINT_TO_POINTER (TRUE));
    }

  if (g_cancellable_is_cancelled (job->cancellable))
    {
      g_task_return_boolean (task, FALSE);
      return;
    }

  reader = g_async_queue_pop (readers->idle);
  reader->cancellable = job->cancellable;
  reader->deadline = g_get_monotonic_time () + SA_SANDBOX_QUERY_TIMEOUT;
  request.db = reader->db;

  sa_sandbox_response_capture (&job->response);
  job->handler (&request);
  sa_sandbox_response_capture (NULL);

  reader->cancellable = NULL;
  g_async_queue_push (readers->idle, reader);
  g_task_return_boolean (task, TRUE);
}

/* The server's thread: the answer goes out, unless the client is gone. */
static void
job_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(SoupServerMessage) msg = g_steal_pointer (&job->msg);

  g_signal_handler_disconnect (msg, job->disconnected_id);
  if (g_cancellable_is_cancelled (job->cancellable))
    return; /* the connection is closed: nothing to answer */

  sa_sandbox_response_apply (&job->response, msg);
  soup_server_message_unpause (msg);
}

static void
on_disconnected (SoupServerMessage *msg,
                 gpointer           user_data)
{
  g_cancellable_cancel (user_data);
}

/**
 * sa_sandbox_readers_new:
 * @path: (type filename): the database, open already (sa_sandbox_db_open())
 * @n_readers: read connections and worker threads, 1 or more
 * @error: return location for a #GError
 *
 * Opens @n_readers read connections (query_only, the searches' set-up of
 * sa_sandbox_db_setup()) and their pool of worker threads.
 *
 * Returns: (transfer full) (nullable): the readers; free with
 *   sa_sandbox_readers_free(); %NULL with %G_IO_ERROR_FAILED
 */
SaSandboxReaders *
sa_sandbox_readers_new (const char  *path,
                        guint        n_readers,
                        GError     **error)
{
  SaSandboxReaders *readers = g_new0 (SaSandboxReaders, 1);
  guint i;

  readers->idle = g_async_queue_new ();
  readers->all = g_ptr_array_new ();
  for (i = 0; i < n_readers; i++)
    {
      Reader *reader = g_new0 (Reader, 1);

      g_ptr_array_add (readers->all, reader);
      if (sqlite3_open_v2 (path, &reader->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
          !sa_sandbox_db_exec (reader->db, "PRAGMA query_only = 1", error) ||
          !sa_sandbox_db_setup (reader->db, error))
        {
          if (error != NULL && *error == NULL)
            sa_sandbox_db_fail (reader->db, "open", error);
          sa_sandbox_readers_free (readers);
          return NULL;
        }
      sqlite3_busy_timeout (reader->db, 5000);
      sqlite3_progress_handler (reader->db, PROGRESS_STEPS, progress_cb, reader);
      g_async_queue_push (readers->idle, reader);
    }

  /* exclusive: its threads, niced, are not lent to GLib's other pools */
  readers->pool = g_thread_pool_new (run_job, readers, (gint) n_readers, TRUE, error);
  if (readers->pool == NULL)
    {
      sa_sandbox_readers_free (readers);
      return NULL;
    }

  return readers;
}

/**
 * sa_sandbox_readers_free:
 * @readers: (transfer full): the readers
 *
 * Waits for the requests under way (those whose client is gone end at
 * once), then closes the read connections.
 */
void
sa_sandbox_readers_free (SaSandboxReaders *readers)
{
  guint i;

  if (readers->pool != NULL)
    g_thread_pool_free (readers->pool, FALSE, TRUE);
  for (i = 0; i < readers->all->len; i++)
    {
      Reader *reader = readers->all->pdata[i];

      sa_sandbox_db_close (reader->db);
      g_free (reader);
    }
  g_ptr_array_unref (readers->all);
  g_async_queue_unref (readers->idle);
  g_free (readers);
}

/**
 * sa_sandbox_readers_run:
 * @readers: the readers
 * @request: the request, ready for its handler (signed in, query read)
 * @handler: the route's handler: it only reads, and uses neither
 *   @request->server nor the message other than through sa_sandbox_respond_*()
 * @segments: (transfer full): the path's segments, which hold the text of
 *   @request->params
 * @caller: (transfer full): the signed-in caller (emptied here)
 *
 * Pauses the message and runs @handler in a worker thread on a read
 * connection; its answer goes out from the server's thread (see the top of
 * this file).
 */
void
sa_sandbox_readers_run (SaSandboxReaders *readers,
                        SaSandboxRequest *request,
                        SaSandboxHandler  handler,
                        char            **segments,
                        SaSandboxCaller  *caller)
{
  Job *job = g_new0 (Job, 1);
  GTask *task;

  job->msg = g_object_ref (request->msg);
  job->cancellable = g_cancellable_new ();
  job->handler = handler;
  job->segments = segments;
  job->params = request->params != NULL ? g_hash_table_ref (request->params) : NULL;
  job->query = g_hash_table_ref (request->query);
  job->caller = *caller;
  memset (caller, 0, sizeof *caller);
  job->now = request->now;
  job->disconnected_id = g_signal_connect_object (job->msg, "disconnected", G_CALLBACK (on_disconnected),
                                                  job->cancellable, 0);

  task = g_task_new (NULL, job->cancellable, job_done, NULL);
  g_task_set_source_tag (task, sa_sandbox_readers_run);
  g_task_set_task_data (task, job, job_free);
  g_task_set_check_cancellable (task, FALSE);
  soup_server_message_pause (request->msg);
  g_thread_pool_push (readers->pool, task, NULL);
}
