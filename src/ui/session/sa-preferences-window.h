/* sa-preferences-window.h — the Preferences window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-session.h"

G_BEGIN_DECLS

#define SA_TYPE_PREFERENCES_WINDOW (sa_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (SaPreferencesWindow, sa_preferences_window, SA, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget   *sa_preferences_window_new                 (GtkWindow           *parent);
void         sa_preferences_window_set_session         (SaPreferencesWindow *self,
                                                        SaSession           *session);

G_END_DECLS
