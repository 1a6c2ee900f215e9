/* sa-orders-a11y.c — accessible names for the order page and the Assign Smart Account dialog
 *
 * Issue 11: a screen reader must be able to speak every control of "assign
 * an order" (steps 3 to 10). GTK 4.8 exposes a search entry as
 * "GtkSearchEntry", a drop-down as its nameless toggle button, and reads a
 * button with a mnemonic as "_Retry Retry"; these set a plain name instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sa-orders-a11y.h"

/**
 * sa_a11y_name:
 * @widget: any widget
 * @name: its translated name, mnemonic underscores allowed ("_Retry")
 *
 * Sets @widget's accessible label to @name without its underscores.
 */
void
sa_a11y_name (GtkWidget  *widget,
              const char *name)
{
  g_autoptr(GString) plain = g_string_new (NULL);

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (name != NULL);

  for (const char *p = name; *p != '\0'; p++)
    if (*p != '_')
      g_string_append_c (plain, *p);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, plain->str, -1);
}

/**
 * sa_a11y_name_drop_down:
 * @dropdown: a drop-down
 * @name: its translated name (the title of the row it sits in)
 *
 * Names @dropdown and its toggle button, the part that takes the focus.
 */
void
sa_a11y_name_drop_down (GtkDropDown *dropdown,
                        const char  *name)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  sa_a11y_name (GTK_WIDGET (dropdown), name);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      sa_a11y_name (child, name);
}
