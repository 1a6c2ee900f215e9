/* sa-smart-account-row.h — one Smart Account in a list: name, domain, type, status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"

G_BEGIN_DECLS

#define SA_TYPE_SMART_ACCOUNT_ROW (sa_smart_account_row_get_type ())
G_DECLARE_FINAL_TYPE (SaSmartAccountRow, sa_smart_account_row, SA, SMART_ACCOUNT_ROW, AdwActionRow)

GtkWidget      *sa_smart_account_row_new            (SaSmartAccount    *account);
SaSmartAccount *sa_smart_account_row_get_account    (SaSmartAccountRow *self);
void            sa_smart_account_row_set_account    (SaSmartAccountRow *self,
                                                     SaSmartAccount    *account);
gboolean        sa_smart_account_row_get_show_email (SaSmartAccountRow *self);
void            sa_smart_account_row_set_show_email (SaSmartAccountRow *self,
                                                     gboolean           show_email);

G_END_DECLS
