/* sa-license-answer.c — the answer to "Where are my licenses?" in plain words
 *
 * Words an #SaLicenseDiagnosis (src/core): a heading, a paragraph that says
 * what was found, why the licenses are (not yet) there and the next action,
 * and the right link — Cisco Commerce Workspace (CCW) where the order's
 * assignment and export hold are shown and can still change, Support Case
 * Manager (SCM) when only Cisco's licensing support can help, Cisco Software
 * Central where the licenses are seen. The troubleshooting of "How do I
 * assign an order to a Smart Account" and the caution of "Updating Smart
 * Account Assignment in CCW" are the source of every sentence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-license-answer.h"
#include "sa-ui-util.h"

struct _SaLicenseAnswer
{
  GtkWidget           parent_instance;

  GtkWidget          *box;
  GtkImage           *icon;
  GtkLabel           *heading_label;
  GtkLabel           *text_label;
  GtkLinkButton      *link_button;

  SaLicenseDiagnosis *diagnosis;
};

G_DEFINE_FINAL_TYPE (SaLicenseAnswer, sa_license_answer, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DIAGNOSIS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
or_dash (const char *text)
{
  return text != NULL && *text != '\0' ? text : "—";
}

static const char *
get_heading (SaLicenseVerdict verdict)
{
  switch (verdict)
    {
    case SA_LICENSE_VERDICT_ORDER_NOT_FOUND:
      return _("Order Not Found");
    case SA_LICENSE_VERDICT_DEPOSITED:
      return _("Your Licenses Are in a Smart Account");
    case SA_LICENSE_VERDICT_NOT_SHIPPED:
      return _("The Order Has Not Shipped Yet");
    case SA_LICENSE_VERDICT_ACCOUNT_PENDING:
      return _("The Smart Account Is Still Pending");
    case SA_LICENSE_VERDICT_EXPORT_HOLD:
      return _("The Order Is on Export Hold");
    case SA_LICENSE_VERDICT_HOLDING_ONLY:
      return _("Assigned Only to a Holding Smart Account");
    case SA_LICENSE_VERDICT_NOT_ASSIGNED:
      return _("No Smart Account Assigned");
    case SA_LICENSE_VERDICT_IN_ACCOUNT:
      return _("Your Licenses Should Be in the Smart Account");
    case SA_LICENSE_VERDICT_NOT_VISIBLE:
      return _("No License Found for This Order");
    case SA_LICENSE_VERDICT_CANNOT_TELL:
    default:
      return _("Cisco's APIs Cannot Tell Why");
    }
}

static char *
dup_not_shipped_text (SaLicenseDiagnosis *self,
                      const char         *number)
{
  SaOrder *order = sa_license_diagnosis_get_order (self);
  const char *status = sa_order_get_status_text (order);
  g_autofree char *first = NULL;
  const char *second;

  if (status == NULL || *status == '\0')
    status = sa_order_status_get_label (sa_order_get_status (order));

  /* Translators: "Where are my licenses?"; %1$s is the Sales Order No., %2$s its status as the back end wrote it */
  first = g_strdup_printf (_("Order %1$s is “%2$s”. Licenses are deposited in the Smart Account once the order "
                             "has shipped: until then there is nothing to find."),
                           number, status);

  if (!sa_license_diagnosis_get_assignment_known (self))
    second = _("Before shipment Cisco publishes no Smart Account assignment: check on the order page in Cisco "
               "Commerce Workspace (CCW) that it goes to the End Customer Smart Account, while it can still change.");
  else if (sa_license_diagnosis_get_outcome (self, SA_LICENSE_CHECK_END_CUSTOMER_ASSIGNED) == SA_LICENSE_OUTCOME_FAILED)
    second = _("It has no End Customer Smart Account yet, and a Holding Smart Account provisions no license: "
               "assign the End Customer Smart Account before it ships.");
  else if (sa_license_diagnosis_get_outcome (self, SA_LICENSE_CHECK_ACCOUNT_ACTIVE) == SA_LICENSE_OUTCOME_FAILED)
    second = _("Its End Customer Smart Account is still Pending: the licenses will also wait until it is Active.");
  else
    second = _("Nothing else stands in the way: wait for the shipment.");

  return g_strconcat (first, " ", second, NULL);
}

