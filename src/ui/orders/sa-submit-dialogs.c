/* sa-submit-dialogs.c — what Submit opens on the order page
 *
 * Step 10 of "How do I assign an order to a Smart Account" (step 9 of
 * "Updating Smart Account Assignment in CCW"): the "Submit Change"
 * confirmation, answered "yes" or "no". With a back end whose writes are made
 * in Cisco's portal (%SA_CLIENT_FEATURE_PORTAL_HAND_OFF), the hand-off note
 * instead: Cisco publishes no API that changes an assignment (CISCO-APIS.md
 * §0), so it says where the change is made, with the values checked in the
 * app, and opens CCW ("open") or closes ("close"). The next issue builds the
 * guided hand-off on it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-submit-dialogs.h"
#include "sa-ui-util.h"

#define CCW_ORDER_URI "https://apps.cisco.com/Commerce/order"

/**
 * sa_submit_change_dialog_new:
 * @parent: (nullable): the window to be modal for
 * @sales_order_number: the order's Sales Order No.
 *
 * Creates the "Submit Change" confirmation (step 10 of "assign an order":
 * "Yes" submits). Its "response" is "yes" or "no"; the caller connects to
 * it, presents the dialog and destroys it once answered.
 *
 * Returns: (transfer none): the new dialog, owned by GTK's toplevel list
 */
AdwMessageDialog *
sa_submit_change_dialog_new (GtkWindow  *parent,
                             const char *sales_order_number)
{
  GtkWidget *dialog;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (sales_order_number != NULL, NULL);

  dialog = adw_message_dialog_new (parent, _("Submit Change"), NULL);
  /* Translators: body of the Submit Change confirmation; %s is the Sales Order No. */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Do you want to submit the Smart Account assignment change for order %s?"),
                                  sales_order_number);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "no", _("No"),
                                    "yes", _("Yes"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "yes", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "yes");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "no");

  return ADW_MESSAGE_DIALOG (dialog);
}

static void
on_hand_off_response (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  if (g_strcmp0 (response, "open") == 0)
    gtk_show_uri (gtk_window_get_transient_for (GTK_WINDOW (dialog)), CCW_ORDER_URI, GDK_CURRENT_TIME);
}

static void
append_value (GString      *values,
              const char   *slot,
              SaAssignment *assignment)
{
  g_autofree char *summary = NULL;

  if (assignment == NULL)
    return;

  summary = sa_ui_dup_assignment_summary (assignment);
  g_string_append_c (values, '\n');
  /* Translators: one change in the Cisco hand-off note: "• End Customer Smart Account: Acme Industrie (…)" */
  g_string_append_printf (values, _("• %1$s: %2$s"), slot, summary);
}

/**
 * sa_hand_off_dialog_new:
 * @parent: (nullable): the window to be modal for
 * @sales_order_number: the order's Sales Order No.
 * @end_customer: (nullable): the End Customer Smart Account change checked
 *   in the app, or %NULL
 * @holding: (nullable): the Holding Smart Account change checked, or %NULL
 *
 * Creates what Submit opens when Cisco's portal makes the change: why the
 * app sends nothing, where in CCW the change is made (steps 4 to 10 of
 * "assign an order": the banner, the pencil, Assign, the terms, Submit) and
 * the values checked here. "open" opens CCW's order search; "close" closes.
 * The caller connects to "response", presents it and destroys it.
 *
 * Returns: (transfer none): the new dialog, owned by GTK's toplevel list
 */
AdwMessageDialog *
sa_hand_off_dialog_new (GtkWindow    *parent,
                        const char   *sales_order_number,
                        SaAssignment *end_customer,
                        SaAssignment *holding)
{
  g_autoptr(GString) values = g_string_new (NULL);
  GtkWidget *dialog;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (sales_order_number != NULL, NULL);

  append_value (values, _("End Customer Smart Account"), end_customer);
  append_value (values, _("Holding Smart Account"), holding);

  dialog = adw_message_dialog_new (parent, _("Cisco's Portal Makes This Change"), NULL);
  /* Translators: body of the dialog Submit opens with the Cisco connection; %1$s is the
   * Sales Order No., %2$s the list of the changes checked (one per line) */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Cisco publishes no API that changes an order's Smart Account assignment, so "
                                    "the app does not send it. Make the change for order %1$s on its page in Cisco "
                                    "Commerce Workspace (CCW): “View or change Smart Account Assignments”, the "
                                    "pencil, Assign, the terms of use, Submit. The values checked here:%2$s"),
                                  sales_order_number, values->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "open", _("_Open CCW"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  /* Before the caller's handler, which destroys the dialog. */
  g_signal_connect (dialog, "response", G_CALLBACK (on_hand_off_response), NULL);

  return ADW_MESSAGE_DIALOG (dialog);
}
