/* sa-desk-client-call.c — the Desk client's calls: the task data every call
 * carries (SaDeskCall, embedded first in an operation's own struct), the
 * finishes, and the reading of answers (one object, a list, refused fields)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sa-desk-client-private.h"

/* ------------------------------------------------------------------------ */
/* Tasks and their data */

/**
 * sa_desk_call_clear:
 * @call: an #SaDeskCall embedded in an operation's task data
 *
 * Frees what @call holds (not @call itself): for the free function of an
 * operation's own task-data struct.
 */
void
sa_desk_call_clear (SaDeskCall *call)
{
  g_clear_object (&call->msg);
  g_clear_pointer (&call->method, g_free);
  g_clear_pointer (&call->uri, g_free);
  g_clear_pointer (&call->body, g_bytes_unref);
  g_clear_pointer (&call->if_match, g_free);
  g_clear_object (&call->stream);
  if (call->limit_source != NULL)
    {
      g_source_destroy (call->limit_source);
      g_clear_pointer (&call->limit_source, g_source_unref);
    }
  if (call->caller_cancellable != NULL)
    {
      g_cancellable_disconnect (call->caller_cancellable, call->caller_cancel_id);
      g_clear_object (&call->caller_cancellable);
    }
  g_clear_object (&call->limit_cancellable);
  if (call->answer_bytes != NULL)
    {
      /* The token answer holds the access token. */
      if (call->is_token)
        explicit_bzero (call->answer_bytes->data, call->answer_bytes->len);
      g_clear_pointer (&call->answer_bytes, g_byte_array_unref);
    }
}

/* Frees a task's plain SaDeskCall. */
static void
call_free (gpointer call)
{
  sa_desk_call_clear (call);
  g_free (call);
}

static void
list_call_free (gpointer data)
{
  SaDeskListCall *list = data;

  sa_desk_call_clear (&list->call);
  g_free (list);
}

/**
 * sa_desk_task_new:
 * @self: an #SaDeskClient
 * @source_tag: the Desk function that starts the call (its finish checks it)
 * @call: (transfer full): the call, first member of the task data
 * @free_call: frees the task data
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Returns: (transfer full): a new task with @call as its data; the caller
 *   sets @call's answer
 */
GTask *
sa_desk_task_new (SaDeskClient        *self,
                  gpointer             source_tag,
                  SaDeskCall          *call,
                  GDestroyNotify       free_call,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  call->needs_json = TRUE;
  g_task_set_task_data (task, call, free_call);

  return task;
}

/**
 * sa_desk_call_task_new:
 * @self: an #SaDeskClient
 * @source_tag: the Desk function that starts the call
 * @answer: what to do with a 2xx answer
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Returns: (transfer full): a new task with a plain #SaDeskCall
 */
GTask *
sa_desk_call_task_new (SaDeskClient        *self,
                       gpointer             source_tag,
                       SaDeskAnswerFunc     answer,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  SaDeskCall *call = g_new0 (SaDeskCall, 1);

  call->answer = answer;
  return sa_desk_task_new (self, source_tag, call, call_free,
                           cancellable, callback, user_data);
}

/**
 * sa_desk_object_task_new:
 * @self: an #SaDeskClient
 * @source_tag: the Desk function that starts the call
 * @parse: builds the domain object from the answer's JSON object
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Returns: (transfer full): a new task whose 2xx answer is one object
 */
GTask *
sa_desk_object_task_new (SaDeskClient        *self,
                         gpointer             source_tag,
                         SaDeskObjectParser   parse,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task = sa_desk_call_task_new (self, source_tag, sa_desk_answer_object,
                                       cancellable, callback, user_data);

  sa_desk_task_get_call (task)->parse = parse;
  return task;
}

static gboolean
answer_list (SaDeskClient  *self,
             GTask         *task,
             JsonNode      *root,
             GError       **error)
{
  SaDeskListCall *list = g_task_get_task_data (task);
  g_autoptr(GListStore) store = NULL;
  gint64 total = 0;

  store = sa_desk_parse_list (root, list->spec->member, list->spec->get_item_type (),
                              list->spec->parse_item, error);
  if (store == NULL)
    return FALSE;

  if (!sa_json_read_int (json_node_get_object (root), "list", "totalRecords",
                         FALSE, 0, &total, error))
    return FALSE;
  if (total < 0 || total > G_MAXUINT)
    return sa_json_fail_value ("list", "totalRecords", error);
  list->total_records = (guint) total;

  g_task_return_pointer (task, g_steal_pointer (&store), g_object_unref);
  return TRUE;
}

/**
 * sa_desk_list_task_new:
 * @self: an #SaDeskClient
 * @source_tag: the Desk function that starts the call
 * @spec: (transfer none): the list's member and item type (static)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Returns: (transfer full): a new task whose data is an #SaDeskListCall and
 *   whose 2xx answer is a #GListStore of @spec's items
 */
