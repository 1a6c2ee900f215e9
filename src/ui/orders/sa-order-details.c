/* sa-order-details.c — the "Order" group of the order page: numbers, customer, status
 *
 * Step 3 of "assign an order" (step 4 of "change an assignment"): the order's
 * details as the portal shows them once the order is opened — Sales Order No.,
 * Web Order No., PO No., End Customer, the bill-to and ship-to parties and the
 * creation date when the back end gives them, status (as the back end wrote
 * it) and export hold ("Not published" when the back end publishes none:
 * Cisco).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sa-order-details.h"
#include "sa-status-pill.h"
#include "sa-ui-util.h"

struct _SaOrderDetails
{
  AdwPreferencesGroup  parent_instance;

  AdwActionRow        *sales_order_row;
  AdwActionRow        *web_order_row;
  AdwActionRow        *po_row;
  AdwActionRow        *customer_row;
  AdwActionRow        *bill_to_row;
  AdwActionRow        *ship_to_row;
  AdwActionRow        *created_row;
  SaStatusPill        *status_pill;
  SaStatusPill        *export_hold_pill;

  SaOrder             *order;
};

G_DEFINE_FINAL_TYPE (SaOrderDetails, sa_order_details, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_ORDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
or_dash (const char *text)
{
  return text != NULL && *text != '\0' ? text : "—";
}

/**
 * sa_order_dup_status_label:
 * @order: an order
 *
 * The order's status for the user (step 3 of "assign an order": the order's
 * details): the translated label of the Desk's statuses ("Shipped",
 * "Expédiée"), or the text exactly as another back end wrote it (Cisco's
 * order status values are not published: "Booked", "Partially Shipped"…).
 *
 * Returns: (transfer full): the status to show
 */
char *
sa_order_dup_status_label (SaOrder *order)
{
  SaOrderStatus status;
  const char *text;

  g_return_val_if_fail (SA_IS_ORDER (order), NULL);

  status = sa_order_get_status (order);
  text = sa_order_get_status_text (order);
  if (text == NULL || *text == '\0' || g_strcmp0 (text, sa_order_status_to_string (status)) == 0)
    return g_strdup (sa_order_status_get_label (status));

  return g_strdup (text);
}

/**
 * sa_order_show_status:
 * @pill: a status pill
 * @order: an order
 *
 * Shows @order's status in @pill (step 3 of "assign an order"): the words of
 * sa_order_dup_status_label(), the colour of its #SaOrderStatus (Shipped
 * green, Booked and Scheduled blue, Entered neutral).
 */
void
sa_order_show_status (SaStatusPill *pill,
                      SaOrder      *order)
{
  g_autofree char *label = NULL;
  const char *kind = "neutral";

  g_return_if_fail (SA_IS_STATUS_PILL (pill));
  g_return_if_fail (SA_IS_ORDER (order));

  sa_status_pill_set_order_status (pill, sa_order_get_status (order));
  kind = sa_status_pill_get_kind (pill);
  label = sa_order_dup_status_label (order);
  sa_status_pill_set (pill, label, kind);
}

static void
show_optional (AdwActionRow *row,
               const char   *text)
{
  gtk_widget_set_visible (GTK_WIDGET (row), text != NULL && *text != '\0');
  adw_action_row_set_subtitle (row, text != NULL ? text : "");
}

/* "2026-09-14" (the Desk's createdDate) as the app writes dates; any other
 * text as it is. */
static char *
dup_date (const char *text)
{
  g_autofree char *iso = NULL;
  g_autoptr(GDateTime) date = NULL;

  if (text == NULL || strlen (text) != 10)
    return g_strdup (text);

  iso = g_strconcat (text, "T12:00:00Z", NULL);
  date = g_date_time_new_from_iso8601 (iso, NULL);
  return date != NULL ? sa_ui_format_date (date) : g_strdup (text);
}

