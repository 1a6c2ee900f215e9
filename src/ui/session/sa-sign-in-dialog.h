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
SaClient       *sa_sign_in_dialog_get_client         (SaSignInDialog *self);
void            sa_sign_in_dialog_set_username       (SaSignInDialog *self,
                                                      const char     *username);
void            sa_sign_in_dialog_set_error_message  (SaSignInDialog *self,
                                                      const char     *message);
const char     *sa_sign_in_dialog_get_error_message  (SaSignInDialog *self);
const char     *sa_sign_in_dialog_get_keyring_message (SaSignInDialog *self);
gboolean        sa_sign_in_dialog_get_busy           (SaSignInDialog *self);
gboolean        sa_sign_in_dialog_get_signed_in      (SaSignInDialog *self);

/* For tests: the widgets a user types into and clicks. */
GtkEditable    *sa_sign_in_dialog_get_username_entry (SaSignInDialog *self);
GtkEditable    *sa_sign_in_dialog_get_password_entry (SaSignInDialog *self);
GtkCheckButton *sa_sign_in_dialog_get_remember_check (SaSignInDialog *self);
GtkButton      *sa_sign_in_dialog_get_sign_in_button (SaSignInDialog *self);

G_END_DECLS
