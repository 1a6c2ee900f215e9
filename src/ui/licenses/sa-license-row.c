/* sa-license-row.c — one license in a list: name, quantities, status, orders
 *
 * The row of a license wherever the app shows one: a Virtual Account's
 * licenses in the Smart Accounts view, and the licenses an order brought in
 * "Where are my licenses?". Title: the license's name; subtitle: quantity,
 * in use and available, then the originating orders (licenseDetails'
 * order numbers) or, with show-location, the Smart Account and Virtual
 * Account holding it; suffix: the status as the back end wrote it ("In
 * Compliance").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-license-row.h"
#include "sa-status-pill.h"
#include "sa-ui-util.h"

struct _SaLicenseRow
{
  AdwActionRow  parent_instance;

  SaStatusPill *status_pill;

  SaLicense    *license;
  gboolean      show_location;
};

G_DEFINE_FINAL_TYPE (SaLicenseRow, sa_license_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_LICENSE,
  PROP_SHOW_LOCATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * sa_license_dup_order_numbers:
 * @license: a license
 *
 * The sales orders @license's quantities came from (its details'
 * `orderNumber`), each once, in order: "104857601, 104857999".
 *
 * Returns: (transfer full) (nullable): the list, or %NULL when no detail
 *   names an order
 */
char *
sa_license_dup_order_numbers (SaLicense *license)
{
  g_autoptr(GPtrArray) numbers = g_ptr_array_new ();
  GListModel *details;

  g_return_val_if_fail (SA_IS_LICENSE (license), NULL);

  details = sa_license_get_details (license);
  for (guint i = 0; i < g_list_model_get_n_items (details); i++)
    {
      g_autoptr(SaLicenseDetail) detail = g_list_model_get_item (details, i);
      const char *number = sa_license_detail_get_order_number (detail);
      gboolean seen = FALSE;

      if (number == NULL || *number == '\0')
        continue;
      for (guint j = 0; j < numbers->len; j++)
        seen = seen || g_str_equal (g_ptr_array_index (numbers, j), number);
      if (!seen)
        g_ptr_array_add (numbers, (gpointer) number);
    }

  if (numbers->len == 0)
    return NULL;

  g_ptr_array_add (numbers, NULL);
  return g_strjoinv (", ", (char **) numbers->pdata);
}

static void
update (SaLicenseRow *self)
{
  g_autofree char *quantity = NULL;
  g_autofree char *in_use = NULL;
  g_autofree char *available = NULL;
  g_autofree char *quantities = NULL;
  g_autofree char *second = NULL;
  g_autofree char *subtitle = NULL;
  const char *status;

  if (self->license == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), "");
      gtk_widget_set_visible (GTK_WIDGET (self->status_pill), FALSE);
      return;
    }

  quantity = g_strdup_printf ("%" G_GINT64_FORMAT, sa_license_get_quantity (self->license));
  in_use = g_strdup_printf ("%" G_GINT64_FORMAT, sa_license_get_in_use (self->license));
  available = g_strdup_printf ("%" G_GINT64_FORMAT, sa_license_get_available (self->license));
  /* Translators: a license's quantities: total, in use, available */
  quantities = g_strdup_printf (_("Quantity %1$s · In use %2$s · Available %3$s"),
                                quantity, in_use, available);

  if (self->show_location)
    {
      const char *account = sa_license_get_smart_account_name (self->license);

      if (account == NULL || *account == '\0')
        account = sa_license_get_smart_account_domain (self->license);
      /* Translators: where a license is: "Smart Account Acme Industrie · Virtual Account DEFAULT" */
      second = g_strdup_printf (_("Smart Account %1$s · Virtual Account %2$s"),
                                account != NULL ? account : "—",
                                sa_license_get_virtual_account (self->license));
    }
  else
    {
      g_autofree char *orders = sa_license_dup_order_numbers (self->license);

      if (orders != NULL)
        /* Translators: the sales orders a license came from: "From orders 104857601, 104857999" */
        second = g_strdup_printf (_("From orders %s"), orders);
    }

  subtitle = second != NULL ? g_strconcat (quantities, "\n", second, NULL) : g_strdup (quantities);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), sa_license_get_license (self->license));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  /* The status as Cisco writes it ("In Compliance"): its list is not public. */
  status = sa_license_get_status (self->license);
  gtk_widget_set_visible (GTK_WIDGET (self->status_pill), status != NULL && *status != '\0');
  if (status != NULL && *status != '\0')
    sa_status_pill_set (self->status_pill, status,
                        g_ascii_strcasecmp (status, "In Compliance") == 0 ? "success" : "warning");
}

