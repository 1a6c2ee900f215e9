/* test-cisco-reads.c — every Cisco read, and the transfer, against the
 * sandbox's Cisco paths over loopback
 *
 * Smart Account search (title-case statuses, substring matches, type filter,
 * restricted accounts), /v2/accounts with roles, Virtual Accounts (isDefault
 * as a string, a double-byte name), licenses (paged, limit/offset in body and
 * query, details with orderNumber), the search by order number, license
 * transfer (success, and "status": "ERROR" with its statusMessage), and
 * checkOrderStatus by Sales Order No., Web Order No. and PO No. (the OAGIS
 * request, the answer's fields, OSA001). The values are the training data's
 * (data/sandbox/training-data.sql). The shapes the sandbox never sends (the
 * other field spelling, a numeric orderNumber) are in test-cisco-double.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "cisco-sandbox.h"
#include "cisco-test-util.h"

#define N_ROLE_ACCOUNTS 11   /* the trainee's roles in the training data */
#define DNA_E           "C9300 DNA Essentials, 24 Port"
#define TOKYO           "東京オフィス"

static CiscoSandbox *sandbox;
static SaCiscoApi   *api;

static SaSmartAccount *
account_at (GListModel *model,
            guint       i)
{
  g_autoptr(SaSmartAccount) account = g_list_model_get_item (model, i);

  return account;  /* the model keeps its reference */
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_nonnull (text);
  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  return json_parser_steal_root (parser);
}

/* The training data again, an empty request log. */
static void
set_up (void)
{
  cisco_sandbox_reset_data (sandbox);
  cisco_sandbox_reset_log (sandbox);
}

/* "YYYY-MM-DD", today and in @years years less a day (a term's end). */
static char *
date_in_years (int years)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) today = g_date_time_new_utc (g_date_time_get_year (now), g_date_time_get_month (now),
                                                    g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_add_years (today, years);
  g_autoptr(GDateTime) end = g_date_time_add_days (later, years > 0 ? -1 : 0);

  return g_date_time_format (end, "%Y-%m-%d");
}

/* ------------------------------------------------------------------------ */
/* Smart Accounts */

static void
check_acme (GListModel *accounts)
{
  SaSmartAccount *acme = sa_cisco_find_account_by_domain (accounts, "ACME-industrie.fr");

  g_assert_nonnull (acme);
  g_assert_cmpstr (sa_smart_account_get_domain (acme), ==, "acme-industrie.fr");
  g_assert_cmpstr (sa_smart_account_get_name (acme), ==, "Acme Industrie");
  g_assert_cmpstr (sa_smart_account_get_id (acme), ==, "100001");
  g_assert_cmpint (sa_smart_account_get_account_type (acme), ==, SA_ACCOUNT_TYPE_CUSTOMER);
  g_assert_cmpint (sa_smart_account_get_status (acme), ==, SA_ACCOUNT_STATUS_ACTIVE);
  g_assert_cmpstr (sa_cisco_smart_account_get_status_text (acme), ==, "Active");
  g_assert_null (sa_smart_account_get_email (acme));
}

