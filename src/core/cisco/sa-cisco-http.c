/* sa-cisco-http.c — the request pipeline of the Cisco connection
 *
 * Every request, the token request included, goes: token (fetched or renewed
 * when needed) → self-imposed rate limit (token bucket) → send → read the body
 * (size-limited) → classify. Classifying follows what Cisco's APIs really do
 * (CISCO-APIS.md §1.1, §1.2, §1.6, §3.9, §6.2): 401 renews the token once and
 * re-sends; 429 waits `Retry-After` (seconds or an HTTP date) and re-sends;
 * 502/503/504 back off and re-send (reads only); all bounded. HTML pages and
 * other non-JSON bodies are recognised; bytes that are not UTF-8 are repaired
 * before parsing. Every wait is a main-loop timeout, cancellable; nothing
 * blocks the caller's thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sa-cisco"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sa-cisco-api-private.h"

#define READ_CHUNK          16384
#define MAX_BACKOFF_MS      30000
/* How much of an error body is searched for "Invalid Client". */
#define MAX_ERROR_SCAN      65536
/* libsoup 3.2 has no name for it. */
#define STATUS_TOO_MANY_REQUESTS 429

typedef struct _Call Call;
typedef void (*Step) (GTask *task);

struct _Call
{
  char             *method;
  char             *uri;
  char             *content_type;
  GBytes           *body;
  SaCiscoCallFlags  flags;
  guint             retries;         /* re-sent so far after 429/5xx */
  guint             token_serial;    /* of the token the request went with */
  guint             renewed : 1;     /* re-sent once with a new token */
  guint             retried_client : 1; /* invalid_client retried once */

  SoupMessage      *msg;
  GInputStream     *stream;
  GByteArray       *buffer;
  Step              next;            /* after a wait */
};

static void
call_free (gpointer data)
{
  Call *call = data;

  g_clear_pointer (&call->method, g_free);
  g_clear_pointer (&call->uri, g_free);
  g_clear_pointer (&call->content_type, g_free);
  g_clear_pointer (&call->body, g_bytes_unref);
  g_clear_object (&call->msg);
  g_clear_object (&call->stream);
  if (call->buffer != NULL)
    {
      /* The token answer holds the access token. */
      if (call->flags & SA_CISCO_CALL_TOKEN)
        explicit_bzero (call->buffer->data, call->buffer->len);
      g_byte_array_unref (call->buffer);
    }
  g_free (call);
}

static const char *
call_path (Call *call)
{
  GUri *uri = call->msg != NULL ? soup_message_get_uri (call->msg) : NULL;

  return uri != NULL ? g_uri_get_path (uri) : "(none)";
}

static void step_authorize (GTask *task);
static void step_throttle  (GTask *task);
static void step_send      (GTask *task);

/* ------------------------------------------------------------------------ */
/* Waiting, rate limit, back-off */

static gboolean
on_wait_over (gpointer user_data)
{
  GTask *task = user_data;
  Call *call = g_task_get_task_data (task);

  if (g_task_return_error_if_cancelled (task))
    return G_SOURCE_REMOVE;

  call->next (g_object_ref (task));
  return G_SOURCE_REMOVE;
}

/* Runs @next after @delay_ms on the task's main context; a cancellation ends
 * the wait at once. Takes the task's reference. */
static void
wait_then (GTask  *task,
           gint64  delay_ms,
           Step    next)
{
  Call *call = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GSource) source = g_timeout_source_new ((guint) CLAMP (delay_ms, 0, G_MAXUINT));

  call->next = next;

  if (cancellable != NULL)
    {
      g_autoptr(GSource) cancel_source = g_cancellable_source_new (cancellable);

      g_source_set_dummy_callback (cancel_source);
      g_source_add_child_source (source, cancel_source);
    }

  g_source_set_name (source, "[sa-cisco] wait");
  g_source_set_callback (source, on_wait_over, task, g_object_unref);
  g_source_attach (source, g_task_get_context (task));
}

