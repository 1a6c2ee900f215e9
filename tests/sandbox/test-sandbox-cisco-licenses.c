/* test-sandbox-cisco-licenses.c — licenses under Cisco's paths over
 * loopback: the list (shape, details with the order number, limit/offset in
 * the body and the query, pages, Virtual Accounts asked for and allowed by
 * the roles, refusals) and the transfer between Virtual Accounts (moved,
 * "status": "ERROR" when more than available, all or nothing, rights)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sandbox-cisco-test-util.h"

#define ACME_LICENSES SAL "/v1/accounts/" DOMAIN_ACME "/licenses"
#define ACME_TRANSFER SAL "/v1/accounts/" DOMAIN_ACME "/virtual-accounts/Production/licenses/transfer"
#define DNA_E         "C9300 DNA Essentials, 24 Port"
#define NETWORK_E     "C9300 Network Essentials, 24 Port"

/* POST @path with @body: the licenses (owned by *holder) and totalRecords. */
static JsonArray *
post_licenses (SbtFixture  *f,
               const char  *token,
               const char  *path,
               const char  *body,
               gint64      *total,
               JsonNode   **holder)
{
  g_auto(SctReply) reply = { 0 };

  sct_post_json (f, token, path, body, &reply);
  g_assert_cmpuint (reply.status, ==, 200);
  g_assert_cmpstr (sbt_get_string (reply.json, "status"), ==, "SUCCESS");
  *total = json_object_get_int_member (json_node_get_object (reply.json), "totalRecords");
  *holder = g_steal_pointer (&reply.json);

  return json_object_get_array_member (json_node_get_object (*holder), "licenses");
}

static char *
today (SbtFixture *f)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (sbt_clock_now (f));

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
test_licenses (SbtFixture    *f,
               gconstpointer  data)
{
  static const char *const members[] = {
    "license", "quantity", "inUse", "available", "reserved", "pendingQuantity", "status", "billingType",
    "virtualAccount", "isPortable", "ahaApps", "licenseSubstitutions", "licenseDetails",
  };
  g_autofree char *token = sct_sign_in (f);
  g_autofree char *start = today (f);
  g_autoptr(GDateTime) start_date = NULL;
  g_autoptr(GDateTime) end_date = NULL;
  g_autofree char *end = NULL;
  g_autoptr(JsonNode) holder = NULL;
  JsonArray *licenses;
  JsonObject *dna, *network, *detail;
  gint64 total = 0;
  guint i;

  licenses = post_licenses (f, token, ACME_LICENSES, "{\"limit\": 100, \"offset\": 0}", &total, &holder);
  g_assert_cmpint (total, ==, 3);
  g_assert_cmpuint (json_array_get_length (licenses), ==, 3);
  /* the DEFAULT Virtual Account first: the other partner's order landed there */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (licenses, 0), "virtualAccount"),
                   ==, "DEFAULT");

  dna = sct_find_license (licenses, "Production", DNA_E);
  g_assert_nonnull (dna);
  for (i = 0; i < G_N_ELEMENTS (members); i++)
    g_assert_true (json_object_has_member (dna, members[i]));
  g_assert_cmpint (json_object_get_int_member (dna, "quantity"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (dna, "inUse"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (dna, "available"), ==, 6);
  g_assert_cmpstr (json_object_get_string_member (dna, "status"), ==, "In Compliance");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (dna, "licenseSubstitutions")), ==, 0);

  /* a TERM deposit: three years less a day, from the order */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (dna, "licenseDetails")), ==, 1);
  detail = json_array_get_object_element (json_object_get_array_member (dna, "licenseDetails"), 0);
  g_assert_cmpstr (json_object_get_string_member (detail, "orderNumber"), ==, ORDER_SHIPPED_DEPOSITED);
  g_assert_cmpstr (json_object_get_string_member (detail, "orderLineIdentifier"), ==, "1.1");
  g_assert_cmpstr (json_object_get_string_member (detail, "licenseSku"), ==, "C9300-DNA-E-24-3Y");
  g_assert_cmpstr (json_object_get_string_member (detail, "licenseType"), ==, "TERM");
  g_assert_cmpstr (json_object_get_string_member (detail, "status"), ==, "ACTIVE");
  g_assert_cmpint (json_object_get_int_member (detail, "quantity"), ==, 6);
  g_assert_cmpstr (json_object_get_string_member (detail, "startDate"), ==, start);
  {
    g_autofree char *midnight = g_strconcat (start, "T00:00:00Z", NULL);
    g_autoptr(GDateTime) later = NULL;

    start_date = g_date_time_new_from_iso8601 (midnight, NULL);
    later = g_date_time_add_years (start_date, 3);
    end_date = g_date_time_add_days (later, -1);
    end = g_date_time_format (end_date, "%Y-%m-%d");
  }
  g_assert_cmpstr (json_object_get_string_member (detail, "endDate"), ==, end);

  /* a PERPETUAL one: no end date */
  network = sct_find_license (licenses, "Production", NETWORK_E);
  detail = json_array_get_object_element (json_object_get_array_member (network, "licenseDetails"), 0);
  g_assert_cmpstr (json_object_get_string_member (detail, "licenseType"), ==, "PERPETUAL");
  g_assert_true (json_object_get_null_member (detail, "endDate"));
  g_assert_cmpstr (json_object_get_string_member (detail, "orderLineIdentifier"), ==, "1.2");

  /* the other partner's order, in the account the trainee can see */
  g_assert_cmpint (sct_order_quantity (f, token, DOMAIN_ACME, ORDER_OTHER_SHIPPED, NULL), ==, 2);
}

