/* sa-desk-client-send.c — the Desk client's send pipeline: build a request,
 * send it with the bearer token, send it again once after a renewed sign-in,
 * turn the answer into the task's result or into an SA_CLIENT_ERROR
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sa-desk-client-private.h"
#include "sa-json-reader.h"
#include "sa-validate.h"

/* The most of an answer kept, counted after content decoding. */
#define MAX_RESPONSE_SIZE (16 * 1024 * 1024)
#define READ_CHUNK        16384

/* ------------------------------------------------------------------------ */
/* Errors */

static SaClientError
code_for_http_status (guint status)
{
  if (status >= 500)
    return SA_CLIENT_ERROR_SERVER_ERROR;

  switch (status)
    {
    case SOUP_STATUS_BAD_REQUEST:
      return SA_CLIENT_ERROR_INVALID_REQUEST;
    case SOUP_STATUS_UNAUTHORIZED:
      return SA_CLIENT_ERROR_UNAUTHENTICATED;
    case SOUP_STATUS_FORBIDDEN:
      return SA_CLIENT_ERROR_NOT_AUTHORIZED;
    case SOUP_STATUS_NOT_FOUND:
      return SA_CLIENT_ERROR_NOT_FOUND;
    case SOUP_STATUS_METHOD_NOT_ALLOWED:
      return SA_CLIENT_ERROR_METHOD_NOT_ALLOWED;
    case SOUP_STATUS_PRECONDITION_FAILED:
      return SA_CLIENT_ERROR_VERSION_CONFLICT;
    case 428:
      return SA_CLIENT_ERROR_PRECONDITION_REQUIRED;
    default:
      return SA_CLIENT_ERROR_FAILED;
    }
}

/* Maps a transport error of libsoup/GIO. Cancellation stays as it is,
 * unless it was the call's overall time limit. */
static GError *
map_transport_error (SaDeskCall *call,
                     GError     *error)
{
  g_autoptr(GError) owned = error;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && call->timed_out)
    return sa_client_error_new (SA_CLIENT_ERROR_TOO_SLOW, "the call took longer than its overall time limit");

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_steal_pointer (&owned);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return sa_client_error_new (SA_CLIENT_ERROR_TIMEOUT, error->message);

  if (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE))
    return sa_client_error_new (SA_CLIENT_ERROR_UNTRUSTED_CERTIFICATE, error->message);

  if (error->domain == SOUP_SESSION_ERROR &&
      (error->code == SOUP_SESSION_ERROR_PARSING ||
       error->code == SOUP_SESSION_ERROR_ENCODING ||
       error->code == SOUP_SESSION_ERROR_MESSAGE_ALREADY_IN_QUEUE))
    return sa_client_error_new (SA_CLIENT_ERROR_INVALID_RESPONSE, error->message);

  return sa_client_error_new (SA_CLIENT_ERROR_NETWORK, error->message);
}

/* Every answer goes through the one bounded reader (sa-json-reader.c): depth,
 * trailing data and UTF-8 are checked before json-glib sees it. An empty
 * body is NULL without an error. */
static JsonNode *
parse_json (GBytes  *bytes,
            GError **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  JsonNode *root;

  if (size > MAX_RESPONSE_SIZE)
    {
      g_propagate_error (error, sa_client_error_new (SA_CLIENT_ERROR_INVALID_RESPONSE,
                                                     "answer too large"));
      return NULL;
    }

  if (data == NULL || size == 0)
    return NULL;

  root = sa_json_reader_parse (data, size, SA_JSON_READER_CLIENT_MAX_DEPTH,
                               SA_JSON_READER_NONE, &local_error);
  if (root == NULL)
    g_propagate_error (error, sa_client_error_new (SA_CLIENT_ERROR_INVALID_RESPONSE,
                                                   local_error->message));

  return root;
}

/* Builds the error for a non-2xx answer from its body
 * {"status":"ERROR","code":…,"statusMessage":…} (or, from the token endpoint,
 * {"error":…,"error_description":…}), falling back on the status. The call's
 * own details (docs/desk-api.md, "Errors") are read by its
 * read_error_details when the body names a known code. */