/* Takes one request from the bucket; returns how long to wait first (ms). */
static gint64
take_from_bucket (SaCiscoApi *self)
{
  gint64 now = g_get_monotonic_time ();

  if (self->rate <= 0)
    return 0;

  self->bucket = MIN (self->burst,
                      self->bucket + (double) (now - self->bucket_time) / G_USEC_PER_SEC * self->rate);
  self->bucket_time = now;
  self->bucket -= 1;

  if (self->bucket >= 0)
    return 0;

  return (gint64) ceil (-self->bucket / self->rate * 1000);
}

static gint64
backoff_ms (SaCiscoApi *self,
            guint       retries)
{
  gint64 delay = (gint64) self->first_backoff_ms << MIN (retries, 10);

  delay = MIN (delay, MAX_BACKOFF_MS);
  /* Up to a tenth more, so that clients do not come back all at once. */
  return delay + g_random_int_range (0, (gint32) (delay / 10 + 1));
}

/* `Retry-After` in seconds, or as an HTTP date (RFC 9110 §10.2.3), read with
 * libsoup's date parser. */
static gboolean
parse_retry_after (const char *value,
                   gint64     *delay_ms)
{
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) date = NULL;
  guint64 seconds = 0;

  if (value == NULL)
    return FALSE;

  text = g_strstrip (g_strdup (value));
  if (g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT32, &seconds, NULL))
    {
      *delay_ms = (gint64) seconds * 1000;
      return TRUE;
    }

  date = soup_date_time_new_from_http_string (text);
  if (date != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      *delay_ms = MAX (0, g_date_time_difference (date, now) / 1000);
      return TRUE;
    }

  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Errors */

static GError *
map_transport_error (GError *error)
{
  g_autoptr(GError) owned = error;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_steal_pointer (&owned);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return sa_cisco_error_new (SA_CISCO_ERROR_TIMEOUT, error->message);

  if (error->domain == G_TLS_ERROR)
    return sa_cisco_error_new (SA_CISCO_ERROR_TLS, error->message);

  if (error->domain == SOUP_SESSION_ERROR)
    return sa_cisco_error_new (SA_CISCO_ERROR_BAD_REPLY, error->message);

  return sa_cisco_error_new (SA_CISCO_ERROR_NO_NETWORK, error->message);
}

static gboolean
looks_like_html (SoupMessage *msg,
                 GBytes      *body)
{
  const char *content_type;
  const char *data;
  gsize size = 0;

  content_type = soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL);
  if (content_type != NULL && strstr (content_type, "html") != NULL)
    return TRUE;

  data = g_bytes_get_data (body, &size);
  for (gsize i = 0; data != NULL && i < size; i++)
    {
      if (g_ascii_isspace (data[i]))
        continue;
      return data[i] == '<';
    }

  return FALSE;
}

static gboolean
body_contains (GBytes     *body,
               const char *needle)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (body, &size);
  g_autofree char *lower = NULL;

  if (data == NULL || size == 0)
    return FALSE;

  lower = g_ascii_strdown (data, MIN (size, MAX_ERROR_SCAN));
  return strstr (lower, needle) != NULL;
}

/* What an error answer says, for the debug log (never a secret: error bodies
 * carry none). */
static char *
describe_error (guint        status,
                const char  *path,
                JsonObject  *object)
{
  const char *members[] = { "error", "error_description", "message", "statusMessage", "code" };
  g_autoptr(GString) detail = g_string_new (NULL);

  g_string_append_printf (detail, "HTTP %u from %s", status, path);
  for (guint i = 0; object != NULL && i < G_N_ELEMENTS (members); i++)
    {
      g_autofree char *value = sa_cisco_json_dup_text (object, members[i]);

      if (value != NULL)
        g_string_append_printf (detail, ", %s: %.200s", members[i], value);
    }

  return g_string_free (g_steal_pointer (&detail), FALSE);
}

