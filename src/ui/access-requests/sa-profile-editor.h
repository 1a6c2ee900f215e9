/* sa-profile-editor.h — the user's profile, to check and to update in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"

G_BEGIN_DECLS

#define SA_TYPE_PROFILE_EDITOR (sa_profile_editor_get_type ())
G_DECLARE_FINAL_TYPE (SaProfileEditor, sa_profile_editor, SA, PROFILE_EDITOR, AdwBin)

void       sa_profile_editor_set_client     (SaProfileEditor *self,
                                             SaClient        *client);
SaProfile *sa_profile_editor_get_profile    (SaProfileEditor *self);
gboolean   sa_profile_editor_get_editing    (SaProfileEditor *self);
gboolean   sa_profile_editor_get_busy       (SaProfileEditor *self);
gboolean   sa_profile_editor_get_valid      (SaProfileEditor *self);

G_END_DECLS
