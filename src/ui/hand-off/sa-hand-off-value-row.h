/* sa-hand-off-value-row.h — one value to enter in Cisco's portal, with a copy button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SA_TYPE_HAND_OFF_VALUE_ROW (sa_hand_off_value_row_get_type ())
G_DECLARE_FINAL_TYPE (SaHandOffValueRow, sa_hand_off_value_row, SA, HAND_OFF_VALUE_ROW, AdwActionRow)

GtkWidget  *sa_hand_off_value_row_new       (const char        *label,
                                             const char        *value);
const char *sa_hand_off_value_row_get_value (SaHandOffValueRow *self);

G_END_DECLS
