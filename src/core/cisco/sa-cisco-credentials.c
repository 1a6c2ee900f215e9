/* sa-cisco-credentials.c — the Cisco API application's credentials, in the keyring
 *
 * Follows sa-credentials.c (the sign-in schema): designated initializers, the
 * same error domain and codes, secrets wiped before they are freed; only the
 * schema, its attributes and the sentences differ.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sa-cisco"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sa-cisco-credentials.h"
#include "sa-credentials-private.h"

#define MAX_VALUE_LENGTH 2048

static const SecretSchema schema = {
  .name = APPLICATION_ID_BASE ".CiscoApi",
  .flags = SECRET_SCHEMA_NONE,
  .attributes = {
    { .name = "identity-provider", .type = SECRET_SCHEMA_ATTRIBUTE_STRING },
    { .name = "client-id", .type = SECRET_SCHEMA_ATTRIBUTE_STRING },
    { .name = NULL, .type = 0 },
  },
};

/**
 * sa_cisco_credentials_get_schema:
 *
 * The libsecret schema of the Cisco API credentials: named after the
 * application ID plus ".CiscoApi", with the string attributes
 * "identity-provider" (the token endpoint) and "client-id".
 *
 * Returns: (transfer none): the static schema
 */
const SecretSchema *
sa_cisco_credentials_get_schema (void)
{
  return &schema;
}

/**
 * sa_cisco_credentials_free_secret:
 * @client_secret: (nullable) (transfer full): a Client Secret from
 *   sa_cisco_credentials_lookup_finish()
 *
 * Overwrites the secret's bytes with zeros, then frees it.
 */
void
sa_cisco_credentials_free_secret (char *client_secret)
{
  sa_credentials_free_password (client_secret);
}

static gboolean
is_valid_value (const char *value)
{
  return value != NULL && *value != '\0' && strlen (value) <= MAX_VALUE_LENGTH &&
         g_utf8_validate (value, -1, NULL);
}

/* Maps a keyring error to SA_CREDENTIALS_ERROR (sorted as for the sign-in)
 * with a sentence about the Client Secret; a cancellation the caller asked
 * for stays G_IO_ERROR_CANCELLED. */
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
                                  _("No keyring is available on this desktop, and the Client Secret is kept nowhere else. Start the desktop's keyring, then enter the Client Secret again."));
    case SA_CREDENTIALS_ERROR_LOCKED:
      return g_error_new_literal (SA_CREDENTIALS_ERROR, SA_CREDENTIALS_ERROR_LOCKED,
                                  _("Your keyring is locked. Unlock it so that the Client Secret of your Cisco API application can be read or stored."));
    case SA_CREDENTIALS_ERROR_FAILED:
    default:
      return g_error_new_literal (SA_CREDENTIALS_ERROR, SA_CREDENTIALS_ERROR_FAILED,
                                  _("The keyring could not be used for the Client Secret of your Cisco API application. Try again."));
    }
}

static void
return_invalid (GTask *task)
{
  g_task_return_new_error (task, SA_CREDENTIALS_ERROR, SA_CREDENTIALS_ERROR_FAILED, "%s",
                           _("The Client ID or Client Secret is empty or not valid. Copy both again from your Cisco API application."));
}

/* ------------------------------------------------------------------------ */
/* Store: what was stored for the same identity provider is replaced. */

typedef struct
{
  char *identity_uri;
  char *client_id;
  char *client_secret;
} StoreData;

static void
store_data_free (gpointer data)
{
  StoreData *store = data;

  g_free (store->identity_uri);
  g_free (store->client_id);
  sa_cisco_credentials_free_secret (store->client_secret);
  g_free (store);
}

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

