/* test-sandbox-cisco-orders.c — the CCW Order API's checkOrderStatus under
 * Cisco's path over loopback: the OAGIS request by Sales Order No. (number
 * or text), Web Order No. and PO No.; the answer's header and lines (the
 * order's own, as the Desk API gives them); OSA001 at HTTP 200 for an order
 * not found or another partner's; 400 for a request that names no order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sandbox-cisco-test-util.h"

static JsonObject *
purchase_order (SctReply *reply)
{
  JsonArray *orders = json_object_get_array_member (sct_data_area (reply), "PurchaseOrder");

  g_assert_cmpuint (json_array_get_length (orders), ==, 1);

  return json_array_get_object_element (orders, 0);
}

static const char *
value_of (JsonObject *object,
          const char *member)
{
  return json_object_get_string_member (json_object_get_object_member (object, member), "value");
}

static const char *
first_value (JsonObject *object,
             const char *member)
{
  return json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (object,
                                                                                                      member),
                                                                        0),
                                        "value");
}

static const char *
first_id (JsonObject *object,
          const char *member)
{
  return value_of (json_array_get_object_element (json_object_get_array_member (object, member), 0), "ID");
}

/* The answer for 104857601, as CISCO-APIS.md §6.8 shapes it; its lines are
 * the Desk API's lines of the order. */
static void
check_order_answer (SbtFixture *f,
                    SctReply   *reply)
{
  g_autoptr(JsonNode) desk = NULL;
  JsonObject *order = purchase_order (reply);
  JsonObject *header = json_object_get_object_member (order, "PurchaseOrderHeader");
  JsonObject *total = json_object_get_object_member (header, "TotalAmount");
  JsonArray *lines = json_object_get_array_member (order, "PurchaseOrderLine");
  JsonArray *desk_lines = json_object_get_array_member (sbt_get_order (f, ORDER_UNASSIGNED, &desk), "lines");
  JsonObject *line, *item;
  guint i;

  g_assert_cmpstr (sct_expression (reply), ==, "Success");
  g_assert_cmpstr (value_of (header, "ID"), ==, "PO-ACME-2291");
  g_assert_cmpstr (first_id (header, "DocumentReference"), ==, "WO73910452");
  g_assert_cmpstr (first_id (header, "SalesOrderReference"), ==, ORDER_UNASSIGNED);
  g_assert_cmpstr (value_of (json_array_get_object_element (json_object_get_array_member (header, "Status"), 0),
                             "Description"), ==, "Booked");
  g_assert_cmpstr (first_value (json_object_get_object_member (header, "BillToParty"), "Name"), ==,
                   "Northwind Networks SARL");
  g_assert_cmpstr (first_value (json_object_get_object_member (header, "ShipToParty"), "Name"), ==,
                   "Acme Industrie SA");
  g_assert_cmpstr (first_value (json_array_get_object_element (json_object_get_array_member (header, "Party"), 0),
                                "Name"), ==, "Acme Industrie SA");
  g_assert_cmpfloat (json_object_get_double_member (total, "value"), ==, 14230.0);
  g_assert_cmpstr (json_object_get_string_member (total, "currencyCode"), ==, "EUR");

  g_assert_cmpuint (json_array_get_length (lines), ==, 2);
  g_assert_cmpuint (json_array_get_length (desk_lines), ==, 2);
  for (i = 0; i < json_array_get_length (lines); i++)
    {
      JsonObject *desk_line = json_array_get_object_element (desk_lines, i);

      line = json_array_get_object_element (lines, i);
      item = json_object_get_object_member (line, "Item");
      g_assert_cmpstr (value_of (item, "ID"), ==, json_object_get_string_member (desk_line, "product"));
      g_assert_cmpstr (first_value (item, "Description"), ==, json_object_get_string_member (desk_line, "description"));
      g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (json_array_get_object_element (
                         json_object_get_array_member (item, "Lot"), 0), "Quantity"), "value"), ==,
                       json_object_get_int_member (desk_line, "quantity"));
      g_assert_cmpstr (value_of (json_object_get_object_member (line, "SalesOrderReference"), "LineNumberID"), ==,
                       json_object_get_string_member (desk_line, "lineNumber"));
      g_assert_cmpstr (json_object_get_string_member (line, "PromisedDeliveryDateTime"), ==,
                       "2026-10-05T07:00:00Z");
      g_assert_cmpstr (first_value (json_array_get_object_element (json_object_get_array_member (line, "LineIDSet"),
                                                                   0), "ID"), ==, "1");
    }
  line = json_array_get_object_element (lines, 0);
  g_assert_cmpstr (value_of (json_object_get_object_member (line, "Item"), "ID"), ==, "C9300-48P-A");
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (line, "ExtendedAmount"), "value"),
                     ==, 9850.0);

  /* nothing Cisco's answer does not hold */
  {
    g_autofree char *text = json_to_string (reply->json, FALSE);

    g_assert_null (strstr (text, "SmartAccount"));
    g_assert_null (strstr (text, "exportHold"));
    g_assert_null (strstr (text, "acme-industrie.fr"));
  }
}

