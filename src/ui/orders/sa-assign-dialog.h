/* sa-assign-dialog.h — the Assign Smart Account dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"

G_BEGIN_DECLS

/* The data key, on the #SaAssignment that "assigned" gives, of the double-byte
 * Virtual Account the user meant when they chose "Use DEFAULT Instead" (a
 * string), so that the Cisco hand-off keeps it for the later transfer. */
#define SA_ASSIGNMENT_INTENDED_VIRTUAL_ACCOUNT_KEY "sa-intended-virtual-account"

#define SA_TYPE_ASSIGN_DIALOG (sa_assign_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SaAssignDialog, sa_assign_dialog, SA, ASSIGN_DIALOG, AdwWindow)

SaAssignDialog *sa_assign_dialog_new                (SaClient       *client,
                                                     SaAccountType   slot,
                                                     GtkWindow      *parent);
SaAccountType   sa_assign_dialog_get_slot           (SaAssignDialog *self);
SaSmartAccount *sa_assign_dialog_get_selected_account (SaAssignDialog *self);
void            sa_assign_dialog_set_current        (SaAssignDialog *self,
                                                     SaAssignment   *saved,
                                                     SaAssignment   *effective);
void            sa_assign_dialog_set_can_submit     (SaAssignDialog *self,
                                                     gboolean        can_submit);

G_END_DECLS
