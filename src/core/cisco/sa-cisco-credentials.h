/* sa-cisco-credentials.h — the Cisco API application's credentials, in the keyring
 *
 * The Client Secret of the user's own Cisco API application is kept in the
 * desktop keyring only (libsecret), under a schema of its own named after the
 * application ID plus ".CiscoApi", beside the sign-in schema of
 * sa-credentials.h. Its attributes are "identity-provider" (the token
 * endpoint, so that a practice session on loopback never finds the real
 * secret) and "client-id". Every call is asynchronous; errors are
 * SA_CREDENTIALS_ERROR, as for the sign-in credentials.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

#include "sa-credentials.h"

G_BEGIN_DECLS

const SecretSchema *sa_cisco_credentials_get_schema   (void);

void      sa_cisco_credentials_store_async   (const char          *identity_uri,
                                              const char          *client_id,
                                              const char          *client_secret,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean  sa_cisco_credentials_store_finish  (GAsyncResult        *result,
                                              GError             **error);
void      sa_cisco_credentials_lookup_async  (const char          *identity_uri,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean  sa_cisco_credentials_lookup_finish (GAsyncResult        *result,
                                              char               **client_id,
                                              char               **client_secret,
                                              GError             **error);
void      sa_cisco_credentials_clear_async   (const char          *identity_uri,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean  sa_cisco_credentials_clear_finish  (GAsyncResult        *result,
                                              GError             **error);
void      sa_cisco_credentials_free_secret   (char                *client_secret);

G_END_DECLS
