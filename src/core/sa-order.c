/* sa-order.c — a Sales Order with its Smart Account assignment, parties and
 * lines: from the Desk's JSON, or built by another back end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sa-error.h"
#include "sa-json-private.h"
#include "sa-order.h"

struct _SaOrder
{
  GObject        parent_instance;

  char          *sales_order_number;
  char          *web_order_id;
  char          *purchase_order_number;
  char          *end_customer_name;
  char          *bill_to_name;
  char          *ship_to_name;
  char          *description;
  char          *created_date;
  char          *status_text;
  char          *etag;
  SaAssignment  *end_customer;
  SaAssignment  *holding;
  GListStore    *lines;  /* of SaOrderLine */
  gint64         version;
  SaOrderStatus  status;
  gboolean       export_hold;
  gboolean       assignment_known;
};

G_DEFINE_FINAL_TYPE (SaOrder, sa_order, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SALES_ORDER_NUMBER,
  PROP_WEB_ORDER_ID,
  PROP_PURCHASE_ORDER_NUMBER,
  PROP_END_CUSTOMER_NAME,
  PROP_BILL_TO_NAME,
  PROP_SHIP_TO_NAME,
  PROP_DESCRIPTION,
  PROP_CREATED_DATE,
  PROP_STATUS,
  PROP_STATUS_TEXT,
  PROP_EXPORT_HOLD,
  PROP_ASSIGNMENT_KNOWN,
  PROP_VERSION,
  PROP_ETAG,
  PROP_END_CUSTOMER,
  PROP_HOLDING,
  PROP_LINES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sa_order_dispose (GObject *object)
{
  SaOrder *self = (SaOrder *)object;

  g_clear_object (&self->end_customer);
  g_clear_object (&self->holding);
  g_clear_object (&self->lines);

  G_OBJECT_CLASS (sa_order_parent_class)->dispose (object);
}

static void
sa_order_finalize (GObject *object)
{
  SaOrder *self = (SaOrder *)object;

  g_clear_pointer (&self->sales_order_number, g_free);
  g_clear_pointer (&self->web_order_id, g_free);
  g_clear_pointer (&self->purchase_order_number, g_free);
  g_clear_pointer (&self->end_customer_name, g_free);
  g_clear_pointer (&self->bill_to_name, g_free);
  g_clear_pointer (&self->ship_to_name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->created_date, g_free);
  g_clear_pointer (&self->status_text, g_free);
  g_clear_pointer (&self->etag, g_free);

  G_OBJECT_CLASS (sa_order_parent_class)->finalize (object);
}

static void
sa_order_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SaOrder *self = SA_ORDER (object);

  switch (prop_id)
    {
    case PROP_SALES_ORDER_NUMBER:
      g_value_set_string (value, self->sales_order_number);
      break;
    case PROP_WEB_ORDER_ID:
      g_value_set_string (value, self->web_order_id);
      break;
    case PROP_PURCHASE_ORDER_NUMBER:
      g_value_set_string (value, self->purchase_order_number);
      break;
    case PROP_END_CUSTOMER_NAME:
      g_value_set_string (value, self->end_customer_name);
      break;
    case PROP_BILL_TO_NAME:
      g_value_set_string (value, self->bill_to_name);
      break;
    case PROP_SHIP_TO_NAME:
      g_value_set_string (value, self->ship_to_name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_CREATED_DATE:
      g_value_set_string (value, self->created_date);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_STATUS_TEXT:
      g_value_set_string (value, self->status_text);
      break;
    case PROP_EXPORT_HOLD:
      g_value_set_boolean (value, self->export_hold);
      break;
    case PROP_ASSIGNMENT_KNOWN:
      g_value_set_boolean (value, self->assignment_known);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    case PROP_ETAG:
      g_value_set_string (value, self->etag);
      break;
    case PROP_END_CUSTOMER:
      g_value_set_object (value, self->end_customer);
      break;
    case PROP_HOLDING:
      g_value_set_object (value, self->holding);
      break;
    case PROP_LINES:
      g_value_set_object (value, self->lines);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_order_class_init (SaOrderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = sa_order_dispose;
  object_class->finalize = sa_order_finalize;
  object_class->get_property = sa_order_get_property;

  properties[PROP_SALES_ORDER_NUMBER] =
    g_param_spec_string ("sales-order-number", NULL, NULL, NULL, flags);
  properties[PROP_WEB_ORDER_ID] =
    g_param_spec_string ("web-order-id", NULL, NULL, NULL, flags);
  properties[PROP_PURCHASE_ORDER_NUMBER] =
    g_param_spec_string ("purchase-order-number", NULL, NULL, NULL, flags);
  properties[PROP_END_CUSTOMER_NAME] =
    g_param_spec_string ("end-customer-name", NULL, NULL, NULL, flags);
  properties[PROP_BILL_TO_NAME] =
    g_param_spec_string ("bill-to-name", NULL, NULL, NULL, flags);
  properties[PROP_SHIP_TO_NAME] =
    g_param_spec_string ("ship-to-name", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_CREATED_DATE] =
    g_param_spec_string ("created-date", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL,
                      SA_ORDER_STATUS_ENTERED, SA_ORDER_STATUS_SHIPPED,
                      SA_ORDER_STATUS_ENTERED, flags);
  properties[PROP_STATUS_TEXT] =
    g_param_spec_string ("status-text", NULL, NULL, NULL, flags);
  properties[PROP_EXPORT_HOLD] =
    g_param_spec_boolean ("export-hold", NULL, NULL, FALSE, flags);
  properties[PROP_ASSIGNMENT_KNOWN] =
    g_param_spec_boolean ("assignment-known", NULL, NULL, TRUE, flags);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ETAG] =
    g_param_spec_string ("etag", NULL, NULL, NULL, flags);
  properties[PROP_END_CUSTOMER] =
    g_param_spec_object ("end-customer", NULL, NULL, SA_TYPE_ASSIGNMENT, flags);
  properties[PROP_HOLDING] =
    g_param_spec_object ("holding", NULL, NULL, SA_TYPE_ASSIGNMENT, flags);
  properties[PROP_LINES] =
    g_param_spec_object ("lines", NULL, NULL, G_TYPE_LIST_MODEL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sa_order_init (SaOrder *self)
{
  self->lines = g_list_store_new (SA_TYPE_ORDER_LINE);
  self->assignment_known = TRUE;
}

/* The Desk's optional `lines` (docs/desk-api.md): [{product, description,
 * quantity, lineNumber, licenseSku, promisedDate, shipSet}], each member but
 * `product` optional; the product ordered is the line's SKU. */
static gboolean
read_lines (JsonObject  *object,
            SaOrder     *self,
            GError     **error)
{
  JsonArray *lines;
  guint n;

  if (!json_object_has_member (object, "lines") ||
      JSON_NODE_HOLDS_NULL (json_object_get_member (object, "lines")))
    return TRUE;

  if (!sa_json_read_array (object, "order", "lines", &lines, error))
    return FALSE;

  n = json_array_get_length (lines);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (lines, i);
      JsonObject *line_object;
      const char *sku, *description, *line_number, *ship_set;
      g_autoptr(GDateTime) promised_date = NULL;
      g_autoptr(SaOrderLine) line = NULL;
      gint64 quantity;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return sa_json_fail_value ("order", "lines", error);
      line_object = json_node_get_object (node);

      if (!sa_json_read_string (line_object, "order line", "product", TRUE, &sku, error) ||
          !sa_json_read_string (line_object, "order line", "description", FALSE, &description, error) ||
          !sa_json_read_int (line_object, "order line", "quantity", FALSE, 0, &quantity, error) ||
          !sa_json_read_string (line_object, "order line", "lineNumber", FALSE, &line_number, error) ||
          !sa_json_read_date (line_object, "order line", "promisedDate", FALSE, &promised_date, error) ||
          !sa_json_read_string (line_object, "order line", "shipSet", FALSE, &ship_set, error))
        return FALSE;

      line = sa_order_line_new (sku, description, (double) quantity, line_number,
                                promised_date, ship_set);
      g_list_store_append (self->lines, line);
    }

  return TRUE;
}

static gboolean
read_slot (JsonObject     *object,
           const char     *member,
           SaAccountType   expected_type,
           SaAssignment  **out,
           GError        **error)
{
  JsonObject *slot = NULL;

  *out = NULL;

  if (!sa_json_read_object (object, "order", member, &slot, error))
    return FALSE;

  if (slot == NULL)
    return TRUE;

  *out = sa_assignment_new_from_json (slot, error);
  if (*out == NULL)
    return FALSE;

  /* The server never puts an account of the other type in a slot. */
  if (sa_assignment_get_account_type (*out) != expected_type)
    {
      g_clear_object (out);
      return sa_json_fail_value ("order", member, error);
    }

  return TRUE;
}

/**
 * sa_order_new_from_json:
 * @object: an order object of the Desk API
 * @etag: (nullable): the `ETag` header sent with it, quotes included; %NULL for
 *   an order from a search result
 * @error: return location for a #GError, or %NULL
 *
 * Reads an order (the order page: step 3 of updating an assignment).
 * `salesOrderNumber`, `status` and `version` are required; the other strings
 * (`billToName`, `shipToName` and `createdDate` included), `exportHold`
 * (default %FALSE) and `lines` may be missing or null; `endCustomer` and
 * `holding` are an assignment object or null. The Desk knows the assignment:
 * #SaOrder:assignment-known is %TRUE, and #SaOrder:status-text is the wire
 * status ("SHIPPED").
 *
 * Returns: (transfer full) (nullable): a new #SaOrder, or %NULL with
 *   %SA_CLIENT_ERROR_INVALID_RESPONSE when a field is missing, of the wrong type
 *   or has an unknown value
 */
SaOrder *
sa_order_new_from_json (JsonObject  *object,
                        const char  *etag,
                        GError     **error)
{
  const char *what = "order";
  const char *sales_order_number, *web_order_id, *purchase_order_number;
  const char *end_customer_name, *description, *created_date, *status_str;
  const char *bill_to_name, *ship_to_name;
  g_autoptr(SaAssignment) end_customer = NULL;
  g_autoptr(SaAssignment) holding = NULL;
  SaOrderStatus status;
  gboolean export_hold;
  gint64 version;
  g_autoptr(SaOrder) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);

  if (!sa_json_read_string (object, what, "salesOrderNumber", TRUE, &sales_order_number, error) ||
      !sa_json_read_string (object, what, "webOrderId", FALSE, &web_order_id, error) ||
      !sa_json_read_string (object, what, "purchaseOrderNumber", FALSE, &purchase_order_number, error) ||
      !sa_json_read_string (object, what, "endCustomerName", FALSE, &end_customer_name, error) ||
      !sa_json_read_string (object, what, "billToName", FALSE, &bill_to_name, error) ||
      !sa_json_read_string (object, what, "shipToName", FALSE, &ship_to_name, error) ||
      !sa_json_read_string (object, what, "description", FALSE, &description, error) ||
      !sa_json_read_string (object, what, "createdDate", FALSE, &created_date, error) ||
      !sa_json_read_string (object, what, "status", TRUE, &status_str, error) ||
      !sa_json_read_boolean (object, what, "exportHold", FALSE, FALSE, &export_hold, error) ||
      !sa_json_read_int (object, what, "version", TRUE, 0, &version, error) ||
      !read_slot (object, "endCustomer", SA_ACCOUNT_TYPE_CUSTOMER, &end_customer, error) ||
      !read_slot (object, "holding", SA_ACCOUNT_TYPE_HOLDING, &holding, error))
    return NULL;

  if (!sa_order_status_from_string (status_str, &status))
    return (sa_json_fail_value (what, "status", error), NULL);
  if (version < 0)
    return (sa_json_fail_value (what, "version", error), NULL);

  self = g_object_new (SA_TYPE_ORDER, NULL);
  self->sales_order_number = g_strdup (sales_order_number);
  self->web_order_id = g_strdup (web_order_id);
  self->purchase_order_number = g_strdup (purchase_order_number);
  self->end_customer_name = g_strdup (end_customer_name);
  self->bill_to_name = g_strdup (bill_to_name);
  self->ship_to_name = g_strdup (ship_to_name);
  self->description = g_strdup (description);
  self->created_date = g_strdup (created_date);
  self->status = status;
  self->status_text = g_strdup (status_str);
  self->export_hold = export_hold;
  self->version = version;
  self->etag = g_strdup (etag);
  self->end_customer = g_steal_pointer (&end_customer);
  self->holding = g_steal_pointer (&holding);

  if (!read_lines (object, self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * sa_order_new:
 * @sales_order_number: the Sales Order No.
 * @status: the status, as near as the back end can tell (%SA_ORDER_STATUS_SHIPPED
 *   only when it has shipped: the licenses are provisioned then)
 * @status_text: (nullable): the status as the back end wrote it (Cisco's
 *   order status text, shown as it is); %NULL for the wire name of @status
 *
 * Builds an order for a back end that does not read the Desk's JSON (Cisco's
 * CCW Order API): the order page's header, step 3 of updating an assignment
 * and the first check of "Where are my licenses?" (has it shipped?). Set the
 * other fields with the sa_order_set_*() functions and sa_order_add_line()
 * before handing it out; it has no version and no ETag, and its assignment is
 * known (sa_order_set_assignment_known() says otherwise).
 *
 * Returns: (transfer full): a new #SaOrder
 */
SaOrder *
sa_order_new (const char    *sales_order_number,
              SaOrderStatus  status,
              const char    *status_text)
{
  SaOrder *self;

  g_return_val_if_fail (sales_order_number != NULL, NULL);
  g_return_val_if_fail (status <= SA_ORDER_STATUS_SHIPPED, NULL);

  self = g_object_new (SA_TYPE_ORDER, NULL);
  self->sales_order_number = g_strdup (sales_order_number);
  self->status = status;
  self->status_text = g_strdup (status_text != NULL ? status_text
                                                    : sa_order_status_to_string (status));

  return self;
}

/**
 * sa_order_set_numbers:
 * @self: an #SaOrder being built by a back end
 * @web_order_id: (nullable): the Web Order No.
 * @purchase_order_number: (nullable): the PO No.
 *
 * Sets the order's other numbers (the three an order search looks in).
 */
void
sa_order_set_numbers (SaOrder    *self,
                      const char *web_order_id,
                      const char *purchase_order_number)
{
  g_return_if_fail (SA_IS_ORDER (self));

  g_free (self->web_order_id);
  self->web_order_id = g_strdup (web_order_id);
  g_free (self->purchase_order_number);
  self->purchase_order_number = g_strdup (purchase_order_number);
}

/**
 * sa_order_set_parties:
 * @self: an #SaOrder being built by a back end
 * @bill_to_name: (nullable): the bill-to party's name
 * @ship_to_name: (nullable): the ship-to party's name
 * @end_customer_name: (nullable): the end customer's name
 *
 * Sets the parties of the order, as the order page shows them (with Cisco:
 * `BillToParty`, `ShipToParty` and `Party[0]` of checkOrderStatus).
 */
void
sa_order_set_parties (SaOrder    *self,
                      const char *bill_to_name,
                      const char *ship_to_name,
                      const char *end_customer_name)
{
  g_return_if_fail (SA_IS_ORDER (self));

  g_free (self->bill_to_name);
  self->bill_to_name = g_strdup (bill_to_name);
  g_free (self->ship_to_name);
  self->ship_to_name = g_strdup (ship_to_name);
  g_free (self->end_customer_name);
  self->end_customer_name = g_strdup (end_customer_name);
}

/**
 * sa_order_set_description:
 * @self: an #SaOrder being built by a back end
 * @description: (nullable): what was ordered
 * @created_date: (nullable): the creation date, ISO 8601 ("2026-09-14")
 *
 * Sets the order's description and creation date.
 */
void
sa_order_set_description (SaOrder    *self,
                          const char *description,
                          const char *created_date)
{
  g_return_if_fail (SA_IS_ORDER (self));

  g_free (self->description);
  self->description = g_strdup (description);
  g_free (self->created_date);
  self->created_date = g_strdup (created_date);
}

/**
 * sa_order_set_assignment_known:
 * @self: an #SaOrder being built by a back end
 * @known: %FALSE when the back end publishes neither the order's Smart
 *   Account assignment nor its export hold
 *
 * With Cisco, %FALSE: the CCW Order API tells no Smart Account, Virtual
 * Account or export hold (CISCO-APIS.md §1.4), so the order page says so and
 * links the CCW order page instead of showing empty slots, and "Where are my
 * licenses?" names what the API cannot tell.
 */
void
sa_order_set_assignment_known (SaOrder  *self,
                               gboolean  known)
{
  g_return_if_fail (SA_IS_ORDER (self));

  self->assignment_known = !!known;
}

/**
 * sa_order_add_line:
 * @self: an #SaOrder being built by a back end
 * @line: one of its lines
 *
 * Appends @line to the order's lines.
 */
void
sa_order_add_line (SaOrder     *self,
                   SaOrderLine *line)
{
  g_return_if_fail (SA_IS_ORDER (self));
  g_return_if_fail (SA_IS_ORDER_LINE (line));

  g_list_store_append (self->lines, line);
}

/**
 * sa_order_fill:
 * @self: an #SaOrder that stands for an order not fetched yet (a placeholder
 *   of #SaOrderPages), empty until now
 * @from: (transfer none): the order fetched for its position
 *
 * Issue 12 (no frame dropped while scrolling the Orders view): gives @self
 * every field of @from (copies of its strings, references to its Smart
 * Accounts and lines), then notifies each property once, so that a row
 * showing @self shows the order without the list model announcing a changed
 * item (which makes GTK 4.8's list view rebind every row it holds after it).
 * The one exception to "read-only once returned": only for an order that
 * stood for nothing yet, so nobody has read another value from it.
 */
void
sa_order_fill (SaOrder *self,
               SaOrder *from)
{
  g_return_if_fail (SA_IS_ORDER (self));
  g_return_if_fail (SA_IS_ORDER (from));
  g_return_if_fail (self != from);

  g_object_freeze_notify (G_OBJECT (self));
  g_free (self->sales_order_number);
  self->sales_order_number = g_strdup (from->sales_order_number);
  g_free (self->web_order_id);
  self->web_order_id = g_strdup (from->web_order_id);
  g_free (self->purchase_order_number);
  self->purchase_order_number = g_strdup (from->purchase_order_number);
  g_free (self->end_customer_name);
  self->end_customer_name = g_strdup (from->end_customer_name);
  g_free (self->bill_to_name);
  self->bill_to_name = g_strdup (from->bill_to_name);
  g_free (self->ship_to_name);
  self->ship_to_name = g_strdup (from->ship_to_name);
  g_free (self->description);
  self->description = g_strdup (from->description);
  g_free (self->created_date);
  self->created_date = g_strdup (from->created_date);
  g_free (self->status_text);
  self->status_text = g_strdup (from->status_text);
  g_free (self->etag);
  self->etag = g_strdup (from->etag);
  g_set_object (&self->end_customer, from->end_customer);
  g_set_object (&self->holding, from->holding);
  g_list_store_remove_all (self->lines);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (from->lines)); i++)
    {
      g_autoptr(SaOrderLine) line = g_list_model_get_item (G_LIST_MODEL (from->lines), i);

      g_list_store_append (self->lines, line);
    }
  self->version = from->version;
  self->status = from->status;
  self->export_hold = from->export_hold;
  self->assignment_known = from->assignment_known;
  for (guint i = PROP_0 + 1; i < N_PROPS; i++)
    if (i != PROP_LINES)
      g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * sa_order_get_sales_order_number:
 * @self: an #SaOrder
 *
 * Returns: (transfer none): the Sales Order No.
 */
const char *
sa_order_get_sales_order_number (SaOrder *self)
{
  g_return_val_if_fail (SA_IS_ORDER (self), NULL);
  return self->sales_order_number;
}

/**
 * sa_order_get_web_order_id:
 * @self: an #SaOrder
 *
 * Returns: (transfer none) (nullable): the Web Order No.
 */
const char *
sa_order_get_web_order_id (SaOrder *self)
{
  g_return_val_if_fail (SA_IS_ORDER (self), NULL);
  return self->web_order_id;
}

/**
 * sa_order_get_purchase_order_number:
 * @self: an #SaOrder
 *
 * Returns: (transfer none) (nullable): the PO No.
 */
const char *
sa_order_get_purchase_order_number (SaOrder *self)
{
  g_return_val_if_fail (SA_IS_ORDER (self), NULL);
  return self->purchase_order_number;
}

/**
 * sa_order_get_end_customer_name:
 * @self: an #SaOrder
 *
 * Returns: (transfer none) (nullable): the end customer's name on the order
 */
const char *
sa_order_get_end_customer_name (SaOrder *self)
{
  g_return_val_if_fail (SA_IS_ORDER (self), NULL);
  return self->end_customer_name;
}

/**
 * sa_order_get_bill_to_name:
 * @self: an #SaOrder
 *
 * Returns: (transfer none) (nullable): the bill-to party's name (with the
 *   Desk, usually the partner), %NULL when the back end does not give it
 */
const char *
sa_order_get_bill_to_name (SaOrder *self)
{
  g_return_val_if_fail (SA_IS_ORDER (self), NULL);
  return self->bill_to_name;
}

/**
 * sa_order_get_ship_to_name:
 * @self: an #SaOrder
 *
 * Returns: (transfer none) (nullable): the ship-to party's name, %NULL when
 *   the back end does not give it
 */
const char *
sa_order_get_ship_to_name (SaOrder *self)
{
  g_return_val_if_fail (SA_IS_ORDER (self), NULL);
  return self->ship_to_name;
}

/**
 * sa_order_get_description:
 * @self: an #SaOrder
 *
 * Returns: (transfer none) (nullable): what was ordered
 */
const char *
sa_order_get_description (SaOrder *self)
{
  g_return_val_if_fail (SA_IS_ORDER (self), NULL);
  return self->description;
}

/**
 * sa_order_get_created_date:
 * @self: an #SaOrder
 *
 * Returns: (transfer none) (nullable): the creation date, ISO 8601 ("2026-09-14")
 */
const char *
sa_order_get_created_date (SaOrder *self)
{
  g_return_val_if_fail (SA_IS_ORDER (self), NULL);
  return self->created_date;
}

/**
 * sa_order_get_status:
 * @self: an #SaOrder
 *
 * Returns: the order status
 */
SaOrderStatus
sa_order_get_status (SaOrder *self)
{
  g_return_val_if_fail (SA_IS_ORDER (self), SA_ORDER_STATUS_ENTERED);
  return self->status;
}

/**
 * sa_order_get_status_text:
 * @self: an #SaOrder
 *
 * The status as the back end wrote it: the Desk's wire name ("SHIPPED"), or
 * Cisco's order status text ("Booked", "Partially Shipped"…), whose list of
 * values Cisco does not publish — show it as it is next to the translated
 * label of sa_order_get_status() when they differ.
 *
 * Returns: (transfer none) (nullable): the status text
 */
const char *
sa_order_get_status_text (SaOrder *self)
{
  g_return_val_if_fail (SA_IS_ORDER (self), NULL);
  return self->status_text;
}

/**
 * sa_order_get_assignment_known:
 * @self: an #SaOrder
 *
 * Whether the back end publishes the order's Smart Account assignment and
 * export hold. %FALSE with Cisco (CISCO-APIS.md §1.4: no Smart Account,
 * Virtual Account or export hold in the order status): the End Customer and
 * Holding slots and the export hold then mean "not published", and the order
 * page says so and links the CCW order page instead of showing empty rows.
 *
 * Returns: %TRUE when sa_order_get_end_customer(), sa_order_get_holding() and
 *   sa_order_get_export_hold() tell the truth
 */
gboolean
sa_order_get_assignment_known (SaOrder *self)
{
  g_return_val_if_fail (SA_IS_ORDER (self), FALSE);
  return self->assignment_known;
}

/**
 * sa_order_get_export_hold:
 * @self: an #SaOrder
 *
 * Returns: %TRUE when an export hold blocks the order (its licenses do not
 *   appear until it is released)
 */
gboolean
sa_order_get_export_hold (SaOrder *self)
{
  g_return_val_if_fail (SA_IS_ORDER (self), FALSE);
  return self->export_hold;
}

/**
 * sa_order_get_version:
 * @self: an #SaOrder
 *
 * Returns: the order's version; it grows with every change
 */
gint64
sa_order_get_version (SaOrder *self)
{
  g_return_val_if_fail (SA_IS_ORDER (self), 0);
  return self->version;
}

/**
 * sa_order_get_etag:
 * @self: an #SaOrder
 *
 * Returns: (transfer none) (nullable): the ETag sent with the order, quotes
 *   included, or %NULL for an order from a search result
 */
const char *
sa_order_get_etag (SaOrder *self)
{
  g_return_val_if_fail (SA_IS_ORDER (self), NULL);
  return self->etag;
}

/**
 * sa_order_get_end_customer:
 * @self: an #SaOrder
 *
 * Returns: (transfer none) (nullable): the End Customer Smart Account slot
 */
SaAssignment *
sa_order_get_end_customer (SaOrder *self)
{
  g_return_val_if_fail (SA_IS_ORDER (self), NULL);
  return self->end_customer;
}

/**
 * sa_order_get_holding:
 * @self: an #SaOrder
 *
 * Returns: (transfer none) (nullable): the Holding Smart Account slot
 */
SaAssignment *
sa_order_get_holding (SaOrder *self)
{
  g_return_val_if_fail (SA_IS_ORDER (self), NULL);
  return self->holding;
}

/**
 * sa_order_get_lines:
 * @self: an #SaOrder
 *
 * The order's lines (product, quantity, promised date): the order page's
 * lines, and what "Where are my licenses?" looks for. Empty when the back end
 * gave none (the Desk may not).
 *
 * Returns: (transfer none): a #GListModel of #SaOrderLine, in the back end's
 *   order
 */
GListModel *
sa_order_get_lines (SaOrder *self)
{
  g_return_val_if_fail (SA_IS_ORDER (self), NULL);
  return G_LIST_MODEL (self->lines);
}

/**
 * sa_order_can_change_assignment:
 * @self: an #SaOrder
 *
 * The documented rule: once an order is SHIPPED its license is provisioned and
 * its assignment can only be moved through a case with Global Licensing
 * Operations (the pencil buttons of the order page are then insensitive).
 *
 * Returns: %FALSE once the order is SHIPPED
 */
gboolean
sa_order_can_change_assignment (SaOrder *self)
{
  g_return_val_if_fail (SA_IS_ORDER (self), FALSE);
  return self->status != SA_ORDER_STATUS_SHIPPED;
}
