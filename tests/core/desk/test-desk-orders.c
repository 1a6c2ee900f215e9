/* test-desk-orders.c — the Desk client's orders and Smart Account assignment against the sandbox (procedures 1 and 2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "desk-test-util.h"

/* ------------------------------------------------------------------------ */
/* Orders */

static void
test_search_orders (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GError) error = NULL;
  guint total = 0;

  /* No filter: every order the trainee may see, never another partner's. */
  all = search_orders (client, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, NULL, 0, 100, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, >=, 30);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, total);
  g_assert_true (g_list_model_get_item_type (all) == SA_TYPE_ORDER);
  g_assert_true (model_has_order (all, ORDER_UNASSIGNED));
  g_assert_false (model_has_order (all, ORDER_OTHER_PARTNER));

  /* Search results carry no ETag. */
  {
    g_autoptr(SaOrder) first = g_list_model_get_item (all, 0);

    g_assert_null (sa_order_get_etag (first));
  }

  /* Each field, exact and partial, case-insensitive. */
  {
    struct {
      SaOrderSearchField field;
      const char *value;
    } cases[] = {
      { SA_ORDER_SEARCH_SALES_ORDER_NUMBER, ORDER_UNASSIGNED },
      { SA_ORDER_SEARCH_WEB_ORDER_ID, "WO73910452" },
      { SA_ORDER_SEARCH_WEB_ORDER_ID, "wo73910452" },
      { SA_ORDER_SEARCH_PURCHASE_ORDER_NUMBER, "PO-ACME-2291" },
      { SA_ORDER_SEARCH_PURCHASE_ORDER_NUMBER, "po-acme-2291" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(GListModel) found = NULL;
        g_autoptr(SaOrder) order = NULL;

        g_test_message ("search %s = %s",
                        sa_order_search_field_to_string (cases[i].field), cases[i].value);
        found = search_orders (client, cases[i].field, cases[i].value, 0, 0, &total, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
        g_assert_cmpuint (total, ==, 1);
        order = g_list_model_get_item (found, 0);
        g_assert_cmpstr (sa_order_get_sales_order_number (order), ==, ORDER_UNASSIGNED);
        g_assert_cmpstr (sa_order_get_web_order_id (order), ==, "WO73910452");
        g_assert_cmpstr (sa_order_get_purchase_order_number (order), ==, "PO-ACME-2291");
      }
  }

  /* Partial: every PO of Acme, and only those. */
  {
    g_autoptr(GListModel) found = search_orders (client, SA_ORDER_SEARCH_PURCHASE_ORDER_NUMBER,
                                                 "ACME", 0, 0, &total, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (found), >=, 2);
    for (guint i = 0; i < g_list_model_get_n_items (found); i++)
      {
        g_autoptr(SaOrder) order = g_list_model_get_item (found, i);
        g_autofree char *po = g_ascii_strup (sa_order_get_purchase_order_number (order), -1);

        g_assert_nonnull (strstr (po, "ACME"));
      }
    /* PO-ACME-BH-77 belongs to the other partner. */
    g_assert_false (model_has_order (found, "209715203"));
  }

  /* Another partner's order is not found at all. */
  {
    g_autoptr(GListModel) found = search_orders (client, SA_ORDER_SEARCH_SALES_ORDER_NUMBER,
                                                 ORDER_OTHER_PARTNER, 0, 0, &total, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (found), ==, 0);
    g_assert_cmpuint (total, ==, 0);
  }

  /* Hostile but valid text: no match, no error, data intact. */
  {
    g_autoptr(GListModel) found = search_orders (client, SA_ORDER_SEARCH_PURCHASE_ORDER_NUMBER,
                                                 "' OR '1'='1'; DROP TABLE orders;--", 0, 0,
                                                 &total, &error);
    g_autoptr(GListModel) again = NULL;
    guint total_again = 0;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (found), ==, 0);

    again = search_orders (client, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, NULL, 0, 100, &total_again, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (total_again, ==, g_list_model_get_n_items (all));
  }

  /* Invalid input is refused before sending. */
  {
    g_autoptr(GListModel) none = search_orders (client, SA_ORDER_SEARCH_SALES_ORDER_NUMBER,
                                                "12ab", 0, 0, NULL, &error);

    g_assert_null (none);
    g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
  }
}

static void
test_search_orders_paging (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(GListModel) page1 = NULL;
  g_autoptr(GListModel) page2 = NULL;
  g_autoptr(GListModel) beyond = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  guint total1 = 0, total2 = 0, total3 = 0;

  page1 = search_orders (client, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, NULL, 0, 10, &total1, &error);
  g_assert_no_error (error);
  page2 = search_orders (client, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, NULL, 10, 10, &total2, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (total1, >=, 30);
  g_assert_cmpuint (total1, ==, total2);
  g_assert_cmpuint (g_list_model_get_n_items (page1), ==, 10);
  g_assert_cmpuint (g_list_model_get_n_items (page2), ==, 10);

  /* The two pages do not overlap. */
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(SaOrder) a = g_list_model_get_item (page1, i);
      g_autoptr(SaOrder) b = g_list_model_get_item (page2, i);

      g_assert_true (g_hash_table_add (seen, g_strdup (sa_order_get_sales_order_number (a))));
      g_assert_true (g_hash_table_add (seen, g_strdup (sa_order_get_sales_order_number (b))));
    }

  beyond = search_orders (client, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, NULL, total1 + 5, 10, &total3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (beyond), ==, 0);
  g_assert_cmpuint (total3, ==, total1);
}

static void
test_get_order (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(SaOrder) order = NULL;
  g_autoptr(SaOrder) both = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_etag = NULL;

  order = get_order (client, ORDER_UNASSIGNED, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sa_order_get_sales_order_number (order), ==, ORDER_UNASSIGNED);
  g_assert_cmpint (sa_order_get_status (order), ==, SA_ORDER_STATUS_BOOKED);
  g_assert_null (sa_order_get_end_customer (order));
  g_assert_null (sa_order_get_holding (order));
  g_assert_true (sa_order_can_change_assignment (order));

  /* ETag: the version, quoted. */
  expected_etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", sa_order_get_version (order));
  g_assert_cmpstr (sa_order_get_etag (order), ==, expected_etag);

  both = get_order (client, ORDER_BOTH_SLOTS, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sa_order_get_end_customer (both));
  g_assert_nonnull (sa_order_get_holding (both));
  g_assert_cmpint (sa_assignment_get_account_type (sa_order_get_end_customer (both)), ==, SA_ACCOUNT_TYPE_CUSTOMER);
  g_assert_cmpint (sa_assignment_get_account_type (sa_order_get_holding (both)), ==, SA_ACCOUNT_TYPE_HOLDING);
  g_assert_cmpstr (sa_assignment_get_domain (sa_order_get_holding (both)), ==, DOMAIN_SHARED);

  /* A shipped order from the data. */
  {
    g_autoptr(SaOrder) shipped = get_order (client, ORDER_SHIPPED, &error);

    g_assert_no_error (error);
    g_assert_cmpint (sa_order_get_status (shipped), ==, SA_ORDER_STATUS_SHIPPED);
    g_assert_false (sa_order_can_change_assignment (shipped));
  }
}

static void
test_order_not_found (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(SaOrder) order = NULL;
  g_autoptr(SaOrder) fake = fake_order ("999999999", "\"1\"");
  g_autoptr(SaAssignment) slot = slot_new (DOMAIN_CUSTOMER, SA_ACCOUNT_TYPE_CUSTOMER, "DEFAULT");
  g_autoptr(SaOrder) updated = NULL;
  g_autoptr(GError) error = NULL;

  order = get_order (client, "999999999", &error);
  g_assert_null (order);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_ORDER_NOT_FOUND);
  g_clear_error (&error);

  updated = update_assignment (client, fake, slot, NULL, TRUE, &error);
  g_assert_null (updated);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_ORDER_NOT_FOUND);
  g_clear_error (&error);

  /* Not a number at all: refused locally. */
  g_clear_object (&order);
  order = get_order (client, "../profile", &error);
  g_assert_null (order);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
}

