/* sa-procedure-panel.c — the side panel showing the documented step at hand
 *
 * Beside each dialog, wizard and page: the documented procedure, the step the
 * current page carries out and what to do there, all from the catalogue
 * (sa-procedures.h). It shows itself while the GSettings key
 * show-procedure-panel is true (toggled by "settings.show-procedure-panel",
 * see sa_ui_insert_settings_actions()), sliding in from the right.
 *
 * Placed as the flap of an AdwFlap (flap-position end, fold-policy auto,
 * locked), the flap does the showing instead: beside the content when the
 * window is wide, folded over it when narrow (issue 15: usable at 360 px).
 * Hiding it over the content (its shadow, Escape, F9) clears the key, as
 * F9 does beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-procedure-panel.h"
#include "sa-ui-util.h"

struct _SaProcedurePanel
{
  AdwBin          parent_instance;

  GtkRevealer    *revealer;
  GtkLabel       *procedure_label;
  GtkLabel       *step_label;
  GtkLabel       *text_label;

  SaProcedureStep step;
};

G_DEFINE_FINAL_TYPE (SaProcedurePanel, sa_procedure_panel, ADW_TYPE_BIN)

/* The key shows the AdwFlap the panel is the flap of, else its own revealer. */
static void
on_parent_changed (SaProcedurePanel *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  if (parent == NULL || !ADW_IS_FLAP (parent) ||
      adw_flap_get_flap (ADW_FLAP (parent)) != GTK_WIDGET (self))
    return;

  g_settings_unbind (self->revealer, "reveal-child");
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
  g_settings_bind (sa_ui_get_settings (), "show-procedure-panel",
                   parent, "reveal-flap", G_SETTINGS_BIND_DEFAULT);
}

enum {
  PROP_0,
  PROP_STEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sa_procedure_panel_dispose (GObject *object)
{
  /* Unparent through AdwBin so that it does not keep a stale child. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), SA_TYPE_PROCEDURE_PANEL);

  G_OBJECT_CLASS (sa_procedure_panel_parent_class)->dispose (object);
}

static void
sa_procedure_panel_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SaProcedurePanel *self = SA_PROCEDURE_PANEL (object);

  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_uint (value, self->step);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_procedure_panel_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SaProcedurePanel *self = SA_PROCEDURE_PANEL (object);

  switch (prop_id)
    {
    case PROP_STEP:
      sa_procedure_panel_show_step (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_procedure_panel_class_init (SaProcedurePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_procedure_panel_dispose;
  object_class->get_property = sa_procedure_panel_get_property;
  object_class->set_property = sa_procedure_panel_set_property;

  /**
   * SaProcedurePanel:step:
   *
   * The #SaProcedureStep shown (as a guint, so that a .ui file can set it).
   */
  properties[PROP_STEP] =
    g_param_spec_uint ("step", NULL, NULL,
                       0, SA_PROCEDURE_STEP_REQUEST_ACCESS_SENT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/common/sa-procedure-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, SaProcedurePanel, revealer);
  gtk_widget_class_bind_template_child (widget_class, SaProcedurePanel, procedure_label);
  gtk_widget_class_bind_template_child (widget_class, SaProcedurePanel, step_label);
  gtk_widget_class_bind_template_child (widget_class, SaProcedurePanel, text_label);
  gtk_widget_class_set_css_name (widget_class, "procedurepanel");
}

static void
sa_procedure_panel_init (SaProcedurePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_settings_bind (sa_ui_get_settings (), "show-procedure-panel",
                   self->revealer, "reveal-child", G_SETTINGS_BIND_GET);
  g_signal_connect (self, "notify::parent", G_CALLBACK (on_parent_changed), NULL);

  self->step = SA_PROCEDURE_STEP_ASSIGN_BEFORE_YOU_START;
  sa_procedure_panel_show_step (self, SA_PROCEDURE_STEP_ASSIGN_FIND_ORDER);
}

/**
 * sa_procedure_panel_new:
 *
 * Creates a procedure panel showing the first step the app carries out (steps
 * 2 and 3 of "assign an order"). It shows or hides itself with the GSettings
 * key show-procedure-panel.
 *
 * Returns: (transfer floating): a new #SaProcedurePanel
 */
GtkWidget *
sa_procedure_panel_new (void)
{
  return g_object_new (SA_TYPE_PROCEDURE_PANEL, NULL);
}

/**
 * sa_procedure_panel_show_step:
 * @self: a #SaProcedurePanel
 * @step: the documented step the current page carries out
 *
 * Shows the procedure's title, the step's heading ("Step 6 of 10") and what
 * to do, in the UI language, from the catalogue (sa-procedures.h).
 */
void
sa_procedure_panel_show_step (SaProcedurePanel *self,
                              SaProcedureStep   step)
{
  g_autofree char *heading = NULL;

  g_return_if_fail (SA_IS_PROCEDURE_PANEL (self));

  heading = sa_procedure_step_dup_heading (step);
  gtk_label_set_text (self->procedure_label,
                      sa_procedure_get_title (sa_procedure_step_get_procedure (step)));
  gtk_label_set_text (self->step_label, heading);
  gtk_label_set_text (self->text_label, sa_procedure_step_get_text (step));

  if (self->step != step)
    {
      self->step = step;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
    }
}

/**
 * sa_procedure_panel_get_step:
 * @self: a #SaProcedurePanel
 *
 * Returns: the documented step shown
 */
SaProcedureStep
sa_procedure_panel_get_step (SaProcedurePanel *self)
{
  g_return_val_if_fail (SA_IS_PROCEDURE_PANEL (self), 0);

  return self->step;
}
