/* test-desk-account-requests.c — the Desk client's Smart Account requests against the sandbox (procedure 3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "desk-test-util.h"

/* ------------------------------------------------------------------------ */
/* Procedures 3 and 4: account requests, profile, access requests */

static void
test_account_request_create (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  const char *users[] = { "anna@northwind-networks.example", "luca@northwind-networks.example", NULL };
  g_autoptr(SaAccountRequest) request = NULL;
  g_autoptr(SaAccountRequest) accepted = NULL;
  g_autoptr(SaAccountRequest) listed = NULL;
  g_autoptr(GListModel) requests = NULL;
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(SaSmartAccount) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  GTimeSpan span;

  request = create_account_request (client, "Trattoria Da Mario", "mario@trattoria-mario.example",
                                    "Trattoria-Mario.example", users, &error);
  g_assert_no_error (error);
  g_assert_nonnull (request);
  g_assert_nonnull (sa_account_request_get_id (request));
  g_assert_cmpstr (sa_account_request_get_account_name (request), ==, "Trattoria Da Mario");
  /* Lower-cased on storage. */
  g_assert_cmpstr (sa_account_request_get_account_domain (request), ==, "trattoria-mario.example");
  g_assert_cmpint (sa_account_request_get_status (request), ==, SA_ACCOUNT_STATUS_PENDING);
  g_assert_cmpuint (sa_account_request_get_days_left (request), ==, 90);
  g_assert_cmpuint (g_strv_length ((GStrv) sa_account_request_get_users (request)), ==, 2);
  g_assert_cmpstr (sa_account_request_get_note_to_customer (request), ==, "Note for the customer");
  span = g_date_time_difference (sa_account_request_get_expires_date (request),
                                 sa_account_request_get_created_date (request));
  g_assert_cmpint (span, ==, 90 * G_TIME_SPAN_DAY);
  g_assert_cmpint (sa_smart_account_get_status (sa_account_request_get_smart_account (request)), ==,
                   SA_ACCOUNT_STATUS_PENDING);
  g_assert_cmpint (sa_smart_account_get_account_type (sa_account_request_get_smart_account (request)), ==,
                   SA_ACCOUNT_TYPE_CUSTOMER);

  /* Created "now" on the sandbox clock. */
  now = get_clock (client, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ABS (g_date_time_difference (now, sa_account_request_get_created_date (request))), <,
                   G_TIME_SPAN_MINUTE);

  /* Account search finds the Pending account at once. */
  accounts = search_accounts (client, SA_ACCOUNT_SEARCH_DOMAIN, "trattoria-mario.example", -1, &error);
  g_assert_no_error (error);
  found = model_find_account (accounts, "trattoria-mario.example", SA_ACCOUNT_TYPE_CUSTOMER);
  g_assert_nonnull (found);
  g_assert_cmpint (sa_smart_account_get_status (found), ==, SA_ACCOUNT_STATUS_PENDING);

  /* Listed, newest first. */
  requests = list_account_requests (client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (requests), >=, 2);
  listed = g_list_model_get_item (requests, 0);
  g_assert_cmpstr (sa_account_request_get_id (listed), ==, sa_account_request_get_id (request));

  /* The same domain again: taken. */
  g_clear_object (&request);
  request = create_account_request (client, "Trattoria Bis", "bis@trattoria-mario.example",
                                    "trattoria-mario.example", NULL, &error);
  g_assert_null (request);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_DOMAIN_TAKEN);
  g_assert_cmpuint (count_refused (error, SA_FIELD_FORM_ACCOUNT_REQUEST), ==, 0);
  g_clear_error (&error);

  /* An existing account's domain, of any type. */
  request = create_account_request (client, "Acme", "it@acme-industrie.fr", DOMAIN_CUSTOMER,
                                    NULL, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_DOMAIN_TAKEN);
  g_clear_error (&error);
  request = create_account_request (client, "Alpes", "it@alpes.example", DOMAIN_HOLDING_ONLY,
                                    NULL, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_DOMAIN_TAKEN);
  g_clear_error (&error);

  /* The customer accepts. */
  accepted = accept_account_request (client, sa_account_request_get_id (listed), &error);
  g_assert_no_error (error);
  g_assert_cmpint (sa_account_request_get_status (accepted), ==, SA_ACCOUNT_STATUS_ACTIVE);
  g_assert_cmpuint (sa_account_request_get_days_left (accepted), ==, 0);
  g_assert_cmpint (sa_smart_account_get_status (sa_account_request_get_smart_account (accepted)), ==,
                   SA_ACCOUNT_STATUS_ACTIVE);
  g_clear_object (&accepted);

  accepted = accept_account_request (client, sa_account_request_get_id (listed), &error);
  g_assert_null (accepted);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_REQUEST_NOT_PENDING);
  g_clear_error (&error);

  accepted = accept_account_request (client, "AR-999999", &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_ACCOUNT_REQUEST_NOT_FOUND);
}

