/* sa-order-row.c — one order in the Orders search results
 *
 * Step 3 of "assign an order": from the search results, the user opens the
 * order. The row shows its Sales Order No., Web Order No., PO No., End
 * Customer and End Customer Smart Account (or, with Cisco, that it is not
 * published), its status as the back end wrote it and, when one blocks it,
 * the export hold. In the Orders view's list it is reused for whichever order
 * scrolls in (sa_order_row_set_order()); an order still being fetched shows
 * "Loading…" until it is set again once its placeholder has taken the
 * order's data (issue 12). Its text sits in two labels of its own that never
 * wrap (one line for the title, two for the subtitle, each ellipsized): a
 * wrapping label is measured by laying its text out at several widths, some
 * 1.5 ms per row, which made the first frame of the results and the frames in
 * which a page arrives slow (issue 12). The row's accessible name and
 * description hold the whole text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-order-details.h"
#include "sa-order-row.h"
#include "sa-status-pill.h"
#include "sa-ui-util.h"

struct _SaOrderRow
{
  AdwActionRow  parent_instance;

  GtkLabel     *title_label;
  GtkLabel     *subtitle_label;
  SaStatusPill *export_hold_pill;
  SaStatusPill *status_pill;
  GtkImage     *arrow;

  SaOrder      *order;
  gboolean      loading;  /* "Loading…" shown for a placeholder */
};

G_DEFINE_FINAL_TYPE (SaOrderRow, sa_order_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ORDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
or_dash (const char *text)
{
  return text != NULL ? text : "—";
}

/* Shows @title and @subtitle, and makes them the row's accessible name and
 * description (what AdwActionRow's own title and subtitle would say). */
static void
set_text (SaOrderRow *self,
          const char *title,
          const char *subtitle)
{
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
}

static void
update (SaOrderRow *self)
{
  SaAssignment *end_customer;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *po = NULL;
  g_autofree char *account = NULL;

  self->loading = self->order != NULL && sa_order_pages_is_placeholder (self->order);
  if (self->order == NULL)
    {
      set_text (self, "", "");
      gtk_widget_set_visible (GTK_WIDGET (self->export_hold_pill), FALSE);
      return;
    }

  /* Issue 12: a row whose page is being fetched; as tall as a loaded one,
   * so that nothing jumps when the order comes. */
  gtk_widget_set_visible (GTK_WIDGET (self->status_pill), !sa_order_pages_is_placeholder (self->order));
  gtk_widget_set_visible (GTK_WIDGET (self->arrow), !sa_order_pages_is_placeholder (self->order));
  if (sa_order_pages_is_placeholder (self->order))
    {
      /* Translators: an order of the results whose details are being fetched */
      set_text (self, _("Loading…"), " \n ");
      gtk_widget_set_visible (GTK_WIDGET (self->export_hold_pill), FALSE);
      return;
    }

  end_customer = sa_order_get_end_customer (self->order);
  if (!sa_order_get_assignment_known (self->order))
    /* Translators: in an order's row with the Cisco connection: Cisco publishes no assignment before shipment */
    account = g_strdup (_("Not published by Cisco"));
  else if (end_customer != NULL)
    account = g_strdup_printf ("%s (%s)",
                               sa_assignment_get_name (end_customer),
                               sa_assignment_get_domain (end_customer));
  else
    account = g_strdup (_("Not assigned"));

  po = sa_ui_dup_unbroken (or_dash (sa_order_get_purchase_order_number (self->order)));
  /* Translators: an order in the results; %s is the Sales Order No. */
  title = g_strdup_printf (_("Sales Order No. %s"), sa_order_get_sales_order_number (self->order));
  /* Translators: second line of an order in the results: Web Order No., PO No.,
   * End Customer name, then its End Customer Smart Account on a new line. */
  subtitle = g_strdup_printf (_("Web Order No. %1$s · PO No. %2$s · %3$s\nEnd Customer Smart Account: %4$s"),
                              or_dash (sa_order_get_web_order_id (self->order)),
                              po,
                              sa_order_get_end_customer_name (self->order) ? sa_order_get_end_customer_name (self->order) : "",
                              account);

  set_text (self, title, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->export_hold_pill), sa_order_get_export_hold (self->order));
  sa_order_show_status (self->status_pill, self->order);
}

