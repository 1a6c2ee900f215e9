/* sa-order-results.h — the Orders view's results list: a GtkListView of
 * SaOrderRow over SaOrderPages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     sa_order_results_setup           (GtkListView    *list,
                                           GtkNoSelection *selection);
gboolean sa_order_results_focus_first     (GtkListView    *list);
void     sa_order_results_note_first_draw (GtkListView    *list);
guint    sa_order_results_get_n_stale     (GtkListView    *list);

G_END_DECLS
