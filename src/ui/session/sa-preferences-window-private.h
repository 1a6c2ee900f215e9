/* sa-preferences-window-private.h — what the tests read inside the Preferences
 *
 * Not for the rest of the app: the sign-in tests read the server address
 * check with it, the Cisco connection tests the outcome of Test Connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-preferences-window.h"

G_BEGIN_DECLS

const char  *sa_preferences_window_get_server_error    (SaPreferencesWindow *self);
int          sa_preferences_window_get_diagnosis       (SaPreferencesWindow *self);

G_END_DECLS
