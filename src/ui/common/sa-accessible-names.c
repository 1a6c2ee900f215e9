/* sa-accessible-names.c — names a screen reader can speak, for GTK 4.8's
 * buttons with mnemonics and drop-downs
 *
 * GTK 4.8 names a button whose label has a mnemonic by its raw label and
 * its text together ("_Retry Retry"), an icon button holding an
 * AdwButtonContent or a GtkMenuButton by its class ("GtkButton",
 * "GtkMenuButton"), and the button inside a GtkDropDown "GtkToggleButton"
 * (issue 11, "Accessibility"). Once installed, every such widget gets, as it
 * is mapped, the accessible label a user reads on it (mnemonic removed),
 * kept in step with its label; the button of a drop-down is labelled by the
 * drop-down (itself labelled by its heading). Checked through AT-SPI by
 * tests/ui/test-ui-atspi.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "sa-accessible-names.h"

/**
 * sa_accessible_names_strip_mnemonic:
 * @label: (nullable): a label with mnemonics ("_Retry", "C__ompany")
 *
 * Returns: (transfer full) (nullable): @label as read: each "_" marking a
 *   mnemonic removed, "__" read as "_"; %NULL for %NULL or ""
 */
char *
sa_accessible_names_strip_mnemonic (const char *label)
{
  GString *text;

  if (label == NULL || *label == '\0')
    return NULL;

  text = g_string_sized_new (strlen (label));
  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] == '_')
            {
              g_string_append_c (text, '_');
              p++;
            }
          continue;
        }
      g_string_append_c (text, *p);
    }

  return g_string_free (text, FALSE);
}

/* The text a user reads on @widget, or NULL when GTK names it well. */
static char *
dup_readable_label (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget))
    return sa_accessible_names_strip_mnemonic (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)));

  if (GTK_IS_CHECK_BUTTON (widget))
    {
      if (!gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget)))
        return NULL;
      return sa_accessible_names_strip_mnemonic (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)));
    }

  if (GTK_IS_BUTTON (widget))
    {
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (widget));

      if (ADW_IS_BUTTON_CONTENT (child))
        return sa_accessible_names_strip_mnemonic (adw_button_content_get_label (ADW_BUTTON_CONTENT (child)));
      if (GTK_IS_LABEL (child))
        return gtk_label_get_use_underline (GTK_LABEL (child))
               ? sa_accessible_names_strip_mnemonic (gtk_label_get_label (GTK_LABEL (child)))
               : g_strdup (gtk_label_get_text (GTK_LABEL (child)));
      if (!gtk_button_get_use_underline (GTK_BUTTON (widget)))
        return NULL;
      return sa_accessible_names_strip_mnemonic (gtk_button_get_label (GTK_BUTTON (widget)));
    }

  return NULL;
}

static void
update_name (GtkWidget *widget)
{
  g_autofree char *label = dup_readable_label (widget);

  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
on_label_changed (GObject    *object,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  update_name (GTK_WIDGET (user_data));
}

/* A drop-down's button is read as what it shows: the item chosen. */
static void
update_drop_down_button (GtkDropDown *drop_down,
                         GParamSpec  *pspec,
                         GtkWidget   *button)
{
  GObject *item = gtk_drop_down_get_selected_item (drop_down);

  if (GTK_IS_STRING_OBJECT (item))
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    gtk_string_object_get_string (GTK_STRING_OBJECT (item)), -1);
}

static void
fix_widget (GtkWidget *widget)
{
  static GQuark followed;
  GtkWidget *parent;

  if (!GTK_IS_BUTTON (widget) && !GTK_IS_CHECK_BUTTON (widget) && !GTK_IS_MENU_BUTTON (widget))
    return;

  if (followed == 0)
    followed = g_quark_from_static_string ("sa-accessible-name-followed");
  if (g_object_get_qdata (G_OBJECT (widget), followed) != NULL)
    return;
  g_object_set_qdata (G_OBJECT (widget), followed, GINT_TO_POINTER (TRUE));

  parent = gtk_widget_get_parent (widget);
  if (GTK_IS_TOGGLE_BUTTON (widget) && GTK_IS_DROP_DOWN (parent))
    {
      update_drop_down_button (GTK_DROP_DOWN (parent), NULL, widget);
      g_signal_connect_object (parent, "notify::selected", G_CALLBACK (update_drop_down_button), widget, 0);
      return;
    }

  update_name (widget);
  g_signal_connect_object (widget, "notify::label", G_CALLBACK (on_label_changed), widget, 0);
  if (GTK_IS_BUTTON (widget) && (ADW_IS_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (widget))) ||
                                 GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (widget)))))
    g_signal_connect_object (gtk_button_get_child (GTK_BUTTON (widget)), "notify::label",
                             G_CALLBACK (on_label_changed), widget, 0);
}

static void
fix_tree (GtkWidget *widget)
{
  fix_widget (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    fix_tree (child);
}

/* A toplevel, as it is shown: everything in it, hidden pages included; any
 * other widget mapped later (a row added to a list): itself. */
static gboolean
on_map (GSignalInvocationHint *hint,
        guint                  n_values,
        const GValue          *values,
        gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);

  if (GTK_IS_ROOT (widget) || GTK_IS_STACK (widget) || ADW_IS_VIEW_STACK (widget))
    fix_tree (widget);
  else
    fix_widget (widget);

  return TRUE;
}

/**
 * sa_accessible_names_install:
 *
 * From now on, every button, check button and menu button gets, as it is
 * realized or mapped, the accessible name a user reads on it (issue 11, every control
 * has a name a screen reader can speak). Called by the class of each
 * toplevel (SaWindow, SaWizard, the session's dialogs); once is enough,
 * more calls do nothing.
 */
void
sa_accessible_names_install (void)
{
  static gsize installed;

  if (g_once_init_enter (&installed))
    {
      /* Realized is when GTK 4.8 puts a widget on the accessibility bus (a
       * row's button may be seen there before it is mapped); mapped covers
       * the pages of a stack realized earlier. */
      g_signal_add_emission_hook (g_signal_lookup ("realize", GTK_TYPE_WIDGET), 0, on_map, NULL, NULL);
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, on_map, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}
