/* sa-hand-off-step-row.c — one portal step of the hand-off page, with its values
 *
 * A documented step still to do in Cisco's portal (a *_PORTAL_* step of the
 * catalogue, sa-procedures.c): its heading ("Step 6 of 10"), what to do
 * there in the app's words and the user's language, and one
 * #SaHandOffValueRow per value to enter, each with its copy button. Copying
 * a value selects the step, so that the procedure panel follows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sa-hand-off-step-row.h"
#include "sa-hand-off-value-row.h"
#include "sa-ui-util.h"

struct _SaHandOffStepRow
{
  GtkListBoxRow    parent_instance;

  SaProcedureStep  step;
  GtkLabel        *heading_label;
  GtkLabel        *text_label;
  GtkLabel        *instruction_label;
  GtkListBox      *values_list;
};

G_DEFINE_FINAL_TYPE (SaHandOffStepRow, sa_hand_off_step_row, GTK_TYPE_LIST_BOX_ROW)

/* Copying a value selects its step: the procedure panel follows. */
static void
on_copied (SaHandOffStepRow *self)
{
  GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (self));

  if (GTK_IS_LIST_BOX (list))
    gtk_list_box_select_row (GTK_LIST_BOX (list), GTK_LIST_BOX_ROW (self));
}

static void
sa_hand_off_step_row_class_init (SaHandOffStepRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, SA_RESOURCE_PATH "/hand-off/sa-hand-off-step-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SaHandOffStepRow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, SaHandOffStepRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, SaHandOffStepRow, instruction_label);
  gtk_widget_class_bind_template_child (widget_class, SaHandOffStepRow, values_list);
}

static void
sa_hand_off_step_row_init (SaHandOffStepRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sa_hand_off_step_row_new:
 * @step: a portal step of the catalogue
 *
 * Creates the row of @step: its heading and what to do, translated.
 *
 * Returns: (transfer floating): the new row
 */
GtkWidget *
sa_hand_off_step_row_new (SaProcedureStep step)
{
  SaHandOffStepRow *self = g_object_new (SA_TYPE_HAND_OFF_STEP_ROW, NULL);
  g_autofree char *heading = sa_procedure_step_dup_heading (step);

  self->step = step;
  gtk_label_set_text (self->heading_label, heading);
  gtk_label_set_text (self->text_label, sa_procedure_step_get_text (step));

  return GTK_WIDGET (self);
}

/**
 * sa_hand_off_step_row_set_instruction:
 * @self: an #SaHandOffStepRow
 * @instruction: a translated sentence: how the step applies to this
 *   hand-off (which pencil to select), shown as plain text
 *
 * Shows what to choose in this step when there is nothing to type.
 */
void
sa_hand_off_step_row_set_instruction (SaHandOffStepRow *self,
                                      const char       *instruction)
{
  g_return_if_fail (SA_IS_HAND_OFF_STEP_ROW (self));

  gtk_label_set_text (self->instruction_label, instruction);
  gtk_widget_set_visible (GTK_WIDGET (self->instruction_label), instruction != NULL && *instruction != '\0');
}

/**
 * sa_hand_off_step_row_add_value:
 * @self: an #SaHandOffStepRow
 * @label: the translated name of the value
 * @value: the exact value to enter
 *
 * Adds a value to enter in this step, with its copy button.
 */
void
sa_hand_off_step_row_add_value (SaHandOffStepRow *self,
                                const char       *label,
                                const char       *value)
{
  GtkWidget *row;

  g_return_if_fail (SA_IS_HAND_OFF_STEP_ROW (self));

  row = sa_hand_off_value_row_new (label, value);
  g_signal_connect_object (row, "copied", G_CALLBACK (on_copied), self, G_CONNECT_SWAPPED);
  gtk_list_box_append (self->values_list, row);
  gtk_widget_set_visible (GTK_WIDGET (self->values_list), TRUE);
}

/**
 * sa_hand_off_step_row_get_step:
 * @self: an #SaHandOffStepRow
 *
 * Returns: the documented step the row shows
 */
SaProcedureStep
sa_hand_off_step_row_get_step (SaHandOffStepRow *self)
{
  g_return_val_if_fail (SA_IS_HAND_OFF_STEP_ROW (self), 0);

  return self->step;
}

/**
 * sa_hand_off_step_row_get_values:
 * @self: an #SaHandOffStepRow
 *
 * Returns: (transfer none): the list of its #SaHandOffValueRow
 */
GtkListBox *
sa_hand_off_step_row_get_values (SaHandOffStepRow *self)
{
  g_return_val_if_fail (SA_IS_HAND_OFF_STEP_ROW (self), NULL);

  return self->values_list;
}
