/* sa-sign-in-dialog-private.h — what the tests read inside the sign-in dialog
 *
 * Not for the rest of the app: the sign-in tests wait on the dialog and read
 * the messages it shows with these.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-sign-in-dialog.h"

G_BEGIN_DECLS

const char     *sa_sign_in_dialog_get_error_message  (SaSignInDialog *self);
const char     *sa_sign_in_dialog_get_keyring_message (SaSignInDialog *self);
gboolean        sa_sign_in_dialog_get_busy           (SaSignInDialog *self);

G_END_DECLS