GTask *
sa_desk_list_task_new (SaDeskClient         *self,
                       gpointer              source_tag,
                       const SaDeskListSpec *spec,
                       GCancellable         *cancellable,
                       GAsyncReadyCallback   callback,
                       gpointer              user_data)
{
  SaDeskListCall *list = g_new0 (SaDeskListCall, 1);

  list->call.answer = answer_list;
  list->spec = spec;
  return sa_desk_task_new (self, source_tag, &list->call, list_call_free,
                           cancellable, callback, user_data);
}

/**
 * sa_desk_task_get_call:
 * @task: a task made by sa_desk_task_new() or one of its variants
 *
 * Returns: (transfer none): the task's #SaDeskCall
 */
SaDeskCall *
sa_desk_task_get_call (GTask *task)
{
  return g_task_get_task_data (task);
}

/**
 * sa_desk_request:
 * @self: an #SaDeskClient
 * @task: (transfer full): a task of sa_desk_task_new() or its kin
 * @method: the HTTP method ("GET", "POST", "PUT")
 * @relative_path: the path below the base URI, already escaped
 * @query: (nullable): the query, already escaped, without "?"
 * @body: (nullable) (transfer full): the JSON body, or %NULL for none
 *
 * The last step of a Desk API call whose message needs nothing more than a
 * JSON body: prepares the task's message (sa_desk_prepare()), sets @body and
 * sends it with the bearer token (sa_desk_send()). When the message cannot be
 * prepared, @task is completed with sa_desk_prepare()'s error
 * (%SA_CLIENT_ERROR_INVALID_INPUT) and nothing is sent.
 */
void
sa_desk_request (SaDeskClient *self,
                 GTask        *task,
                 const char   *method,
                 const char   *relative_path,
                 const char   *query,
                 GBytes       *body)
{
  g_autoptr(GTask) owned = task;
  g_autoptr(GBytes) owned_body = body;

  if (!sa_desk_prepare (self, task, method, relative_path, query))
    return;
  if (owned_body != NULL)
    sa_desk_call_set_json_body (sa_desk_task_get_call (task), owned_body);

  sa_desk_send (self, g_steal_pointer (&owned));
}

/**
 * sa_desk_propagate_pointer:
 * @source_object: the client the task belongs to
 * @result: the #GAsyncResult
 * @source_tag: the function that started the call
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): the task's pointer result, or %NULL
 *   with its error
 */
gpointer
sa_desk_propagate_pointer (gpointer       source_object,
                           GAsyncResult  *result,
                           gpointer       source_tag,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source_object), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * sa_desk_propagate_boolean:
 * @source_object: the client the task belongs to
 * @result: the #GAsyncResult
 * @source_tag: the function that started the call
 * @error: return location for a #GError, or %NULL
 *
 * Returns: the task's boolean result, or %FALSE with its error
 */
gboolean
sa_desk_propagate_boolean (gpointer       source_object,
                           GAsyncResult  *result,
                           gpointer       source_tag,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source_object), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* Answers */

/**
 * sa_desk_answer_ok:
 * @self: an #SaDeskClient
 * @task: the call's task
 * @root: (nullable): the answer
 * @error: unused
 *
 * A 2xx answer whose body does not matter: the task returns %TRUE.
 *
 * Returns: %TRUE
 */
gboolean
sa_desk_answer_ok (SaDeskClient  *self,
                   GTask         *task,
                   JsonNode      *root,
                   GError       **error)
{
  g_task_return_boolean (task, TRUE);
  return TRUE;
}

/**
 * sa_desk_answer_object:
 * @self: an #SaDeskClient
 * @task: a task of sa_desk_object_task_new()
 * @root: the answer, a JSON object
 * @error: return location for a #GError
 *
 * Returns: %TRUE with the object built by the call's parser as the task's
 *   result; %FALSE with SA_CLIENT_ERROR_INVALID_RESPONSE
 */
gboolean
sa_desk_answer_object (SaDeskClient  *self,
                       GTask         *task,
                       JsonNode      *root,
                       GError       **error)
{
  gpointer object = sa_desk_task_get_call (task)->parse (json_node_get_object (root), error);

  if (object == NULL)
    return FALSE;

  g_task_return_pointer (task, object, g_object_unref);
  return TRUE;
}

/**
 * sa_desk_parse_list:
 * @root: the answer, a JSON object
 * @member: the member holding the array
 * @item_type: the #GType of the items
 * @parse_item: builds one item
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a #GListStore of @item_type, or %NULL
 *   with %SA_CLIENT_ERROR_INVALID_RESPONSE
 */
GListStore *
sa_desk_parse_list (JsonNode            *root,
                    const char          *member,
                    GType                item_type,
                    SaDeskObjectParser   parse_item,
                    GError             **error)
{
  g_autoptr(GListStore) store = g_list_store_new (item_type);
  JsonArray *array = NULL;
  guint n;

  if (!sa_json_read_array (json_node_get_object (root), "list", member, &array, error))
    return NULL;

  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(GObject) item = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          sa_json_fail_value ("list", member, error);
          return NULL;
        }

      item = parse_item (json_node_get_object (node), error);
      if (item == NULL)
        return NULL;

      g_list_store_append (store, item);
    }

  return g_steal_pointer (&store);
}

