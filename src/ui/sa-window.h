/* sa-window.h — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"
#include "sa-orders-view.h"

G_BEGIN_DECLS

#define SA_TYPE_WINDOW (sa_window_get_type ())
G_DECLARE_FINAL_TYPE (SaWindow, sa_window, SA, WINDOW, AdwApplicationWindow)

SaWindow     *sa_window_new             (GtkApplication *application);
void          sa_window_show_starting   (SaWindow       *self);
void          sa_window_show_error      (SaWindow       *self,
                                         const char     *title,
                                         const char     *message);
void          sa_window_set_client      (SaWindow       *self,
                                         SaClient       *client,
                                         gboolean        training);
SaClient     *sa_window_get_client      (SaWindow       *self);
SaOrdersView *sa_window_get_orders_view (SaWindow       *self);
void          sa_window_add_toast       (SaWindow       *self,
                                         const char     *title);

G_END_DECLS