static void
test_licenses_paging (SbtFixture    *f,
                      gconstpointer  data)
{
  static const struct
  {
    const char *path;
    const char *body;
    gint64      n;
  } cases[] = {
    { ACME_LICENSES, "{\"limit\": 1, \"offset\": 1}", 1 },
    { ACME_LICENSES, "{\"limit\": 2, \"offset\": 2}", 1 },
    { ACME_LICENSES, "{\"offset\": 5}", 0 },
    { ACME_LICENSES "?limit=2&offset=0", "{\"limit\": 1, \"offset\": 2}", 2 },   /* the query wins */
    { ACME_LICENSES "?offset=2", "{\"limit\": 1}", 1 },
    { ACME_LICENSES, "{\"limit\": -1}", 3 },
    { ACME_LICENSES, "{\"virtualAccounts\": [\"Production\"]}", 2 },
    { ACME_LICENSES, "{\"virtualAccounts\": [\"DEFAULT\", \"Nowhere\"], \"limit\": 100}", 1 },
    { ACME_LICENSES, "{\"virtualAccounts\": []}", 3 },
    { ACME_LICENSES, "{\"virtualAccounts\": null}", 3 },
    { ACME_LICENSES, "{\"virtualAccounts\": [\"Laboratoire\"]}", 0 },
  };
  g_autofree char *token = sct_sign_in (f);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint i, offset;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) holder = NULL;
      gint64 total = 0;
      JsonArray *licenses;

      g_test_message ("%s %s", cases[i].path, cases[i].body);
      licenses = post_licenses (f, token, cases[i].path, cases[i].body, &total, &holder);
      g_assert_cmpuint (json_array_get_length (licenses), ==, cases[i].n);
    }

  /* Northwind's two accounts: 105 licenses from no order and one order's:
   * two pages of 100 */
  for (offset = 0; offset < 200; offset += 100)
    {
      g_autofree char *path = g_strdup_printf (SAL "/v1/accounts/" DOMAIN_NORTHWIND "/licenses?limit=100&offset=%u",
                                               offset);
      g_autofree char *body = g_strdup_printf ("{\"limit\": 100, \"offset\": %u}", offset);
      g_autoptr(JsonNode) holder = NULL;
      gint64 total = 0;
      JsonArray *licenses = post_licenses (f, token, path, body, &total, &holder);

      g_assert_cmpint (total, ==, N_NFR_LICENSES + 1);
      g_assert_cmpuint (json_array_get_length (licenses), ==, offset == 0 ? 100 : N_NFR_LICENSES + 1 - 100);
      for (i = 0; i < json_array_get_length (licenses); i++)
        {
          JsonObject *license = json_array_get_object_element (licenses, i);

          g_assert_cmpstr (json_object_get_string_member (license, "virtualAccount"), ==, "Demo Lab");
          g_assert_true (g_hash_table_add (seen, g_strdup (json_object_get_string_member (license, "license"))));
          if (g_str_has_prefix (json_object_get_string_member (license, "license"), "NFR"))
            g_assert_false (json_object_has_member (json_array_get_object_element (
                              json_object_get_array_member (license, "licenseDetails"), 0), "orderNumber"));
        }
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, N_NFR_LICENSES + 1);
  g_assert_cmpint (sct_order_quantity (f, token, DOMAIN_NORTHWIND, "104857627", NULL), ==, 4);
}

