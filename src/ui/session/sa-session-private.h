/* sa-session-private.h — what the tests read inside the Live-mode session
 *
 * Not for the rest of the app: the sign-in tests check with these whether the
 * credentials were remembered and which sign-in dialog is open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-session.h"

G_BEGIN_DECLS

gboolean        sa_session_get_remembered   (SaSession           *self);
SaSignInDialog *sa_session_get_sign_in_dialog (SaSession         *self);

G_END_DECLS
