/* core-test-util.c — small helpers shared by the unit tests of src/core:
 * JSON fixtures, waiting for async calls, drafts and remembered credentials
 * waited for, the keyring programs' scratch home and captured debug log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>
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

static gboolean
on_slept (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * core_test_sleep:
 * @milliseconds: how long
 *
 * Runs the default main context for @milliseconds.
 */
void
core_test_sleep (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, on_slept, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* ------------------------------------------------------------------------ */
/* Languages */

static void
bind_domain (void)
{
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SA_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/**
 * core_test_init_l10n:
 * @language: (nullable): the language to go on in ("en"), or %NULL for the
 *   environment's `LANGUAGE`
 *
 * Binds the build tree's catalogs (`SA_LOCALEDIR`). GLib decides once, at its
 * first translation, whether to translate at all (not when the program's own
 * domain has no catalog for the language then in use): that first time is
 * made in French, so that later language switches take effect.
 */
void
core_test_init_l10n (const char *language)
{
  g_autofree char *then = g_strdup (language != NULL ? language : g_getenv ("LANGUAGE"));

  core_test_set_language ("fr");
  (void) g_dgettext (GETTEXT_PACKAGE, "Preferences");

  if (then != NULL)
    g_setenv ("LANGUAGE", then, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  bind_domain ();
}

/**
 * core_test_set_language:
 * @language: "fr", "it", "en"
 *
 * Switches the language of the messages built from now on: C.UTF-8 plus
 * `LANGUAGE`, then textdomain() again so that gettext drops its cache
 * (TESTING.md, "gettext").
 */
void
core_test_set_language (const char *language)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", language, TRUE);
  bind_domain ();
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
          if (g_str_equal (fields[i].key, "MESSAGE"))
            {
              if (fields[i].length < 0)
                g_string_append (captured_log, fields[i].value);
              else
                g_string_append_len (captured_log, fields[i].value, fields[i].length);
              g_string_append_c (captured_log, '\n');
            }
        }
    }
  g_mutex_unlock (&log_mutex);

  /* Debug messages are captured, never printed: TAP output stays clean; the
   * rest is shown (and stays fatal). */
  if (log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO))
    return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/**
 * core_test_log_capture_install:
 *
 * Sends every logged message to a writer that prints no debug or info
 * message (TAP output stays clean) and records all of them between
 * core_test_log_capture_start() and core_test_log_capture_take(). Call it
 * before g_test_init(), with `G_MESSAGES_DEBUG=all` set for a whole log.
 */
void
core_test_log_capture_install (void)
{
  g_log_set_writer_func (capture_writer, NULL, NULL);
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
 * core_test_log_capture_install()'s writer, no proxy,
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
  core_test_log_capture_install ();
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

/* ------------------------------------------------------------------------ */
/* Hunting for a leaked secret */

/**
 * core_test_use_xdg_home:
 * @tmpl: a template for g_dir_make_tmp() ("sa-sign-in-XXXXXX")
 *
 * Gives the process user directories of its own, before anything reads
 * them: data, config, state and cache (mode 0700) under one new directory,
 * set as `XDG_DATA_HOME`, `XDG_CONFIG_HOME`, `XDG_STATE_HOME` and
 * `XDG_CACHE_HOME`. A gnome-keyring started before keeps its files where the
 * old `XDG_DATA_HOME` said.
 *
 * Returns: (transfer full): the new directory, for core_test_scan_files()
 */
char *
core_test_use_xdg_home (const char *tmpl)
{
  const char *subdirs[] = { "data", "config", "state", "cache" };
  const char *vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME" };
  char *root = g_dir_make_tmp (tmpl, NULL);

  g_assert_nonnull (root);
  for (guint i = 0; i < G_N_ELEMENTS (subdirs); i++)
    {
      g_autofree char *dir = g_build_filename (root, subdirs[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (vars[i], dir, TRUE);
    }

  return root;
}

/**
 * core_test_contains_bytes:
 * @data: any bytes, NULs included
 * @length: the length of @data, in bytes
 * @needle: a string
 *
 * Returns: whether @data holds @needle
 */
gboolean
core_test_contains_bytes (const char *data,
                          gsize       length,
                          const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; n <= length && i <= length - n; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/**
 * core_test_has_token_shape:
 * @data: any bytes
 * @length: the length of @data, in bytes
 *
 * Returns: whether @data holds a run of 40 or more characters of base64url:
 *   what an access token looks like (the sandbox's are 43)
 */
gboolean
core_test_has_token_shape (const char *data,
                           gsize       length)
{
  gsize run = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (g_ascii_isalnum (c) || c == '-' || c == '_')
        {
          if (++run >= 40)
            return TRUE;
        }
      else
        run = 0;
    }
  return FALSE;
}

/**
 * core_test_scan_files:
 * @path: a directory
 * @check: called with each file's path and contents
 * @user_data: for @check
 *
 * Reads every regular file under @path (never through a link; not Mesa's
 * compiled shaders, binary and not ours) and hands it to @check, which
 * fails the test on what it must not find.
 *
 * Returns: how many files were read
 */
guint
core_test_scan_files (const char        *path,
                      CoreTestFileCheck  check,
                      gpointer           user_data)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n_files = 0;

  if (dir == NULL)
    return 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_test (child, G_FILE_TEST_IS_SYMLINK) || g_strcmp0 (name, "mesa_shader_cache") == 0)
        continue;
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          n_files += core_test_scan_files (child, check, user_data);
          continue;
        }
      if (!g_file_get_contents (child, &contents, &length, NULL))
        continue;

      n_files++;
      check (child, contents, length, user_data);
    }

  return n_files;
}

/**
 * core_test_print_settings:
 * @settings: a #GSettings
 *
 * Returns: (transfer full): every key of @settings' schema with its value as
 *   the run left it, a "key=value" line each
 */
char *
core_test_print_settings (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  GString *text = g_string_new (NULL);

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  g_assert_nonnull (keys);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *printed = g_variant_print (value, FALSE);

      g_string_append_printf (text, "%s=%s\n", keys[i], printed);
    }

  return g_string_free (text, FALSE);
}