static void
test_not_authorized (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(SaOrder) order = NULL;
  g_autoptr(SaOrder) fake = fake_order (ORDER_OTHER_PARTNER, "\"1\"");
  g_autoptr(SaAssignment) slot = slot_new (DOMAIN_CUSTOMER, SA_ACCOUNT_TYPE_CUSTOMER, "DEFAULT");
  g_autoptr(SaOrder) updated = NULL;
  g_autoptr(GError) error = NULL;

  order = get_order (client, ORDER_OTHER_PARTNER, &error);
  g_assert_null (order);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_NOT_AUTHORIZED);
  g_clear_error (&error);

  updated = update_assignment (client, fake, slot, NULL, TRUE, &error);
  g_assert_null (updated);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_NOT_AUTHORIZED);
}

/* ------------------------------------------------------------------------ */
/* Changing the assignment */

static void
test_assign_success (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(SaOrder) order = NULL;
  g_autoptr(SaOrder) updated = NULL;
  g_autoptr(SaOrder) reread = NULL;
  g_autoptr(SaAssignment) end_customer = slot_new (DOMAIN_CUSTOMER, SA_ACCOUNT_TYPE_CUSTOMER, "DEFAULT");
  g_autoptr(SaAssignment) holding = slot_new (DOMAIN_SHARED, SA_ACCOUNT_TYPE_HOLDING, "Stock");
  g_autoptr(GError) error = NULL;

  order = get_order (client, ORDER_UNASSIGNED, &error);
  g_assert_no_error (error);
  g_assert_null (sa_order_get_end_customer (order));

  updated = update_assignment (client, order, end_customer, holding, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (updated);
  g_assert_cmpint (sa_order_get_version (updated), >, sa_order_get_version (order));
  g_assert_nonnull (sa_order_get_etag (updated));
  g_assert_cmpstr (sa_order_get_etag (updated), !=, sa_order_get_etag (order));
  g_assert_true (sa_assignment_equal (sa_order_get_end_customer (updated), end_customer));
  g_assert_true (sa_assignment_equal (sa_order_get_holding (updated), holding));
  g_assert_cmpstr (sa_assignment_get_name (sa_order_get_end_customer (updated)), ==, "Acme Industrie");

  /* The server kept it. */
  reread = get_order (client, ORDER_UNASSIGNED, &error);
  g_assert_no_error (error);
  g_assert_true (sa_assignment_equal (sa_order_get_end_customer (reread), end_customer));
  g_assert_true (sa_assignment_equal (sa_order_get_holding (reread), holding));
  g_assert_cmpint (sa_order_get_version (reread), ==, sa_order_get_version (updated));
  g_assert_cmpstr (sa_order_get_etag (reread), ==, sa_order_get_etag (updated));

  /* Changing one slot leaves the other as it is. */
  {
    g_autoptr(SaAssignment) other = slot_new (DOMAIN_CUSTOMER_2, SA_ACCOUNT_TYPE_CUSTOMER, "Pisa");
    g_autoptr(SaOrder) changed = update_assignment (client, reread, other, NULL, TRUE, &error);
    g_autoptr(SaOrder) final = NULL;

    g_assert_no_error (error);
    final = get_order (client, ORDER_UNASSIGNED, &error);
    g_assert_no_error (error);
    g_assert_true (sa_assignment_equal (sa_order_get_end_customer (final), other));
    g_assert_true (sa_assignment_equal (sa_order_get_holding (final), holding));
    g_assert_nonnull (changed);
  }
}

static void
test_assign_pending_account (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(SaSmartAccount) pending = NULL;
  g_autoptr(SaOrder) order = NULL;
  g_autoptr(SaOrder) updated = NULL;
  g_autoptr(SaAssignment) slot = NULL;
  g_autoptr(GError) error = NULL;

  accounts = search_accounts (client, SA_ACCOUNT_SEARCH_DOMAIN, DOMAIN_PENDING,
                              SA_ACCOUNT_TYPE_CUSTOMER, &error);
  g_assert_no_error (error);
  pending = model_find_account (accounts, DOMAIN_PENDING, SA_ACCOUNT_TYPE_CUSTOMER);
  g_assert_nonnull (pending);
  g_assert_cmpint (sa_smart_account_get_status (pending), ==, SA_ACCOUNT_STATUS_PENDING);

  order = get_order (client, ORDER_UNASSIGNED_3, &error);
  g_assert_no_error (error);

  slot = slot_new (DOMAIN_PENDING, SA_ACCOUNT_TYPE_CUSTOMER, "DEFAULT");
  updated = update_assignment (client, order, slot, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sa_assignment_get_domain (sa_order_get_end_customer (updated)), ==, DOMAIN_PENDING);
  g_assert_cmpint (sa_assignment_get_status (sa_order_get_end_customer (updated)), ==, SA_ACCOUNT_STATUS_PENDING);
}

static void
assert_update_fails (SaClient      *client,
                     const char    *number,
                     SaAssignment  *end_customer,
                     SaAssignment  *holding,
                     gboolean       terms,
                     SaClientError  expected)
{
  g_autoptr(SaOrder) order = NULL;
  g_autoptr(SaOrder) updated = NULL;
  g_autoptr(SaOrder) after = NULL;
  g_autoptr(GError) error = NULL;

  order = get_order (client, number, &error);
  g_assert_no_error (error);

  updated = update_assignment (client, order, end_customer, holding, terms, &error);
  g_assert_null (updated);
  g_assert_error (error, SA_CLIENT_ERROR, (int) expected);
  g_clear_error (&error);

  /* Nothing changed on the server. */
  after = get_order (client, number, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sa_order_get_version (after), ==, sa_order_get_version (order));
  g_assert_true (sa_assignment_equal (sa_order_get_end_customer (after), sa_order_get_end_customer (order)));
  g_assert_true (sa_assignment_equal (sa_order_get_holding (after), sa_order_get_holding (order)));
}

static void
test_assign_shipped (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(SaAssignment) slot = slot_new (DOMAIN_CUSTOMER, SA_ACCOUNT_TYPE_CUSTOMER, "DEFAULT");
  g_autoptr(SaOrder) shipped = NULL;
  g_autoptr(GError) error = NULL;

  /* Shipped in the training data. */
  assert_update_fails (client, ORDER_SHIPPED, slot, NULL, TRUE, SA_CLIENT_ERROR_ORDER_SHIPPED);

  /* Shipped now, through the sandbox. */
  g_assert_true (sandbox_ship (client, ORDER_UNASSIGNED_2, &error));
  g_assert_no_error (error);
  shipped = get_order (client, ORDER_UNASSIGNED_2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sa_order_get_status (shipped), ==, SA_ORDER_STATUS_SHIPPED);
  g_assert_false (sa_order_can_change_assignment (shipped));
  assert_update_fails (client, ORDER_UNASSIGNED_2, slot, NULL, TRUE, SA_CLIENT_ERROR_ORDER_SHIPPED);

  /* The user message names the documented route. */
  {
    g_autoptr(GError) shipped_error = g_error_new_literal (SA_CLIENT_ERROR, SA_CLIENT_ERROR_ORDER_SHIPPED, "");
    g_autofree char *message = sa_error_dup_user_message (shipped_error);

    g_assert_nonnull (strstr (message, "Support Case Manager"));
  }
}

static void
test_assign_wrong_account_type (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(SaAssignment) holding_in_ec = slot_new (DOMAIN_HOLDING_ONLY, SA_ACCOUNT_TYPE_CUSTOMER, "DEFAULT");
  g_autoptr(SaAssignment) customer_in_holding = slot_new (DOMAIN_CUSTOMER, SA_ACCOUNT_TYPE_HOLDING, "DEFAULT");

  assert_update_fails (client, ORDER_UNASSIGNED, holding_in_ec, NULL, TRUE,
                       SA_CLIENT_ERROR_WRONG_ACCOUNT_TYPE);
  assert_update_fails (client, ORDER_UNASSIGNED, NULL, customer_in_holding, TRUE,
                       SA_CLIENT_ERROR_WRONG_ACCOUNT_TYPE);
}

static void
test_assign_virtual_account_not_found (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(SaAssignment) unknown = slot_new (DOMAIN_CUSTOMER, SA_ACCOUNT_TYPE_CUSTOMER, "No Such VA");
  g_autoptr(SaAssignment) someone_elses = slot_new (DOMAIN_CUSTOMER, SA_ACCOUNT_TYPE_CUSTOMER, "Firenze");

  assert_update_fails (client, ORDER_UNASSIGNED, unknown, NULL, TRUE,
                       SA_CLIENT_ERROR_VIRTUAL_ACCOUNT_NOT_FOUND);
  /* "Firenze" exists, but belongs to another Smart Account. */
  assert_update_fails (client, ORDER_UNASSIGNED, someone_elses, NULL, TRUE,
                       SA_CLIENT_ERROR_VIRTUAL_ACCOUNT_NOT_FOUND);
}

static void
test_assign_terms_not_accepted (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(SaAssignment) slot = slot_new (DOMAIN_CUSTOMER, SA_ACCOUNT_TYPE_CUSTOMER, "DEFAULT");

  assert_update_fails (client, ORDER_UNASSIGNED, slot, NULL, FALSE,
                       SA_CLIENT_ERROR_TERMS_NOT_ACCEPTED);
}

static void
test_assign_smart_account_not_found (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(SaAssignment) slot = slot_new ("no-such-account.example", SA_ACCOUNT_TYPE_CUSTOMER, "DEFAULT");
  g_autoptr(GListModel) vas = NULL;
  g_autoptr(GError) error = NULL;

  assert_update_fails (client, ORDER_UNASSIGNED, slot, NULL, TRUE,
                       SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND);

  vas = list_virtual_accounts (client, "no-such-account.example", SA_ACCOUNT_TYPE_CUSTOMER, &error);
  g_assert_null (vas);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND);
}

