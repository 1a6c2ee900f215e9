/* test-types.c — the enumerations shared by the domain objects: wire names and translated labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "core-test-util.h"

/* ------------------------------------------------------------------------ */
/* Types */

static void
test_types_round_trip (void)
{
  for (int i = SA_ACCOUNT_TYPE_CUSTOMER; i <= SA_ACCOUNT_TYPE_HOLDING; i++)
    {
      SaAccountType value = -1;

      g_assert_true (sa_account_type_from_string (sa_account_type_to_string (i), &value));
      g_assert_cmpint (value, ==, i);
      g_assert_cmpstr (sa_account_type_get_label (i), !=, "");
    }
  for (int i = SA_ACCOUNT_STATUS_ACTIVE; i <= SA_ACCOUNT_STATUS_EXPIRED; i++)
    {
      SaAccountStatus value = -1;

      g_assert_true (sa_account_status_from_string (sa_account_status_to_string (i), &value));
      g_assert_cmpint (value, ==, i);
      g_assert_cmpstr (sa_account_status_get_label (i), !=, "");
    }
  for (int i = SA_ORDER_STATUS_ENTERED; i <= SA_ORDER_STATUS_SHIPPED; i++)
    {
      SaOrderStatus value = -1;

      g_assert_true (sa_order_status_from_string (sa_order_status_to_string (i), &value));
      g_assert_cmpint (value, ==, i);
      g_assert_cmpstr (sa_order_status_get_label (i), !=, "");
    }
  for (int i = SA_ORDER_SEARCH_SALES_ORDER_NUMBER; i <= SA_ORDER_SEARCH_PURCHASE_ORDER_NUMBER; i++)
    {
      SaOrderSearchField value = -1;

      g_assert_true (sa_order_search_field_from_string (sa_order_search_field_to_string (i), &value));
      g_assert_cmpint (value, ==, i);
    }
  for (int i = SA_ACCOUNT_SEARCH_DOMAIN; i <= SA_ACCOUNT_SEARCH_EMAIL; i++)
    {
      SaAccountSearchField value = -1;

      g_assert_true (sa_account_search_field_from_string (sa_account_search_field_to_string (i), &value));
      g_assert_cmpint (value, ==, i);
    }
}

static void
test_types_wire_names (void)
{
  SaAccountType type;
  SaOrderStatus status;

  /* The exact names of docs/desk-api.md. */
  g_assert_cmpstr (sa_account_type_to_string (SA_ACCOUNT_TYPE_CUSTOMER), ==, "CUSTOMER");
  g_assert_cmpstr (sa_account_type_to_string (SA_ACCOUNT_TYPE_HOLDING), ==, "HOLDING");
  g_assert_cmpstr (sa_account_status_to_string (SA_ACCOUNT_STATUS_PENDING), ==, "PENDING");
  g_assert_cmpstr (sa_order_status_to_string (SA_ORDER_STATUS_SHIPPED), ==, "SHIPPED");
  g_assert_cmpstr (sa_order_search_field_to_string (SA_ORDER_SEARCH_WEB_ORDER_ID), ==, "webOrderId");
  g_assert_cmpstr (sa_order_search_field_to_string (SA_ORDER_SEARCH_PURCHASE_ORDER_NUMBER), ==, "purchaseOrderNumber");
  g_assert_cmpstr (sa_account_search_field_to_string (SA_ACCOUNT_SEARCH_EMAIL), ==, "email");

  /* Unknown, NULL, wrong case and out-of-range values are refused. */
  g_assert_false (sa_account_type_from_string ("customer", &type));
  g_assert_false (sa_account_type_from_string (NULL, &type));
  g_assert_false (sa_account_type_from_string ("", &type));
  g_assert_false (sa_order_status_from_string ("DELIVERED", &status));
  g_assert_false (sa_account_status_from_string ("ACTIVE ", NULL));
  g_assert_false (sa_order_search_field_from_string ("salesordernumber", NULL));
  g_assert_false (sa_account_search_field_from_string ("mail", NULL));
  g_assert_null (sa_account_type_to_string (7));
  g_assert_null (sa_order_status_to_string (-1));
  g_assert_cmpstr (sa_order_status_get_label (42), ==, "");
}

static void
test_types_labels (void)
{
  /* Untranslated (C locale) labels are the glossary's English terms. */
  g_assert_cmpstr (sa_account_type_get_label (SA_ACCOUNT_TYPE_CUSTOMER), ==, "End Customer");
  g_assert_cmpstr (sa_account_type_get_label (SA_ACCOUNT_TYPE_HOLDING), ==, "Holding");
  g_assert_cmpstr (sa_account_status_get_label (SA_ACCOUNT_STATUS_ACTIVE), ==, "Active");
  g_assert_cmpstr (sa_account_status_get_label (SA_ACCOUNT_STATUS_PENDING), ==, "Pending");
  g_assert_cmpstr (sa_account_status_get_label (SA_ACCOUNT_STATUS_EXPIRED), ==, "Expired");
  g_assert_cmpstr (sa_order_status_get_label (SA_ORDER_STATUS_ENTERED), ==, "Entered");
  g_assert_cmpstr (sa_order_status_get_label (SA_ORDER_STATUS_BOOKED), ==, "Booked");
  g_assert_cmpstr (sa_order_status_get_label (SA_ORDER_STATUS_SCHEDULED), ==, "Scheduled");
  g_assert_cmpstr (sa_order_status_get_label (SA_ORDER_STATUS_SHIPPED), ==, "Shipped");
}

static void
test_types_requests (void)
{
  SaAccessRequestStatus status;

  for (int i = SA_ACCESS_REQUEST_STATUS_PENDING; i <= SA_ACCESS_REQUEST_STATUS_DENIED; i++)
    {
      const char *wire = sa_access_request_status_to_string (i);

      g_assert_nonnull (wire);
      g_assert_true (sa_access_request_status_from_string (wire, &status));
      g_assert_cmpint (status, ==, i);
      g_assert_cmpstr (sa_access_request_status_get_label (i), !=, "");
    }

  g_assert_cmpstr (sa_access_request_status_to_string (SA_ACCESS_REQUEST_STATUS_APPROVED), ==, "APPROVED");
  g_assert_false (sa_access_request_status_from_string ("approved", NULL));
  g_assert_false (sa_access_request_status_from_string ("", NULL));
  g_assert_false (sa_access_request_status_from_string (NULL, NULL));
  g_assert_null (sa_access_request_status_to_string (7));
  g_assert_cmpstr (sa_access_request_status_get_label (7), ==, "");

  g_assert_cmpstr (sa_account_request_status_get_label (SA_ACCOUNT_STATUS_PENDING), ==,
                   "Pending customer acceptance");
  g_assert_cmpstr (sa_account_request_status_get_label (SA_ACCOUNT_STATUS_ACTIVE), ==, "Active");
  g_assert_cmpstr (sa_account_request_status_get_label (SA_ACCOUNT_STATUS_EXPIRED), ==, "Expired");
  g_assert_cmpstr (sa_account_request_status_get_label (9), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/types/round-trip", test_types_round_trip);
  g_test_add_func ("/core/types/wire-names", test_types_wire_names);
  g_test_add_func ("/core/types/labels", test_types_labels);
  g_test_add_func ("/core/types/requests", test_types_requests);

  return g_test_run ();
}
