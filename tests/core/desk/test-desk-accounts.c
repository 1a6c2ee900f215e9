/* test-desk-accounts.c — the Desk client's Smart Account search and Virtual Accounts against the sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "desk-test-util.h"

/* ------------------------------------------------------------------------ */
/* Smart Accounts and Virtual Accounts */

static void
test_search_accounts (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(GError) error = NULL;

  /* By domain, partial. */
  {
    g_autoptr(GListModel) found = search_accounts (client, SA_ACCOUNT_SEARCH_DOMAIN, "acme-indus", -1, &error);
    g_autoptr(SaSmartAccount) acme = NULL;

    g_assert_no_error (error);
    g_assert_true (g_list_model_get_item_type (found) == SA_TYPE_SMART_ACCOUNT);
    acme = model_find_account (found, DOMAIN_CUSTOMER, SA_ACCOUNT_TYPE_CUSTOMER);
    g_assert_nonnull (acme);
    g_assert_cmpstr (sa_smart_account_get_name (acme), ==, "Acme Industrie");
    g_assert_cmpint (sa_smart_account_get_status (acme), ==, SA_ACCOUNT_STATUS_ACTIVE);
  }

  /* By name, case-insensitive. */
  {
    g_autoptr(GListModel) found = search_accounts (client, SA_ACCOUNT_SEARCH_NAME, "sakura trading", -1, &error);
    g_autoptr(SaSmartAccount) sakura = NULL;

    g_assert_no_error (error);
    sakura = model_find_account (found, DOMAIN_JAPANESE_VA, SA_ACCOUNT_TYPE_CUSTOMER);
    g_assert_nonnull (sakura);
  }

  /* By e-mail. */
  {
    g_autoptr(GListModel) found = search_accounts (client, SA_ACCOUNT_SEARCH_EMAIL, "it@acme-industrie.fr", -1, &error);
    g_autoptr(SaSmartAccount) acme = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
    acme = g_list_model_get_item (found, 0);
    g_assert_cmpstr (sa_smart_account_get_email (acme), ==, "it@acme-industrie.fr");
  }

  /* Two accounts share a domain; the type filter picks one. */
  {
    g_autoptr(GListModel) both = search_accounts (client, SA_ACCOUNT_SEARCH_DOMAIN, DOMAIN_SHARED, -1, &error);
    g_autoptr(GListModel) holding = NULL;
    g_autoptr(GListModel) customer = NULL;
    g_autoptr(SaSmartAccount) h = NULL;
    g_autoptr(SaSmartAccount) c = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (both), ==, 2);

    holding = search_accounts (client, SA_ACCOUNT_SEARCH_DOMAIN, DOMAIN_SHARED, SA_ACCOUNT_TYPE_HOLDING, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (holding), ==, 1);
    h = g_list_model_get_item (holding, 0);
    g_assert_cmpint (sa_smart_account_get_account_type (h), ==, SA_ACCOUNT_TYPE_HOLDING);

    customer = search_accounts (client, SA_ACCOUNT_SEARCH_DOMAIN, DOMAIN_SHARED, SA_ACCOUNT_TYPE_CUSTOMER, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (customer), ==, 1);
    c = g_list_model_get_item (customer, 0);
    g_assert_cmpint (sa_smart_account_get_account_type (c), ==, SA_ACCOUNT_TYPE_CUSTOMER);
  }

  /* Every HOLDING result is a HOLDING account. */
  {
    g_autoptr(GListModel) found = search_accounts (client, SA_ACCOUNT_SEARCH_DOMAIN, ".", SA_ACCOUNT_TYPE_HOLDING, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (found), >=, 2);
    for (guint i = 0; i < g_list_model_get_n_items (found); i++)
      {
        g_autoptr(SaSmartAccount) account = g_list_model_get_item (found, i);

        g_assert_cmpint (sa_smart_account_get_account_type (account), ==, SA_ACCOUNT_TYPE_HOLDING);
      }
  }

  /* SQL-like names are just text that matches nothing. */
  {
    g_autoptr(GListModel) found = search_accounts (client, SA_ACCOUNT_SEARCH_NAME, "' OR '1'='1", -1, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (found), ==, 0);
  }

  /* Local validation. */
  {
    g_autoptr(GListModel) found = search_accounts (client, SA_ACCOUNT_SEARCH_NAME, "", -1, &error);

    g_assert_null (found);
    g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
  }
}

static void
test_virtual_accounts (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(GListModel) vas = NULL;
  g_autoptr(SaVirtualAccount) first = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found_japanese = FALSE;
  guint n_default = 0;

  vas = list_virtual_accounts (client, DOMAIN_JAPANESE_VA, SA_ACCOUNT_TYPE_CUSTOMER, &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (vas) == SA_TYPE_VIRTUAL_ACCOUNT);
  g_assert_cmpuint (g_list_model_get_n_items (vas), >=, 2);

  first = g_list_model_get_item (vas, 0);
  g_assert_cmpstr (sa_virtual_account_get_name (first), ==, "DEFAULT");
  g_assert_true (sa_virtual_account_get_is_default (first));

  for (guint i = 0; i < g_list_model_get_n_items (vas); i++)
    {
      g_autoptr(SaVirtualAccount) va = g_list_model_get_item (vas, i);

      if (sa_virtual_account_get_is_default (va))
        n_default++;
      /* Byte for byte, as the server stored it. */
      if (strcmp (sa_virtual_account_get_name (va), JAPANESE_VA) == 0)
        found_japanese = TRUE;
    }
  g_assert_true (found_japanese);
  g_assert_cmpuint (n_default, ==, 1);

  /* The Japanese Virtual Account can be assigned and reads back intact. */
  {
    g_autoptr(SaOrder) order = get_order (client, ORDER_UNASSIGNED, &error);
    g_autoptr(SaAssignment) slot = slot_new (DOMAIN_JAPANESE_VA, SA_ACCOUNT_TYPE_CUSTOMER, JAPANESE_VA);
    g_autoptr(SaOrder) updated = NULL;
    g_autoptr(SaOrder) reread = NULL;

    g_assert_no_error (error);
    updated = update_assignment (client, order, slot, NULL, TRUE, &error);
    g_assert_no_error (error);
    reread = get_order (client, ORDER_UNASSIGNED, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (sa_assignment_get_virtual_account (sa_order_get_end_customer (reread)), ==, JAPANESE_VA);
    g_assert_nonnull (updated);
  }

  /* The shared domain: each type has its own Virtual Accounts. */
  {
    g_autoptr(GListModel) holding_vas = list_virtual_accounts (client, DOMAIN_SHARED, SA_ACCOUNT_TYPE_HOLDING, &error);
    g_autoptr(GListModel) customer_vas = NULL;
    gboolean has_stock = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < g_list_model_get_n_items (holding_vas); i++)
      {
        g_autoptr(SaVirtualAccount) va = g_list_model_get_item (holding_vas, i);

        has_stock |= g_str_equal (sa_virtual_account_get_name (va), "Stock");
      }
    g_assert_true (has_stock);

    customer_vas = list_virtual_accounts (client, DOMAIN_SHARED, SA_ACCOUNT_TYPE_CUSTOMER, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < g_list_model_get_n_items (customer_vas); i++)
      {
        g_autoptr(SaVirtualAccount) va = g_list_model_get_item (customer_vas, i);

        g_assert_cmpstr (sa_virtual_account_get_name (va), !=, "Stock");
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/desk/client/accounts/search", test_search_accounts);
  g_test_add_func ("/desk/client/accounts/virtual-accounts", test_virtual_accounts);

  return desk_test_run ();
}
