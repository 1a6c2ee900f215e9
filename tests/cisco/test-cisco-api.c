/* test-cisco-api.c — the Cisco connection's pipeline against the sandbox's
 * Cisco paths over loopback
 *
 * Addresses (plain http only to loopback), the client_credentials token and
 * its renewal (before expires_in, and once after a 401), and every way Cisco's
 * gateways answer when things go wrong that the sandbox's training faults
 * produce: 401 invalid_client, 403 "Invalid Client", an HTML 403, 429 with
 * Retry-After in seconds and as an HTTP date (the wait measured), bytes that
 * are not UTF-8; a body over the limit, cancellation, the rate limit, no
 * network. What only the test double answers (other bodies, 5xx, TLS) is in
 * test-cisco-double.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <libsoup/soup.h>

#include "cisco-sandbox.h"
#include "cisco-test-util.h"
#include "sa-cisco-api-private.h"

#define N_ROLE_ACCOUNTS 11   /* the trainee's accounts in /v2/accounts */

static CiscoSandbox *sandbox;

static GListModel *
read_accounts (SaCiscoApi  *api,
               GError     **error)
{
  return cisco_test_account_access (api, NULL, error);
}

static void
read_and_drop (SaCiscoApi  *api,
               GError     **error)
{
  g_autoptr(GListModel) accounts = read_accounts (api, error);
}

static double
seconds_between (GArray *times,
                 guint   first,
                 guint   second)
{
  return (double) (g_array_index (times, gint64, second) - g_array_index (times, gint64, first)) / G_USEC_PER_SEC;
}

/* An empty request log, no faults queued, Cisco's token lifetime. */
static void
set_up (void)
{
  cisco_sandbox_reset_log (sandbox);
}

/* ------------------------------------------------------------------------ */
/* Addresses and credentials */

static void
test_addresses (void)
{
  const char *refused[] = {
    "http://192.0.2.1/oauth2/default/v1/token",
    "http://id.cisco.com/oauth2/default/v1/token",
    "https://user:pw@id.cisco.com/token",
    "https://id.cisco.com/token?x=1",
    "ftp://127.0.0.1/token",
    "not an address",
  };
  const char *accepted[] = {
    "https://id.cisco.com/oauth2/default/v1/token",
    "http://127.0.0.1:4000/oauth2/default/v1/token",
    "http://127.0.0.5/token",
    "http://[::1]:4000/token",
    "http://localhost:8080/token",       /* the one rule: localhost is this computer */
  };
  g_autoptr(SaCiscoApi) defaults = sa_cisco_api_new (NULL, NULL, NULL);
  g_autoptr(SaCiscoApi) trailing = sa_cisco_api_new (NULL, "https://swapi.cisco.com/services/api/smart-accounts-and-licensing/", NULL);
  g_autoptr(SaCiscoApi) practice = sa_cisco_api_new_for_practice ("http://127.0.0.1:4000//");
  g_autoptr(GError) error = NULL;

  /* The practice connection: Cisco's paths on the sandbox. */
  g_assert_cmpstr (sa_cisco_api_get_identity_uri (practice), ==, "http://127.0.0.1:4000/oauth2/default/v1/token");
  g_assert_cmpstr (sa_cisco_api_get_licensing_uri (practice), ==,
                   "http://127.0.0.1:4000/services/api/smart-accounts-and-licensing");
  g_assert_cmpstr (sa_cisco_api_get_order_uri (practice), ==,
                   "http://127.0.0.1:4000/commerce/ORDER/v2/sync/checkOrderStatus");
  g_assert_true (sa_cisco_api_check_uris (practice, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (sa_cisco_api_get_identity_uri (defaults), ==, "https://id.cisco.com/oauth2/default/v1/token");
  g_assert_cmpstr (sa_cisco_api_get_licensing_uri (defaults), ==,
                   "https://swapi.cisco.com/services/api/smart-accounts-and-licensing");
  g_assert_cmpstr (sa_cisco_api_get_order_uri (defaults), ==,
                   "https://apix.cisco.com/commerce/ORDER/v2/sync/checkOrderStatus");
  g_assert_true (sa_cisco_api_check_uris (defaults, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sa_cisco_api_get_licensing_uri (trailing), ==,
                   "https://swapi.cisco.com/services/api/smart-accounts-and-licensing");

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(SaCiscoApi) api = sa_cisco_api_new (refused[i], NULL, NULL);
      g_autoptr(GListModel) accounts = NULL;

      g_assert_false (sa_cisco_api_check_uris (api, &error));
      g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_INSECURE_URI);
      g_clear_error (&error);

      /* Nothing is sent, even with credentials. */
      sa_cisco_api_set_credentials (api, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET);
      accounts = read_accounts (api, &error);
      g_assert_null (accounts);
      g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_INSECURE_URI);
      g_clear_error (&error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(SaCiscoApi) api = sa_cisco_api_new (accepted[i], NULL, NULL);

      g_assert_true (sa_cisco_api_check_uris (api, &error));
      g_assert_no_error (error);
    }

  /* The licensing and order addresses follow the same rule. */
  {
    g_autoptr(SaCiscoApi) api = sa_cisco_api_new (NULL, "http://swapi.cisco.com/x", NULL);

    g_assert_false (sa_cisco_api_check_uris (api, &error));
    g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_INSECURE_URI);
    g_clear_error (&error);
  }
  {
    g_autoptr(SaCiscoApi) api = sa_cisco_api_new (NULL, NULL, "http://apix.cisco.com/x");

    g_assert_false (sa_cisco_api_check_uris (api, &error));
    g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_INSECURE_URI);
  }
}


