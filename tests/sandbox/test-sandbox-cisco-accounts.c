/* test-sandbox-cisco-accounts.c — Smart Accounts and Virtual Accounts under
 * Cisco's paths over loopback: search (substring, type, paging, restricted
 * accounts only by their whole domain or name, title-case statuses, numeric
 * id), /v2/accounts with roles, Virtual Accounts (type in any case,
 * isDefault a string, a double-byte name), and the refusals in Cisco's shape
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sandbox-cisco-test-util.h"

#define SEARCH SAL "/v1/accounts/search?"

/* GET search?@query: the accounts (owned by *holder); asserts 200, SUCCESS. */
static JsonArray *
search (SbtFixture  *f,
        const char  *token,
        const char  *query,
        gint64      *total,
        JsonNode   **holder)
{
  g_autofree char *path = g_strconcat (SEARCH, query, NULL);
  g_auto(SctReply) reply = { 0 };
  JsonObject *object;

  sct_get (f, token, path, &reply);
  g_assert_cmpuint (reply.status, ==, 200);
  object = json_node_get_object (reply.json);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "SUCCESS");
  g_assert_cmpstr (json_object_get_string_member (object, "statusMessage"), ==, "");
  if (total != NULL)
    *total = json_object_get_int_member (object, "totalRecords");
  *holder = g_steal_pointer (&reply.json);

  return json_object_get_array_member (json_node_get_object (*holder), "accounts");
}

static guint
count_found (SbtFixture *f,
             const char *token,
             const char *query)
{
  g_autoptr(JsonNode) holder = NULL;
  gint64 total = 0;
  JsonArray *accounts = search (f, token, query, &total, &holder);

  g_assert_cmpint (total, ==, json_array_get_length (accounts));

  return json_array_get_length (accounts);
}

static void
test_search (SbtFixture    *f,
             gconstpointer  data)
{
  g_autofree char *token = sct_sign_in (f);
  g_autoptr(JsonNode) holder = NULL;
  JsonArray *accounts;
  JsonObject *acme;

  /* CISCO-APIS.md §6.3's shape, Acme's values */
  accounts = search (f, token, "domain=acme&type=CUSTOMER&limit=50&offset=0", NULL, &holder);
  g_assert_cmpuint (json_array_get_length (accounts), ==, 1);
  acme = json_array_get_object_element (accounts, 0);
  g_assert_cmpuint (json_object_get_size (acme), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (acme, "domain"), ==, DOMAIN_ACME);
  g_assert_cmpstr (json_object_get_string_member (acme, "name"), ==, "Acme Industrie");
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (acme, "id")), ==, G_TYPE_INT64);
  g_assert_cmpint (json_object_get_int_member (acme, "id"), ==, 100001);
  g_assert_cmpstr (json_object_get_string_member (acme, "type"), ==, "CUSTOMER");
  g_assert_cmpstr (json_object_get_string_member (acme, "status"), ==, "Active");

  /* a substring, any case, both types unless asked */
  g_assert_cmpuint (count_found (f, token, "domain=NorthWind"), ==, 2);
  g_assert_cmpuint (count_found (f, token, "domain=northwind&type=HOLDING"), ==, 1);
  g_assert_cmpuint (count_found (f, token, "domain=northwind&type=customer"), ==, 1);
  g_assert_cmpuint (count_found (f, token, "name=s.r.l"), ==, 1);   /* the restricted Vigneti is not found */
  g_assert_cmpuint (count_found (f, token, "name=Acme&domain=acme-industrie"), ==, 1);
  g_assert_cmpuint (count_found (f, token, "name=Acme&domain=northwind"), ==, 0);
  g_assert_cmpuint (count_found (f, token, "domain=nobody.example"), ==, 0);
  g_assert_cmpuint (count_found (f, token, "domain=.example&limit=1000"), ==, 12);

  /* a Pending account, in title case; an expired request's account is gone */
  g_clear_pointer (&holder, json_node_unref);
  accounts = search (f, token, "domain=boulangeries", NULL, &holder);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (accounts, 0), "status"), ==,
                   "Pending");
  g_clear_pointer (&holder, json_node_unref);
  accounts = search (f, token, "domain=harbour", NULL, &holder);
  g_assert_cmpuint (json_array_get_length (accounts), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (accounts, 0), "name"), ==,
                   "Blue Harbour Holding");
}

