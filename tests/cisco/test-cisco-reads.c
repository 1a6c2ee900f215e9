/* test-cisco-reads.c — every Cisco read, and the transfer, against the double
 *
 * Smart Account search (both field spellings, title-case statuses, substring
 * matches, type filter), /v2/accounts with roles, Virtual Accounts (isDefault
 * as a string, a double-byte name), licenses (paged, limit/offset in body and
 * query, details with orderNumber), the search by order number, license
 * transfer (success, and "status": "ERROR" with its statusMessage), and
 * checkOrderStatus by Sales Order No., Web Order No. and PO No. (the OAGIS
 * request, the answer's fields, OSA001).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "cisco-mimic.h"
#include "cisco-test-util.h"

static CiscoMimic *mimic;
static SaCiscoApi *api;

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

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  return json_parser_steal_root (parser);
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
  g_assert_cmpstr (sa_smart_account_get_id (acme), ==, "120152");
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

  cisco_mimic_reset_log (mimic);

  /* Substring match: "acme" finds every Acme account of both types. */
  accounts = cisco_test_search (api, SA_ACCOUNT_SEARCH_DOMAIN, " acme ", SA_CISCO_TYPE_FILTER_ANY,
                                &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 3);
  g_assert_cmpuint (total, ==, 3);
  check_acme (accounts);
  g_assert_null (sa_cisco_find_account_by_domain (accounts, "acme"));
  query = cisco_mimic_last_query (mimic, MIMIC_SAL_PATH "/v1/accounts/search");
  g_assert_cmpstr (query, ==, "domain=acme&limit=50&offset=0");
  g_clear_object (&accounts);
  g_clear_pointer (&query, g_free);

  /* By name, CUSTOMER only. */
  accounts = cisco_test_search (api, SA_ACCOUNT_SEARCH_NAME, "Acme", SA_CISCO_TYPE_FILTER_CUSTOMER,
                                &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 2);
  query = cisco_mimic_last_query (mimic, MIMIC_SAL_PATH "/v1/accounts/search");
  g_assert_cmpstr (query, ==, "name=Acme&type=CUSTOMER&limit=50&offset=0");
  g_clear_object (&accounts);

  /* HOLDING. */
  accounts = cisco_test_search (api, SA_ACCOUNT_SEARCH_NAME, "acme", SA_CISCO_TYPE_FILTER_HOLDING,
                                NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 1);
  g_assert_cmpint (sa_smart_account_get_account_type (account_at (accounts, 0)), ==, SA_ACCOUNT_TYPE_HOLDING);
  g_clear_object (&accounts);

  /* A Pending account, in Cisco's title case. */
  accounts = cisco_test_search (api, SA_ACCOUNT_SEARCH_DOMAIN, "pending-customer.example",
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
test_search_other_spelling (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) accounts = NULL;

  /* accountDomain/accountName/accountType/accountStatus, as Cisco.Api models
   * the rows (CISCO-APIS.md §1.2). */
  cisco_mimic_set_alternate_spellings (mimic, TRUE);
  accounts = cisco_test_search (api, SA_ACCOUNT_SEARCH_DOMAIN, "acme", SA_CISCO_TYPE_FILTER_ANY,
                                NULL, &error);
  cisco_mimic_set_alternate_spellings (mimic, FALSE);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 3);
  check_acme (accounts);
}

