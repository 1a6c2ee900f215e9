/* sa-sandbox-devices.c — the trainer's controls of an order's life outside
 * the partner's hands: a device registered by the customer (POST
 * /sandbox/devices, with the serial numbers of an order: GET
 * /sandbox/orders/{n}/serial-numbers) and the export hold (POST
 * /sandbox/orders/{n}/export-hold)
 *
 * A device (a product instance) carries one of its order's serial numbers;
 * registering it to an End Customer Smart Account moves an order parked on
 * a Holding Smart Account to that account, as the update document says
 * ("Registering a device … also moves it automatically"), and the order's
 * licenses follow by the license model (sa-sandbox-licenses.c). Releasing an
 * export hold lets the licenses of a shipped order arrive likewise.
 *
 * The serial numbers are not stored: each line of an order has one, "FCW",
 * the last six digits of the Sales Order No. and the line's rank, two digits
 * ("FCW85761101"). Registered devices are rows of table devices, part of the
 * trainee's data (a reset forgets them).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sa-sandbox-private.h"

#include <string.h>

#include "sa-validate.h"

/* The serial numbers of the tenant's order lines: columns number, serial. */
#define SERIALS_CTE \
  "WITH serials AS (SELECT sales_order_number AS number," \
  " 'FCW' || substr(sales_order_number, -6) ||" \
  " printf('%02d', row_number() OVER (PARTITION BY sales_order_number ORDER BY line_number)) AS serial" \
  " FROM order_lines WHERE tenant = ?1) "

/* The order @number of @caller, checked as the Desk API checks it: %FALSE
 * with SA_CLIENT_ERROR_ORDER_NOT_FOUND, _NOT_AUTHORIZED or G_IO_ERROR_FAILED. */
static gboolean
check_order (sqlite3                *db,
             const SaSandboxCaller  *caller,
             const char             *number,
             GError                **error)
{
  g_autoptr(sqlite3_stmt) row = NULL;

  if (!sa_sandbox_db_query_row (db, &row, error,
                                "SELECT partner FROM orders WHERE tenant = ?1 AND sales_order_number = ?2",
                                "tt", caller->tenant, number))
    return FALSE;
  if (row == NULL)
    {
      g_set_error_literal (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_ORDER_NOT_FOUND,
                           "No order has this Sales Order No.");
      return FALSE;
    }
  if (g_strcmp0 (sa_sandbox_db_text (row, 0), caller->partner) != 0)
    {
      g_set_error_literal (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_NOT_AUTHORIZED,
                           "You are not authorized to view this order");
      return FALSE;
    }

  return TRUE;
}

/* GET /sandbox/orders/{salesOrderNumber}/serial-numbers:
 * {"serialNumbers": [{"serialNumber", "registered"}…], "totalRecords": N} */
static void
list_serial_numbers (SaSandboxRequest *request)
{
  const char *number = sa_sandbox_request_get_param (request, "salesOrderNumber");
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  guint n = 0;

  if (!sa_validate_sales_order_number (number, NULL))
    {
      sa_sandbox_respond_invalid (request->msg, "salesOrderNumber", "A Sales Order No. is 1 to 20 digits");
      return;
    }
  if (!check_order (request->db, request->caller, number, &error) ||
      (stmt = sa_sandbox_db_prepare (request->db, &error,
                                     SERIALS_CTE "SELECT s.serial, EXISTS (SELECT 1 FROM devices d"
                                     " WHERE d.tenant = ?1 AND d.serial_number = s.serial)"
                                     " FROM serials s WHERE s.number = ?2 ORDER BY s.serial",
                                     "tt", request->caller->tenant, number)) == NULL)
    {
      sa_sandbox_respond_gerror (request->msg, error);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "serialNumbers");
  json_builder_begin_array (builder);
  while (sa_sandbox_db_next (stmt, &error))
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "serialNumber");
      json_builder_add_string_value (builder, sa_sandbox_db_text (stmt, 0));
      json_builder_set_member_name (builder, "registered");
      json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, 1) != 0);
      json_builder_end_object (builder);
      n++;
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "totalRecords");
  json_builder_add_int_value (builder, n);
  json_builder_end_object (builder);
  if (error != NULL)
    {
      sa_sandbox_respond_gerror (request->msg, error);
      return;
    }
  sa_sandbox_respond_builder (request->msg, SOUP_STATUS_OK, builder, NULL);
}

typedef struct
{
  const SaSandboxCaller *caller;
  gint64                 now;
  const char            *serial;
  const char            *domain;
  const char            *virtual_account; /* NULL: the DEFAULT one */
  /* out */
  char                  *number;
  char                  *account_id;
  char                  *account_name;
  char                  *account_status;
  char                  *va;
  gboolean               moved;
} SaRegistration;

static void
registration_clear (SaRegistration *reg)
{
  g_free (reg->number);
  g_free (reg->account_id);
  g_free (reg->account_name);
  g_free (reg->account_status);
  g_free (reg->va);
}

