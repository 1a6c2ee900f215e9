/* sa-sandbox-auth.h — sign-in to the sandbox: password hashes, access
 * tokens, the bearer check of every signed-in route
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-sandbox-private.h"

G_BEGIN_DECLS

gboolean  sa_sandbox_auth_init      (SaSandboxServer    *self,
                                     GError            **error);
char     *sa_sandbox_hash_password  (const char         *password,
                                     GError            **error);
gboolean  sa_sandbox_lookup_user    (sqlite3            *db,
                                     const char         *username,
                                     SaSandboxCaller    *caller,
                                     char              **password_hash,
                                     GError            **error);
gboolean  sa_sandbox_authenticate   (SaSandboxServer    *self,
                                     SoupServerMessage  *msg,
                                     SaSandboxCaller    *caller);
void      sa_sandbox_revoke_tokens  (SaSandboxServer    *self,
                                     const char         *username);

G_END_DECLS
