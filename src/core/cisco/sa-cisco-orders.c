/* sa-cisco-orders.c — one order's status, from the CCW Order API
 *
 * The request is OAGIS in JSON, exactly as the only public client of this API
 * builds it (CISCO-APIS.md §1.4): a `GetPurchaseOrder` whose header carries
 * the reference chosen by the kind of number: `SalesOrderReference[0].ID`
 * (Sales Order No.), `DocumentReference[0].ID` (Web Order No.), both sent as
 * JSON numbers when the number is all digits; or the header's own `ID` (PO
 * No., a string). The answer is read under `ShowPurchaseOrder.value.DataArea`;
 * `OSA001` in `Show.ResponseCriteria[0].ResponseExpression.value`, at HTTP
 * 200, means "not found or not visible to your API application" (Cisco does
 * not tell the two apart).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sa-cisco"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sa-cisco-api-private.h"
#include "sa-cisco-orders.h"

#define MAX_NUMBER_LENGTH 64
/* The application's name in `ApplicationArea.BODID` (the public client sends
 * its own there). */
#define BOD_ID            "SmartAccountDesk"

/* ------------------------------------------------------------------------ */
/* The request */

static void
add_reference_id (JsonBuilder *builder,
                  const char  *number,
                  gboolean     numeric)
{
  gint64 value = 0;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "value");
  if (numeric && g_ascii_string_to_signed (number, 10, 0, G_MAXINT64, &value, NULL))
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_string_value (builder, number);
  json_builder_end_object (builder);
}

static GBytes *
build_request (SaOrderSearchField  field,
               const char         *number)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "GetPurchaseOrder");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "value");
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "DataArea");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "PurchaseOrder");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "PurchaseOrderHeader");
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "Description");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "value");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "typeCode");
  json_builder_add_string_value (builder, "details");
  json_builder_end_object (builder);
  json_builder_end_array (builder);

  if (field == SA_ORDER_SEARCH_PURCHASE_ORDER_NUMBER)
    {
      json_builder_set_member_name (builder, "ID");
      add_reference_id (builder, number, FALSE);
    }
  else
    {
      json_builder_set_member_name (builder, field == SA_ORDER_SEARCH_WEB_ORDER_ID
                                             ? "DocumentReference" : "SalesOrderReference");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "ID");
      add_reference_id (builder, number, TRUE);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);  /* PurchaseOrderHeader */
  json_builder_end_object (builder);
  json_builder_end_array (builder);   /* PurchaseOrder */
  json_builder_end_object (builder);  /* DataArea */

  /* As the public client sends it, "datetime" included (CISCO-APIS.md §1.4). */
  json_builder_set_member_name (builder, "ApplicationArea");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "CreationDateTime");
  json_builder_add_string_value (builder, "datetime");
  json_builder_set_member_name (builder, "BODID");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "value");
  json_builder_add_string_value (builder, BOD_ID);
  json_builder_set_member_name (builder, "schemeVersionID");
  json_builder_add_string_value (builder, "V1");
  json_builder_end_object (builder);
  json_builder_end_object (builder);  /* ApplicationArea */

  json_builder_end_object (builder);  /* value */
  json_builder_end_object (builder);  /* GetPurchaseOrder */
  json_builder_end_object (builder);

  return sa_cisco_json_builder_to_bytes (builder);
}

/* ------------------------------------------------------------------------ */
/* The answer */

static double
walk_number (JsonNode   *node,
             const char *path)
{
  JsonNode *found = sa_cisco_json_walk (node, path);
  g_autofree char *text = NULL;
  double value;
  char *end = NULL;

  if (found == NULL || !JSON_NODE_HOLDS_VALUE (found))
    return 0;
  if (json_node_get_value_type (found) == G_TYPE_INT64 ||
      json_node_get_value_type (found) == G_TYPE_DOUBLE)
    return json_node_get_double (found);
  if (json_node_get_value_type (found) != G_TYPE_STRING)
    return 0;

  text = g_strstrip (g_strdup (json_node_get_string (found)));
  value = g_ascii_strtod (text, &end);
  return end != NULL && *end == '\0' && end != text ? value : 0;
}

static SaOrderLine *
parse_line (JsonNode *node)
{
  g_autofree char *sku = sa_cisco_json_walk_text (node, "Item.ID.value");
  g_autofree char *description = sa_cisco_json_walk_text (node, "Item.Description[0].value");
  g_autofree char *line_number = sa_cisco_json_walk_text (node, "SalesOrderReference.LineNumberID.value");
  g_autofree char *promised = sa_cisco_json_walk_text (node, "PromisedDeliveryDateTime");
  g_autofree char *ship_set = sa_cisco_json_walk_text (node, "LineIDSet[0].ID[0].value");
  g_autoptr(GDateTime) promised_date = NULL;

  if (promised != NULL)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

      promised_date = g_date_time_new_from_iso8601 (promised, utc);
      if (promised_date == NULL)
        g_debug ("Ignoring a promised date that is not ISO 8601");
    }

  return sa_order_line_new (sku, description,
                            walk_number (node, "Item.Lot[0].Quantity.value"),
                            line_number, promised_date, ship_set);
}