static void
test_no_credentials (void)
{
  g_autoptr(SaCiscoApi) api = cisco_sandbox_new_api (sandbox);
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GError) error = NULL;

  set_up ();
  sa_cisco_api_set_credentials (api, NULL, NULL);
  g_assert_null (sa_cisco_api_get_client_id (api));
  accounts = read_accounts (api, &error);
  g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_NO_CREDENTIALS);
  g_clear_error (&error);

  sa_cisco_api_set_credentials (api, SANDBOX_CLIENT_ID, "");
  g_assert_false (cisco_test_request_token (api, &error));
  g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_NO_CREDENTIALS);
  g_assert_cmpuint (cisco_sandbox_count (sandbox, "/"), ==, 0);
}

/* ------------------------------------------------------------------------ */
/* The token */

static void
test_token (void)
{
  g_autoptr(SaCiscoApi) api = cisco_sandbox_new_api (sandbox);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) form = NULL;
  g_autofree char *body = NULL;

  set_up ();
  g_assert_false (sa_cisco_api_get_has_token (api));
  g_assert_true (cisco_test_request_token (api, &error));
  g_assert_no_error (error);
  g_assert_true (sa_cisco_api_get_has_token (api));
  g_assert_cmpstr (sa_cisco_api_get_client_id (api), ==, SANDBOX_CLIENT_ID);

  /* The form of CISCO-APIS.md §1.1 (the sandbox's log hides the secret; the
   * token it issued says the secret was right). */
  body = cisco_sandbox_last_body (sandbox, SANDBOX_TOKEN_PATH);
  form = soup_form_decode (body);
  g_assert_cmpstr (g_hash_table_lookup (form, "grant_type"), ==, "client_credentials");
  g_assert_cmpstr (g_hash_table_lookup (form, "client_id"), ==, SANDBOX_CLIENT_ID);
  g_assert_cmpstr (g_hash_table_lookup (form, "client_secret"), ==, "(hidden)");
  g_assert_cmpuint (g_hash_table_size (form), ==, 3);

  /* Reads reuse it. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GListModel) accounts = read_accounts (api, &error);

      g_assert_no_error (error);
      g_assert_nonnull (accounts);
    }
  g_assert_cmpuint (cisco_sandbox_count (sandbox, SANDBOX_TOKEN_PATH), ==, 1);

  /* Forgotten: the next read asks for a new one. */
  sa_cisco_api_forget_token (api);
  g_assert_false (sa_cisco_api_get_has_token (api));
  {
    g_autoptr(GListModel) accounts = read_accounts (api, &error);

    g_assert_no_error (error);
  }
  g_assert_cmpuint (cisco_sandbox_count (sandbox, SANDBOX_TOKEN_PATH), ==, 2);

  /* New credentials drop the token. */
  sa_cisco_api_set_credentials (api, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET);
  g_assert_false (sa_cisco_api_get_has_token (api));
  g_assert_cmpuint (cisco_sandbox_count_status (sandbox, 401), ==, 0);
}

