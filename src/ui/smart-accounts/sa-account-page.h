/* sa-account-page.h — one of the user's Smart Accounts: roles, Virtual Accounts, licenses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-account-access.h"
#include "sa-core.h"

G_BEGIN_DECLS

#define SA_TYPE_ACCOUNT_PAGE (sa_account_page_get_type ())
G_DECLARE_FINAL_TYPE (SaAccountPage, sa_account_page, SA, ACCOUNT_PAGE, AdwBin)

GtkWidget       *sa_account_page_new                  (SaClient        *client,
                                                       SaAccountAccess *access);
SaAccountAccess *sa_account_page_get_access           (SaAccountPage   *self);
gboolean         sa_account_page_get_loading          (SaAccountPage   *self);
GListModel      *sa_account_page_get_virtual_accounts (SaAccountPage   *self);
GListModel      *sa_account_page_get_licenses         (SaAccountPage   *self);

G_END_DECLS
