/* sa-license-check-row.c — one check of "Where are my licenses?" and its outcome
 *
 * One row per check of the troubleshooting of "How do I assign an order to a
 * Smart Account", in the seeds' order (the finder's template lists them):
 * the order exists, has shipped, its licenses arrived (where), the Smart
 * Account is Active, no export hold, an End Customer Smart Account rather
 * than a Holding one only. The icon says passed, failed, not published (with
 * Cisco: the assignment before shipment, the export hold) or not checked; the
 * subtitle says what was found, naming the account when there is one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-license-check-row.h"
#include "sa-order-details.h"
#include "sa-ui-util.h"

struct _SaLicenseCheckRow
{
  AdwActionRow        parent_instance;

  GtkImage           *icon;

  SaLicenseCheck      check;
  SaLicenseDiagnosis *diagnosis;
};

G_DEFINE_FINAL_TYPE (SaLicenseCheckRow, sa_license_check_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_CHECK,
  PROP_DIAGNOSIS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
get_title (SaLicenseCheck check)
{
  switch (check)
    {
    case SA_LICENSE_CHECK_ORDER_FOUND:
      return _("The order exists");
    case SA_LICENSE_CHECK_SHIPPED:
      return _("The order has shipped");
    case SA_LICENSE_CHECK_LICENSES_ARRIVED:
      return _("Its licenses are in a Smart Account");
    case SA_LICENSE_CHECK_ACCOUNT_ACTIVE:
      return _("The Smart Account is Active");
    case SA_LICENSE_CHECK_NO_EXPORT_HOLD:
      return _("The order is not on export hold");
    case SA_LICENSE_CHECK_END_CUSTOMER_ASSIGNED:
    case SA_LICENSE_N_CHECKS:
    default:
      return _("The order is assigned to an End Customer Smart Account");
    }
}

static char *
dup_subtitle (SaLicenseCheckRow     *self,
              SaLicenseCheckOutcome  outcome)
{
  SaLicenseDiagnosis *diagnosis = self->diagnosis;
  SaOrder *order = sa_license_diagnosis_get_order (diagnosis);
  const char *account = sa_license_diagnosis_get_account_name (diagnosis);
  gboolean known = sa_license_diagnosis_get_assignment_known (diagnosis);

  if (outcome == SA_LICENSE_OUTCOME_SKIPPED && order == NULL)
    return g_strdup (_("Not checked: there is no order"));

  switch (self->check)
    {
    case SA_LICENSE_CHECK_ORDER_FOUND:
      if (outcome == SA_LICENSE_OUTCOME_PASSED)
        /* Translators: a check of "Where are my licenses?"; %s is the Sales Order No. */
        return g_strdup_printf (_("Sales Order No. %s"), sa_order_get_sales_order_number (order));
      return g_strdup (_("No order with this number is visible to you"));

    case SA_LICENSE_CHECK_SHIPPED:
      {
        g_autofree char *status = sa_order_dup_status_label (order);

        /* Translators: a check of "Where are my licenses?"; %s is the order's status as the back end wrote it */
        return g_strdup_printf (_("Status: %s"), status);
      }

    case SA_LICENSE_CHECK_LICENSES_ARRIVED:
      if (outcome == SA_LICENSE_OUTCOME_PASSED)
        {
          GListModel *licenses = sa_license_diagnosis_get_licenses (diagnosis);
          guint n = g_list_model_get_n_items (licenses);

          /* Translators: a check of "Where are my licenses?"; %1$s the Smart Account, %2$s the Virtual Account */
          return g_strdup_printf (n > 1 ? _("In %1$s, Virtual Account %2$s, and elsewhere (listed below)")
                                        : _("In %1$s, Virtual Account %2$s"),
                                  account, sa_license_diagnosis_get_virtual_account (diagnosis));
        }
      if (outcome == SA_LICENSE_OUTCOME_FAILED)
        return g_strdup (_("None in the Smart Accounts you can see"));
      return g_strdup (_("This connection cannot list licenses"));

    case SA_LICENSE_CHECK_ACCOUNT_ACTIVE:
      if (outcome == SA_LICENSE_OUTCOME_PASSED)
        return g_strdup (sa_license_diagnosis_get_verdict (diagnosis) == SA_LICENSE_VERDICT_DEPOSITED
                         ? _("The licenses arrived, so it is Active")
                         : _("The End Customer Smart Account is Active"));
      if (outcome == SA_LICENSE_OUTCOME_FAILED && known)
        /* Translators: a check of "Where are my licenses?"; %s is the Smart Account */
        return g_strdup_printf (_("%s is still Pending"), account);
      if (outcome == SA_LICENSE_OUTCOME_FAILED)
        /* Translators: a check of "Where are my licenses?" with Cisco; %s is one of the user's Smart Accounts */
        return g_strdup_printf (_("%s, one of your Smart Accounts, is still Pending"), account);
      if (outcome == SA_LICENSE_OUTCOME_UNKNOWN)
        return g_strdup (_("Cisco does not publish which Smart Account the order is assigned to"));
      return g_strdup (_("Not checked: no End Customer Smart Account is assigned"));

    case SA_LICENSE_CHECK_NO_EXPORT_HOLD:
      if (outcome == SA_LICENSE_OUTCOME_PASSED)
        return g_strdup (_("No export hold"));
      if (outcome == SA_LICENSE_OUTCOME_FAILED)
        return g_strdup (_("The order is on export hold"));
      return g_strdup (_("Cisco publishes no export hold: see the order in CCW"));

    case SA_LICENSE_CHECK_END_CUSTOMER_ASSIGNED:
    case SA_LICENSE_N_CHECKS:
    default:
      if (outcome == SA_LICENSE_OUTCOME_PASSED && known)
        {
          SaAssignment *end_customer = sa_order_get_end_customer (order);

          /* Translators: a check of "Where are my licenses?"; %s is the End Customer Smart Account */
          return g_strdup_printf (_("End Customer Smart Account: %s"),
                                  end_customer != NULL ? sa_assignment_get_name (end_customer) : "—");
        }
      if (outcome == SA_LICENSE_OUTCOME_PASSED)
        return g_strdup (_("The licenses arrived in a Smart Account"));
      if (outcome == SA_LICENSE_OUTCOME_FAILED && sa_order_get_holding (order) != NULL)
        /* Translators: a check of "Where are my licenses?"; %s is the Holding Smart Account */
        return g_strdup_printf (_("Only on the Holding Smart Account %s, which provisions no license"),
                                sa_assignment_get_name (sa_order_get_holding (order)));
      if (outcome == SA_LICENSE_OUTCOME_FAILED)
        return g_strdup (_("No Smart Account is assigned"));
      return g_strdup (_("Cisco publishes no assignment before shipment: see the order in CCW"));
    }
}

