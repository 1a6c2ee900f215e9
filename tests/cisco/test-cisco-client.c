/* test-cisco-client.c — SaCiscoClient, the Cisco back end of the boundary,
 * against the test double
 *
 * Every boundary operation as the widgets call it (sa_client_*): sign-in with
 * the Client ID and Secret, one order by Sales Order, Web Order or PO number
 * with its parties and lines and assignment-known FALSE, Smart Account search,
 * access candidates, Virtual Accounts (DEFAULT first), the user's Smart
 * Accounts, licenses and "Where are my licenses?"; the writes NOT_SUPPORTED;
 * Cisco's errors mapped to SA_CLIENT_ERROR with Cisco's sentences kept; token
 * renewal; cancellation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "cisco-mimic.h"
#include "cisco-test-util.h"

static CiscoMimic *mimic;

static void
set_up (void)
{
  cisco_mimic_reset_log (mimic);
  cisco_mimic_set_expires_in (mimic, 3599);
  cisco_mimic_set_delay (mimic, 0);
}

/* A client on the double, signed in unless @sign_in is FALSE. */
static SaClient *
new_client (gboolean sign_in)
{
  g_autoptr(SaCiscoApi) api = cisco_mimic_new_api (mimic);
  SaClient *client;

  sa_cisco_api_set_credentials (api, NULL, NULL);
  client = sa_cisco_client_new (api);

  if (sign_in)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      GAsyncResult *slot = NULL;

      sa_client_sign_in_async (client, MIMIC_CLIENT_ID, MIMIC_CLIENT_SECRET, NULL,
                               core_test_on_ready, &slot);
      result = core_test_wait (&slot);
      g_assert_true (sa_client_sign_in_finish (client, result, &error));
      g_assert_no_error (error);
    }

  return client;
}

