/* sa-account-request-result.c — the "result" page of "Request a Smart
 * Account" (step 6)
 *
 * The provisional Smart Account the server created, Pending customer
 * acceptance, the date the request expires and what happens next. Opened from
 * the Assign Smart Account dialog, the page also offers "Assign this
 * Account": an order may be assigned to a Pending Smart Account.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-account-request-wizard-private.h"
#include "sa-status-pill.h"
#include "sa-ui-util.h"

/**
 * sa_account_result_show:
 * @self: the wizard, its request sent
 *
 * Fills the result page from the request the server created and shows it.
 */
void
sa_account_result_show (SaAccountRequestWizard *self)
{
  SaSmartAccount *account = sa_account_request_get_smart_account (self->request);
  const char *name = sa_account_request_get_account_name (self->request);
  const char *domain = sa_account_request_get_account_domain (self->request);
  GDateTime *expires = sa_account_request_get_expires_date (self->request);
  g_autofree char *account_text = NULL;
  g_autofree char *description = NULL;
  g_autofree char *date = NULL;
  g_autofree char *next = NULL;

  if (account != NULL)
    {
      name = sa_smart_account_get_name (account);
      domain = sa_smart_account_get_domain (account);
    }

  if (expires != NULL)
    date = sa_ui_format_date (expires);
  if (date == NULL)
    /* Translators: stands for the expiry date in "If nobody accepts by %2$s". */
    date = g_strdup (_("the end of the 90 days"));

  /* Translators: a Smart Account: "Acme Industrie (acme-industrie.fr)" */
  account_text = g_strdup_printf (_("%1$s (%2$s)"), name ? name : "", domain ? domain : "");
  adw_action_row_set_subtitle (self->result.account_row, account_text);
  sa_status_pill_set_account_request_status (self->result.status_pill,
                                             sa_account_request_get_status (self->request));
  adw_action_row_set_subtitle (self->result.expires_row, date);

  description = g_strdup_printf (_("The provisional Smart Account “%s” now exists, Pending customer acceptance. "
                                   "You can already assign orders to it."),
                                 name ? name : "");
  adw_status_page_set_description (self->result.status_page, description);

  next = g_strdup_printf (_("Cisco e-mails %1$s with instructions to accept and activate the account. Once "
                            "the customer has accepted, you receive a confirmation e-mail and the account "
                            "becomes Active, ready to receive licenses. If nobody accepts by %2$s, the request "
                            "expires and the customer is told by e-mail; a new request is then needed."),
                          sa_account_request_get_customer_email (self->request), date);
  gtk_label_set_text (self->result.next_label, next);

  gtk_widget_set_visible (GTK_WIDGET (self->result.assign_button), self->assign_mode);
  sa_wizard_show_page (SA_WIZARD (self), "result",
                       self->assign_mode ? GTK_WIDGET (self->result.assign_button) : NULL);
}

static void
assign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  /* The Assign Smart Account dialog, told by "request-sent", selects it. */
  gtk_window_close (GTK_WINDOW (widget));
}

/**
 * sa_account_result_class_init:
 * @widget_class: the wizard's class
 *
 * Binds the page's template children and installs "wizard.assign".
 */
void
sa_account_result_class_init (GtkWidgetClass *widget_class)
{
  SA_ACCOUNT_REQUEST_WIZARD_BIND (widget_class, "result_page", result.status_page);
  SA_ACCOUNT_REQUEST_WIZARD_BIND (widget_class, "result_account_row", result.account_row);
  SA_ACCOUNT_REQUEST_WIZARD_BIND (widget_class, "result_status_pill", result.status_pill);
  SA_ACCOUNT_REQUEST_WIZARD_BIND (widget_class, "result_expires_row", result.expires_row);
  SA_ACCOUNT_REQUEST_WIZARD_BIND (widget_class, "result_next_label", result.next_label);
  SA_ACCOUNT_REQUEST_WIZARD_BIND (widget_class, "assign_button", result.assign_button);

  gtk_widget_class_install_action (widget_class, "wizard.assign", NULL, assign_action);
}
