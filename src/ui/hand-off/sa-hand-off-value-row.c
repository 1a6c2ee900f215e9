/* sa-hand-off-value-row.c — one value to enter in Cisco's portal, with a copy button
 *
 * A row of the "Complete in Cisco's Portal" page: the portal's name of the
 * field (Domain Identifier, Virtual Account Name, Reason for request…) and
 * the exact value prepared in the app, which "row.copy" puts in the clipboard
 * (GdkClipboard) so that nothing has to be typed again in the portal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-hand-off-value-row.h"
#include "sa-ui-util.h"

struct _SaHandOffValueRow
{
  AdwActionRow  parent_instance;

  char         *value;
  GtkButton    *copy_button;
};

G_DEFINE_FINAL_TYPE (SaHandOffValueRow, sa_hand_off_value_row, ADW_TYPE_ACTION_ROW)

enum {
  COPIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SaHandOffValueRow *self = SA_HAND_OFF_VALUE_ROW (widget);
  g_autofree char *toast = NULL;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->value);
  /* Translators: a toast once a value of the hand-off is in the clipboard;
   * %s is the name of the value ("Domain Identifier") */
  toast = g_strdup_printf (_("%s copied"), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)));
  sa_ui_show_toast (widget, toast);
  g_signal_emit (self, signals[COPIED], 0);
}

static void
sa_hand_off_value_row_finalize (GObject *object)
{
  SaHandOffValueRow *self = SA_HAND_OFF_VALUE_ROW (object);

  g_free (self->value);

  G_OBJECT_CLASS (sa_hand_off_value_row_parent_class)->finalize (object);
}

static void
sa_hand_off_value_row_class_init (SaHandOffValueRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sa_hand_off_value_row_finalize;

  /**
   * SaHandOffValueRow::copied:
   *
   * Emitted once the value is in the clipboard.
   */
  signals[COPIED] = g_signal_new ("copied",
                                  G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, SA_RESOURCE_PATH "/hand-off/sa-hand-off-value-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SaHandOffValueRow, copy_button);
  gtk_widget_class_install_action (widget_class, "row.copy", NULL, copy_action);
}

static void
sa_hand_off_value_row_init (SaHandOffValueRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sa_hand_off_value_row_new:
 * @label: the translated name of the value, in the portal's words
 * @value: the exact value to enter in the portal
 *
 * Creates the row of one value of a portal step, with its copy button.
 *
 * Returns: (transfer floating): the new row
 */
GtkWidget *
sa_hand_off_value_row_new (const char *label,
                           const char *value)
{
  SaHandOffValueRow *self;
  g_autofree char *tooltip = NULL;

  g_return_val_if_fail (label != NULL && value != NULL, NULL);

  self = g_object_new (SA_TYPE_HAND_OFF_VALUE_ROW, "title", label, NULL);
  self->value = g_strdup (value);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), value);
  /* Translators: tooltip of a copy button; %s is the name of the value ("Domain Identifier") */
  tooltip = g_strdup_printf (_("Copy the %s"), label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->copy_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->copy_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);

  return GTK_WIDGET (self);
}

/**
 * sa_hand_off_value_row_get_value:
 * @self: an #SaHandOffValueRow
 *
 * Returns: (transfer none): the value the copy button puts in the clipboard
 */
const char *
sa_hand_off_value_row_get_value (SaHandOffValueRow *self)
{
  g_return_val_if_fail (SA_IS_HAND_OFF_VALUE_ROW (self), NULL);

  return self->value;
}
