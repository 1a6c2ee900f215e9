/* test-desk-hostile.c — the Desk client against a hostile server (issue 13):
 * every fault of faulty-server.c, asserting no crash, memory bounded, the
 * right error code and the message the user reads, the user's input kept
 * (a failed write leaves the order and the chosen accounts as they were),
 * and a client still usable afterwards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "desk-test-util.h"
#include "faulty-server.h"

/* What the client may hold at its peak: 16 MiB of answer, its decoding and
 * the test program itself, far below the 519 MB–4 GB measured before. */
#ifdef __SANITIZE_ADDRESS__
/* AddressSanitizer's shadow memory and quarantine (build-aux/sanitize). */
#define MAX_PEAK_RSS_KIB (384 * 1024)
#else
#define MAX_PEAK_RSS_KIB (160 * 1024)
#endif

static GListModel *
search (const char  *uri,
        GError     **error)
{
  g_autoptr(SaClient) client = sa_desk_client_new (uri);

  return search_accounts (client, SA_ACCOUNT_SEARCH_NAME, "acme", -1, error);
}

/* The sentence the user reads is the one of @expected (never the server's
 * text, never "check your network" for what is not the network). */
static void
assert_user_message (const GError  *error,
                     SaClientError  expected)
{
  const struct { SaClientError code; const char *words; } words[] = {
    { SA_CLIENT_ERROR_INVALID_RESPONSE, "does not understand" },
    { SA_CLIENT_ERROR_REDIRECT_LOOP, "without ever answering" },
    { SA_CLIENT_ERROR_REDIRECT_REFUSED, "was not followed" },
    { SA_CLIENT_ERROR_TOO_SLOW, "too slowly" },
  };
  g_autoptr(GError) reference = g_error_new_literal (SA_CLIENT_ERROR, (int) expected, "");
  g_autofree char *message = sa_error_dup_user_message (error);
  g_autofree char *expected_message = sa_error_dup_user_message (reference);

  g_assert_cmpstr (message, ==, expected_message);
  g_assert_null (strstr (message, "network"));
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (words[i].code == expected)
      g_assert_nonnull (strstr (message, words[i].words));
}

static void
assert_fault_gives (Fault         fault,
                    SaClientError expected)
{
  g_autoptr(FaultyServer) server = faulty_server_new (fault);
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GError) error = NULL;

  accounts = search (faulty_server_get_uri (server), &error);
  g_assert_null (accounts);
  g_assert_error (error, SA_CLIENT_ERROR, (int) expected);
  assert_user_message (error, expected);
  g_assert_cmpuint (faulty_peak_rss_kib (), <, MAX_PEAK_RSS_KIB);
}

/* A write answered by each fault fails with its own code and sentence, and
 * leaves what the user chose as it was: the order (its ETag, version and
 * accounts) and the Smart Account picked, ready to be sent again. */
static void
test_input_kept (void)
{
  const struct { Fault fault; SaClientError code; } faults[] = {
    { FAULT_DEEP_JSON, SA_CLIENT_ERROR_INVALID_RESPONSE },
    { FAULT_TRAILING_JSON, SA_CLIENT_ERROR_INVALID_RESPONSE },
    { FAULT_HUGE_LENGTH, SA_CLIENT_ERROR_INVALID_RESPONSE },
    { FAULT_ENDLESS, SA_CLIENT_ERROR_INVALID_RESPONSE },
    { FAULT_GZIP_BOMB, SA_CLIENT_ERROR_INVALID_RESPONSE },
    { FAULT_REDIRECT_AWAY, SA_CLIENT_ERROR_REDIRECT_REFUSED },
    { FAULT_REDIRECT_LOOP, SA_CLIENT_ERROR_REDIRECT_REFUSED },
    { FAULT_TRICKLE, SA_CLIENT_ERROR_TOO_SLOW },
  };

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(FaultyServer) server = faulty_server_new (faults[i].fault);
      g_autoptr(SaClient) client = sa_desk_client_new (faulty_server_get_uri (server));
      g_autoptr(SaOrder) order = fake_order ("104857601", "\"1\"");
      g_autoptr(SaAssignment) end_customer = sa_assignment_new ("acme-industrie.fr", NULL,
                                                                SA_ACCOUNT_TYPE_CUSTOMER,
                                                                SA_ACCOUNT_STATUS_ACTIVE, "DEFAULT");
      g_autoptr(SaOrder) updated = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("fault %d", (int) faults[i].fault);
      sa_desk_client_set_timeout (SA_DESK_CLIENT (client), 1);
      updated = update_assignment (client, order, end_customer, NULL, TRUE, &error);
      g_assert_null (updated);
      g_assert_error (error, SA_CLIENT_ERROR, (int) faults[i].code);
      assert_user_message (error, faults[i].code);
      g_assert_cmpuint (faulty_peak_rss_kib (), <, MAX_PEAK_RSS_KIB);

      g_assert_cmpstr (sa_order_get_etag (order), ==, "\"1\"");
      g_assert_cmpint (sa_order_get_version (order), ==, 1);
      g_assert_null (sa_order_get_end_customer (order));
      g_assert_null (sa_order_get_holding (order));
      g_assert_cmpstr (sa_assignment_get_domain (end_customer), ==, "acme-industrie.fr");
      g_assert_cmpstr (sa_assignment_get_virtual_account (end_customer), ==, "DEFAULT");
      g_assert_cmpint (sa_assignment_get_account_type (end_customer), ==, SA_ACCOUNT_TYPE_CUSTOMER);
    }
}

