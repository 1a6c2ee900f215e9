/* sa-order-line-row.c — one line of an order: product, quantity, promised date
 *
 * A row of the order page's Lines group (step 3 of "assign an order": the
 * order's details), when the back end gives lines (Cisco's order status
 * does; the Desk may): the product SKU and its description as title, the
 * line number, promised delivery date and ship set as subtitle, the quantity
 * as suffix ("× 2").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-order-line-row.h"
#include "sa-ui-util.h"

struct _SaOrderLineRow
{
  AdwActionRow  parent_instance;

  GtkLabel     *quantity_label;

  SaOrderLine  *line;
};

G_DEFINE_FINAL_TYPE (SaOrderLineRow, sa_order_line_row, ADW_TYPE_ACTION_ROW)

static void
update (SaOrderLineRow *self)
{
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *quantity = NULL;
  g_autofree char *number = NULL;
  const char *sku = sa_order_line_get_sku (self->line);
  const char *description = sa_order_line_get_description (self->line);
  const char *line_number = sa_order_line_get_line_number (self->line);
  const char *ship_set = sa_order_line_get_ship_set (self->line);
  GDateTime *promised = sa_order_line_get_promised_date (self->line);

  if (description != NULL && *description != '\0')
    /* Translators: an order line: "C9300-24T-E — Catalyst 9300 24-port" (SKU, then its description) */
    title = g_strdup_printf (_("%1$s — %2$s"), sku != NULL ? sku : "—", description);
  else
    title = g_strdup (sku != NULL ? sku : "—");

  if (line_number != NULL && *line_number != '\0')
    {
      /* Translators: an order line's number, e.g. "Line 1.1" */
      g_autofree char *text = g_strdup_printf (_("Line %s"), line_number);

      g_strv_builder_add (parts, text);
    }
  if (promised != NULL)
    {
      g_autofree char *date = sa_ui_format_date (promised);
      /* Translators: an order line's promised delivery date */
      g_autofree char *text = g_strdup_printf (_("Promised %s"), date);

      g_strv_builder_add (parts, text);
    }
  if (ship_set != NULL && *ship_set != '\0')
    {
      /* Translators: an order line's ship set, e.g. "Ship set 1" */
      g_autofree char *text = g_strdup_printf (_("Ship set %s"), ship_set);

      g_strv_builder_add (parts, text);
    }
  strv = g_strv_builder_end (parts);
  subtitle = g_strjoinv (" · ", strv);

  number = g_strdup_printf ("%g", sa_order_line_get_quantity (self->line));
  /* Translators: an order line's quantity, e.g. "× 2" */
  quantity = g_strdup_printf (_("× %s"), number);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_label_set_text (self->quantity_label, quantity);
}

static void
sa_order_line_row_dispose (GObject *object)
{
  SaOrderLineRow *self = SA_ORDER_LINE_ROW (object);

  g_clear_object (&self->line);
  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_ORDER_LINE_ROW);

  G_OBJECT_CLASS (sa_order_line_row_parent_class)->dispose (object);
}

static void
sa_order_line_row_class_init (SaOrderLineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_order_line_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/orders/sa-order-line-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SaOrderLineRow, quantity_label);
}

static void
sa_order_line_row_init (SaOrderLineRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sa_order_line_row_new:
 * @line: an order line
 *
 * Creates the row of one order line (the order's details, step 3 of
 * "assign an order"), e.g. in a #GtkListBox bound to sa_order_get_lines().
 *
 * Returns: (transfer floating): a new #SaOrderLineRow
 */
GtkWidget *
sa_order_line_row_new (SaOrderLine *line)
{
  SaOrderLineRow *self;

  g_return_val_if_fail (SA_IS_ORDER_LINE (line), NULL);

  self = g_object_new (SA_TYPE_ORDER_LINE_ROW, NULL);
  self->line = g_object_ref (line);
  update (self);

  return GTK_WIDGET (self);
}

/**
 * sa_order_line_row_get_line:
 * @self: a #SaOrderLineRow
 *
 * Returns: (transfer none): the line shown
 */
SaOrderLine *
sa_order_line_row_get_line (SaOrderLineRow *self)
{
  g_return_val_if_fail (SA_IS_ORDER_LINE_ROW (self), NULL);

  return self->line;
}
