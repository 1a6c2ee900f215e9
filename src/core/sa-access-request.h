/* sa-access-request.h — a request for access to an existing Smart Account (procedure 4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-smart-account.h"
#include "sa-types.h"

G_BEGIN_DECLS

#define SA_TYPE_ACCESS_REQUEST (sa_access_request_get_type ())
G_DECLARE_FINAL_TYPE (SaAccessRequest, sa_access_request, SA, ACCESS_REQUEST, GObject)

/* Read-only properties: "id", "reason" (strings), "smart-account" (SaSmartAccount),
 * "status" (SaAccessRequestStatus as int), "created-date", "decided-date",
 * "last-reminder-date", "next-reminder-date" (GDateTime, UTC, the last three may
 * be NULL). */
const char            *sa_access_request_get_id                (SaAccessRequest  *self);
SaSmartAccount        *sa_access_request_get_smart_account     (SaAccessRequest  *self);
const char            *sa_access_request_get_reason            (SaAccessRequest  *self);
SaAccessRequestStatus  sa_access_request_get_status            (SaAccessRequest  *self);
GDateTime             *sa_access_request_get_created_date      (SaAccessRequest  *self);
GDateTime             *sa_access_request_get_decided_date      (SaAccessRequest  *self);
GDateTime             *sa_access_request_get_last_reminder_date (SaAccessRequest *self);
/* NULL when a reminder may be sent now (or never: the request is decided). */
GDateTime             *sa_access_request_get_next_reminder_date (SaAccessRequest *self);
/* TRUE when PENDING and a reminder is allowed at @now (the 24-hour rule). */
gboolean               sa_access_request_can_remind            (SaAccessRequest  *self,
                                                                GDateTime        *now);

G_END_DECLS