static void
test_search (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) accounts = NULL;
  g_autofree char *query = NULL;
  guint total = 0;

  set_up ();

  /* Substring match: "northwind" finds both of its accounts, of both types. */
  accounts = cisco_test_search (api, SA_ACCOUNT_SEARCH_DOMAIN, " northwind ", SA_CISCO_TYPE_FILTER_ANY,
                                &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 2);
  g_assert_cmpuint (total, ==, 2);
  g_assert_null (sa_cisco_find_account_by_domain (accounts, "northwind"));
  g_assert_nonnull (sa_cisco_find_account_by_domain (accounts, "northwind-networks.example"));
  g_clear_object (&accounts);

  accounts = cisco_test_search (api, SA_ACCOUNT_SEARCH_DOMAIN, " acme ", SA_CISCO_TYPE_FILTER_ANY,
                                &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, ==, 1);
  check_acme (accounts);
  g_assert_null (sa_cisco_find_account_by_domain (accounts, "acme"));
  query = cisco_sandbox_last_query (sandbox, SANDBOX_SAL_PATH "/v1/accounts/search");
  g_assert_cmpstr (query, ==, "domain=acme&limit=50&offset=0");
  g_clear_object (&accounts);
  g_clear_pointer (&query, g_free);

  /* By name, CUSTOMER only. */
  accounts = cisco_test_search (api, SA_ACCOUNT_SEARCH_NAME, "Northwind", SA_CISCO_TYPE_FILTER_CUSTOMER,
                                &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 1);
  g_assert_cmpint (sa_smart_account_get_account_type (account_at (accounts, 0)), ==, SA_ACCOUNT_TYPE_CUSTOMER);
  query = cisco_sandbox_last_query (sandbox, SANDBOX_SAL_PATH "/v1/accounts/search");
  g_assert_cmpstr (query, ==, "name=Northwind&type=CUSTOMER&limit=50&offset=0");
  g_clear_object (&accounts);

  /* HOLDING. */
  accounts = cisco_test_search (api, SA_ACCOUNT_SEARCH_NAME, "northwind", SA_CISCO_TYPE_FILTER_HOLDING,
                                NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 1);
  g_assert_cmpint (sa_smart_account_get_account_type (account_at (accounts, 0)), ==, SA_ACCOUNT_TYPE_HOLDING);
  g_clear_object (&accounts);

  /* A Pending account, in Cisco's title case. */
  accounts = cisco_test_search (api, SA_ACCOUNT_SEARCH_DOMAIN, "boulangeries-delorme.example",
                                SA_CISCO_TYPE_FILTER_ANY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 1);
  g_assert_cmpint (sa_smart_account_get_status (account_at (accounts, 0)), ==, SA_ACCOUNT_STATUS_PENDING);
  g_assert_cmpstr (sa_cisco_smart_account_get_status_text (account_at (accounts, 0)), ==, "Pending");
  g_clear_object (&accounts);

  /* Nothing found: an empty list, not an error. */
  accounts = cisco_test_search (api, SA_ACCOUNT_SEARCH_DOMAIN, "nobody.example",
                                SA_CISCO_TYPE_FILTER_ANY, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 0);
  g_assert_cmpuint (total, ==, 0);
  g_clear_object (&accounts);

  /* A restricted account: only by its whole domain. */
  accounts = cisco_test_search (api, SA_ACCOUNT_SEARCH_DOMAIN, "groupe-hexagone",
                                SA_CISCO_TYPE_FILTER_ANY, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, ==, 0);
  g_clear_object (&accounts);
  accounts = cisco_test_search (api, SA_ACCOUNT_SEARCH_DOMAIN, "groupe-hexagone.example",
                                SA_CISCO_TYPE_FILTER_ANY, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, ==, 2);
  g_clear_object (&accounts);

  /* Cisco's API has no search by e-mail; empty text is refused. */
  accounts = cisco_test_search (api, SA_ACCOUNT_SEARCH_EMAIL, "anna@acme.example",
                                SA_CISCO_TYPE_FILTER_ANY, NULL, &error);
  g_assert_null (accounts);
  g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  accounts = cisco_test_search (api, SA_ACCOUNT_SEARCH_DOMAIN, "   ", SA_CISCO_TYPE_FILTER_ANY, NULL, &error);
  g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_INVALID_INPUT);
}

