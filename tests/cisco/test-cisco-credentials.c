/* test-cisco-credentials.c — the Cisco API credentials in a real gnome-keyring
 *
 * Stores, finds, replaces and clears the Client ID and Client Secret under
 * their own schema; then uses them against the sandbox's Cisco paths (a
 * trainee whose password is the secret) and checks that the secret (and any
 * access token) appear nowhere else: in no GSettings key, in no file under
 * the XDG directories, not in the G_MESSAGES_DEBUG=all log (with
 * SA_DEBUG_HTTP on).
 *
 * Run through tests/core/run-with-keyring.sh (a private D-Bus session with a
 * fresh, unlocked keyring). Without a keyring it says why and exits 77.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cisco-sandbox.h"
#include "cisco-test-util.h"

#define IDENTITY       "https://id.cisco.com/oauth2/default/v1/token"
#define OTHER_IDENTITY "http://127.0.0.1:4000/oauth2/default/v1/token"
#define CLIENT_ID      "cisco-learner"
#define CLIENT_SECRET  "Zq8-sandbox-s3cret-Wm3xV9"

/* ------------------------------------------------------------------------ */
/* Helpers */

static gboolean
store (const char  *identity,
       const char  *client_id,
       const char  *client_secret,
       GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_cisco_credentials_store_async (identity, client_id, client_secret, NULL,
                                    core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  return sa_cisco_credentials_store_finish (result, error);
}

static gboolean
lookup (const char  *identity,
        char       **client_id,
        char       **client_secret,
        GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_cisco_credentials_lookup_async (identity, NULL, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  return sa_cisco_credentials_lookup_finish (result, client_id, client_secret, error);
}

static gboolean
clear (const char  *identity,
       GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_cisco_credentials_clear_async (identity, NULL, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  return sa_cisco_credentials_clear_finish (result, error);
}

/* How many items the schema holds for @identity (a test may block). */
static guint
count_items (const char *identity)
{
  g_autoptr(GError) error = NULL;
  GList *items;
  guint n;

  items = secret_password_search_sync (sa_cisco_credentials_get_schema (), SECRET_SEARCH_ALL,
                                       NULL, &error,
                                       "identity-provider", identity,
                                       NULL);
  g_assert_no_error (error);
  n = g_list_length (items);
  g_list_free_full (items, g_object_unref);
  return n;
}

/* ------------------------------------------------------------------------ */
/* Store, find, clear */

static void
test_schema (void)
{
  const SecretSchema *schema = sa_cisco_credentials_get_schema ();

  g_assert_cmpstr (schema->name, ==, "io.github.sadesk.SmartAccountDesk.CiscoApi");
  g_assert_cmpstr (schema->name, !=, sa_credentials_get_schema ()->name);
  g_assert_cmpstr (schema->attributes[0].name, ==, "identity-provider");
  g_assert_cmpint (schema->attributes[0].type, ==, SECRET_SCHEMA_ATTRIBUTE_STRING);
  g_assert_cmpstr (schema->attributes[1].name, ==, "client-id");
  g_assert_cmpint (schema->attributes[1].type, ==, SECRET_SCHEMA_ATTRIBUTE_STRING);
  g_assert_null (schema->attributes[2].name);
}

static void
test_store_lookup_clear (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *client_id = NULL;
  char *secret = NULL;

  /* Nothing yet: TRUE with NULLs. */
  g_assert_true (lookup (IDENTITY, &client_id, &secret, &error));
  g_assert_no_error (error);
  g_assert_null (client_id);
  g_assert_null (secret);

  g_assert_true (store (IDENTITY, "client-one", "secret-one", &error));
  g_assert_no_error (error);
  g_assert_true (store (OTHER_IDENTITY, "practice", "practice-secret", &error));
  g_assert_no_error (error);

  g_assert_true (lookup (IDENTITY, &client_id, &secret, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (client_id, ==, "client-one");
  g_assert_cmpstr (secret, ==, "secret-one");
  g_clear_pointer (&client_id, g_free);
  g_clear_pointer (&secret, sa_cisco_credentials_free_secret);

  /* Another application for the same identity provider replaces the first:
   * its secret does not linger. */
  g_assert_true (store (IDENTITY, "client-two", "secret-two", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_items (IDENTITY), ==, 1);
  g_assert_true (lookup (IDENTITY, &client_id, &secret, &error));
  g_assert_cmpstr (client_id, ==, "client-two");
  g_assert_cmpstr (secret, ==, "secret-two");
  g_clear_pointer (&client_id, g_free);
  g_clear_pointer (&secret, sa_cisco_credentials_free_secret);

  /* A practice address never finds the real secret, and the other way. */
  g_assert_true (lookup (OTHER_IDENTITY, &client_id, &secret, &error));
  g_assert_cmpstr (client_id, ==, "practice");
  g_assert_cmpstr (secret, ==, "practice-secret");
  g_clear_pointer (&client_id, g_free);
  g_clear_pointer (&secret, sa_cisco_credentials_free_secret);

  /* Clearing removes that identity provider's only. */
  g_assert_true (clear (IDENTITY, &error));
  g_assert_no_error (error);
  g_assert_true (lookup (IDENTITY, &client_id, &secret, &error));
  g_assert_null (client_id);
  g_assert_null (secret);
  g_assert_true (lookup (OTHER_IDENTITY, &client_id, &secret, &error));
  g_assert_cmpstr (client_id, ==, "practice");
  g_clear_pointer (&client_id, g_free);
  g_clear_pointer (&secret, sa_cisco_credentials_free_secret);
  g_assert_true (clear (OTHER_IDENTITY, &error));
  g_assert_true (clear (OTHER_IDENTITY, &error));  /* nothing left: fine */
  g_assert_no_error (error);

  /* Bad input never reaches the keyring. */
  g_assert_false (store (IDENTITY, "", "secret", &error));
  g_assert_error (error, SA_CREDENTIALS_ERROR, SA_CREDENTIALS_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (store (IDENTITY, "client", "", &error));
  g_assert_error (error, SA_CREDENTIALS_ERROR, SA_CREDENTIALS_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (lookup ("", NULL, NULL, &error));
  g_assert_error (error, SA_CREDENTIALS_ERROR, SA_CREDENTIALS_ERROR_FAILED);

  sa_cisco_credentials_free_secret (NULL);
}

/* ------------------------------------------------------------------------ */
/* The secret is nowhere else */

static void
check_settings (const char *needle)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_auto(GStrv) schemas = NULL;
  guint n_keys = 0;

  g_assert_nonnull (source);
  g_settings_schema_source_list_schemas (source, TRUE, &schemas, NULL);
  g_assert_nonnull (schemas);

  for (guint i = 0; schemas[i] != NULL; i++)
    {
      g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (source, schemas[i], TRUE);
      g_autoptr(GSettings) settings = NULL;
      g_auto(GStrv) keys = NULL;

      if (g_settings_schema_get_path (schema) == NULL)
        continue;  /* relocatable */
      settings = g_settings_new_full (schema, NULL, NULL);
      keys = g_settings_schema_list_keys (schema);
      for (guint k = 0; keys[k] != NULL; k++)
        {
          g_autoptr(GVariant) value = g_settings_get_value (settings, keys[k]);
          g_autofree char *text = g_variant_print (value, FALSE);

          n_keys++;
          if (strstr (text, needle) != NULL)
            g_error ("GSettings key %s.%s holds a secret", schemas[i], keys[k]);
        }
    }

  g_assert_cmpuint (n_keys, >, 0);
}

/* No Client Secret in a file. */
static void
check_file (const char *path,
            const char *contents,
            gsize       length,
            gpointer    user_data)
{
  if (core_test_contains_bytes (contents, length, CLIENT_SECRET))
    g_error ("%s holds a secret", path);
}

static void
test_secret_nowhere_else (void)
{
  CiscoSandbox *sandbox = cisco_sandbox_new ();
  g_autofree char *identity = cisco_sandbox_uri (sandbox, SANDBOX_TOKEN_PATH);
  g_autoptr(SaCiscoApi) api = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) accounts = NULL;
  g_autofree char *client_id = NULL;
  char *secret = NULL;
  g_autofree char *log = NULL;
  const char *dirs[] = { "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME" };
  guint n_files = 0;

  /* The trainee whose user name and password are the Client ID and Secret. */
  cisco_sandbox_add_trainee (sandbox, CLIENT_ID, CLIENT_SECRET);
  api = cisco_sandbox_new_api_for (sandbox, "nobody", "nothing");

  /* Stored, read back, used: the whole life of the secret. */
  g_assert_true (store (identity, CLIENT_ID, CLIENT_SECRET, &error));
  g_assert_no_error (error);
  g_assert_true (lookup (identity, &client_id, &secret, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, CLIENT_SECRET);

  sa_cisco_api_set_credentials (api, client_id, secret);
  g_clear_pointer (&secret, sa_cisco_credentials_free_secret);
  accounts = cisco_test_account_access (api, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 11);
  /* A refused secret goes through the error paths too. */
  sa_cisco_api_set_credentials (api, client_id, CLIENT_SECRET "-wrong");
  g_assert_false (cisco_test_request_token (api, &error));
  g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_INVALID_CLIENT);
  g_clear_object (&api);
  cisco_sandbox_free (sandbox);

  /* Not in the debug log (which did record the requests), nor any token. */
  log = core_test_log_capture_take ();
  g_assert_nonnull (strstr (log, SANDBOX_TOKEN_PATH));
  g_assert_null (strstr (log, CLIENT_SECRET));
  if (core_test_has_token_shape (log, strlen (log)))
    g_error ("The debug log holds what looks like an access token:\n%s", log);

  /* Not in any GSettings key. */
  check_settings (CLIENT_SECRET);

  /* Not in any file under the XDG directories (the keyring's own file is
   * encrypted). */
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    if (g_getenv (dirs[i]) != NULL)
      n_files += core_test_scan_files (g_getenv (dirs[i]), check_file, NULL);
  g_assert_cmpuint (n_files, >, 0);  /* at least the keyring file */

  g_assert_true (clear (identity, &error));
}

/* ------------------------------------------------------------------------ */

/* The exit status 77 tells meson the test was skipped; the reason goes to
 * the TAP output. */
static void
skip_all (const char *reason)
{
  printf ("1..0 # SKIP %s\n", reason);
  fflush (stdout);
  exit (77);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *scratch = NULL;
  int status;

  /* Fresh config, cache and state directories, scanned at the end; the
   * keyring's data directory comes from run-with-keyring.sh. The debug log
   * is recorded from the start. */
  scratch = core_test_keyring_init (&argc, &argv, "test-cisco-credentials");
  core_test_log_capture_start ();

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    skip_all ("no session bus: run through tests/core/run-with-keyring.sh");

  /* Does a keyring answer at all? */
  {
    g_autoptr(GError) error = NULL;

    if (!lookup (IDENTITY, NULL, NULL, &error))
      {
        g_autofree char *reason = g_strdup_printf ("no usable keyring: %s", error->message);

        skip_all (reason);
      }
  }

  g_test_add_func ("/cisco/keyring/schema", test_schema);
  g_test_add_func ("/cisco/keyring/store-lookup-clear", test_store_lookup_clear);
  g_test_add_func ("/cisco/keyring/secret-nowhere-else", test_secret_nowhere_else);

  status = g_test_run ();
  core_test_remove_tree (scratch);
  return status;
}