static void
test_search_restricted (SbtFixture    *f,
                        gconstpointer  data)
{
  g_autofree char *token = sct_sign_in (f);

  /* found only by the whole domain or name (any case) */
  g_assert_cmpuint (count_found (f, token, "domain=groupe-hexagone"), ==, 0);
  g_assert_cmpuint (count_found (f, token, "domain=" DOMAIN_SHARED_RESTRICTED), ==, 2);
  g_assert_cmpuint (count_found (f, token, "domain=GROUPE-HEXAGONE.EXAMPLE&type=HOLDING"), ==, 1);
  g_assert_cmpuint (count_found (f, token, "name=vigneti"), ==, 0);
  g_assert_cmpuint (count_found (f, token, "name=Vigneti%20dei%20Colli%20S.r.l."), ==, 1);
  g_assert_cmpuint (count_found (f, token, "name=%20vigneti%20dei%20colli%20s.r.l.%20"), ==, 1);
  /* access does not change Cisco's search rule */
  g_assert_cmpuint (count_found (f, token, "domain=lagune"), ==, 0);
  g_assert_cmpuint (count_found (f, token, "domain=" DOMAIN_APPROVED), ==, 1);
}

static void
test_search_paging (SbtFixture    *f,
                    gconstpointer  data)
{
  g_autofree char *token = sct_sign_in (f);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint offset, i;

  for (offset = 0; offset < 12 + 5; offset += 5)
    {
      g_autofree char *query = g_strdup_printf ("domain=.example&limit=5&offset=%u", offset);
      g_autoptr(JsonNode) holder = NULL;
      gint64 total = 0;
      JsonArray *accounts = search (f, token, query, &total, &holder);

      g_assert_cmpint (total, ==, 12);
      g_assert_cmpuint (json_array_get_length (accounts), ==, offset >= 12 ? 0 : MIN (5, 12 - offset));
      for (i = 0; i < json_array_get_length (accounts); i++)
        {
          JsonObject *account = json_array_get_object_element (accounts, i);
          g_autofree char *key = g_strdup_printf ("%s/%s", json_object_get_string_member (account, "domain"),
                                                  json_object_get_string_member (account, "type"));

          g_assert_true (g_hash_table_add (seen, g_steal_pointer (&key)));
        }
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 12);

  /* the default page is 50 */
  g_assert_cmpuint (count_found (f, token, "domain=e"), ==, 13);
}

static void
test_search_refused (SbtFixture    *f,
                     gconstpointer  data)
{
  static const char *const bad[] = {
    "", "type=CUSTOMER", "domain=", "domain=%20%20", "name=", "domain=acme&type=PARTNER",
    "domain=acme&limit=0", "domain=acme&limit=1001", "domain=acme&limit=abc", "domain=acme&limit=-1",
    "domain=acme&offset=-1", "domain=acme&offset=x", "domain=acme&limit=99999999999999999999",
    "domain=a%00b", "domain=%FF", "domain=acme&limit=+5",
  };
  g_autofree char *token = sct_sign_in (f);
  guint i;

  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = g_strconcat (SEARCH, bad[i], NULL);
      g_auto(SctReply) reply = { 0 };

      g_test_message ("%s", path);
      sct_get (f, token, path, &reply);
      sct_assert_cisco_error (&reply, 400);
    }
}

/* ------------------------------------------------------------------------ */
/* /v2/accounts                                                              */

static JsonArray *
list_access (SbtFixture  *f,
             const char  *token,
             const char  *query,
             JsonNode   **holder)
{
  g_autofree char *path = g_strconcat (SAL "/v2/accounts", query, NULL);
  g_auto(SctReply) reply = { 0 };

  sct_get (f, token, path, &reply);
  g_assert_cmpuint (reply.status, ==, 200);
  g_assert_cmpstr (sbt_get_string (reply.json, "status"), ==, "SUCCESS");
  *holder = g_steal_pointer (&reply.json);

  return json_object_get_array_member (json_node_get_object (*holder), "accounts");
}

