/* sa-account-request-user-row.h — one of the User Emails to add to the
 * requested Smart Account, with its remove button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SA_TYPE_ACCOUNT_REQUEST_USER_ROW (sa_account_request_user_row_get_type ())
G_DECLARE_FINAL_TYPE (SaAccountRequestUserRow, sa_account_request_user_row, SA, ACCOUNT_REQUEST_USER_ROW, AdwActionRow)

GtkWidget *sa_account_request_user_row_new (const char *address);

G_END_DECLS
