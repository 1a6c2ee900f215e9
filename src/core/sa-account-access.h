/* sa-account-access.h — a Smart Account the user can reach, with their roles
 *
 * A domain object any back end may return (sa_client_list_my_accounts_async()):
 * the Smart Account and the roles the user holds on it, each for the whole
 * account or for one Virtual Account. With Cisco it is one entry of
 * `GET /v2/accounts` (CISCO-APIS.md §1.2), the roles of the Cisco.com user who
 * registered the API application.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sa-smart-account.h"

G_BEGIN_DECLS

#define SA_TYPE_ACCOUNT_ACCESS (sa_account_access_get_type ())
G_DECLARE_FINAL_TYPE (SaAccountAccess, sa_account_access, SA, ACCOUNT_ACCESS, GObject)

SaAccountAccess *sa_account_access_new                      (SaSmartAccount  *account);
void             sa_account_access_add_role                 (SaAccountAccess *self,
                                                             const char      *role,
                                                             const char      *virtual_account);
SaSmartAccount  *sa_account_access_get_account              (SaAccountAccess *self);
guint            sa_account_access_get_n_roles              (SaAccountAccess *self);
const char      *sa_account_access_get_role                 (SaAccountAccess *self,
                                                             guint            index);
const char      *sa_account_access_get_role_virtual_account (SaAccountAccess *self,
                                                             guint            index);
gboolean         sa_account_access_has_role                 (SaAccountAccess *self,
                                                             const char      *role,
                                                             const char      *virtual_account);

G_END_DECLS