static void
test_assign_version_conflict (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(SaClient) colleague = new_signed_in_client ();
  g_autoptr(SaOrder) mine = NULL;
  g_autoptr(SaOrder) theirs = NULL;
  g_autoptr(SaOrder) their_result = NULL;
  g_autoptr(SaOrder) my_result = NULL;
  g_autoptr(SaOrder) reloaded = NULL;
  g_autoptr(SaOrder) retried = NULL;
  g_autoptr(SaAssignment) their_slot = slot_new (DOMAIN_CUSTOMER, SA_ACCOUNT_TYPE_CUSTOMER, "DEFAULT");
  g_autoptr(SaAssignment) my_slot = slot_new (DOMAIN_CUSTOMER_2, SA_ACCOUNT_TYPE_CUSTOMER, "Firenze");
  g_autoptr(GError) error = NULL;

  mine = get_order (client, ORDER_UNASSIGNED, &error);
  g_assert_no_error (error);
  theirs = get_order (colleague, ORDER_UNASSIGNED, &error);
  g_assert_no_error (error);

  /* Someone else changes the order first ... */
  their_result = update_assignment (colleague, theirs, their_slot, NULL, TRUE, &error);
  g_assert_no_error (error);

  /* ... so my ETag is stale. */
  my_result = update_assignment (client, mine, my_slot, NULL, TRUE, &error);
  g_assert_null (my_result);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_VERSION_CONFLICT);
  g_clear_error (&error);

  reloaded = get_order (client, ORDER_UNASSIGNED, &error);
  g_assert_no_error (error);
  g_assert_true (sa_assignment_equal (sa_order_get_end_customer (reloaded), their_slot));

  /* After reloading, submitting again works. */
  retried = update_assignment (client, reloaded, my_slot, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (sa_assignment_equal (sa_order_get_end_customer (retried), my_slot));
}

