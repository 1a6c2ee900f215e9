/* sa-draft.c — wizard drafts saved under the user's state directory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include "sa-draft.h"

#define MAX_NAME_LENGTH  64
#define MAX_DRAFT_SIZE   (1024 * 1024)

/* Saving and removing a draft are serialised per name: while one write is under
 * way, later requests wait; only the last of them is carried out (it supersedes
 * the others) and every waiting task completes with its outcome. */
typedef struct
{
  char      *name;
  gboolean   busy;
  gboolean   has_pending;
  GVariant  *pending_value;  /* NULL with has_pending: remove */
  GPtrArray *pending_tasks;
  GPtrArray *current_tasks;
  GPtrArray *waiting_loads;  /* loads asked for while busy: read once idle */
} DraftQueue;

static GHashTable *queues; /* name → DraftQueue, main thread only */

static gboolean
is_valid_name (const char *name)
{
  gsize len;

  if (name == NULL || *name == '\0')
    return FALSE;

  len = strlen (name);
  if (len > MAX_NAME_LENGTH)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = name[i];

      if (!(g_ascii_islower (c) || g_ascii_isdigit (c) || c == '-'))
        return FALSE;
    }

  return TRUE;
}

static GFile *
get_drafts_dir (void)
{
  return g_file_new_build_filename (g_get_user_state_dir (),
                                    "smart-account-desk", "drafts", NULL);
}

/**
 * sa_draft_get_file:
 * @name: the draft's name: a-z, 0-9 and '-' only, such as
 *   %SA_DRAFT_ACCOUNT_REQUEST
 *
 * Where a wizard's draft lives:
 * `$XDG_STATE_HOME/smart-account-desk/drafts/NAME.gvariant`.
 *
 * Returns: (transfer full) (nullable): the file, or %NULL for an invalid @name
 */
GFile *
sa_draft_get_file (const char *name)
{
  g_autoptr(GFile) dir = NULL;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (is_valid_name (name), NULL);

  dir = get_drafts_dir ();
  basename = g_strconcat (name, ".gvariant", NULL);

  return g_file_get_child (dir, basename);
}

static void
draft_queue_free (gpointer data)
{
  DraftQueue *queue = data;

  g_free (queue->name);
  g_clear_pointer (&queue->pending_value, g_variant_unref);
  g_clear_pointer (&queue->pending_tasks, g_ptr_array_unref);
  g_clear_pointer (&queue->current_tasks, g_ptr_array_unref);
  g_clear_pointer (&queue->waiting_loads, g_ptr_array_unref);
  g_free (queue);
}

static DraftQueue *
get_queue (const char *name)
{
  DraftQueue *queue;

  if (queues == NULL)
    queues = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, draft_queue_free);

  queue = g_hash_table_lookup (queues, name);
  if (queue == NULL)
    {
      queue = g_new0 (DraftQueue, 1);
      queue->name = g_strdup (name);
      queue->pending_tasks = g_ptr_array_new_with_free_func (g_object_unref);
      queue->waiting_loads = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (queues, queue->name, queue);
    }

  return queue;
}

static void start_operation (DraftQueue *queue,
                             GVariant   *value,
                             GPtrArray  *tasks);
static void start_load      (const char *name,
                             GTask      *task);

/* Completes the current tasks and starts the pending operation, if any. */
static void
finish_operation (DraftQueue   *queue,
                  const GError *error)
{
  g_autoptr(GPtrArray) tasks = g_steal_pointer (&queue->current_tasks);

  queue->busy = FALSE;

  for (guint i = 0; i < tasks->len; i++)
    {
      GTask *task = g_ptr_array_index (tasks, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }

  if (queue->has_pending)
    {
      g_autoptr(GVariant) value = g_steal_pointer (&queue->pending_value);
      GPtrArray *pending = queue->pending_tasks;

      queue->has_pending = FALSE;
      queue->pending_tasks = g_ptr_array_new_with_free_func (g_object_unref);
      start_operation (queue, value, pending);
    }
  else if (queue->waiting_loads->len > 0)
    {
      /* Idle at last: the loads that waited read what was written. */
      g_autoptr(GPtrArray) loads = g_steal_pointer (&queue->waiting_loads);

      queue->waiting_loads = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < loads->len; i++)
        start_load (queue->name, g_object_ref (g_ptr_array_index (loads, i)));
    }
}