/* What the roles let a user see: a Virtual Account role that Virtual
 * Account only; a Viewer everything; no role nothing. */
static void
test_licenses_roles (SbtFixture    *f,
                     gconstpointer  data)
{
  static const struct
  {
    const char *domain;
    guint       status;
  } refused[] = {
    { "pasticceria-brera.example", 403 },     /* no role */
    { "alpes-distribution.example", 403 },
    { DOMAIN_RESTRICTED, 404 },                /* restricted, no role */
    { "harbour-analytics.example", 404 },      /* expired */
    { "unknown.example", 404 },
    { "not%20a%20domain", 400 },
  };
  g_autofree char *token = sct_sign_in (f);
  g_autofree char *va = NULL;
  g_autoptr(JsonNode) holder = NULL;
  guint i;

  g_assert_cmpint (sct_order_quantity (f, token, DOMAIN_KESTREL, "104857624", &va), ==, 24);
  g_assert_cmpstr (va, ==, "Warehouses");
  g_assert_cmpuint (json_array_get_length (sct_licenses (f, token, DOMAIN_CLINIQUE, &holder)), ==, 0);

  for (i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *path = g_strdup_printf (SAL "/v1/accounts/%s/licenses", refused[i].domain);
      g_auto(SctReply) reply = { 0 };

      g_test_message ("%s", path);
      sct_post_json (f, token, path, "{\"limit\": 100}", &reply);
      sct_assert_cisco_error (&reply, refused[i].status);
    }
}

static void
test_licenses_refused (SbtFixture    *f,
                       gconstpointer  data)
{
  static const char *const bodies[] = {
    NULL, "", " ", "[]", "{", "null", "42", "{\"limit\": 0}", "{\"limit\": \"5\"}", "{\"limit\": 1.5}",
    "{\"limit\": 1001}", "{\"limit\": -2}", "{\"offset\": -1}", "{\"virtualAccounts\": \"DEFAULT\"}",
    "{\"virtualAccounts\": [1]}", "{\"virtualAccounts\": [null]}", "{\"virtualAccounts\": {}}",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
    "{\"limit\": 10\xff}",
  };
  static const char *const queries[] = { "?limit=abc", "?limit=0", "?offset=-3", "?limit=%FF" };
  g_autofree char *token = sct_sign_in (f);
  guint i;

  for (i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_auto(SctReply) reply = { 0 };

      g_autofree char *shown = g_strescape (bodies[i] != NULL ? bodies[i] : "", NULL);

      g_test_message ("body %.200s", shown);
      sct_request (f, token, "POST", ACME_LICENSES, "application/json", bodies[i], &reply);
      sct_assert_cisco_error (&reply, 400);
    }
  for (i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *path = g_strconcat (ACME_LICENSES, queries[i], NULL);
      g_auto(SctReply) reply = { 0 };

      sct_post_json (f, token, path, "{}", &reply);
      sct_assert_cisco_error (&reply, 400);
    }

  /* GET is not the method */
  {
    g_auto(SctReply) reply = { 0 };

    sct_get (f, token, ACME_LICENSES, &reply);
    g_assert_cmpuint (reply.status, ==, 405);
  }
}

/* ------------------------------------------------------------------------ */
/* Transfer                                                                  */

static char *
transfer_body (const char *license,
               const char *type,
               int         quantity,
               const char *target)
{
  return g_strdup_printf ("{\"licenses\": [{\"license\": \"%s\", \"licenseType\": \"%s\", \"quantity\": %d,"
                          " \"targetVirtualAccount\": \"%s\", \"precedence\": \"LONGEST_TERM_FIRST\"}]}",
                          license, type, quantity, target);
}

static gint64
quantity_in (SbtFixture *f,
             const char *token,
             const char *virtual_account,
             const char *license)
{
  g_autoptr(JsonNode) holder = NULL;
  JsonObject *found = sct_find_license (sct_licenses (f, token, DOMAIN_ACME, &holder), virtual_account, license);

  return found != NULL ? json_object_get_int_member (found, "quantity") : 0;
}

