/* test-credentials.c — remembered credentials in a real gnome-keyring
 *
 * Run through run-with-keyring.sh (a private D-Bus session with a fresh,
 * unlocked keyring).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "sa-core.h"
#include "sa-json-private.h"

#define WAIT_SECONDS 30
#define PASSWORD     "s3cret-pa55-w0rd"

static GString *captured_log;

/* ------------------------------------------------------------------------ */
/* Helpers */

static void
on_ready (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (*slot == NULL)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("An async call did not complete within %d s", WAIT_SECONDS);
      g_main_context_iteration (NULL, TRUE);
    }

  return g_steal_pointer (slot);
}

static gboolean
store (const char  *server,
       const char  *username,
       const char  *password,
       GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_credentials_store_async (server, username, password, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_credentials_store_finish (result, error);
}

static gboolean
lookup (const char  *server,
        char       **username,
        char       **password,
        GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_credentials_lookup_async (server, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_credentials_lookup_finish (result, username, password, error);
}

static gboolean
clear (const char  *server,
       GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_credentials_clear_async (server, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_credentials_clear_finish (result, error);
}

/* ------------------------------------------------------------------------ */
/* Store, find, clear */

static void
test_schema (void)
{
  const SecretSchema *schema = sa_credentials_get_schema ();

  g_assert_cmpstr (schema->name, ==, "io.github.sadesk.SmartAccountDesk");
  g_assert_cmpstr (schema->attributes[0].name, ==, "server");
  g_assert_cmpint (schema->attributes[0].type, ==, SECRET_SCHEMA_ATTRIBUTE_STRING);
  g_assert_cmpstr (schema->attributes[1].name, ==, "username");
  g_assert_cmpint (schema->attributes[1].type, ==, SECRET_SCHEMA_ATTRIBUTE_STRING);
  g_assert_null (schema->attributes[2].name);
}

static void
test_store_lookup_clear (void)
{
  const char *server = "https://desk.example.com/";
  const char *other = "https://other.example.com/";
  g_autoptr(GError) error = NULL;
  g_autofree char *username = NULL;
  char *password = NULL;

  /* Nothing yet: TRUE with NULLs. */
  g_assert_true (lookup (server, &username, &password, &error));
  g_assert_no_error (error);
  g_assert_null (username);
  g_assert_null (password);

  g_assert_true (store (server, "anna", PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_true (store (other, "otto", "other-password", &error));
  g_assert_no_error (error);

  g_assert_true (lookup (server, &username, &password, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (username, ==, "anna");
  g_assert_cmpstr (password, ==, PASSWORD);
  g_clear_pointer (&username, g_free);
  g_clear_pointer (&password, sa_credentials_free_password);

  /* The same server written without its trailing slash. */
  g_assert_true (lookup ("https://desk.example.com", &username, &password, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (username, ==, "anna");
  g_clear_pointer (&username, g_free);
  g_clear_pointer (&password, sa_credentials_free_password);

  /* Storing again replaces the password. */
  g_assert_true (store (server, "anna", "new-" PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_true (lookup (server, &username, &password, &error));
  g_assert_cmpstr (password, ==, "new-" PASSWORD);
  g_clear_pointer (&username, g_free);
  g_clear_pointer (&password, sa_credentials_free_password);

  /* A server is matched exactly, never by prefix. */
  g_assert_true (lookup ("https://desk.example.com/api/", &username, &password, &error));
  g_assert_no_error (error);
  g_assert_null (username);

  /* Clearing removes this server's only. */
  g_assert_true (clear (server, &error));
  g_assert_no_error (error);
  g_assert_true (lookup (server, &username, &password, &error));
  g_assert_no_error (error);
  g_assert_null (username);
  g_assert_null (password);

  g_assert_true (lookup (other, &username, &password, &error));
  g_assert_cmpstr (username, ==, "otto");
  g_clear_pointer (&username, g_free);
  g_clear_pointer (&password, sa_credentials_free_password);

  /* Clearing nothing is fine. */
  g_assert_true (clear (server, &error));
  g_assert_no_error (error);
  g_assert_true (clear (other, &error));
  g_assert_no_error (error);

  /* Bad input never reaches the keyring. */
  g_assert_false (store ("", "anna", PASSWORD, &error));
  g_assert_error (error, SA_CREDENTIALS_ERROR, SA_CREDENTIALS_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (store (server, "anna", "", &error));
  g_assert_error (error, SA_CREDENTIALS_ERROR, SA_CREDENTIALS_ERROR_FAILED);
  g_clear_error (&error);

  sa_credentials_free_password (NULL);
}

/* ------------------------------------------------------------------------ */

static GLogWriterOutput
capture_writer (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
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

  /* Debug messages are captured, never printed: TAP output stays clean. */
  if (log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO))
    return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* Lists what is under @path, relative to @top ("smart-account-desk/drafts/x"). */
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

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *scratch = NULL;
  g_autofree char *config = NULL;
  g_autofree char *cache = NULL;
  g_autofree char *state = NULL;
  int status;

  /* This process writes nowhere but its drafts: fresh config, cache and state
   * directories, checked at the end. Set before GLib caches them. */
  scratch = g_dir_make_tmp ("sa-test-credentials-XXXXXX", NULL);
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
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("No session bus: run through run-with-keyring.sh");
      return g_test_run ();
    }

  g_test_add_func ("/keyring/schema", test_schema);
  g_test_add_func ("/keyring/store-lookup-clear", test_store_lookup_clear);

  status = g_test_run ();

  /* A draft belongs to a session too: it is the only file allowed. */
  {
    g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
    GAsyncResult *slot = NULL;
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GVariant) draft = g_variant_ref_sink (g_variant_new_parsed ("{'reason': <'x'>}"));

    sa_draft_save_async (SA_DRAFT_ACCESS_REQUEST, draft, NULL, on_ready, &slot);
    result = wait_for (&slot);
    g_assert_true (sa_draft_save_finish (result, NULL));

    list_tree (scratch, scratch, files);
    for (guint i = 0; i < files->len; i++)
      {
        const char *file = g_ptr_array_index (files, i);

        if (!g_str_has_prefix (file, "state/smart-account-desk/drafts/"))
          g_error ("Unexpected file written: %s", file);
      }
    g_assert_cmpuint (files->len, ==, 1);
  }

  remove_tree (scratch);
  return status;
}
