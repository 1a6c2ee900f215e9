/* sa-journal.c — the hand-off journal: the object, its worker and its calls
 *
 * Every call becomes a job run by a GTask in a worker thread. The journal has
 * one SQLite connection (sa-journal-db.c), opened by the first job and used
 * under a lock, so jobs run one at a time in the order the lock grants them
 * and the caller's thread never touches the disk. A job works on a copy of
 * the caller's hand-off; back on the caller's thread, the ids the database
 * gave are set on the caller's objects and "changed" is emitted, before the
 * caller's callback runs (so this happens even when nobody calls _finish).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sa-journal.h"
#include "sa-journal-private.h"

struct _SaJournal
{
  GObject      parent_instance;

  char        *path;
  char        *kept_aside_path;  /* the caller's thread */

  GMutex       lock;             /* guards what follows (worker threads) */
  SaJournalDb *db;
  GError      *report;
  char        *worker_kept_aside;
};

G_DEFINE_FINAL_TYPE (SaJournal, sa_journal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/**
 * sa_journal_job_free:
 * @data: an #SaJournalJob
 *
 * Frees a job and what it holds.
 */
void
sa_journal_job_free (gpointer data)
{
  SaJournalJob *job = data;

  g_clear_object (&job->hand_off);
  g_clear_object (&job->copy);
  g_clear_object (&job->observation);
  g_clear_object (&job->observation_copy);
  g_clear_pointer (&job->handed_off, g_date_time_unref);
  g_free (job->subject);
  g_clear_object (&job->file);
  g_clear_object (&job->result);
  g_clear_error (&job->report);
  g_free (job->kept_aside);
  g_free (job);
}

/**
 * sa_journal_job_new:
 * @kind: what the job does
 * @hand_off: (nullable): the caller's hand-off: kept, and copied for the worker
 *
 * Returns: (transfer full): a new job; sa_journal_submit() takes it
 */
SaJournalJob *
sa_journal_job_new (SaJournalJobKind  kind,
                    SaHandOff        *hand_off)
{
  SaJournalJob *job = g_new0 (SaJournalJob, 1);

  job->kind = kind;
  if (hand_off != NULL)
    {
      job->hand_off = g_object_ref (hand_off);
      job->copy = sa_hand_off_copy (hand_off);
      job->id = sa_hand_off_get_id (hand_off);
    }
  return job;
}

/* ------------------------------------------------------------------------ */
/* The object */

static void
sa_journal_finalize (GObject *object)
{
  SaJournal *self = SA_JOURNAL (object);

  /* No job is left: each held a reference. */
  g_clear_pointer (&self->db, sa_journal_db_close);
  g_clear_error (&self->report);
  g_free (self->worker_kept_aside);
  g_free (self->kept_aside_path);
  g_free (self->path);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (sa_journal_parent_class)->finalize (object);
}

static void
sa_journal_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SaJournal *self = SA_JOURNAL (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_journal_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SaJournal *self = SA_JOURNAL (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_journal_constructed (GObject *object)
{
  SaJournal *self = SA_JOURNAL (object);

  G_OBJECT_CLASS (sa_journal_parent_class)->constructed (object);

  if (self->path == NULL)
    self->path = sa_journal_dup_default_path ();
}

static void
sa_journal_class_init (SaJournalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sa_journal_constructed;
  object_class->finalize = sa_journal_finalize;
  object_class->get_property = sa_journal_get_property;
  object_class->set_property = sa_journal_set_property;

  /**
   * SaJournal:path:
   *
   * The database file; %NULL at construction means
   * sa_journal_dup_default_path().
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SaJournal::changed:
   * @self: the journal
   * @id: the hand-off added, updated or removed
   *
   * Emitted once a change is on disk, in the thread-default main context of
   * the call that made it, before that call's callback: the views list the
   * journal again.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
sa_journal_init (SaJournal *self)
{
  g_mutex_init (&self->lock);
}

/**
 * sa_journal_new:
 * @path: (nullable): the database file, or %NULL for the user's journal
 *   (sa_journal_dup_default_path())
 *
 * Creates the journal object; nothing touches the disk until the first call
 * (sa_journal_open_async() first, to learn whether an old file was kept
 * aside).
 *
 * Returns: (transfer full): a new #SaJournal
 */
SaJournal *
sa_journal_new (const char *path)
{
  return g_object_new (SA_TYPE_JOURNAL, "path", path, NULL);
}

/**
 * sa_journal_dup_default_path:
 *
 * Returns: (transfer full): g_get_user_data_dir()/smart-account-desk/journal.sqlite3
 */
char *
sa_journal_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "smart-account-desk", "journal.sqlite3", NULL);
}

/**
 * sa_journal_get_path:
 * @self: an #SaJournal
 *
 * Returns: (transfer none): the database file
 */
const char *
sa_journal_get_path (SaJournal *self)
{
  g_return_val_if_fail (SA_IS_JOURNAL (self), NULL);
  return self->path;
}

/**
 * sa_journal_get_kept_aside_path:
 * @self: an #SaJournal
 *
 * Returns: (transfer none) (nullable): the name the old file was given when
 *   sa_journal_open_finish() reported %SA_JOURNAL_ERROR_CORRUPT or
 *   %SA_JOURNAL_ERROR_TOO_NEW; %NULL otherwise
 */
const char *
sa_journal_get_kept_aside_path (SaJournal *self)
{
  g_return_val_if_fail (SA_IS_JOURNAL (self), NULL);
  return self->kept_aside_path;
}

/* ------------------------------------------------------------------------ */
/* The worker */

static gboolean
ensure_open_locked (SaJournal  *self,
                    GError    **error)
{
  g_autoptr(GError) report = NULL;
  g_autofree char *kept = NULL;

  if (self->db != NULL)
    return TRUE;

  self->db = sa_journal_db_open (self->path, &report, &kept, error);
  if (self->db == NULL)
    return FALSE;

  if (report != NULL)
    {
      g_clear_error (&self->report);
      self->report = g_steal_pointer (&report);
      g_free (self->worker_kept_aside);
      self->worker_kept_aside = g_steal_pointer (&kept);
    }
  return TRUE;
}

/* What a job does under the lock. */
static gboolean
run_locked (SaJournal     *self,
            SaJournalJob  *job,
            GError       **error)
{
  if (!ensure_open_locked (self, error))
    return FALSE;

  switch (job->kind)
    {
    case SA_JOURNAL_JOB_OPEN:
      if (self->report != NULL)
        job->report = g_error_copy (self->report);
      job->kept_aside = g_strdup (self->worker_kept_aside);
      return TRUE;
    case SA_JOURNAL_JOB_ADD:
      job->id = sa_journal_db_add (self->db, job->copy, error);
      return job->id != 0;
    case SA_JOURNAL_JOB_UPDATE:
      return sa_journal_db_update (self->db, job->copy, error);
    case SA_JOURNAL_JOB_SET_STATE:
      return sa_journal_db_set_state (self->db, job->id, job->state, job->handed_off, error);
    case SA_JOURNAL_JOB_ADD_OBSERVATION:
      return sa_journal_db_add_observation (self->db, job->id, job->observation_copy, error);
    case SA_JOURNAL_JOB_REMOVE:
      return sa_journal_db_remove (self->db, job->id, error);
    case SA_JOURNAL_JOB_LIST:
    case SA_JOURNAL_JOB_EXPORT:
      job->result = sa_journal_db_list (self->db, job->query, job->subject, job->procedure, error);
      return job->result != NULL;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
write_csv (SaJournalJob  *job,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autofree char *csv = sa_journal_format_csv (job->result);
  g_autoptr(GError) local_error = NULL;

  if (!g_file_replace_contents (job->file, csv, strlen (csv), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, &local_error))
    {
      g_autofree char *path = g_file_get_parse_name (job->file);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_propagate_error (error, sa_journal_error_new (SA_JOURNAL_ERROR_EXPORT_FAILED, path,
                                                        local_error->message));
      return FALSE;
    }

  return TRUE;
}

static void
run_job (GTask        *task,
         gpointer      source_object,
         gpointer      task_data,
         GCancellable *cancellable)
{
  SaJournal *self = source_object;
  SaJournalJob *job = task_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_task_return_error_if_cancelled (task))
    return;

  g_mutex_lock (&self->lock);
  ok = run_locked (self, job, &error);
  g_mutex_unlock (&self->lock);

  /* The file is written outside the lock. */
  if (ok && job->kind == SA_JOURNAL_JOB_EXPORT)
    ok = write_csv (job, cancellable, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* Gives the ids of the worker's copies to the caller's objects: the
 * observations are in the same order (a list only grows). */
static void
copy_ids_back (SaHandOff *hand_off,
               SaHandOff *copy)
{
  GListModel *mine = sa_hand_off_get_observations (hand_off);
  GListModel *theirs = sa_hand_off_get_observations (copy);
  guint n = MIN (g_list_model_get_n_items (mine), g_list_model_get_n_items (theirs));

  sa_hand_off_set_id (hand_off, sa_hand_off_get_id (copy));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SaHandOffObservation) a = g_list_model_get_item (mine, i);
      g_autoptr(SaHandOffObservation) b = g_list_model_get_item (theirs, i);

      if (sa_hand_off_observation_get_id (a) == 0)
        sa_hand_off_observation_set_id (a, sa_hand_off_observation_get_id (b));
    }
}

/* The caller's thread: apply, announce, then answer the caller. */
static void
on_job_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  SaJournal *self = SA_JOURNAL (object);
  g_autoptr(GTask) outer = user_data;
  SaJournalJob *job = g_task_get_task_data (outer);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  switch (job->kind)
    {
    case SA_JOURNAL_JOB_OPEN:
      g_free (self->kept_aside_path);
      self->kept_aside_path = g_strdup (job->kept_aside);
      if (job->report != NULL)
        {
          g_task_return_error (outer, g_error_copy (job->report));
          return;
        }
      break;
    case SA_JOURNAL_JOB_ADD:
    case SA_JOURNAL_JOB_UPDATE:
      copy_ids_back (job->hand_off, job->copy);
      g_signal_emit (self, signals[CHANGED], 0, job->id);
      break;
    case SA_JOURNAL_JOB_ADD_OBSERVATION:
      sa_hand_off_observation_set_id (job->observation,
                                      sa_hand_off_observation_get_id (job->observation_copy));
      g_signal_emit (self, signals[CHANGED], 0, job->id);
      break;
    case SA_JOURNAL_JOB_SET_STATE:
      g_signal_emit (self, signals[CHANGED], 0, job->id);
      break;
    case SA_JOURNAL_JOB_REMOVE:
      sa_hand_off_set_state (job->hand_off, SA_HAND_OFF_STATE_REMOVED);
      g_signal_emit (self, signals[CHANGED], 0, job->id);
      break;
    case SA_JOURNAL_JOB_LIST:
    case SA_JOURNAL_JOB_EXPORT:
    default:
      break;
    }

  g_task_return_boolean (outer, TRUE);
}

/**
 * sa_journal_submit:
 * @self: an #SaJournal
 * @job: (transfer full): the job
 * @source_tag: the public function's tag, which its finish checks
 * @cancellable: (nullable): the caller's #GCancellable
 * @callback: the caller's callback
 * @user_data: data for @callback
 *
 * Runs @job in a worker thread under the journal's lock, then, on the
 * caller's thread, applies its result to the caller's objects, emits
 * #SaJournal::changed for a write, and answers the caller.
 */
void
sa_journal_submit (SaJournal           *self,
                   SaJournalJob        *job,
                   gpointer             source_tag,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  g_autoptr(GTask) outer = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) inner = NULL;

  g_task_set_source_tag (outer, source_tag);
  g_task_set_task_data (outer, job, sa_journal_job_free);

  inner = g_task_new (self, cancellable, on_job_done, g_object_ref (outer));
  g_task_set_source_tag (inner, run_job);
  g_task_set_task_data (inner, job, NULL);
  /* A write done is done: its result is applied even if cancelled since. */
  g_task_set_check_cancellable (inner, FALSE);
  g_task_run_in_thread (inner, run_job);
}

/* A task that fails at once, on the caller's thread, as every call does. */
static void
fail (SaJournal           *self,
      GError              *error,
      gpointer             source_tag,
      GAsyncReadyCallback  callback,
      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, sa_journal_job_new (SA_JOURNAL_JOB_OPEN, NULL), sa_journal_job_free);
  g_task_return_error (task, error);
}

