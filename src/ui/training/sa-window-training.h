/* sa-window-training.h — the main window's training parts (issue 14): the
 * practice date in the header bar, the Training Scenarios and Class views,
 * and the sandbox client the training controls use
 *
 * sa-window.c calls these from its class_init, set_client and dispose; the
 * widgets are in sa-window.ui, found here by their ids.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-window.h"

G_BEGIN_DECLS

void sa_window_training_class_init (GtkWidgetClass *widget_class);
void sa_window_training_set_client (SaWindow       *window,
                                    SaClient       *client,
                                    gboolean        training);
void sa_window_training_dispose    (SaWindow       *window);
void sa_window_training_clock_changed (SaWindow    *window);

G_END_DECLS
