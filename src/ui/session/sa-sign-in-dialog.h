/* sa-sign-in-dialog.h — the Live-mode sign-in dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"

G_BEGIN_DECLS

#define SA_TYPE_SIGN_IN_DIALOG (sa_sign_in_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SaSignInDialog, sa_sign_in_dialog, SA, SIGN_IN_DIALOG, AdwWindow)

SaSignInDialog *sa_sign_in_dialog_new                (SaClient       *client,
                                                      GtkWindow      *parent);
void            sa_sign_in_dialog_set_username       (SaSignInDialog *self,
                                                      const char     *username);
void            sa_sign_in_dialog_set_error_message  (SaSignInDialog *self,
                                                      const char     *message);

/* For tests: the widgets a user types into and clicks. */

G_END_DECLS
