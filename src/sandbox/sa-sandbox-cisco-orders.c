/* sa-sandbox-cisco-orders.c — the CCW Order API's checkOrderStatus under
 * Cisco's path, from the user's training data
 *
 * POST /commerce/ORDER/v2/sync/checkOrderStatus (CISCO-APIS.md §1.4, §6.8):
 * the OAGIS request `GetPurchaseOrder.value.DataArea.PurchaseOrder[0]
 * .PurchaseOrderHeader` names one order by `SalesOrderReference[0].ID.value`
 * (the Sales Order No., a number or text), `DocumentReference[0].ID.value`
 * (the Web Order No.) or `ID.value` (the PO No.). The answer is
 * `ShowPurchaseOrder.value.DataArea` with the order's header (status,
 * numbers, parties, total) and lines. An order that does not exist, or is
 * another partner's, is HTTP 200 with `OSA001` in
 * `Show.ResponseCriteria[0].ResponseExpression.value` and no PurchaseOrder:
 * Cisco does not tell the two apart. Like Cisco's, the answer says nothing
 * of Smart Accounts or export hold.
 *
 * Synthesized (Cisco publishes none; docs/cisco.md): the status texts
 * ("Entered", "Booked", "Scheduled", "Shipped"), the success text, the text
 * around OSA001, the promised delivery date (the order's date plus 21 days,
 * 07:00 UTC), the currency (EUR) and the error bodies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sa-sandbox-cisco-private.h"

#include <stdio.h>
#include <string.h>

#define PROMISED_AFTER_DAYS 21

/* How the request names the order. */
typedef enum
{
  BY_SALES_ORDER,
  BY_WEB_ORDER,
  BY_PURCHASE_ORDER,
} SaOrderReference;

static void
respond_invalid (SoupServerMessage *msg,
                 const char        *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  sa_sandbox_respond_builder (msg, SOUP_STATUS_BAD_REQUEST, builder, NULL);
}

/* @object's member @name if it is an object; else NULL. */
static JsonObject *
get_object (JsonObject *object,
            const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* The first element of @object's array @name if it is an object; else NULL. */
static JsonObject *
get_first (JsonObject *object,
           const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  if (json_array_get_length (array) == 0 || !JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, 0)))
    return NULL;

  return json_array_get_object_element (array, 0);
}

/* The text of `ID.value` in @object (a string, or a whole number as the
 * public client sends sales orders); NULL if there is none. */
static char *
dup_id_value (JsonObject *object)
{
  JsonObject *id = get_object (object, "ID");
  JsonNode *value = id != NULL ? json_object_get_member (id, "value") : NULL;

  if (value == NULL)
    return NULL;
  if (json_node_get_value_type (value) == G_TYPE_INT64 && json_node_get_int (value) >= 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
  if (json_node_get_value_type (value) == G_TYPE_STRING &&
      sa_sandbox_text_is_valid (json_node_get_string (value), 64))
    return g_strstrip (g_strdup (json_node_get_string (value)));

  return NULL;
}

/* The order the request names; NULL with 400 answered. */
static char *
parse_reference (SoupServerMessage *msg,
                 SaOrderReference  *by)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *header;
  const char *problem = NULL;
  char *value = NULL;

  root = sa_sandbox_body_json (msg, &problem);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      respond_invalid (msg, root == NULL ? problem : "The body must be a JSON object");
      return NULL;
    }

  header = get_object (get_first (get_object (get_object (get_object (json_node_get_object (root),
                                                                      "GetPurchaseOrder"),
                                                          "value"),
                                              "DataArea"),
                                  "PurchaseOrder"),
                       "PurchaseOrderHeader");
  if (header != NULL && json_object_has_member (header, "SalesOrderReference"))
    {
      *by = BY_SALES_ORDER;
      value = dup_id_value (get_first (header, "SalesOrderReference"));
    }
  else if (header != NULL && json_object_has_member (header, "DocumentReference"))
    {
      *by = BY_WEB_ORDER;
      value = dup_id_value (get_first (header, "DocumentReference"));
    }
  else if (header != NULL && json_object_has_member (header, "ID"))
    {
      *by = BY_PURCHASE_ORDER;
      value = dup_id_value (header);
    }

  if (value == NULL || *value == '\0')
    {
      g_free (value);
      respond_invalid (msg, "Invalid request: GetPurchaseOrder.value.DataArea.PurchaseOrder[0]"
                            ".PurchaseOrderHeader names no order");
      return NULL;
    }

  return value;
}