static GListModel *
search_orders (SaClient            *client,
               SaOrderSearchField   field,
               const char          *value,
               guint               *total,
               GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  sa_client_search_orders_async (client, field, value, 0, 0, NULL, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  return sa_client_search_orders_finish (client, result, total, error);
}

static SaOrder *
get_order (SaClient    *client,
           const char  *number,
           GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  sa_client_get_order_async (client, number, NULL, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  return sa_client_get_order_finish (client, result, error);
}

static GListModel *
search_accounts (SaClient              *client,
                 SaAccountSearchField   field,
                 const char            *value,
                 int                    type_filter,
                 GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  sa_client_search_accounts_async (client, field, value, type_filter, NULL, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  return sa_client_search_accounts_finish (client, result, error);
}

static GListModel *
list_virtual_accounts (SaClient       *client,
                       const char     *domain,
                       GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  sa_client_list_virtual_accounts_async (client, domain, SA_ACCOUNT_TYPE_CUSTOMER, NULL,
                                         core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  return sa_client_list_virtual_accounts_finish (client, result, error);
}

static GListModel *
list_my_accounts (SaClient  *client,
                  GError   **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  sa_client_list_my_accounts_async (client, NULL, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  return sa_client_list_my_accounts_finish (client, result, error);
}

static GListModel *
list_licenses (SaClient    *client,
               const char  *domain,
               const char  *virtual_account,
               GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  sa_client_list_licenses_async (client, domain, virtual_account, NULL, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  return sa_client_list_licenses_finish (client, result, error);
}

static GListModel *
find_licenses (SaClient      *client,
               const char    *order_number,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  sa_client_find_licenses_by_order_async (client, order_number, cancellable, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  return sa_client_find_licenses_by_order_finish (client, result, error);
}

static void
assert_cisco_message (const GError *error,
                      SaCiscoError  code)
{
  g_autofree char *expected = sa_cisco_error_dup_message (code);

  g_assert_cmpstr (error->message, ==, expected);
}

/* ------------------------------------------------------------------------ */

static void
test_features (void)
{
  g_autoptr(SaClient) client = new_client (FALSE);
  SaClientFeatures features = sa_client_get_features (client);
  g_autofree char *licensing = cisco_mimic_uri (mimic, MIMIC_SAL_PATH);

  set_up ();
  g_assert_true (SA_IS_CISCO_CLIENT (client));
  g_assert_true (features & SA_CLIENT_FEATURE_LICENSES);
  g_assert_true (features & SA_CLIENT_FEATURE_MY_ACCOUNTS);
  g_assert_true (features & SA_CLIENT_FEATURE_PORTAL_HAND_OFF);
  g_assert_true (features & SA_CLIENT_FEATURE_RESTRICTED_ACCOUNTS_HIDDEN);
  g_assert_false (features & SA_CLIENT_FEATURE_ORDER_LIST);
  g_assert_false (features & SA_CLIENT_FEATURE_ASSIGNMENT_WRITE);
  g_assert_false (features & SA_CLIENT_FEATURE_ACCOUNT_REQUESTS);
  g_assert_false (features & SA_CLIENT_FEATURE_ACCESS_REQUESTS);
  g_assert_false (features & SA_CLIENT_FEATURE_TRAINING_CONTROLS);
  g_assert_false (features & SA_CLIENT_FEATURE_SIGN_IN_WITH_PASSWORD);
  g_assert_false (features & SA_CLIENT_FEATURE_ACCOUNT_SEARCH_BY_EMAIL);
  g_assert_cmpstr (sa_client_get_base_uri (client), ==, licensing);
  g_assert_true (sa_cisco_api_get_licensing_uri (sa_cisco_client_get_api (SA_CISCO_CLIENT (client))) ==
                 sa_client_get_base_uri (client));
}

static void
test_writes_not_supported (void)
{
  g_autoptr(SaClient) client = new_client (TRUE);
  g_autoptr(SaOrder) order = NULL;
  g_autoptr(SaAssignment) slot_value = NULL;
  g_autoptr(GError) error = NULL;
  guint sent;

  set_up ();
  order = get_order (client, "104857601", &error);
  g_assert_no_error (error);
  sent = cisco_mimic_count (mimic, "/");

  {
    g_autoptr(GAsyncResult) result = NULL;
    GAsyncResult *slot = NULL;
    slot_value = sa_assignment_new ("acme-industrie.fr", "Acme Industrie", SA_ACCOUNT_TYPE_CUSTOMER,
                                    SA_ACCOUNT_STATUS_ACTIVE, "DEFAULT");
    sa_client_update_assignment_async (client, order, slot_value, NULL, TRUE, NULL, core_test_on_ready, &slot);
    result = core_test_wait (&slot);
    g_assert_null (sa_client_update_assignment_finish (client, result, &error));
    g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_NOT_SUPPORTED);
    g_clear_error (&error);
  }
  {
    g_autoptr(GAsyncResult) result = NULL;
    GAsyncResult *slot = NULL;

    sa_client_create_account_request_async (client, "Acme", "a@example.com", "acme.example", NULL, NULL, NULL,
                                            NULL, core_test_on_ready, &slot);
    result = core_test_wait (&slot);
    g_assert_null (sa_client_create_account_request_finish (client, result, &error));
    g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_NOT_SUPPORTED);
    g_clear_error (&error);
  }
  {
    g_autoptr(GAsyncResult) result = NULL;
    GAsyncResult *slot = NULL;

    sa_client_list_access_requests_async (client, NULL, core_test_on_ready, &slot);
    result = core_test_wait (&slot);
    g_assert_null (sa_client_list_access_requests_finish (client, result, &error));
    g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_NOT_SUPPORTED);
    g_clear_error (&error);
  }
  {
    g_autoptr(GAsyncResult) result = NULL;
    GAsyncResult *slot = NULL;

    sa_client_get_profile_async (client, NULL, core_test_on_ready, &slot);
    result = core_test_wait (&slot);
    g_assert_null (sa_client_get_profile_finish (client, result, &error));
    g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_NOT_SUPPORTED);
    g_clear_error (&error);
  }

  /* Nothing reached Cisco. */
  g_assert_cmpuint (cisco_mimic_count (mimic, "/"), ==, sent);
}

static void
test_sign_in (void)
{
  g_autoptr(SaClient) client = new_client (FALSE);
  SaCiscoApi *api = sa_cisco_client_get_api (SA_CISCO_CLIENT (client));
  g_autoptr(GError) error = NULL;

  set_up ();
  g_assert_false (sa_client_get_signed_in (client));

  /* A wrong secret: Cisco's sentence (wrong values, or a new application
   * still propagating), and the secret is not kept. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    GAsyncResult *slot = NULL;

    sa_client_sign_in_async (client, MIMIC_CLIENT_ID, "wrong-secret", NULL, core_test_on_ready, &slot);
    result = core_test_wait (&slot);
    g_assert_false (sa_client_sign_in_finish (client, result, &error));
    g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_CREDENTIALS);
    assert_cisco_message (error, SA_CISCO_ERROR_INVALID_CLIENT);
    g_assert_nonnull (strstr (error->message, "30 minutes"));
    g_assert_false (sa_client_get_signed_in (client));
    g_assert_null (sa_cisco_api_get_client_id (api));
    g_clear_error (&error);
  }

  /* Nothing to send: refused locally. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    GAsyncResult *slot = NULL;
    guint sent = cisco_mimic_count (mimic, MIMIC_TOKEN_PATH);

    sa_client_sign_in_async (client, "  ", "x", NULL, core_test_on_ready, &slot);
    result = core_test_wait (&slot);
    g_assert_false (sa_client_sign_in_finish (client, result, &error));
    g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
    g_assert_cmpuint (cisco_mimic_count (mimic, MIMIC_TOKEN_PATH), ==, sent);
    g_clear_error (&error);
  }

  /* The right ones: a token, and the Client ID as the user name. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    GAsyncResult *slot = NULL;

    sa_client_sign_in_async (client, " " MIMIC_CLIENT_ID " ", MIMIC_CLIENT_SECRET, NULL, core_test_on_ready, &slot);
    result = core_test_wait (&slot);
    g_assert_true (sa_client_sign_in_finish (client, result, &error));
    g_assert_no_error (error);
    g_assert_true (sa_client_get_signed_in (client));
    g_assert_cmpstr (sa_client_get_username (client), ==, MIMIC_CLIENT_ID);
    g_assert_true (sa_cisco_api_get_has_token (api));
  }

  /* Signing out wipes the secret and the token. */
  sa_client_sign_out (client);
  g_assert_false (sa_client_get_signed_in (client));
  g_assert_null (sa_client_get_username (client));
  g_assert_false (sa_cisco_api_get_has_token (api));
  g_assert_null (sa_cisco_api_get_client_id (api));
}

static void
on_sign_in_required (SaClient *client,
                     gpointer  user_data)
{
  (*(guint *) user_data)++;
}

static void
test_not_signed_in (void)
{
  g_autoptr(SaClient) client = new_client (FALSE);
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GError) error = NULL;
  guint required = 0;

  set_up ();
  g_signal_connect (client, "sign-in-required", G_CALLBACK (on_sign_in_required), &required);

  /* No Client ID and Secret yet: the session asks for them. */
  accounts = list_my_accounts (client, &error);
  g_assert_null (accounts);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_UNAUTHENTICATED);
  assert_cisco_message (error, SA_CISCO_ERROR_NO_CREDENTIALS);
  g_assert_cmpuint (required, ==, 1);
  g_assert_cmpuint (cisco_mimic_count (mimic, "/"), ==, 0);
}

static void
check_order (SaOrder *order)
{
  GListModel *lines = sa_order_get_lines (order);
  g_autoptr(SaOrderLine) line = NULL;
  g_autoptr(GDateTime) expected = g_date_time_new_utc (2026, 10, 2, 7, 0, 0);

  g_assert_cmpstr (sa_order_get_sales_order_number (order), ==, "104857601");
  g_assert_cmpstr (sa_order_get_web_order_id (order), ==, "WO73910452");
  g_assert_cmpstr (sa_order_get_purchase_order_number (order), ==, "PO-ACME-2291");
  g_assert_cmpint (sa_order_get_status (order), ==, SA_ORDER_STATUS_BOOKED);
  g_assert_cmpstr (sa_order_get_status_text (order), ==, "Booked");
  g_assert_cmpstr (sa_order_get_bill_to_name (order), ==, "Northwind Networks");
  g_assert_cmpstr (sa_order_get_ship_to_name (order), ==, "Acme Industrie SA");
  g_assert_cmpstr (sa_order_get_end_customer_name (order), ==, "Acme Industrie SA");
  g_assert_cmpstr (sa_order_get_description (order), ==, "Catalyst 9300 24-port");

  /* Cisco publishes no assignment and no export hold: not "none". */
  g_assert_false (sa_order_get_assignment_known (order));
  g_assert_null (sa_order_get_end_customer (order));
  g_assert_null (sa_order_get_holding (order));
  g_assert_false (sa_order_get_export_hold (order));
  g_assert_null (sa_order_get_etag (order));

  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 1);
  line = g_list_model_get_item (lines, 0);
  g_assert_cmpstr (sa_order_line_get_sku (line), ==, "C9300-24T-E");
  g_assert_cmpstr (sa_order_line_get_description (line), ==, "Catalyst 9300 24-port");
  g_assert_cmpfloat (sa_order_line_get_quantity (line), ==, 2);
  g_assert_cmpstr (sa_order_line_get_line_number (line), ==, "1.1");
  g_assert_true (g_date_time_equal (sa_order_line_get_promised_date (line), expected));
}

