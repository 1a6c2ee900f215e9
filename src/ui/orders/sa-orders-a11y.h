/* sa-orders-a11y.h — accessible names for the order page and the Assign Smart Account dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void sa_a11y_name           (GtkWidget   *widget,
                             const char  *name);
void sa_a11y_name_drop_down (GtkDropDown *dropdown,
                             const char  *name);

G_END_DECLS
