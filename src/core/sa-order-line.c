/* sa-order-line.c — one line of an order: product, quantity, promised date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sa-order-line.h"

struct _SaOrderLine
{
  GObject    parent_instance;

  char      *sku;
  char      *description;
  double     quantity;
  char      *line_number;
  GDateTime *promised_date;
  char      *ship_set;
};

G_DEFINE_FINAL_TYPE (SaOrderLine, sa_order_line, G_TYPE_OBJECT)

static void
sa_order_line_finalize (GObject *object)
{
  SaOrderLine *self = (SaOrderLine *)object;

  g_clear_pointer (&self->sku, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->line_number, g_free);
  g_clear_pointer (&self->promised_date, g_date_time_unref);
  g_clear_pointer (&self->ship_set, g_free);

  G_OBJECT_CLASS (sa_order_line_parent_class)->finalize (object);
}

static void
sa_order_line_class_init (SaOrderLineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sa_order_line_finalize;
}

static void
sa_order_line_init (SaOrderLine *self)
{
}

/**
 * sa_order_line_new:
 * @sku: (nullable): `Item.ID.value`, the product SKU
 * @description: (nullable): `Item.Description[0].value`
 * @quantity: `Item.Lot[0].Quantity.value`
 * @line_number: (nullable): `SalesOrderReference.LineNumberID.value` ("1.1")
 * @promised_date: (nullable): `PromisedDeliveryDateTime`
 * @ship_set: (nullable): `LineIDSet[0].ID[0].value`
 *
 * Returns: (transfer full): a new #SaOrderLine
 */
SaOrderLine *
sa_order_line_new (const char *sku,
                   const char *description,
                   double      quantity,
                   const char *line_number,
                   GDateTime  *promised_date,
                   const char *ship_set)
{
  SaOrderLine *self = g_object_new (SA_TYPE_ORDER_LINE, NULL);

  self->sku = g_strdup (sku);
  self->description = g_strdup (description);
  self->quantity = quantity;
  self->line_number = g_strdup (line_number);
  self->promised_date = promised_date != NULL ? g_date_time_ref (promised_date) : NULL;
  self->ship_set = g_strdup (ship_set);

  return self;
}

/**
 * sa_order_line_get_sku:
 * @self: an #SaOrderLine
 *
 * Returns: (transfer none) (nullable): the product SKU ("C9300-24T-E")
 */
const char *
sa_order_line_get_sku (SaOrderLine *self)
{
  g_return_val_if_fail (SA_IS_ORDER_LINE (self), NULL);
  return self->sku;
}

/**
 * sa_order_line_get_description:
 * @self: an #SaOrderLine
 *
 * Returns: (transfer none) (nullable): the product's description
 */
const char *
sa_order_line_get_description (SaOrderLine *self)
{
  g_return_val_if_fail (SA_IS_ORDER_LINE (self), NULL);
  return self->description;
}

/**
 * sa_order_line_get_quantity:
 * @self: an #SaOrderLine
 *
 * Returns: the quantity ordered (0 when Cisco gave none)
 */
double
sa_order_line_get_quantity (SaOrderLine *self)
{
  g_return_val_if_fail (SA_IS_ORDER_LINE (self), 0);
  return self->quantity;
}

/**
 * sa_order_line_get_line_number:
 * @self: an #SaOrderLine
 *
 * Returns: (transfer none) (nullable): the line number ("1.1")
 */
const char *
sa_order_line_get_line_number (SaOrderLine *self)
{
  g_return_val_if_fail (SA_IS_ORDER_LINE (self), NULL);
  return self->line_number;
}

/**
 * sa_order_line_get_promised_date:
 * @self: an #SaOrderLine
 *
 * Returns: (transfer none) (nullable): the promised delivery date and time
 */
GDateTime *
sa_order_line_get_promised_date (SaOrderLine *self)
{
  g_return_val_if_fail (SA_IS_ORDER_LINE (self), NULL);
  return self->promised_date;
}

/**
 * sa_order_line_get_ship_set:
 * @self: an #SaOrderLine
 *
 * Returns: (transfer none) (nullable): the ship set number
 */
const char *
sa_order_line_get_ship_set (SaOrderLine *self)
{
  g_return_val_if_fail (SA_IS_ORDER_LINE (self), NULL);
  return self->ship_set;
}
