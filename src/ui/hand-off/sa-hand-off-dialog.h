/* sa-hand-off-dialog.h — "Complete in Cisco's Portal": the last step of a
 * procedure with the Cisco connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"

G_BEGIN_DECLS

#define SA_TYPE_HAND_OFF_DIALOG (sa_hand_off_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SaHandOffDialog, sa_hand_off_dialog, SA, HAND_OFF_DIALOG, AdwWindow)

SaHandOffDialog *sa_hand_off_dialog_new (SaClient  *client,
                                         GPtrArray *hand_offs,
                                         GtkWidget *caller);

G_END_DECLS
