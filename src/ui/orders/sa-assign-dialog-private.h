/* sa-assign-dialog-private.h — what the tests reach inside the Assign Smart Account dialog
 *
 * Not for the rest of the app: the UI tests and the screenshot tool search
 * and pick a Virtual Account with these, as the user does with the entry,
 * the Search button and the drop-down (steps 6 and 8 of "assign an order").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-assign-dialog.h"

G_BEGIN_DECLS

void     sa_assign_dialog_search                 (SaAssignDialog *self);
gboolean sa_assign_dialog_select_virtual_account (SaAssignDialog *self,
                                                  const char     *name);

G_END_DECLS