/* Builds the error of an answer that is not 2xx and will not be retried. */
static GError *
error_from_answer (Call   *call,
                   guint   status,
                   GBytes *body)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *detail = NULL;
  JsonObject *object = NULL;
  gboolean is_html = looks_like_html (call->msg, body);

  if (!is_html)
    root = sa_cisco_json_parse (body, NULL);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    object = json_node_get_object (root);

  detail = describe_error (status, call_path (call), object);

  if (call->flags & SA_CISCO_CALL_TOKEN)
    {
      const char *oauth_error = sa_cisco_json_get_string (object, "error", NULL);

      /* A refused client is 401 (or 400, as OAuth 2.0 allows). */
      if (status == SOUP_STATUS_UNAUTHORIZED ||
          g_strcmp0 (oauth_error, "invalid_client") == 0)
        return sa_cisco_error_new (SA_CISCO_ERROR_INVALID_CLIENT, detail);
    }

  if (status == SOUP_STATUS_FORBIDDEN)
    {
      /* The API gateway's answer before access is approved; its exact body
       * is unverified, so the words are looked for anywhere in it. */
      if (body_contains (body, "invalid client"))
        return sa_cisco_error_new (SA_CISCO_ERROR_ACCESS_NOT_APPROVED, detail);
      if (object == NULL)
        return sa_cisco_error_new (SA_CISCO_ERROR_NOT_JSON, detail);
      return sa_cisco_error_new (SA_CISCO_ERROR_DENIED, detail);
    }

  if (status == SOUP_STATUS_UNAUTHORIZED)
    return sa_cisco_error_new (SA_CISCO_ERROR_DENIED, detail);

  if (status == SOUP_STATUS_NOT_FOUND)
    return sa_cisco_error_new (SA_CISCO_ERROR_NOT_FOUND, detail);

  if (status == STATUS_TOO_MANY_REQUESTS)
    return sa_cisco_error_new (SA_CISCO_ERROR_RATE_LIMITED, detail);

  if (status >= 500)
    return sa_cisco_error_new (SA_CISCO_ERROR_SERVER_ERROR, detail);

  /* A business failure: {"status": "ERROR", "statusMessage": …}. */
  if (object != NULL)
    {
      g_autoptr(GError) rejected = NULL;

      if (!sa_cisco_json_check_status (object, &rejected))
        {
          g_debug ("%s", detail);
          return g_steal_pointer (&rejected);
        }
    }

  if (object == NULL && is_html)
    return sa_cisco_error_new (SA_CISCO_ERROR_NOT_JSON, detail);

  return sa_cisco_error_new (SA_CISCO_ERROR_FAILED, detail);
}

/* ------------------------------------------------------------------------ */
/* The answer */

/* Whether to send again; if so, schedules it (with a reference of its own). */
static gboolean
maybe_retry (GTask *task,
             guint  status)
{
  SaCiscoApi *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  gint64 delay = 0;

  if (status == STATUS_TOO_MANY_REQUESTS)
    {
      const char *retry_after =
        soup_message_headers_get_one (soup_message_get_response_headers (call->msg), "Retry-After");

      if (call->retries >= self->max_retries)
        return FALSE;
      if (!parse_retry_after (retry_after, &delay))
        delay = backoff_ms (self, call->retries);
      if (delay > (gint64) self->max_wait_seconds * 1000)
        {
          g_debug ("Retry-After of %" G_GINT64_FORMAT " ms is longer than the client waits", delay);
          return FALSE;
        }
    }
  else if (status == SOUP_STATUS_BAD_GATEWAY ||
           status == SOUP_STATUS_SERVICE_UNAVAILABLE ||
           status == SOUP_STATUS_GATEWAY_TIMEOUT)
    {
      /* A write is not sent twice: the gateway may have passed it on. */
      if (!(call->flags & SA_CISCO_CALL_IDEMPOTENT) || call->retries >= self->max_retries)
        return FALSE;
      delay = backoff_ms (self, call->retries);
    }
  else
    {
      return FALSE;
    }

  call->retries++;
  g_debug ("HTTP %u from %s: retry %u in %" G_GINT64_FORMAT " ms",
           status, call_path (call), call->retries, delay);
  wait_then (g_object_ref (task), delay, step_throttle);
  return TRUE;
}

/* Turns the answer read into the task's result, or sends again. @task is
 * borrowed: the caller keeps its reference. */