static SaCiscoOrderStatus *
parse_order (JsonNode  *root,
             GError   **error)
{
  JsonNode *data_area = sa_cisco_json_walk (root, "ShowPurchaseOrder.value.DataArea");
  JsonNode *header;
  JsonNode *lines;
  g_autofree char *expression = NULL;
  g_autofree char *status = NULL;
  g_autofree char *sales = NULL;
  g_autofree char *web = NULL;
  g_autofree char *po = NULL;
  g_autofree char *bill_to = NULL;
  g_autofree char *ship_to = NULL;
  g_autofree char *end_customer = NULL;
  g_autofree char *currency = NULL;
  g_autoptr(SaCiscoOrderStatus) order = NULL;

  if (data_area == NULL)
    {
      g_propagate_error (error, sa_cisco_error_new (SA_CISCO_ERROR_BAD_REPLY,
                                                    "no ShowPurchaseOrder.value.DataArea"));
      return NULL;
    }

  expression = sa_cisco_json_walk_text (data_area, "Show.ResponseCriteria[0].ResponseExpression.value");
  if (expression != NULL && strstr (expression, "OSA001") != NULL)
    {
      g_debug ("checkOrderStatus: %s", expression);
      g_set_error_literal (error, SA_CISCO_ERROR, SA_CISCO_ERROR_NOT_FOUND,
                           _("This order was not found or is not visible to your API application. Check the number; if it is right, the Cisco.com user who registered the application has no access to this order in Cisco Commerce Workspace (CCW)."));
      return NULL;
    }

  header = sa_cisco_json_walk (data_area, "PurchaseOrder[0].PurchaseOrderHeader");
  if (header == NULL || !JSON_NODE_HOLDS_OBJECT (header))
    {
      g_propagate_error (error, sa_cisco_error_new (SA_CISCO_ERROR_BAD_REPLY,
                                                    "no PurchaseOrder[0].PurchaseOrderHeader"));
      return NULL;
    }

  status = sa_cisco_json_walk_text (header, "Status[0].Description.value");
  sales = sa_cisco_json_walk_text (header, "SalesOrderReference[0].ID.value");
  web = sa_cisco_json_walk_text (header, "DocumentReference[0].ID.value");
  po = sa_cisco_json_walk_text (header, "ID.value");
  order = sa_cisco_order_status_new (status, sales, web, po);

  bill_to = sa_cisco_json_walk_text (header, "BillToParty.Name[0].value");
  ship_to = sa_cisco_json_walk_text (header, "ShipToParty.Name[0].value");
  end_customer = sa_cisco_json_walk_text (header, "Party[0].Name[0].value");
  sa_cisco_order_status_set_parties (order, bill_to, ship_to, end_customer);

  if (sa_cisco_json_walk (header, "TotalAmount.value") != NULL)
    {
      currency = sa_cisco_json_walk_text (header, "TotalAmount.currencyCode");
      sa_cisco_order_status_set_total (order, walk_number (header, "TotalAmount.value"), currency);
    }

  lines = sa_cisco_json_walk (data_area, "PurchaseOrder[0].PurchaseOrderLine");
  if (lines != NULL && JSON_NODE_HOLDS_ARRAY (lines))
    {
      JsonArray *array = json_node_get_array (lines);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          g_autoptr(SaOrderLine) line = NULL;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            continue;
          line = parse_line (node);
          sa_cisco_order_status_add_line (order, line);
        }
    }

  return g_steal_pointer (&order);
}

static void
on_order_answered (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  SaCiscoOrderStatus *order;

  root = sa_cisco_api_call_finish (SA_CISCO_API (object), result, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  order = parse_order (root, &error);
  if (order == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, order, g_object_unref);
}

/* ------------------------------------------------------------------------ */
/* Public */

/**
 * sa_cisco_api_check_order_status_async:
 * @self: an #SaCiscoApi
 * @field: which number @number is: Sales Order No., Web Order No. or PO No.
 * @number: the number, as the user typed it (surrounding spaces ignored)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * `POST checkOrderStatus`: finds one order by its number (the Orders view with
 * the Cisco connection; the first check of "Where are my licenses?": has the
 * order shipped?). Step 2 of assigning an order searches the same way.
 */
void
sa_cisco_api_check_order_status_async (SaCiscoApi          *self,
                                       SaOrderSearchField   field,
                                       const char          *number,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *stripped = NULL;

  g_return_if_fail (SA_IS_CISCO_API (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sa_cisco_api_check_order_status_async);

  if (number != NULL && g_utf8_validate (number, -1, NULL))
    stripped = g_strstrip (g_strdup (number));

  if (stripped == NULL || *stripped == '\0' || strlen (stripped) > MAX_NUMBER_LENGTH ||
      (field != SA_ORDER_SEARCH_SALES_ORDER_NUMBER &&
       field != SA_ORDER_SEARCH_WEB_ORDER_ID &&
       field != SA_ORDER_SEARCH_PURCHASE_ORDER_NUMBER))
    {
      g_task_return_new_error (task, SA_CISCO_ERROR, SA_CISCO_ERROR_INVALID_INPUT, "%s",
                               _("Enter a Sales Order No., Web Order No. or PO No. to look up."));
      return;
    }

  body = build_request (field, stripped);
  sa_cisco_api_call_async (self, "POST", self->order_uri, "application/json", body,
                           SA_CISCO_CALL_IDEMPOTENT, cancellable,
                           on_order_answered, g_steal_pointer (&task));
}

/**
 * sa_cisco_api_check_order_status_finish:
 * @self: an #SaCiscoApi
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): the order; or %NULL with
 *   %SA_CISCO_ERROR_NOT_FOUND (`OSA001`: "not found or not visible to your API
 *   application"), another %SA_CISCO_ERROR or %G_IO_ERROR_CANCELLED
 */
SaCiscoOrderStatus *
sa_cisco_api_check_order_status_finish (SaCiscoApi    *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_cisco_api_check_order_status_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
