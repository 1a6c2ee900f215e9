/* sa-preferences-window.c — the Preferences window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-preferences-window.h"

struct _SaPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings           *settings;
  GtkSwitch           *procedure_switch;
};

G_DEFINE_FINAL_TYPE (SaPreferencesWindow, sa_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
sa_preferences_window_dispose (GObject *object)
{
  SaPreferencesWindow *self = SA_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sa_preferences_window_parent_class)->dispose (object);
}

static void
sa_preferences_window_class_init (SaPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sadesk/SmartAccountDesk/sa-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SaPreferencesWindow, procedure_switch);
}

static void
sa_preferences_window_init (SaPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID_BASE);
  g_settings_bind (self->settings, "show-procedure-panel",
                   self->procedure_switch, "active", G_SETTINGS_BIND_DEFAULT);
}

/**
 * sa_preferences_window_new:
 * @parent: (nullable): the main window
 *
 * Creates the Preferences window: the procedure panel switch (GSettings key
 * show-procedure-panel) and the mode, Training only in this version.
 *
 * Returns: (transfer none): the new window
 */
GtkWidget *
sa_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (SA_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}
