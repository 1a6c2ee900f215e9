/* sa-account-access-row.h — one of the user's Smart Accounts: name, type, status, roles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-account-access.h"
#include "sa-core.h"

G_BEGIN_DECLS

#define SA_TYPE_ACCOUNT_ACCESS_ROW (sa_account_access_row_get_type ())
G_DECLARE_FINAL_TYPE (SaAccountAccessRow, sa_account_access_row, SA, ACCOUNT_ACCESS_ROW, AdwActionRow)

GtkWidget       *sa_account_access_row_new        (SaAccountAccess    *access);
SaAccountAccess *sa_account_access_row_get_access (SaAccountAccessRow *self);
void             sa_account_access_row_set_access (SaAccountAccessRow *self,
                                                   SaAccountAccess    *access);
char            *sa_account_access_dup_roles      (SaAccountAccess    *access);

G_END_DECLS
