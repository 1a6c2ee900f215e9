/* test-credentials.c — remembered credentials in a real gnome-keyring
 *
 * Run through run-with-keyring.sh (a private D-Bus session with a fresh,
 * unlocked keyring).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "core-test-util.h"

#define PASSWORD     "s3cret-pa55-w0rd"

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
  g_assert_true (core_test_credentials_lookup (server, &username, &password, &error));
  g_assert_no_error (error);
  g_assert_null (username);
  g_assert_null (password);

  g_assert_true (core_test_credentials_store (server, "anna", PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_true (core_test_credentials_store (other, "otto", "other-password", &error));
  g_assert_no_error (error);

  g_assert_true (core_test_credentials_lookup (server, &username, &password, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (username, ==, "anna");
  g_assert_cmpstr (password, ==, PASSWORD);
  g_clear_pointer (&username, g_free);
  g_clear_pointer (&password, sa_credentials_free_password);

  /* The same server written without its trailing slash. */
  g_assert_true (core_test_credentials_lookup ("https://desk.example.com", &username, &password, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (username, ==, "anna");
  g_clear_pointer (&username, g_free);
  g_clear_pointer (&password, sa_credentials_free_password);

  /* Storing again replaces the password. */
  g_assert_true (core_test_credentials_store (server, "anna", "new-" PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_true (core_test_credentials_lookup (server, &username, &password, &error));
  g_assert_cmpstr (password, ==, "new-" PASSWORD);
  g_clear_pointer (&username, g_free);
  g_clear_pointer (&password, sa_credentials_free_password);

  /* A server is matched exactly, never by prefix. */
  g_assert_true (core_test_credentials_lookup ("https://desk.example.com/api/", &username, &password, &error));
  g_assert_no_error (error);
  g_assert_null (username);

  /* Clearing removes this server's only. */
  g_assert_true (core_test_credentials_clear (server, &error));
  g_assert_no_error (error);
  g_assert_true (core_test_credentials_lookup (server, &username, &password, &error));
  g_assert_no_error (error);
  g_assert_null (username);
  g_assert_null (password);

  g_assert_true (core_test_credentials_lookup (other, &username, &password, &error));
  g_assert_cmpstr (username, ==, "otto");
  g_clear_pointer (&username, g_free);
  g_clear_pointer (&password, sa_credentials_free_password);

  /* Clearing nothing is fine. */
  g_assert_true (core_test_credentials_clear (server, &error));
  g_assert_no_error (error);
  g_assert_true (core_test_credentials_clear (other, &error));
  g_assert_no_error (error);

  /* Bad input never reaches the keyring. */
  g_assert_false (core_test_credentials_store ("", "anna", PASSWORD, &error));
  g_assert_error (error, SA_CREDENTIALS_ERROR, SA_CREDENTIALS_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (core_test_credentials_store (server, "anna", "", &error));
  g_assert_error (error, SA_CREDENTIALS_ERROR, SA_CREDENTIALS_ERROR_FAILED);
  g_clear_error (&error);

  sa_credentials_free_password (NULL);
}

/* ------------------------------------------------------------------------ */

int
main (int   argc,
      char *argv[])
{
  g_autofree char *scratch = core_test_keyring_init (&argc, &argv, "test-credentials");
  int status;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("No session bus: run through run-with-keyring.sh");
      return g_test_run ();
    }

  g_test_add_func ("/keyring/schema", test_schema);
  g_test_add_func ("/keyring/store-lookup-clear", test_store_lookup_clear);

  status = g_test_run ();

  /* This process writes nowhere but its drafts: fresh config, cache and state
   * directories, checked at the end. */
  core_test_assert_only_a_draft_written (scratch);

  core_test_remove_tree (scratch);
  return status;
}