static void
update (SaLicenseCheckRow *self)
{
  static const char * const classes[] = { "success", "error", "warning", "dim-label" };
  SaLicenseCheckOutcome outcome;
  g_autofree char *subtitle = NULL;
  const char *icon_name;
  const char *description;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), get_title (self->check));

  if (self->diagnosis == NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), "");
      gtk_image_set_from_icon_name (self->icon, NULL);
      return;
    }

  outcome = sa_license_diagnosis_get_outcome (self->diagnosis, self->check);
  subtitle = dup_subtitle (self, outcome);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  switch (outcome)
    {
    case SA_LICENSE_OUTCOME_PASSED:
      icon_name = "emblem-ok-symbolic";
      description = _("Yes");
      break;
    case SA_LICENSE_OUTCOME_FAILED:
      icon_name = "dialog-warning-symbolic";
      description = _("No");
      break;
    case SA_LICENSE_OUTCOME_UNKNOWN:
      icon_name = "dialog-question-symbolic";
      description = _("Not published");
      break;
    case SA_LICENSE_OUTCOME_SKIPPED:
    default:
      icon_name = "action-unavailable-symbolic";
      description = _("Not checked");
      break;
    }

  gtk_image_set_from_icon_name (self->icon, icon_name);
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->icon), classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->icon), classes[MIN ((guint) outcome, G_N_ELEMENTS (classes) - 1)]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
}