typedef struct
{
  char *dir;
  char *path;
  char *text;
} DraftWrite;

static void
draft_write_free (gpointer data)
{
  DraftWrite *write = data;

  g_free (write->dir);
  g_free (write->path);
  g_free (write->text);
  g_free (write);
}

/* In a worker thread: the folder, then the file through a temporary file
 * renamed over it, so that a reader never sees half a draft, even the
 * first time. */
static void
write_draft_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  DraftWrite *write = task_data;
  GError *error = NULL;

  if (g_mkdir_with_parents (write->dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               "Could not create the drafts folder: %s", g_strerror (saved_errno));
      return;
    }

  if (!g_file_set_contents_full (write->path, write->text, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_written (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  DraftQueue *queue = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_debug ("Could not save the draft “%s”: %s", queue->name, error->message);

  finish_operation (queue, error);
}

static void
on_deleted (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  DraftQueue *queue = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_delete_finish (G_FILE (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_clear_error (&error);

  finish_operation (queue, error);
}

/* @value NULL removes the draft. Takes @tasks. */
static void
start_operation (DraftQueue *queue,
                 GVariant   *value,
                 GPtrArray  *tasks)
{
  g_autoptr(GFile) file = sa_draft_get_file (queue->name);
  GCancellable *cancellable = NULL;

  queue->busy = TRUE;
  queue->current_tasks = tasks;

  /* The last request's cancellable governs the write it asked for. */
  if (tasks->len > 0)
    cancellable = g_task_get_cancellable (g_ptr_array_index (tasks, tasks->len - 1));

  if (value == NULL)
    {
      g_file_delete_async (file, G_PRIORITY_DEFAULT, cancellable, on_deleted, queue);
    }
  else
    {
      g_autoptr(GFile) dir = get_drafts_dir ();
      g_autoptr(GTask) write_task = g_task_new (NULL, cancellable, on_written, queue);
      DraftWrite *write = g_new0 (DraftWrite, 1);

      write->dir = g_file_get_path (dir);
      write->path = g_file_get_path (file);
      /* The text form with types, so that a damaged file is detected on load
       * rather than read as some other dictionary. */
      write->text = g_variant_print (value, TRUE);
      g_task_set_source_tag (write_task, start_operation);
      g_task_set_task_data (write_task, write, draft_write_free);
      g_task_run_in_thread (write_task, write_draft_thread);
    }
}

static void
enqueue (const char *name,
         GVariant   *value,
         GTask      *task)
{
  DraftQueue *queue = get_queue (name);

  if (queue->busy)
    {
      g_clear_pointer (&queue->pending_value, g_variant_unref);
      queue->pending_value = value != NULL ? g_variant_ref (value) : NULL;
      queue->has_pending = TRUE;
      g_ptr_array_add (queue->pending_tasks, task);
    }
  else
    {
      GPtrArray *tasks = g_ptr_array_new_with_free_func (g_object_unref);

      g_ptr_array_add (tasks, task);
      start_operation (queue, value, tasks);
    }
}

/**
 * sa_draft_save_async:
 * @name: the draft's name (a-z, 0-9 and '-'), such as %SA_DRAFT_ACCOUNT_REQUEST
 * @value: the form's fields, a #GVariant of type "a{sv}"; a floating
 *   reference is sunk
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Saves a wizard's form as it changes (requesting a Smart Account, requesting
 * access), so that closing the window, a crash or a failed send loses nothing.
 * The file is replaced atomically and readable by the user only; the folder is
 * created when needed. Saves and removals of one name are carried out one after
 * the other, and while one is under way only the last later request is
 * carried out: the last one wins.
 */
void
sa_draft_save_async (const char          *name,
                     GVariant            *value,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GVariant) owned = NULL;
  GTask *task;

  g_return_if_fail (value != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  owned = g_variant_ref_sink (value);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sa_draft_save_async);

  if (!is_valid_name (name))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "Invalid draft name");
      g_object_unref (task);
      return;
    }
  if (!g_variant_is_of_type (owned, G_VARIANT_TYPE_VARDICT))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "A draft must be of type a{sv}");
      g_object_unref (task);
      return;
    }

  enqueue (name, owned, task);
}