static void
test_account_request_validation (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  const char *duplicate_users[] = { "anna@example.com", "ANNA@example.com", NULL };
  g_autoptr(SaAccountRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GListModel) after = NULL;

  before = list_account_requests (client, &error);
  g_assert_no_error (error);

  /* Refused locally, each naming its field. */
  request = create_account_request (client, "", "mario@trattoria.example", "trattoria.example",
                                    NULL, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
  find_refused (error, SA_FIELD_FORM_ACCOUNT_REQUEST, SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_NAME, "accountName");
  g_clear_error (&error);

  request = create_account_request (client, "Trattoria", "not-an-email", "trattoria.example",
                                    NULL, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
  find_refused (error, SA_FIELD_FORM_ACCOUNT_REQUEST, SA_ACCOUNT_REQUEST_FIELD_CUSTOMER_EMAIL, "customerEmail");
  g_clear_error (&error);

  request = create_account_request (client, "Trattoria", "mario@trattoria.example", "trattoria",
                                    NULL, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
  find_refused (error, SA_FIELD_FORM_ACCOUNT_REQUEST, SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_DOMAIN, "accountDomain");
  g_clear_error (&error);

  request = create_account_request (client, "Trattoria", "mario@trattoria.example", "trattoria.example",
                                    duplicate_users, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
  g_assert_cmpuint (find_refused (error, SA_FIELD_FORM_ACCOUNT_REQUEST, SA_ACCOUNT_REQUEST_FIELD_USERS, "users[1]")->index, ==, 1);
  g_clear_error (&error);

  /* Nothing reached the server. */
  after = list_account_requests (client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before));
}

static void
test_account_request_expiry (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(SaAccountRequest) request = NULL;
  g_autoptr(SaAccountRequest) listed = NULL;
  g_autoptr(SaAccountRequest) accepted = NULL;
  g_autoptr(GListModel) requests = NULL;
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(SaSmartAccount) account = NULL;
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GDateTime) after = NULL;
  g_autoptr(GError) error = NULL;

  request = create_account_request (client, "Osteria Lenta", "info@osteria-lenta.example",
                                    "osteria-lenta.example", NULL, &error);
  g_assert_no_error (error);

  before = get_clock (client, &error);
  g_assert_no_error (error);
  after = advance_clock (client, 91, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_difference (after, before), >=, 91 * G_TIME_SPAN_DAY);
  g_assert_cmpint (g_date_time_difference (after, before), <, 92 * G_TIME_SPAN_DAY);

  requests = list_account_requests (client, &error);
  g_assert_no_error (error);
  listed = find_by_id (requests, sa_account_request_get_id (request));
  g_assert_nonnull (listed);
  g_assert_cmpint (sa_account_request_get_status (listed), ==, SA_ACCOUNT_STATUS_EXPIRED);
  g_assert_cmpuint (sa_account_request_get_days_left (listed), ==, 0);

  accounts = search_accounts (client, SA_ACCOUNT_SEARCH_DOMAIN, "osteria-lenta.example", -1, &error);
  g_assert_no_error (error);
  account = model_find_account (accounts, "osteria-lenta.example", SA_ACCOUNT_TYPE_CUSTOMER);
  g_assert_nonnull (account);
  g_assert_cmpint (sa_smart_account_get_status (account), ==, SA_ACCOUNT_STATUS_EXPIRED);

  /* Too late for the customer to accept. */
  accepted = accept_account_request (client, sa_account_request_get_id (request), &error);
  g_assert_null (accepted);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_REQUEST_NOT_PENDING);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/desk/client/account-requests/create", test_account_request_create);
  g_test_add_func ("/desk/client/account-requests/validation", test_account_request_validation);
  g_test_add_func ("/desk/client/account-requests/expiry", test_account_request_expiry);

  return desk_test_run ();
}
