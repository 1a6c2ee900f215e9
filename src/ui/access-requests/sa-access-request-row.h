/* sa-access-request-row.h — one request in Your Access Requests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"

G_BEGIN_DECLS

#define SA_TYPE_ACCESS_REQUEST_ROW (sa_access_request_row_get_type ())
G_DECLARE_FINAL_TYPE (SaAccessRequestRow, sa_access_request_row, SA, ACCESS_REQUEST_ROW, AdwActionRow)

GtkWidget       *sa_access_request_row_new                 (SaAccessRequest    *request,
                                                            gboolean            training,
                                                            GDateTime          *next_reminder,
                                                            GDateTime          *reminder_from,
                                                            gboolean            busy);
SaAccessRequest *sa_access_request_row_get_request         (SaAccessRequestRow *self);
GtkWidget       *sa_access_request_row_get_reminder_button (SaAccessRequestRow *self);
const char      *sa_access_request_row_get_reminder_text   (SaAccessRequestRow *self);
void             sa_access_request_row_set_reminder_from   (SaAccessRequestRow *self,
                                                            GDateTime          *reminder_from);
GDateTime       *sa_access_request_row_get_reminder_from   (SaAccessRequestRow *self);

G_END_DECLS
