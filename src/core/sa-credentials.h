/* sa-credentials.h — remembered sign-in credentials, in the desktop keyring only
 *
 * Uses libsecret with a schema named after the application ID
 * ("io.github.sadesk.SmartAccountDesk") and the attributes "server" (the base URI)
 * and "username". Nothing else stores a password; every call is asynchronous.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

G_BEGIN_DECLS

#define SA_CREDENTIALS_ERROR (sa_credentials_error_quark ())

/**
 * SaCredentialsError:
 * @SA_CREDENTIALS_ERROR_UNAVAILABLE: no keyring service answers (no Secret Service
 *   on the session bus)
 * @SA_CREDENTIALS_ERROR_LOCKED: the keyring is locked and was not unlocked
 * @SA_CREDENTIALS_ERROR_FAILED: any other keyring failure
 */
typedef enum
{
  SA_CREDENTIALS_ERROR_UNAVAILABLE,
  SA_CREDENTIALS_ERROR_LOCKED,
  SA_CREDENTIALS_ERROR_FAILED,
} SaCredentialsError;

GQuark    sa_credentials_error_quark   (void);

/* The libsecret schema (static, do not free). (libsecret's SecretSchema is an
 * anonymous struct typedef, so it cannot be forward-declared as a struct.) */
const SecretSchema *sa_credentials_get_schema (void);

void      sa_credentials_store_async   (const char          *server,
                                        const char          *username,
                                        const char          *password,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean  sa_credentials_store_finish  (GAsyncResult        *result,
                                        GError             **error);
/* Finds the credentials remembered for @server. TRUE with *username and *password
 * set (free both; wipe the password with sa_credentials_free_password()), TRUE
 * with both NULL when none are remembered, FALSE on keyring errors. */
void      sa_credentials_lookup_async  (const char          *server,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean  sa_credentials_lookup_finish (GAsyncResult        *result,
                                        char               **username,
                                        char               **password,
                                        GError             **error);
/* Removes what is remembered for @server (every user). */
void      sa_credentials_clear_async   (const char          *server,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean  sa_credentials_clear_finish  (GAsyncResult        *result,
                                        GError             **error);
/* Overwrites then frees a password string. NULL-safe. */
void      sa_credentials_free_password (char                *password);

G_END_DECLS
