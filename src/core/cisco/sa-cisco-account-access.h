/* sa-cisco-account-access.h — a Smart Account the user can access, and roles
 *
 * One entry of Cisco's `GET /v2/accounts` (CISCO-APIS.md §1.2): the Smart
 * Account and the roles the Cisco.com user who registered the API application
 * holds on it, each for the whole account or for one Virtual Account.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sa-smart-account.h"

G_BEGIN_DECLS

#define SA_TYPE_CISCO_ACCOUNT_ACCESS (sa_cisco_account_access_get_type ())
G_DECLARE_FINAL_TYPE (SaCiscoAccountAccess, sa_cisco_account_access, SA, CISCO_ACCOUNT_ACCESS, GObject)

SaCiscoAccountAccess *sa_cisco_account_access_new        (SaSmartAccount       *account);
void                  sa_cisco_account_access_add_role   (SaCiscoAccountAccess *self,
                                                          const char           *role,
                                                          const char           *virtual_account);
SaSmartAccount       *sa_cisco_account_access_get_account (SaCiscoAccountAccess *self);
guint                 sa_cisco_account_access_get_n_roles (SaCiscoAccountAccess *self);
const char           *sa_cisco_account_access_get_role    (SaCiscoAccountAccess *self,
                                                          guint                 index);
const char           *sa_cisco_account_access_get_role_virtual_account (SaCiscoAccountAccess *self,
                                                                        guint                 index);
gboolean              sa_cisco_account_access_has_role    (SaCiscoAccountAccess *self,
                                                          const char           *role,
                                                          const char           *virtual_account);

G_END_DECLS
