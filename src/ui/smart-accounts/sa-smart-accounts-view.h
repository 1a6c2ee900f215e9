/* sa-smart-accounts-view.h — the Smart Accounts view: the user's accounts and their licenses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-account-page.h"
#include "sa-core.h"

G_BEGIN_DECLS

#define SA_TYPE_SMART_ACCOUNTS_VIEW (sa_smart_accounts_view_get_type ())
G_DECLARE_FINAL_TYPE (SaSmartAccountsView, sa_smart_accounts_view, SA, SMART_ACCOUNTS_VIEW, AdwBin)

GtkWidget     *sa_smart_accounts_view_new              (void);
void           sa_smart_accounts_view_set_client       (SaSmartAccountsView *self,
                                                        SaClient            *client);
void           sa_smart_accounts_view_refresh          (SaSmartAccountsView *self);
gboolean       sa_smart_accounts_view_get_loading      (SaSmartAccountsView *self);
GListModel    *sa_smart_accounts_view_get_accounts     (SaSmartAccountsView *self);
SaAccountPage *sa_smart_accounts_view_open_account     (SaSmartAccountsView *self,
                                                        const char          *domain);
SaAccountPage *sa_smart_accounts_view_get_account_page (SaSmartAccountsView *self);

G_END_DECLS
