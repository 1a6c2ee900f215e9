/* test-client.c — the SaClient boundary itself, with a second back end (the
 * tests' own, core-test-backend.c): dispatch, NOT_SUPPORTED for what a back
 * end lacks, the sign-in state, the error details the finish functions hand
 * out, the refused fields as enumerations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "core-test-backend.h"
#include "core-test-util.h"
#include "sa-client-private.h"

static void
assert_not_supported (GError *error)
{
  g_autofree char *message = NULL;

  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_NOT_SUPPORTED);
  message = sa_error_dup_user_message (error);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_nonnull (strstr (message, "portal"));
}

/* Every operation the back end does not implement fails, asynchronously, with
 * NOT_SUPPORTED; the others reach the back end. */
static void
test_not_supported (void)
{
  g_autoptr(CoreTestBackend) backend = core_test_backend_new ("https://apx.example.com/");
  SaClient *client = SA_CLIENT (backend);
  g_autoptr(SaOrder) order = NULL;
  g_autoptr(SaProfile) profile = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  guint total = 42;

  g_assert_cmpint (sa_client_get_features (client), ==, SA_CLIENT_FEATURE_ACCESS_REQUESTS);
  g_assert_cmpstr (sa_client_get_base_uri (client), ==, "https://apx.example.com/");

  sa_client_search_orders_async (client, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, "1048", 0, 0,
                                 NULL, core_test_on_ready, &slot);
  g_assert_null (slot);  /* never synchronously */
  result = core_test_wait (&slot);
  model = sa_client_search_orders_finish (client, result, &total, &error);
  g_assert_null (model);
  g_assert_cmpuint (total, ==, 0);
  assert_not_supported (error);
  g_clear_error (&error);
  g_clear_object (&result);

  sa_client_get_order_async (client, "104857601", NULL, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  order = sa_client_get_order_finish (client, result, &error);
  g_assert_null (order);
  assert_not_supported (error);
  g_clear_error (&error);
  g_clear_object (&result);

  sa_client_search_accounts_async (client, SA_ACCOUNT_SEARCH_DOMAIN, "acme", -1, NULL, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  model = sa_client_search_accounts_finish (client, result, &error);
  g_assert_null (model);
  assert_not_supported (error);
  g_clear_error (&error);
  g_clear_object (&result);

  sa_client_list_virtual_accounts_async (client, "acme-industrie.fr", SA_ACCOUNT_TYPE_CUSTOMER,
                                         NULL, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  model = sa_client_list_virtual_accounts_finish (client, result, &error);
  g_assert_null (model);
  assert_not_supported (error);
  g_clear_error (&error);
  g_clear_object (&result);

  sa_client_list_account_requests_async (client, NULL, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  model = sa_client_list_account_requests_finish (client, result, &error);
  g_assert_null (model);
  assert_not_supported (error);
  g_clear_error (&error);
  g_clear_object (&result);

  sa_client_get_profile_async (client, NULL, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  profile = sa_client_get_profile_finish (client, result, &error);
  g_assert_null (profile);
  assert_not_supported (error);
  g_clear_error (&error);
  g_clear_object (&result);

  sa_client_find_access_candidates_async (client, "acme-industrie.fr", NULL, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  model = sa_client_find_access_candidates_finish (client, result, &error);
  g_assert_null (model);
  assert_not_supported (error);
  g_clear_error (&error);
  g_clear_object (&result);

  /* What the back end implements reaches it. */
  sa_client_list_access_requests_async (client, NULL, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  model = sa_client_list_access_requests_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (model);
  g_assert_cmpuint (core_test_backend_get_n_list_calls (backend), ==, 1);
}

/* An order the test builds, for the assignment call. */
static void
test_not_supported_write (void)
{
  g_autoptr(CoreTestBackend) backend = core_test_backend_new (NULL);
  SaClient *client = SA_CLIENT (backend);
  g_autoptr(JsonObject) object = parse_object ("{\"salesOrderNumber\": \"104857601\", \"status\": \"BOOKED\", \"version\": 1}");
  g_autoptr(SaOrder) order = sa_order_new_from_json (object, "\"1\"", NULL);
  g_autoptr(SaAssignment) slot_end = sa_assignment_new ("acme-industrie.fr", NULL, SA_ACCOUNT_TYPE_CUSTOMER,
                                                        SA_ACCOUNT_STATUS_ACTIVE, "DEFAULT");
  g_autoptr(SaOrder) updated = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  g_assert_null (sa_client_get_base_uri (client));
  g_assert_false (sa_client_get_features (client) & SA_CLIENT_FEATURE_ASSIGNMENT_WRITE);

  sa_client_update_assignment_async (client, order, slot_end, NULL, TRUE, NULL, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  updated = sa_client_update_assignment_finish (client, result, &error);
  g_assert_null (updated);
  assert_not_supported (error);
}

/* The licenses and "my accounts" operations: NOT_SUPPORTED without a pair. */
static void
test_not_supported_licenses (void)
{
  g_autoptr(CoreTestBackend) backend = core_test_backend_new (NULL);
  SaClient *client = SA_CLIENT (backend);
  SaClientFeatures features = sa_client_get_features (client);
  g_autoptr(GError) error = NULL;

  g_assert_false (features & SA_CLIENT_FEATURE_LICENSES);
  g_assert_false (features & SA_CLIENT_FEATURE_MY_ACCOUNTS);
  g_assert_false (features & SA_CLIENT_FEATURE_PORTAL_HAND_OFF);

  {
    GAsyncResult *slot = NULL;
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GListModel) model = NULL;

    sa_client_list_my_accounts_async (client, NULL, core_test_on_ready, &slot);
    result = core_test_wait (&slot);
    model = sa_client_list_my_accounts_finish (client, result, &error);
    g_assert_null (model);
    assert_not_supported (error);
    g_clear_error (&error);
  }
  {
    GAsyncResult *slot = NULL;
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GListModel) model = NULL;

    sa_client_list_licenses_async (client, "acme-industrie.fr", NULL, NULL, core_test_on_ready, &slot);
    result = core_test_wait (&slot);
    model = sa_client_list_licenses_finish (client, result, &error);
    g_assert_null (model);
    assert_not_supported (error);
    g_clear_error (&error);
  }
  {
    GAsyncResult *slot = NULL;
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GListModel) model = NULL;

    sa_client_find_licenses_by_order_async (client, "104857601", NULL, core_test_on_ready, &slot);
    result = core_test_wait (&slot);
    model = sa_client_find_licenses_by_order_finish (client, result, &error);
    g_assert_null (model);
    assert_not_supported (error);
  }
}

static void
record_notify (GObject    *object,
               GParamSpec *pspec,
               GString    *log)
{
  g_string_append_printf (log, "%s;", pspec->name);
}

/* "signed-in" and "username" belong to the boundary; a back end sets them
 * through sa-client-private.h, notified in this order. */
static void
test_session (void)
{
  g_autoptr(CoreTestBackend) backend = core_test_backend_new ("http://127.0.0.1:9/");
  SaClient *client = SA_CLIENT (backend);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *username = NULL;
  gboolean signed_in = TRUE;

  g_signal_connect (client, "notify", G_CALLBACK (record_notify), log);

  g_assert_false (sa_client_get_signed_in (client));
  g_assert_null (sa_client_get_username (client));
  g_assert_false (sa_client_get_renew_from_keyring (client));
  sa_client_set_renew_from_keyring (client, TRUE);
  g_assert_true (sa_client_get_renew_from_keyring (client));

  sa_client_sign_in_async (client, "anna", "secret", NULL, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  g_assert_true (sa_client_sign_in_finish (client, result, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (log->str, ==, "signed-in;username;");
  g_object_get (client, "signed-in", &signed_in, "username", &username, NULL);
  g_assert_true (signed_in);
  g_assert_cmpstr (username, ==, "anna");

  /* The sign-in expired: the user name stays for the sign-in dialog. */
  g_string_truncate (log, 0);
  sa_client_set_signed_out (client, FALSE);
  g_assert_cmpstr (log->str, ==, "signed-in;");
  g_assert_cmpstr (sa_client_get_username (client), ==, "anna");

  g_string_truncate (log, 0);
  sa_client_sign_out (client);
  g_assert_cmpstr (log->str, ==, "username;");
  g_assert_false (sa_client_get_signed_in (client));
  g_assert_null (sa_client_get_username (client));

  /* Again: harmless, nothing notified. */
  g_string_truncate (log, 0);
  sa_client_sign_out (client);
  g_assert_cmpstr (log->str, ==, "");
}

static void
count_signal (guint *counter)
{
  (*counter)++;
}

static void
test_sign_in_required (void)
{
  g_autoptr(CoreTestBackend) backend = core_test_backend_new (NULL);
  guint required = 0;

  g_signal_connect_swapped (backend, "sign-in-required", G_CALLBACK (count_signal), &required);
  sa_client_emit_sign_in_required (SA_CLIENT (backend));
  g_assert_cmpuint (required, ==, 1);
}

/* The details a back end attaches to its errors come out of the finish
 * functions, and as field enumerations. */
static void
test_error_details (void)
{
  g_autoptr(CoreTestBackend) backend = core_test_backend_new (NULL);
  SaClient *client = SA_CLIENT (backend);
  const char *users[] = { "anna@trattoria.example", "bob@@trattoria.example", NULL };
  g_autoptr(SaProfile) profile = sa_profile_new ("anna", "Anna", "", "anna@trattoria.example",
                                                 "Trattoria", "IT", NULL);
  g_autoptr(GListModel) candidates = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) copy = NULL;
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *message = NULL;
  const SaRefusedField *refused;
  guint n_refused = 0;
  guint user_index = 0;

  /* Procedure 3: the server refused the domain and the second user. */
  sa_client_create_account_request_async (client, "Trattoria", "mario@trattoria.example", "trattoria.example",
                                          NULL, users, NULL, NULL, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  g_assert_null (sa_client_create_account_request_finish (client, result, &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_VALIDATION_FAILED);
  for (SaAccountRequestField f = 0; f < SA_ACCOUNT_REQUEST_N_FIELDS; f++)
    {
      g_autofree char *sentence = sa_client_error_dup_account_request_field (error, f, NULL);

      n_refused += sentence != NULL;
    }
  g_assert_cmpuint (n_refused, ==, 2);
  /* The back end's own names and texts stay with the error (for the log). */
  refused = sa_client_error_find_refused_field (error, SA_FIELD_FORM_ACCOUNT_REQUEST,
                                                SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_DOMAIN);
  g_assert_cmpstr (refused->key, ==, "domain");
  g_assert_cmpstr (refused->detail, ==, "Domain is reserved");
  refused = sa_client_error_find_refused_field (error, SA_FIELD_FORM_ACCOUNT_REQUEST,
                                                SA_ACCOUNT_REQUEST_FIELD_USERS);
  g_assert_cmpstr (refused->key, ==, "users.1");
  g_assert_cmpstr (refused->detail, ==, "Bad e-mail");

  message = sa_client_error_dup_account_request_field (error, SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_DOMAIN, &user_index);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "Account Domain"));
  g_assert_null (strstr (message, "reserved"));  /* ours, never the server's */
  g_assert_cmpuint (user_index, ==, G_MAXUINT);
  g_clear_pointer (&message, g_free);

  message = sa_client_error_dup_account_request_field (error, SA_ACCOUNT_REQUEST_FIELD_USERS, &user_index);
  g_assert_nonnull (strstr (message, "bob@@trattoria.example"));
  g_assert_cmpuint (user_index, ==, 1);
  g_clear_pointer (&message, g_free);

  g_assert_null (sa_client_error_dup_account_request_field (error, SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_NAME, NULL));
  g_assert_null (sa_client_error_dup_profile_field (error, SA_PROFILE_FIELD_FIRST_NAME));

  /* The details survive a copy. */
  copy = g_error_copy (error);
  message = sa_client_error_dup_account_request_field (copy, SA_ACCOUNT_REQUEST_FIELD_USERS, NULL);
  g_assert_nonnull (strstr (message, "bob@@trattoria.example"));
  g_clear_pointer (&message, g_free);
  g_clear_error (&copy);
  g_clear_error (&error);
  g_clear_object (&result);

  /* Procedure 4: a local check refused the last name: its own sentence. */
  sa_client_update_profile_async (client, profile, NULL, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  g_assert_null (sa_client_update_profile_finish (client, result, &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
  refused = sa_client_error_find_refused_field (error, SA_FIELD_FORM_PROFILE, SA_PROFILE_FIELD_LAST_NAME);
  g_assert_cmpstr (refused->key, ==, "lastName");
  g_assert_cmpstr (refused->detail, ==, error->message);
  message = sa_client_error_dup_profile_field (error, SA_PROFILE_FIELD_LAST_NAME);
  g_assert_cmpstr (message, ==, error->message);
  g_clear_pointer (&message, g_free);
  g_assert_null (sa_client_error_dup_profile_field (error, SA_PROFILE_FIELD_FIRST_NAME));
  g_assert_null (sa_client_error_dup_account_request_field (error, SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_NAME, NULL));
  g_clear_error (&error);
  g_clear_object (&result);

  /* Several Smart Accounts share the domain. */
  sa_client_create_access_request_async (client, "northwind.example", NULL, "Support", NULL, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  g_assert_null (sa_client_create_access_request_finish (client, result, &candidates, &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_ACCOUNT_ID_REQUIRED);
  g_assert_nonnull (candidates);
  g_assert_cmpuint (g_list_model_get_n_items (candidates), ==, 2);
  g_clear_error (&error);
  g_clear_object (&result);

  /* Without the out-parameter, nothing leaks. */
  sa_client_create_access_request_async (client, "northwind.example", NULL, "Support", NULL, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  g_assert_null (sa_client_create_access_request_finish (client, result, NULL, NULL));
  g_clear_object (&result);

  /* Too soon for a reminder. */
  sa_client_send_reminder_async (client, "XR-000001", NULL, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  g_assert_null (sa_client_send_reminder_finish (client, result, &next, &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_REMINDER_TOO_SOON);
  g_assert_nonnull (next);
  g_assert_cmpint (g_date_time_get_day_of_month (next), ==, 23);
  g_assert_cmpint (g_date_time_get_hour (next), ==, 9);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/client/not-supported", test_not_supported);
  g_test_add_func ("/core/client/not-supported-write", test_not_supported_write);
  g_test_add_func ("/core/client/not-supported-licenses", test_not_supported_licenses);
  g_test_add_func ("/core/client/session", test_session);
  g_test_add_func ("/core/client/sign-in-required", test_sign_in_required);
  g_test_add_func ("/core/client/error-details", test_error_details);

  return g_test_run ();
}
