/* test-desk-access-requests.c — the Desk client's profile and access requests against the sandbox (procedure 4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "desk-test-util.h"

static void
test_profile_update (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(SaProfile) profile = NULL;
  g_autoptr(SaProfile) saved = NULL;
  g_autoptr(SaProfile) reread = NULL;
  g_autoptr(SaProfile) bad = NULL;
  g_autoptr(GError) error = NULL;

  profile = sa_profile_new (TRAINING_USER, "Chiara", "Bianchi", "chiara.bianchi@northwind-networks.example",
                            "Northwind Networks", "Italia", "+39 02 1234 5678");
  saved = update_profile (client, profile, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sa_profile_get_username (saved), ==, TRAINING_USER);
  g_assert_cmpstr (sa_profile_get_first_name (saved), ==, "Chiara");
  g_assert_cmpstr (sa_profile_get_phone (saved), ==, "+39 02 1234 5678");

  reread = get_profile (client, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sa_profile_get_last_name (reread), ==, "Bianchi");
  g_assert_cmpstr (sa_profile_get_country (reread), ==, "Italia");
  g_assert_cmpstr (sa_profile_get_email (reread), ==, "chiara.bianchi@northwind-networks.example");

  bad = sa_profile_new (TRAINING_USER, "Chiara", "", "chiara@example.com", "Northwind", "Italia", NULL);
  g_clear_object (&saved);
  saved = update_profile (client, bad, &error);
  g_assert_null (saved);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
  find_refused (error, SA_FIELD_FORM_PROFILE, SA_PROFILE_FIELD_LAST_NAME, "lastName");
  g_clear_error (&error);
  g_clear_object (&bad);

  bad = sa_profile_new (TRAINING_USER, "Chiara", "Bianchi", "chiara", "Northwind", "Italia", NULL);
  saved = update_profile (client, bad, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
  find_refused (error, SA_FIELD_FORM_PROFILE, SA_PROFILE_FIELD_EMAIL, "email");
  g_clear_error (&error);
  g_clear_object (&bad);

  bad = sa_profile_new (TRAINING_USER, "Chiara", "Bianchi", "chiara@example.com", "Northwind", "Italia",
                        "call me maybe");
  saved = update_profile (client, bad, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
  find_refused (error, SA_FIELD_FORM_PROFILE, SA_PROFILE_FIELD_PHONE, "phone");
}

#define DOMAIN_RESTRICTED_SHARED "groupe-hexagone.example"
#define ACCOUNT_RESTRICTED_FR    "SA-100015"
#define DOMAIN_RESTRICTED_ONE    "vigneti-colli.example"

static void
test_access_request_flow (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(GListModel) candidates = NULL;
  g_autoptr(GListModel) error_candidates = NULL;
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GListModel) requests = NULL;
  g_autoptr(SaAccessRequest) request = NULL;
  g_autoptr(SaAccessRequest) again = NULL;
  g_autoptr(SaAccessRequest) listed = NULL;
  g_autoptr(SaAccessRequest) decided = NULL;
  g_autoptr(SaSmartAccount) found = NULL;
  g_autoptr(GError) error = NULL;

  /* Restricted: account search does not find it yet, candidates do. */
  accounts = search_accounts (client, SA_ACCOUNT_SEARCH_DOMAIN, DOMAIN_RESTRICTED_SHARED, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 0);
  g_clear_object (&accounts);

  candidates = find_candidates (client, DOMAIN_RESTRICTED_SHARED, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (candidates), ==, 2);
  g_clear_object (&candidates);

  candidates = find_candidates (client, "nobody-has-this.example", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (candidates), ==, 0);
  g_clear_object (&candidates);

  candidates = find_candidates (client, "not a domain", &error);
  g_assert_null (candidates);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* Two accounts share the domain: say which. */
  request = create_access_request (client, DOMAIN_RESTRICTED_SHARED, NULL,
                                   "We order for Groupe Hexagone.", &error_candidates, &error);
  g_assert_null (request);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_ACCOUNT_ID_REQUIRED);
  g_assert_nonnull (error_candidates);
  g_assert_cmpuint (g_list_model_get_n_items (error_candidates), ==, 2);
  g_assert_true (g_list_model_get_item_type (error_candidates) == SA_TYPE_SMART_ACCOUNT);
  g_clear_error (&error);

  /* No such domain; an account of another domain. */
  request = create_access_request (client, "nobody-has-this.example", NULL, "Reason", NULL, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND);
  g_clear_error (&error);
  request = create_access_request (client, DOMAIN_RESTRICTED_SHARED, "SA-100017", "Reason", NULL, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND);
  g_clear_error (&error);

  /* No reason: refused locally. */
  request = create_access_request (client, DOMAIN_RESTRICTED_SHARED, ACCOUNT_RESTRICTED_FR, "  ", NULL, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  request = create_access_request (client, DOMAIN_RESTRICTED_SHARED, ACCOUNT_RESTRICTED_FR,
                                   "We order for Groupe Hexagone.", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (request);
  g_assert_cmpint (sa_access_request_get_status (request), ==, SA_ACCESS_REQUEST_STATUS_PENDING);
  g_assert_cmpstr (sa_smart_account_get_id (sa_access_request_get_smart_account (request)), ==,
                   ACCOUNT_RESTRICTED_FR);
  g_assert_cmpstr (sa_access_request_get_reason (request), ==, "We order for Groupe Hexagone.");
  g_assert_null (sa_access_request_get_decided_date (request));

  /* Again: one is already pending. */
  again = create_access_request (client, DOMAIN_RESTRICTED_SHARED, ACCOUNT_RESTRICTED_FR,
                                 "Once more", NULL, &error);
  g_assert_null (again);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_DUPLICATE_REQUEST);
  g_clear_error (&error);

  requests = list_access_requests (client, &error);
  g_assert_no_error (error);
  listed = g_list_model_get_item (requests, 0);
  g_assert_cmpstr (sa_access_request_get_id (listed), ==, sa_access_request_get_id (request));

  /* The administrator approves: the account appears in search. */
  decided = decide (client, sa_access_request_get_id (request), TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sa_access_request_get_status (decided), ==, SA_ACCESS_REQUEST_STATUS_APPROVED);
  g_assert_nonnull (sa_access_request_get_decided_date (decided));
  g_clear_object (&decided);

  accounts = search_accounts (client, SA_ACCOUNT_SEARCH_DOMAIN, DOMAIN_RESTRICTED_SHARED, -1, &error);
  g_assert_no_error (error);
  found = model_find_account (accounts, DOMAIN_RESTRICTED_SHARED, SA_ACCOUNT_TYPE_CUSTOMER);
  g_assert_nonnull (found);
  g_assert_cmpstr (sa_smart_account_get_id (found), ==, ACCOUNT_RESTRICTED_FR);
  /* Only the approved one. */
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 1);

  decided = decide (client, sa_access_request_get_id (request), FALSE, &error);
  g_assert_null (decided);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_REQUEST_NOT_PENDING);
  g_clear_error (&error);

  decided = decide (client, "XR-999999", TRUE, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_ACCESS_REQUEST_NOT_FOUND);
}

