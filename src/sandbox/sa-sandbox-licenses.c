/* sa-sandbox-licenses.c — the sandbox's license model: order lines, and the
 * licenses an order deposits in a Virtual Account
 *
 * Every order has lines (product, quantity, license SKU; table order_lines).
 * A line with a license SKU brings that many licenses. They are deposited —
 * rows of table licenses, each one of Cisco's `licenseDetails`, with the
 * order number — in the Virtual Account of the order's End Customer Smart
 * Account once all of these hold, as Cisco's troubleshooting sections say
 * (ARCHITECTURE.md, "The rules the documents state"):
 * - the order has shipped (POST /sandbox/orders/{n}/ship);
 * - its End Customer Smart Account is Active: a Pending account gets them
 *   when the customer accepts (POST /sandbox/account-requests/{id}/accept);
 * - the order is not on export hold.
 * A Holding Smart Account provisions nothing: an order assigned to a Holding
 * account only gets none until it is reassigned to an End Customer account
 * (which is possible only before it ships). Once deposited, licenses stay
 * where they are, and move only by a transfer (sa-sandbox-cisco-licenses.c).
 *
 * sa_sandbox_licenses_settle() applies the rule; it runs after every event
 * that can make it hold: shipping, accepting, loading the training data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sa-sandbox-private.h"

/* An order whose licenses are due: its number and where they go. */
typedef struct
{
  char *number;
  char *account_id;
  char *virtual_account;
} DueOrder;

static void
due_order_free (gpointer data)
{
  DueOrder *due = data;

  g_free (due->number);
  g_free (due->account_id);
  g_free (due->virtual_account);
  g_free (due);
}

/* The orders of @tenant whose licenses are due and not yet deposited. */
static GPtrArray *
find_due_orders (sqlite3     *db,
                 const char  *tenant,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) due = g_ptr_array_new_with_free_func (due_order_free);
  g_autoptr(GError) local_error = NULL;

  stmt = sa_sandbox_db_prepare (db, error,
                                "SELECT o.sales_order_number, o.end_customer_account, o.end_customer_va"
                                " FROM orders o JOIN smart_accounts a"
                                "   ON a.tenant = o.tenant AND a.id = o.end_customer_account"
                                " WHERE o.tenant = ?1 AND o.status = 'SHIPPED' AND o.licenses_deposited = 0"
                                " AND o.export_hold = 0 AND a.status = 'ACTIVE' AND a.type = 'CUSTOMER'"
                                " AND o.end_customer_va IS NOT NULL",
                                "t", tenant);
  if (stmt == NULL)
    return NULL;
  while (sa_sandbox_db_next (stmt, &local_error))
    {
      DueOrder *order = g_new0 (DueOrder, 1);

      order->number = g_strdup (sa_sandbox_db_text (stmt, 0));
      order->account_id = g_strdup (sa_sandbox_db_text (stmt, 1));
      order->virtual_account = g_strdup (sa_sandbox_db_text (stmt, 2));
      g_ptr_array_add (due, order);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&due);
}

/**
 * sa_sandbox_licenses_settle:
 * @db: the connection, inside a transaction
 * @tenant: the tenant
 * @now: "now" on @tenant's sandbox clock, in seconds since the epoch: the
 *   licenses' start date
 * @error: return location for a #GError
 *
 * Deposits the licenses of every order of @tenant that has shipped, whose
 * End Customer Smart Account is Active and that is not on export hold, and
 * whose licenses were not deposited yet: one license row a line with a
 * license SKU, in the order's End Customer Virtual Account, with the order
 * number and line, starting today; a TERM license ends its term later, less
 * a day (as Cisco's example: 2019-05-20 to 2022-05-19). See the top of this
 * file for the rule and the troubleshooting sections it models.
 *
 * Returns: %TRUE on success; %FALSE with %G_IO_ERROR_FAILED
 */
