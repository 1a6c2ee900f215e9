/* sa-hand-off-row.h — one journal entry in a list: its observed state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"

G_BEGIN_DECLS

#define SA_TYPE_HAND_OFF_ROW (sa_hand_off_row_get_type ())
G_DECLARE_FINAL_TYPE (SaHandOffRow, sa_hand_off_row, SA, HAND_OFF_ROW, AdwActionRow)

GtkWidget  *sa_hand_off_row_new            (SaHandOff    *hand_off,
                                            GDateTime    *now);
SaHandOff  *sa_hand_off_row_get_hand_off   (SaHandOffRow *self);
gboolean    sa_hand_off_row_offers_transfer (SaHandOff   *hand_off);
const char *sa_hand_off_row_get_pill_kind  (SaHandOffState state);
GtkWidget  *sa_hand_off_row_get_pill       (SaHandOffRow *self);
GtkWidget  *sa_hand_off_row_get_transfer_button (SaHandOffRow *self);
GtkWidget  *sa_hand_off_row_get_remove_button   (SaHandOffRow *self);

G_END_DECLS