/* 200 {"status": "ERROR"} quoting @words, and nothing moved. */
static void
assert_rejected (SbtFixture *f,
                 const char *token,
                 const char *body,
                 const char *words)
{
  g_auto(SctReply) reply = { 0 };

  g_test_message ("%s", body);
  sct_post_json (f, token, ACME_TRANSFER, body, &reply);
  sct_assert_cisco_error (&reply, 200);
  g_assert_nonnull (strstr (sbt_get_string (reply.json, "statusMessage"), words));
  g_assert_cmpint (quantity_in (f, token, "Production", DNA_E), ==, 6);
  g_assert_cmpint (quantity_in (f, token, "Production", NETWORK_E), ==, 6);
}

static void
test_transfer (SbtFixture    *f,
               gconstpointer  data)
{
  g_autofree char *token = sct_sign_in (f);
  g_autofree char *too_many = transfer_body (NETWORK_E, "PERPETUAL", 7, "Laboratoire");
  g_autofree char *wrong_type = transfer_body (DNA_E, "PERPETUAL", 1, "Laboratoire");
  g_autofree char *unknown_target = transfer_body (DNA_E, "TERM", 1, "Nowhere");
  g_autofree char *to_itself = transfer_body (DNA_E, "TERM", 1, "Production");
  g_autofree char *unknown_license = transfer_body ("No Such License", "TERM", 1, "Laboratoire");
  g_autofree char *ok = transfer_body (DNA_E, "TERM", 2, "Laboratoire");
  g_autoptr(JsonNode) holder = NULL;
  g_auto(SctReply) reply = { 0 };
  JsonObject *moved, *detail;

  /* refusals: 200 with "status": "ERROR", nothing moved */
  assert_rejected (f, token, too_many, "Insufficient licenses");
  assert_rejected (f, token, wrong_type, "Insufficient licenses");
  assert_rejected (f, token, unknown_license, "Insufficient licenses");
  assert_rejected (f, token, unknown_target, "Nowhere");
  assert_rejected (f, token, to_itself, "source");
  /* all or nothing: the first would pass, the second cannot */
  assert_rejected (f, token,
                   "{\"licenses\": [{\"license\": \"" DNA_E "\", \"licenseType\": \"TERM\", \"quantity\": 1,"
                   " \"targetVirtualAccount\": \"Laboratoire\"},"
                   " {\"license\": \"" NETWORK_E "\", \"licenseType\": \"PERPETUAL\", \"quantity\": 100,"
                   " \"targetVirtualAccount\": \"Laboratoire\"}]}", "Insufficient licenses");

  /* a transfer: the licenses keep their order and dates */
  sct_post_json (f, token, ACME_TRANSFER, ok, &reply);
  g_assert_cmpuint (reply.status, ==, 200);
  g_assert_cmpstr (sbt_get_string (reply.json, "status"), ==, "SUCCESS");
  g_assert_nonnull (sbt_get_string (reply.json, "statusMessage"));
  g_assert_cmpint (quantity_in (f, token, "Production", DNA_E), ==, 4);
  g_assert_cmpint (quantity_in (f, token, "Laboratoire", DNA_E), ==, 2);
  moved = sct_find_license (sct_licenses (f, token, DOMAIN_ACME, &holder), "Laboratoire", DNA_E);
  detail = json_array_get_object_element (json_object_get_array_member (moved, "licenseDetails"), 0);
  g_assert_cmpstr (json_object_get_string_member (detail, "orderNumber"), ==, ORDER_SHIPPED_DEPOSITED);
  g_assert_cmpstr (json_object_get_string_member (detail, "licenseType"), ==, "TERM");

  /* the rest, and back: the source's row goes when emptied */
  g_clear_pointer (&ok, g_free);
  ok = transfer_body (DNA_E, "TERM", 4, "Laboratoire");
  sct_post_json (f, token, ACME_TRANSFER, ok, &reply);
  g_assert_cmpstr (sbt_get_string (reply.json, "status"), ==, "SUCCESS");
  g_assert_cmpint (quantity_in (f, token, "Production", DNA_E), ==, 0);
  g_assert_cmpint (quantity_in (f, token, "Laboratoire", DNA_E), ==, 6);
  g_assert_cmpint (sct_order_quantity (f, token, DOMAIN_ACME, ORDER_SHIPPED_DEPOSITED, NULL), ==, 12);
}