static void
test_orders (void)
{
  g_autoptr(SaClient) client = new_client (TRUE);
  const struct { SaOrderSearchField field; const char *value; } searches[] = {
    { SA_ORDER_SEARCH_SALES_ORDER_NUMBER, "104857601" },
    { SA_ORDER_SEARCH_WEB_ORDER_ID, "WO73910452" },
    { SA_ORDER_SEARCH_PURCHASE_ORDER_NUMBER, "PO-ACME-2291" },
  };
  g_autoptr(GError) error = NULL;

  set_up ();

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autoptr(GListModel) orders = NULL;
      g_autoptr(SaOrder) order = NULL;
      guint total = 99;

      orders = search_orders (client, searches[i].field, searches[i].value, &total, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (orders), ==, 1);
      g_assert_cmpuint (total, ==, 1);
      order = g_list_model_get_item (orders, 0);
      check_order (order);
    }

  /* One order by its Sales Order No. */
  {
    g_autoptr(SaOrder) order = get_order (client, "104857601", &error);

    g_assert_no_error (error);
    check_order (order);
  }

  /* A shipped order. */
  {
    g_autoptr(SaOrder) order = get_order (client, "104857999", &error);

    g_assert_no_error (error);
    g_assert_cmpint (sa_order_get_status (order), ==, SA_ORDER_STATUS_SHIPPED);
    g_assert_cmpstr (sa_order_get_status_text (order), ==, "Shipped");
    g_assert_false (sa_order_can_change_assignment (order));
    g_assert_null (sa_order_get_ship_to_name (order));
  }

  /* Cisco lists no orders. */
  {
    g_autoptr(GListModel) orders = NULL;
    guint sent = cisco_mimic_count (mimic, MIMIC_ORDER_PATH);

    orders = search_orders (client, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, NULL, NULL, &error);
    g_assert_null (orders);
    g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
    g_assert_cmpuint (cisco_mimic_count (mimic, MIMIC_ORDER_PATH), ==, sent);
    g_clear_error (&error);
  }
}

