/* test-sandbox-accounts.c — Smart Account search and Virtual Accounts over loopback
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sandbox-test-util.h"

static void
test_account_search (SbtFixture    *f,
                     gconstpointer  data)
{
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;
  g_autoptr(JsonNode) c = NULL;
  g_autoptr(JsonNode) d = NULL;
  g_autoptr(JsonNode) e = NULL;
  g_autoptr(JsonNode) g = NULL;
  g_autoptr(JsonNode) h = NULL;
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(GHashTable) kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *accounts;
  JsonObject *account;
  static const char *const bad[] = {
    "/v1/accounts/search", "/v1/accounts/search?domain=acme&name=acme",
    "/v1/accounts/search?domain=acme&type=PARTNER", "/v1/accounts/search?domain=",
    "/v1/accounts/search?name=acme&limit=0",
  };
  guint i;

  accounts = sbt_get_list (f, "/v1/accounts/search?domain=northwind-networks", "accounts", &a);
  g_assert_cmpuint (json_array_get_length (accounts), ==, 2);
  accounts = sbt_get_list (f, "/v1/accounts/search?domain=NORTHWIND-networks.example&type=HOLDING", "accounts", &b);
  g_assert_cmpuint (json_array_get_length (accounts), ==, 1);
  account = json_array_get_object_element (accounts, 0);
  g_assert_cmpstr (json_object_get_string_member (account, "type"), ==, "HOLDING");
  g_assert_cmpstr (json_object_get_string_member (account, "name"), ==, "Northwind Networks Holding");
  g_assert_nonnull (json_object_get_string_member (account, "id"));
  g_assert_nonnull (json_object_get_string_member (account, "email"));

  accounts = sbt_get_list (f, "/v1/accounts/search?name=ferrovie", "accounts", &c);
  g_assert_cmpuint (json_array_get_length (accounts), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (accounts, 0), "domain"), ==,
                   "ferrovie-toscane.example");

  /* Unicode case folding */
  accounts = sbt_get_list (f, "/v1/accounts/search?name=H%C3%94TEL", "accounts", &d);
  g_assert_cmpuint (json_array_get_length (accounts), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (accounts, 0), "name"), ==,
                   "Hôtel Belle Rive");

  accounts = sbt_get_list (f, "/v1/accounts/search?email=dsi%40boulangeries", "accounts", &e);
  g_assert_cmpuint (json_array_get_length (accounts), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (accounts, 0), "status"), ==,
                   "PENDING");

  accounts = sbt_get_list (f, "/v1/accounts/search?name=nothing-like-this", "accounts", &g);
  g_assert_cmpuint (json_array_get_length (accounts), ==, 0);
  accounts = sbt_get_list (f, "/v1/accounts/search?domain=example&type=CUSTOMER&limit=2", "accounts", &h);
  g_assert_cmpuint (json_array_get_length (accounts), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (h), "totalRecords"), >, 2);

  /* the data: >= 10 accounts, ACTIVE and PENDING, CUSTOMER and HOLDING */
  accounts = sbt_get_list (f, "/v1/accounts/search?domain=.&limit=100", "accounts", &all);
  g_assert_cmpuint (json_array_get_length (accounts), >=, 10);
  for (i = 0; i < json_array_get_length (accounts); i++)
    {
      account = json_array_get_object_element (accounts, i);
      g_hash_table_add (kinds, g_strdup (json_object_get_string_member (account, "type")));
      g_hash_table_add (kinds, g_strdup (json_object_get_string_member (account, "status")));
    }
  g_assert_true (g_hash_table_contains (kinds, "CUSTOMER"));
  g_assert_true (g_hash_table_contains (kinds, "HOLDING"));
  g_assert_true (g_hash_table_contains (kinds, "ACTIVE"));
  g_assert_true (g_hash_table_contains (kinds, "PENDING"));

  sbt_assert_gets_refused (f, bad, G_N_ELEMENTS (bad), 400, "INVALID_REQUEST");
}

static void
test_virtual_accounts (SbtFixture    *f,
                       gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  JsonArray *vas;
  JsonObject *first;
  gboolean japanese = FALSE;
  guint status, i;

  node = sbt_fixture_call (f, "GET", "/v1/accounts/sakura-trading.example/CUSTOMER/virtual-accounts", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  vas = json_object_get_array_member (json_node_get_object (node), "virtualAccounts");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (node), "totalRecords"), ==,
                   json_array_get_length (vas));
  g_assert_cmpuint (json_array_get_length (vas), >=, 2);
  first = json_array_get_object_element (vas, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "DEFAULT");
  g_assert_true (json_object_get_boolean_member (first, "isDefault"));
  g_assert_nonnull (json_object_get_string_member (first, "description"));
  for (i = 1; i < json_array_get_length (vas); i++)
    {
      JsonObject *va = json_array_get_object_element (vas, i);

      g_assert_false (json_object_get_boolean_member (va, "isDefault"));
      japanese |= g_strcmp0 (json_object_get_string_member (va, "name"), "東京オフィス") == 0;
    }
  g_assert_true (japanese);

  /* the shared domain: the type picks the account */
  g_clear_pointer (&node, json_node_unref);
  node = sbt_fixture_call (f, "GET", "/v1/accounts/northwind-networks.example/HOLDING/virtual-accounts", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  vas = json_object_get_array_member (json_node_get_object (node), "virtualAccounts");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (vas, 1), "name"), ==, "Stock");

  sbt_assert_refused (f, "GET", "/v1/accounts/acme-industrie.fr/HOLDING/virtual-accounts", NULL, 404,
                      "SMART_ACCOUNT_NOT_FOUND");
  sbt_assert_refused (f, "GET", "/v1/accounts/nobody-here.example/CUSTOMER/virtual-accounts", NULL, 404,
                      "SMART_ACCOUNT_NOT_FOUND");
  sbt_assert_refused (f, "GET", "/v1/accounts/acme-industrie.fr/PARTNER/virtual-accounts", NULL, 400,
                      "INVALID_REQUEST");
  sbt_assert_refused (f, "GET", "/v1/accounts/acme'%20OR%201=1/CUSTOMER/virtual-accounts", NULL, 400,
                      "INVALID_REQUEST");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SBT_ADD ("accounts/search", test_account_search);
  SBT_ADD ("accounts/virtual-accounts", test_virtual_accounts);

  return g_test_run ();
}