/* ------------------------------------------------------------------------ */
/* The objects several endpoints answer: one parser each, for
 * sa_desk_object_task_new(), SaDeskCall.parse and list specs. */

/**
 * sa_desk_parse_smart_account:
 * @object: a Smart Account object of the Desk API
 * @error: return location for a #GError, or %NULL
 *
 * sa_smart_account_new_from_json() as an #SaDeskObjectParser (account search,
 * access-request candidates).
 *
 * Returns: (transfer full) (nullable): an #SaSmartAccount, or %NULL with
 *   %SA_CLIENT_ERROR_INVALID_RESPONSE
 */
gpointer
sa_desk_parse_smart_account (JsonObject  *object,
                             GError     **error)
{
  return sa_smart_account_new_from_json (object, error);
}

/**
 * sa_desk_parse_access_request:
 * @object: an AccessRequest object of the Desk API
 * @error: return location for a #GError, or %NULL
 *
 * sa_access_request_new_from_json() as an #SaDeskObjectParser (procedure 4's
 * calls, and the training control that answers one request).
 *
 * Returns: (transfer full) (nullable): an #SaAccessRequest, or %NULL with
 *   %SA_CLIENT_ERROR_INVALID_RESPONSE
 */
gpointer
sa_desk_parse_access_request (JsonObject  *object,
                              GError     **error)
{
  return sa_access_request_new_from_json (object, error);
}

/**
 * sa_desk_parse_account_request:
 * @object: an AccountRequest object of the Desk API
 * @error: return location for a #GError, or %NULL
 *
 * sa_account_request_new_from_json() as an #SaDeskObjectParser (procedure 3's
 * calls, and the training control that answers one request).
 *
 * Returns: (transfer full) (nullable): an #SaAccountRequest, or %NULL with
 *   %SA_CLIENT_ERROR_INVALID_RESPONSE
 */
gpointer
sa_desk_parse_account_request (JsonObject  *object,
                               GError     **error)
{
  return sa_account_request_new_from_json (object, error);
}

/* The `{"accounts": [SmartAccount…]}` list of the account search and of the
 * access-request candidates. */
const SaDeskListSpec sa_desk_smart_account_list = {
  "accounts", sa_smart_account_get_type, sa_desk_parse_smart_account
};

static int
match_field_key (const char          *key,
                 const char * const  *keys,
                 guint                n_keys,
                 guint               *index)
{
  *index = G_MAXUINT;

  for (guint i = 0; i < n_keys; i++)
    {
      gsize len = strlen (keys[i]);
      guint64 n = 0;

      if (g_str_equal (key, keys[i]))
        return i;

      /* "users[2]": the third item of the list field "users". */
      if (strncmp (key, keys[i], len) == 0 && key[len] == '[' &&
          g_str_has_suffix (key + len, "]"))
        {
          g_autofree char *digits = g_strndup (key + len + 1, strlen (key + len + 1) - 1);

          if (g_ascii_string_to_unsigned (digits, 10, 0, G_MAXUINT - 1, &n, NULL))
            *index = (guint) n;
          return i;
        }
    }

  return -1;
}

/**
 * sa_desk_read_refused_fields:
 * @error: a %SA_CLIENT_ERROR_VALIDATION_FAILED error (others are left alone)
 * @body: (nullable): the error answer
 * @form: the form the endpoint takes
 * @keys: (array length=n_keys): the Desk API's names of @form's fields,
 *   indexed by field
 * @n_keys: the number of @keys
 * @list_values: (nullable) (array zero-terminated=1): the values sent in the
 *   list field, to name the refused one
 *
 * Records each member of the answer's `fields` ({"accountDomain": "…"}) as a
 * refused field on @error, the server's text as its detail. A malformed
 * `fields` is dropped (logged); the error itself stays.
 */
void
sa_desk_read_refused_fields (GError              *error,
                             JsonObject          *body,
                             SaFieldForm          form,
                             const char * const  *keys,
                             guint                n_keys,
                             const char * const  *list_values)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *fields = NULL;

  if (!g_error_matches (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_VALIDATION_FAILED) || body == NULL)
    return;

  if (!sa_json_read_object (body, "error", "fields", &fields, &local_error))
    {
      g_debug ("Ignoring the details of an error answer: %s", local_error->message);
      return;
    }
  if (fields == NULL)
    return;

  members = json_object_get_members (fields);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      const char *message = NULL;
      const char *value = NULL;
      guint index;
      int field;

      if (!g_utf8_validate (key, -1, NULL) ||
          !sa_json_read_string (fields, "error", key, FALSE, &message, NULL))
        continue;

      field = match_field_key (key, keys, n_keys, &index);
      if (field >= 0 && index != G_MAXUINT && list_values != NULL &&
          index < g_strv_length ((char **) list_values))
        value = list_values[index];

      sa_client_error_add_refused_field (error, form, field, index, key,
                                         message != NULL ? message : "", value);
    }
}
