/* test-desk-training.c — the sandbox's training controls through the Desk client (sa-desk-training.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "desk-test-util.h"

static void
test_reset (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(SaOrder) before = NULL;
  g_autoptr(SaOrder) changed = NULL;
  g_autoptr(SaOrder) after = NULL;
  g_autoptr(SaAssignment) slot = slot_new (DOMAIN_CUSTOMER, SA_ACCOUNT_TYPE_CUSTOMER, "DEFAULT");
  g_autoptr(GError) error = NULL;

  before = get_order (client, ORDER_UNASSIGNED, &error);
  g_assert_no_error (error);
  changed = update_assignment (client, before, slot, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (sandbox_ship (client, ORDER_UNASSIGNED_2, &error));
  g_assert_no_error (error);

  g_assert_true (sandbox_reset (client, &error));
  g_assert_no_error (error);

  after = get_order (client, ORDER_UNASSIGNED, &error);
  g_assert_no_error (error);
  g_assert_null (sa_order_get_end_customer (after));
  g_assert_cmpint (sa_order_get_version (after), ==, sa_order_get_version (before));

  g_clear_object (&after);
  after = get_order (client, ORDER_UNASSIGNED_2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sa_order_get_status (after), !=, SA_ORDER_STATUS_SHIPPED);
  g_assert_nonnull (changed);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/desk/client/sandbox/reset", test_reset);

  return desk_test_run ();
}
