/* sa-assignment-row.h — one Smart Account slot of an order, with its pending change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"

G_BEGIN_DECLS

#define SA_TYPE_ASSIGNMENT_ROW (sa_assignment_row_get_type ())
G_DECLARE_FINAL_TYPE (SaAssignmentRow, sa_assignment_row, SA, ASSIGNMENT_ROW, AdwActionRow)

GtkWidget     *sa_assignment_row_new            (SaAccountType    slot);
SaAccountType  sa_assignment_row_get_slot       (SaAssignmentRow *self);
SaAssignment  *sa_assignment_row_get_assignment (SaAssignmentRow *self);
void           sa_assignment_row_set_assignment (SaAssignmentRow *self,
                                                 SaAssignment    *assignment);
SaAssignment  *sa_assignment_row_get_pending    (SaAssignmentRow *self);
void           sa_assignment_row_set_pending    (SaAssignmentRow *self,
                                                 SaAssignment    *pending);
SaAssignment  *sa_assignment_row_get_effective  (SaAssignmentRow *self);
gboolean       sa_assignment_row_get_known      (SaAssignmentRow *self);
void           sa_assignment_row_set_known      (SaAssignmentRow *self,
                                                 gboolean         known);

G_END_DECLS
