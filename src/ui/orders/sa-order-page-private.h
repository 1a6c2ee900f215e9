/* sa-order-page-private.h — what the tests reach inside the order page
 *
 * Not for the rest of the app: the UI tests and the screenshot tool use these
 * to drive and inspect the change flow (steps 5 to 10 of "assign an order").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-assign-dialog.h"
#include "sa-order-page.h"

G_BEGIN_DECLS

SaAssignment     *sa_order_page_get_pending         (SaOrderPage   *self,
                                                     SaAccountType  slot);
void              sa_order_page_set_pending         (SaOrderPage   *self,
                                                     SaAccountType  slot,
                                                     SaAssignment  *assignment);
SaAssignDialog   *sa_order_page_get_assign_dialog   (SaOrderPage   *self);
GtkWindow        *sa_order_page_get_submit_dialog   (SaOrderPage   *self);

G_END_DECLS