/* ------------------------------------------------------------------------ */
/* The answer                                                                */

static void
begin_answer (JsonBuilder *builder,
              const char  *expression)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ShowPurchaseOrder");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "value");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "DataArea");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Show");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ResponseCriteria");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ResponseExpression");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "value");
  json_builder_add_string_value (builder, expression);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
end_answer (JsonBuilder *builder)
{
  json_builder_end_object (builder);  /* DataArea */
  json_builder_end_object (builder);  /* value */
  json_builder_end_object (builder);  /* ShowPurchaseOrder */
  json_builder_end_object (builder);
}

/* {"<member>": {"value": <text>}} or [{"value": <text>}] pieces. */
static void
add_value_object (JsonBuilder *builder,
                  const char  *member,
                  const char  *text)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "value");
  json_builder_add_string_value (builder, text);
  json_builder_end_object (builder);
}

static void
add_value_list (JsonBuilder *builder,
                const char  *member,
                const char  *text)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "value");
  json_builder_add_string_value (builder, text);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
}

/* "ID": {"value": …} inside a list of one: [{"ID": {"value": …}}]. */
static void
add_reference (JsonBuilder *builder,
               const char  *member,
               const char  *text)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_value_object (builder, "ID", text);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
}

/* {"Name": [{"value": …}]} */
static void
add_party (JsonBuilder *builder,
           const char  *name)
{
  json_builder_begin_object (builder);
  add_value_list (builder, "Name", name);
  json_builder_end_object (builder);
}

static const char *
status_text (const char *status)
{
  static const char *const texts[][2] = {
    { "ENTERED", "Entered" }, { "BOOKED", "Booked" }, { "SCHEDULED", "Scheduled" }, { "SHIPPED", "Shipped" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (texts); i++)
    if (g_strcmp0 (status, texts[i][0]) == 0)
      return texts[i][1];

  return status;
}

/* The order's date ("YYYY-MM-DD") plus 21 days, 07:00 UTC, ISO 8601. */
static char *
dup_promised_date (const char *created)
{
  int year = 1970, month = 1, day = 1;
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GDateTime) promised = NULL;

  if (created == NULL || sscanf (created, "%d-%d-%d", &year, &month, &day) != 3)
    year = 1970, month = 1, day = 1;
  date = g_date_time_new_utc (year, month, day, 7, 0, 0);
  if (date == NULL)
    date = g_date_time_new_utc (1970, 1, 1, 7, 0, 0);
  promised = g_date_time_add_days (date, PROMISED_AFTER_DAYS);

  return g_date_time_format (promised, "%Y-%m-%dT%H:%M:%SZ");
}

/* Columns of ORDER_SELECT. */
enum
{
  COL_NUMBER, COL_WEB, COL_PO, COL_STATUS, COL_END_CUSTOMER, COL_CREATED, COL_PARTNER, COL_TOTAL,
};

#define ORDER_SELECT \
  "SELECT o.sales_order_number, o.web_order_id, o.purchase_order_number, o.status," \
  " o.end_customer_name, o.created_date, p.name," \
  " (SELECT coalesce(sum(extended_amount), 0) FROM order_lines l" \
  "  WHERE l.tenant = o.tenant AND l.sales_order_number = o.sales_order_number)" \
  " FROM orders o JOIN partners p ON p.tenant = o.tenant AND p.id = o.partner"