static void
test_account_access (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(SaAccountAccess) access = NULL;
  g_autofree char *query = NULL;
  SaSmartAccount *account;

  set_up ();
  list = cisco_test_account_access (api, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_ROLE_ACCOUNTS);
  g_assert_null (cisco_sandbox_last_query (sandbox, SANDBOX_SAL_PATH "/v2/accounts"));

  /* Acme's, as CISCO-APIS.md §6.4 gives it */
  access = g_list_model_get_item (list, 0);
  account = sa_account_access_get_account (access);
  g_assert_cmpstr (sa_smart_account_get_domain (account), ==, "acme-industrie.fr");
  g_assert_cmpstr (sa_smart_account_get_name (account), ==, "Acme Industrie");
  g_assert_null (sa_smart_account_get_id (account));  /* /v2 gives none */
  g_assert_cmpint (sa_smart_account_get_account_type (account), ==, SA_ACCOUNT_TYPE_CUSTOMER);
  g_assert_cmpint (sa_smart_account_get_status (account), ==, SA_ACCOUNT_STATUS_ACTIVE);

  g_assert_cmpuint (sa_account_access_get_n_roles (access), ==, 2);
  g_assert_cmpstr (sa_account_access_get_role (access, 0), ==, "Smart Account User");
  g_assert_null (sa_account_access_get_role_virtual_account (access, 0));
  g_assert_cmpstr (sa_account_access_get_role (access, 1), ==, "Virtual Account Administrator");
  g_assert_cmpstr (sa_account_access_get_role_virtual_account (access, 1), ==, "DEFAULT");
  g_assert_true (sa_account_access_has_role (access, "smart account user", NULL));
  g_assert_true (sa_account_access_has_role (access, "Virtual Account Administrator", "DEFAULT"));
  g_assert_false (sa_account_access_has_role (access, "Virtual Account Administrator", NULL));
  g_assert_false (sa_account_access_has_role (access, "Smart Account Administrator", NULL));

  /* One domain only. */
  g_clear_object (&list);
  list = cisco_test_account_access (api, "acme-industrie.fr", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  query = cisco_sandbox_last_query (sandbox, SANDBOX_SAL_PATH "/v2/accounts");
  g_assert_cmpstr (query, ==, "domain=acme-industrie.fr");

  /* A token that works, and no role: an empty list, not an error. */
  g_clear_object (&list);
  cisco_sandbox_add_fault (sandbox, "{\"fault\": \"no-roles\"}");
  list = cisco_test_account_access (api, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
}

static void
test_virtual_accounts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(SaVirtualAccount) first = NULL;
  g_autoptr(SaVirtualAccount) second = NULL;
  g_autofree char *path = NULL;

  set_up ();
  list = cisco_test_virtual_accounts (api, "sakura-trading.example", SA_ACCOUNT_TYPE_CUSTOMER, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  path = cisco_sandbox_last_path (sandbox, SANDBOX_SAL_PATH "/v1/accounts/");
  g_assert_true (g_str_has_suffix (path, "/customer/virtual-accounts"));

  first = g_list_model_get_item (list, 0);
  second = g_list_model_get_item (list, 1);
  g_assert_cmpstr (sa_virtual_account_get_name (first), ==, "DEFAULT");
  g_assert_true (sa_virtual_account_get_is_default (first));     /* "true", a string */
  g_assert_cmpstr (sa_virtual_account_get_name (second), ==, TOKYO);  /* as it is */
  g_assert_false (sa_virtual_account_get_is_default (second));
  g_assert_cmpstr (sa_virtual_account_get_description (second), ==, "Tokyo office (double-byte name)");

  /* A Holding account's segment, and an account Cisco does not show. */
  g_clear_object (&list);
  list = cisco_test_virtual_accounts (api, "northwind-networks.example", SA_ACCOUNT_TYPE_HOLDING, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_clear_pointer (&path, g_free);
  path = cisco_sandbox_last_path (sandbox, SANDBOX_SAL_PATH "/v1/accounts/");
  g_assert_true (g_str_has_suffix (path, "/holding/virtual-accounts"));

  g_clear_object (&list);
  list = cisco_test_virtual_accounts (api, "unknown.example", SA_ACCOUNT_TYPE_CUSTOMER, &error);
  g_assert_null (list);
  g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_NOT_FOUND);
}

/* ------------------------------------------------------------------------ */
/* Licenses */

static void
test_licenses (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) licenses = NULL;
  g_autoptr(SaLicense) dna = NULL;
  g_autoptr(SaLicense) network = NULL;
  g_autoptr(SaLicense) duo = NULL;
  g_autoptr(SaLicenseDetail) detail = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *body_text = NULL;
  g_autofree char *query = NULL;
  g_autofree char *today = date_in_years (0);
  g_autofree char *end = date_in_years (3);
  const char * const tokyo[] = { TOKYO, NULL };

  set_up ();
  licenses = cisco_test_licenses (api, "acme-industrie.fr", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (licenses), ==, 3);

  /* The order 104857623 shipped to Acme / Production: its term license. */
  dna = g_list_model_get_item (licenses, 1);
  g_assert_cmpstr (sa_license_get_license (dna), ==, DNA_E);
  g_assert_cmpint (sa_license_get_quantity (dna), ==, 6);
  g_assert_cmpint (sa_license_get_in_use (dna), ==, 0);
  g_assert_cmpint (sa_license_get_available (dna), ==, 6);
  g_assert_cmpstr (sa_license_get_status (dna), ==, "In Compliance");
  g_assert_cmpstr (sa_license_get_virtual_account (dna), ==, "Production");
  g_assert_cmpuint (g_list_model_get_n_items (sa_license_get_details (dna)), ==, 1);
  detail = g_list_model_get_item (sa_license_get_details (dna), 0);
  g_assert_cmpstr (sa_license_detail_get_order_number (detail), ==, "104857623");
  g_assert_cmpstr (sa_license_detail_get_license_sku (detail), ==, "C9300-DNA-E-24-3Y");
  g_assert_cmpstr (sa_license_detail_get_license_type (detail), ==, "TERM");
  g_assert_cmpint (sa_license_detail_get_quantity (detail), ==, 6);
  g_assert_cmpstr (sa_license_detail_get_status (detail), ==, "ACTIVE");
  g_assert_cmpstr (sa_license_detail_get_start_date (detail), ==, today);
  g_assert_cmpstr (sa_license_detail_get_end_date (detail), ==, end);

  /* Its perpetual license: a null end date. */
  network = g_list_model_get_item (licenses, 2);
  g_assert_true (sa_license_has_order (network, " 104857623 "));
  g_clear_object (&detail);
  detail = g_list_model_get_item (sa_license_get_details (network), 0);
  g_assert_cmpstr (sa_license_detail_get_license_type (detail), ==, "PERPETUAL");
  g_assert_null (sa_license_detail_get_end_date (detail));

  /* limit and offset in the body and in the query; no virtualAccounts means
   * all of them. */
  body_text = cisco_sandbox_last_body (sandbox, SANDBOX_SAL_PATH "/v1/accounts/acme-industrie.fr/licenses");
  body = parse (body_text);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (body), "limit"), ==, 100);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (body), "offset"), ==, 0);
  g_assert_false (json_object_has_member (json_node_get_object (body), "virtualAccounts"));
  query = cisco_sandbox_last_query (sandbox, SANDBOX_SAL_PATH "/v1/accounts/acme-industrie.fr/licenses");
  g_assert_cmpstr (query, ==, "limit=100&offset=0");

  /* One Virtual Account, a double-byte one: Sakura's order ships there. */
  cisco_sandbox_ship (sandbox, "104857620");
  g_clear_object (&licenses);
  g_clear_pointer (&body_text, g_free);
  g_clear_pointer (&body, json_node_unref);
  licenses = cisco_test_licenses (api, "sakura-trading.example", tokyo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (licenses), ==, 1);
  duo = g_list_model_get_item (licenses, 0);
  g_assert_cmpstr (sa_license_get_virtual_account (duo), ==, TOKYO);
  g_assert_cmpint (sa_license_get_quantity (duo), ==, 80);
  body_text = cisco_sandbox_last_body (sandbox, SANDBOX_SAL_PATH "/v1/accounts/sakura-trading.example/licenses");
  body = parse (body_text);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (json_node_get_object (body),
                                                                                "virtualAccounts"), 0),
                   ==, TOKYO);

  /* An account the registering user has no role on. */
  g_clear_object (&licenses);
  licenses = cisco_test_licenses (api, "pasticceria-brera.example", NULL, &error);
  g_assert_null (licenses);
  g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_DENIED);
}

