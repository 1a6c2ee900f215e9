/* sa-session.h — a session on a server: the Classroom server (Desk API) with
 * its sign-in dialog, or Cisco (and Cisco practice) with the Client ID and
 * Secret of the user's API application; the client, the keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-cisco.h"
#include "sa-core.h"
#include "sa-sign-in-dialog.h"

G_BEGIN_DECLS

/**
 * SaConnection:
 * @SA_CONNECTION_TRAINING: the built-in sandbox back office (no session)
 * @SA_CONNECTION_CLASSROOM: a Desk API server run by a trainer or a partner
 *   (the GSettings nick "live", kept for settings saved before)
 * @SA_CONNECTION_CISCO: Cisco's public APIs, with the Client ID and Secret of
 *   the user's own API application, kept in the keyring
 * @SA_CONNECTION_CISCO_PRACTICE: the same Cisco connection on the built-in
 *   sandbox, signed in as the trainee: nothing to register
 *
 * The connection the GSettings key "mode" chooses, value for value.
 */
typedef enum
{
  SA_CONNECTION_TRAINING,
  SA_CONNECTION_CLASSROOM,
  SA_CONNECTION_CISCO,
  SA_CONNECTION_CISCO_PRACTICE,
} SaConnection;

#define SA_TYPE_SESSION (sa_session_get_type ())
G_DECLARE_FINAL_TYPE (SaSession, sa_session, SA, SESSION, GObject)

SaSession      *sa_session_new              (const char          *server_uri,
                                             GError             **error);
SaSession      *sa_session_new_cisco        (SaCiscoApi          *api,
                                             SaConnection         connection);
SaConnection    sa_session_get_connection   (SaSession           *self);
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
