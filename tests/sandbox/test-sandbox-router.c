/* test-sandbox-router.c — the route table: unknown paths (404) and methods
 * (405) over loopback; pattern matching, precedence and the paths of Cisco's
 * APIs (CISCO-APIS.md §6) on tables of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sa-sandbox-private.h"
#include "sandbox-test-util.h"

static void
test_routing (SbtFixture    *f,
              gconstpointer  data)
{
  static const char *const unknown[] = {
    "/", "/v1", "/v2/orders", "/v1/orders/", "/v1/orders/104857601/x", "/etc/passwd", "/v1/accounts", "/sandbox",
  };

  sbt_assert_gets_refused (f, unknown, G_N_ELEMENTS (unknown), 404, "NOT_FOUND");

  sbt_assert_refused (f, "DELETE", "/v1/orders/" ORDER_UNASSIGNED, NULL, 405, "METHOD_NOT_ALLOWED");
  sbt_assert_refused (f, "POST", "/v1/orders", NULL, 405, "METHOD_NOT_ALLOWED");
  sbt_assert_refused (f, "GET", "/sandbox/reset", NULL, 405, "METHOD_NOT_ALLOWED");
  sbt_assert_refused (f, "GET", "/v1/orders/" ORDER_UNASSIGNED "/smart-account-assignment", NULL,
                      405, "METHOD_NOT_ALLOWED");
  g_assert_cmpint (sbt_order_count (f), ==, N_VISIBLE_ORDERS);
}

static void
handle_nothing (SaSandboxRequest *request)
{
  g_assert_not_reached ();
}

#define CISCO_SAL "/services/api/smart-accounts-and-licensing"

static const SaSandboxRoute test_routes[] = {
  { "GET", "/v1/access-requests/{id}", handle_nothing, SA_SANDBOX_SIGNED_IN },
  { "GET", "/v1/access-requests/candidates", handle_nothing, SA_SANDBOX_SIGNED_IN },
  { "POST", "/v1/access-requests/{id}", handle_nothing, SA_SANDBOX_SIGNED_IN },
  { "POST", "/oauth2/default/v1/token", handle_nothing, SA_SANDBOX_PUBLIC },
  { "GET", CISCO_SAL "/v1/accounts/{domain}/customer/virtual-accounts", handle_nothing, SA_SANDBOX_SIGNED_IN },
  { "POST", CISCO_SAL "/v1/accounts/{domain}/virtual-accounts/{va}/licenses/transfer", handle_nothing,
    SA_SANDBOX_SIGNED_IN },
  { "POST", "/commerce/ORDER/v2/sync/checkOrderStatus", handle_nothing, SA_SANDBOX_SIGNED_IN },
};

static const SaSandboxRouteTable test_table = SA_SANDBOX_ROUTE_TABLE (test_routes);

/* Matches @method @path on a router of test_routes: the index of the row
 * found, -1 for none; @allow and the parameters as found. */
static int
match (const char  *method,
       const char  *path,
       const char **allow,
       GHashTable **params)
{
  const SaSandboxRouteTable *tables[] = { &test_table };
  g_auto(GStrv) segments = g_strsplit (path + 1, "/", -1);
  SaSandboxRouter *router = sa_sandbox_router_new (tables, G_N_ELEMENTS (tables));
  const SaSandboxRoute *route = sa_sandbox_router_match (router, method, segments, params, allow);
  int row = route != NULL ? (int) (route - test_routes) : -1;

  /* the parameters point into the segments: copy them for the caller */
  if (params != NULL && *params != NULL)
    {
      GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, *params);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (copy, g_strdup (key), g_strdup (value));
      g_hash_table_unref (*params);
      *params = copy;
    }
  /* the Allow text belongs to the router: compare it before it goes */
  if (allow != NULL && *allow != NULL)
    *allow = g_intern_string (*allow);
  sa_sandbox_router_free (router);

  return row;
}

/* A literal segment beats a {name}, whatever the order of the rows. */
static void
test_precedence (void)
{
  g_autoptr(GHashTable) params = NULL;
  const char *allow = NULL;

  g_assert_cmpint (match ("GET", "/v1/access-requests/candidates", &allow, NULL), ==, 1);
  g_assert_cmpstr (allow, ==, "GET");
  g_assert_cmpint (match ("GET", "/v1/access-requests/XR-000001", &allow, &params), ==, 0);
  g_assert_cmpstr (g_hash_table_lookup (params, "id"), ==, "XR-000001");
  /* the methods of a path, in the order of the rows */
  g_assert_cmpstr (allow, ==, "GET, POST");
  g_assert_cmpint (match ("POST", "/v1/access-requests/XR-000001", NULL, NULL), ==, 2);
  /* 405: a path without that method */
  g_assert_cmpint (match ("POST", "/v1/access-requests/candidates", &allow, NULL), ==, -1);
  g_assert_cmpstr (allow, ==, "GET");
  /* 404: no pattern, an empty {name}, a segment too many */
  g_assert_cmpint (match ("GET", "/v1/access-requests", &allow, NULL), ==, -1);
  g_assert_null (allow);
  g_assert_cmpint (match ("GET", "/v1/access-requests/", &allow, NULL), ==, -1);
  g_assert_null (allow);
  g_assert_cmpint (match ("GET", "/v1/access-requests/XR-000001/x", &allow, NULL), ==, -1);
  g_assert_null (allow);
}

/* The paths the Cisco back end will serve fit patterns (CISCO-APIS.md §6). */
static void
test_cisco_paths (void)
{
  g_autoptr(GHashTable) transfer = NULL;
  g_autoptr(GHashTable) vas = NULL;

  g_assert_cmpint (match ("POST", "/oauth2/default/v1/token", NULL, NULL), ==, 3);
  g_assert_cmpint (match ("GET", CISCO_SAL "/v1/accounts/acme-industrie.fr/customer/virtual-accounts",
                          NULL, &vas), ==, 4);
  g_assert_cmpstr (g_hash_table_lookup (vas, "domain"), ==, "acme-industrie.fr");
  g_assert_cmpint (match ("POST", CISCO_SAL "/v1/accounts/acme-industrie.fr/virtual-accounts/東京支社/licenses/transfer",
                          NULL, &transfer), ==, 5);
  g_assert_cmpstr (g_hash_table_lookup (transfer, "domain"), ==, "acme-industrie.fr");
  g_assert_cmpstr (g_hash_table_lookup (transfer, "va"), ==, "東京支社");
  g_assert_cmpint (match ("POST", "/commerce/ORDER/v2/sync/checkOrderStatus", NULL, NULL), ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SBT_ADD ("routing", test_routing);
  g_test_add_func ("/sandbox/router/precedence", test_precedence);
  g_test_add_func ("/sandbox/router/cisco-paths", test_cisco_paths);

  return g_test_run ();
}