static void
sa_license_check_row_dispose (GObject *object)
{
  SaLicenseCheckRow *self = SA_LICENSE_CHECK_ROW (object);

  g_clear_object (&self->diagnosis);
  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_LICENSE_CHECK_ROW);

  G_OBJECT_CLASS (sa_license_check_row_parent_class)->dispose (object);
}

static void
sa_license_check_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SaLicenseCheckRow *self = SA_LICENSE_CHECK_ROW (object);

  switch (prop_id)
    {
    case PROP_CHECK:
      g_value_set_int (value, self->check);
      break;
    case PROP_DIAGNOSIS:
      g_value_set_object (value, self->diagnosis);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_license_check_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SaLicenseCheckRow *self = SA_LICENSE_CHECK_ROW (object);

  switch (prop_id)
    {
    case PROP_CHECK:
      self->check = (SaLicenseCheck) g_value_get_int (value);
      update (self);
      break;
    case PROP_DIAGNOSIS:
      sa_license_check_row_set_diagnosis (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_license_check_row_class_init (SaLicenseCheckRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_license_check_row_dispose;
  object_class->get_property = sa_license_check_row_get_property;
  object_class->set_property = sa_license_check_row_set_property;

  /**
   * SaLicenseCheckRow:check:
   *
   * Which check the row shows (an #SaLicenseCheck, as an integer), set once.
   */
  properties[PROP_CHECK] =
    g_param_spec_int ("check", NULL, NULL, 0, SA_LICENSE_N_CHECKS - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * SaLicenseCheckRow:diagnosis:
   *
   * The #SaLicenseDiagnosis whose outcome the row shows, or %NULL.
   */
  properties[PROP_DIAGNOSIS] =
    g_param_spec_object ("diagnosis", NULL, NULL, SA_TYPE_LICENSE_DIAGNOSIS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/licenses/sa-license-check-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SaLicenseCheckRow, icon);
}

static void
sa_license_check_row_init (SaLicenseCheckRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sa_license_check_row_get_check:
 * @self: a #SaLicenseCheckRow
 *
 * Returns: the check the row shows
 */
SaLicenseCheck
sa_license_check_row_get_check (SaLicenseCheckRow *self)
{
  g_return_val_if_fail (SA_IS_LICENSE_CHECK_ROW (self), SA_LICENSE_CHECK_ORDER_FOUND);

  return self->check;
}

/**
 * sa_license_check_row_get_diagnosis:
 * @self: a #SaLicenseCheckRow
 *
 * Returns: (transfer none) (nullable): the diagnosis shown
 */
SaLicenseDiagnosis *
sa_license_check_row_get_diagnosis (SaLicenseCheckRow *self)
{
  g_return_val_if_fail (SA_IS_LICENSE_CHECK_ROW (self), NULL);

  return self->diagnosis;
}

/**
 * sa_license_check_row_set_diagnosis:
 * @self: a #SaLicenseCheckRow
 * @diagnosis: (nullable) (transfer none): the diagnosis
 *
 * Shows how the row's check came out in @diagnosis ("Where are my
 * licenses?", the troubleshooting of "assign an order").
 */
void
sa_license_check_row_set_diagnosis (SaLicenseCheckRow  *self,
                                    SaLicenseDiagnosis *diagnosis)
{
  g_return_if_fail (SA_IS_LICENSE_CHECK_ROW (self));
  g_return_if_fail (diagnosis == NULL || SA_IS_LICENSE_DIAGNOSIS (diagnosis));

  if (!g_set_object (&self->diagnosis, diagnosis))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIAGNOSIS]);
}

/**
 * sa_license_check_row_get_outcome:
 * @self: a #SaLicenseCheckRow
 *
 * Returns: the outcome shown, %SA_LICENSE_OUTCOME_SKIPPED without a diagnosis
 */
SaLicenseCheckOutcome
sa_license_check_row_get_outcome (SaLicenseCheckRow *self)
{
  g_return_val_if_fail (SA_IS_LICENSE_CHECK_ROW (self), SA_LICENSE_OUTCOME_SKIPPED);

  if (self->diagnosis == NULL)
    return SA_LICENSE_OUTCOME_SKIPPED;

  return sa_license_diagnosis_get_outcome (self->diagnosis, self->check);
}
