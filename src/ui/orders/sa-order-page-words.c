/* sa-order-page-words.c — what the order page's banner and SHIPPED note say
 *
 * The banner of step 4 of "How do I assign an order to a Smart Account"
 * ("View or change Smart Account Assignments") and, for a SHIPPED order,
 * the note that says why the assignment can no longer change and where to
 * go (a case with Cisco Global Licensing Operations in Support Case
 * Manager). Issue 11: the words fit the order — a shipped order is not
 * "changed here"; one parked on a Holding Smart Account, or with no Smart
 * Account at all, was provisioned to no End Customer account and is not
 * told otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-order-page.h"
#include "sa-order-page-words.h"

static GtkLabel *
label (GtkWidget  *page,
       const char *name)
{
  return GTK_LABEL (gtk_widget_get_template_child (page, SA_TYPE_ORDER_PAGE, name));
}

/**
 * sa_order_page_say_status:
 * @page: the #SaOrderPage
 * @order: (nullable): its order, %NULL until loaded
 * @hands_off: whether the change is made in Cisco's portal
 *   (%SA_CLIENT_FEATURE_PORTAL_HAND_OFF)
 *
 * Words the banner (step 4 of "assign an order") and the SHIPPED note for
 * @order: changeable here, checked here and made in CCW (Cisco), or shipped
 * — provisioned to its End Customer Smart Account, parked on a Holding one
 * (nothing provisioned), or shipped with no Smart Account.
 */
void
sa_order_page_say_status (GtkWidget *page,
                          SaOrder   *order,
                          gboolean   hands_off)
{
  GtkLabel *banner = label (page, "banner_label");
  GtkLabel *shipped = label (page, "shipped_label");

  g_return_if_fail (SA_IS_ORDER_PAGE (page));

  if (order != NULL && !sa_order_can_change_assignment (order))
    gtk_label_set_text (banner, _("This order's Smart Account assignment can be checked here."));
  else if (hands_off)
    gtk_label_set_text (banner, _("Check a Smart Account change here before you make it in Cisco Commerce "
                                  "Workspace (CCW): Cisco's APIs cannot change an order's assignment."));
  else
    gtk_label_set_text (banner, _("This order's Smart Account assignment can be checked and changed here."));

  if (order == NULL || !sa_order_get_assignment_known (order))
    return;

  if (sa_order_get_end_customer (order) != NULL)
    gtk_label_set_text (shipped, _("Once an order is shipped, its license is already provisioned to the Smart Account it was assigned to, and changing the assignment would not move it. To have the license transferred to another account, open a case with Cisco Global Licensing Operations (GLO) in Support Case Manager (SCM)."));
  else if (sa_order_get_holding (order) != NULL)
    gtk_label_set_text (shipped, _("This order shipped while parked on a Holding Smart Account, which provisions no license. "
                                   "To have its licenses reach the End Customer Smart Account, register a device with the "
                                   "order's serial number, or open a case with Cisco Global Licensing Operations (GLO) in "
                                   "Support Case Manager (SCM)."));
  else
    gtk_label_set_text (shipped, _("This order shipped without a Smart Account, so its licenses were provisioned to no "
                                   "account. To have them deposited in the customer's Smart Account, open a case with "
                                   "Cisco Global Licensing Operations (GLO) in Support Case Manager (SCM)."));
}