static void
test_token_renewed_before_expiry (void)
{
  g_autoptr(SaCiscoApi) api = cisco_sandbox_new_api (sandbox);
  g_autoptr(GError) error = NULL;

  set_up ();
  cisco_sandbox_set_token_lifetime (sandbox, 2);

  read_and_drop (api, &error);
  g_assert_no_error (error);
  read_and_drop (api, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cisco_sandbox_count (sandbox, SANDBOX_TOKEN_PATH), ==, 1);

  /* Within a tenth of its lifetime of expires_in: renewed before Cisco
   * would refuse it, so no 401 at all. */
  core_test_sleep (1900);
  read_and_drop (api, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cisco_sandbox_count (sandbox, SANDBOX_TOKEN_PATH), ==, 2);
  g_assert_cmpuint (cisco_sandbox_count_status (sandbox, 401), ==, 0);
}

static void
test_token_renewed_on_401 (void)
{
  g_autoptr(SaCiscoApi) api = cisco_sandbox_new_api (sandbox);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) accounts = NULL;

  set_up ();
  read_and_drop (api, &error);
  g_assert_no_error (error);

  /* Revoked behind the client's back: one 401, renewed once, sent again. */
  cisco_sandbox_add_fault (sandbox, "{\"fault\": \"invalid-token\"}");
  accounts = read_accounts (api, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, N_ROLE_ACCOUNTS);
  g_assert_cmpuint (cisco_sandbox_count (sandbox, SANDBOX_TOKEN_PATH), ==, 2);
  g_assert_cmpuint (cisco_sandbox_count_status (sandbox, 401), ==, 1);

  /* A 401 that persists with a fresh token: renewed once only, then
   * refused. */
  cisco_sandbox_reset_log (sandbox);
  cisco_sandbox_add_fault (sandbox, "{\"fault\": \"invalid-token\", \"count\": 2}");
  g_clear_object (&accounts);
  accounts = read_accounts (api, &error);
  g_assert_null (accounts);
  g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_DENIED);
  g_assert_cmpuint (cisco_sandbox_count (sandbox, SANDBOX_SAL_PATH), ==, 2);
  g_assert_cmpuint (cisco_sandbox_count (sandbox, SANDBOX_TOKEN_PATH), ==, 1);
}