static void
test_licenses_paged (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) licenses = NULL;
  g_autoptr(SaLicense) last = NULL;
  g_autofree char *query = NULL;

  /* Northwind's lab: 105 licenses from no order and one order's. */
  set_up ();
  licenses = cisco_test_licenses (api, "northwind-networks.example", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (licenses), ==, 106);
  g_assert_cmpuint (cisco_sandbox_count (sandbox, SANDBOX_SAL_PATH "/v1/accounts/northwind-networks.example/licenses"),
                    ==, 2);
  query = cisco_sandbox_last_query (sandbox, SANDBOX_SAL_PATH "/v1/accounts/northwind-networks.example/licenses");
  g_assert_cmpstr (query, ==, "limit=100&offset=100");

  last = g_list_model_get_item (licenses, 105);
  g_assert_cmpstr (sa_license_get_license (last), ==, "NFR Demo License 105");
}

static void
test_licenses_by_order (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GListModel) none = NULL;
  g_autoptr(SaLicense) license = NULL;

  set_up ();
  found = cisco_test_licenses_by_order (api, "acme-industrie.fr", "104857623", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 2);
  license = g_list_model_get_item (found, 0);
  g_assert_cmpstr (sa_license_get_virtual_account (license), ==, "Production");

  /* Not (yet) deposited there: an empty list; once shipped, there. */
  none = cisco_test_licenses_by_order (api, "acme-industrie.fr", "104857617", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
  cisco_sandbox_ship (sandbox, "104857617");
  g_clear_object (&found);
  g_clear_object (&license);
  found = cisco_test_licenses_by_order (api, "acme-industrie.fr", "104857617", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  license = g_list_model_get_item (found, 0);
  g_assert_cmpstr (sa_license_get_virtual_account (license), ==, "DEFAULT");

  g_clear_object (&none);
  none = cisco_test_licenses_by_order (api, "acme-industrie.fr", "  ", &error);
  g_assert_null (none);
  g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_INVALID_INPUT);
}