static void
test_order (SbtFixture    *f,
            gconstpointer  data)
{
  static const struct
  {
    const char *member;
    const char *value;
  } references[] = {
    { "SalesOrderReference", ORDER_UNASSIGNED },        /* a number, as the public client sends it */
    { "SalesOrderReference", "\"" ORDER_UNASSIGNED "\"" },
    { "SalesOrderReference", "\" " ORDER_UNASSIGNED " \"" },
    { "DocumentReference", "\"WO73910452\"" },
    { "DocumentReference", "\"wo73910452\"" },
    { "ID", "\"PO-ACME-2291\"" },
    { "ID", "\"po-acme-2291\"" },
  };
  g_autofree char *token = sct_sign_in (f);
  guint i;

  for (i = 0; i < G_N_ELEMENTS (references); i++)
    {
      g_autofree char *body = sct_order_body (references[i].member, references[i].value);
      g_auto(SctReply) reply = { 0 };

      g_test_message ("%s %s", references[i].member, references[i].value);
      sct_post_json (f, token, CCW_ORDER, body, &reply);
      check_order_answer (f, &reply);
    }
}

static void
test_order_statuses (SbtFixture    *f,
                     gconstpointer  data)
{
  static const struct
  {
    const char *number;
    const char *status;
  } orders[] = {
    { "104857602", "Entered" }, { ORDER_UNASSIGNED, "Booked" }, { "104857604", "Scheduled" },
    { ORDER_SHIPPED, "Shipped" },
  };
  g_autofree char *token = sct_sign_in (f);
  guint i;

  for (i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      g_auto(SctReply) reply = { 0 };
      JsonObject *header;

      sct_check_order (f, token, orders[i].number, &reply);
      header = json_object_get_object_member (purchase_order (&reply), "PurchaseOrderHeader");
      g_assert_cmpstr (value_of (json_array_get_object_element (json_object_get_array_member (header, "Status"), 0),
                                 "Description"), ==, orders[i].status);
    }

  /* the order ships: Cisco says so at once */
  {
    g_autoptr(JsonNode) shipped = NULL;
    g_auto(SctReply) reply = { 0 };
    JsonObject *header;
    guint status;

    shipped = sbt_fixture_call (f, "POST", "/sandbox/orders/" ORDER_UNASSIGNED "/ship", NULL, &status);
    g_assert_cmpuint (status, ==, 200);
    sct_check_order (f, token, ORDER_UNASSIGNED, &reply);
    header = json_object_get_object_member (purchase_order (&reply), "PurchaseOrderHeader");
    g_assert_cmpstr (value_of (json_array_get_object_element (json_object_get_array_member (header, "Status"), 0),
                               "Description"), ==, "Shipped");
  }
}