/* The End Customer Smart Account of @reg->domain and its Virtual Account. */
static gboolean
find_account (sqlite3         *db,
              SaRegistration  *reg,
              GError         **error)
{
  g_autoptr(sqlite3_stmt) row = NULL;
  g_autoptr(sqlite3_stmt) va = NULL;

  if (!sa_sandbox_db_query_row (db, &row, error,
                                "SELECT id, name, status, type FROM smart_accounts"
                                " WHERE tenant = ?1 AND lower(domain) = lower(?2)"
                                " ORDER BY type = 'CUSTOMER' DESC LIMIT 1",
                                "tt", reg->caller->tenant, reg->domain))
    return FALSE;
  if (row == NULL)
    {
      g_set_error_literal (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND,
                           "No Smart Account has this domain");
      return FALSE;
    }
  if (g_strcmp0 (sa_sandbox_db_text (row, 3), "CUSTOMER") != 0)
    {
      g_set_error_literal (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_WRONG_ACCOUNT_TYPE,
                           "A device registers to an End Customer Smart Account, not a Holding one");
      return FALSE;
    }
  reg->account_id = g_strdup (sa_sandbox_db_text (row, 0));
  reg->account_name = g_strdup (sa_sandbox_db_text (row, 1));
  reg->account_status = g_strdup (sa_sandbox_db_text (row, 2));

  if (!sa_sandbox_db_query_row (db, &va, error,
                                "SELECT name FROM virtual_accounts WHERE tenant = ?1 AND account_id = ?2"
                                " AND (CASE WHEN ?3 IS NULL THEN is_default = 1 ELSE name = ?3 END)",
                                "ttt", reg->caller->tenant, reg->account_id, reg->virtual_account))
    return FALSE;
  if (va == NULL)
    {
      g_set_error_literal (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_VIRTUAL_ACCOUNT_NOT_FOUND,
                           "This Smart Account has no such Virtual Account");
      return FALSE;
    }
  reg->va = g_strdup (sa_sandbox_db_text (va, 0));

  return TRUE;
}

/* Registers the device; moves its order off a Holding Smart Account. */
static gboolean
register_device_tx (sqlite3   *db,
                    gpointer   data,
                    GError   **error)
{
  SaRegistration *reg = data;
  g_autoptr(sqlite3_stmt) row = NULL;

  if (!sa_sandbox_db_query_row (db, &row, error,
                                SERIALS_CTE "SELECT s.number, o.end_customer_account,"
                                " EXISTS (SELECT 1 FROM devices d WHERE d.tenant = ?1 AND d.serial_number = s.serial)"
                                " FROM serials s JOIN orders o ON o.tenant = ?1 AND o.sales_order_number = s.number"
                                " WHERE s.serial = ?2 AND o.partner = ?3",
                                "ttt", reg->caller->tenant, reg->serial, reg->caller->partner))
    return FALSE;
  if (row == NULL)
    {
      g_set_error_literal (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_VALIDATION_FAILED,
                           "No order of yours has this serial number");
      return FALSE;
    }
  if (sqlite3_column_int (row, 2) != 0)
    {
      g_set_error_literal (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_DUPLICATE_REQUEST,
                           "This device is already registered");
      return FALSE;
    }
  reg->number = g_strdup (sa_sandbox_db_text (row, 0));
  reg->moved = sqlite3_column_type (row, 1) == SQLITE_NULL;

  if (!find_account (db, reg, error) ||
      !sa_sandbox_db_run (db, error,
                          "INSERT INTO devices (tenant, serial_number, sales_order_number, account_id,"
                          " virtual_account, registered_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                          "ttttti", reg->caller->tenant, reg->serial, reg->number, reg->account_id,
                          reg->va, reg->now))
    return FALSE;

  /* The update document: the order leaves the Holding account for the
   * account the device is registered to. */
  if (reg->moved &&
      !sa_sandbox_db_run (db, error,
                          "UPDATE orders SET end_customer_account = ?3, end_customer_va = ?4,"
                          " holding_account = NULL, holding_va = NULL, version = version + 1"
                          " WHERE tenant = ?1 AND sales_order_number = ?2",
                          "tttt", reg->caller->tenant, reg->number, reg->account_id, reg->va))
    return FALSE;

  return sa_sandbox_licenses_settle (db, reg->caller->tenant, reg->now, error);
}