static void
test_token_shared (void)
{
  g_autoptr(SaCiscoApi) api = cisco_sandbox_new_api (sandbox);
  GAsyncResult *slots[3] = { NULL, NULL, NULL };

  set_up ();
  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    sa_cisco_api_list_account_access_async (api, NULL, NULL, core_test_on_ready, &slots[i]);

  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    {
      g_autoptr(GAsyncResult) result = core_test_wait (&slots[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) accounts = sa_cisco_api_list_account_access_finish (api, result, &error);

      g_assert_no_error (error);
      g_assert_nonnull (accounts);
    }

  g_assert_cmpuint (cisco_sandbox_count (sandbox, SANDBOX_TOKEN_PATH), ==, 1);
}

static void
test_invalid_client (void)
{
  g_autoptr(SaCiscoApi) api = cisco_sandbox_new_api (sandbox);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) accounts = NULL;

  set_up ();
  sa_cisco_api_set_credentials (api, SANDBOX_CLIENT_ID, "wrong-secret");

  g_assert_false (cisco_test_request_token (api, &error));
  g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_INVALID_CLIENT);
  g_assert_nonnull (strstr (error->message, "30 minutes"));
  g_clear_error (&error);
  /* Retried once, as a possibly transient refusal (CISCO-APIS.md §1.1). */
  g_assert_cmpuint (cisco_sandbox_count (sandbox, SANDBOX_TOKEN_PATH), ==, 2);
  g_assert_false (sa_cisco_api_get_has_token (api));

  accounts = read_accounts (api, &error);
  g_assert_null (accounts);
  g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_INVALID_CLIENT);
  g_assert_cmpuint (cisco_sandbox_count (sandbox, SANDBOX_SAL_PATH), ==, 0);
  g_clear_error (&error);

  /* The right secret of an application still propagating: refused the
   * same way, twice; a moment later it works. */
  cisco_sandbox_reset_log (sandbox);
  sa_cisco_api_set_credentials (api, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET);
  cisco_sandbox_add_fault (sandbox, "{\"fault\": \"invalid-client\", \"count\": 2}");
  g_assert_false (cisco_test_request_token (api, &error));
  g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_INVALID_CLIENT);
  g_clear_error (&error);
  g_assert_cmpuint (cisco_sandbox_count (sandbox, SANDBOX_TOKEN_PATH), ==, 2);
  g_assert_true (cisco_test_request_token (api, &error));
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------------ */
/* Gateway answers */

/* With the training fault @fault_json queued, a read fails with @code. */
static void
expect_fault (const char   *fault_json,
              SaCiscoError  code)
{
  g_autoptr(SaCiscoApi) api = cisco_sandbox_new_api (sandbox);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) accounts = NULL;

  set_up ();
  cisco_sandbox_add_fault (sandbox, fault_json);
  accounts = read_accounts (api, &error);
  g_assert_null (accounts);
  g_assert_error (error, SA_CISCO_ERROR, (gint) code);
  g_assert_cmpstr (error->message, !=, "");
  /* The token itself was fine. */
  g_assert_true (sa_cisco_api_get_has_token (api));
}

static void
test_access_not_approved (void)
{
  /* Before the API access is approved: tokens are issued, every call is 403
   * "Invalid Client" (the sandbox's body: {"message": "Invalid Client"}; the
   * other shapes are in test-cisco-double.c). */
  expect_fault ("{\"fault\": \"access-not-approved\"}", SA_CISCO_ERROR_ACCESS_NOT_APPROVED);
}

static void
test_html_403 (void)
{
  expect_fault ("{\"fault\": \"html-403\"}", SA_CISCO_ERROR_NOT_JSON);
}

/* ------------------------------------------------------------------------ */
/* Retries */

static void
test_429_seconds (void)
{
  g_autoptr(SaCiscoApi) api = cisco_sandbox_new_api (sandbox);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GArray) times = NULL;
  gint64 start;

  set_up ();
  g_assert_true (cisco_test_request_token (api, &error));
  cisco_sandbox_add_fault (sandbox, "{\"fault\": \"rate-limited\", \"retryAfter\": 1}");

  start = g_get_monotonic_time ();
  accounts = read_accounts (api, &error);
  g_assert_no_error (error);
  g_assert_nonnull (accounts);
  g_assert_cmpfloat ((double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC, >=, 1.0);

  times = cisco_sandbox_times (sandbox, SANDBOX_SAL_PATH);
  g_assert_cmpuint (times->len, ==, 2);
  g_assert_cmpfloat (seconds_between (times, 0, 1), >=, 0.99);
  g_assert_cmpfloat (seconds_between (times, 0, 1), <, 5.0);
}

