/* sa-cisco-views-test.c — the Cisco test double for the Cisco views' UI tests
 *
 * The views' tests drive real widgets against tests/cisco's double
 * (cisco-mimic) over loopback, through SaCiscoClient, until the sandbox
 * serves Cisco's shapes. The double's fixtures have one Booked order
 * (104857601, whose number also appears on an old license of Acme's), one
 * Shipped order whose licenses arrived (104857999, in Acme's 東京支社) and
 * one account in /v2/accounts (Acme Industrie, Active). The other cases of
 * "Where are my licenses?" need other answers: they are served here through
 * the double's answer injection (cisco_mimic_add_fault() with status 200),
 * in Cisco's own shapes (CISCO-APIS.md §6.4, §6.8), so tests/cisco stays as
 * it is. A double is started per case: injected answers cannot be taken back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "sa-cisco-views-test.h"
#include "sa-ui-test-util.h"

/* Enough for every call a case makes (each answer is served this often). */
#define SERVE_COUNT 50

/**
 * sa_cisco_test_client_new:
 * @mimic: a running double
 *
 * Returns: (transfer full): an #SaCiscoClient on @mimic, signed in with the
 *   double's Client ID and Secret
 */
SaClient *
sa_cisco_test_client_new (CiscoMimic *mimic)
{
  g_autoptr(SaCiscoApi) api = cisco_mimic_new_api (mimic);
  g_autoptr(SaClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  sa_cisco_api_set_credentials (api, NULL, NULL);
  client = sa_cisco_client_new (api);
  sa_client_sign_in_async (client, MIMIC_CLIENT_ID, MIMIC_CLIENT_SECRET, NULL, sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  g_assert_true (sa_client_sign_in_finish (client, result, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&client);
}

/**
 * sa_cisco_test_serve_order:
 * @mimic: a running double
 * @sales_order_number: the order's Sales Order No. (digits)
 * @status: its status text, e.g. "Booked", "Shipped"
 * @bill_to: (nullable): the bill-to party
 *
 * Makes checkOrderStatus answer this order, whatever is asked, in the shape
 * of CISCO-APIS.md §6.8 (one line; values synthesized).
 */
void
sa_cisco_test_serve_order (CiscoMimic *mimic,
                           const char *sales_order_number,
                           const char *status,
                           const char *bill_to)
{
  g_autofree char *json = NULL;

  json = g_strdup_printf ("{\"ShowPurchaseOrder\":{\"value\":{\"DataArea\":{"
                          "\"Show\":{\"ResponseCriteria\":[{\"ResponseExpression\":{\"value\":\"Success\"}}]},"
                          "\"PurchaseOrder\":[{\"PurchaseOrderHeader\":{"
                          "\"ID\":{\"value\":\"PO-%s\"},"
                          "\"SalesOrderReference\":[{\"ID\":{\"value\":\"%s\"}}],"
                          "\"Status\":[{\"Description\":{\"value\":\"%s\"}}],"
                          "\"BillToParty\":{\"Name\":[{\"value\":\"%s\"}]},"
                          "\"Party\":[{\"Name\":[{\"value\":\"Trattoria Da Mario\"}]}]},"
                          "\"PurchaseOrderLine\":[{\"Item\":{\"ID\":{\"value\":\"C9200L-24T-4G-E\"},"
                          "\"Description\":[{\"value\":\"Catalyst 9200L 24-port\"}],\"Lot\":[{\"Quantity\":{\"value\":1}}]},"
                          "\"SalesOrderReference\":{\"LineNumberID\":{\"value\":\"1.1\"}}}]}]}}}}",
                          sales_order_number, sales_order_number, status,
                          bill_to != NULL ? bill_to : "Northwind Networks");
  cisco_mimic_add_fault (mimic, MIMIC_ORDER_PATH, SERVE_COUNT, 200, "application/json", json, NULL);
}

/**
 * sa_cisco_test_serve_my_accounts:
 * @mimic: a running double
 * @first_domain: the first account's domain, then its name, type
 *   ("CUSTOMER", "HOLDING") and status ("Active", "Pending") as strings;
 *   then the next account's four, and so on, ending with %NULL
 *
 * Makes `GET /v2/accounts` answer these accounts (CISCO-APIS.md §6.4), each
 * with the role "Smart Account User". Their licenses are the double's own:
 * Acme's for acme-industrie.fr, none for its other accounts, and an unknown
 * domain answers 404 (the client skips it).
 */
void
sa_cisco_test_serve_my_accounts (CiscoMimic *mimic,
                                 const char *first_domain,
                                 ...)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  const char *domain = first_domain;
  va_list args;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "accounts");
  json_builder_begin_array (builder);
  va_start (args, first_domain);
  while (domain != NULL)
    {
      const char *name = va_arg (args, const char *);
      const char *type = va_arg (args, const char *);
      const char *status = va_arg (args, const char *);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "accountName");
      json_builder_add_string_value (builder, name);
      json_builder_set_member_name (builder, "accountDomain");
      json_builder_add_string_value (builder, domain);
      json_builder_set_member_name (builder, "accountStatus");
      json_builder_add_string_value (builder, status);
      json_builder_set_member_name (builder, "accountType");
      json_builder_add_string_value (builder, type);
      json_builder_set_member_name (builder, "roles");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, "Smart Account User");
      json_builder_end_object (builder);
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      domain = va_arg (args, const char *);
    }
  va_end (args);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "SUCCESS");
  json_builder_set_member_name (builder, "statusMessage");
  json_builder_add_string_value (builder, "");
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);
  cisco_mimic_add_fault (mimic, MIMIC_SAL_PATH "/v2/accounts", SERVE_COUNT, 200, "application/json", json, NULL);
}

/**
 * sa_cisco_test_screenshot:
 * @widget: a realized, drawn widget (a window)
 * @format: the file name without ".png", a printf() format
 * @...: its arguments
 *
 * With SA_TEST_SCREENSHOT_DIR set, saves @widget as it is drawn to
 * $SA_TEST_SCREENSHOT_DIR/<name>.png, for reviewing a page in each language;
 * otherwise does nothing.
 */
void
sa_cisco_test_screenshot (GtkWidget  *widget,
                          const char *format,
                          ...)
{
  g_autofree char *name = NULL;
  va_list args;
  const char *dir = g_getenv ("SA_TEST_SCREENSHOT_DIR");
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL || *dir == '\0')
    return;

  va_start (args, format);
  name = g_strdup_vprintf (format, args);
  va_end (args);

  sa_test_wait_ms (400);
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  if (!sa_test_save_png (widget, path, &error))
    g_printerr ("# could not save %s: %s\n", path, error->message);
}
