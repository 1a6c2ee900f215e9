/* sa-cisco-accounts.h — Smart Accounts and Virtual Accounts, read from Cisco
 *
 * Smart Account search (`/v1/accounts/search`), the user's own Smart Accounts
 * and roles (`/v2/accounts`) and an account's Virtual Accounts
 * (`/v1/accounts/{domain}/{type}/virtual-accounts`), on the Smart Accounts &
 * Licensing API (CISCO-APIS.md §1.2). Results are core's SaSmartAccount and
 * SaVirtualAccount objects.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-account-access.h"
#include "sa-cisco-api.h"
#include "sa-smart-account.h"
#include "sa-types.h"
#include "sa-virtual-account.h"

G_BEGIN_DECLS

/**
 * SaCiscoTypeFilter:
 * @SA_CISCO_TYPE_FILTER_ANY: both kinds (no `type` parameter)
 * @SA_CISCO_TYPE_FILTER_CUSTOMER: `type=CUSTOMER`
 * @SA_CISCO_TYPE_FILTER_HOLDING: `type=HOLDING`
 *
 * Which Smart Accounts a search returns.
 */
typedef enum
{
  SA_CISCO_TYPE_FILTER_ANY,
  SA_CISCO_TYPE_FILTER_CUSTOMER,
  SA_CISCO_TYPE_FILTER_HOLDING,
} SaCiscoTypeFilter;

void        sa_cisco_api_search_accounts_async        (SaCiscoApi           *self,
                                                       SaAccountSearchField  field,
                                                       const char           *text,
                                                       SaCiscoTypeFilter     type,
                                                       guint                 limit,
                                                       guint                 offset,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
GListModel *sa_cisco_api_search_accounts_finish       (SaCiscoApi           *self,
                                                       GAsyncResult         *result,
                                                       guint                *total_records,
                                                       GError              **error);

void        sa_cisco_api_list_account_access_async    (SaCiscoApi           *self,
                                                       const char           *domain,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
GListModel *sa_cisco_api_list_account_access_finish   (SaCiscoApi           *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

void        sa_cisco_api_list_virtual_accounts_async  (SaCiscoApi           *self,
                                                       const char           *domain,
                                                       SaAccountType         type,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
GListModel *sa_cisco_api_list_virtual_accounts_finish (SaCiscoApi           *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

const char     *sa_cisco_smart_account_get_status_text (SaSmartAccount *account);
SaSmartAccount *sa_cisco_find_account_by_domain        (GListModel     *accounts,
                                                        const char     *domain);

G_END_DECLS
