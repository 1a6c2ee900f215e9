/* sa-sandbox-server.h — the sandbox back office: SoupServer over SQLite
 *
 * The public API of src/sandbox (with sa-sandbox-thread.h): the server
 * object (sa-sandbox-server.c) and the trainer's commands
 * (sa-sandbox-trainees.c). Everything else is private to the library.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SA_SANDBOX_TRAINING_USERNAME "trainee"
#define SA_SANDBOX_TRAINING_PASSWORD "training"

#define SA_TYPE_SANDBOX_SERVER (sa_sandbox_server_get_type ())
G_DECLARE_FINAL_TYPE (SaSandboxServer, sa_sandbox_server, SA, SANDBOX_SERVER, GObject)

/* Opens (creating when needed) DATA_DIR/sandbox.sqlite and loads the training
 * data on first start. Runs in the thread-default main context of the caller;
 * all later calls must come from that thread. G_IO_ERROR_* / SQLite failures
 * as G_IO_ERROR_FAILED. */
SaSandboxServer *sa_sandbox_server_new    (const char       *data_dir,
                                           GError          **error);
/* @address: "127.0.0.1" or another address of this host; @port: 0 picks one. */
gboolean         sa_sandbox_server_listen (SaSandboxServer  *self,
                                           const char       *address,
                                           guint16           port,
                                           GError          **error);
void             sa_sandbox_server_set_tls_certificate (SaSandboxServer *self,
                                                        GTlsCertificate *certificate);
/* "http://127.0.0.1:41234/"; NULL before listening. Free with g_free(). */
char            *sa_sandbox_server_dup_uri (SaSandboxServer *self);
/* Lifetime of access tokens issued from now on, in seconds (default 3600). */
void             sa_sandbox_server_set_token_lifetime (SaSandboxServer *self,
                                                       guint            seconds);

/* Trainees: each user works on a copy of the training data of their own.
 * G_IO_ERROR_INVALID_ARGUMENT / _EXISTS / _NOT_FOUND / _FAILED. */
gboolean         sa_sandbox_trainee_name_is_valid     (const char       *name);
gboolean         sa_sandbox_server_add_trainee        (SaSandboxServer  *self,
                                                       const char       *name,
                                                       const char       *password,
                                                       GError          **error);
gboolean         sa_sandbox_server_remove_trainee     (SaSandboxServer  *self,
                                                       const char       *name,
                                                       GError          **error);
gboolean         sa_sandbox_server_reset_trainee      (SaSandboxServer  *self,
                                                       const char       *name,
                                                       GError          **error);
GStrv            sa_sandbox_server_list_trainees      (SaSandboxServer  *self,
                                                       GError          **error);

G_END_DECLS
