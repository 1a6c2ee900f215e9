/* core-test-util.c — small helpers shared by the unit tests of src/core:
 * JSON fixtures, waiting for async calls, drafts and remembered credentials
 * waited for, the keyring programs' scratch home and captured debug log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "core-test-util.h"

JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return json_object_ref (json_node_get_object (root));
}

char *
repeat (const char *unit,
        guint       times)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (str, unit);

  return g_string_free (str, FALSE);
}

/* ------------------------------------------------------------------------ */
/* Waiting for an async call */

/**
 * core_test_on_ready:
 * @object: the source object
 * @result: the result
 * @user_data: a `GAsyncResult *` slot, %NULL until now
 *
 * A #GAsyncReadyCallback that stores a reference to @result in the slot
 * @user_data, for core_test_wait().
 */
void
core_test_on_ready (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

/**
 * core_test_wait:
 * @slot: the slot given to core_test_on_ready()
 *
 * Runs the default main context until *@slot is set; fails the test after
 * %CORE_TEST_WAIT_SECONDS.
 *
 * Returns: (transfer full): the result, taken from @slot
 */
GAsyncResult *
core_test_wait (GAsyncResult **slot)
{
  gint64 deadline = g_get_monotonic_time () + CORE_TEST_WAIT_SECONDS * G_USEC_PER_SEC;

  while (*slot == NULL)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("An async call did not complete within %d s", CORE_TEST_WAIT_SECONDS);
      g_main_context_iteration (NULL, TRUE);
    }

  return g_steal_pointer (slot);
}

/* ------------------------------------------------------------------------ */
/* Drafts */

/**
 * core_test_draft_save:
 *
 * sa_draft_save_async(), waited for.
 */