static void
test_order_not_found (void)
{
  g_autoptr(SaClient) client = new_client (TRUE);
  g_autoptr(GError) error = NULL;

  set_up ();

  /* OSA001: "not found or not visible to your API application", exactly. */
  {
    g_autoptr(SaOrder) order = get_order (client, "104850000", &error);

    g_assert_null (order);
    g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_ORDER_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "not found or is not visible to your API application"));
    g_clear_error (&error);
  }
  {
    g_autoptr(GListModel) orders = NULL;

    orders = search_orders (client, SA_ORDER_SEARCH_PURCHASE_ORDER_NUMBER, "PO-NONE", NULL, &error);
    g_assert_null (orders);
    g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_ORDER_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "not found or is not visible to your API application"));
    g_clear_error (&error);
  }
}

static void
test_accounts (void)
{
  g_autoptr(SaClient) client = new_client (TRUE);
  g_autoptr(GError) error = NULL;

  set_up ();

  /* Substring match, as Cisco's search. */
  {
    g_autoptr(GListModel) accounts = search_accounts (client, SA_ACCOUNT_SEARCH_DOMAIN, "acme", -1, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 3);
  }
  {
    g_autoptr(GListModel) accounts = search_accounts (client, SA_ACCOUNT_SEARCH_NAME, "acme",
                                                      SA_ACCOUNT_TYPE_HOLDING, &error);
    g_autoptr(SaSmartAccount) account = NULL;
    g_autofree char *query = cisco_mimic_last_query (mimic, MIMIC_SAL_PATH "/v1/accounts/search");

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 1);
    account = g_list_model_get_item (accounts, 0);
    g_assert_cmpstr (sa_smart_account_get_domain (account), ==, "acme-holding.example");
    g_assert_cmpint (sa_smart_account_get_account_type (account), ==, SA_ACCOUNT_TYPE_HOLDING);
    g_assert_nonnull (strstr (query, "type=HOLDING"));
  }
  {
    g_autoptr(GListModel) accounts = search_accounts (client, SA_ACCOUNT_SEARCH_DOMAIN, "pending-customer",
                                                      SA_ACCOUNT_TYPE_CUSTOMER, &error);
    g_autoptr(SaSmartAccount) account = NULL;

    g_assert_no_error (error);
    account = g_list_model_get_item (accounts, 0);
    g_assert_cmpint (sa_smart_account_get_status (account), ==, SA_ACCOUNT_STATUS_PENDING);
  }

  /* Nothing found is an empty list (the UI then says that restricted
   * accounts are found only by their full name or domain). */
  {
    g_autoptr(GListModel) accounts = search_accounts (client, SA_ACCOUNT_SEARCH_NAME, "nobody", -1, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 0);
  }

  /* Cisco's search has no e-mail. */
  {
    g_autoptr(GListModel) accounts = search_accounts (client, SA_ACCOUNT_SEARCH_EMAIL, "a@acme.example",
                                                      -1, &error);

    g_assert_null (accounts);
    g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
    g_clear_error (&error);
  }

  /* Access candidates: the exact domain only. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    GAsyncResult *slot = NULL;
    g_autoptr(GListModel) candidates = NULL;
    g_autoptr(SaSmartAccount) account = NULL;

    sa_client_find_access_candidates_async (client, " ACME-industrie.fr ", NULL, core_test_on_ready, &slot);
    result = core_test_wait (&slot);
    candidates = sa_client_find_access_candidates_finish (client, result, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (candidates), ==, 1);
    account = g_list_model_get_item (candidates, 0);
    g_assert_cmpstr (sa_smart_account_get_domain (account), ==, "acme-industrie.fr");
  }
}

static void
test_virtual_accounts (void)
{
  g_autoptr(SaClient) client = new_client (TRUE);
  g_autoptr(GListModel) virtual_accounts = NULL;
  g_autoptr(SaVirtualAccount) first = NULL;
  g_autoptr(SaVirtualAccount) second = NULL;
  g_autoptr(GError) error = NULL;

  set_up ();
  cisco_mimic_add_fault (mimic, MIMIC_SAL_PATH "/v1/accounts/acme-industrie.fr", 1, 200, "application/json",
                         "{\"virtualAccounts\":[{\"name\":\"東京支社\",\"isDefault\":\"false\"},"
                         "{\"name\":\"DEFAULT\",\"isDefault\":\"true\"}],\"status\":\"SUCCESS\"}", NULL);

  /* DEFAULT first, whatever Cisco's order; double-byte names intact. */
  virtual_accounts = list_virtual_accounts (client, "acme-industrie.fr", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (virtual_accounts), ==, 2);
  first = g_list_model_get_item (virtual_accounts, 0);
  second = g_list_model_get_item (virtual_accounts, 1);
  g_assert_cmpstr (sa_virtual_account_get_name (first), ==, "DEFAULT");
  g_assert_true (sa_virtual_account_get_is_default (first));
  g_assert_cmpstr (sa_virtual_account_get_name (second), ==, "東京支社");

  /* An account Cisco does not know. */
  g_clear_object (&virtual_accounts);
  virtual_accounts = list_virtual_accounts (client, "unknown.example", &error);
  g_assert_null (virtual_accounts);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND);
  assert_cisco_message (error, SA_CISCO_ERROR_NOT_FOUND);
}