static void
test_ok (void)
{
  g_autoptr(FaultyServer) server = faulty_server_new (FAULT_OK);
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GError) error = NULL;

  accounts = search (faulty_server_get_uri (server), &error);
  g_assert_no_error (error);
  g_assert_nonnull (accounts);
}

static void
test_deep_json (void)
{
  g_autoptr(FaultyServer) server = faulty_server_new (FAULT_DEEP_JSON);
  g_autoptr(SaClient) client = sa_desk_client_new (faulty_server_get_uri (server));
  g_autoptr(GError) error = NULL;

  /* An answer and a sign-in alike: refused, not a stack overflow. */
  assert_fault_gives (FAULT_DEEP_JSON, SA_CLIENT_ERROR_INVALID_RESPONSE);

  g_assert_false (sign_in (client, "trainee", "secret", &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_RESPONSE);
}

static void
test_trailing_json (void)
{
  assert_fault_gives (FAULT_TRAILING_JSON, SA_CLIENT_ERROR_INVALID_RESPONSE);
}

static void
test_huge_length (void)
{
  gint64 start = g_get_monotonic_time ();

  assert_fault_gives (FAULT_HUGE_LENGTH, SA_CLIENT_ERROR_INVALID_RESPONSE);
  /* Refused from the header, without waiting for 300 MB. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
}

static void
test_endless_body (void)
{
  assert_fault_gives (FAULT_ENDLESS, SA_CLIENT_ERROR_INVALID_RESPONSE);
}

static void
test_gzip_bomb (void)
{
  assert_fault_gives (FAULT_GZIP_BOMB, SA_CLIENT_ERROR_INVALID_RESPONSE);
}

static void
test_still_usable (void)
{
  g_autoptr(FaultyServer) bad = faulty_server_new (FAULT_ENDLESS);
  g_autoptr(FaultyServer) good = faulty_server_new (FAULT_OK);
  g_autoptr(SaClient) client = sa_desk_client_new (faulty_server_get_uri (bad));
  g_autoptr(SaClient) other = sa_desk_client_new (faulty_server_get_uri (good));
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GError) error = NULL;

  accounts = search_accounts (client, SA_ACCOUNT_SEARCH_NAME, "acme", -1, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_RESPONSE);
  g_clear_error (&error);

  /* After a refused answer, the next call goes through. */
  accounts = search_accounts (other, SA_ACCOUNT_SEARCH_NAME, "acme", -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (accounts);
}

static void
test_redirect_away (void)
{
  g_autoptr(FaultyServer) server = faulty_server_new (FAULT_REDIRECT_AWAY);
  g_autoptr(SaClient) client = sa_desk_client_new (faulty_server_get_uri (server));
  g_autoptr(SaOrder) order = fake_order ("104857601", "\"1\"");
  g_autoptr(SaAssignment) end_customer = sa_assignment_new ("acme-industrie.fr", NULL,
                                                            SA_ACCOUNT_TYPE_CUSTOMER,
                                                            SA_ACCOUNT_STATUS_ACTIVE, "DEFAULT");
  g_autoptr(SaOrder) updated = NULL;
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GError) error = NULL;

  /* A write redirected elsewhere is not sent again: one request, one PUT. */
  updated = update_assignment (client, order, end_customer, NULL, TRUE, &error);
  g_assert_null (updated);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_REDIRECT_REFUSED);
  g_assert_cmpuint (faulty_server_get_requests (server), ==, 1);
  g_assert_cmpuint (faulty_server_get_writes (server), ==, 1);
  g_clear_error (&error);

  /* Nor a read to another origin (it would carry the bearer token). */
  accounts = search_accounts (client, SA_ACCOUNT_SEARCH_NAME, "acme", -1, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_REDIRECT_REFUSED);
  g_assert_cmpuint (faulty_server_get_requests (server), ==, 2);
}

static void
test_redirect_loop (void)
{
  /* Same origin, a GET: followed 4 times, then refused. */
  assert_fault_gives (FAULT_REDIRECT_LOOP, SA_CLIENT_ERROR_REDIRECT_LOOP);
}

static void
test_trickle (void)
{
  g_autoptr(FaultyServer) server = faulty_server_new (FAULT_TRICKLE);
  g_autoptr(SaClient) client = sa_desk_client_new (faulty_server_get_uri (server));
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  /* A byte every 200 ms never trips the 1 s inactivity timeout: the overall
   * limit (twice the timeout) ends the call. */
  sa_desk_client_set_timeout (SA_DESK_CLIENT (client), 1);
  accounts = search_accounts (client, SA_ACCOUNT_SEARCH_NAME, "acme", -1, &error);
  g_assert_null (accounts);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_TOO_SLOW);
  assert_user_message (error, SA_CLIENT_ERROR_TOO_SLOW);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 6 * G_USEC_PER_SEC);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/desk/hostile/ok", test_ok);
  g_test_add_func ("/desk/hostile/deep-json", test_deep_json);
  g_test_add_func ("/desk/hostile/trailing-json", test_trailing_json);
  g_test_add_func ("/desk/hostile/huge-length", test_huge_length);
  g_test_add_func ("/desk/hostile/endless-body", test_endless_body);
  g_test_add_func ("/desk/hostile/gzip-bomb", test_gzip_bomb);
  g_test_add_func ("/desk/hostile/still-usable", test_still_usable);
  g_test_add_func ("/desk/hostile/redirect-away", test_redirect_away);
  g_test_add_func ("/desk/hostile/redirect-loop", test_redirect_loop);
  g_test_add_func ("/desk/hostile/trickle", test_trickle);
  g_test_add_func ("/desk/hostile/input-kept", test_input_kept);

  return g_test_run ();
}