static void
test_account_access (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(SaAccountAccess) access = NULL;
  g_autofree char *query = NULL;
  SaSmartAccount *account;

  cisco_mimic_reset_log (mimic);
  list = cisco_test_account_access (api, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_null (cisco_mimic_last_query (mimic, MIMIC_SAL_PATH "/v2/accounts"));

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
  query = cisco_mimic_last_query (mimic, MIMIC_SAL_PATH "/v2/accounts");
  g_assert_cmpstr (query, ==, "domain=acme-industrie.fr");
}

static void
test_virtual_accounts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(SaVirtualAccount) first = NULL;
  g_autoptr(SaVirtualAccount) second = NULL;
  g_autofree char *path = NULL;

  cisco_mimic_reset_log (mimic);
  list = cisco_test_virtual_accounts (api, "acme-industrie.fr", SA_ACCOUNT_TYPE_CUSTOMER, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  path = cisco_mimic_last_path (mimic, MIMIC_SAL_PATH "/v1/accounts/");
  g_assert_true (g_str_has_suffix (path, "/customer/virtual-accounts"));

  first = g_list_model_get_item (list, 0);
  second = g_list_model_get_item (list, 1);
  g_assert_cmpstr (sa_virtual_account_get_name (first), ==, "DEFAULT");
  g_assert_true (sa_virtual_account_get_is_default (first));     /* "true", a string */
  g_assert_cmpstr (sa_virtual_account_get_name (second), ==, "東京支社");  /* as it is */
  g_assert_false (sa_virtual_account_get_is_default (second));
  g_assert_cmpstr (sa_virtual_account_get_description (second), ==, "");

  /* A Holding account's segment, and an account Cisco does not show. */
  g_clear_object (&list);
  list = cisco_test_virtual_accounts (api, "acme-holding.example", SA_ACCOUNT_TYPE_HOLDING, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_clear_pointer (&path, g_free);
  path = cisco_mimic_last_path (mimic, MIMIC_SAL_PATH "/v1/accounts/");
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
  g_autoptr(SaLicense) catalyst = NULL;
  g_autoptr(SaLicenseDetail) detail = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *body_text = NULL;
  g_autofree char *query = NULL;
  const char * const tokyo[] = { "東京支社", NULL };

  cisco_mimic_reset_log (mimic);
  licenses = cisco_test_licenses (api, "acme-industrie.fr", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (licenses), ==, 2);

  /* The real example of CISCO-APIS.md §1.2. */
  dna = g_list_model_get_item (licenses, 0);
  g_assert_cmpstr (sa_license_get_license (dna), ==, "DNA Advantage For SDWAN");
  g_assert_cmpint (sa_license_get_quantity (dna), ==, 200);
  g_assert_cmpint (sa_license_get_in_use (dna), ==, 0);
  g_assert_cmpint (sa_license_get_available (dna), ==, 200);
  g_assert_cmpstr (sa_license_get_status (dna), ==, "In Compliance");
  g_assert_cmpstr (sa_license_get_virtual_account (dna), ==, "DEFAULT");
  g_assert_cmpuint (g_list_model_get_n_items (sa_license_get_details (dna)), ==, 1);
  detail = g_list_model_get_item (sa_license_get_details (dna), 0);
  g_assert_cmpstr (sa_license_detail_get_order_number (detail), ==, "104857601");
  g_assert_cmpstr (sa_license_detail_get_license_sku (detail), ==, "DNA-A-SDWAN-3Y");
  g_assert_cmpstr (sa_license_detail_get_license_type (detail), ==, "TERM");
  g_assert_cmpint (sa_license_detail_get_quantity (detail), ==, 100);
  g_assert_cmpstr (sa_license_detail_get_status (detail), ==, "ACTIVE");
  g_assert_cmpstr (sa_license_detail_get_start_date (detail), ==, "2019-05-20");
  g_assert_cmpstr (sa_license_detail_get_end_date (detail), ==, "2022-05-19");

  /* An order number sent as a JSON number, a null end date. */
  catalyst = g_list_model_get_item (licenses, 1);
  g_assert_cmpstr (sa_license_get_virtual_account (catalyst), ==, "東京支社");
  g_assert_true (sa_license_has_order (catalyst, " 104857999 "));
  g_clear_object (&detail);
  detail = g_list_model_get_item (sa_license_get_details (catalyst), 0);
  g_assert_null (sa_license_detail_get_end_date (detail));

  /* limit and offset in the body and in the query; no virtualAccounts means
   * all of them. */
  body_text = cisco_mimic_last_body (mimic, MIMIC_SAL_PATH "/v1/accounts/acme-industrie.fr/licenses");
  body = parse (body_text);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (body), "limit"), ==, 100);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (body), "offset"), ==, 0);
  g_assert_false (json_object_has_member (json_node_get_object (body), "virtualAccounts"));
  query = cisco_mimic_last_query (mimic, MIMIC_SAL_PATH "/v1/accounts/acme-industrie.fr/licenses");
  g_assert_cmpstr (query, ==, "limit=100&offset=0");

  /* One Virtual Account. */
  g_clear_object (&licenses);
  g_clear_pointer (&body_text, g_free);
  g_clear_pointer (&body, json_node_unref);
  licenses = cisco_test_licenses (api, "acme-industrie.fr", tokyo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (licenses), ==, 1);
  body_text = cisco_mimic_last_body (mimic, MIMIC_SAL_PATH "/v1/accounts/acme-industrie.fr/licenses");
  body = parse (body_text);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (json_node_get_object (body),
                                                                                "virtualAccounts"), 0),
                   ==, "東京支社");
}