/* Not found and not visible: the same OSA001 at HTTP 200, no PurchaseOrder. */
static void
test_order_osa001 (SbtFixture    *f,
                   gconstpointer  data)
{
  static const struct
  {
    const char *member;
    const char *value;
  } references[] = {
    { "SalesOrderReference", ORDER_MISSING },
    { "SalesOrderReference", ORDER_OTHER_PARTNER },
    { "DocumentReference", "\"WO81200311\"" },    /* the other partner's */
    { "ID", "\"PO-BH-1001\"" },
    { "ID", "\"PO-ACME\"" },                      /* not a whole PO No. */
    { "DocumentReference", "\"WO0000\"" },
  };
  g_autofree char *token = sct_sign_in (f);
  guint i;

  for (i = 0; i < G_N_ELEMENTS (references); i++)
    {
      g_autofree char *body = sct_order_body (references[i].member, references[i].value);
      g_auto(SctReply) reply = { 0 };

      g_test_message ("%s %s", references[i].member, references[i].value);
      sct_post_json (f, token, CCW_ORDER, body, &reply);
      g_assert_cmpuint (reply.status, ==, 200);
      g_assert_nonnull (strstr (sct_expression (&reply), "OSA001"));
      g_assert_false (json_object_has_member (sct_data_area (&reply), "PurchaseOrder"));
    }
}

static void
test_order_refused (SbtFixture    *f,
                    gconstpointer  data)
{
  static const char *const bodies[] = {
    NULL, "", "[]", "{", "{}", "{\"GetPurchaseOrder\": {}}",
    "{\"GetPurchaseOrder\": {\"value\": {\"DataArea\": {\"PurchaseOrder\": []}}}}",
    "{\"GetPurchaseOrder\": {\"value\": {\"DataArea\": {\"PurchaseOrder\": [{\"PurchaseOrderHeader\": {}}]}}}}",
    "{\"GetPurchaseOrder\": {\"value\": {\"DataArea\": {\"PurchaseOrder\": [{\"PurchaseOrderHeader\":"
    " {\"SalesOrderReference\": []}}]}}}}",
    "{\"GetPurchaseOrder\": {\"value\": {\"DataArea\": {\"PurchaseOrder\": [{\"PurchaseOrderHeader\":"
    " {\"SalesOrderReference\": [{\"ID\": {\"value\": true}}]}}]}}}}",
    "{\"GetPurchaseOrder\": {\"value\": {\"DataArea\": {\"PurchaseOrder\": [{\"PurchaseOrderHeader\":"
    " {\"SalesOrderReference\": [{\"ID\": {\"value\": -5}}]}}]}}}}",
    "{\"GetPurchaseOrder\": {\"value\": {\"DataArea\": {\"PurchaseOrder\": [{\"PurchaseOrderHeader\":"
    " {\"ID\": {\"value\": \"\"}}}]}}}}",
    "{\"GetPurchaseOrder\": {\"value\": {\"DataArea\": {\"PurchaseOrder\": [{\"PurchaseOrderHeader\":"
    " {\"ID\": {\"value\": \"PO\\u0000X\"}}}]}}}}",
    "{\"GetPurchaseOrder\": {\"value\": {\"DataArea\": {\"PurchaseOrder\": \"104857601\"}}}}",
    "{\"GetPurchaseOrder\": \xff}",
  };
  g_autofree char *token = sct_sign_in (f);
  guint i;

  for (i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_auto(SctReply) reply = { 0 };

      g_autofree char *shown = g_strescape (bodies[i] != NULL ? bodies[i] : "", NULL);

      g_test_message ("%.200s", shown);
      sct_request (f, token, "POST", CCW_ORDER, "application/json", bodies[i], &reply);
      g_assert_cmpuint (reply.status, ==, 400);
      g_assert_nonnull (sbt_get_string (reply.json, "message"));
    }

  {
    g_auto(SctReply) reply = { 0 };

    sct_get (f, token, CCW_ORDER, &reply);
    g_assert_cmpuint (reply.status, ==, 405);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SBT_ADD ("cisco/orders", test_order);
  SBT_ADD ("cisco/orders/statuses", test_order_statuses);
  SBT_ADD ("cisco/orders/osa001", test_order_osa001);
  SBT_ADD ("cisco/orders/refused", test_order_refused);

  return g_test_run ();
}