static void
test_429_http_date (void)
{
  g_autoptr(SaCiscoApi) api = cisco_sandbox_new_api (sandbox);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GArray) times = NULL;

  set_up ();
  g_assert_true (cisco_test_request_token (api, &error));
  cisco_sandbox_add_fault (sandbox,
                           "{\"fault\": \"rate-limited\", \"retryAfter\": 3, \"retryAfterFormat\": \"http-date\"}");

  accounts = read_accounts (api, &error);
  g_assert_no_error (error);
  g_assert_nonnull (accounts);

  /* An HTTP date has whole seconds: the wait is between 2 and 3 s, less the
   * time the answer took. */
  times = cisco_sandbox_times (sandbox, SANDBOX_SAL_PATH);
  g_assert_cmpuint (times->len, ==, 2);
  g_assert_cmpfloat (seconds_between (times, 0, 1), >=, 1.5);
  g_assert_cmpfloat (seconds_between (times, 0, 1), <, 6.0);
}

static void
test_429_bounded (void)
{
  g_autoptr(SaCiscoApi) api = cisco_sandbox_new_api (sandbox);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) accounts = NULL;
  gint64 start;

  set_up ();
  g_assert_true (cisco_test_request_token (api, &error));

  /* Always 429: 1 + 3 retries, then rate limited. */
  cisco_sandbox_add_fault (sandbox, "{\"fault\": \"rate-limited\", \"retryAfter\": 0, \"count\": 10}");
  accounts = read_accounts (api, &error);
  g_assert_null (accounts);
  g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_RATE_LIMITED);
  g_assert_cmpuint (cisco_sandbox_count (sandbox, SANDBOX_SAL_PATH), ==, 4);
  g_clear_error (&error);

  /* A Retry-After longer than the client waits fails at once. */
  cisco_sandbox_reset_log (sandbox);
  cisco_sandbox_add_fault (sandbox, "{\"fault\": \"rate-limited\", \"retryAfter\": 3600}");
  start = g_get_monotonic_time ();
  accounts = read_accounts (api, &error);
  g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_RATE_LIMITED);
  g_assert_cmpuint (cisco_sandbox_count (sandbox, SANDBOX_SAL_PATH), ==, 1);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
}

/* ------------------------------------------------------------------------ */
/* Bodies */

static void
test_invalid_utf8 (void)
{
  g_autoptr(SaCiscoApi) api = cisco_sandbox_new_api (sandbox);
  g_autoptr(GError) error = NULL;
  g_autoptr(SaCiscoOrderStatus) order = NULL;

  /* A commerce answer in Latin-1: "Hôtel Belle Rive" with the byte 0xF4
   * (CISCO-APIS.md §1.4). */
  set_up ();
  cisco_sandbox_add_fault (sandbox, "{\"fault\": \"non-utf8\"}");
  order = cisco_test_order (api, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, "104857608", &error);
  g_assert_no_error (error);
  g_assert_nonnull (order);
  g_assert_cmpstr (sa_cisco_order_status_get_status_text (order), ==, "Scheduled");
  g_assert_true (g_utf8_validate (sa_cisco_order_status_get_ship_to (order), -1, NULL));
  g_assert_cmpstr (sa_cisco_order_status_get_ship_to (order), ==, "H\xef\xbf\xbdtel Belle Rive");
}

static void
test_body_limit (void)
{
  g_autoptr(SaCiscoApi) api = cisco_sandbox_new_api (sandbox);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) licenses = NULL;

  set_up ();
  g_assert_true (cisco_test_request_token (api, &error));
  sa_cisco_api_set_max_body_size (api, 1024);
  licenses = cisco_test_licenses (api, "northwind-networks.example", NULL, &error);
  g_assert_null (licenses);
  g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_BAD_REPLY);
}

/* Cisco's answers go through the one bounded reader too (issue 13): a deeply
 * nested answer or two JSON values are refused, not a crash nor a leak. */