static void
test_account_access (SbtFixture    *f,
                     gconstpointer  data)
{
  g_autofree char *token = sct_sign_in (f);
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(JsonNode) expected = json_from_string (
    "{\"accountName\": \"Acme Industrie\", \"accountDomain\": \"acme-industrie.fr\","
    " \"accountStatus\": \"Active\", \"accountType\": \"CUSTOMER\","
    " \"roles\": [{\"role\": \"Smart Account User\"},"
    "           {\"role\": \"Virtual Account Administrator\", \"virtualAccount\": \"DEFAULT\"}]}", NULL);
  JsonArray *accounts;
  const char *previous = "";
  guint i;

  accounts = list_access (f, token, "", &holder);
  g_assert_cmpuint (json_array_get_length (accounts), ==, N_ROLE_ACCOUNTS);
  /* CISCO-APIS.md §6.4, as it is */
  g_assert_true (json_node_equal (json_array_get_element (accounts, 0), expected));

  for (i = 0; i < json_array_get_length (accounts); i++)
    {
      JsonObject *account = json_array_get_object_element (accounts, i);
      const char *name = json_object_get_string_member (account, "accountName");

      g_assert_false (json_object_has_member (account, "id"));  /* /v2 has none */
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (account, "roles")), >, 0);
      g_assert_cmpint (g_utf8_collate (previous, name), <=, 0);
      previous = name;
      if (g_str_equal (json_object_get_string_member (account, "accountDomain"), DOMAIN_DELORME))
        g_assert_cmpstr (json_object_get_string_member (account, "accountStatus"), ==, "Pending");
      if (g_str_equal (json_object_get_string_member (account, "accountDomain"), DOMAIN_APPROVED))
        g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                           json_object_get_array_member (account, "roles"), 0), "role"), ==,
                         "Smart Account User");
    }

  /* one domain (any case): both accounts of a shared one */
  g_clear_pointer (&holder, json_node_unref);
  g_assert_cmpuint (json_array_get_length (list_access (f, token, "?domain=" DOMAIN_NORTHWIND, &holder)), ==, 2);
  g_clear_pointer (&holder, json_node_unref);
  g_assert_cmpuint (json_array_get_length (list_access (f, token, "?domain=ACME-Industrie.fr", &holder)), ==, 1);
  g_clear_pointer (&holder, json_node_unref);
  g_assert_cmpuint (json_array_get_length (list_access (f, token, "?domain=acme", &holder)), ==, 0);

  {
    g_auto(SctReply) reply = { 0 };

    sct_get (f, token, SAL "/v2/accounts?domain=", &reply);
    sct_assert_cisco_error (&reply, 400);
  }
}

