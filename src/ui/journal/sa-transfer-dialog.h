/* sa-transfer-dialog.h — "Move Licenses…": the DEFAULT → intended Virtual
 * Account transfer, confirmed, made, its result shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"

G_BEGIN_DECLS

void  sa_transfer_dialog_run        (GtkWidget  *parent,
                                     SaWatch    *watch,
                                     SaHandOff  *hand_off);
char *sa_transfer_dialog_dup_body   (SaHandOff  *hand_off,
                                     GArray     *plan);

G_END_DECLS