static void
test_assign_precondition_required (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(GListModel) found = NULL;
  g_autoptr(SaOrder) from_search = NULL;
  g_autoptr(SaOrder) updated = NULL;
  g_autoptr(SaAssignment) slot = slot_new (DOMAIN_CUSTOMER, SA_ACCOUNT_TYPE_CUSTOMER, "DEFAULT");
  g_autoptr(GError) error = NULL;

  found = search_orders (client, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, ORDER_UNASSIGNED, 0, 0, NULL, &error);
  g_assert_no_error (error);
  from_search = g_list_model_get_item (found, 0);
  g_assert_null (sa_order_get_etag (from_search));

  /* Sent without If-Match: the server asks for it. */
  updated = update_assignment (client, from_search, slot, NULL, TRUE, &error);
  g_assert_null (updated);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_PRECONDITION_REQUIRED);
  g_clear_error (&error);

  /* No slot at all: refused locally. */
  updated = update_assignment (client, from_search, NULL, NULL, TRUE, &error);
  g_assert_null (updated);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/desk/client/orders/search", test_search_orders);
  g_test_add_func ("/desk/client/orders/paging", test_search_orders_paging);
  g_test_add_func ("/desk/client/orders/get", test_get_order);
  g_test_add_func ("/desk/client/orders/not-found", test_order_not_found);
  g_test_add_func ("/desk/client/orders/not-authorized", test_not_authorized);
  g_test_add_func ("/desk/client/assign/success", test_assign_success);
  g_test_add_func ("/desk/client/assign/pending-account", test_assign_pending_account);
  g_test_add_func ("/desk/client/assign/shipped", test_assign_shipped);
  g_test_add_func ("/desk/client/assign/wrong-account-type", test_assign_wrong_account_type);
  g_test_add_func ("/desk/client/assign/virtual-account-not-found", test_assign_virtual_account_not_found);
  g_test_add_func ("/desk/client/assign/terms-not-accepted", test_assign_terms_not_accepted);
  g_test_add_func ("/desk/client/assign/smart-account-not-found", test_assign_smart_account_not_found);
  g_test_add_func ("/desk/client/assign/version-conflict", test_assign_version_conflict);
  g_test_add_func ("/desk/client/assign/precondition-required", test_assign_precondition_required);

  return desk_test_run ();
}