static void
on_cleared_before_store (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  StoreData *store = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autofree char *label = NULL;

  if (!secret_password_clear_finish (result, &error) && error != NULL)
    {
      g_task_return_error (task, map_error (g_steal_pointer (&error), cancellable));
      return;
    }

  /* Translators: the label of the keyring item, shown by Passwords and Keys;
   * %s is the Client ID of the user's Cisco API application */
  label = g_strdup_printf (_("Smart Account Desk: Cisco API application %s"), store->client_id);

  secret_password_store (&schema, SECRET_COLLECTION_DEFAULT, label, store->client_secret,
                         cancellable, on_stored, g_steal_pointer (&task),
                         "identity-provider", store->identity_uri,
                         "client-id", store->client_id,
                         NULL);
}

/**
 * sa_cisco_credentials_store_async:
 * @identity_uri: the identity provider's token endpoint, as
 *   sa_cisco_api_get_identity_uri() gives it
 * @client_id: the Client ID of the user's Cisco API application
 * @client_secret: its Client Secret; copied into the keyring request, never
 *   logged, wiped afterwards
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Stores the Cisco API application's credentials in the desktop keyring, and
 * nowhere else (issue 9, "Connection and credentials"), replacing whatever was
 * stored for @identity_uri (another Client ID included).
 */
void
sa_cisco_credentials_store_async (const char          *identity_uri,
                                  const char          *client_id,
                                  const char          *client_secret,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  StoreData *store;

  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sa_cisco_credentials_store_async);

  if (!is_valid_value (identity_uri) || !is_valid_value (client_id) ||
      !is_valid_value (client_secret))
    {
      return_invalid (task);
      return;
    }

  store = g_new0 (StoreData, 1);
  store->identity_uri = g_strdup (identity_uri);
  store->client_id = g_strdup (client_id);
  store->client_secret = g_strdup (client_secret);
  g_task_set_task_data (task, store, store_data_free);

  secret_password_clear (&schema, cancellable, on_cleared_before_store, g_steal_pointer (&task),
                         "identity-provider", identity_uri,
                         NULL);
}

/**
 * sa_cisco_credentials_store_finish:
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE when stored; otherwise %FALSE with
 *   %SA_CREDENTIALS_ERROR_UNAVAILABLE, %SA_CREDENTIALS_ERROR_LOCKED,
 *   %SA_CREDENTIALS_ERROR_FAILED or %G_IO_ERROR_CANCELLED
 */
gboolean
sa_cisco_credentials_store_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_cisco_credentials_store_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* Lookup */

typedef struct
{
  char *client_id;
  char *client_secret;
} Found;

static void
found_free (gpointer data)
{
  Found *found = data;

  g_free (found->client_id);
  sa_cisco_credentials_free_secret (found->client_secret);
  g_free (found);
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
  Found *found;

  value = secret_retrievable_retrieve_secret_finish (SECRET_RETRIEVABLE (object), result, &error);
  if (value == NULL)
    {
      if (error == NULL)
        g_set_error_literal (&error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED, "no secret");
      g_task_return_error (task, map_error (g_steal_pointer (&error),
                                            g_task_get_cancellable (task)));
      return;
    }

  attributes = secret_retrievable_get_attributes (SECRET_RETRIEVABLE (object));
  found = g_new0 (Found, 1);
  found->client_id = g_strdup (g_hash_table_lookup (attributes, "client-id"));
  found->client_secret = g_strdup (secret_value_get_text (value));
  secret_value_unref (value);

  if (found->client_id == NULL || found->client_secret == NULL)
    {
      found_free (found);
      g_task_return_error (task, map_error (g_error_new_literal (SECRET_ERROR, SECRET_ERROR_PROTOCOL,
                                                                 "not a text secret"),
                                            g_task_get_cancellable (task)));
      return;
    }

  g_task_return_pointer (task, found, found_free);
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

  for (GList *l = items; l != NULL; l = l->next)
    {
      SecretRetrievable *item = l->data;

      if (newest == NULL ||
          secret_retrievable_get_modified (item) > secret_retrievable_get_modified (newest))
        newest = item;
    }

  if (newest == NULL)
    {
      g_task_return_pointer (task, g_new0 (Found, 1), found_free);
    }
  else if (SECRET_IS_ITEM (newest) && secret_item_get_locked (SECRET_ITEM (newest)))
    {
      g_task_return_error (task, map_error (g_error_new_literal (SECRET_ERROR, SECRET_ERROR_IS_LOCKED,
                                                                 "still locked"),
                                            g_task_get_cancellable (task)));
    }
  else
    {
      GCancellable *cancellable = g_task_get_cancellable (task);

      secret_retrievable_retrieve_secret (newest, cancellable,
                                          on_secret_retrieved, g_steal_pointer (&task));
    }

  g_list_free_full (items, g_object_unref);
}

