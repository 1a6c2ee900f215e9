/* sa-status-pill.c — the coloured pill that shows a status in one word or two
 *
 * The one place that maps a status to its words and its colour: orders
 * ("Shipped", step 3 of "assign an order": the order's details), Smart
 * Accounts ("Pending", step 7: check the account's status), Smart Account
 * requests ("Pending customer acceptance", step 6 of "request a Smart Account")
 * and access requests ("Approved", troubleshooting of "request access").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-status-pill.h"

struct _SaStatusPill
{
  GtkWidget  parent_instance;

  GtkLabel   *label;
  const char *kind;   /* one of kinds[], static */
};

G_DEFINE_FINAL_TYPE (SaStatusPill, sa_status_pill, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The colours a pill can take, each a CSS class "sa-pill-<kind>" of style.css. */
static const char * const kinds[] = {
  "neutral", "success", "warning", "error", "accent",
};

static void
set_kind (SaStatusPill *self,
          const char   *kind)
{
  const char *found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i]) == 0)
      found = kinds[i];

  if (found == NULL)
    {
      g_critical ("Unknown status pill kind “%s”", kind ? kind : "(null)");
      found = kinds[0];
    }

  if (found == self->kind)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *klass = g_strdup_printf ("sa-pill-%s", kinds[i]);

      if (kinds[i] == found)
        gtk_widget_add_css_class (GTK_WIDGET (self), klass);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self), klass);
    }

  self->kind = found;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

static void
set_label (SaStatusPill *self,
           const char   *label)
{
  if (g_strcmp0 (gtk_label_get_text (self->label), label ? label : "") == 0)
    return;

  gtk_label_set_text (self->label, label ? label : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

static void
sa_status_pill_dispose (GObject *object)
{
  SaStatusPill *self = SA_STATUS_PILL (object);

  if (self->label != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->label));
      self->label = NULL;
    }

  G_OBJECT_CLASS (sa_status_pill_parent_class)->dispose (object);
}

static void
sa_status_pill_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SaStatusPill *self = SA_STATUS_PILL (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, sa_status_pill_get_label (self));
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_status_pill_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SaStatusPill *self = SA_STATUS_PILL (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      set_label (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      set_kind (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_status_pill_class_init (SaStatusPillClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_status_pill_dispose;
  object_class->get_property = sa_status_pill_get_property;
  object_class->set_property = sa_status_pill_set_property;

  /**
   * SaStatusPill:label:
   *
   * The translated text shown, e.g. "Shipped".
   */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SaStatusPill:kind:
   *
   * The colour: "neutral", "success", "warning", "error" or "accent".
   */
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, "neutral",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "statuspill");
}

static void
sa_status_pill_init (SaStatusPill *self)
{
  self->label = GTK_LABEL (gtk_label_new (NULL));
  /* Long statuses (French, Italian) wrap rather than hold a narrow
   * window wide (issue 15: usable at 360 px). */
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_justify (self->label, GTK_JUSTIFY_CENTER);
  gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self), "sa-pill");
  self->kind = kinds[0];
  gtk_widget_add_css_class (GTK_WIDGET (self), "sa-pill-neutral");
}

/**
 * sa_status_pill_new:
 *
 * Creates an empty, neutral pill. In a .ui file: `<object class="SaStatusPill">`
 * (the widget using it calls g_type_ensure (SA_TYPE_STATUS_PILL) in its
 * class_init).
 *
 * Returns: (transfer floating): a new #SaStatusPill
 */
GtkWidget *
sa_status_pill_new (void)
{
  return g_object_new (SA_TYPE_STATUS_PILL, NULL);
}

/**
 * sa_status_pill_set:
 * @self: a #SaStatusPill
 * @label: (transfer none): the translated text
 * @kind: the colour: "neutral", "success", "warning", "error" or "accent"
 *
 * Sets a text and a colour that no status enum covers, e.g. the export hold
 * of an order in the search results. Prefer the status setters below.
 */
