/* sa-cisco-order-status.c — an order's status, as the CCW Order API gives it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sa-cisco-order-status.h"

struct _SaCiscoOrderStatus
{
  GObject     parent_instance;

  char       *status_text;
  char       *sales_order_number;
  char       *web_order_number;
  char       *purchase_order_number;
  char       *bill_to;
  char       *ship_to;
  char       *end_customer;
  double      total_amount;
  char       *currency;
  gboolean    has_total;
  GListStore *lines;  /* of SaOrderLine */
};

G_DEFINE_FINAL_TYPE (SaCiscoOrderStatus, sa_cisco_order_status, G_TYPE_OBJECT)

static void
sa_cisco_order_status_finalize (GObject *object)
{
  SaCiscoOrderStatus *self = (SaCiscoOrderStatus *)object;

  g_clear_pointer (&self->status_text, g_free);
  g_clear_pointer (&self->sales_order_number, g_free);
  g_clear_pointer (&self->web_order_number, g_free);
  g_clear_pointer (&self->purchase_order_number, g_free);
  g_clear_pointer (&self->bill_to, g_free);
  g_clear_pointer (&self->ship_to, g_free);
  g_clear_pointer (&self->end_customer, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_object (&self->lines);

  G_OBJECT_CLASS (sa_cisco_order_status_parent_class)->finalize (object);
}

static void
sa_cisco_order_status_class_init (SaCiscoOrderStatusClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sa_cisco_order_status_finalize;
}

static void
sa_cisco_order_status_init (SaCiscoOrderStatus *self)
{
  self->lines = g_list_store_new (SA_TYPE_ORDER_LINE);
}

/**
 * sa_cisco_order_status_new:
 * @status_text: (nullable): `Status[0].Description.value`, as Cisco gives it
 *   ("Booked"…)
 * @sales_order_number: (nullable): `SalesOrderReference[0].ID.value`
 * @web_order_number: (nullable): `DocumentReference[0].ID.value`
 * @purchase_order_number: (nullable): the header's `ID.value`
 *
 * Returns: (transfer full): a new #SaCiscoOrderStatus without parties or lines
 */
SaCiscoOrderStatus *
sa_cisco_order_status_new (const char *status_text,
                           const char *sales_order_number,
                           const char *web_order_number,
                           const char *purchase_order_number)
{
  SaCiscoOrderStatus *self = g_object_new (SA_TYPE_CISCO_ORDER_STATUS, NULL);

  self->status_text = g_strdup (status_text);
  self->sales_order_number = g_strdup (sales_order_number);
  self->web_order_number = g_strdup (web_order_number);
  self->purchase_order_number = g_strdup (purchase_order_number);

  return self;
}

/**
 * sa_cisco_order_status_set_parties:
 * @self: an #SaCiscoOrderStatus
 * @bill_to: (nullable): `BillToParty.Name[0].value`
 * @ship_to: (nullable): `ShipToParty.Name[0].value`
 * @end_customer: (nullable): `Party[0].Name[0].value` (the public parser
 *   reads it as the end customer; unverified)
 *
 * Sets the order's parties.
 */
void
sa_cisco_order_status_set_parties (SaCiscoOrderStatus *self,
                                   const char         *bill_to,
                                   const char         *ship_to,
                                   const char         *end_customer)
{
  g_return_if_fail (SA_IS_CISCO_ORDER_STATUS (self));

  g_free (self->bill_to);
  self->bill_to = g_strdup (bill_to);
  g_free (self->ship_to);
  self->ship_to = g_strdup (ship_to);
  g_free (self->end_customer);
  self->end_customer = g_strdup (end_customer);
}

/**
 * sa_cisco_order_status_set_total:
 * @self: an #SaCiscoOrderStatus
 * @amount: `TotalAmount.value`
 * @currency: (nullable): `TotalAmount.currencyCode` ("EUR")
 *
 * Sets the order's total.
 */
void
sa_cisco_order_status_set_total (SaCiscoOrderStatus *self,
                                 double              amount,
                                 const char         *currency)
{
  g_return_if_fail (SA_IS_CISCO_ORDER_STATUS (self));

  self->total_amount = amount;
  g_free (self->currency);
  self->currency = g_strdup (currency);
  self->has_total = TRUE;
}

/**
 * sa_cisco_order_status_add_line:
 * @self: an #SaCiscoOrderStatus
 * @line: one of its lines
 *
 * Appends @line.
 */
void
sa_cisco_order_status_add_line (SaCiscoOrderStatus *self,
                                SaOrderLine        *line)
{
  g_return_if_fail (SA_IS_CISCO_ORDER_STATUS (self));
  g_return_if_fail (SA_IS_ORDER_LINE (line));

  g_list_store_append (self->lines, line);
}

/**
 * sa_cisco_order_status_get_status_text:
 * @self: an #SaCiscoOrderStatus
 *
 * Returns: (transfer none) (nullable): the status as Cisco words it (its list
 *   of values is not public)
 */
const char *
sa_cisco_order_status_get_status_text (SaCiscoOrderStatus *self)
{
  g_return_val_if_fail (SA_IS_CISCO_ORDER_STATUS (self), NULL);
  return self->status_text;
}

/**
 * sa_cisco_order_status_get_sales_order_number:
 * @self: an #SaCiscoOrderStatus
 *
 * Returns: (transfer none) (nullable): the Sales Order No.
 */
const char *
sa_cisco_order_status_get_sales_order_number (SaCiscoOrderStatus *self)
{
  g_return_val_if_fail (SA_IS_CISCO_ORDER_STATUS (self), NULL);
  return self->sales_order_number;
}

/**
 * sa_cisco_order_status_get_web_order_number:
 * @self: an #SaCiscoOrderStatus
 *
 * Returns: (transfer none) (nullable): the Web Order No.
 */
const char *
sa_cisco_order_status_get_web_order_number (SaCiscoOrderStatus *self)
{
  g_return_val_if_fail (SA_IS_CISCO_ORDER_STATUS (self), NULL);
  return self->web_order_number;
}

/**
 * sa_cisco_order_status_get_purchase_order_number:
 * @self: an #SaCiscoOrderStatus
 *
 * Returns: (transfer none) (nullable): the PO No.
 */
const char *
sa_cisco_order_status_get_purchase_order_number (SaCiscoOrderStatus *self)
{
  g_return_val_if_fail (SA_IS_CISCO_ORDER_STATUS (self), NULL);
  return self->purchase_order_number;
}

/**
 * sa_cisco_order_status_get_bill_to:
 * @self: an #SaCiscoOrderStatus
 *
 * Returns: (transfer none) (nullable): the bill-to party's name
 */
const char *
sa_cisco_order_status_get_bill_to (SaCiscoOrderStatus *self)
{
  g_return_val_if_fail (SA_IS_CISCO_ORDER_STATUS (self), NULL);
  return self->bill_to;
}

/**
 * sa_cisco_order_status_get_ship_to:
 * @self: an #SaCiscoOrderStatus
 *
 * Returns: (transfer none) (nullable): the ship-to party's name
 */
const char *
sa_cisco_order_status_get_ship_to (SaCiscoOrderStatus *self)
{
  g_return_val_if_fail (SA_IS_CISCO_ORDER_STATUS (self), NULL);
  return self->ship_to;
}

/**
 * sa_cisco_order_status_get_end_customer:
 * @self: an #SaCiscoOrderStatus
 *
 * Returns: (transfer none) (nullable): the end customer party's name
 *   (`Party[0]`; unverified)
 */
const char *
sa_cisco_order_status_get_end_customer (SaCiscoOrderStatus *self)
{
  g_return_val_if_fail (SA_IS_CISCO_ORDER_STATUS (self), NULL);
  return self->end_customer;
}

/**
 * sa_cisco_order_status_get_total:
 * @self: an #SaCiscoOrderStatus
 * @amount: (out) (optional): the total amount
 * @currency: (out) (optional) (transfer none) (nullable): its currency code
 *
 * Returns: %TRUE when Cisco gave a total
 */
gboolean
sa_cisco_order_status_get_total (SaCiscoOrderStatus  *self,
                                 double              *amount,
                                 const char         **currency)
{
  g_return_val_if_fail (SA_IS_CISCO_ORDER_STATUS (self), FALSE);

  if (amount != NULL)
    *amount = self->total_amount;
  if (currency != NULL)
    *currency = self->currency;

  return self->has_total;
}

/**
 * sa_cisco_order_status_get_lines:
 * @self: an #SaCiscoOrderStatus
 *
 * Returns: (transfer none): a #GListModel of #SaOrderLine
 */
GListModel *
sa_cisco_order_status_get_lines (SaCiscoOrderStatus *self)
{
  g_return_val_if_fail (SA_IS_CISCO_ORDER_STATUS (self), NULL);
  return G_LIST_MODEL (self->lines);
}

/**
 * sa_cisco_order_status_is_shipped:
 * @self: an #SaCiscoOrderStatus
 *
 * The first check of "Where are my licenses?": has the order shipped? Cisco
 * does not publish its status values (CISCO-APIS.md §1.4); this is %TRUE only
 * when the status text is "Shipped" in any case, the portal's and the seeds'
 * word (an assumption, see docs/cisco.md). Anything else, "Partially Shipped"
 * included, is %FALSE: the UI then shows Cisco's text as it is.
 *
 * Returns: whether the status text is "Shipped"
 */
gboolean
sa_cisco_order_status_is_shipped (SaCiscoOrderStatus *self)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (SA_IS_CISCO_ORDER_STATUS (self), FALSE);

  if (self->status_text == NULL)
    return FALSE;

  stripped = g_strstrip (g_strdup (self->status_text));
  return g_ascii_strcasecmp (stripped, "Shipped") == 0;
}
