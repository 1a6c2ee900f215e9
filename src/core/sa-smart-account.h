/* sa-smart-account.h — a Smart Account, as search and orders return it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-types.h"

G_BEGIN_DECLS

#define SA_TYPE_SMART_ACCOUNT (sa_smart_account_get_type ())
G_DECLARE_FINAL_TYPE (SaSmartAccount, sa_smart_account, SA, SMART_ACCOUNT, GObject)

/* Properties: "id", "domain", "name", "email" (strings), "account-type"
 * (SaAccountType as int), "status" (SaAccountStatus as int). */
SaSmartAccount  *sa_smart_account_new            (const char      *id,
                                                  const char      *domain,
                                                  const char      *name,
                                                  SaAccountType    account_type,
                                                  SaAccountStatus  status,
                                                  const char      *email);
const char      *sa_smart_account_get_id         (SaSmartAccount  *self);
const char      *sa_smart_account_get_domain     (SaSmartAccount  *self);
const char      *sa_smart_account_get_name       (SaSmartAccount  *self);
const char      *sa_smart_account_get_email      (SaSmartAccount  *self);
SaAccountType    sa_smart_account_get_account_type (SaSmartAccount *self);
SaAccountStatus  sa_smart_account_get_status     (SaSmartAccount  *self);

G_END_DECLS