static void
test_hostile_json (void)
{
  const gsize levels = 200000;
  g_autofree char *deep = g_malloc (2 * levels);
  g_autoptr(GBytes) deep_bytes = NULL;
  g_autoptr(GBytes) trailing = g_bytes_new_static ("{\"a\":\"x\"}{}", 11);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  memset (deep, '[', levels);
  memset (deep + levels, ']', levels);
  deep_bytes = g_bytes_new_static (deep, 2 * levels);

  root = sa_cisco_json_parse (deep_bytes, &error);
  g_assert_null (root);
  g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_NOT_JSON);
  g_clear_error (&error);

  root = sa_cisco_json_parse (trailing, &error);
  g_assert_null (root);
  g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_NOT_JSON);
}

/* ------------------------------------------------------------------------ */
/* Cancellation */

static gboolean
cancel_later (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
expect_cancelled (SaCiscoApi *api,
                  guint       cancel_after_ms)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) accounts = NULL;
  gint64 start = g_get_monotonic_time ();

  if (cancel_after_ms == 0)
    g_cancellable_cancel (cancellable);
  else
    g_timeout_add_full (G_PRIORITY_DEFAULT, cancel_after_ms, cancel_later,
                        g_object_ref (cancellable), g_object_unref);

  sa_cisco_api_list_account_access_async (api, NULL, cancellable, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  accounts = sa_cisco_api_list_account_access_finish (api, result, &error);
  g_assert_null (accounts);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Well before the 3 s answer or the 5 s Retry-After. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC / 2);
}

static void
test_cancel (void)
{
  g_autoptr(SaCiscoApi) api = cisco_sandbox_new_api (sandbox);
  g_autoptr(GError) error = NULL;

  set_up ();

  /* Before anything is sent. */
  expect_cancelled (api, 0);

  /* While the token is being fetched. */
  cisco_sandbox_add_fault (sandbox, "{\"fault\": \"slow\", \"delayMs\": 3000}");
  expect_cancelled (api, 100);

  /* While Cisco takes its time to answer. */
  g_assert_true (cisco_test_request_token (api, &error));
  cisco_sandbox_add_fault (sandbox, "{\"fault\": \"slow\", \"delayMs\": 3000}");
  expect_cancelled (api, 100);

  /* During the wait of a Retry-After. */
  cisco_sandbox_add_fault (sandbox, "{\"fault\": \"rate-limited\", \"retryAfter\": 5}");
  expect_cancelled (api, 300);

  /* The connection is still usable afterwards. */
  {
    g_autoptr(GListModel) accounts = read_accounts (api, &error);

    g_assert_no_error (error);
    g_assert_nonnull (accounts);
  }
}

/* ------------------------------------------------------------------------ */
/* Rate limit, network */

static void
test_rate_limit (void)
{
  g_autoptr(SaCiscoApi) api = cisco_sandbox_new_api (sandbox);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) times = NULL;
  GAsyncResult *slots[4] = { NULL, NULL, NULL, NULL };
  gint64 start;

  set_up ();
  g_assert_true (cisco_test_request_token (api, &error));

  /* 5 requests a second, one at a time: four calls at once take 0.6 s. */
  sa_cisco_api_set_rate_limit (api, 5, 1);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    sa_cisco_api_list_account_access_async (api, NULL, NULL, core_test_on_ready, &slots[i]);
  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    {
      g_autoptr(GAsyncResult) result = core_test_wait (&slots[i]);
      g_autoptr(GListModel) accounts = sa_cisco_api_list_account_access_finish (api, result, &error);

      g_assert_no_error (error);
    }
  g_assert_cmpfloat ((double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC, >=, 0.55);

  /* Spread over at least three intervals of 0.2 s at Cisco's end too. */
  times = cisco_sandbox_times (sandbox, SANDBOX_SAL_PATH);
  g_assert_cmpuint (times->len, ==, 4);
  g_assert_cmpfloat (seconds_between (times, 0, 3), >=, 0.45);
}