/**
 * sa_draft_save_finish:
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE when saved; otherwise %FALSE with a %G_IO_ERROR (disk full,
 *   permissions, %G_IO_ERROR_CANCELLED, %G_IO_ERROR_INVALID_ARGUMENT)
 */
gboolean
sa_draft_save_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_draft_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) value = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  const char *end = NULL;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_task_return_pointer (task, NULL, NULL);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (length > MAX_DRAFT_SIZE || memchr (contents, '\0', length) != NULL ||
      !g_utf8_validate (contents, length, NULL))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               "The draft file is damaged");
      return;
    }

  value = g_variant_parse (G_VARIANT_TYPE_VARDICT, contents, contents + length, &end, &error);
  if (value == NULL)
    {
      g_debug ("Damaged draft: %s", error->message);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               "The draft file is damaged");
      return;
    }

  /* g_variant_parse() gives a reference of our own already (not floating) */
  g_task_return_pointer (task, g_steal_pointer (&value), (GDestroyNotify) g_variant_unref);
}

/**
 * sa_draft_load_async:
 * @name: the draft's name (a-z, 0-9 and '-')
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Reads a wizard's saved draft, to offer to resume it when the wizard opens
 * again. A save or removal of the same draft still under way is waited for,
 * so the load reads what it leaves.
 */
void
sa_draft_load_async (const char          *name,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sa_draft_load_async);

  if (!is_valid_name (name))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "Invalid draft name");
      return;
    }

  /* A save or removal under way first: the load reads what it leaves. */
  if (queues != NULL && g_hash_table_contains (queues, name) &&
      ((DraftQueue *) g_hash_table_lookup (queues, name))->busy)
    {
      DraftQueue *queue = g_hash_table_lookup (queues, name);

      g_ptr_array_add (queue->waiting_loads, g_steal_pointer (&task));
      return;
    }

  start_load (name, g_steal_pointer (&task));
}

/* Takes @task. */
static void
start_load (const char *name,
            GTask      *task)
{
  g_autoptr(GFile) file = sa_draft_get_file (name);

  g_file_load_contents_async (file, g_task_get_cancellable (task), on_loaded, task);
}

/**
 * sa_draft_load_finish:
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): the draft, of type "a{sv}"; %NULL
 *   without error when there is none; %NULL with %G_IO_ERROR_INVALID_DATA
 *   when the file is damaged (the caller may remove it), or another
 *   %G_IO_ERROR
 */
GVariant *
sa_draft_load_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_draft_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * sa_draft_remove_async:
 * @name: the draft's name (a-z, 0-9 and '-')
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Removes a draft once its request was sent, or when the user discards it.
 * Ordered with the saves of the same name, so that a save still under way
 * cannot bring the draft back afterwards.
 */
void
sa_draft_remove_async (const char          *name,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sa_draft_remove_async);

  if (!is_valid_name (name))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "Invalid draft name");
      g_object_unref (task);
      return;
    }

  enqueue (name, NULL, task);
}

/**
 * sa_draft_remove_finish:
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE when removed or there was none; otherwise %FALSE with a
 *   %G_IO_ERROR
 */
gboolean
sa_draft_remove_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_draft_remove_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