/* POST /sandbox/devices {"serialNumber", "domain", "virtualAccount"?} */
static void
register_device (SaSandboxRequest *request)
{
  g_autoptr(JsonNode) root = sa_sandbox_parse_body_object (request->msg);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  SaRegistration reg = { request->caller, request->now, NULL, NULL, NULL };
  JsonObject *object;

  if (root == NULL)
    return;
  object = json_node_get_object (root);
  if (!sa_sandbox_get_string_member (request->msg, object, "serialNumber", &reg.serial) ||
      !sa_sandbox_get_string_member (request->msg, object, "domain", &reg.domain) ||
      !sa_sandbox_get_string_member (request->msg, object, "virtualAccount", &reg.virtual_account))
    return;
  if (reg.serial == NULL || !sa_sandbox_text_is_valid (reg.serial, 32))
    {
      sa_sandbox_respond_invalid (request->msg, "serialNumber", "Give the device's serial number");
      return;
    }
  if (reg.domain == NULL || !sa_sandbox_text_is_valid (reg.domain, 255))
    {
      sa_sandbox_respond_invalid (request->msg, "domain", "Give the End Customer Smart Account's domain");
      return;
    }

  if (!sa_sandbox_db_transaction (request->db, register_device_tx, &reg, &error))
    {
      if (g_error_matches (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_VALIDATION_FAILED))
        {
          g_autoptr(SaSandboxFieldErrors) errors = sa_sandbox_field_errors_new ();

          sa_sandbox_field_errors_add (errors, "serialNumber", error->message);
          sa_sandbox_respond_field_errors (request->msg, errors);
        }
      else
        sa_sandbox_respond_gerror (request->msg, error);
      registration_clear (&reg);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "serialNumber");
  json_builder_add_string_value (builder, reg.serial);
  json_builder_set_member_name (builder, "salesOrderNumber");
  json_builder_add_string_value (builder, reg.number);
  json_builder_set_member_name (builder, "orderMoved");
  json_builder_add_boolean_value (builder, reg.moved);
  json_builder_set_member_name (builder, "endCustomer");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "domain");
  json_builder_add_string_value (builder, reg.domain);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, reg.account_name);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, reg.account_status);
  json_builder_set_member_name (builder, "virtualAccount");
  json_builder_add_string_value (builder, reg.va);
  json_builder_end_object (builder);
  sa_sandbox_json_add_date (builder, "registeredAt", FALSE, reg.now);
  json_builder_end_object (builder);
  sa_sandbox_respond_builder (request->msg, SOUP_STATUS_CREATED, builder, NULL);
  registration_clear (&reg);
}

typedef struct
{
  const SaSandboxCaller *caller;
  const char            *number;
  gboolean               hold;
  gint64                 now;
} SaHoldChange;

static gboolean
set_export_hold_tx (sqlite3   *db,
                    gpointer   data,
                    GError   **error)
{
  SaHoldChange *change = data;

  return check_order (db, change->caller, change->number, error) &&
         sa_sandbox_db_run (db, error,
                            "UPDATE orders SET export_hold = ?3, version = version + 1"
                            " WHERE tenant = ?1 AND sales_order_number = ?2 AND export_hold <> ?3",
                            "ttb", change->caller->tenant, change->number, change->hold) &&
         sa_sandbox_licenses_settle (db, change->caller->tenant, change->now, error);
}

/* POST /sandbox/orders/{salesOrderNumber}/export-hold {"exportHold": bool}:
 * puts the order on export hold or releases it (training). */
static void
set_export_hold (SaSandboxRequest *request)
{
  g_autoptr(JsonNode) root = sa_sandbox_parse_body_object (request->msg);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  SaHoldChange change = { request->caller, sa_sandbox_request_get_param (request, "salesOrderNumber"),
                          FALSE, request->now };
  JsonNode *hold;

  if (root == NULL)
    return;
  if (!sa_validate_sales_order_number (change.number, NULL))
    {
      sa_sandbox_respond_invalid (request->msg, "salesOrderNumber", "A Sales Order No. is 1 to 20 digits");
      return;
    }
  hold = json_object_get_member (json_node_get_object (root), "exportHold");
  if (hold == NULL || json_node_get_value_type (hold) != G_TYPE_BOOLEAN)
    {
      sa_sandbox_respond_invalid (request->msg, "exportHold", "exportHold is true or false");
      return;
    }
  change.hold = json_node_get_boolean (hold);

  if (!sa_sandbox_db_transaction (request->db, set_export_hold_tx, &change, &error))
    {
      sa_sandbox_respond_gerror (request->msg, error);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "salesOrderNumber");
  json_builder_add_string_value (builder, change.number);
  json_builder_set_member_name (builder, "exportHold");
  json_builder_add_boolean_value (builder, change.hold);
  json_builder_end_object (builder);
  sa_sandbox_respond_builder (request->msg, SOUP_STATUS_OK, builder, NULL);
}

static const SaSandboxRoute routes[] = {
  { "POST", "/sandbox/devices", register_device, SA_SANDBOX_SIGNED_IN },
  { "GET", "/sandbox/orders/{salesOrderNumber}/serial-numbers", list_serial_numbers, SA_SANDBOX_SIGNED_IN },
  { "POST", "/sandbox/orders/{salesOrderNumber}/export-hold", set_export_hold, SA_SANDBOX_SIGNED_IN },
};

const SaSandboxRouteTable sa_sandbox_devices_routes = SA_SANDBOX_ROUTE_TABLE (routes);
