/* sa-order-lines.c — the "Lines" group of the order page
 *
 * Step 3 of "assign an order": the order's details include its lines —
 * product, quantity, promised delivery — when the back end gives them
 * (Cisco's order status; the Desk when its answer has them). One
 * SaOrderLineRow per line; the group hides when there is none. The order
 * page binds #SaOrderLines:order to its own "order".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sa-order-line-row.h"
#include "sa-order-lines.h"
#include "sa-ui-util.h"

struct _SaOrderLines
{
  AdwPreferencesGroup  parent_instance;

  GtkListBox          *lines_list;

  SaOrder             *order;
};

G_DEFINE_FINAL_TYPE (SaOrderLines, sa_order_lines, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_ORDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The list box's factory: one SaOrderLineRow per SaOrderLine. */
static GtkWidget *
new_line_row (gpointer item,
              gpointer user_data)
{
  return sa_order_line_row_new (SA_ORDER_LINE (item));
}

static void
sa_order_lines_dispose (GObject *object)
{
  SaOrderLines *self = SA_ORDER_LINES (object);

  if (self->lines_list != NULL)
    gtk_list_box_bind_model (self->lines_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->order);
  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_ORDER_LINES);

  G_OBJECT_CLASS (sa_order_lines_parent_class)->dispose (object);
}

static void
sa_order_lines_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SaOrderLines *self = SA_ORDER_LINES (object);

  switch (prop_id)
    {
    case PROP_ORDER:
      g_value_set_object (value, self->order);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_order_lines_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SaOrderLines *self = SA_ORDER_LINES (object);

  switch (prop_id)
    {
    case PROP_ORDER:
      sa_order_lines_set_order (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_order_lines_class_init (SaOrderLinesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_order_lines_dispose;
  object_class->get_property = sa_order_lines_get_property;
  object_class->set_property = sa_order_lines_set_property;

  /**
   * SaOrderLines:order:
   *
   * The #SaOrder whose lines are shown, or %NULL.
   */
  properties[PROP_ORDER] =
    g_param_spec_object ("order", NULL, NULL, SA_TYPE_ORDER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/orders/sa-order-lines.ui");
  gtk_widget_class_bind_template_child (widget_class, SaOrderLines, lines_list);
}

static void
sa_order_lines_init (SaOrderLines *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sa_order_lines_new:
 *
 * Creates the "Lines" group, hidden until an order with lines is set.
 *
 * Returns: (transfer floating): a new #SaOrderLines
 */
GtkWidget *
sa_order_lines_new (void)
{
  return g_object_new (SA_TYPE_ORDER_LINES, NULL);
}

/**
 * sa_order_lines_get_order:
 * @self: a #SaOrderLines
 *
 * Returns: (transfer none) (nullable): the order shown
 */
SaOrder *
sa_order_lines_get_order (SaOrderLines *self)
{
  g_return_val_if_fail (SA_IS_ORDER_LINES (self), NULL);

  return self->order;
}

/**
 * sa_order_lines_set_order:
 * @self: a #SaOrderLines
 * @order: (nullable) (transfer none): the order, as last loaded
 *
 * Shows @order's lines (step 3 of "assign an order": the order's details),
 * or hides the group when it has none.
 */
void
sa_order_lines_set_order (SaOrderLines *self,
                          SaOrder      *order)
{
  GListModel *lines;

  g_return_if_fail (SA_IS_ORDER_LINES (self));
  g_return_if_fail (order == NULL || SA_IS_ORDER (order));

  if (!g_set_object (&self->order, order))
    return;

  lines = order != NULL ? sa_order_get_lines (order) : NULL;
  if (lines != NULL && g_list_model_get_n_items (lines) > 0)
    gtk_list_box_bind_model (self->lines_list, lines, new_line_row, NULL, NULL);
  else
    gtk_list_box_bind_model (self->lines_list, NULL, NULL, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), lines != NULL && g_list_model_get_n_items (lines) > 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDER]);
}