static void
test_my_accounts (void)
{
  g_autoptr(SaClient) client = new_client (TRUE);
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(SaAccountAccess) access = NULL;
  g_autoptr(GError) error = NULL;

  set_up ();
  accounts = list_my_accounts (client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 1);
  g_assert_true (g_list_model_get_item_type (accounts) == SA_TYPE_ACCOUNT_ACCESS);
  access = g_list_model_get_item (accounts, 0);
  g_assert_cmpstr (sa_smart_account_get_domain (sa_account_access_get_account (access)), ==, "acme-industrie.fr");
  g_assert_true (sa_account_access_has_role (access, "Smart Account User", NULL));
  g_assert_true (sa_account_access_has_role (access, "Virtual Account Administrator", "DEFAULT"));

  /* No role anywhere is an answer, not an error. */
  g_clear_object (&accounts);
  cisco_mimic_add_fault (mimic, MIMIC_SAL_PATH "/v2/accounts", 1, 200, "application/json",
                         "{\"accounts\":[],\"status\":\"SUCCESS\",\"statusMessage\":\"\"}", NULL);
  accounts = list_my_accounts (client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 0);
}

static void
test_licenses (void)
{
  g_autoptr(SaClient) client = new_client (TRUE);
  g_autoptr(GError) error = NULL;

  set_up ();
  {
    g_autoptr(GListModel) licenses = list_licenses (client, "acme-industrie.fr", NULL, &error);
    g_autoptr(SaLicense) license = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (licenses), ==, 2);
    license = g_list_model_get_item (licenses, 0);
    g_assert_cmpstr (sa_license_get_license (license), ==, "DNA Advantage For SDWAN");
    g_assert_cmpstr (sa_license_get_smart_account_domain (license), ==, "acme-industrie.fr");
    g_assert_true (sa_license_has_order (license, "104857601"));
  }
  {
    g_autoptr(GListModel) licenses = list_licenses (client, "acme-industrie.fr", "東京支社", &error);
    g_autoptr(SaLicense) license = NULL;
    g_autofree char *body = cisco_mimic_last_body (mimic, MIMIC_SAL_PATH "/v1/accounts/");

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (licenses), ==, 1);
    license = g_list_model_get_item (licenses, 0);
    g_assert_cmpstr (sa_license_get_virtual_account (license), ==, "東京支社");
    g_assert_nonnull (strstr (body, "virtualAccounts"));
  }
  {
    g_autoptr(GListModel) licenses = list_licenses (client, "unknown.example", NULL, &error);

    g_assert_null (licenses);
    g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND);
    g_clear_error (&error);
  }
}

