/* test-desk-client.c — SaDeskClient, the Desk API back end: its object and its session (sign-in, 401, sign-in-required, plain HTTP refused)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "desk-test-util.h"

/* ------------------------------------------------------------------------ */
/* Properties */

static void
test_client_properties (void)
{
  g_autoptr(SaClient) client = sa_desk_client_new ("http://127.0.0.1:8080");
  g_autoptr(SaClient) with_path = sa_desk_client_new ("https://desk.example.com/api");
  g_autoptr(SaClient) bad = sa_desk_client_new ("not a uri");
  guint timeout = 0;
  gboolean signed_in = TRUE;

  g_assert_cmpstr (sa_client_get_base_uri (client), ==, "http://127.0.0.1:8080/");
  g_assert_cmpstr (sa_client_get_base_uri (with_path), ==, "https://desk.example.com/api/");
  g_assert_false (sa_client_get_signed_in (client));
  g_assert_null (sa_client_get_username (client));
  g_assert_cmpuint (sa_desk_client_get_timeout (SA_DESK_CLIENT (client)), ==, 30);

  sa_desk_client_set_timeout (SA_DESK_CLIENT (client), 5);
  g_object_get (client, "timeout", &timeout, "signed-in", &signed_in, NULL);
  g_assert_cmpuint (timeout, ==, 5);
  g_assert_false (signed_in);

  /* Signing out when not signed in is harmless. */
  sa_client_sign_out (client);
  g_assert_false (sa_client_get_signed_in (client));

  g_assert_nonnull (bad);
}

/* ------------------------------------------------------------------------ */
/* Sign-in */

static void
count_notify (guint *counter)
{
  (*counter)++;
}

static void
test_sign_in (void)
{
  g_autoptr(SaClient) client = sa_desk_client_new (sa_sandbox_thread_get_uri (sandbox));
  g_autoptr(SaProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  g_signal_connect_swapped (client, "notify::signed-in", G_CALLBACK (count_notify), &notified);

  /* Wrong password, unknown user. */
  g_assert_false (sign_in (client, TRAINING_USER, "not-the-password", &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_CREDENTIALS);
  g_assert_false (sa_client_get_signed_in (client));
  g_clear_error (&error);

  g_assert_false (sign_in (client, "nobody", TRAINING_PASSWORD, &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_CREDENTIALS);
  g_clear_error (&error);

  /* An empty password never leaves the machine. */
  g_assert_false (sign_in (client, TRAINING_USER, "", &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* The right one. */
  g_assert_true (sign_in (client, TRAINING_USER, TRAINING_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_true (sa_client_get_signed_in (client));
  g_assert_cmpstr (sa_client_get_username (client), ==, TRAINING_USER);
  g_assert_cmpuint (notified, ==, 1);

  profile = get_profile (client, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sa_profile_get_username (profile), ==, TRAINING_USER);
  g_assert_nonnull (sa_profile_get_email (profile));

  /* Signing out forgets the token: the server refuses the next call. */
  sa_client_sign_out (client);
  g_assert_false (sa_client_get_signed_in (client));
  g_assert_null (sa_client_get_username (client));
  g_clear_object (&profile);
  profile = get_profile (client, &error);
  g_assert_null (profile);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_UNAUTHENTICATED);
}

static void
test_unauthenticated (void)
{
  g_autoptr(SaClient) client = sa_desk_client_new (sa_sandbox_thread_get_uri (sandbox));
  g_autoptr(GListModel) orders = NULL;
  g_autoptr(SaOrder) order = NULL;
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GError) error = NULL;

  orders = search_orders (client, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, NULL, 0, 0, NULL, &error);
  g_assert_null (orders);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_UNAUTHENTICATED);
  g_clear_error (&error);

  order = get_order (client, ORDER_UNASSIGNED, &error);
  g_assert_null (order);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_UNAUTHENTICATED);
  g_clear_error (&error);

  accounts = search_accounts (client, SA_ACCOUNT_SEARCH_DOMAIN, "acme", -1, &error);
  g_assert_null (accounts);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_UNAUTHENTICATED);
  g_clear_error (&error);

  g_assert_false (sandbox_reset (client, &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_UNAUTHENTICATED);

  /* The message is the translated sentence, not the server's text. */
  g_assert_cmpuint (strlen (error->message), >, 10);
}

static void
test_insecure_uri (void)
{
  g_autoptr(SaClient) client = sa_desk_client_new ("http://example.com/");
  g_autoptr(SaProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  /* Nothing is sent: the password would cross the network in clear. */
  g_assert_false (sign_in (client, TRAINING_USER, TRAINING_PASSWORD, &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INSECURE_URI);
  g_assert_nonnull (strstr (error->message, "https://"));
  g_clear_error (&error);

  profile = get_profile (client, &error);
  g_assert_null (profile);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INSECURE_URI);
}

/* 401 without renewal: the signal, then UNAUTHENTICATED. */
static void
count_signal (guint *counter)
{
  (*counter)++;
}

static void
test_sign_in_required (void)
{
  g_autoptr(SaClient) client = sa_desk_client_new (sa_sandbox_thread_get_uri (sandbox));
  g_autoptr(SaProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  guint required = 0;

  g_signal_connect_swapped (client, "sign-in-required", G_CALLBACK (count_signal), &required);
  g_assert_false (sa_client_get_renew_from_keyring (client));

  profile = get_profile (client, &error);
  g_assert_null (profile);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_UNAUTHENTICATED);
  g_assert_cmpuint (required, ==, 1);
  g_clear_error (&error);

  g_assert_true (sign_in (client, TRAINING_USER, TRAINING_PASSWORD, &error));
  g_assert_no_error (error);
  profile = get_profile (client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (required, ==, 1);
}

/* Repeated failed sign-ins make the token endpoint answer 429: the client
 * says "too many attempts", not "malformed request". Its own user name, last
 * in the program, so the lock-out touches no other test. */
static void
test_sign_in_throttled (void)
{
  g_autoptr(SaClient) client = sa_desk_client_new (sa_sandbox_thread_get_uri (sandbox));
  g_autoptr(GError) error = NULL;
  gboolean throttled = FALSE;

  for (guint i = 0; i < 10 && !throttled; i++)
    {
      g_assert_false (sign_in (client, "throttled-trainee", "not-the-password", &error));
      g_assert_nonnull (error);
      if (g_error_matches (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_TOO_MANY_ATTEMPTS))
        throttled = TRUE;
      else
        g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_CREDENTIALS);
      g_clear_error (&error);
    }
  g_assert_true (throttled);
  g_assert_false (sa_client_get_signed_in (client));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/desk/client/properties", test_client_properties);
  g_test_add_func ("/desk/client/sign-in", test_sign_in);
  g_test_add_func ("/desk/client/unauthenticated", test_unauthenticated);
  g_test_add_func ("/desk/client/transport/insecure-uri", test_insecure_uri);
  g_test_add_func ("/desk/client/transport/sign-in-required", test_sign_in_required);
  g_test_add_func ("/desk/client/sign-in-throttled", test_sign_in_throttled);

  return desk_test_run ();
}