static char *
dup_text (SaLicenseDiagnosis *self)
{
  const char *number = sa_license_diagnosis_get_order_number (self);
  const char *account = or_dash (sa_license_diagnosis_get_account_name (self));
  const char *virtual_account = or_dash (sa_license_diagnosis_get_virtual_account (self));
  gint64 quantity = sa_license_diagnosis_get_quantity (self);

  switch (sa_license_diagnosis_get_verdict (self))
    {
    case SA_LICENSE_VERDICT_ORDER_NOT_FOUND:
      /* Translators: "Where are my licenses?"; %s is the number typed */
      return g_strdup_printf (_("No order %s is visible to you. Check the number, or search by another field. "
                                "An order you may not see looks the same as one that does not exist: look it "
                                "up in Cisco Commerce Workspace (CCW)."),
                              number);
    case SA_LICENSE_VERDICT_DEPOSITED:
      {
        g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, quantity);

        /* Translators: "Where are my licenses?"; %1$s the quantity, %2$s the Sales Order No.,
         * %3$s the Smart Account, %4$s the Virtual Account */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%1$s license from order %2$s is in the Smart Account %3$s, "
                                             "Virtual Account %4$s. Manage it in Cisco Software Central.",
                                             "%1$s licenses from order %2$s are in the Smart Account %3$s, "
                                             "Virtual Account %4$s. Manage them in Cisco Software Central.",
                                             (gulong) CLAMP (quantity, 0, G_MAXLONG)),
                                count, number, account, virtual_account);
      }
    case SA_LICENSE_VERDICT_NOT_SHIPPED:
      return dup_not_shipped_text (self, number);
    case SA_LICENSE_VERDICT_ACCOUNT_PENDING:
      if (sa_license_diagnosis_get_assignment_known (self))
        /* Translators: "Where are my licenses?"; %1$s the Sales Order No., %2$s the Smart Account */
        return g_strdup_printf (_("Order %1$s is assigned to %2$s, which is still Pending. Its licenses are "
                                  "deposited once the customer accepts the Smart Account and it becomes Active. "
                                  "If it stays Pending, open a case in Support Case Manager (SCM)."),
                                number, account);
      /* Translators: "Where are my licenses?" with Cisco; %1$s the Sales Order No., %2$s one of the user's Smart Accounts */
      return g_strdup_printf (_("Order %1$s has shipped, but none of its licenses is in the Smart Accounts you can "
                                "see. %2$s, one of your Smart Accounts, is still Pending: if the order is assigned "
                                "to it, the licenses wait until it is Active. Check the order's assignment on the "
                                "order page in Cisco Commerce Workspace (CCW)."),
                              number, account);
    case SA_LICENSE_VERDICT_EXPORT_HOLD:
      /* Translators: "Where are my licenses?"; %s is the Sales Order No. */
      return g_strdup_printf (_("Order %s is on export hold. Its licenses reach the Smart Account only once the "
                                "hold is released, which can take weeks. The order page in Cisco Commerce "
                                "Workspace (CCW) shows the hold."),
                              number);
    case SA_LICENSE_VERDICT_HOLDING_ONLY:
      /* Translators: "Where are my licenses?"; %1$s the Sales Order No., %2$s the Holding Smart Account */
      return g_strdup_printf (_("Order %1$s is assigned only to the Holding Smart Account %2$s. That assignment is "
                                "temporary and provisions no license: the order must go to the End Customer Smart "
                                "Account. As it has shipped, open a case with Cisco Global Licensing Operations "
                                "(GLO) in Support Case Manager (SCM); registering a device with the order's serial "
                                "number also moves it there automatically."),
                              number, account);
    case SA_LICENSE_VERDICT_NOT_ASSIGNED:
      /* Translators: "Where are my licenses?"; %s is the Sales Order No. */
      return g_strdup_printf (_("Order %s has shipped without any Smart Account, so its licenses wait. Open a case "
                                "in Support Case Manager (SCM) to have it assigned to the End Customer Smart "
                                "Account."),
                              number);
    case SA_LICENSE_VERDICT_IN_ACCOUNT:
      /* Translators: "Where are my licenses?"; %1$s the Sales Order No., %2$s the Smart Account, %3$s the Virtual Account */
      return g_strdup_printf (_("Order %1$s has shipped to the Active Smart Account %2$s (Virtual Account %3$s) and "
                                "is not on hold: its licenses should be there. This connection cannot list "
                                "licenses: see them in Cisco Software Central."),
                              number, account, virtual_account);
    case SA_LICENSE_VERDICT_NOT_VISIBLE:
      /* Translators: "Where are my licenses?"; %1$s the Sales Order No., %2$s the Smart Account, %3$s the Virtual Account */
      return g_strdup_printf (_("Order %1$s has shipped to the Active Smart Account %2$s (Virtual Account %3$s) and "
                                "is not on hold, yet none of its licenses is in the Smart Accounts you can see. If "
                                "you have no access to %2$s, request it; otherwise open a case in Support Case "
                                "Manager (SCM)."),
                              number, account, virtual_account);
    case SA_LICENSE_VERDICT_CANNOT_TELL:
    default:
      if (sa_license_diagnosis_get_account_name (self) != NULL)
        /* Translators: "Where are my licenses?" with Cisco; %1$s the Sales Order No., %2$s the user's Holding Smart Account */
        return g_strdup_printf (_("Order %1$s has shipped, but none of its licenses is in the Smart Accounts you can "
                                  "see. Cisco's APIs publish neither an export hold nor the order's Smart Account "
                                  "assignment: check both on the order page in Cisco Commerce Workspace (CCW). If "
                                  "the order is assigned only to your Holding Smart Account %2$s, it provisions no "
                                  "license: reassign it to the End Customer Smart Account. If nothing explains it, "
                                  "open a case in Support Case Manager (SCM)."),
                                number, account);
      /* Translators: "Where are my licenses?" with Cisco; %s is the Sales Order No. */
      return g_strdup_printf (_("Order %s has shipped, but none of its licenses is in the Smart Accounts you can "
                                "see. Cisco's APIs publish neither an export hold nor the order's Smart Account "
                                "assignment: check both on the order page in Cisco Commerce Workspace (CCW). An "
                                "order assigned only to a Holding Smart Account provisions no license. If nothing "
                                "explains it, open a case in Support Case Manager (SCM)."),
                              number);
    }
}