/**
 * sa_journal_finish_job:
 * @self: an #SaJournal
 * @result: the #GAsyncResult
 * @source_tag: the public function's tag
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer none) (nullable): the job, done; %NULL with its error
 */
SaJournalJob *
sa_journal_finish_job (SaJournal     *self,
                       GAsyncResult  *result,
                       gpointer       source_tag,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  return g_task_get_task_data (G_TASK (result));
}

/* ------------------------------------------------------------------------ */
/* Opening */

/**
 * sa_journal_open_async:
 * @self: an #SaJournal
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Opens the journal in a worker thread: creates its folder, its file and its
 * schema as needed, and keeps aside a damaged file or one of a newer version.
 * The app calls it at start-up, with the Cisco connection, so that it can
 * tell the user at once what happened to an old journal. Other calls open the
 * journal too when needed.
 */
void
sa_journal_open_async (SaJournal           *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_return_if_fail (SA_IS_JOURNAL (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  sa_journal_submit (self, sa_journal_job_new (SA_JOURNAL_JOB_OPEN, NULL), sa_journal_open_async, cancellable, callback, user_data);
}

/**
 * sa_journal_open_finish:
 * @self: an #SaJournal
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * %SA_JOURNAL_ERROR_CORRUPT and %SA_JOURNAL_ERROR_TOO_NEW are reports, not
 * failures: the old file was kept aside (sa_journal_get_kept_aside_path()),
 * never dropped, and a fresh journal is open and usable; show the message.
 *
 * Returns: %TRUE when the journal opened as it was; %FALSE with
 *   %SA_JOURNAL_ERROR_CORRUPT or %SA_JOURNAL_ERROR_TOO_NEW (usable, see
 *   above), %SA_JOURNAL_ERROR_UNAVAILABLE, %SA_JOURNAL_ERROR_BUSY (not
 *   usable now) or %G_IO_ERROR_CANCELLED
 */
gboolean
sa_journal_open_finish (SaJournal     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return sa_journal_finish_job (self, result, sa_journal_open_async, error) != NULL;
}

/* ------------------------------------------------------------------------ */
/* Writing */

/**
 * sa_journal_add_async:
 * @self: an #SaJournal
 * @hand_off: a hand-off not in the journal yet (id 0), complete
 *   (sa_hand_off_validate())
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Keeps a new hand-off, with its observations, in one transaction: "Done in
 * the Portal" (state handed off) or "Not Now" (a draft) on the Complete in
 * Cisco's Portal page. Once written, the id is set on @hand_off and
 * #SaJournal::changed is emitted.
 */
void
sa_journal_add_async (SaJournal           *self,
                      SaHandOff           *hand_off,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  GError *error = NULL;

  g_return_if_fail (SA_IS_JOURNAL (self));
  g_return_if_fail (SA_IS_HAND_OFF (hand_off));
  g_return_if_fail (sa_hand_off_get_id (hand_off) == 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (!sa_hand_off_validate (hand_off, &error))
    {
      fail (self, error, sa_journal_add_async, callback, user_data);
      return;
    }

  sa_journal_submit (self, sa_journal_job_new (SA_JOURNAL_JOB_ADD, hand_off), sa_journal_add_async, cancellable, callback, user_data);
}

/**
 * sa_journal_add_finish:
 * @self: an #SaJournal
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: the new row's id (also set on the hand-off); 0 with
 *   %SA_JOURNAL_ERROR_INVALID, %SA_JOURNAL_ERROR_FAILED,
 *   %SA_JOURNAL_ERROR_BUSY, %SA_JOURNAL_ERROR_UNAVAILABLE or
 *   %G_IO_ERROR_CANCELLED
 */
gint64
sa_journal_add_finish (SaJournal     *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  SaJournalJob *job = sa_journal_finish_job (self, result, sa_journal_add_async, error);

  return job != NULL ? job->id : 0;
}

/**
 * sa_journal_update_async:
 * @self: an #SaJournal
 * @hand_off: a hand-off in the journal
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Rewrites the whole row (state, prepared values, dates, the watch's
 * notices) and adds the observations not kept yet, in one transaction: how
 * the watch records what it saw, and how the UI edits a draft. Finish with
 * sa_journal_update_finish().
 */
void
sa_journal_update_async (SaJournal           *self,
                         SaHandOff           *hand_off,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GError *error = NULL;

  g_return_if_fail (SA_IS_JOURNAL (self));
  g_return_if_fail (SA_IS_HAND_OFF (hand_off));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (sa_hand_off_get_id (hand_off) == 0)
    {
      fail (self, sa_journal_error_new (SA_JOURNAL_ERROR_NOT_FOUND, NULL, "not added"),
            sa_journal_update_async, callback, user_data);
      return;
    }
  if (!sa_hand_off_validate (hand_off, &error))
    {
      fail (self, error, sa_journal_update_async, callback, user_data);
      return;
    }

  sa_journal_submit (self, sa_journal_job_new (SA_JOURNAL_JOB_UPDATE, hand_off), sa_journal_update_async, cancellable, callback, user_data);
}

/**
 * sa_journal_set_state_async:
 * @self: an #SaJournal
 * @hand_off: a hand-off in the journal
 * @state: its new state
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Sets @state on @hand_off and writes the state only (and the hand-off date,
 * when the row has none), leaving the rest of the row as the watch wrote it:
 * "Done in the Portal" on a draft. Finish with sa_journal_update_finish().
 */
void
sa_journal_set_state_async (SaJournal           *self,
                            SaHandOff           *hand_off,
                            SaHandOffState       state,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  SaJournalJob *job;

  g_return_if_fail (SA_IS_JOURNAL (self));
  g_return_if_fail (SA_IS_HAND_OFF (hand_off));
  g_return_if_fail (state != SA_HAND_OFF_STATE_REMOVED);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  sa_hand_off_set_state (hand_off, state);

  job = sa_journal_job_new (SA_JOURNAL_JOB_SET_STATE, hand_off);
  job->state = state;
  if (sa_hand_off_get_handed_off (hand_off) != NULL)
    job->handed_off = g_date_time_ref (sa_hand_off_get_handed_off (hand_off));
  sa_journal_submit (self, job, sa_journal_update_async, cancellable, callback, user_data);
}

/**
 * sa_journal_add_observation_async:
 * @self: an #SaJournal
 * @hand_off: a hand-off in the journal
 * @observation: what was seen, not kept yet
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Appends @observation to @hand_off and writes that observation only.
 * Finish with sa_journal_update_finish().
 */
void
sa_journal_add_observation_async (SaJournal            *self,
                                  SaHandOff            *hand_off,
                                  SaHandOffObservation *observation,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data)
{
  SaJournalJob *job;

  g_return_if_fail (SA_IS_JOURNAL (self));
  g_return_if_fail (SA_IS_HAND_OFF (hand_off));
  g_return_if_fail (SA_IS_HAND_OFF_OBSERVATION (observation));
  g_return_if_fail (sa_hand_off_observation_get_id (observation) == 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  sa_hand_off_add_observation (hand_off, observation);

  job = sa_journal_job_new (SA_JOURNAL_JOB_ADD_OBSERVATION, hand_off);
  job->observation = g_object_ref (observation);
  job->observation_copy =
    sa_hand_off_observation_new_full (sa_hand_off_observation_get_kind (observation),
                                      sa_hand_off_observation_get_seen (observation),
                                      sa_hand_off_observation_get_domain (observation),
                                      sa_hand_off_observation_get_virtual_account (observation),
                                      sa_hand_off_observation_get_quantity (observation),
                                      sa_hand_off_observation_get_text (observation));
  sa_journal_submit (self, job, sa_journal_update_async, cancellable, callback, user_data);
}

/**
 * sa_journal_update_finish:
 * @self: an #SaJournal
 * @result: the #GAsyncResult of sa_journal_update_async(),
 *   sa_journal_set_state_async() or sa_journal_add_observation_async()
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE when written (new observations then have their ids);
 *   %FALSE with %SA_JOURNAL_ERROR_NOT_FOUND (removed meanwhile),
 *   %SA_JOURNAL_ERROR_INVALID, %SA_JOURNAL_ERROR_FAILED,
 *   %SA_JOURNAL_ERROR_BUSY, %SA_JOURNAL_ERROR_UNAVAILABLE or
 *   %G_IO_ERROR_CANCELLED
 */
gboolean
sa_journal_update_finish (SaJournal     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return sa_journal_finish_job (self, result, sa_journal_update_async, error) != NULL;
}

/**
 * sa_journal_remove_async:
 * @self: an #SaJournal
 * @hand_off: a hand-off in the journal
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Deletes the hand-off and its observations (the user's "Remove"); the watch
 * stops following it. Once done, @hand_off's state is
 * %SA_HAND_OFF_STATE_REMOVED and #SaJournal::changed is emitted.
 */
void
sa_journal_remove_async (SaJournal           *self,
                         SaHandOff           *hand_off,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (SA_IS_JOURNAL (self));
  g_return_if_fail (SA_IS_HAND_OFF (hand_off));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  sa_journal_submit (self, sa_journal_job_new (SA_JOURNAL_JOB_REMOVE, hand_off), sa_journal_remove_async, cancellable, callback, user_data);
}

/**
 * sa_journal_remove_finish:
 * @self: an #SaJournal
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE when removed; %FALSE with %SA_JOURNAL_ERROR_NOT_FOUND,
 *   %SA_JOURNAL_ERROR_FAILED, %SA_JOURNAL_ERROR_BUSY,
 *   %SA_JOURNAL_ERROR_UNAVAILABLE or %G_IO_ERROR_CANCELLED
 */
gboolean
sa_journal_remove_finish (SaJournal     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return sa_journal_finish_job (self, result, sa_journal_remove_async, error) != NULL;
}
