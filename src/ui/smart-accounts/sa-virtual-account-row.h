/* sa-virtual-account-row.h — a Virtual Account and its licenses, expandable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"

G_BEGIN_DECLS

#define SA_TYPE_VIRTUAL_ACCOUNT_ROW (sa_virtual_account_row_get_type ())
G_DECLARE_FINAL_TYPE (SaVirtualAccountRow, sa_virtual_account_row, SA, VIRTUAL_ACCOUNT_ROW, AdwExpanderRow)

GtkWidget        *sa_virtual_account_row_new                 (SaVirtualAccount    *virtual_account,
                                                              GListModel          *licenses);
SaVirtualAccount *sa_virtual_account_row_get_virtual_account (SaVirtualAccountRow *self);
GListModel       *sa_virtual_account_row_get_licenses        (SaVirtualAccountRow *self);

G_END_DECLS
