/* sa-session.h — a Live-mode session: the client, the keyring, the sign-in dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"
#include "sa-sign-in-dialog.h"

G_BEGIN_DECLS

#define SA_TYPE_SESSION (sa_session_get_type ())
G_DECLARE_FINAL_TYPE (SaSession, sa_session, SA, SESSION, GObject)

SaSession      *sa_session_new              (const char          *server_uri,
                                             GError             **error);
SaClient       *sa_session_get_client       (SaSession           *self);
const char     *sa_session_get_server_uri   (SaSession           *self);
void            sa_session_set_window       (SaSession           *self,
                                             GtkWindow           *window);
void            sa_session_start            (SaSession           *self);
void            sa_session_sign_out_async   (SaSession           *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean        sa_session_sign_out_finish  (SaSession           *self,
                                             GAsyncResult        *result,
                                             GError             **error);

G_END_DECLS
