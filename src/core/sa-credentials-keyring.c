/* sa-credentials-keyring.c — the keyring calls core's credential schemas share
 *
 * The sign-in's credentials (sa-credentials.c) and the Cisco API
 * application's (cisco/sa-cisco-credentials.c) are stored, found and cleared
 * the same way: one error domain and its codes, the newest item when several
 * match, secrets wiped before they are freed. Only the schema, its attributes
 * and the sentences differ; the callers pass them in, and complete their own
 * GTask through these calls (so their source tags and finish functions stay).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-credentials-private.h"

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

/**
 * sa_credentials_map_error:
 * @error: (transfer full): a keyring error
 * @cancellable: (nullable): the caller's #GCancellable
 * @sentences: what the schema says for each code
 *
 * Maps a keyring error to SA_CREDENTIALS_ERROR (sorted by
 * sa_credentials_classify_error()) with the schema's sentence that says what
 * to do.
 *
 * Returns: (transfer full): the %SA_CREDENTIALS_ERROR, or @error itself when
 *   it is a cancellation the caller asked for (%G_IO_ERROR_CANCELLED)
 */
GError *
sa_credentials_map_error (GError                       *error,
                          GCancellable                 *cancellable,
                          const SaCredentialsSentences *sentences)
{
  g_autoptr(GError) owned = error;
  int code = sa_credentials_classify_error (error, cancellable);
  const char *sentence;

  switch (code)
    {
    case -1:
      return g_steal_pointer (&owned);
    case SA_CREDENTIALS_ERROR_UNAVAILABLE:
      sentence = sentences->unavailable;
      break;
    case SA_CREDENTIALS_ERROR_LOCKED:
      sentence = sentences->locked;
      break;
    case SA_CREDENTIALS_ERROR_FAILED:
    default:
      code = SA_CREDENTIALS_ERROR_FAILED;
      sentence = sentences->failed;
      break;
    }

  return g_error_new_literal (SA_CREDENTIALS_ERROR, code,
                              g_dgettext (GETTEXT_PACKAGE, sentence));
}

/**
 * sa_credentials_attributes_new:
 * @first_name: the first attribute's name (a static string of the schema)
 * @...: its value (copied), then more name and value pairs, ending with %NULL
 *
 * Builds the attribute table that sa_credentials_keyring_store(), _lookup()
 * and _clear() take: the schema's attribute names and their string values.
 *
 * Returns: (transfer full): the table
 */
GHashTable *
sa_credentials_attributes_new (const char *first_name,
                               ...)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  va_list args;

  va_start (args, first_name);
  for (const char *name = first_name; name != NULL; name = va_arg (args, const char *))
    g_hash_table_insert (attributes, (gpointer) name, g_strdup (va_arg (args, const char *)));
  va_end (args);

  return attributes;
}

/* ------------------------------------------------------------------------ */
/* One call: what its callbacks need, kept as the task's data. */

typedef struct
{
  const SaCredentialsSentences *sentences;
  const SecretSchema *schema;
  GHashTable *attributes;
  char *label;
  char *secret;
  char *user_attribute;
} Call;

static void
call_free (gpointer data)
{
  Call *call = data;

  g_clear_pointer (&call->attributes, g_hash_table_unref);
  g_free (call->label);
  sa_credentials_free_password (call->secret);
  g_free (call->user_attribute);
  g_free (call);
}

static Call *
call_new (GTask                        *task,
          const SaCredentialsSentences *sentences,
          const SecretSchema           *schema,
          GHashTable                   *attributes)
{
  Call *call = g_new0 (Call, 1);

  call->sentences = sentences;
  call->schema = schema;
  call->attributes = g_hash_table_ref (attributes);
  g_task_set_task_data (task, call, call_free);
  return call;
}

