/* sa-credentials.c — remembered sign-in credentials, in the desktop keyring only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "sa-credentials-private.h"

G_DEFINE_QUARK (sa-credentials-error-quark, sa_credentials_error)

static const SecretSchema schema = {
  .name = "io.github.sadesk.SmartAccountDesk",
  .flags = SECRET_SCHEMA_NONE,
  .attributes = {
    { .name = "server", .type = SECRET_SCHEMA_ATTRIBUTE_STRING },
    { .name = "username", .type = SECRET_SCHEMA_ATTRIBUTE_STRING },
    { .name = NULL, .type = 0 },
  },
};

/**
 * sa_credentials_get_schema:
 *
 * The libsecret schema of the remembered credentials: named after the
 * application ID, with the string attributes "server" (the base URI) and
 * "username".
 *
 * Returns: (transfer none): the static schema
 */
const SecretSchema *
sa_credentials_get_schema (void)
{
  return &schema;
}

/* Wipes a string the compiler cannot prove unused afterwards. */
static void
wipe (char *str)
{
  if (str != NULL)
    explicit_bzero (str, strlen (str));
}

/**
 * sa_credentials_free_password:
 * @password: (nullable) (transfer full): a password from
 *   sa_credentials_lookup_finish(), or any string holding a secret
 *
 * Overwrites the password's bytes with zeros, then frees it, so that it does
 * not linger in freed memory.
 */
void
sa_credentials_free_password (char *password)
{
  if (password == NULL)
    return;

  wipe (password);
  g_free (password);
}

/* Keys are compared in one form: a trailing "/" is added (the client's base
 * URI always has one). */
static char *
normalize_server (const char *server)
{
  if (g_str_has_suffix (server, "/"))
    return g_strdup (server);

  return g_strconcat (server, "/", NULL);
}

static gboolean
is_valid_server (const char *server)
{
  return server != NULL && *server != '\0' && g_utf8_validate (server, -1, NULL) &&
         strlen (server) <= 2048;
}

/* What the sign-in's keyring failures say: what to do instead. */
static const SaCredentialsSentences sentences = {
  .unavailable = N_("No keyring is available on this desktop, so your password cannot be remembered. You will be asked for it when you sign in."),
  .locked = N_("Your keyring is locked. Unlock it to use the remembered password, or sign in with your password."),
  .failed = N_("The keyring could not be used. Sign in with your password."),
};

static void
return_invalid (GTask *task)
{
  g_task_return_new_error (task, SA_CREDENTIALS_ERROR, SA_CREDENTIALS_ERROR_FAILED,
                           "%s", _("The server address or user name is not valid."));
}

/* ------------------------------------------------------------------------ */
/* Store */

/**
 * sa_credentials_store_async:
 * @server: the server's base URI, as sa_client_get_base_uri() gives it
 * @username: the user name
 * @password: the password; copied into the keyring request, never logged
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Remembers the credentials in the desktop keyring (the sign-in dialog's
 * "Remember me"), replacing what was stored for the same server and user. The
 * item's label names the user and the server. Nothing else stores a password.
 */
void
sa_credentials_store_async (const char          *server,
                            const char          *username,
                            const char          *password,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *key = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sa_credentials_store_async);

  if (!is_valid_server (server) ||
      username == NULL || *username == '\0' || !g_utf8_validate (username, -1, NULL) ||
      password == NULL || *password == '\0')
    {
      return_invalid (task);
      return;
    }

  key = normalize_server (server);
  /* Translators: the label of the keyring item, shown by Passwords and Keys;
   * the first %s is a user name, the second a server address */
  label = g_strdup_printf (_("Smart Account Desk: %s on %s"), username, key);

  attributes = sa_credentials_attributes_new ("server", key, "username", username, NULL);
  sa_credentials_keyring_store (g_steal_pointer (&task), &sentences, &schema,
                                NULL, attributes, label, password);
}

/**
 * sa_credentials_store_finish:
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE when stored; otherwise %FALSE with
 *   %SA_CREDENTIALS_ERROR_UNAVAILABLE (no keyring), %SA_CREDENTIALS_ERROR_LOCKED
 *   (locked and not unlocked), %SA_CREDENTIALS_ERROR_FAILED or
 *   %G_IO_ERROR_CANCELLED
 */
gboolean
sa_credentials_store_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_credentials_store_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* Lookup */

/**
 * sa_credentials_lookup_async:
 * @server: the server's base URI, as sa_client_get_base_uri() gives it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Finds the credentials remembered for @server, unlocking the keyring when it
 * is locked (the desktop may prompt): used to sign in without asking (Live
 * mode start-up, and renewing a session that expired in the middle of work).
 */
void
sa_credentials_lookup_async (const char          *server,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sa_credentials_lookup_async);

  if (!is_valid_server (server))
    {
      return_invalid (task);
      return;
    }

  key = normalize_server (server);
  attributes = sa_credentials_attributes_new ("server", key, NULL);
  sa_credentials_keyring_lookup (g_steal_pointer (&task), &sentences, &schema,
                                 attributes, "username");
}

/**
 * sa_credentials_lookup_finish:
 * @result: the #GAsyncResult
 * @username: (out) (transfer full) (optional) (nullable): the user name, or
 *   %NULL when nothing is remembered
 * @password: (out) (transfer full) (optional) (nullable): the password, or
 *   %NULL; free it with sa_credentials_free_password()
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE when the keyring answered (with both out values %NULL when
 *   nothing is remembered for the server); %FALSE with
 *   %SA_CREDENTIALS_ERROR_UNAVAILABLE, %SA_CREDENTIALS_ERROR_LOCKED,
 *   %SA_CREDENTIALS_ERROR_FAILED or %G_IO_ERROR_CANCELLED
 */
gboolean
sa_credentials_lookup_finish (GAsyncResult  *result,
                              char         **username,
                              char         **password,
                              GError       **error)
{
  if (username != NULL)
    *username = NULL;
  if (password != NULL)
    *password = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_credentials_lookup_async, FALSE);

  return sa_credentials_keyring_found (G_TASK (result), username, password, error);
}

/* ------------------------------------------------------------------------ */
/* Clear */

/**
 * sa_credentials_clear_async:
 * @server: the server's base URI, as sa_client_get_base_uri() gives it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Forgets every user's credentials for @server (sign out with "forget me", or
 * "Remember me" unticked).
 */
void
sa_credentials_clear_async (const char          *server,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sa_credentials_clear_async);

  if (!is_valid_server (server))
    {
      return_invalid (task);
      return;
    }

  key = normalize_server (server);
  attributes = sa_credentials_attributes_new ("server", key, NULL);
  sa_credentials_keyring_clear (g_steal_pointer (&task), &sentences, &schema, attributes);
}

/**
 * sa_credentials_clear_finish:
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE when removed, or nothing was remembered; otherwise %FALSE
 *   with %SA_CREDENTIALS_ERROR_UNAVAILABLE, %SA_CREDENTIALS_ERROR_LOCKED,
 *   %SA_CREDENTIALS_ERROR_FAILED or %G_IO_ERROR_CANCELLED
 */
gboolean
sa_credentials_clear_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_credentials_clear_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