static const char *
get_link_label (SaLicenseLink link)
{
  switch (link)
    {
    case SA_LICENSE_LINK_CCW_ORDER:
      return _("Open the Order in Cisco Commerce Workspace (CCW)");
    case SA_LICENSE_LINK_SUPPORT_CASE:
      return _("Open a Case in Support Case Manager (SCM)");
    case SA_LICENSE_LINK_SOFTWARE_CENTRAL:
      return _("Open Cisco Software Central");
    case SA_LICENSE_LINK_NONE:
    default:
      return NULL;
    }
}

static void
update (SaLicenseAnswer *self)
{
  g_autofree char *text = NULL;
  SaLicenseVerdict verdict;
  SaLicenseLink link;
  gboolean good;

  gtk_widget_set_visible (self->box, self->diagnosis != NULL);
  if (self->diagnosis == NULL)
    return;

  verdict = sa_license_diagnosis_get_verdict (self->diagnosis);
  good = verdict == SA_LICENSE_VERDICT_DEPOSITED || verdict == SA_LICENSE_VERDICT_IN_ACCOUNT;
  text = dup_text (self->diagnosis);

  gtk_label_set_text (self->heading_label, get_heading (verdict));
  gtk_label_set_text (self->text_label, text);
  gtk_image_set_from_icon_name (self->icon, good ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  if (good)
    gtk_widget_remove_css_class (self->box, "sa-note-warning");
  else
    gtk_widget_add_css_class (self->box, "sa-note-warning");

  link = sa_license_diagnosis_get_link (self->diagnosis);
  gtk_widget_set_visible (GTK_WIDGET (self->link_button), link != SA_LICENSE_LINK_NONE);
  if (link != SA_LICENSE_LINK_NONE)
    {
      gtk_button_set_label (GTK_BUTTON (self->link_button), get_link_label (link));
      gtk_link_button_set_uri (self->link_button, sa_license_link_get_uri (link));
    }
}

static void
sa_license_answer_dispose (GObject *object)
{
  SaLicenseAnswer *self = SA_LICENSE_ANSWER (object);

  g_clear_object (&self->diagnosis);
  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_LICENSE_ANSWER);

  G_OBJECT_CLASS (sa_license_answer_parent_class)->dispose (object);
}

