/* sa-account-request-identify.c — the "identify" page of "Request a Smart
 * Account": Identify Account Name and Customer (step 3 a)
 *
 * Account Name, Customer Email, Account Domain and the optional Note to
 * Customer (their checks are in sa-account-request-form.c). When the server
 * answers that the Account Domain already has a Smart Account, the page says
 * so under the field and offers "Request Access to an Existing Smart
 * Account" (procedure 4) with that domain.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sa-account-request-wizard-private.h"

/**
 * sa_account_identify_update:
 * @self: the wizard
 *
 * Shows the offer to request access while the Account Domain is the one the
 * server found taken.
 */
void
sa_account_identify_update (SaAccountRequestWizard *self)
{
  g_autofree char *domain = sa_account_form_dup_text (self, SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_DOMAIN);

  gtk_widget_set_visible (self->identify.domain_taken_box,
                          self->taken_domain != NULL && g_ascii_strcasecmp (domain, self->taken_domain) == 0);
}

static void
request_access_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  SaAccountRequestWizard *self = SA_ACCOUNT_REQUEST_WIZARD (widget);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  g_autofree char *domain = sa_account_form_dup_text (self, SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_DOMAIN);
  const GVariantType *parameter_type = NULL;
  gboolean enabled = FALSE;
  gboolean activated = FALSE;

  /* The access request wizard (procedure 4) belongs to the application
   * (app.request-access); pass it the domain when its action takes one. */
  if (application != NULL &&
      g_action_group_query_action (G_ACTION_GROUP (application), "request-access",
                                   &enabled, &parameter_type, NULL, NULL, NULL) &&
      enabled)
    {
      if (parameter_type != NULL && g_variant_type_equal (parameter_type, G_VARIANT_TYPE_STRING))
        g_action_group_activate_action (G_ACTION_GROUP (application), "request-access",
                                        g_variant_new_string (domain));
      else if (parameter_type == NULL)
        g_action_group_activate_action (G_ACTION_GROUP (application), "request-access", NULL);
      activated = TRUE;
    }
  else
    /* As sa-access-request-action.c declares it: a string parameter. */
    activated = gtk_widget_activate_action (GTK_WIDGET (self), "app.request-access", "s", domain);

  if (activated)
    gtk_window_close (GTK_WINDOW (self));
  else
    g_debug ("No app.request-access action to hand over to");
}

/**
 * sa_account_identify_class_init:
 * @widget_class: the wizard's class
 *
 * Binds the page's template children and installs "wizard.request-access".
 */
void
sa_account_identify_class_init (GtkWidgetClass *widget_class)
{
  SA_ACCOUNT_REQUEST_WIZARD_BIND (widget_class, "identify_title", identify.title);
  SA_ACCOUNT_REQUEST_WIZARD_BIND (widget_class, "note_to_customer_label", identify.note_to_customer_label);
  SA_ACCOUNT_REQUEST_WIZARD_BIND (widget_class, "domain_taken_box", identify.domain_taken_box);
  SA_ACCOUNT_REQUEST_WIZARD_BIND (widget_class, "request_access_button", identify.request_access_button);
  SA_ACCOUNT_REQUEST_WIZARD_BIND (widget_class, "note_to_customer_counter", identify.note_counter);

  gtk_widget_class_install_action (widget_class, "wizard.request-access", NULL, request_access_action);
}