static void
test_licenses_paged (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) licenses = NULL;
  g_autoptr(SaLicense) last = NULL;
  g_autofree char *query = NULL;

  cisco_mimic_reset_log (mimic);
  licenses = cisco_test_licenses (api, "big.example", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (licenses), ==, 150);
  g_assert_cmpuint (cisco_mimic_count (mimic, MIMIC_SAL_PATH "/v1/accounts/big.example/licenses"), ==, 2);
  query = cisco_mimic_last_query (mimic, MIMIC_SAL_PATH "/v1/accounts/big.example/licenses");
  g_assert_cmpstr (query, ==, "limit=100&offset=100");

  last = g_list_model_get_item (licenses, 149);
  g_assert_cmpstr (sa_license_get_license (last), ==, "License 149");
}

static void
test_licenses_by_order (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GListModel) none = NULL;
  g_autoptr(SaLicense) license = NULL;

  found = cisco_test_licenses_by_order (api, "acme-industrie.fr", "104857601", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  license = g_list_model_get_item (found, 0);
  g_assert_cmpstr (sa_license_get_virtual_account (license), ==, "DEFAULT");

  /* Not (yet) deposited there: an empty list. */
  none = cisco_test_licenses_by_order (api, "acme-industrie.fr", "999", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);

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
  g_autofree char *body_text = NULL;
  g_autofree char *path = NULL;
  JsonObject *entry;
  const SaCiscoLicenseTransfer ok = { "DNA Advantage For SDWAN", "TERM", 10, "東京支社" };
  const SaCiscoLicenseTransfer too_many = { "DNA Advantage For SDWAN", "TERM", 500, "東京支社" };
  const SaCiscoLicenseTransfer to_itself = { "DNA Advantage For SDWAN", "TERM", 1, "DEFAULT" };
  const SaCiscoLicenseTransfer zero = { "DNA Advantage For SDWAN", "TERM", 0, "東京支社" };

  cisco_mimic_reset_log (mimic);
  g_assert_true (cisco_test_transfer (api, "acme-industrie.fr", "DEFAULT", &ok, 1, &error));
  g_assert_no_error (error);

  /* Cisco's request shape (CISCO-APIS.md §1.2). */
  path = cisco_mimic_last_path (mimic, MIMIC_SAL_PATH "/v1/accounts/");
  g_assert_true (g_str_has_suffix (path, "/virtual-accounts/DEFAULT/licenses/transfer"));
  body_text = cisco_mimic_last_body (mimic, MIMIC_SAL_PATH "/v1/accounts/");
  body = parse (body_text);
  entry = json_array_get_object_element (json_object_get_array_member (json_node_get_object (body), "licenses"), 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "license"), ==, "DNA Advantage For SDWAN");
  g_assert_cmpstr (json_object_get_string_member (entry, "licenseType"), ==, "TERM");
  g_assert_cmpint (json_object_get_int_member (entry, "quantity"), ==, 10);
  g_assert_cmpstr (json_object_get_string_member (entry, "targetVirtualAccount"), ==, "東京支社");
  g_assert_cmpstr (json_object_get_string_member (entry, "precedence"), ==, "LONGEST_TERM_FIRST");
  g_assert_cmpuint (json_object_get_size (entry), ==, 5);

  /* "status": "ERROR": its statusMessage reaches the user, quoted. */
  g_assert_false (cisco_test_transfer (api, "acme-industrie.fr", "DEFAULT", &too_many, 1, &error));
  g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_REJECTED);
  g_assert_nonnull (strstr (error->message, "Insufficient licenses available in the source virtual account"));
  g_clear_error (&error);

  /* Refused before sending. */
  cisco_mimic_reset_log (mimic);
  g_assert_false (cisco_test_transfer (api, "acme-industrie.fr", "DEFAULT", &to_itself, 1, &error));
  g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (cisco_test_transfer (api, "acme-industrie.fr", "DEFAULT", &zero, 1, &error));
  g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (cisco_test_transfer (api, "acme-industrie.fr", "DEFAULT", NULL, 0, &error));
  g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_INVALID_INPUT);
  g_assert_cmpuint (cisco_mimic_count (mimic, MIMIC_SAL_PATH), ==, 0);
}