gboolean
sa_sandbox_licenses_settle (sqlite3     *db,
                            const char  *tenant,
                            gint64       now,
                            GError     **error)
{
  g_autoptr(GPtrArray) due = find_due_orders (db, tenant, error);
  g_autoptr(GDateTime) today = g_date_time_new_from_unix_utc (now);
  g_autofree char *start = NULL;
  guint i;

  if (due == NULL)
    return FALSE;
  start = today != NULL ? g_date_time_format (today, "%Y-%m-%d") : g_strdup ("1970-01-01");

  for (i = 0; i < due->len; i++)
    {
      DueOrder *order = due->pdata[i];

      if (!sa_sandbox_db_run (db, error,
                              "INSERT INTO licenses (tenant, account_id, virtual_account, license, license_sku,"
                              " license_type, quantity, in_use, start_date, end_date, order_number, order_line)"
                              " SELECT tenant, ?2, ?3, license, license_sku, license_type, quantity, 0, ?4,"
                              " CASE WHEN license_type = 'TERM' AND term_months IS NOT NULL"
                              "  THEN date(?4, '+' || term_months || ' months', '-1 day') END,"
                              " sales_order_number, line_number"
                              " FROM order_lines WHERE tenant = ?1 AND sales_order_number = ?5"
                              " AND license_sku IS NOT NULL AND license IS NOT NULL"
                              " ORDER BY line_number",
                              "ttttt", tenant, order->account_id, order->virtual_account, start,
                              order->number) ||
          !sa_sandbox_db_run (db, error,
                              "UPDATE orders SET licenses_deposited = 1"
                              " WHERE tenant = ?1 AND sales_order_number = ?2",
                              "tt", tenant, order->number))
        return FALSE;
      g_debug ("order %s: licenses deposited in %s / %s", order->number, order->account_id,
               order->virtual_account);
    }

  return TRUE;
}

/**
 * sa_sandbox_licenses_add_order_line:
 * @builder: a builder inside the array `lines` of an Order
 * @stmt: a statement standing on a row of order_lines
 * @first_column: the first of its columns line_number, product,
 *   description, quantity, license_sku (SA_SANDBOX_ORDER_LINE_COLUMNS)
 *
 * Adds one line of the Desk API's Order (docs/desk-api.md): `{"lineNumber",
 * "product", "description", "quantity", "licenseSku"}` (`licenseSku` null
 * for a line without a license).
 */
void
sa_sandbox_licenses_add_order_line (JsonBuilder  *builder,
                                    sqlite3_stmt *stmt,
                                    int           first_column)
{
  static const char *const strings[] = { "lineNumber", "product", "description" };

  json_builder_begin_object (builder);
  sa_sandbox_json_add_columns (builder, stmt, strings, G_N_ELEMENTS (strings), first_column);
  json_builder_set_member_name (builder, "quantity");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, first_column + 3));
  json_builder_set_member_name (builder, "licenseSku");
  if (sqlite3_column_type (stmt, first_column + 4) == SQLITE_NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, sa_sandbox_db_text (stmt, first_column + 4));
  json_builder_end_object (builder);
}

/**
 * sa_sandbox_licenses_add_order_lines:
 * @builder: a builder inside the Order object
 * @db: the connection
 * @tenant: the order's tenant
 * @number: the order's Sales Order No.
 *
 * Adds the member `lines` of the Desk API's Order (docs/desk-api.md): its
 * lines in order, each `{"lineNumber", "product", "description", "quantity",
 * "licenseSku"}` (`licenseSku` null for a line without a license). A database
 * failure is logged and gives the lines read so far.
 */
void
sa_sandbox_licenses_add_order_lines (JsonBuilder *builder,
                                     sqlite3     *db,
                                     const char  *tenant,
                                     const char  *number)
{
  g_autoptr(SaSandboxCachedStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  json_builder_set_member_name (builder, "lines");
  json_builder_begin_array (builder);
  /* an order's details (a page of orders reads its lines with its orders) */
  stmt = sa_sandbox_db_cached (db, &error,
                               "SELECT line_number, product, description, quantity, license_sku"
                               " FROM order_lines WHERE tenant = ?1 AND sales_order_number = ?2"
                               " ORDER BY line_number");
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, tenant, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, number, -1, SQLITE_STATIC);
    }
  while (stmt != NULL && sa_sandbox_db_next (stmt, &error))
    sa_sandbox_licenses_add_order_line (builder, stmt, 0);
  if (error != NULL)
    g_message ("order %s: lines not read: %s", number, error->message);
  json_builder_end_array (builder);
}