static void
test_transfer (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GListModel) moved = NULL;
  g_autofree char *body_text = NULL;
  g_autofree char *path = NULL;
  JsonObject *entry;
  const SaCiscoLicenseTransfer ok = { DNA_E, "TERM", 2, "Laboratoire" };
  const SaCiscoLicenseTransfer too_many = { DNA_E, "TERM", 500, "Laboratoire" };
  const SaCiscoLicenseTransfer to_itself = { DNA_E, "TERM", 1, "Production" };
  const SaCiscoLicenseTransfer zero = { DNA_E, "TERM", 0, "Laboratoire" };
  const SaCiscoLicenseTransfer to_paris = { "Duo Advantage", "TERM", 10, "Paris" };
  const char * const paris[] = { "Paris", NULL };

  set_up ();
  g_assert_true (cisco_test_transfer (api, "acme-industrie.fr", "Production", &ok, 1, &error));
  g_assert_no_error (error);

  /* Cisco's request shape (CISCO-APIS.md §1.2). */
  path = cisco_sandbox_last_path (sandbox, SANDBOX_SAL_PATH "/v1/accounts/");
  g_assert_true (g_str_has_suffix (path, "/virtual-accounts/Production/licenses/transfer"));
  body_text = cisco_sandbox_last_body (sandbox, SANDBOX_SAL_PATH "/v1/accounts/");
  body = parse (body_text);
  entry = json_array_get_object_element (json_object_get_array_member (json_node_get_object (body), "licenses"), 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "license"), ==, DNA_E);
  g_assert_cmpstr (json_object_get_string_member (entry, "licenseType"), ==, "TERM");
  g_assert_cmpint (json_object_get_int_member (entry, "quantity"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (entry, "targetVirtualAccount"), ==, "Laboratoire");
  g_assert_cmpstr (json_object_get_string_member (entry, "precedence"), ==, "LONGEST_TERM_FIRST");
  g_assert_cmpuint (json_object_get_size (entry), ==, 5);

  /* "status": "ERROR": its statusMessage reaches the user, quoted. */
  g_assert_false (cisco_test_transfer (api, "acme-industrie.fr", "Production", &too_many, 1, &error));
  g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_REJECTED);
  g_assert_nonnull (strstr (error->message, "Insufficient licenses available in the source virtual account"));
  g_clear_error (&error);

  /* Out of a double-byte Virtual Account. */
  cisco_sandbox_ship (sandbox, "104857620");
  g_assert_true (cisco_test_transfer (api, "sakura-trading.example", TOKYO, &to_paris, 1, &error));
  g_assert_no_error (error);
  moved = cisco_test_licenses (api, "sakura-trading.example", paris, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (moved), ==, 1);

  /* Refused before sending. */
  cisco_sandbox_reset_log (sandbox);
  g_assert_false (cisco_test_transfer (api, "acme-industrie.fr", "Production", &to_itself, 1, &error));
  g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (cisco_test_transfer (api, "acme-industrie.fr", "Production", &zero, 1, &error));
  g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (cisco_test_transfer (api, "acme-industrie.fr", "Production", NULL, 0, &error));
  g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_INVALID_INPUT);
  g_assert_cmpuint (cisco_sandbox_count (sandbox, SANDBOX_SAL_PATH), ==, 0);
}