static void
update (SaOrderDetails *self)
{
  g_autofree char *created = NULL;

  if (self->order == NULL)
    return;

  created = dup_date (sa_order_get_created_date (self->order));
  adw_action_row_set_subtitle (self->sales_order_row, sa_order_get_sales_order_number (self->order));
  adw_action_row_set_subtitle (self->web_order_row, or_dash (sa_order_get_web_order_id (self->order)));
  {
    g_autofree char *po = sa_ui_dup_unbroken (or_dash (sa_order_get_purchase_order_number (self->order)));

    adw_action_row_set_subtitle (self->po_row, po);
  }
  adw_action_row_set_subtitle (self->customer_row, or_dash (sa_order_get_end_customer_name (self->order)));
  show_optional (self->bill_to_row, sa_order_get_bill_to_name (self->order));
  show_optional (self->ship_to_row, sa_order_get_ship_to_name (self->order));
  show_optional (self->created_row, created);
  sa_order_show_status (self->status_pill, self->order);
  if (sa_order_get_assignment_known (self->order))
    {
      if (sa_order_get_export_hold (self->order))
        sa_status_pill_set_export_hold (self->export_hold_pill, TRUE);
      else
        /* Translators: the order is not on export hold (issue 11: not
         * "En attente d'exportation : Aucune" in French) */
        sa_status_pill_set (self->export_hold_pill, C_("export hold", "None"), "neutral");
    }
  else
    /* Translators: the export hold of an order with the Cisco connection, which publishes none */
    sa_status_pill_set (self->export_hold_pill, _("Not published"), "neutral");
}

static void
sa_order_details_dispose (GObject *object)
{
  SaOrderDetails *self = SA_ORDER_DETAILS (object);

  g_clear_object (&self->order);
  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_ORDER_DETAILS);

  G_OBJECT_CLASS (sa_order_details_parent_class)->dispose (object);
}

static void
sa_order_details_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SaOrderDetails *self = SA_ORDER_DETAILS (object);

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
sa_order_details_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SaOrderDetails *self = SA_ORDER_DETAILS (object);

  switch (prop_id)
    {
    case PROP_ORDER:
      sa_order_details_set_order (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_order_details_class_init (SaOrderDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_order_details_dispose;
  object_class->get_property = sa_order_details_get_property;
  object_class->set_property = sa_order_details_set_property;

  /**
   * SaOrderDetails:order:
   *
   * The #SaOrder shown; %NULL leaves the rows as they were.
   */
  properties[PROP_ORDER] =
    g_param_spec_object ("order", NULL, NULL, SA_TYPE_ORDER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SA_TYPE_STATUS_PILL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/orders/sa-order-details.ui");
  gtk_widget_class_bind_template_child (widget_class, SaOrderDetails, sales_order_row);
  gtk_widget_class_bind_template_child (widget_class, SaOrderDetails, web_order_row);
  gtk_widget_class_bind_template_child (widget_class, SaOrderDetails, po_row);
  gtk_widget_class_bind_template_child (widget_class, SaOrderDetails, customer_row);
  gtk_widget_class_bind_template_child (widget_class, SaOrderDetails, bill_to_row);
  gtk_widget_class_bind_template_child (widget_class, SaOrderDetails, ship_to_row);
  gtk_widget_class_bind_template_child (widget_class, SaOrderDetails, created_row);
  gtk_widget_class_bind_template_child (widget_class, SaOrderDetails, status_pill);
  gtk_widget_class_bind_template_child (widget_class, SaOrderDetails, export_hold_pill);
}

static void
sa_order_details_init (SaOrderDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sa_order_details_new:
 *
 * Creates the "Order" group, empty until sa_order_details_set_order().
 *
 * Returns: (transfer floating): a new #SaOrderDetails
 */
GtkWidget *
sa_order_details_new (void)
{
  return g_object_new (SA_TYPE_ORDER_DETAILS, NULL);
}

/**
 * sa_order_details_get_order:
 * @self: a #SaOrderDetails
 *
 * Returns: (transfer none) (nullable): the order shown
 */
SaOrder *
sa_order_details_get_order (SaOrderDetails *self)
{
  g_return_val_if_fail (SA_IS_ORDER_DETAILS (self), NULL);

  return self->order;
}

/**
 * sa_order_details_set_order:
 * @self: a #SaOrderDetails
 * @order: (nullable) (transfer none): the order, as last loaded
 *
 * Shows @order's details (step 3 of "assign an order"): a missing Web Order
 * No. or PO No. reads "—".
 */
void
sa_order_details_set_order (SaOrderDetails *self,
                            SaOrder        *order)
{
  g_return_if_fail (SA_IS_ORDER_DETAILS (self));
  g_return_if_fail (order == NULL || SA_IS_ORDER (order));

  if (!g_set_object (&self->order, order))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDER]);
}
