/* sa-procedure-panel.c — the side panel showing the documented step at hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-procedure-panel.h"
#include "sa-ui-util.h"

struct _SaProcedurePanel
{
  AdwBin    parent_instance;

  GtkLabel *procedure_label;
  GtkLabel *step_label;
  GtkLabel *text_label;
};

G_DEFINE_FINAL_TYPE (SaProcedurePanel, sa_procedure_panel, ADW_TYPE_BIN)

static void
sa_procedure_panel_dispose (GObject *object)
{
  /* Unparent through AdwBin so that it does not keep a stale child. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), SA_TYPE_PROCEDURE_PANEL);

  G_OBJECT_CLASS (sa_procedure_panel_parent_class)->dispose (object);
}

static void
sa_procedure_panel_class_init (SaProcedurePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_procedure_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/common/sa-procedure-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, SaProcedurePanel, procedure_label);
  gtk_widget_class_bind_template_child (widget_class, SaProcedurePanel, step_label);
  gtk_widget_class_bind_template_child (widget_class, SaProcedurePanel, text_label);
  gtk_widget_class_set_css_name (widget_class, "procedurepanel");
}

static void
sa_procedure_panel_init (SaProcedurePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sa_procedure_panel_new:
 *
 * Creates an empty procedure panel.
 *
 * Returns: (transfer floating): a new #SaProcedurePanel
 */
GtkWidget *
sa_procedure_panel_new (void)
{
  return g_object_new (SA_TYPE_PROCEDURE_PANEL, NULL);
}

/**
 * sa_procedure_panel_set_procedure:
 * @self: a #SaProcedurePanel
 * @procedure: (transfer none): the translated name of the documented procedure
 *
 * Names the procedure the panel follows.
 */
void
sa_procedure_panel_set_procedure (SaProcedurePanel *self,
                                  const char       *procedure)
{
  g_return_if_fail (SA_IS_PROCEDURE_PANEL (self));

  gtk_label_set_text (self->procedure_label, procedure);
}

/**
 * sa_procedure_panel_set_step:
 * @self: a #SaProcedurePanel
 * @step: (transfer none): the translated step heading, e.g. "Step 6"
 * @text: (transfer none): the translated explanation of what to do now
 *
 * Shows the documented step the current page carries out.
 */
void
sa_procedure_panel_set_step (SaProcedurePanel *self,
                             const char       *step,
                             const char       *text)
{
  g_return_if_fail (SA_IS_PROCEDURE_PANEL (self));

  gtk_label_set_text (self->step_label, step);
  gtk_label_set_text (self->text_label, text);
}

/**
 * sa_procedure_panel_get_text:
 * @self: a #SaProcedurePanel
 *
 * Returns: (transfer none): the explanation shown (for tests)
 */
const char *
sa_procedure_panel_get_text (SaProcedurePanel *self)
{
  g_return_val_if_fail (SA_IS_PROCEDURE_PANEL (self), NULL);

  return gtk_label_get_text (self->text_label);
}