static void
sa_license_answer_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SaLicenseAnswer *self = SA_LICENSE_ANSWER (object);

  switch (prop_id)
    {
    case PROP_DIAGNOSIS:
      g_value_set_object (value, self->diagnosis);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_license_answer_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SaLicenseAnswer *self = SA_LICENSE_ANSWER (object);

  switch (prop_id)
    {
    case PROP_DIAGNOSIS:
      sa_license_answer_set_diagnosis (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_license_answer_class_init (SaLicenseAnswerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_license_answer_dispose;
  object_class->get_property = sa_license_answer_get_property;
  object_class->set_property = sa_license_answer_set_property;

  /**
   * SaLicenseAnswer:diagnosis:
   *
   * The #SaLicenseDiagnosis worded, or %NULL (nothing shown).
   */
  properties[PROP_DIAGNOSIS] =
    g_param_spec_object ("diagnosis", NULL, NULL, SA_TYPE_LICENSE_DIAGNOSIS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/licenses/sa-license-answer.ui");
  gtk_widget_class_bind_template_child (widget_class, SaLicenseAnswer, box);
  gtk_widget_class_bind_template_child (widget_class, SaLicenseAnswer, icon);
  gtk_widget_class_bind_template_child (widget_class, SaLicenseAnswer, heading_label);
  gtk_widget_class_bind_template_child (widget_class, SaLicenseAnswer, text_label);
  gtk_widget_class_bind_template_child (widget_class, SaLicenseAnswer, link_button);
}

static void
sa_license_answer_init (SaLicenseAnswer *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

/**
 * sa_license_answer_new:
 *
 * Creates the answer of "Where are my licenses?", empty until
 * sa_license_answer_set_diagnosis().
 *
 * Returns: (transfer floating): a new #SaLicenseAnswer
 */
GtkWidget *
sa_license_answer_new (void)
{
  return g_object_new (SA_TYPE_LICENSE_ANSWER, NULL);
}

/**
 * sa_license_answer_get_diagnosis:
 * @self: a #SaLicenseAnswer
 *
 * Returns: (transfer none) (nullable): the diagnosis shown
 */
SaLicenseDiagnosis *
sa_license_answer_get_diagnosis (SaLicenseAnswer *self)
{
  g_return_val_if_fail (SA_IS_LICENSE_ANSWER (self), NULL);

  return self->diagnosis;
}

/**
 * sa_license_answer_set_diagnosis:
 * @self: a #SaLicenseAnswer
 * @diagnosis: (nullable) (transfer none): the diagnosis to word
 *
 * Shows the verdict of @diagnosis in plain words with the next action and
 * its link (the troubleshooting of "assign an order"), or nothing.
 */
void
sa_license_answer_set_diagnosis (SaLicenseAnswer    *self,
                                 SaLicenseDiagnosis *diagnosis)
{
  g_return_if_fail (SA_IS_LICENSE_ANSWER (self));
  g_return_if_fail (diagnosis == NULL || SA_IS_LICENSE_DIAGNOSIS (diagnosis));

  if (!g_set_object (&self->diagnosis, diagnosis))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIAGNOSIS]);
}

/**
 * sa_license_answer_get_heading:
 * @self: a #SaLicenseAnswer
 *
 * Returns: (transfer none): the translated heading shown ("" when empty)
 */
const char *
sa_license_answer_get_heading (SaLicenseAnswer *self)
{
  g_return_val_if_fail (SA_IS_LICENSE_ANSWER (self), NULL);

  return gtk_label_get_text (self->heading_label);
}

/**
 * sa_license_answer_get_text:
 * @self: a #SaLicenseAnswer
 *
 * Returns: (transfer none): the translated explanation shown ("" when empty)
 */
const char *
sa_license_answer_get_text (SaLicenseAnswer *self)
{
  g_return_val_if_fail (SA_IS_LICENSE_ANSWER (self), NULL);

  return gtk_label_get_text (self->text_label);
}

/**
 * sa_license_answer_get_uri:
 * @self: a #SaLicenseAnswer
 *
 * Returns: (transfer none) (nullable): the address of the next action's
 *   link, %NULL when none is shown
 */
const char *
sa_license_answer_get_uri (SaLicenseAnswer *self)
{
  g_return_val_if_fail (SA_IS_LICENSE_ANSWER (self), NULL);

  if (self->diagnosis == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->link_button)))
    return NULL;

  return gtk_link_button_get_uri (self->link_button);
}
