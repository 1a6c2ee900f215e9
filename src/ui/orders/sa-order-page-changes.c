/* sa-order-page-changes.c — the order page's change flow: what waits, what is open
 *
 * Steps 8 to 10 of "How do I assign an order to a Smart Account": the change
 * chosen in the Assign Smart Account dialog waits on the page (kept per
 * order in the window by sa-order-changes.c, so that leaving the page loses
 * nothing), then the terms, Submit and the "Submit Change" confirmation. The
 * accessors the tests and the screenshot tool use to follow that flow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sa-assignment-row.h"
#include "sa-order-changes.h"
#include "sa-order-page-private.h"

/* Issue 11: what waits to be submitted outlives the page (Escape, Alt+Left,
 * the back arrow), kept per order in the window. */
/**
 * sa_order_page_keep_changes:
 * @self: a #SaOrderPage
 *
 * Keeps what waits to be submitted on the page's order in its window
 * (sa_order_changes_keep()), or forgets it once submitted or undone (step 8
 * of "assign an order"; issue 11: a change is never thrown away without a
 * word).
 */
void
sa_order_page_keep_changes (SaOrderPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    sa_order_changes_keep (GTK_WINDOW (root), self->sales_order_number,
                           sa_assignment_row_get_pending (self->end_customer_row),
                           sa_assignment_row_get_pending (self->holding_row));
}

/**
 * sa_order_page_get_submitting:
 * @self: a #SaOrderPage
 *
 * Returns: %TRUE while a submitted change waits for the server
 */
gboolean
sa_order_page_get_submitting (SaOrderPage *self)
{
  g_return_val_if_fail (SA_IS_ORDER_PAGE (self), FALSE);

  return self->submitting;
}
/**
 * sa_order_page_get_pending:
 * @self: a #SaOrderPage
 * @slot: %SA_ACCOUNT_TYPE_CUSTOMER (End Customer) or %SA_ACCOUNT_TYPE_HOLDING
 *
 * Returns: (transfer none) (nullable): the change chosen in the Assign Smart
 *   Account dialog and not yet submitted, for @slot
 */
SaAssignment *
sa_order_page_get_pending (SaOrderPage   *self,
                           SaAccountType  slot)
{
  g_return_val_if_fail (SA_IS_ORDER_PAGE (self), NULL);

  return sa_assignment_row_get_pending (slot == SA_ACCOUNT_TYPE_HOLDING ? self->holding_row : self->end_customer_row);
}
/**
 * sa_order_page_get_assign_dialog:
 * @self: a #SaOrderPage
 *
 * Returns: (transfer none) (nullable): the Assign Smart Account dialog a pencil
 *   opened, while it is open (for tests)
 */
SaAssignDialog *
sa_order_page_get_assign_dialog (SaOrderPage *self)
{
  g_return_val_if_fail (SA_IS_ORDER_PAGE (self), NULL);

  return self->assign_dialog;
}
/**
 * sa_order_page_get_submit_dialog:
 * @self: a #SaOrderPage
 *
 * Returns: (transfer none) (nullable): what Submit opened, while it is open:
 *   the "Submit Change" #AdwMessageDialog (for tests: answer it with
 *   adw_message_dialog_response()), or with Cisco the #SaHandOffDialog
 */
GtkWindow *
sa_order_page_get_submit_dialog (SaOrderPage *self)
{
  g_return_val_if_fail (SA_IS_ORDER_PAGE (self), NULL);

  return self->submit_dialog;
}
/**
 * sa_order_page_get_error_message:
 * @self: a #SaOrderPage
 *
 * Returns: (transfer none) (nullable): the translated message of the last
 *   failed submission, shown in the page, or %NULL
 */
const char *
sa_order_page_get_error_message (SaOrderPage *self)
{
  g_return_val_if_fail (SA_IS_ORDER_PAGE (self), NULL);

  return self->error_message;
}
