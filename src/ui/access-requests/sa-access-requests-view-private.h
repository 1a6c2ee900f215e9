/* sa-access-requests-view-private.h — what the tests read and do in Your
 * Access Requests, beside what the user sees
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-access-request-monitor.h"
#include "sa-access-requests-view.h"

G_BEGIN_DECLS

SaAccessRequestMonitor *sa_access_requests_view_get_monitor (SaAccessRequestsView *self);
GtkWidget              *sa_access_requests_view_get_row     (SaAccessRequestsView *self,
                                                             const char           *request_id);
GtkWidget              *sa_access_requests_view_get_reminder_button (SaAccessRequestsView *self,
                                                                     const char           *request_id);
const char             *sa_access_requests_view_get_reminder_text (SaAccessRequestsView *self,
                                                                   const char           *request_id);
void                    sa_access_requests_view_send_reminder (SaAccessRequestsView *self,
                                                               const char           *request_id);

G_END_DECLS
