/* sa-account-request.h — a request for a customer's Smart Account (procedure 3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-smart-account.h"
#include "sa-types.h"

G_BEGIN_DECLS

#define SA_TYPE_ACCOUNT_REQUEST (sa_account_request_get_type ())
G_DECLARE_FINAL_TYPE (SaAccountRequest, sa_account_request, SA, ACCOUNT_REQUEST, GObject)

/* Read-only properties: "id", "account-name", "account-domain", "customer-email",
 * "note-to-customer", "note-to-users" (strings), "users" (GStrv), "status"
 * (SaAccountStatus as int: PENDING = Pending customer acceptance, ACTIVE, EXPIRED),
 * "created-date", "expires-date" (GDateTime, UTC), "days-left" (uint),
 * "smart-account" (SaSmartAccount). */
const char         *sa_account_request_get_id             (SaAccountRequest  *self);
const char         *sa_account_request_get_account_name   (SaAccountRequest  *self);
const char         *sa_account_request_get_account_domain (SaAccountRequest  *self);
const char         *sa_account_request_get_customer_email (SaAccountRequest  *self);
const char         *sa_account_request_get_note_to_customer (SaAccountRequest *self);
const char * const *sa_account_request_get_users          (SaAccountRequest  *self);
const char         *sa_account_request_get_note_to_users  (SaAccountRequest  *self);
SaAccountStatus     sa_account_request_get_status         (SaAccountRequest  *self);
GDateTime          *sa_account_request_get_created_date   (SaAccountRequest  *self);
GDateTime          *sa_account_request_get_expires_date   (SaAccountRequest  *self);
guint               sa_account_request_get_days_left      (SaAccountRequest  *self);
SaSmartAccount     *sa_account_request_get_smart_account  (SaAccountRequest  *self);

G_END_DECLS
