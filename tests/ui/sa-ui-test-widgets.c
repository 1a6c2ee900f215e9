/* sa-ui-test-widgets.c — finding widgets in the UI tests (by label, by type,
 * a shortcut by its key), whether one is drawn, and a picture of one;
 * declared in sa-ui-test-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sa-ui-test-util.h"

/**
 * sa_test_find_label:
 * @root: where to look
 * @text: the exact text
 *
 * Returns: (transfer none) (nullable): the first #GtkLabel under @root
 *   (included) showing @text
 */
GtkWidget *
sa_test_find_label (GtkWidget  *root,
                    const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sa_test_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * sa_test_find_widget_of_type:
 * @root: where to look
 * @type: a widget type
 *
 * Returns: (transfer none) (nullable): the first widget of @type under @root
 */
GtkWidget *
sa_test_find_widget_of_type (GtkWidget *root,
                             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sa_test_find_widget_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * sa_test_widget_is_drawable:
 * @widget: a widget
 *
 * Returns: %TRUE when @widget is mapped and visible through all its parents
 */
gboolean
sa_test_widget_is_drawable (GtkWidget *widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_is_visible (widget);
}

/**
 * sa_test_save_png:
 * @widget: a widget drawn on screen
 * @path: where to write the picture
 * @error: %G_IO_ERROR_FAILED when nothing was drawn or the file could not
 *   be written
 *
 * Renders @widget as it is drawn now (its own size) into a PNG file: the
 * screenshots for review (TESTING.md, "Widgets under Xvfb").
 *
 * Returns: whether the file was written
 */
gboolean
sa_test_save_png (GtkWidget   *widget,
                  const char  *path,
                  GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Nothing was drawn");
      return FALSE;
    }

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write %s", path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 guint               keyval,
                 GdkModifierType     mods)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, mods) ||
           trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, mods);

  return GTK_IS_KEYVAL_TRIGGER (trigger) &&
         gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods;
}

/**
 * sa_test_find_shortcut:
 * @widget: a widget
 * @accelerator: a key as gtk_accelerator_parse() reads it ("<Control>w")
 * @phase: (out) (optional): the phase of the controller that holds it
 *
 * Returns: (transfer none) (nullable): the shortcut one of @widget's
 *   shortcut controllers binds to @accelerator (alone or as one of an
 *   alternative trigger's keys), or %NULL
 */
GtkShortcut *
sa_test_find_shortcut (GtkWidget           *widget,
                       const char          *accelerator,
                       GtkPropagationPhase *phase)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GdkModifierType mods = 0;
  guint keyval = 0;

  g_assert_true (gtk_accelerator_parse (accelerator, &keyval, &mods));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval, mods))
            {
              if (phase != NULL)
                *phase = gtk_event_controller_get_propagation_phase (controller);
              return shortcut;
            }
        }
    }

  return NULL;
}
