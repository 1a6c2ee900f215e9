/* sa-draft.h — wizard drafts saved under the user's state directory
 *
 * A wizard's form is saved as it changes, so that closing the window, a crash or a
 * failed send loses nothing. Each draft is one GVariant (type "a{sv}") written
 * atomically (g_file_replace_contents_async) to
 * $XDG_STATE_HOME/smart-account-desk/drafts/NAME.gvariant.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Well-known draft names. */
#define SA_DRAFT_ACCOUNT_REQUEST "account-request"
#define SA_DRAFT_ACCESS_REQUEST  "access-request"

/* The draft file of @name (a-z, 0-9 and '-' only). Free with g_object_unref(). */
GFile    *sa_draft_get_file     (const char          *name);
/* Saves @value (floating references are sunk; must be of type "a{sv}"). Writes
 * are serialised per name: the last one wins. */
void      sa_draft_save_async   (const char          *name,
                                 GVariant            *value,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);
gboolean  sa_draft_save_finish  (GAsyncResult        *result,
                                 GError             **error);
/* Loads the draft; NULL with no error when there is none; a corrupt file gives
 * G_IO_ERROR_INVALID_DATA. Returns a new "a{sv}" GVariant. */
void      sa_draft_load_async   (const char          *name,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);
GVariant *sa_draft_load_finish  (GAsyncResult        *result,
                                 GError             **error);
/* Removes the draft (no error when there is none). */
void      sa_draft_remove_async (const char          *name,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);
gboolean  sa_draft_remove_finish (GAsyncResult       *result,
                                  GError            **error);

G_END_DECLS