static void
test_transfer_refused (SbtFixture    *f,
                       gconstpointer  data)
{
  static const char *const bodies[] = {
    NULL, "", "{}", "[]", "{\"licenses\": []}", "{\"licenses\": {}}", "{\"licenses\": [1]}",
    "{\"licenses\": [{}]}",
    "{\"licenses\": [{\"license\": \"" DNA_E "\", \"licenseType\": \"TERM\", \"quantity\": 0,"
    " \"targetVirtualAccount\": \"Laboratoire\"}]}",
    "{\"licenses\": [{\"license\": \"" DNA_E "\", \"licenseType\": \"TERM\", \"quantity\": \"1\","
    " \"targetVirtualAccount\": \"Laboratoire\"}]}",
    "{\"licenses\": [{\"license\": \"" DNA_E "\", \"licenseType\": \"SUBSCRIPTION\", \"quantity\": 1,"
    " \"targetVirtualAccount\": \"Laboratoire\"}]}",
    "{\"licenses\": [{\"license\": \"" DNA_E "\", \"licenseType\": \"TERM\", \"quantity\": 1}]}",
    "{\"licenses\": [{\"license\": \"\", \"licenseType\": \"TERM\", \"quantity\": 1,"
    " \"targetVirtualAccount\": \"Laboratoire\"}]}",
    "{\"licenses\": [{\"license\": \"" DNA_E "\", \"licenseType\": \"TERM\", \"quantity\": 1,"
    " \"targetVirtualAccount\": \"Laboratoire\", \"precedence\": \"RANDOM\"}]}",
  };
  static const struct
  {
    const char *path;
    guint       status;
  } paths[] = {
    { SAL "/v1/accounts/" DOMAIN_ACME "/virtual-accounts/Nowhere/licenses/transfer", 404 },
    { SAL "/v1/accounts/unknown.example/virtual-accounts/DEFAULT/licenses/transfer", 404 },
    { SAL "/v1/accounts/pasticceria-brera.example/virtual-accounts/DEFAULT/licenses/transfer", 403 },
    /* a Viewer */
    { SAL "/v1/accounts/" DOMAIN_CLINIQUE "/virtual-accounts/DEFAULT/licenses/transfer", 403 },
    /* a Virtual Account role elsewhere */
    { SAL "/v1/accounts/" DOMAIN_KESTREL "/virtual-accounts/Head%20Office/licenses/transfer", 403 },
  };
  g_autofree char *token = sct_sign_in (f);
  g_autofree char *to_default = transfer_body ("Meraki MV Enterprise", "TERM", 1, "DEFAULT");
  g_auto(SctReply) reply = { 0 };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_test_message ("%s", bodies[i]);
      sct_request (f, token, "POST", ACME_TRANSFER, "application/json", bodies[i], &reply);
      sct_assert_cisco_error (&reply, 400);
    }
  for (i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *body = transfer_body (DNA_E, "TERM", 1, "DEFAULT");

      g_test_message ("%s", paths[i].path);
      sct_post_json (f, token, paths[i].path, body, &reply);
      sct_assert_cisco_error (&reply, paths[i].status);
    }

  /* Kestrel: the Warehouses role may not put licenses in DEFAULT */
  sct_post_json (f, token, SAL "/v1/accounts/" DOMAIN_KESTREL "/virtual-accounts/Warehouses/licenses/transfer",
                 to_default, &reply);
  sct_assert_cisco_error (&reply, 403);
  g_assert_cmpint (sct_order_quantity (f, token, DOMAIN_KESTREL, "104857624", NULL), ==, 24);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SBT_ADD ("cisco/licenses", test_licenses);
  SBT_ADD ("cisco/licenses/paging", test_licenses_paging);
  SBT_ADD ("cisco/licenses/roles", test_licenses_roles);
  SBT_ADD ("cisco/licenses/refused", test_licenses_refused);
  SBT_ADD ("cisco/licenses/transfer", test_transfer);
  SBT_ADD ("cisco/licenses/transfer/refused", test_transfer_refused);

  return g_test_run ();
}