static void
handle_answer (GTask *task)
{
  SaCiscoApi *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  guint status = soup_message_get_status (call->msg);
  g_autoptr(GBytes) body = g_bytes_new_static (call->buffer->data, call->buffer->len);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_debug ("%s %s → %u (%u bytes)", call->method, call_path (call), status, call->buffer->len);

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      if (looks_like_html (call->msg, body))
        {
          g_task_return_error (task, sa_cisco_error_new (SA_CISCO_ERROR_NOT_JSON, "an HTML page"));
          return;
        }

      root = sa_cisco_json_parse (body, &error);
      if (root == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (!JSON_NODE_HOLDS_OBJECT (root))
        {
          g_task_return_error (task, sa_cisco_error_new (SA_CISCO_ERROR_BAD_REPLY,
                                                         "the answer is not a JSON object"));
          return;
        }
      if (!(call->flags & SA_CISCO_CALL_TOKEN) &&
          !sa_cisco_json_check_status (json_node_get_object (root), &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      g_task_return_pointer (task, g_steal_pointer (&root), (GDestroyNotify) json_node_unref);
      return;
    }

  /* The token was refused (expired early, or revoked): renew it once. */
  if (status == SOUP_STATUS_UNAUTHORIZED && !(call->flags & SA_CISCO_CALL_TOKEN) && !call->renewed)
    {
      call->renewed = TRUE;
      sa_cisco_api_invalidate_token (self, call->token_serial);
      step_authorize (g_object_ref (task));
      return;
    }

  if (maybe_retry (task, status))
    return;

  error = error_from_answer (call, status, body);

  /* A new application's client may be refused by mistake for a while: try
   * once more before saying so (CISCO-APIS.md §1.1). */
  if (g_error_matches (error, SA_CISCO_ERROR, SA_CISCO_ERROR_INVALID_CLIENT) &&
      !call->retried_client && self->max_retries > 0)
    {
      call->retried_client = TRUE;
      wait_then (g_object_ref (task), backoff_ms (self, 0), step_throttle);
      return;
    }

  g_task_return_error (task, g_steal_pointer (&error));
}

static void read_more (GTask *task);

static void
on_read (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SaCiscoApi *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = NULL;
  gsize size;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (chunk == NULL)
    {
      g_task_return_error (task, map_transport_error (g_steal_pointer (&error)));
      return;
    }

  size = g_bytes_get_size (chunk);
  if (size == 0)
    {
      g_input_stream_close_async (call->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      handle_answer (task);
      return;
    }

  if (call->buffer->len + size > self->max_body_size)
    {
      g_task_return_error (task, sa_cisco_error_new (SA_CISCO_ERROR_BAD_REPLY, "the answer is too large"));
      return;
    }

  g_byte_array_append (call->buffer, g_bytes_get_data (chunk, NULL), size);
  if (call->flags & SA_CISCO_CALL_TOKEN)
    explicit_bzero ((gpointer) g_bytes_get_data (chunk, NULL), size);

  read_more (g_steal_pointer (&task));
}

/* Takes the task's reference. */
static void
read_more (GTask *task)
{
  Call *call = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (call->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (task), on_read, task);
}

static void
on_sent (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SaCiscoApi *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  goffset length;

  g_clear_object (&call->stream);
  call->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (call->stream == NULL)
    {
      g_debug ("%s %s failed: %s", call->method, call_path (call), error->message);
      g_task_return_error (task, map_transport_error (g_steal_pointer (&error)));
      return;
    }

  length = soup_message_headers_get_content_length (soup_message_get_response_headers (call->msg));
  if (length > 0 && (guint64) length > self->max_body_size)
    {
      g_task_return_error (task, sa_cisco_error_new (SA_CISCO_ERROR_BAD_REPLY, "the answer is too large"));
      return;
    }

  if (call->buffer != NULL)
    {
      if (call->flags & SA_CISCO_CALL_TOKEN)
        explicit_bzero (call->buffer->data, call->buffer->len);
      g_byte_array_set_size (call->buffer, 0);
    }
  else
    {
      call->buffer = g_byte_array_new ();
    }

  read_more (g_steal_pointer (&task));
}

/* ------------------------------------------------------------------------ */
/* Steps (each takes the task's reference) */

static void
step_send (GTask *task)
{
  SaCiscoApi *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  /* The token was forgotten while this request waited. */
  if (!(call->flags & SA_CISCO_CALL_TOKEN) && self->access_token == NULL)
    {
      step_authorize (task);
      return;
    }

  g_clear_object (&call->msg);
  call->msg = soup_message_new (call->method, call->uri);
  if (call->msg == NULL)
    {
      g_task_return_error (task, sa_cisco_error_new (SA_CISCO_ERROR_INSECURE_URI,
                                                     "the request address is not valid"));
      g_object_unref (task);
      return;
    }

  /* A redirect could carry the bearer token elsewhere: none is followed. */
  soup_message_add_flags (call->msg, SOUP_MESSAGE_NO_REDIRECT);

  headers = soup_message_get_request_headers (call->msg);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (call->body != NULL)
    soup_message_set_request_body_from_bytes (call->msg, call->content_type, call->body);

  if (!(call->flags & SA_CISCO_CALL_TOKEN))
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", self->access_token, NULL);

      call->token_serial = self->token_serial;
      soup_message_headers_replace (headers, "Authorization", authorization);
      explicit_bzero (authorization, strlen (authorization));
    }

  soup_session_send_async (self->session, call->msg, G_PRIORITY_DEFAULT,
                           g_task_get_cancellable (task), on_sent, task);
}

static void
step_throttle (GTask *task)
{
  SaCiscoApi *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  gint64 delay;

  /* A token renewed meanwhile may have expired during a long wait. */
  if (!(call->flags & SA_CISCO_CALL_TOKEN) && self->access_token == NULL)
    {
      step_authorize (task);
      return;
    }

  delay = take_from_bucket (self);
  if (delay > 0)
    {
      g_debug ("Rate limit: %s waits %" G_GINT64_FORMAT " ms", call->method, delay);
      wait_then (task, delay, step_send);
      return;
    }

  step_send (task);
}

static void
on_token_ready (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;

  if (!sa_cisco_api_ensure_token_finish (SA_CISCO_API (object), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  step_throttle (task);
}

static void
step_authorize (GTask *task)
{
  SaCiscoApi *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);

  if (call->flags & SA_CISCO_CALL_TOKEN)
    {
      step_throttle (task);
      return;
    }

  sa_cisco_api_ensure_token_async (self, FALSE, g_task_get_cancellable (task),
                                   on_token_ready, task);
}

/**
 * sa_cisco_api_call_async:
 * @self: an #SaCiscoApi
 * @method: "GET" or "POST"
 * @uri: the full, escaped address
 * @content_type: (nullable): the body's type, with @body
 * @body: (nullable): the request body
 * @flags: %SA_CISCO_CALL_IDEMPOTENT when the request may be sent again after
 *   502/503/504; %SA_CISCO_CALL_TOKEN for the token request itself
 * @cancellable: (nullable): a #GCancellable; it also ends any wait
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * Sends one request through the pipeline described at the top of this file.
 */
void
sa_cisco_api_call_async (SaCiscoApi          *self,
                         const char          *method,
                         const char          *uri,
                         const char          *content_type,
                         GBytes              *body,
                         SaCiscoCallFlags     flags,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task;
  Call *call;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SA_IS_CISCO_API (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sa_cisco_api_call_async);

  call = g_new0 (Call, 1);
  call->method = g_strdup (method);
  call->uri = g_strdup (uri);
  call->content_type = g_strdup (content_type);
  call->body = body != NULL ? g_bytes_ref (body) : NULL;
  call->flags = flags;
  g_task_set_task_data (task, call, call_free);

  if (!sa_cisco_api_check_ready (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  step_authorize (task);
}

/**
 * sa_cisco_api_call_finish:
 * @self: an #SaCiscoApi
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): the answer, a JSON object node; or
 *   %NULL with an %SA_CISCO_ERROR or %G_IO_ERROR_CANCELLED
 */
JsonNode *
sa_cisco_api_call_finish (SaCiscoApi    *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