gboolean
core_test_draft_save (const char  *name,
                      GVariant    *value,
                      GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_draft_save_async (name, value, NULL, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  return sa_draft_save_finish (result, error);
}

/**
 * core_test_draft_load:
 *
 * sa_draft_load_async(), waited for.
 *
 * Returns: (transfer full) (nullable): the draft
 */
GVariant *
core_test_draft_load (const char  *name,
                      GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_draft_load_async (name, NULL, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  return sa_draft_load_finish (result, error);
}

/**
 * core_test_draft_remove:
 *
 * sa_draft_remove_async(), waited for.
 */
gboolean
core_test_draft_remove (const char  *name,
                        GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_draft_remove_async (name, NULL, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  return sa_draft_remove_finish (result, error);
}

/* ------------------------------------------------------------------------ */
/* Remembered credentials */

/**
 * core_test_credentials_store:
 *
 * sa_credentials_store_async(), waited for.
 */
gboolean
core_test_credentials_store (const char  *server,
                             const char  *username,
                             const char  *password,
                             GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_credentials_store_async (server, username, password, NULL, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  return sa_credentials_store_finish (result, error);
}

/**
 * core_test_credentials_lookup:
 *
 * sa_credentials_lookup_async(), waited for.
 */
gboolean
core_test_credentials_lookup (const char  *server,
                              char       **username,
                              char       **password,
                              GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_credentials_lookup_async (server, NULL, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  return sa_credentials_lookup_finish (result, username, password, error);
}

/**
 * core_test_credentials_clear:
 *
 * sa_credentials_clear_async(), waited for.
 */
gboolean
core_test_credentials_clear (const char  *server,
                             GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_credentials_clear_async (server, NULL, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  return sa_credentials_clear_finish (result, error);
}

/* ------------------------------------------------------------------------ */
/* The keyring programs: a scratch home, a debug log captured */

static GMutex   log_mutex;
static GString *captured_log;

static GLogWriterOutput
capture_writer (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  g_mutex_lock (&log_mutex);
  if (captured_log != NULL)
    {
      for (gsize i = 0; i < n_fields; i++)
        {
          if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
            {
              g_string_append (captured_log, fields[i].value);
              g_string_append_c (captured_log, '\n');
            }
        }
    }
  g_mutex_unlock (&log_mutex);

  /* Debug messages are captured, never printed: TAP output stays clean. */
  if (log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO))
    return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/**
 * core_test_keyring_init:
 * @argc: main()'s
 * @argv: main()'s
 * @program: the program's name, for its scratch directory
 *
 * Sets up a program run through run-with-keyring.sh: fresh config, cache and
 * state directories in a new scratch directory (set before GLib caches them;
 * the keyring's data directory comes from the script), every debug message
 * with the HTTP exchanges (`G_MESSAGES_DEBUG=all`, `SA_DEBUG_HTTP`) going to
 * a writer that prints none of them and records them between
 * core_test_log_capture_start() and core_test_log_capture_take(), no proxy,
 * the C.UTF-8 locale; then g_test_init().
 *
 * Returns: (transfer full): the scratch directory, for
 *   core_test_assert_only_a_draft_written() and core_test_remove_tree()
 */
char *
core_test_keyring_init (int          *argc,
                        char       ***argv,
                        const char   *program)
{
  g_autofree char *tmpl = g_strdup_printf ("sa-%s-XXXXXX", program);
  g_autofree char *scratch = g_dir_make_tmp (tmpl, NULL);
  g_autofree char *config = NULL;
  g_autofree char *cache = NULL;
  g_autofree char *state = NULL;

  g_assert_nonnull (scratch);
  config = g_build_filename (scratch, "config", NULL);
  cache = g_build_filename (scratch, "cache", NULL);
  state = g_build_filename (scratch, "state", NULL);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  g_setenv ("SA_DEBUG_HTTP", "1", TRUE);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  setlocale (LC_ALL, "C.UTF-8");
  g_log_set_writer_func (capture_writer, NULL, NULL);
  g_test_init (argc, argv, NULL);

  return g_steal_pointer (&scratch);
}

/**
 * core_test_log_capture_start:
 *
 * Starts recording every logged message (see core_test_keyring_init()).
 */
void
core_test_log_capture_start (void)
{
  g_mutex_lock (&log_mutex);
  g_assert_null (captured_log);
  captured_log = g_string_new (NULL);
  g_mutex_unlock (&log_mutex);
}

/**
 * core_test_log_capture_take:
 *
 * Stops recording.
 *
 * Returns: (transfer full): the messages logged since
 *   core_test_log_capture_start(), a line each
 */
char *
core_test_log_capture_take (void)
{
  GString *log;

  g_mutex_lock (&log_mutex);
  log = g_steal_pointer (&captured_log);
  g_mutex_unlock (&log_mutex);
  g_assert_nonnull (log);

  return g_string_free (log, FALSE);
}

/* Lists what is under @path, relative to @top ("state/smart-account-desk/drafts/x"). */
static void
list_tree (const char *top,
           const char *path,
           GPtrArray  *out)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        list_tree (top, child, out);
      else
        g_ptr_array_add (out, g_strdup (child + strlen (top) + 1));
    }
}

/**
 * core_test_assert_only_a_draft_written:
 * @scratch: the directory from core_test_keyring_init()
 *
 * Saves a draft (it belongs to a session too), then fails unless it is the
 * only file under @scratch: the process wrote nowhere else.
 */
void
core_test_assert_only_a_draft_written (const char *scratch)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GVariant) draft = g_variant_ref_sink (g_variant_new_parsed ("{'reason': <'x'>}"));

  g_assert_true (core_test_draft_save (SA_DRAFT_ACCESS_REQUEST, draft, NULL));

  list_tree (scratch, scratch, files);
  for (guint i = 0; i < files->len; i++)
    {
      const char *file = g_ptr_array_index (files, i);

      if (!g_str_has_prefix (file, "state/smart-account-desk/drafts/"))
        g_error ("Unexpected file written: %s", file);
    }
  g_assert_cmpuint (files->len, ==, 1);
}

/**
 * core_test_remove_tree:
 * @path: a directory
 *
 * Removes @path and everything under it (links themselves, never what they
 * point to).
 */
void
core_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          core_test_remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}
