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

/**
 * sa_credentials_classify_error:
 * @error: a libsecret, D-Bus or GIO error from a keyring call
 * @cancellable: (nullable): the caller's #GCancellable
 *
 * Sorts a keyring failure into SA_CREDENTIALS_ERROR's codes, for the keyring
 * schemas of core (the sign-in's and the Cisco API application's): a locked
 * keyring or a dismissed unlock prompt is LOCKED, no secret service (no
 * D-Bus, nothing answering) is UNAVAILABLE, anything else FAILED. The debug
 * log gets the raw message.
 *
 * Returns: the code, or -1 when @error is a cancellation the caller asked for
 *   (it stays %G_IO_ERROR_CANCELLED)
 */
int
sa_credentials_classify_error (const GError *error,
                               GCancellable *cancellable)
{
  g_debug ("Keyring error: %s", error->message);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* Not asked for: the unlock prompt was dismissed. */
    return g_cancellable_is_cancelled (cancellable) ? -1 : SA_CREDENTIALS_ERROR_LOCKED;
  if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    return SA_CREDENTIALS_ERROR_LOCKED;
  if (error->domain == G_DBUS_ERROR ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CLOSED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_DBUS_ERROR) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
    return SA_CREDENTIALS_ERROR_UNAVAILABLE;

  return SA_CREDENTIALS_ERROR_FAILED;
}

/* Maps a keyring error to SA_CREDENTIALS_ERROR with a sentence that says what
 * to do; a cancellation the caller asked for stays G_IO_ERROR_CANCELLED. */
static GError *
map_error (GError       *error,
           GCancellable *cancellable)
{
  g_autoptr(GError) owned = error;

  switch (sa_credentials_classify_error (error, cancellable))
    {
    case -1:
      return g_steal_pointer (&owned);
    case SA_CREDENTIALS_ERROR_UNAVAILABLE:
      return g_error_new_literal (SA_CREDENTIALS_ERROR, SA_CREDENTIALS_ERROR_UNAVAILABLE,
                                  _("No keyring is available on this desktop, so your password cannot be remembered. You will be asked for it when you sign in."));
    case SA_CREDENTIALS_ERROR_LOCKED:
      return g_error_new_literal (SA_CREDENTIALS_ERROR, SA_CREDENTIALS_ERROR_LOCKED,
                                  _("Your keyring is locked. Unlock it to use the remembered password, or sign in with your password."));
    case SA_CREDENTIALS_ERROR_FAILED:
    default:
      return g_error_new_literal (SA_CREDENTIALS_ERROR, SA_CREDENTIALS_ERROR_FAILED,
                                  _("The keyring could not be used. Sign in with your password."));
    }
}

static void
return_invalid (GTask *task)
{
  g_task_return_new_error (task, SA_CREDENTIALS_ERROR, SA_CREDENTIALS_ERROR_FAILED,
                           "%s", _("The server address or user name is not valid."));
}

/* ------------------------------------------------------------------------ */
/* Store */

static void
on_stored (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      g_task_return_error (task, map_error (g_steal_pointer (&error),
                                            g_task_get_cancellable (task)));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

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

  secret_password_store (&schema, SECRET_COLLECTION_DEFAULT, label, password,
                         cancellable, on_stored, g_steal_pointer (&task),
                         "server", key,
                         "username", username,
                         NULL);
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

typedef struct
{
  char *username;
  char *password;
} Credentials;

static void
credentials_free (gpointer data)
{
  Credentials *credentials = data;

  g_free (credentials->username);
  sa_credentials_free_password (credentials->password);
  g_free (credentials);
}

static void
on_secret_retrieved (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  SecretValue *value;
  Credentials *credentials;
  const char *text;

  value = secret_retrievable_retrieve_secret_finish (SECRET_RETRIEVABLE (object), result, &error);
  if (value == NULL)
    {
      if (error == NULL)
        g_set_error_literal (&error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED, "no secret");
      g_task_return_error (task, map_error (g_steal_pointer (&error),
                                            g_task_get_cancellable (task)));
      return;
    }

  text = secret_value_get_text (value);
  attributes = secret_retrievable_get_attributes (SECRET_RETRIEVABLE (object));

  credentials = g_new0 (Credentials, 1);
  credentials->username = g_strdup (g_hash_table_lookup (attributes, "username"));
  credentials->password = g_strdup (text);
  secret_value_unref (value);

  if (credentials->username == NULL || credentials->password == NULL)
    {
      credentials_free (credentials);
      g_task_return_new_error (task, SA_CREDENTIALS_ERROR, SA_CREDENTIALS_ERROR_FAILED,
                               "%s", _("The keyring could not be used. Sign in with your password."));
      return;
    }

  g_task_return_pointer (task, credentials, credentials_free);
}

static void
on_searched (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GList *items;
  SecretRetrievable *newest = NULL;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      g_list_free_full (items, g_object_unref);
      g_task_return_error (task, map_error (g_steal_pointer (&error),
                                            g_task_get_cancellable (task)));
      return;
    }

  /* Several users for one server: the one stored last. */
  for (GList *l = items; l != NULL; l = l->next)
    {
      SecretRetrievable *item = l->data;

      if (newest == NULL ||
          secret_retrievable_get_modified (item) > secret_retrievable_get_modified (newest))
        newest = item;
    }

  if (newest == NULL)
    {
      g_task_return_pointer (task, g_new0 (Credentials, 1), credentials_free);
    }
  else if (SECRET_IS_ITEM (newest) && secret_item_get_locked (SECRET_ITEM (newest)))
    {
      /* The unlock prompt was dismissed. */
      g_task_return_error (task, map_error (g_error_new_literal (SECRET_ERROR, SECRET_ERROR_IS_LOCKED,
                                                                 "still locked"),
                                            g_task_get_cancellable (task)));
    }
  else
    {
      /* Read the cancellable first: argument evaluation order is unspecified,
       * and g_steal_pointer() below empties @task. */
      GCancellable *cancellable = g_task_get_cancellable (task);

      secret_retrievable_retrieve_secret (newest, cancellable,
                                          on_secret_retrieved, g_steal_pointer (&task));
    }

  g_list_free_full (items, g_object_unref);
}

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

  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sa_credentials_lookup_async);

  if (!is_valid_server (server))
    {
      return_invalid (task);
      return;
    }

  key = normalize_server (server);
  secret_password_search (&schema, SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK | SECRET_SEARCH_LOAD_SECRETS,
                          cancellable, on_searched, g_steal_pointer (&task),
                          "server", key,
                          NULL);
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
  Credentials *credentials;

  if (username != NULL)
    *username = NULL;
  if (password != NULL)
    *password = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_credentials_lookup_async, FALSE);

  credentials = g_task_propagate_pointer (G_TASK (result), error);
  if (credentials == NULL)
    return FALSE;

  if (username != NULL)
    *username = g_steal_pointer (&credentials->username);
  if (password != NULL)
    *password = g_steal_pointer (&credentials->password);

  credentials_free (credentials);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Clear */

static void
on_cleared (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* FALSE without an error: there was nothing to remove. */
  if (!secret_password_clear_finish (result, &error) && error != NULL)
    {
      g_task_return_error (task, map_error (g_steal_pointer (&error),
                                            g_task_get_cancellable (task)));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

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

  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sa_credentials_clear_async);

  if (!is_valid_server (server))
    {
      return_invalid (task);
      return;
    }

  key = normalize_server (server);
  secret_password_clear (&schema, cancellable, on_cleared, g_steal_pointer (&task),
                         "server", key,
                         NULL);
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
