/* sa-client-private.h — what a back end uses of its #SaClient parent (core only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-client.h"
#include "sa-error-private.h"

G_BEGIN_DECLS

/* A successful sign-in: "signed-in" becomes TRUE and "username" @username;
 * both are notified (in that order). */
void     sa_client_set_signed_in_as       (SaClient            *self,
                                           const char          *username);
/* The sign-in is gone (expired, revoked or signed out): "signed-in" becomes
 * FALSE (notified when it was TRUE); with @forget_username, "username" becomes
 * NULL too (notified after). */
void     sa_client_set_signed_out         (SaClient            *self,
                                           gboolean             forget_username);
/* Emits "sign-in-required" (see sa_client_set_renew_from_keyring()). */
void     sa_client_emit_sign_in_required  (SaClient            *self);

/* For sa-client*.c: the task of an operation the back end lacks, completed
 * with SA_CLIENT_ERROR_NOT_SUPPORTED; and whether @result is one. */
void     sa_client_return_not_supported   (SaClient            *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean sa_client_is_not_supported       (SaClient            *self,
                                           GAsyncResult        *result);

G_END_DECLS
