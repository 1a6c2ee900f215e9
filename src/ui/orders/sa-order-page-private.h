/* sa-order-page-private.h — what the tests reach inside the order page
 *
 * Not for the rest of the app: the UI tests and the screenshot tool use these
 * to drive and inspect the change flow (steps 5 to 10 of "assign an order");
 * the page's struct, shared by sa-order-page.c and sa-order-page-changes.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-assign-dialog.h"
#include "sa-assignment-row.h"
#include "sa-order-details.h"
#include "sa-order-page.h"
#include "sa-procedure-panel.h"
#include "sa-status-pill.h"

G_BEGIN_DECLS

/* Shared by sa-order-page.c and sa-order-page-changes.c. */
struct _SaOrderPage
{
  AdwBin            parent_instance;

  SaClient         *client;
  char             *sales_order_number;
  SaOrder          *order;
  char             *error_message;
  GCancellable     *load_cancellable;
  GCancellable     *submit_cancellable;
  SaAssignDialog   *assign_dialog;   /* weak */
  GtkWindow        *submit_dialog;   /* weak */
  guint             loading : 1;
  guint             submitting : 1;
  guint             revealed : 1;
  guint             conflict_reload : 1;
  gulong            resubmit_handler; /* issue 5: on the client's notify::signed-in */

  GtkLabel         *title_label;
  GtkStack         *state_stack;
  AdwStatusPage    *load_error_page;
  GtkWidget        *unpublished_note;
  GtkWidget        *shipped_box;
  GtkWidget        *export_hold_box;
  SaOrderDetails   *details;
  SaStatusPill     *header_status_pill;
  GtkRevealer      *section_revealer;
  SaAssignmentRow  *end_customer_row;
  GtkButton        *end_customer_edit_button;
  SaAssignmentRow  *holding_row;
  GtkButton        *holding_edit_button;
  GtkWidget        *holding_note;
  GtkWidget        *pending_account_note;
  GtkWidget        *submit_error_box;
  GtkLabel         *submit_error_label;
  GtkCheckButton   *terms_check;
  GtkSpinner       *submit_spinner;
  SaProcedurePanel *procedure_panel;
};


SaAssignment     *sa_order_page_get_pending         (SaOrderPage   *self,
                                                     SaAccountType  slot);
void              sa_order_page_set_pending         (SaOrderPage   *self,
                                                     SaAccountType  slot,
                                                     SaAssignment  *assignment);
SaAssignDialog   *sa_order_page_get_assign_dialog   (SaOrderPage   *self);
GtkWindow        *sa_order_page_get_submit_dialog   (SaOrderPage   *self);
void              sa_order_page_keep_changes        (SaOrderPage   *self);

G_END_DECLS
