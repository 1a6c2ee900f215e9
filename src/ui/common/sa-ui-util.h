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
void   sa_ui_set_pill                 (GtkLabel        *label,
                                       const char      *text,
                                       const char      *kind);
void   sa_ui_set_order_status_pill    (GtkLabel        *label,
                                       SaOrderStatus    status);
void   sa_ui_set_account_status_pill  (GtkLabel        *label,
                                       SaAccountStatus  status);
char  *sa_ui_dup_assignment_summary   (SaAssignment    *assignment);
char  *sa_ui_dup_virtual_account_label (SaVirtualAccount *virtual_account);
void   sa_ui_load_style               (void);

G_END_DECLS