static void
test_no_network (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SaCiscoApi) api = NULL;
  g_autofree char *identity = NULL;
  guint16 port;

  /* A port that was free a moment ago: nothing listens there. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);

  identity = g_strdup_printf ("http://127.0.0.1:%u/oauth2/default/v1/token", port);
  api = sa_cisco_api_new (identity, "http://127.0.0.1:1/x", "http://127.0.0.1:1/y");
  sa_cisco_api_set_credentials (api, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET);
  g_assert_false (cisco_test_request_token (api, &error));
  g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_NO_NETWORK);
}


/* ------------------------------------------------------------------------ */
/* Error sentences */

static void
test_error_messages (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *languages[] = { "fr", "it" };
  g_autoptr(GError) rejected = NULL;
  g_autoptr(GError) plain = NULL;

  for (int code = SA_CISCO_ERROR_FAILED; code <= SA_CISCO_ERROR_REJECTED; code++)
    {
      g_autoptr(GError) error = sa_cisco_error_new (code, "detail for the log");

      g_assert_error (error, SA_CISCO_ERROR, code);
      g_assert_cmpuint (strlen (error->message), >, 20);
      g_assert_null (strstr (error->message, "detail for the log"));
      g_assert_false (g_hash_table_contains (seen, error->message));
      g_hash_table_add (seen, g_strdup (error->message));
    }

  rejected = sa_cisco_error_new_rejected ("  Insufficient licenses  ");
  g_assert_error (rejected, SA_CISCO_ERROR, SA_CISCO_ERROR_REJECTED);
  g_assert_nonnull (strstr (rejected->message, "“Insufficient licenses”"));
  plain = sa_cisco_error_new_rejected (NULL);
  g_assert_error (plain, SA_CISCO_ERROR, SA_CISCO_ERROR_REJECTED);

  /* Every sentence is translated (po/fr.po, po/it.po). */
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      core_test_set_language (languages[l]);
      for (int code = SA_CISCO_ERROR_FAILED; code <= SA_CISCO_ERROR_REJECTED; code++)
        {
          g_autofree char *message = sa_cisco_error_dup_message (code);

          if (g_hash_table_contains (seen, message))
            g_error ("Error %d is not translated into %s: %s", code, languages[l], message);
        }
    }
  core_test_set_language ("en");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  core_test_init_l10n (NULL);
  g_test_init (&argc, &argv, NULL);

  sandbox = cisco_sandbox_new ();

  g_test_add_func ("/cisco/api/addresses", test_addresses);
  g_test_add_func ("/cisco/api/no-credentials", test_no_credentials);
  g_test_add_func ("/cisco/api/token", test_token);
  g_test_add_func ("/cisco/api/token/renewed-before-expiry", test_token_renewed_before_expiry);
  g_test_add_func ("/cisco/api/token/renewed-on-401", test_token_renewed_on_401);
  g_test_add_func ("/cisco/api/token/shared", test_token_shared);
  g_test_add_func ("/cisco/api/invalid-client", test_invalid_client);
  g_test_add_func ("/cisco/api/access-not-approved", test_access_not_approved);
  g_test_add_func ("/cisco/api/html-403", test_html_403);
  g_test_add_func ("/cisco/api/429/seconds", test_429_seconds);
  g_test_add_func ("/cisco/api/429/http-date", test_429_http_date);
  g_test_add_func ("/cisco/api/429/bounded", test_429_bounded);
  g_test_add_func ("/cisco/api/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/cisco/api/body-limit", test_body_limit);
  g_test_add_func ("/cisco/api/hostile-json", test_hostile_json);
  g_test_add_func ("/cisco/api/cancel", test_cancel);
  g_test_add_func ("/cisco/api/rate-limit", test_rate_limit);
  g_test_add_func ("/cisco/api/no-network", test_no_network);
  g_test_add_func ("/cisco/errors/messages", test_error_messages);

  status = g_test_run ();
  cisco_sandbox_free (sandbox);
  return status;
}