static void
test_licenses_by_order (void)
{
  g_autoptr(SaClient) client = new_client (TRUE);
  g_autoptr(GError) error = NULL;

  set_up ();

  /* Searched in the user's Smart Accounts: which account and Virtual
   * Account the order's licenses landed in. */
  {
    g_autoptr(GListModel) licenses = find_licenses (client, " 104857999 ", NULL, &error);
    g_autoptr(SaLicense) license = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (licenses), ==, 1);
    license = g_list_model_get_item (licenses, 0);
    g_assert_cmpstr (sa_license_get_license (license), ==, "Catalyst 9300 DNA Essentials");
    g_assert_cmpstr (sa_license_get_smart_account_domain (license), ==, "acme-industrie.fr");
    g_assert_cmpstr (sa_license_get_smart_account_name (license), ==, "Acme Industrie");
    g_assert_cmpstr (sa_license_get_virtual_account (license), ==, "東京支社");
    g_assert_cmpuint (cisco_mimic_count (mimic, MIMIC_SAL_PATH "/v2/accounts"), ==, 1);
  }

  /* Nothing arrived yet. */
  {
    g_autoptr(GListModel) licenses = find_licenses (client, "104850000", NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (licenses), ==, 0);
  }

  /* An account whose licenses the user may not read is skipped. */
  {
    g_autoptr(GListModel) licenses = NULL;

    cisco_mimic_add_fault (mimic, MIMIC_SAL_PATH "/v1/accounts/acme-industrie.fr/licenses", 1, 403,
                           "application/json", "{\"status\":\"ERROR\",\"statusMessage\":\"Forbidden\"}", NULL);
    licenses = find_licenses (client, "104857999", NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (licenses), ==, 0);
  }

  /* An empty order number is refused before anything is sent. */
  {
    g_autoptr(GListModel) licenses = NULL;
    guint sent = cisco_mimic_count (mimic, "/");

    licenses = find_licenses (client, "  ", NULL, &error);
    g_assert_null (licenses);
    g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
    g_assert_cmpuint (cisco_mimic_count (mimic, "/"), ==, sent);
  }
}

static void
expect_mapped (SaClient      *client,
               guint          status,
               const char    *content_type,
               const char    *body,
               const char    *retry_after,
               SaClientError  expected,
               SaCiscoError   sentence)
{
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GError) error = NULL;

  cisco_mimic_add_fault (mimic, MIMIC_SAL_PATH, 10, status, content_type, body, retry_after);
  accounts = list_my_accounts (client, &error);
  g_assert_null (accounts);
  g_assert_error (error, SA_CLIENT_ERROR, (int) expected);
  assert_cisco_message (error, sentence);
  set_up ();
}

static void
test_errors_mapped (void)
{
  g_autoptr(SaClient) client = new_client (TRUE);

  set_up ();
  expect_mapped (client, 403, "application/json", "{\"message\":\"Invalid Client\"}", NULL,
                 SA_CLIENT_ERROR_NOT_AUTHORIZED, SA_CISCO_ERROR_ACCESS_NOT_APPROVED);
  expect_mapped (client, 403, "application/json", "{\"status\":\"ERROR\",\"statusMessage\":\"No role\"}", NULL,
                 SA_CLIENT_ERROR_NOT_AUTHORIZED, SA_CISCO_ERROR_DENIED);
  expect_mapped (client, 403, "text/html", "<html><body><h1>Not Authorized</h1></body></html>", NULL,
                 SA_CLIENT_ERROR_INVALID_RESPONSE, SA_CISCO_ERROR_NOT_JSON);
  expect_mapped (client, 429, "application/json", "{}", "3600",
                 SA_CLIENT_ERROR_SERVER_ERROR, SA_CISCO_ERROR_RATE_LIMITED);
  expect_mapped (client, 503, "application/json", "{}", NULL,
                 SA_CLIENT_ERROR_SERVER_ERROR, SA_CISCO_ERROR_SERVER_ERROR);
  expect_mapped (client, 200, "application/json", "[1, 2]", NULL,
                 SA_CLIENT_ERROR_INVALID_RESPONSE, SA_CISCO_ERROR_BAD_REPLY);

  /* Cisco's "ERROR" quotes its statusMessage. */
  {
    g_autoptr(GListModel) accounts = NULL;
    g_autoptr(GError) error = NULL;

    cisco_mimic_add_fault (mimic, MIMIC_SAL_PATH, 1, 400, "application/json",
                           "{\"status\":\"ERROR\",\"statusMessage\":\"Domain is malformed\"}", NULL);
    accounts = list_my_accounts (client, &error);
    g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_FAILED);
    g_assert_nonnull (strstr (error->message, "“Domain is malformed”"));
  }

  /* No network. */
  {
    g_autoptr(GSocketListener) listener = g_socket_listener_new ();
    g_autoptr(SaCiscoApi) api = NULL;
    g_autoptr(SaClient) offline = NULL;
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *identity = NULL;
    GAsyncResult *slot = NULL;
    guint16 port;

    port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
    g_assert_no_error (error);
    g_socket_listener_close (listener);

    identity = g_strdup_printf ("http://127.0.0.1:%u/oauth2/default/v1/token", port);
    api = sa_cisco_api_new (identity, "http://127.0.0.1:1/x", "http://127.0.0.1:1/y");
    offline = sa_cisco_client_new (api);
    sa_client_sign_in_async (offline, MIMIC_CLIENT_ID, MIMIC_CLIENT_SECRET, NULL, core_test_on_ready, &slot);
    result = core_test_wait (&slot);
    g_assert_false (sa_client_sign_in_finish (offline, result, &error));
    g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_NETWORK);
    assert_cisco_message (error, SA_CISCO_ERROR_NO_NETWORK);
  }
}

