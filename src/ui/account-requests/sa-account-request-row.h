/* sa-account-request-row.h — one Smart Account request in the "Smart Account
 * requests" view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"

G_BEGIN_DECLS

#define SA_TYPE_ACCOUNT_REQUEST_ROW (sa_account_request_row_get_type ())
G_DECLARE_FINAL_TYPE (SaAccountRequestRow, sa_account_request_row, SA, ACCOUNT_REQUEST_ROW, AdwActionRow)

GtkWidget        *sa_account_request_row_new         (SaAccountRequest    *request,
                                                      gboolean             training);
SaAccountRequest *sa_account_request_row_get_request (SaAccountRequestRow *self);

G_END_DECLS
