/* test-sandbox-router.c — the route table over loopback: unknown paths (404) and
 * methods (405)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sandbox-test-util.h"

static void
test_routing (SbtFixture    *f,
              gconstpointer  data)
{
  const char *unknown[] = { "/", "/v1", "/v2/orders", "/v1/orders/", "/v1/orders/104857601/x",
                            "/etc/passwd", "/v1/accounts", "/sandbox" };
  g_autoptr(JsonNode) node = NULL;
  guint status, i;

  for (i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      g_autoptr(JsonNode) n = sbt_fixture_call (f, "GET", unknown[i], NULL, &status);

      sbt_assert_error (n, status, 404, "NOT_FOUND");
    }

  node = sbt_fixture_call (f, "DELETE", "/v1/orders/" ORDER_UNASSIGNED, NULL, &status);
  sbt_assert_error (node, status, 405, "METHOD_NOT_ALLOWED");
  g_clear_pointer (&node, json_node_unref);
  node = sbt_fixture_call (f, "POST", "/v1/orders", NULL, &status);
  sbt_assert_error (node, status, 405, "METHOD_NOT_ALLOWED");
  g_clear_pointer (&node, json_node_unref);
  node = sbt_fixture_call (f, "GET", "/sandbox/reset", NULL, &status);
  sbt_assert_error (node, status, 405, "METHOD_NOT_ALLOWED");
  g_clear_pointer (&node, json_node_unref);
  node = sbt_fixture_call (f, "GET", "/v1/orders/" ORDER_UNASSIGNED "/smart-account-assignment", NULL, &status);
  sbt_assert_error (node, status, 405, "METHOD_NOT_ALLOWED");
  g_assert_cmpint (sbt_order_count (f), ==, N_VISIBLE_ORDERS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SBT_ADD ("routing", test_routing);

  return g_test_run ();
}