void
sa_status_pill_set (SaStatusPill *self,
                    const char   *label,
                    const char   *kind)
{
  g_return_if_fail (SA_IS_STATUS_PILL (self));

  g_object_freeze_notify (G_OBJECT (self));
  set_label (self, label);
  set_kind (self, kind);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * sa_status_pill_get_label:
 * @self: a #SaStatusPill
 *
 * Returns: (transfer none): the translated text shown
 */
const char *
sa_status_pill_get_label (SaStatusPill *self)
{
  g_return_val_if_fail (SA_IS_STATUS_PILL (self), NULL);

  return gtk_label_get_text (self->label);
}

/**
 * sa_status_pill_get_kind:
 * @self: a #SaStatusPill
 *
 * Returns: (transfer none): the colour: "neutral", "success", "warning",
 *   "error" or "accent"
 */
const char *
sa_status_pill_get_kind (SaStatusPill *self)
{
  g_return_val_if_fail (SA_IS_STATUS_PILL (self), NULL);

  return self->kind;
}

/**
 * sa_status_pill_set_order_status:
 * @self: a #SaStatusPill
 * @status: an order's status
 *
 * Shows an order status (step 3 of "assign an order": the order's details):
 * Shipped in green, Booked and Scheduled in blue, Entered neutral.
 */
void
sa_status_pill_set_order_status (SaStatusPill  *self,
                                 SaOrderStatus  status)
{
  const char *kind = "neutral";

  if (status == SA_ORDER_STATUS_SHIPPED)
    kind = "success";
  else if (status == SA_ORDER_STATUS_BOOKED || status == SA_ORDER_STATUS_SCHEDULED)
    kind = "accent";

  sa_status_pill_set (self, sa_order_status_get_label (status), kind);
}

/* Smart Accounts and Smart Account requests share the colours of a status. */
static const char *
account_status_kind (SaAccountStatus status)
{
  switch (status)
    {
    case SA_ACCOUNT_STATUS_ACTIVE:
      return "success";
    case SA_ACCOUNT_STATUS_PENDING:
      return "warning";
    case SA_ACCOUNT_STATUS_EXPIRED:
      return "error";
    default:
      return "neutral";
    }
}

/**
 * sa_status_pill_set_account_status:
 * @self: a #SaStatusPill
 * @status: a Smart Account's status
 *
 * Shows a Smart Account status (step 7 of "assign an order": a Pending account
 * can be assigned but gets the license once Active): Active in green, Pending
 * in amber, Expired in red.
 */
void
sa_status_pill_set_account_status (SaStatusPill    *self,
                                   SaAccountStatus  status)
{
  sa_status_pill_set (self, sa_account_status_get_label (status), account_status_kind (status));
}

/**
 * sa_status_pill_set_account_request_status:
 * @self: a #SaStatusPill
 * @status: the status of the Smart Account a request created
 *
 * Shows a Smart Account request's status in the words of procedure 3
 * ("Pending customer acceptance", step 6), with the colours of
 * sa_status_pill_set_account_status().
 */
void
sa_status_pill_set_account_request_status (SaStatusPill    *self,
                                           SaAccountStatus  status)
{
  sa_status_pill_set (self, sa_account_request_status_get_label (status), account_status_kind (status));
}

/**
 * sa_status_pill_set_access_request_status:
 * @self: a #SaStatusPill
 * @status: an access request's status
 *
 * Shows an access request's status (procedure 4, following the request):
 * Approved in green, Denied in red, Pending in amber.
 */
void
sa_status_pill_set_access_request_status (SaStatusPill          *self,
                                          SaAccessRequestStatus  status)
{
  const char *kind = "warning";

  if (status == SA_ACCESS_REQUEST_STATUS_APPROVED)
    kind = "success";
  else if (status == SA_ACCESS_REQUEST_STATUS_DENIED)
    kind = "error";

  sa_status_pill_set (self, sa_access_request_status_get_label (status), kind);
}

/**
 * sa_status_pill_set_export_hold:
 * @self: a #SaStatusPill
 * @export_hold: whether an export hold blocks the order
 *
 * Shows an order's export hold on the order page (troubleshooting of "assign
 * an order": licenses wait while a hold blocks the order): "On hold" in amber,
 * or "None".
 */
void
sa_status_pill_set_export_hold (SaStatusPill *self,
                                gboolean      export_hold)
{
  if (export_hold)
    /* Translators: the order is on export hold */
    sa_status_pill_set (self, _("On hold"), "warning");
  else
    /* Translators: the order is not on export hold */
    sa_status_pill_set (self, _("None"), "neutral");
}
