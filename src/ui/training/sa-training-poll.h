/* sa-training-poll.h — reading a training view again every few seconds
 * while it is shown (issue 14): the Training Scenarios view, the Class view
 * and the window's practice date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*SaTrainingPollFunc) (gpointer widget);

void sa_training_poll_attach (GtkWidget          *widget,
                              guint               seconds,
                              SaTrainingPollFunc  refresh);
void sa_training_poll_detach (GtkWidget          *widget);
void sa_training_poll_now    (GtkWidget          *widget);

G_END_DECLS
