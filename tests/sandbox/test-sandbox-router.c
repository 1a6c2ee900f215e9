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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SBT_ADD ("routing", test_routing);

  return g_test_run ();
}
