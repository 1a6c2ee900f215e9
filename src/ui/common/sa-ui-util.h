/* sa-ui-util.h — small helpers shared by the widgets of src/ui
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"

G_BEGIN_DECLS

#define SA_RESOURCE_PATH "/io/github/sadesk/SmartAccountDesk"

void   sa_ui_show_toast               (GtkWidget       *widget,
                                       const char      *title);
char  *sa_ui_dup_assignment_summary   (SaAssignment    *assignment);
char  *sa_ui_dup_virtual_account_label (SaVirtualAccount *virtual_account);
void   sa_ui_load_style               (void);

GSettings *sa_ui_get_settings           (void);
void   sa_ui_insert_settings_actions  (GtkWidget       *widget);
char  *sa_ui_format_date              (GDateTime       *date_time);
char  *sa_ui_format_date_time         (GDateTime       *date_time);
char  *sa_ui_dup_unbroken             (const char      *identifier);
void   sa_ui_wrap_row_title_at_words  (gpointer         row);
void   sa_ui_renew_cancellable        (GCancellable   **cancellable);
GtkWidget *sa_ui_about_window_new     (const char      *debug_info);


G_END_DECLS
