/* sa-cisco-credentials.c — the Cisco API application's credentials, in the keyring
 *
 * Follows sa-credentials.c (the sign-in schema), through the same keyring
 * calls (sa-credentials-keyring.c): the same error domain and codes, secrets
 * wiped before they are freed; only the schema, its attributes and the
 * sentences differ, and the store replaces what the identity provider had.
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

/* What the Cisco API application's keyring failures say (sorted as for the
 * sign-in): about the Client Secret. */
static const SaCredentialsSentences sentences = {
  .unavailable = N_("No keyring is available on this desktop, and the Client Secret is kept nowhere else. Start the desktop's keyring, then enter the Client Secret again."),
  .locked = N_("Your keyring is locked. Unlock it so that the Client Secret of your Cisco API application can be read or stored."),
  .failed = N_("The keyring could not be used for the Client Secret of your Cisco API application. Try again."),
};

static void
return_invalid (GTask *task)
{
  g_task_return_new_error (task, SA_CREDENTIALS_ERROR, SA_CREDENTIALS_ERROR_FAILED, "%s",
                           _("The Client ID or Client Secret is empty or not valid. Copy both again from your Cisco API application."));
}

/* ------------------------------------------------------------------------ */
/* Store: what was stored for the same identity provider is replaced. */

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
  g_autoptr(GHashTable) provider = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sa_cisco_credentials_store_async);

  if (!is_valid_value (identity_uri) || !is_valid_value (client_id) ||
      !is_valid_value (client_secret))
    {
      return_invalid (task);
      return;
    }

  /* Translators: the label of the keyring item, shown by Passwords and Keys;
   * %s is the Client ID of the user's Cisco API application */
  label = g_strdup_printf (_("Smart Account Desk: Cisco API application %s"), client_id);
  provider = sa_credentials_attributes_new ("identity-provider", identity_uri, NULL);
  attributes = sa_credentials_attributes_new ("identity-provider", identity_uri,
                                              "client-id", client_id, NULL);
  sa_credentials_keyring_store (g_steal_pointer (&task), &sentences, &schema,
                                provider, attributes, label, client_secret);
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
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sa_cisco_credentials_lookup_async);

  if (!is_valid_value (identity_uri))
    {
      return_invalid (task);
      return;
    }

  attributes = sa_credentials_attributes_new ("identity-provider", identity_uri, NULL);
  sa_credentials_keyring_lookup (g_steal_pointer (&task), &sentences, &schema,
                                 attributes, "client-id");
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
  if (client_id != NULL)
    *client_id = NULL;
  if (client_secret != NULL)
    *client_secret = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_cisco_credentials_lookup_async, FALSE);

  return sa_credentials_keyring_found (G_TASK (result), client_id, client_secret, error);
}

/* ------------------------------------------------------------------------ */
/* Clear */

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
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sa_cisco_credentials_clear_async);

  if (!is_valid_value (identity_uri))
    {
      return_invalid (task);
      return;
    }

  attributes = sa_credentials_attributes_new ("identity-provider", identity_uri, NULL);
  sa_credentials_keyring_clear (g_steal_pointer (&task), &sentences, &schema, attributes);
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