static void
test_access_request_reminders (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(SaAccessRequest) request = NULL;
  g_autoptr(SaAccessRequest) reminded = NULL;
  g_autoptr(SaAccessRequest) denied = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;

  request = create_access_request (client, DOMAIN_RESTRICTED_ONE, NULL,
                                   "We support the vineyard's network.", NULL, &error);
  g_assert_no_error (error);
  now = get_clock (client, &error);
  g_assert_no_error (error);
  g_assert_true (sa_access_request_can_remind (request, now));

  reminded = send_reminder (client, sa_access_request_get_id (request), &next, &error);
  g_assert_no_error (error);
  g_assert_null (next);
  g_assert_nonnull (sa_access_request_get_last_reminder_date (reminded));
  g_assert_nonnull (sa_access_request_get_next_reminder_date (reminded));
  g_assert_false (sa_access_request_can_remind (reminded, now));
  g_clear_object (&reminded);

  /* A second one the same day: too soon, with when it will be allowed. */
  reminded = send_reminder (client, sa_access_request_get_id (request), &next, &error);
  g_assert_null (reminded);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_REMINDER_TOO_SOON);
  g_assert_nonnull (next);
  g_assert_cmpint (g_date_time_difference (next, now), >, 23 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (g_date_time_difference (next, now), <=, 24 * G_TIME_SPAN_HOUR + G_TIME_SPAN_MINUTE);
  g_clear_error (&error);
  g_clear_pointer (&next, g_date_time_unref);

  /* A day later it is allowed again. */
  g_clear_pointer (&now, g_date_time_unref);
  now = advance_clock (client, 1, &error);
  g_assert_no_error (error);
  reminded = send_reminder (client, sa_access_request_get_id (request), &next, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reminded);
  g_clear_object (&reminded);

  /* Decided: no more reminders. */
  denied = decide (client, sa_access_request_get_id (request), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sa_access_request_get_status (denied), ==, SA_ACCESS_REQUEST_STATUS_DENIED);
  g_assert_false (sa_access_request_can_remind (denied, now));
  reminded = send_reminder (client, sa_access_request_get_id (request), &next, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_REQUEST_NOT_PENDING);
  g_assert_null (next);
  g_clear_error (&error);

  reminded = send_reminder (client, "XR-999999", NULL, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_ACCESS_REQUEST_NOT_FOUND);
  g_clear_error (&error);

  reminded = send_reminder (client, "../../oauth2/token", NULL, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/desk/client/profile/update", test_profile_update);
  g_test_add_func ("/desk/client/access-requests/flow", test_access_request_flow);
  g_test_add_func ("/desk/client/access-requests/reminders", test_access_request_reminders);

  return desk_test_run ();
}