/* ------------------------------------------------------------------------ */
/* Orders */

static void
check_order (SaCiscoOrderStatus *order)
{
  g_autoptr(SaOrderLine) line = NULL;
  g_autoptr(GDateTime) expected = g_date_time_new_utc (2026, 10, 5, 7, 0, 0);
  const char *currency = NULL;
  double amount = 0;

  g_assert_cmpstr (sa_cisco_order_status_get_status_text (order), ==, "Booked");
  g_assert_false (sa_cisco_order_status_is_shipped (order));
  g_assert_cmpstr (sa_cisco_order_status_get_sales_order_number (order), ==, "104857601");
  g_assert_cmpstr (sa_cisco_order_status_get_web_order_number (order), ==, "WO73910452");
  g_assert_cmpstr (sa_cisco_order_status_get_purchase_order_number (order), ==, "PO-ACME-2291");
  g_assert_cmpstr (sa_cisco_order_status_get_bill_to (order), ==, "Northwind Networks SARL");
  g_assert_cmpstr (sa_cisco_order_status_get_ship_to (order), ==, "Acme Industrie SA");
  g_assert_cmpstr (sa_cisco_order_status_get_end_customer (order), ==, "Acme Industrie SA");
  g_assert_true (sa_cisco_order_status_get_total (order, &amount, &currency));
  g_assert_cmpfloat (amount, ==, 14230.0);
  g_assert_cmpstr (currency, ==, "EUR");

  g_assert_cmpuint (g_list_model_get_n_items (sa_cisco_order_status_get_lines (order)), ==, 2);
  line = g_list_model_get_item (sa_cisco_order_status_get_lines (order), 0);
  g_assert_cmpstr (sa_order_line_get_sku (line), ==, "C9300-48P-A");
  g_assert_cmpstr (sa_order_line_get_description (line), ==, "Catalyst 9300 48-port PoE+, Network Advantage");
  g_assert_cmpfloat (sa_order_line_get_quantity (line), ==, 1);
  g_assert_cmpstr (sa_order_line_get_line_number (line), ==, "1.0");
  g_assert_cmpstr (sa_order_line_get_ship_set (line), ==, "1");
  g_assert_true (g_date_time_equal (sa_order_line_get_promised_date (line), expected));
}