static void
sa_license_row_dispose (GObject *object)
{
  SaLicenseRow *self = SA_LICENSE_ROW (object);

  g_clear_object (&self->license);
  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_LICENSE_ROW);

  G_OBJECT_CLASS (sa_license_row_parent_class)->dispose (object);
}

static void
sa_license_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SaLicenseRow *self = SA_LICENSE_ROW (object);

  switch (prop_id)
    {
    case PROP_LICENSE:
      g_value_set_object (value, self->license);
      break;
    case PROP_SHOW_LOCATION:
      g_value_set_boolean (value, self->show_location);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_license_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SaLicenseRow *self = SA_LICENSE_ROW (object);

  switch (prop_id)
    {
    case PROP_LICENSE:
      sa_license_row_set_license (self, g_value_get_object (value));
      break;
    case PROP_SHOW_LOCATION:
      sa_license_row_set_show_location (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_license_row_class_init (SaLicenseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_license_row_dispose;
  object_class->get_property = sa_license_row_get_property;
  object_class->set_property = sa_license_row_set_property;

  /**
   * SaLicenseRow:license:
   *
   * The #SaLicense shown, or %NULL.
   */
  properties[PROP_LICENSE] =
    g_param_spec_object ("license", NULL, NULL, SA_TYPE_LICENSE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SaLicenseRow:show-location:
   *
   * Whether the subtitle names the Smart Account and Virtual Account holding
   * the license ("Where are my licenses?") rather than its orders.
   */
  properties[PROP_SHOW_LOCATION] =
    g_param_spec_boolean ("show-location", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SA_TYPE_STATUS_PILL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/licenses/sa-license-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SaLicenseRow, status_pill);
}

static void
sa_license_row_init (SaLicenseRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

/**
 * sa_license_row_new:
 * @license: (nullable): the license to show
 * @show_location: whether to name its Smart Account and Virtual Account
 *   instead of its orders
 *
 * Creates a row for @license, e.g. in a #GtkListBox bound to a model of
 * #SaLicense.
 *
 * Returns: (transfer floating): a new #SaLicenseRow
 */
GtkWidget *
sa_license_row_new (SaLicense *license,
                    gboolean   show_location)
{
  g_return_val_if_fail (license == NULL || SA_IS_LICENSE (license), NULL);

  return g_object_new (SA_TYPE_LICENSE_ROW,
                       "show-location", show_location,
                       "license", license,
                       NULL);
}

/**
 * sa_license_row_get_license:
 * @self: a #SaLicenseRow
 *
 * Returns: (transfer none) (nullable): the license shown
 */
SaLicense *
sa_license_row_get_license (SaLicenseRow *self)
{
  g_return_val_if_fail (SA_IS_LICENSE_ROW (self), NULL);

  return self->license;
}

/**
 * sa_license_row_set_license:
 * @self: a #SaLicenseRow
 * @license: (nullable) (transfer none): the license to show
 *
 * Shows @license: name, quantities, orders or location, status.
 */
void
sa_license_row_set_license (SaLicenseRow *self,
                            SaLicense    *license)
{
  g_return_if_fail (SA_IS_LICENSE_ROW (self));
  g_return_if_fail (license == NULL || SA_IS_LICENSE (license));

  if (!g_set_object (&self->license, license))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LICENSE]);
}

/**
 * sa_license_row_get_show_location:
 * @self: a #SaLicenseRow
 *
 * Returns: whether the subtitle names the license's Smart and Virtual Account
 */
gboolean
sa_license_row_get_show_location (SaLicenseRow *self)
{
  g_return_val_if_fail (SA_IS_LICENSE_ROW (self), FALSE);

  return self->show_location;
}

/**
 * sa_license_row_set_show_location:
 * @self: a #SaLicenseRow
 * @show_location: whether the subtitle names the Smart and Virtual Account
 *
 * Sets #SaLicenseRow:show-location.
 */
void
sa_license_row_set_show_location (SaLicenseRow *self,
                                  gboolean      show_location)
{
  g_return_if_fail (SA_IS_LICENSE_ROW (self));

  show_location = !!show_location;
  if (self->show_location == show_location)
    return;

  self->show_location = show_location;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_LOCATION]);
}