/**
 * sa_cisco_credentials_lookup_async:
 * @identity_uri: the identity provider's token endpoint
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Finds the credentials stored for @identity_uri, unlocking the keyring when
 * it is locked (the desktop may prompt): the Cisco connection's start-up.
 */
void
sa_cisco_credentials_lookup_async (const char          *identity_uri,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sa_cisco_credentials_lookup_async);

  if (!is_valid_value (identity_uri))
    {
      return_invalid (task);
      return;
    }

  secret_password_search (&schema, SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK | SECRET_SEARCH_LOAD_SECRETS,
                          cancellable, on_searched, g_steal_pointer (&task),
                          "identity-provider", identity_uri,
                          NULL);
}

/**
 * sa_cisco_credentials_lookup_finish:
 * @result: the #GAsyncResult
 * @client_id: (out) (transfer full) (optional) (nullable): the Client ID, or
 *   %NULL when nothing is stored
 * @client_secret: (out) (transfer full) (optional) (nullable): the Client
 *   Secret, or %NULL; free it with sa_cisco_credentials_free_secret()
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE when the keyring answered (both out values %NULL when nothing
 *   is stored); %FALSE with %SA_CREDENTIALS_ERROR_UNAVAILABLE,
 *   %SA_CREDENTIALS_ERROR_LOCKED, %SA_CREDENTIALS_ERROR_FAILED or
 *   %G_IO_ERROR_CANCELLED
 */
gboolean
sa_cisco_credentials_lookup_finish (GAsyncResult  *result,
                                    char         **client_id,
                                    char         **client_secret,
                                    GError       **error)
{
  Found *found;

  if (client_id != NULL)
    *client_id = NULL;
  if (client_secret != NULL)
    *client_secret = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_cisco_credentials_lookup_async, FALSE);

  found = g_task_propagate_pointer (G_TASK (result), error);
  if (found == NULL)
    return FALSE;

  if (client_id != NULL)
    *client_id = g_steal_pointer (&found->client_id);
  if (client_secret != NULL)
    *client_secret = g_steal_pointer (&found->client_secret);

  found_free (found);
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
 * sa_cisco_credentials_clear_async:
 * @identity_uri: the identity provider's token endpoint
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Forgets the credentials stored for @identity_uri (Preferences: "Forget").
 */
void
sa_cisco_credentials_clear_async (const char          *identity_uri,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sa_cisco_credentials_clear_async);

  if (!is_valid_value (identity_uri))
    {
      return_invalid (task);
      return;
    }

  secret_password_clear (&schema, cancellable, on_cleared, g_steal_pointer (&task),
                         "identity-provider", identity_uri,
                         NULL);
}

/**
 * sa_cisco_credentials_clear_finish:
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE when removed, or nothing was stored; otherwise %FALSE with
 *   %SA_CREDENTIALS_ERROR_UNAVAILABLE, %SA_CREDENTIALS_ERROR_LOCKED,
 *   %SA_CREDENTIALS_ERROR_FAILED or %G_IO_ERROR_CANCELLED
 */
gboolean
sa_cisco_credentials_clear_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_cisco_credentials_clear_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