static void
sa_order_row_dispose (GObject *object)
{
  SaOrderRow *self = SA_ORDER_ROW (object);

  g_clear_object (&self->order);
  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_ORDER_ROW);

  G_OBJECT_CLASS (sa_order_row_parent_class)->dispose (object);
}

static void
sa_order_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SaOrderRow *self = SA_ORDER_ROW (object);

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
sa_order_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SaOrderRow *self = SA_ORDER_ROW (object);

  switch (prop_id)
    {
    case PROP_ORDER:
      sa_order_row_set_order (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_order_row_class_init (SaOrderRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_order_row_dispose;
  object_class->get_property = sa_order_row_get_property;
  object_class->set_property = sa_order_row_set_property;

  /**
   * SaOrderRow:order:
   *
   * The #SaOrder shown, or %NULL.
   */
  properties[PROP_ORDER] =
    g_param_spec_object ("order", NULL, NULL, SA_TYPE_ORDER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SA_TYPE_STATUS_PILL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/orders/sa-order-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SaOrderRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, SaOrderRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, SaOrderRow, export_hold_pill);
  gtk_widget_class_bind_template_child (widget_class, SaOrderRow, status_pill);
  gtk_widget_class_bind_template_child (widget_class, SaOrderRow, arrow);
}

static void
sa_order_row_init (SaOrderRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The arrow only says "opens"; the row's title is what a reader needs. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->arrow), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  update (self);
}

/**
 * sa_order_row_new:
 * @order: (nullable): the order to show
 *
 * Creates the row of @order in the Orders search results (step 3 of "assign
 * an order": open the order from the results).
 *
 * Returns: (transfer floating): a new #SaOrderRow
 */
GtkWidget *
sa_order_row_new (SaOrder *order)
{
  g_return_val_if_fail (order == NULL || SA_IS_ORDER (order), NULL);

  return g_object_new (SA_TYPE_ORDER_ROW, "order", order, NULL);
}

/**
 * sa_order_row_get_order:
 * @self: a #SaOrderRow
 *
 * Returns: (transfer none) (nullable): the order shown
 */
SaOrder *
sa_order_row_get_order (SaOrderRow *self)
{
  g_return_val_if_fail (SA_IS_ORDER_ROW (self), NULL);

  return self->order;
}

/**
 * sa_order_row_get_title:
 * @self: a #SaOrderRow
 *
 * The row's first line, "Sales Order No. N" (or "Loading…" while its order
 * is fetched): what names the row, and the list item holding it, for a
 * screen reader (step 3 of "assign an order": open the order from the
 * results).
 *
 * Returns: (transfer none): the title shown; "" when no order is shown
 */
const char *
sa_order_row_get_title (SaOrderRow *self)
{
  g_return_val_if_fail (SA_IS_ORDER_ROW (self), NULL);

  return gtk_label_get_text (self->title_label);
}

/**
 * sa_order_row_set_order:
 * @self: a #SaOrderRow
 * @order: (nullable) (transfer none): the order to show
 *
 * Shows @order: its numbers, End Customer, End Customer Smart Account, status
 * and export hold. Given the order it shows already, it returns at once,
 * unless it shows "Loading…" for a placeholder that has since taken its
 * order's data (issue 12: sa_order_fill()): then it shows the order.
 */
void
sa_order_row_set_order (SaOrderRow *self,
                        SaOrder    *order)
{
  g_return_if_fail (SA_IS_ORDER_ROW (self));
  g_return_if_fail (order == NULL || SA_IS_ORDER (order));

  if (!g_set_object (&self->order, order))
    {
      if (sa_order_row_shows (self, order))
        return;
      update (self);
      return;
    }

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDER]);
}

/**
 * sa_order_row_shows:
 * @self: a #SaOrderRow
 * @order: (nullable): an order, or %NULL
 *
 * Whether the row shows @order as it is now: the same order, and not
 * "Loading…" for a placeholder of #SaOrderPages that has since taken its
 * order's data (issue 12: a page's arrival fills its placeholders in place).
 * Step 3 of "assign an order": the results show the right order at every
 * position.
 *
 * Returns: %TRUE when sa_order_row_set_order() with @order would change
 *   nothing
 */
gboolean
sa_order_row_shows (SaOrderRow *self,
                    SaOrder    *order)
{
  g_return_val_if_fail (SA_IS_ORDER_ROW (self), FALSE);

  if (self->order != order)
    return FALSE;
  return !self->loading || sa_order_pages_is_placeholder (order);
}