static void
test_token_renewal (void)
{
  g_autoptr(SaClient) client = NULL;
  g_autoptr(GError) error = NULL;

  set_up ();
  cisco_mimic_set_expires_in (mimic, 2);
  client = new_client (TRUE);
  g_assert_cmpuint (cisco_mimic_count (mimic, MIMIC_TOKEN_PATH), ==, 1);

  /* Within its lifetime, the token is reused. */
  {
    g_autoptr(GListModel) accounts = list_my_accounts (client, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (cisco_mimic_count (mimic, MIMIC_TOKEN_PATH), ==, 1);
  }

  /* Renewed before it runs out, without a refused call. */
  core_test_sleep (2100);
  {
    g_autoptr(GListModel) accounts = list_my_accounts (client, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (cisco_mimic_count (mimic, MIMIC_TOKEN_PATH), ==, 2);
    g_assert_cmpuint (cisco_mimic_count_status (mimic, 401), ==, 0);
  }

  /* Revoked on Cisco's side: renewed once after the 401, the call sent again. */
  cisco_mimic_set_expires_in (mimic, 3599);
  cisco_mimic_expire_tokens (mimic);
  {
    g_autoptr(GListModel) licenses = find_licenses (client, "104857601", NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (licenses), ==, 1);
    g_assert_cmpuint (cisco_mimic_count (mimic, MIMIC_TOKEN_PATH), ==, 3);
    g_assert_true (sa_client_get_signed_in (client));
  }
}

static gboolean
cancel_later (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (void)
{
  g_autoptr(SaClient) client = new_client (TRUE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GListModel) licenses = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  set_up ();
  cisco_mimic_set_delay (mimic, 3000);
  g_timeout_add (100, cancel_later, cancellable);
  start = g_get_monotonic_time ();
  licenses = find_licenses (client, "104857601", cancellable, &error);
  g_assert_null (licenses);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  cisco_mimic_set_delay (mimic, 0);

  /* Cancelled before the call: the same error, at once. */
  g_clear_error (&error);
  {
    g_autoptr(GAsyncResult) result = NULL;
    GAsyncResult *slot = NULL;
    g_autoptr(SaOrder) order = NULL;

    sa_client_get_order_async (client, "104857601", cancellable, core_test_on_ready, &slot);
    result = core_test_wait (&slot);
    order = sa_client_get_order_finish (client, result, &error);
    g_assert_null (order);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }
}

/* ------------------------------------------------------------------------ */
/* Test Connection (sa-cisco-diagnosis.c) */

static SaCiscoDiagnosis
diagnose (SaCiscoApi  *api,
          char       **title,
          char       **message)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  SaCiscoDiagnosis diagnosis;

  sa_cisco_diagnose_async (api, NULL, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  diagnosis = sa_cisco_diagnose_finish (api, result, title, message, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*title);
  g_assert_nonnull (*message);
  return diagnosis;
}

static void
expect_diagnosis (SaCiscoApi       *api,
                  SaCiscoDiagnosis  expected,
                  const char       *in_message)
{
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;

  g_assert_cmpint (diagnose (api, &title, &message), ==, expected);
  if (in_message != NULL && strstr (message, in_message) == NULL)
    g_error ("Diagnosis %d: “%s” not in “%s”", expected, in_message, message);
  set_up ();
}

static void
test_diagnosis (void)
{
  g_autoptr(SaCiscoApi) api = cisco_mimic_new_api (mimic);
  g_autoptr(SaCiscoApi) wrong = cisco_mimic_new_api (mimic);
  g_autoptr(SaCiscoApi) empty = cisco_mimic_new_api (mimic);

  set_up ();
  sa_cisco_api_set_credentials (wrong, MIMIC_CLIENT_ID, "not-the-secret");
  sa_cisco_api_set_credentials (empty, NULL, NULL);

  expect_diagnosis (api, SA_CISCO_DIAGNOSIS_CONNECTED, "1 Smart Account is visible");
  cisco_mimic_add_fault (mimic, MIMIC_SAL_PATH "/v2/accounts", 1, 200, "application/json",
                         "{\"accounts\":[],\"status\":\"SUCCESS\",\"statusMessage\":\"\"}", NULL);
  expect_diagnosis (api, SA_CISCO_DIAGNOSIS_NO_SMART_ACCOUNT, "no role on any Smart Account");
  expect_diagnosis (wrong, SA_CISCO_DIAGNOSIS_INVALID_CLIENT, "30 minutes");
  cisco_mimic_add_fault (mimic, MIMIC_SAL_PATH, 1, 403, "application/json", "{\"message\":\"Invalid Client\"}", NULL);
  expect_diagnosis (api, SA_CISCO_DIAGNOSIS_ACCESS_NOT_APPROVED, "Invalid Client");
  cisco_mimic_add_fault (mimic, MIMIC_SAL_PATH, 1, 429, "application/json", "{}", "3600");
  expect_diagnosis (api, SA_CISCO_DIAGNOSIS_RATE_LIMITED, "Wait a few minutes");
  cisco_mimic_add_fault (mimic, MIMIC_SAL_PATH, 1, 403, "text/html", "<html><h1>Not Authorized</h1></html>", NULL);
  expect_diagnosis (api, SA_CISCO_DIAGNOSIS_NOT_JSON, "web page");
  cisco_mimic_add_fault (mimic, MIMIC_SAL_PATH, 1, 500, "application/json", "{}", NULL);
  expect_diagnosis (api, SA_CISCO_DIAGNOSIS_FAILED, NULL);
  expect_diagnosis (empty, SA_CISCO_DIAGNOSIS_NO_CREDENTIALS, "Client ID and Client Secret");

  /* A fresh token every time: the test does not trust one held. */
  for (guint i = 1; i <= 2; i++)
    {
      g_autofree char *title = NULL;
      g_autofree char *message = NULL;

      g_assert_cmpint (diagnose (api, &title, &message), ==, SA_CISCO_DIAGNOSIS_CONNECTED);
      g_assert_cmpuint (cisco_mimic_count (mimic, MIMIC_TOKEN_PATH), ==, i);
    }

  /* Nobody listening. */
  {
    g_autoptr(GSocketListener) listener = g_socket_listener_new ();
    g_autoptr(SaCiscoApi) offline = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *identity = NULL;
    guint16 port;

    port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
    g_assert_no_error (error);
    g_socket_listener_close (listener);
    identity = g_strdup_printf ("http://127.0.0.1:%u/oauth2/default/v1/token", port);
    offline = sa_cisco_api_new (identity, "http://127.0.0.1:1/x", "http://127.0.0.1:1/y");
    sa_cisco_api_set_credentials (offline, MIMIC_CLIENT_ID, MIMIC_CLIENT_SECRET);
    expect_diagnosis (offline, SA_CISCO_DIAGNOSIS_NO_NETWORK, "network");
  }

  /* Cancelled: an error, no diagnosis. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *title = NULL;
    GAsyncResult *slot = NULL;

    g_cancellable_cancel (cancellable);
    sa_cisco_diagnose_async (api, cancellable, core_test_on_ready, &slot);
    result = core_test_wait (&slot);
    g_assert_cmpint (sa_cisco_diagnose_finish (api, result, &title, NULL, &error), ==, SA_CISCO_DIAGNOSIS_FAILED);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_null (title);
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  core_test_init_l10n (NULL);
  g_test_init (&argc, &argv, NULL);

  mimic = cisco_mimic_new (NULL);

  g_test_add_func ("/cisco/client/features", test_features);
  g_test_add_func ("/cisco/client/writes-not-supported", test_writes_not_supported);
  g_test_add_func ("/cisco/client/sign-in", test_sign_in);
  g_test_add_func ("/cisco/client/not-signed-in", test_not_signed_in);
  g_test_add_func ("/cisco/client/orders", test_orders);
  g_test_add_func ("/cisco/client/orders/not-found", test_order_not_found);
  g_test_add_func ("/cisco/client/accounts", test_accounts);
  g_test_add_func ("/cisco/client/virtual-accounts", test_virtual_accounts);
  g_test_add_func ("/cisco/client/my-accounts", test_my_accounts);
  g_test_add_func ("/cisco/client/licenses", test_licenses);
  g_test_add_func ("/cisco/client/licenses/by-order", test_licenses_by_order);
  g_test_add_func ("/cisco/client/errors", test_errors_mapped);
  g_test_add_func ("/cisco/client/token-renewal", test_token_renewal);
  g_test_add_func ("/cisco/client/cancel", test_cancel);
  g_test_add_func ("/cisco/diagnosis", test_diagnosis);

  status = g_test_run ();
  cisco_mimic_free (mimic);
  return status;
}