/* An approved access request gives a role; a denied one none. */
static void
test_account_access_approved (SbtFixture    *f,
                              gconstpointer  data)
{
  g_autofree char *token = sct_sign_in (f);
  g_autoptr(JsonNode) decided = NULL;
  g_autoptr(JsonNode) holder = NULL;
  guint status;

  decided = sbt_fixture_call (f, "POST", "/sandbox/access-requests/" XR_PENDING "/decide",
                              "{\"decision\": \"approve\"}", &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpuint (json_array_get_length (list_access (f, token, "", &holder)), ==, N_ROLE_ACCOUNTS + 1);
  g_clear_pointer (&holder, json_node_unref);
  g_assert_cmpuint (json_array_get_length (list_access (f, token, "?domain=atelier-meridien.example", &holder)),
                    ==, 1);
  g_clear_pointer (&holder, json_node_unref);
  g_assert_cmpuint (json_array_get_length (list_access (f, token, "?domain=nordlicht-energie.example", &holder)),
                    ==, 0);
}

/* ------------------------------------------------------------------------ */
/* Virtual Accounts                                                          */

static JsonArray *
list_virtual_accounts (SbtFixture  *f,
                       const char  *token,
                       const char  *domain,
                       const char  *type,
                       JsonNode   **holder)
{
  g_autofree char *path = g_strdup_printf (SAL "/v1/accounts/%s/%s/virtual-accounts", domain, type);
  g_auto(SctReply) reply = { 0 };

  sct_get (f, token, path, &reply);
  g_assert_cmpuint (reply.status, ==, 200);
  g_assert_cmpstr (sbt_get_string (reply.json, "status"), ==, "SUCCESS");
  *holder = g_steal_pointer (&reply.json);

  return json_object_get_array_member (json_node_get_object (*holder), "virtualAccounts");
}

static void
test_virtual_accounts (SbtFixture    *f,
                       gconstpointer  data)
{
  static const char *const types[] = { "customer", "CUSTOMER", "Customer" };
  g_autofree char *token = sct_sign_in (f);
  guint i;

  for (i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(JsonNode) holder = NULL;
      JsonArray *list = list_virtual_accounts (f, token, DOMAIN_SAKURA, types[i], &holder);
      JsonObject *first, *tokyo;

      g_assert_cmpuint (json_array_get_length (list), ==, 3);
      first = json_array_get_object_element (list, 0);
      tokyo = json_array_get_object_element (list, 1);
      g_assert_cmpuint (json_object_get_size (first), ==, 4);
      g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "DEFAULT");
      g_assert_cmpstr (json_object_get_string_member (first, "isDefault"), ==, "true");  /* a string */
      g_assert_cmpstr (json_object_get_string_member (first, "commerceAccessLevel"), ==, "PUBLIC");
      g_assert_cmpstr (json_object_get_string_member (tokyo, "name"), ==, "東京オフィス");
      g_assert_cmpstr (json_object_get_string_member (tokyo, "isDefault"), ==, "false");
      g_assert_true (json_object_has_member (tokyo, "description"));
    }

  /* a shared domain: the type picks the account */
  {
    g_autoptr(JsonNode) holding = NULL;
    g_autoptr(JsonNode) customer = NULL;
    JsonArray *h = list_virtual_accounts (f, token, DOMAIN_NORTHWIND, "holding", &holding);
    JsonArray *c = list_virtual_accounts (f, token, DOMAIN_NORTHWIND, "CUSTOMER", &customer);

    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (h, 1), "name"), ==, "Stock");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (c, 1), "name"), ==, "Demo Lab");
  }

  /* a restricted account with a role on it */
  {
    g_autoptr(JsonNode) holder = NULL;

    g_assert_cmpuint (json_array_get_length (list_virtual_accounts (f, token, DOMAIN_APPROVED, "customer", &holder)),
                      ==, 2);
  }
}

static void
test_virtual_accounts_refused (SbtFixture    *f,
                               gconstpointer  data)
{
  static const struct
  {
    const char *path;
    guint       status;
  } cases[] = {
    { SAL "/v1/accounts/" DOMAIN_ACME "/holding/virtual-accounts", 404 },
    { SAL "/v1/accounts/unknown.example/customer/virtual-accounts", 404 },
    { SAL "/v1/accounts/harbour-analytics.example/customer/virtual-accounts", 404 },   /* expired */
    { SAL "/v1/accounts/" DOMAIN_RESTRICTED "/customer/virtual-accounts", 404 },      /* no role */
    { SAL "/v1/accounts/" DOMAIN_ACME "/partner/virtual-accounts", 400 },
    { SAL "/v1/accounts/not%20a%20domain/customer/virtual-accounts", 400 },
  };
  g_autofree char *token = sct_sign_in (f);
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(SctReply) reply = { 0 };

      g_test_message ("%s", cases[i].path);
      sct_get (f, token, cases[i].path, &reply);
      sct_assert_cisco_error (&reply, cases[i].status);
    }

  /* refused by libsoup before the sandbox sees it */
  {
    g_auto(SctReply) reply = { 0 };

    sct_get (f, token, SAL "/v1/accounts/..%2F..%2Fetc/customer/virtual-accounts", &reply);
    g_assert_cmpuint (reply.status, ==, 400);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SBT_ADD ("cisco/accounts/search", test_search);
  SBT_ADD ("cisco/accounts/search/restricted", test_search_restricted);
  SBT_ADD ("cisco/accounts/search/paging", test_search_paging);
  SBT_ADD ("cisco/accounts/search/refused", test_search_refused);
  SBT_ADD ("cisco/accounts/access", test_account_access);
  SBT_ADD ("cisco/accounts/access/approved", test_account_access_approved);
  SBT_ADD ("cisco/accounts/virtual-accounts", test_virtual_accounts);
  SBT_ADD ("cisco/accounts/virtual-accounts/refused", test_virtual_accounts_refused);

  return g_test_run ();
}