static GError *
error_from_response (GTask  *task,
                     guint   status,
                     GBytes *body)
{
  SaDeskCall *call = sa_desk_task_get_call (task);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *detail = NULL;
  JsonObject *object = NULL;
  const char *code_str = NULL;
  const char *message = NULL;
  SaClientError code;
  GError *error;

  /* The token endpoint slows down repeated failures (429, Retry-After): its
   * own sentence, whatever the body says. */
  if (call->is_token && status == 429)
    return sa_client_error_new (SA_CLIENT_ERROR_TOO_MANY_ATTEMPTS, "HTTP 429 from the token endpoint");

  root = parse_json (body, &parse_error);

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      object = json_node_get_object (root);

      if (!sa_json_read_string (object, "error", "code", FALSE, &code_str, NULL))
        code_str = NULL;
      if (!sa_json_read_string (object, "error", "statusMessage", FALSE, &message, NULL))
        message = NULL;

      if (call->is_token && code_str == NULL)
        {
          const char *oauth_error = NULL;

          if (sa_json_read_string (object, "error", "error", FALSE, &oauth_error, NULL) &&
              oauth_error != NULL)
            {
              if (!sa_json_read_string (object, "error", "error_description", FALSE, &message, NULL))
                message = NULL;

              if (g_str_equal (oauth_error, "invalid_grant") ||
                  g_str_equal (oauth_error, "invalid_client"))
                return sa_client_error_new (SA_CLIENT_ERROR_INVALID_CREDENTIALS, message);
              if (status < 500)
                return sa_client_error_new (SA_CLIENT_ERROR_INVALID_REQUEST, message);
            }
        }
    }

  detail = g_strdup_printf ("HTTP %u, code %s: %s", status,
                            code_str ? code_str : "(none)",
                            message ? message : "(no message)");

  if (status >= 500)
    return sa_client_error_new (SA_CLIENT_ERROR_SERVER_ERROR, detail);

  code = sa_client_error_from_code (code_str);
  if (code == SA_CLIENT_ERROR_FAILED)
    return sa_client_error_new (code_for_http_status (status), detail);

  error = sa_client_error_new (code, detail);
  if (call->read_error_details != NULL)
    call->read_error_details (task, object, error);

  return error;
}

/* ------------------------------------------------------------------------ */
/* Building */

/**
 * sa_desk_escape:
 * @str: a path segment or query value
 *
 * Returns: (transfer full): @str percent-encoded for a URI
 */
char *
sa_desk_escape (const char *str)
{
  return g_uri_escape_string (str, NULL, FALSE);
}

/**
 * sa_desk_query_add:
 * @query: the query being built (without "?")
 * @key: a parameter name
 * @value: its value (escaped here)
 *
 * Appends `key=value` to @query.
 */
void
sa_desk_query_add (GString    *query,
                   const char *key,
                   const char *value)
{
  g_autofree char *escaped_key = sa_desk_escape (key);
  g_autofree char *escaped_value = sa_desk_escape (value);

  if (query->len > 0)
    g_string_append_c (query, '&');
  g_string_append_printf (query, "%s=%s", escaped_key, escaped_value);
}

/**
 * sa_desk_check_base_uri:
 * @self: an #SaDeskClient
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE when the server address is usable; otherwise %FALSE with
 *   %SA_CLIENT_ERROR_INVALID_INPUT or %SA_CLIENT_ERROR_INSECURE_URI (plain
 *   http to a host that is not this computer: nothing is sent)
 */
gboolean
sa_desk_check_base_uri (SaDeskClient  *self,
                        GError       **error)
{
  if (self->base_uri != NULL)
    return sa_validate_server_uri (self->base_uri, error);

  g_set_error_literal (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT,
                       _("The server address is not valid. Enter an address such as https://desk.example.com/."));
  return FALSE;
}

/**
 * sa_desk_build_uri:
 * @self: an #SaDeskClient
 * @relative_path: the path below the base URI, escaped, no leading "/"
 * @query: (nullable): the query, escaped
 *
 * Returns: (transfer full) (nullable): the absolute URI
 */
char *
sa_desk_build_uri (SaDeskClient *self,
                   const char   *relative_path,
                   const char   *query)
{
  g_autofree char *relative = NULL;

  if (query != NULL && *query != '\0')
    relative = g_strconcat (relative_path, "?", query, NULL);
  else
    relative = g_strdup (relative_path);

  return g_uri_resolve_relative (self->base_uri, relative, G_URI_FLAGS_ENCODED, NULL);
}

