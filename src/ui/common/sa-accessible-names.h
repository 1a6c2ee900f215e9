/* sa-accessible-names.h — names a screen reader can speak, for GTK 4.8's
 * buttons with mnemonics and drop-downs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void   sa_accessible_names_install      (void);
void   sa_accessible_names_follow       (GtkWidget  *widget);
char  *sa_accessible_names_strip_mnemonic (const char *label);

G_END_DECLS