/* Completes @task with the keyring error, mapped. */
static void
return_keyring_error (GTask  *task,
                      GError *error)
{
  Call *call = g_task_get_task_data (task);

  g_task_return_error (task, sa_credentials_map_error (error, g_task_get_cancellable (task),
                                                       call->sentences));
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
      return_keyring_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
store (GTask *task)
{
  Call *call = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  secret_password_storev (call->schema, call->attributes, SECRET_COLLECTION_DEFAULT,
                          call->label, call->secret,
                          cancellable, on_stored, task);
}

/* Whether the clear went through (FALSE without an error: there was nothing
 * to remove, which is fine); otherwise completes @task with the error. */
static gboolean
finish_clear (GTask        *task,
              GAsyncResult *result)
{
  g_autoptr(GError) error = NULL;

  if (!secret_password_clear_finish (result, &error) && error != NULL)
    {
      return_keyring_error (task, g_steal_pointer (&error));
      return FALSE;
    }

  return TRUE;
}

static void
on_cleared_before_store (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  if (finish_clear (task, result))
    store (g_steal_pointer (&task));
}

/**
 * sa_credentials_keyring_store:
 * @task: (transfer full): the caller's task, completed with a boolean or an
 *   error of sa_credentials_map_error()
 * @sentences: the schema's sentences for keyring failures
 * @schema: the keyring schema
 * @clear_first: (nullable): attributes of the items to remove before storing
 *   (what the new item replaces), or %NULL to store at once
 * @attributes: the new item's attributes (string to string)
 * @label: the item's label, shown by Passwords and Keys
 * @secret: the secret; copied, never logged, wiped when the call ends
 *
 * Stores @secret in the default collection: the "store" step of both
 * credential schemas (the sign-in's "Remember me", the Cisco API
 * application's credentials). Takes the task's data.
 */
void
sa_credentials_keyring_store (GTask                        *task,
                              const SaCredentialsSentences *sentences,
                              const SecretSchema           *schema,
                              GHashTable                   *clear_first,
                              GHashTable                   *attributes,
                              const char                   *label,
                              const char                   *secret)
{
  Call *call = call_new (task, sentences, schema, attributes);

  call->label = g_strdup (label);
  call->secret = g_strdup (secret);

  if (clear_first == NULL)
    {
      store (task);
      return;
    }

  secret_password_clearv (schema, clear_first, g_task_get_cancellable (task),
                          on_cleared_before_store, task);
}

/* ------------------------------------------------------------------------ */
/* Lookup */

typedef struct
{
  char *user;
  char *secret;
} Found;

static void
found_free (gpointer data)
{
  Found *found = data;

  g_free (found->user);
  sa_credentials_free_password (found->secret);
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
  Call *call = g_task_get_task_data (task);
  SecretValue *value;
  Found *found;

  value = secret_retrievable_retrieve_secret_finish (SECRET_RETRIEVABLE (object), result, &error);
  if (value == NULL)
    {
      if (error == NULL)
        g_set_error_literal (&error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED, "no secret");
      return_keyring_error (task, g_steal_pointer (&error));
      return;
    }

  attributes = secret_retrievable_get_attributes (SECRET_RETRIEVABLE (object));
  found = g_new0 (Found, 1);
  found->user = g_strdup (g_hash_table_lookup (attributes, call->user_attribute));
  found->secret = g_strdup (secret_value_get_text (value));
  secret_value_unref (value);

  if (found->user == NULL || found->secret == NULL)
    {
      found_free (found);
      return_keyring_error (task, g_error_new_literal (SECRET_ERROR, SECRET_ERROR_PROTOCOL,
                                                       "not a text secret"));
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
      return_keyring_error (task, g_steal_pointer (&error));
      return;
    }

  /* Several items (users of one server): the one stored last. */
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
      /* The unlock prompt was dismissed. */
      return_keyring_error (task, g_error_new_literal (SECRET_ERROR, SECRET_ERROR_IS_LOCKED,
                                                       "still locked"));
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
 * sa_credentials_keyring_lookup:
 * @task: (transfer full): the caller's task, completed for
 *   sa_credentials_keyring_found()
 * @sentences: the schema's sentences for keyring failures
 * @schema: the keyring schema
 * @attributes: the attributes the items must have (string to string)
 * @user_attribute: the attribute that names the user ("username",
 *   "client-id"), returned with the secret
 *
 * Finds the newest item that matches, unlocking the keyring when it is locked
 * (the desktop may prompt): the "lookup" step of both credential schemas. An
 * item without @user_attribute or without a text secret fails with
 * %SA_CREDENTIALS_ERROR_FAILED. Takes the task's data.
 */
void
sa_credentials_keyring_lookup (GTask                        *task,
                               const SaCredentialsSentences *sentences,
                               const SecretSchema           *schema,
                               GHashTable                   *attributes,
                               const char                   *user_attribute)
{
  Call *call = call_new (task, sentences, schema, attributes);

  call->user_attribute = g_strdup (user_attribute);
  secret_password_searchv (schema, attributes,
                           SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK | SECRET_SEARCH_LOAD_SECRETS,
                           g_task_get_cancellable (task), on_searched, task);
}

/**
 * sa_credentials_keyring_found:
 * @task: a task completed by sa_credentials_keyring_lookup()
 * @user: (out) (transfer full) (optional) (nullable): the user attribute's
 *   value, or %NULL when nothing is stored
 * @secret: (out) (transfer full) (optional) (nullable): the secret, or %NULL;
 *   free it with sa_credentials_free_password()
 * @error: return location for a #GError, or %NULL
 *
 * The lookup's result, for the callers' finish functions.
 *
 * Returns: %TRUE when the keyring answered (both out values %NULL when nothing
 *   is stored); %FALSE with %SA_CREDENTIALS_ERROR_UNAVAILABLE,
 *   %SA_CREDENTIALS_ERROR_LOCKED, %SA_CREDENTIALS_ERROR_FAILED or
 *   %G_IO_ERROR_CANCELLED
 */
gboolean
sa_credentials_keyring_found (GTask   *task,
                              char   **user,
                              char   **secret,
                              GError **error)
{
  Found *found;

  found = g_task_propagate_pointer (task, error);
  if (found == NULL)
    return FALSE;

  if (user != NULL)
    *user = g_steal_pointer (&found->user);
  if (secret != NULL)
    *secret = g_steal_pointer (&found->secret);

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

  if (finish_clear (task, result))
    g_task_return_boolean (task, TRUE);
}

/**
 * sa_credentials_keyring_clear:
 * @task: (transfer full): the caller's task, completed with a boolean (%TRUE
 *   also when nothing matched) or an error of sa_credentials_map_error()
 * @sentences: the schema's sentences for keyring failures
 * @schema: the keyring schema
 * @attributes: the attributes of the items to remove (string to string)
 *
 * Removes every matching item: the "clear" (forget) step of both credential
 * schemas. Takes the task's data.
 */
void
sa_credentials_keyring_clear (GTask                        *task,
                              const SaCredentialsSentences *sentences,
                              const SecretSchema           *schema,
                              GHashTable                   *attributes)
{
  call_new (task, sentences, schema, attributes);
  secret_password_clearv (schema, attributes, g_task_get_cancellable (task), on_cleared, task);
}
