/* sa-hand-off-step-row.h — one portal step of the hand-off page, with its values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-procedures.h"

G_BEGIN_DECLS

#define SA_TYPE_HAND_OFF_STEP_ROW (sa_hand_off_step_row_get_type ())
G_DECLARE_FINAL_TYPE (SaHandOffStepRow, sa_hand_off_step_row, SA, HAND_OFF_STEP_ROW, GtkListBoxRow)

GtkWidget       *sa_hand_off_step_row_new        (SaProcedureStep   step);
void             sa_hand_off_step_row_set_instruction (SaHandOffStepRow *self,
                                                  const char       *instruction);
void             sa_hand_off_step_row_add_value  (SaHandOffStepRow *self,
                                                  const char       *label,
                                                  const char       *value);
SaProcedureStep  sa_hand_off_step_row_get_step   (SaHandOffStepRow *self);
GtkListBox      *sa_hand_off_step_row_get_values (SaHandOffStepRow *self);

G_END_DECLS
