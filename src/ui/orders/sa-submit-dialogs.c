/* sa-submit-dialogs.c — what Submit opens on the order page
 *
 * Step 10 of "How do I assign an order to a Smart Account" (step 9 of
 * "Updating Smart Account Assignment in CCW"): the "Submit Change"
 * confirmation, answered "yes" or "no". With a back end whose writes are made
 * in Cisco's portal (%SA_CLIENT_FEATURE_PORTAL_HAND_OFF), the "Complete in
 * Cisco's Portal" page instead (src/ui/hand-off/): Cisco publishes no API
 * that changes an assignment (CISCO-APIS.md §0).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-assign-dialog.h"
#include "sa-hand-off-dialog.h"
#include "sa-hand-off-private.h"
#include "sa-order-changes.h"
#include "sa-submit-dialogs.h"

/**
 * sa_submit_change_dialog_new:
 * @parent: (nullable): the window to be modal for
 * @order: the order
 * @end_customer: (nullable): the End Customer change waiting, or %NULL
 * @holding: (nullable): the Holding change waiting, or %NULL
 *
 * Creates the "Submit Change" confirmation (step 10 of "assign an order":
 * "Yes" submits), which restates the change: each slot changed, before →
 * after (issue 11). Its "response" is "yes" or "no"; the caller connects to
 * it, presents the dialog and destroys it once answered.
 *
 * Returns: (transfer none): the new dialog, owned by GTK's toplevel list
 */
AdwMessageDialog *
sa_submit_change_dialog_new (GtkWindow    *parent,
                             SaOrder      *order,
                             SaAssignment *end_customer,
                             SaAssignment *holding)
{
  GtkWidget *dialog;
  g_autoptr(GString) body = g_string_new (NULL);

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SA_IS_ORDER (order), NULL);

  /* Translators: body of the Submit Change confirmation; %s is the Sales Order No. */
  g_string_printf (body, _("Do you want to submit the Smart Account assignment change for order %s?"),
                   sa_order_get_sales_order_number (order));
  if (end_customer != NULL)
    {
      g_autofree char *change = sa_order_changes_describe (SA_ACCOUNT_TYPE_CUSTOMER,
                                                           sa_order_get_end_customer (order), end_customer);

      g_string_append_printf (body, "\n\n%s", change);
    }
  if (holding != NULL)
    {
      g_autofree char *change = sa_order_changes_describe (SA_ACCOUNT_TYPE_HOLDING,
                                                           sa_order_get_holding (order), holding);

      g_string_append_printf (body, "\n\n%s", change);
    }

  dialog = adw_message_dialog_new (parent, _("Submit Change"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "no", _("No"),
                                    "yes", _("Yes"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "yes", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "yes");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "no");

  return ADW_MESSAGE_DIALOG (dialog);
}

/**
 * sa_submit_dialog_new:
 * @page: the order page asking (its window is the parent)
 * @client: the session's client
 * @order: the order
 * @end_customer: (nullable): the End Customer Smart Account change checked
 *   in the Assign Smart Account dialog, or %NULL
 * @holding: (nullable): the Holding Smart Account change checked, or %NULL
 *
 * What Submit opens (step 10 of "assign an order", step 9 of "Updating Smart
 * Account Assignment in CCW"): the "Submit Change" confirmation, or, when
 * Cisco's portal makes the change (%SA_CLIENT_FEATURE_PORTAL_HAND_OFF), the
 * "Complete in Cisco's Portal" page with one hand-off per slot changed (a
 * double-byte Virtual Account becomes DEFAULT there, the intended one kept:
 * the assignment's %SA_ASSIGNMENT_INTENDED_VIRTUAL_ACCOUNT_KEY, set by "Use
 * DEFAULT Instead"). Both emit "response" with a string: "yes" submits; any
 * other answer only closes. The caller destroys it once answered.
 *
 * Returns: (transfer none): the new dialog, owned by GTK's toplevel list
 */
GtkWindow *
sa_submit_dialog_new (GtkWidget    *page,
                      SaClient     *client,
                      SaOrder      *order,
                      SaAssignment *end_customer,
                      SaAssignment *holding)
{
  g_autoptr(GPtrArray) hand_offs = NULL;
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (page), NULL);
  g_return_val_if_fail (SA_IS_CLIENT (client), NULL);
  g_return_val_if_fail (SA_IS_ORDER (order), NULL);

  if ((sa_client_get_features (client) & SA_CLIENT_FEATURE_PORTAL_HAND_OFF) == 0)
    {
      root = gtk_widget_get_root (page);
      return GTK_WINDOW (sa_submit_change_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                      order, end_customer, holding));
    }

  hand_offs = g_ptr_array_new_with_free_func (g_object_unref);
  if (end_customer != NULL)
    g_ptr_array_add (hand_offs,
                     sa_hand_off_new_for_slot (order, SA_ACCOUNT_TYPE_CUSTOMER, end_customer,
                                               g_object_get_data (G_OBJECT (end_customer),
                                                                  SA_ASSIGNMENT_INTENDED_VIRTUAL_ACCOUNT_KEY)));
  if (holding != NULL)
    g_ptr_array_add (hand_offs,
                     sa_hand_off_new_for_slot (order, SA_ACCOUNT_TYPE_HOLDING, holding,
                                               g_object_get_data (G_OBJECT (holding),
                                                                  SA_ASSIGNMENT_INTENDED_VIRTUAL_ACCOUNT_KEY)));

  return GTK_WINDOW (sa_hand_off_dialog_new (client, hand_offs, page));
}