static void
test_order_status (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaCiscoOrderStatus) by_sales = NULL;
  g_autoptr(SaCiscoOrderStatus) by_web = NULL;
  g_autoptr(SaCiscoOrderStatus) by_po = NULL;
  g_autoptr(SaCiscoOrderStatus) shipped = NULL;
  g_autoptr(JsonNode) request = NULL;
  g_autoptr(JsonNode) matches = NULL;
  g_autofree char *body = NULL;
  JsonNode *value;

  set_up ();
  by_sales = cisco_test_order (api, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, " 104857601 ", &error);
  g_assert_no_error (error);
  check_order (by_sales);

  /* The OAGIS request of CISCO-APIS.md §1.4: the sales order as a number. */
  body = cisco_sandbox_last_body (sandbox, SANDBOX_ORDER_PATH);
  request = parse (body);
  matches = json_path_query ("$.GetPurchaseOrder.value.DataArea.PurchaseOrder[0]"
                             ".PurchaseOrderHeader.SalesOrderReference[0].ID.value",
                             request, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (matches)), ==, 1);
  value = json_array_get_element (json_node_get_array (matches), 0);
  g_assert_nonnull (value);
  g_assert_cmpint (json_node_get_value_type (value), ==, G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (value), ==, 104857601);
  g_assert_nonnull (strstr (body, "\"Description\":[{\"value\":true,\"typeCode\":\"details\"}]"));
  g_assert_nonnull (strstr (body, "\"BODID\":{\"value\":\"SmartAccountDesk\",\"schemeVersionID\":\"V1\"}"));

  by_web = cisco_test_order (api, SA_ORDER_SEARCH_WEB_ORDER_ID, "WO73910452", &error);
  g_assert_no_error (error);
  check_order (by_web);

  by_po = cisco_test_order (api, SA_ORDER_SEARCH_PURCHASE_ORDER_NUMBER, "PO-ACME-2291", &error);
  g_assert_no_error (error);
  check_order (by_po);
  g_clear_pointer (&body, g_free);
  body = cisco_sandbox_last_body (sandbox, SANDBOX_ORDER_PATH);
  g_assert_nonnull (strstr (body, "\"ID\":{\"value\":\"PO-ACME-2291\"}"));

  /* A shipped order. */
  shipped = cisco_test_order (api, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, "104857623", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sa_cisco_order_status_get_status_text (shipped), ==, "Shipped");
  g_assert_true (sa_cisco_order_status_is_shipped (shipped));
}

static void
test_order_osa001 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaCiscoOrderStatus) order = NULL;

  /* HTTP 200 with OSA001: not found or not visible, said exactly so. */
  set_up ();
  order = cisco_test_order (api, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, "104857000", &error);
  g_assert_null (order);
  g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "not found or is not visible to your API application"));
  g_assert_cmpuint (cisco_sandbox_count_status (sandbox, 200), >, 0);
  g_clear_error (&error);

  /* another partner's order: the same */
  order = cisco_test_order (api, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, "209715201", &error);
  g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  order = cisco_test_order (api, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, "", &error);
  g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_INVALID_INPUT);
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
  api = cisco_sandbox_new_api (sandbox);

  g_test_add_func ("/cisco/reads/search", test_search);
  g_test_add_func ("/cisco/reads/account-access", test_account_access);
  g_test_add_func ("/cisco/reads/virtual-accounts", test_virtual_accounts);
  g_test_add_func ("/cisco/reads/licenses", test_licenses);
  g_test_add_func ("/cisco/reads/licenses/paged", test_licenses_paged);
  g_test_add_func ("/cisco/reads/licenses/by-order", test_licenses_by_order);
  g_test_add_func ("/cisco/reads/transfer", test_transfer);
  g_test_add_func ("/cisco/reads/order-status", test_order_status);
  g_test_add_func ("/cisco/reads/order-status/osa001", test_order_osa001);

  status = g_test_run ();
  g_clear_object (&api);
  cisco_sandbox_free (sandbox);
  return status;
}
