/* sa-credentials-private.h — what core's keyring schemas share (the sign-in's
 * in sa-credentials.c, the Cisco API application's in cisco/): the error
 * sorting and the store, lookup and clear calls (sa-credentials-keyring.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

#include "sa-credentials.h"

G_BEGIN_DECLS

/**
 * SaCredentialsSentences:
 * @unavailable: said for %SA_CREDENTIALS_ERROR_UNAVAILABLE
 * @locked: said for %SA_CREDENTIALS_ERROR_LOCKED
 * @failed: said for %SA_CREDENTIALS_ERROR_FAILED
 *
 * What one keyring schema tells the user when the keyring fails: untranslated
 * sentences (marked with the N_ macro), translated when an error is made.
 */
typedef struct
{
  const char *unavailable;
  const char *locked;
  const char *failed;
} SaCredentialsSentences;

int       sa_credentials_classify_error (const GError                 *error,
                                         GCancellable                 *cancellable);
GError   *sa_credentials_map_error      (GError                       *error,
                                         GCancellable                 *cancellable,
                                         const SaCredentialsSentences *sentences);

GHashTable *sa_credentials_attributes_new (const char *first_name,
                                          ...) G_GNUC_NULL_TERMINATED;

void      sa_credentials_keyring_store  (GTask                        *task,
                                         const SaCredentialsSentences *sentences,
                                         const SecretSchema           *schema,
                                         GHashTable                   *clear_first,
                                         GHashTable                   *attributes,
                                         const char                   *label,
                                         const char                   *secret);
void      sa_credentials_keyring_lookup (GTask                        *task,
                                         const SaCredentialsSentences *sentences,
                                         const SecretSchema           *schema,
                                         GHashTable                   *attributes,
                                         const char                   *user_attribute);
gboolean  sa_credentials_keyring_found  (GTask                        *task,
                                         char                        **user,
                                         char                        **secret,
                                         GError                      **error);
void      sa_credentials_keyring_clear  (GTask                        *task,
                                         const SaCredentialsSentences *sentences,
                                         const SecretSchema           *schema,
                                         GHashTable                   *attributes);

G_END_DECLS