static void
add_header (JsonBuilder  *builder,
            sqlite3_stmt *order)
{
  json_builder_set_member_name (builder, "PurchaseOrderHeader");
  json_builder_begin_object (builder);
  add_value_object (builder, "ID", sa_sandbox_db_text (order, COL_PO));
  add_reference (builder, "DocumentReference", sa_sandbox_db_text (order, COL_WEB));
  add_reference (builder, "SalesOrderReference", sa_sandbox_db_text (order, COL_NUMBER));
  json_builder_set_member_name (builder, "Status");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_value_object (builder, "Description", status_text (sa_sandbox_db_text (order, COL_STATUS)));
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "BillToParty");
  add_party (builder, sa_sandbox_db_text (order, COL_PARTNER));
  json_builder_set_member_name (builder, "ShipToParty");
  add_party (builder, sa_sandbox_db_text (order, COL_END_CUSTOMER));
  json_builder_set_member_name (builder, "Party");
  json_builder_begin_array (builder);
  add_party (builder, sa_sandbox_db_text (order, COL_END_CUSTOMER));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "TotalAmount");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "value");
  json_builder_add_double_value (builder, sqlite3_column_double (order, COL_TOTAL));
  json_builder_set_member_name (builder, "currencyCode");
  json_builder_add_string_value (builder, "EUR");
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static gboolean
add_lines (JsonBuilder   *builder,
           sqlite3       *db,
           const char    *tenant,
           sqlite3_stmt  *order,
           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *promised = dup_promised_date (sa_sandbox_db_text (order, COL_CREATED));

  stmt = sa_sandbox_db_prepare (db, error,
                                "SELECT product, description, quantity, line_number, extended_amount"
                                " FROM order_lines WHERE tenant = ?1 AND sales_order_number = ?2"
                                " ORDER BY line_number",
                                "tt", tenant, sa_sandbox_db_text (order, COL_NUMBER));
  if (stmt == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "PurchaseOrderLine");
  json_builder_begin_array (builder);
  while (sa_sandbox_db_next (stmt, &local_error))
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "Item");
      json_builder_begin_object (builder);
      add_value_object (builder, "ID", sa_sandbox_db_text (stmt, 0));
      add_value_list (builder, "Description", sa_sandbox_db_text (stmt, 1));
      json_builder_set_member_name (builder, "Lot");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "Quantity");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "value");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 2));
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
      json_builder_end_object (builder);  /* Item */
      json_builder_set_member_name (builder, "SalesOrderReference");
      json_builder_begin_object (builder);
      add_value_object (builder, "LineNumberID", sa_sandbox_db_text (stmt, 3));
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "ExtendedAmount");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "value");
      json_builder_add_double_value (builder, sqlite3_column_double (stmt, 4));
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "PromisedDeliveryDateTime");
      json_builder_add_string_value (builder, promised);
      json_builder_set_member_name (builder, "LineIDSet");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      add_value_list (builder, "ID", "1");
      json_builder_end_object (builder);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static void
check_order_status (SaSandboxRequest *request)
{
  g_autofree char *value = NULL;
  g_autoptr(sqlite3_stmt) order = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  SaOrderReference by = BY_SALES_ORDER;

  value = parse_reference (request->msg, &by);
  if (value == NULL)
    return;

  /* another partner's order is not visible: the same OSA001 */
  if (!sa_sandbox_cisco_request_has_fault (request, SA_SANDBOX_CISCO_FAULT_OSA001) &&
      !sa_sandbox_db_query_row (request->db, &order, &error,
                                ORDER_SELECT " WHERE o.tenant = ?1 AND o.partner = ?2 AND"
                                " CASE ?3 WHEN 0 THEN o.sales_order_number = ?4"
                                "  WHEN 1 THEN lower(o.web_order_id) = lower(?4)"
                                "  ELSE lower(o.purchase_order_number) = lower(?4) END"
                                " ORDER BY o.created_date DESC LIMIT 1",
                                "ttit", request->caller->tenant, request->caller->partner, (gint64) by, value))
    {
      sa_sandbox_respond_gerror (request->msg, error);
      return;
    }

  if (order == NULL)
    {
      begin_answer (builder, "OSA001 - No data found");
      end_answer (builder);
      sa_sandbox_respond_builder (request->msg, SOUP_STATUS_OK, builder, NULL);
      return;
    }

  begin_answer (builder, "Success");
  json_builder_set_member_name (builder, "PurchaseOrder");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_header (builder, order);
  if (!add_lines (builder, request->db, request->caller->tenant, order, &error))
    {
      sa_sandbox_respond_gerror (request->msg, error);
      return;
    }
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  end_answer (builder);

  sa_sandbox_respond_builder (request->msg, SOUP_STATUS_OK, builder, NULL);
}

static const SaSandboxRoute routes[] = {
  { "POST", SA_SANDBOX_CISCO_ORDER_PATH, check_order_status, SA_SANDBOX_CISCO },
};

const SaSandboxRouteTable sa_sandbox_cisco_orders_routes = SA_SANDBOX_ROUTE_TABLE (routes);