/* ------------------------------------------------------------------------ */
/* Orders */

static void
check_order (SaCiscoOrderStatus *order)
{
  g_autoptr(SaOrderLine) line = NULL;
  g_autoptr(GDateTime) expected = g_date_time_new_utc (2026, 10, 2, 7, 0, 0);
  const char *currency = NULL;
  double amount = 0;

  g_assert_cmpstr (sa_cisco_order_status_get_status_text (order), ==, "Booked");
  g_assert_false (sa_cisco_order_status_is_shipped (order));
  g_assert_cmpstr (sa_cisco_order_status_get_sales_order_number (order), ==, "104857601");
  g_assert_cmpstr (sa_cisco_order_status_get_web_order_number (order), ==, "WO73910452");
  g_assert_cmpstr (sa_cisco_order_status_get_purchase_order_number (order), ==, "PO-ACME-2291");
  g_assert_cmpstr (sa_cisco_order_status_get_bill_to (order), ==, "Northwind Networks");
  g_assert_cmpstr (sa_cisco_order_status_get_ship_to (order), ==, "Acme Industrie SA");
  g_assert_cmpstr (sa_cisco_order_status_get_end_customer (order), ==, "Acme Industrie SA");
  g_assert_true (sa_cisco_order_status_get_total (order, &amount, &currency));
  g_assert_cmpfloat (amount, ==, 18250.0);
  g_assert_cmpstr (currency, ==, "EUR");

  g_assert_cmpuint (g_list_model_get_n_items (sa_cisco_order_status_get_lines (order)), ==, 1);
  line = g_list_model_get_item (sa_cisco_order_status_get_lines (order), 0);
  g_assert_cmpstr (sa_order_line_get_sku (line), ==, "C9300-24T-E");
  g_assert_cmpstr (sa_order_line_get_description (line), ==, "Catalyst 9300 24-port");
  g_assert_cmpfloat (sa_order_line_get_quantity (line), ==, 2);
  g_assert_cmpstr (sa_order_line_get_line_number (line), ==, "1.1");
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
  g_autoptr(JsonNode) request = NULL;
  g_autoptr(JsonNode) matches = NULL;
  g_autofree char *body = NULL;
  JsonNode *value;

  cisco_mimic_reset_log (mimic);
  by_sales = cisco_test_order (api, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, " 104857601 ", &error);
  g_assert_no_error (error);
  check_order (by_sales);

  /* The OAGIS request of CISCO-APIS.md §1.4: the sales order as a number. */
  body = cisco_mimic_last_body (mimic, MIMIC_ORDER_PATH);
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
  body = cisco_mimic_last_body (mimic, MIMIC_ORDER_PATH);
  g_assert_nonnull (strstr (body, "\"ID\":{\"value\":\"PO-ACME-2291\"}"));
}

static void
test_order_osa001 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaCiscoOrderStatus) order = NULL;

  /* HTTP 200 with OSA001: not found or not visible, said exactly so. */
  order = cisco_test_order (api, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, "104857000", &error);
  g_assert_null (order);
  g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "not found or is not visible to your API application"));
  g_assert_cmpuint (cisco_mimic_count_status (mimic, 200), >, 0);
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
  cisco_test_init_l10n ();
  g_test_init (&argc, &argv, NULL);

  mimic = cisco_mimic_new (NULL);
  api = cisco_mimic_new_api (mimic);

  g_test_add_func ("/cisco/reads/search", test_search);
  g_test_add_func ("/cisco/reads/search/other-spelling", test_search_other_spelling);
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
  cisco_mimic_free (mimic);
  return status;
}