/**
 * sa_desk_prepare:
 * @self: an #SaDeskClient
 * @task: the call's task
 * @method: "GET", "POST", "PUT"
 * @relative_path: the path below the base URI, escaped
 * @query: (nullable): the query, escaped
 *
 * Builds the call's message, keeping its method and URI for a re-send.
 *
 * Returns: %TRUE when built; %FALSE after completing @task with
 *   %SA_CLIENT_ERROR_INVALID_INPUT or %SA_CLIENT_ERROR_INSECURE_URI
 */
gboolean
sa_desk_prepare (SaDeskClient *self,
                 GTask        *task,
                 const char   *method,
                 const char   *relative_path,
                 const char   *query)
{
  SaDeskCall *call = sa_desk_task_get_call (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  if (!sa_desk_check_base_uri (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return FALSE;
    }

  uri = sa_desk_build_uri (self, relative_path, query);
  if (uri != NULL)
    call->msg = soup_message_new (method, uri);

  if (call->msg == NULL)
    {
      g_task_return_error (task, sa_client_error_new (SA_CLIENT_ERROR_INVALID_INPUT,
                                                      "could not build the request URI"));
      return FALSE;
    }

  call->method = g_strdup (method);
  call->uri = g_steal_pointer (&uri);
  return TRUE;
}

/**
 * sa_desk_call_set_json_body:
 * @call: a prepared call
 * @body: the JSON body
 *
 * Sets the message's JSON body, keeping it for a re-send.
 */
void
sa_desk_call_set_json_body (SaDeskCall *call,
                            GBytes     *body)
{
  g_clear_pointer (&call->body, g_bytes_unref);
  call->body = g_bytes_ref (body);
  soup_message_set_request_body_from_bytes (call->msg, "application/json", body);
}

/**
 * sa_desk_call_set_if_match:
 * @call: a prepared call
 * @etag: (nullable): the ETag the object came with
 *
 * Sends `If-Match: @etag` (kept for a re-send), unless @etag is missing,
 * empty or not a header value.
 */
void
sa_desk_call_set_if_match (SaDeskCall *call,
                           const char *etag)
{
  if (etag == NULL || *etag == '\0' || strpbrk (etag, "\r\n") != NULL)
    return;

  g_free (call->if_match);
  call->if_match = g_strdup (etag);
  soup_message_headers_replace (soup_message_get_request_headers (call->msg), "If-Match", etag);
}

/**
 * sa_desk_builder_to_bytes:
 * @builder: a #JsonBuilder holding a finished object
 *
 * Returns: (transfer full): the object, serialised
 */
GBytes *
sa_desk_builder_to_bytes (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  char *json;
  gsize json_length;

  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, &json_length);
  return g_bytes_new_take (json, json_length);
}

/**
 * sa_desk_rebuild_message:
 * @call: a call sent once
 *
 * Builds @call's message again from its description (method, URI, body,
 * `If-Match`), for the one re-send after a renewed sign-in.
 *
 * Returns: %TRUE when rebuilt
 */
gboolean
sa_desk_rebuild_message (SaDeskCall *call)
{
  g_clear_object (&call->msg);

  if (call->method == NULL || call->uri == NULL)
    return FALSE;

  call->msg = soup_message_new (call->method, call->uri);
  if (call->msg == NULL)
    return FALSE;

  if (call->body != NULL)
    soup_message_set_request_body_from_bytes (call->msg, "application/json", call->body);
  if (call->if_match != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (call->msg),
                                  "If-Match", call->if_match);

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* The overall time limit, redirects */

static void
on_caller_cancelled (GCancellable *cancellable,
                     gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static gboolean
on_time_limit (gpointer user_data)
{
  SaDeskCall *call = user_data;

  g_debug ("%s: over the call's overall time limit", call->method);
  call->timed_out = TRUE;
  g_clear_pointer (&call->limit_source, g_source_unref);
  g_cancellable_cancel (call->limit_cancellable);
  return G_SOURCE_REMOVE;
}

/* Every send and read of the call goes with limit_cancellable, cancelled by
 * the caller's cancellable or once the call has taken twice the client's
 * timeout in all (the session's timeouts only measure inactivity: a server
 * trickling a byte a second would never end). */
static void
start_time_limit (SaDeskClient *self,
                  GTask        *task)
{
  SaDeskCall *call = sa_desk_task_get_call (task);
  GCancellable *caller = g_task_get_cancellable (task);

  call->limit_cancellable = g_cancellable_new ();
  if (caller != NULL)
    {
      call->caller_cancellable = g_object_ref (caller);
      call->caller_cancel_id = g_cancellable_connect (caller, G_CALLBACK (on_caller_cancelled),
                                                      g_object_ref (call->limit_cancellable),
                                                      g_object_unref);
    }

  if (self->timeout > 0)
    {
      call->limit_source = g_timeout_source_new_seconds (MIN (self->timeout, G_MAXUINT / 2) * 2);
      g_source_set_name (call->limit_source, "[sa-desk] call time limit");
      g_source_set_callback (call->limit_source, on_time_limit, call, NULL);
      g_source_attach (call->limit_source, g_task_get_context (task));
    }
}

static gboolean
same_origin (GUri *a,
             GUri *b)
{
  return g_ascii_strcasecmp (g_uri_get_scheme (a), g_uri_get_scheme (b)) == 0 &&
         g_ascii_strcasecmp (g_uri_get_host (a), g_uri_get_host (b)) == 0 &&
         g_uri_get_port (a) == g_uri_get_port (b);
}

/* A 3xx answer: TRUE when a redirect was followed (the task taken); else
 * @error says why not. Only a GET is redirected, only to the same origin
 * (scheme, host, port), at most 4 times; a write is never sent again. */
static gboolean
follow_redirect (SaDeskClient  *self,
                 GTask         *task,
                 guint          status,
                 GError       **error)
{
  SaDeskCall *call = sa_desk_task_get_call (task);
  const char *location = soup_message_headers_get_one (soup_message_get_response_headers (call->msg),
                                                       "Location");
  GUri *current = soup_message_get_uri (call->msg);
  g_autoptr(GUri) target = NULL;

  if (location != NULL)
    target = g_uri_parse_relative (current, location, SOUP_HTTP_URI_FLAGS, NULL);

  if (target == NULL || !same_origin (current, target) || g_strcmp0 (call->method, "GET") != 0)
    {
      g_set_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_REDIRECT_REFUSED,
                   "HTTP %u: a redirect the client does not follow (another origin, or a write)", status);
      return FALSE;
    }

  if (call->redirects >= 4)
    {
      g_set_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_REDIRECT_LOOP,
                   "HTTP %u: a redirect loop", status);
      return FALSE;
    }

  call->redirects++;
  g_free (call->uri);
  call->uri = g_uri_to_string (target);
  if (!sa_desk_rebuild_message (call))
    {
      g_set_error_literal (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_RESPONSE,
                           "a redirect to an address that is not valid");
      return FALSE;
    }

  sa_desk_send (self, task);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Sending */

/* Turns the whole answer read into the task's result, or sends again.
 * Takes the task's reference. */
static void
handle_answer (GTask *owned_task)
{
  g_autoptr(GTask) task = owned_task;
  SaDeskClient *self = g_task_get_source_object (task);
  SaDeskCall *call = sa_desk_task_get_call (task);
  g_autoptr(GBytes) body = g_bytes_new_static (call->answer_bytes->data,
                                               call->answer_bytes->len);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  guint status;

  status = soup_message_get_status (call->msg);
  g_debug ("%s %s → %u",
           soup_message_get_method (call->msg),
           g_uri_get_path (soup_message_get_uri (call->msg)),
           status);

  if (SOUP_STATUS_IS_REDIRECTION (status))
    {
      if (!follow_redirect (self, task, status, &error))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        task = NULL; /* taken by the new send */
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_autoptr(GError) server_error = error_from_response (task, status, body);

      if (g_error_matches (server_error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_UNAUTHENTICATED) &&
          !call->is_token)
        {
          /* Another call renewed the token while this one was under way:
           * send it again with the new one. */
          if (!call->renewed && self->access_token != NULL &&
              call->token_serial != self->token_serial &&
              sa_desk_rebuild_message (call))
            {
              call->renewed = TRUE;
              sa_desk_send (self, g_steal_pointer (&task));
              return;
            }

          /* The token is no longer accepted: renew it from the keyring once
           * (the old token stays until the new one replaces it, so that
           * "signed-in" does not flicker), or let the UI ask the user to sign
           * in. */
          if (!call->renewed && sa_client_get_renew_from_keyring (SA_CLIENT (self)))
            {
              call->renewed = TRUE;
              sa_desk_client_start_renewal (self, g_steal_pointer (&task));
              return;
            }

          sa_desk_client_drop_token (self);
          sa_client_emit_sign_in_required (SA_CLIENT (self));
        }

      g_task_return_error (task, g_steal_pointer (&server_error));
      return;
    }

  root = parse_json (body, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (call->needs_json && (root == NULL || !JSON_NODE_HOLDS_OBJECT (root)))
    {
      g_task_return_error (task, sa_client_error_new (SA_CLIENT_ERROR_INVALID_RESPONSE,
                                                      "the answer is not a JSON object"));
      return;
    }

  if (!call->answer (self, task, root, &error))
    {
      /* Keep the detail for the log; the user gets the generic sentence. */
      if (g_error_matches (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_RESPONSE))
        g_task_return_error (task, sa_client_error_new (SA_CLIENT_ERROR_INVALID_RESPONSE,
                                                        error->message));
      else
        g_task_return_error (task, g_steal_pointer (&error));
    }
}

static void read_more (GTask *task);

/* Fails the call: the answer is larger than the client keeps. The stream is
 * dropped unread, which closes the connection. */
static void
return_too_large (GTask *task)
{
  SaDeskCall *call = sa_desk_task_get_call (task);

  g_debug ("%s %s: the answer is larger than %u bytes",
           soup_message_get_method (call->msg),
           g_uri_get_path (soup_message_get_uri (call->msg)),
           (guint) MAX_RESPONSE_SIZE);
  g_clear_object (&call->stream);
  g_task_return_error (task, sa_client_error_new (SA_CLIENT_ERROR_INVALID_RESPONSE,
                                                  "answer too large"));
}

static void
on_read (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SaDeskCall *call = sa_desk_task_get_call (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = NULL;
  gsize size;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (chunk == NULL)
    {
      g_debug ("%s %s failed while reading: %s",
               soup_message_get_method (call->msg),
               g_uri_get_path (soup_message_get_uri (call->msg)),
               error->message);
      g_task_return_error (task, map_transport_error (call, g_steal_pointer (&error)));
      return;
    }

  size = g_bytes_get_size (chunk);
  if (size == 0)
    {
      g_input_stream_close_async (call->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      handle_answer (g_steal_pointer (&task));
      return;
    }

  /* Counted after content decoding: a gzip bomb stops here too. */
  if (call->answer_bytes->len + size > MAX_RESPONSE_SIZE)
    {
      return_too_large (task);
      return;
    }

  g_byte_array_append (call->answer_bytes, g_bytes_get_data (chunk, NULL), size);
  if (call->is_token)
    explicit_bzero ((gpointer) g_bytes_get_data (chunk, NULL), size);

  read_more (g_steal_pointer (&task));
}

/* Takes the task's reference. */
static void
read_more (GTask *task)
{
  SaDeskCall *call = sa_desk_task_get_call (task);

  g_input_stream_read_bytes_async (call->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   call->limit_cancellable, on_read, task);
}

static void
on_sent (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SaDeskCall *call = sa_desk_task_get_call (task);
  g_autoptr(GError) error = NULL;
  goffset length;

  g_clear_object (&call->stream);
  call->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (call->stream == NULL)
    {
      g_debug ("%s %s failed: %s",
               soup_message_get_method (call->msg),
               g_uri_get_path (soup_message_get_uri (call->msg)),
               error->message);
      g_task_return_error (task, map_transport_error (call, g_steal_pointer (&error)));
      return;
    }

  length = soup_message_headers_get_content_length (soup_message_get_response_headers (call->msg));
  if (length > MAX_RESPONSE_SIZE)
    {
      return_too_large (task);
      return;
    }

  if (call->answer_bytes != NULL)
    {
      if (call->is_token)
        explicit_bzero (call->answer_bytes->data, call->answer_bytes->len);
      g_byte_array_set_size (call->answer_bytes, 0);
    }
  else
    {
      call->answer_bytes = g_byte_array_new ();
    }

  read_more (g_steal_pointer (&task));
}

/**
 * sa_desk_send:
 * @self: an #SaDeskClient
 * @task: (transfer full): a call prepared with sa_desk_prepare()
 *
 * Sends the call's message, with the bearer token when there is one (the
 * server answers 401 UNAUTHENTICATED when it is needed and missing). The
 * answer is streamed: reading stops, with %SA_CLIENT_ERROR_INVALID_RESPONSE,
 * as soon as more than 16 MiB has been decoded (issue 13, "Major 2").
 */
void
sa_desk_send (SaDeskClient *self,
              GTask        *task)
{
  SaDeskCall *call = sa_desk_task_get_call (task);
  SoupMessageHeaders *headers = soup_message_get_request_headers (call->msg);

  soup_message_headers_replace (headers, "Accept", "application/json");

  /* Redirects are followed by handle_answer(), not by libsoup: same origin
   * and GET only. */
  soup_message_add_flags (call->msg, SOUP_MESSAGE_NO_REDIRECT);

  if (call->limit_cancellable == NULL)
    start_time_limit (self, task);

  call->token_serial = self->token_serial;

  if (!call->is_token && self->access_token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", self->access_token, NULL);

      soup_message_headers_replace (headers, "Authorization", authorization);
      explicit_bzero (authorization, strlen (authorization));
    }

  /* The answer is streamed and counted (on_sent, on_read), never read whole
   * first. */
  soup_session_send_async (self->session,
                           call->msg,
                           G_PRIORITY_DEFAULT,
                           call->limit_cancellable,
                           on_sent,
                           task);
}

/**
 * sa_desk_post_on_id:
 * @self: an #SaDeskClient
 * @task: (transfer full): the call's task
 * @root_path: the path up to the id, ending in "/"
 * @id: an id the server gave, checked with sa_desk_check_id()
 * @suffix: the path after the id ("/reminders")
 * @body: (nullable): a JSON body
 *
 * POSTs to an action on one request (a reminder, the sandbox's accept and
 * decide).
 */
void
sa_desk_post_on_id (SaDeskClient *self,
                    GTask        *task,
                    const char   *root_path,
                    const char   *id,
                    const char   *suffix,
                    GBytes       *body)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;

  if (sa_desk_return_if_invalid (task, sa_desk_check_id (id, &error), &error))
    {
      g_object_unref (task);
      return;
    }

  escaped = sa_desk_escape (id);
  path = g_strconcat (root_path, escaped, suffix, NULL);
  sa_desk_request (self, task, "POST", path, NULL,
                   body != NULL ? g_bytes_ref (body) : NULL);
}

/* ------------------------------------------------------------------------ */
/* Checks */

/**
 * sa_desk_return_if_invalid:
 * @task: the call's task
 * @valid: the outcome of a local check
 * @error: the check's error, set when !@valid
 *
 * Returns: %TRUE when @task was completed with *@error (taken)
 */
gboolean
sa_desk_return_if_invalid (GTask    *task,
                           gboolean  valid,
                           GError  **error)
{
  if (valid)
    return FALSE;

  g_assert (error != NULL && *error != NULL);
  g_task_return_error (task, g_steal_pointer (error));
  return TRUE;
}

/**
 * sa_desk_return_refused:
 * @task: the call's task
 * @error: (transfer full): %SA_CLIENT_ERROR_INVALID_INPUT from a local check
 * @form: the form of @field
 * @field: the refused field
 * @index: its position in a list field, or %G_MAXUINT
 * @key: the Desk API's name of the field ("users[2]")
 *
 * Completes @task with @error, noting the refused field on it so that the
 * form marks it as it does for the server's VALIDATION_FAILED.
 */
void
sa_desk_return_refused (GTask       *task,
                        GError      *error,
                        SaFieldForm  form,
                        int          field,
                        guint        index,
                        const char  *key)
{
  sa_client_error_add_refused_field (error, form, field, index, key, error->message, NULL);
  g_task_return_error (task, error);
}

/**
 * sa_desk_check_id:
 * @id: (nullable): an identifier the server gave ("AR-000001", "XR-000001",
 *   "SA-100001")
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE for 1 to 64 ASCII letters, digits, '-' and '_'; otherwise
 *   %FALSE with %SA_CLIENT_ERROR_INVALID_INPUT
 */
gboolean
sa_desk_check_id (const char  *id,
                  GError     **error)
{
  gsize i;

  if (id == NULL || *id == '\0')
    goto invalid;

  for (i = 0; id[i] != '\0'; i++)
    if (i >= 64 || !(g_ascii_isalnum (id[i]) || id[i] == '-' || id[i] == '_'))
      goto invalid;

  return TRUE;

invalid:
  g_set_error_literal (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT,
                       _("This request is not known. Refresh the list and try again."));
  return FALSE;
}
