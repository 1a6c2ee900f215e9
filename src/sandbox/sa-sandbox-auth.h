/* sa-sandbox-auth.h — sign-in to the sandbox: password hashes, access
 * tokens, the bearer check of every signed-in route
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-sandbox-private.h"

G_BEGIN_DECLS

/**
 * SaSandboxTokenKind:
 * @SA_SANDBOX_TOKEN_DESK: a Desk API token (POST /oauth2/token)
 * @SA_SANDBOX_TOKEN_CISCO: a token of the Cisco-shaped endpoint
 *   (POST /oauth2/default/v1/token)
 *
 * Where an access token works.
 */
typedef enum
{
  SA_SANDBOX_TOKEN_DESK,
  SA_SANDBOX_TOKEN_CISCO,
} SaSandboxTokenKind;

/* Called once a password was checked: @username is the user's name when the
 * password was right, NULL otherwise. Answers, then unpauses @msg. */
typedef void (*SaSandboxPasswordChecked) (SaSandboxServer   *self,
                                          SoupServerMessage *msg,
                                          const char        *username,
                                          gpointer           data);

gboolean  sa_sandbox_auth_init      (SaSandboxServer    *self,
                                     GError            **error);
char     *sa_sandbox_hash_password  (const char         *password,
                                     GError            **error);
gboolean  sa_sandbox_lookup_user    (sqlite3            *db,
                                     const char         *username,
                                     SaSandboxCaller    *caller,
                                     char              **password_hash,
                                     GError            **error);
gboolean  sa_sandbox_lookup_token   (SaSandboxServer    *self,
                                     SoupServerMessage  *msg,
                                     SaSandboxTokenKind  kind,
                                     SaSandboxCaller    *caller,
                                     GError            **error);
gboolean  sa_sandbox_authenticate   (SaSandboxServer    *self,
                                     SoupServerMessage  *msg,
                                     SaSandboxCaller    *caller);
char     *sa_sandbox_issue_token    (SaSandboxServer    *self,
                                     const char         *username,
                                     SaSandboxTokenKind  kind,
                                     gint64              lifetime,
                                     GError            **error);
void      sa_sandbox_respond_token  (SoupServerMessage  *msg,
                                     const char         *token,
                                     gint64              lifetime);
gboolean  sa_sandbox_check_password (SaSandboxRequest         *request,
                                     const char               *username,
                                     const char               *password,
                                     SaSandboxPasswordChecked  done,
                                     gpointer                  data,
                                     GDestroyNotify            data_free);
void      sa_sandbox_revoke_tokens  (SaSandboxServer    *self,
                                     const char         *username);

G_END_DECLS
