/* sa-sandbox-http.c — HTTP helpers of the sandbox: responses and the Desk
 * API's error shape, request bodies, query strings, paging, field errors
 *
 * Errors follow docs/desk-api.md: the HTTP status plus
 * {"status": "ERROR", "code": "…", "statusMessage": "…"} and, where the error
 * has them, more members ("fields", "candidates", "nextReminderDate").
 * Request input is checked before anything reads it: size (64 KiB), UTF-8,
 * no NUL, JSON nesting depth.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sa-sandbox-http.h"

#include <string.h>

#include "sa-json-reader.h"

#define SA_SANDBOX_MAX_JSON_DEPTH 16
#define SA_SANDBOX_MAX_QUERY      4096 /* bytes */
#define SA_SANDBOX_DEFAULT_LIMIT  50
#define SA_SANDBOX_MAX_LIMIT      100
#define OVERSIZED_KEY             "sa-sandbox-oversized"

/* ------------------------------------------------------------------------ */
/* Responses                                                                 */

/* The response being captured in this thread (sa_sandbox_response_capture()):
 * a handler running in a worker thread must not touch its message. */
static GPrivate capture_key;

/**
 * sa_sandbox_response_capture:
 * @response: (nullable): where the responses of this thread go from now on;
 *   %NULL: to their message again
 *
 * Makes sa_sandbox_respond_builder() (and every sa_sandbox_respond_*() that
 * ends there) keep the response in @response instead of setting it on the
 * message: for handlers that run in a worker thread (sa-sandbox-readers.c),
 * where the message, which is not thread-safe, is not theirs to touch. The
 * server's thread then gives it to the message with
 * sa_sandbox_response_apply().
 */
void
sa_sandbox_response_capture (SaSandboxResponse *response)
{
  g_private_set (&capture_key, response);
}

/**
 * sa_sandbox_response_apply:
 * @response: a captured response
 * @msg: its message, in the server's thread
 *
 * Sets @response on @msg (a 500 when none was captured).
 */
void
sa_sandbox_response_apply (SaSandboxResponse *response,
                           SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  if (response->status == 0)
    {
      sa_sandbox_respond_error_with (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                                     "The sandbox failed to process the request", NULL, NULL);
      return;
    }

  soup_server_message_set_status (msg, response->status, response->status == 429 ? "Too Many Requests" : NULL);
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  if (response->etag != NULL)
    soup_message_headers_replace (headers, "ETag", response->etag);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                    g_steal_pointer (&response->body), response->length);
}

/**
 * sa_sandbox_response_clear:
 * @response: a captured response
 *
 * Frees what @response holds.
 */
void
sa_sandbox_response_clear (SaSandboxResponse *response)
{
  g_clear_pointer (&response->etag, g_free);
  g_clear_pointer (&response->body, g_free);
  response->status = 0;
}

/**
 * sa_sandbox_respond_builder:
 * @msg: the request being answered
 * @status: the HTTP status
 * @builder: a builder holding the JSON body (its root is taken)
 * @etag: (nullable): the ETag header, e.g. "\"3\"" (an order's version)
 *
 * Answers @status with @builder's JSON, never cached (or keeps the answer
 * in the response this thread captures: sa_sandbox_response_capture()).
 */
void
sa_sandbox_respond_builder (SoupServerMessage *msg,
                            guint              status,
                            JsonBuilder       *builder,
                            const char        *etag)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  char *data;
  gsize length;

  SaSandboxResponse *capture = g_private_get (&capture_key);

  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);

  if (capture != NULL)
    {
      sa_sandbox_response_clear (capture);
      capture->status = status;
      capture->etag = g_strdup (etag);
      capture->body = data;
      capture->length = length;
      return;
    }

  /* libsoup 3.2 has no reason phrase for 429 */
  soup_server_message_set_status (msg, status, status == 429 ? "Too Many Requests" : NULL);
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  if (etag != NULL)
    soup_message_headers_replace (headers, "ETag", etag);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, data, length);
}

/**
 * sa_sandbox_respond_ok:
 * @msg: the request being answered
 *
 * Answers 200 `{"status": "OK"}`, for actions that return nothing else
 * (POST /sandbox/reset).
 */
void
sa_sandbox_respond_ok (SoupServerMessage *msg)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "OK");
  json_builder_end_object (builder);
  sa_sandbox_respond_builder (msg, SOUP_STATUS_OK, builder, NULL);
}

/**
 * sa_sandbox_respond_error_with:
 * @msg: the request being answered
 * @status: the HTTP status
 * @code: the Desk API error code, "VALIDATION_FAILED"
 * @message: the English `statusMessage`
 * @member: (nullable): one more member of the error body, e.g. "fields"
 * @value: (nullable) (transfer full): @member's value
 *
 * Answers with the Desk API's error body (docs/desk-api.md, "Errors").
 */
void
sa_sandbox_respond_error_with (SoupServerMessage *msg,
                               guint              status,
                               const char        *code,
                               const char        *message,
                               const char        *member,
                               JsonNode          *value)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "ERROR");
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "statusMessage");
  json_builder_add_string_value (builder, message);
  if (member != NULL)
    {
      json_builder_set_member_name (builder, member);
      json_builder_add_value (builder, value);
    }
  json_builder_end_object (builder);

  sa_sandbox_respond_builder (msg, status, builder, NULL);
}

/**
 * sa_sandbox_respond_error:
 * @msg: the request being answered
 * @error: the error code; its HTTP status and wire code come from sa-error.h
 * @message: the English `statusMessage`
 *
 * Answers a refusal of the Desk API, e.g. 409 ORDER_SHIPPED.
 */
void
sa_sandbox_respond_error (SoupServerMessage *msg,
                          SaClientError      error,
                          const char        *message)
{
  sa_sandbox_respond_error_with (msg, sa_client_error_get_http_status (error),
                                 sa_client_error_to_code (error), message, NULL, NULL);
}

/* {"<field>": "<message>"} */
static JsonNode *
new_fields_node (const char *field,
                 const char *message)
{
  JsonObject *fields = json_object_new ();
  JsonNode *node = json_node_init_object (json_node_alloc (), fields);

  json_object_set_string_member (fields, field, message);
  json_object_unref (fields);

  return node;
}

/**
 * sa_sandbox_respond_invalid:
 * @msg: the request being answered
 * @field: (nullable): the offending field or query parameter, which the body
 *   names in `fields`
 * @message: the English `statusMessage`
 *
 * Answers 400 INVALID_REQUEST: malformed input (not a rule of a procedure).
 */
void
sa_sandbox_respond_invalid (SoupServerMessage *msg,
                            const char        *field,
                            const char        *message)
{
  sa_sandbox_respond_error_with (msg, SOUP_STATUS_BAD_REQUEST,
                                 sa_client_error_to_code (SA_CLIENT_ERROR_INVALID_REQUEST), message,
                                 field != NULL ? "fields" : NULL,
                                 field != NULL ? new_fields_node (field, message) : NULL);
}

/**
 * sa_sandbox_respond_gerror:
 * @msg: the request being answered
 * @error: (nullable): why the request failed
 *
 * Answers @error: an %SA_CLIENT_ERROR is a refusal of the Desk API, answered
 * with its status, code and message (sa_sandbox_respond_error()); any other
 * error is a real internal failure (database, resources): logged, then 500
 * INTERNAL_ERROR without its details.
 */
void
sa_sandbox_respond_gerror (SoupServerMessage *msg,
                           const GError      *error)
{
  if (error != NULL && error->domain == SA_CLIENT_ERROR)
    {
      sa_sandbox_respond_gerror_with (msg, error, NULL, NULL);
      return;
    }

  g_message ("internal error: %s", error ? error->message : "unknown");
  sa_sandbox_respond_error_with (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                                 "The sandbox failed to process the request", NULL, NULL);
}

/**
 * sa_sandbox_respond_gerror_with:
 * @msg: the request being answered
 * @error: a refusal: an %SA_CLIENT_ERROR
 * @member: (nullable): one more member of the error body, e.g. "candidates"
 * @value: (nullable) (transfer full): @member's value
 *
 * Answers the refusal @error with its status, code and message, and @member
 * (docs/desk-api.md: ACCOUNT_ID_REQUIRED has `candidates`, REMINDER_TOO_SOON
 * `nextReminderDate`).
 */
void
sa_sandbox_respond_gerror_with (SoupServerMessage *msg,
                                const GError      *error,
                                const char        *member,
                                JsonNode          *value)
{
  g_return_if_fail (error->domain == SA_CLIENT_ERROR);

  sa_sandbox_respond_error_with (msg, sa_client_error_get_http_status (error->code),
                                 sa_client_error_to_code (error->code), error->message,
                                 member, value);
}

/**
 * sa_sandbox_respond_oauth_error:
 * @msg: the request being answered
 * @error_code: the OAuth 2.0 error, "invalid_grant"
 * @description: the English `error_description`
 *
 * Answers 400 with the token endpoint's error shape (RFC 6749, as Cisco's
 * token endpoints answer).
 */
void
sa_sandbox_respond_oauth_error (SoupServerMessage *msg,
                                const char        *error_code,
                                const char        *description)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, error_code);
  json_builder_set_member_name (builder, "error_description");
  json_builder_add_string_value (builder, description);
  json_builder_end_object (builder);

  sa_sandbox_respond_builder (msg, SOUP_STATUS_BAD_REQUEST, builder, NULL);
}

/* ------------------------------------------------------------------------ */
/* Field errors                                                              */

/**
 * sa_sandbox_field_errors_new:
 *
 * Returns: (transfer full): an empty list of validation errors, to fill with
 *   sa_sandbox_field_errors_add() and answer with
 *   sa_sandbox_respond_field_errors()
 */
SaSandboxFieldErrors *
sa_sandbox_field_errors_new (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

/**
 * sa_sandbox_field_errors_add:
 * @errors: the list
 * @field: the field, as the request names it ("users[2]")
 * @message: the English message
 *
 * Adds the error of @field at the end of @errors, replacing the one it had.
 */
void
sa_sandbox_field_errors_add (SaSandboxFieldErrors *errors,
                             const char           *field,
                             const char           *message)
{
  guint i;

  for (i = 0; i + 1 < errors->len; i += 2)
    if (g_strcmp0 (errors->pdata[i], field) == 0)
      {
        g_ptr_array_remove_range (errors, i, 2);
        break;
      }
  g_ptr_array_add (errors, g_strdup (field));
  g_ptr_array_add (errors, g_strdup (message));
}

/**
 * sa_sandbox_respond_field_errors:
 * @msg: the request being answered
 * @errors: the validation errors found
 *
 * Answers 422 VALIDATION_FAILED with `fields` (each field's message; the
 * first one is the `statusMessage`) when @errors holds any.
 *
 * Returns: %TRUE when it answered (the handler returns), %FALSE when
 *   @errors is empty
 */
gboolean
sa_sandbox_respond_field_errors (SoupServerMessage    *msg,
                                 SaSandboxFieldErrors *errors)
{
  JsonObject *fields;
  JsonNode *node;
  guint i;

  if (errors->len == 0)
    return FALSE;

  fields = json_object_new ();
  for (i = 0; i + 1 < errors->len; i += 2)
    json_object_set_string_member (fields, errors->pdata[i], errors->pdata[i + 1]);
  node = json_node_init_object (json_node_alloc (), fields);
  json_object_unref (fields);

  sa_sandbox_respond_error_with (msg, sa_client_error_get_http_status (SA_CLIENT_ERROR_VALIDATION_FAILED),
                                 sa_client_error_to_code (SA_CLIENT_ERROR_VALIDATION_FAILED),
                                 errors->pdata[1], "fields", node);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Input                                                                     */

/**
 * sa_sandbox_text_is_valid:
 * @str: (nullable): text from a request
 * @max_chars: the most characters it may have
 *
 * Returns: %TRUE when @str is printable UTF-8 text of 1 to @max_chars
 *   characters (no control characters)
 */
gboolean
sa_sandbox_text_is_valid (const char *str,
                          glong       max_chars)
{
  const char *p;
  glong n = 0;

  if (str == NULL || *str == '\0' || !g_utf8_validate (str, -1, NULL))
    return FALSE;

  for (p = str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || ++n > max_chars)
        return FALSE;
    }

  return TRUE;
}

/**
 * sa_sandbox_contains_casefold:
 * @haystack: (nullable): text from the database
 * @needle_folded: the searched text, already through g_utf8_casefold()
 *
 * The Desk API's searches: "contains", case-insensitive over Unicode.
 *
 * Returns: %TRUE when @haystack contains the needle
 */
gboolean
sa_sandbox_contains_casefold (const char *haystack,
                              const char *needle_folded)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);

  return strstr (folded, needle_folded) != NULL;
}

/**
 * sa_sandbox_body_text:
 * @msg: the request
 * @problem: (out) (transfer none): on failure, what is wrong, in English
 *
 * Reads the request body as text, without answering (for the paths that
 * answer errors in another shape: the Cisco-shaped ones).
 *
 * Returns: (transfer full) (nullable): the request body as NUL-terminated
 *   UTF-8 text ("" when empty); %NULL when it is larger than 64 KiB, holds a
 *   NUL or is not UTF-8
 */
char *
sa_sandbox_body_text (SoupServerMessage  *msg,
                      const char        **problem)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize length;

  if (body->length > SA_SANDBOX_MAX_BODY ||
      g_object_get_data (G_OBJECT (msg), OVERSIZED_KEY) != NULL)
    {
      *problem = "The request body is larger than 64 KiB";
      return NULL;
    }

  bytes = soup_message_body_flatten (body);
  data = g_bytes_get_data (bytes, &length);
  if (length > 0 && (memchr (data, '\0', length) != NULL ||
                     !g_utf8_validate (data, (gssize) length, NULL)))
    {
      *problem = "The request body is not valid UTF-8 text";
      return NULL;
    }

  return g_strndup (data != NULL ? data : "", length);
}

/* One name or value of a form, decoded: '+' is a space, %XX a byte. */
static char *
form_unescape (const char *start,
               gsize       length)
{
  g_autofree char *plus = g_strndup (start, length);
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize size;
  char *value = NULL;

  g_strdelimit (plus, "+", ' ');
  bytes = g_uri_unescape_bytes (plus, -1, NULL, NULL);
  if (bytes == NULL)
    {
      explicit_bzero (plus, length);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &size);
  if (size == 0 || (memchr (data, '\0', size) == NULL && g_utf8_validate_len (data, size, NULL)))
    value = g_strndup (data != NULL ? data : "", size);

  /* The form may carry a password: no copy is left behind. */
  explicit_bzero (plus, length);
  if (size > 0)
    explicit_bzero ((gpointer) data, size);

  return value;
}

/**
 * sa_sandbox_form_decode:
 * @text: an application/x-www-form-urlencoded body, NUL-terminated
 * @problem: (out) (transfer none): on failure, what is wrong, in English
 *
 * Decodes a form strictly, as the token endpoint needs (RFC 6749 §3.1:
 * parameters must not repeat): unlike soup_form_decode(), a "%00" does not
 * cut a value short, a repeated name is refused rather than the last one
 * winning, and a value that is not UTF-8 once decoded is refused.
 *
 * Returns: (transfer full) (nullable): name → value (both UTF-8); %NULL when
 *   a name repeats, an escape is malformed or decodes to NUL or non-UTF-8
 */
GHashTable *
sa_sandbox_form_decode (const char  *text,
                        const char **problem)
{
  g_autoptr(GHashTable) form = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *pair = text;

  while (pair != NULL && *pair != '\0')
    {
      const char *end = strchr (pair, '&');
      gsize length = end != NULL ? (gsize) (end - pair) : strlen (pair);
      const char *equals = memchr (pair, '=', length);
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;

      if (length > 0)
        {
          name = form_unescape (pair, equals != NULL ? (gsize) (equals - pair) : length);
          value = equals != NULL ? form_unescape (equals + 1, length - (gsize) (equals + 1 - pair))
                                 : g_strdup ("");
          if (name == NULL || value == NULL)
            {
              *problem = "The form holds a malformed escape, a NUL or bytes that are not UTF-8";
              return NULL;
            }
          if (g_hash_table_contains (form, name))
            {
              *problem = "A form parameter is repeated";
              return NULL;
            }
          g_hash_table_insert (form, g_steal_pointer (&name), g_steal_pointer (&value));
        }

      pair = end != NULL ? end + 1 : NULL;
    }

  return g_steal_pointer (&form);
}

/**
 * sa_sandbox_dup_body_text:
 * @msg: the request
 *
 * Returns: (transfer full) (nullable): the request body as NUL-terminated
 *   UTF-8 text ("" when empty); %NULL, with 400 answered, when it is larger
 *   than 64 KiB, holds a NUL or is not UTF-8
 */
char *
sa_sandbox_dup_body_text (SoupServerMessage *msg)
{
  const char *problem = NULL;
  char *text = sa_sandbox_body_text (msg, &problem);

  if (text == NULL)
    sa_sandbox_respond_invalid (msg, NULL, problem);

  return text;
}

/**
 * sa_sandbox_body_json:
 * @msg: the request
 * @problem: (out) (transfer none): on failure, what is wrong, in English
 *
 * Parses the request body as JSON, without answering (see
 * sa_sandbox_body_text() for the checks of the text).
 *
 * Returns: (transfer full) (nullable): the body's JSON, of any type; %NULL
 *   when it is not JSON (an empty body is not) or nests deeper than 16 levels
 */
JsonNode *
sa_sandbox_body_json (SoupServerMessage  *msg,
                      const char        **problem)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  text = sa_sandbox_body_text (msg, problem);
  if (text == NULL)
    return NULL;

  /* The one bounded reader (sa-json-reader.c): depth, "\u0000", trailing
   * data are refused before json-glib sees the text. */
  root = sa_json_reader_parse (text, strlen (text), SA_SANDBOX_MAX_JSON_DEPTH,
                               SA_JSON_READER_REFUSE_NUL_ESCAPE |
                               SA_JSON_READER_REFUSE_LONG_NUMBERS, &error);
  if (root == NULL)
    {
      g_debug ("refused JSON: %s", error->message);
      if (g_error_matches (error, SA_JSON_READER_ERROR, SA_JSON_READER_ERROR_TOO_DEEP) ||
          g_error_matches (error, SA_JSON_READER_ERROR, SA_JSON_READER_ERROR_NUL_ESCAPE))
        *problem = "The JSON body is nested too deeply or holds a NUL character";
      else if (g_error_matches (error, SA_JSON_READER_ERROR, SA_JSON_READER_ERROR_TRAILING_DATA))
        *problem = "The body holds more than one JSON value";
      else if (g_error_matches (error, SA_JSON_READER_ERROR, SA_JSON_READER_ERROR_NUMBER_RANGE))
        *problem = "The body holds a number outside every documented range";
      else
        *problem = "The body is not valid JSON";
      return NULL;
    }

  return root;
}

/**
 * sa_sandbox_parse_body_object:
 * @msg: the request
 *
 * Returns: (transfer full) (nullable): the request body's JSON object; %NULL,
 *   with 400 answered, when the body is not one (see also
 *   sa_sandbox_body_json())
 */
JsonNode *
sa_sandbox_parse_body_object (SoupServerMessage *msg)
{
  const char *problem = NULL;
  g_autoptr(JsonNode) root = sa_sandbox_body_json (msg, &problem);

  if (root == NULL)
    {
      sa_sandbox_respond_invalid (msg, NULL, problem);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      sa_sandbox_respond_invalid (msg, NULL, "The body must be a JSON object");
      return NULL;
    }

  return g_steal_pointer (&root);
}

/**
 * sa_sandbox_get_string_member:
 * @msg: the request
 * @object: the body's object
 * @member: the member
 * @value: (out) (transfer none) (nullable): its text; %NULL when absent or null
 *
 * Returns: %TRUE unless @member holds anything but a string (or null), in
 *   which case 400 is answered
 */
gboolean
sa_sandbox_get_string_member (SoupServerMessage  *msg,
                              JsonObject         *object,
                              const char         *member,
                              const char        **value)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_autofree char *message = g_strdup_printf ("%s must be a string", member);

      sa_sandbox_respond_invalid (msg, member, message);
      return FALSE;
    }
  *value = json_node_get_string (node);

  return TRUE;
}

/**
 * sa_sandbox_query_params:
 * @msg: the request
 * @problem: (out) (transfer none): on failure, what is wrong, in English
 *
 * Decodes the query string without answering (for the Cisco-shaped paths).
 *
 * Returns: (transfer full) (nullable): the decoded query parameters (name →
 *   value, the last one of a repeated name); %NULL when the query is longer
 *   than 4 KiB, holds a NUL, is malformed or not UTF-8
 */
GHashTable *
sa_sandbox_query_params (SoupServerMessage  *msg,
                         const char        **problem)
{
  const char *raw = g_uri_get_query (soup_server_message_get_uri (msg));
  g_autoptr(GHashTable) params = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (raw == NULL || *raw == '\0')
    return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (strlen (raw) > SA_SANDBOX_MAX_QUERY)
    {
      *problem = "The query string is too long";
      return NULL;
    }

  if (strstr (raw, "%00") != NULL)
    {
      *problem = "The query string contains a NUL character";
      return NULL;
    }

  params = g_uri_parse_params (raw, -1, "&", G_URI_PARAMS_WWW_FORM, &error);
  if (params == NULL)
    {
      g_debug ("bad query: %s", error->message);
      *problem = "The query string is malformed";
      return NULL;
    }

  g_hash_table_iter_init (&iter, params);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (!g_utf8_validate (key, -1, NULL) || !g_utf8_validate (value, -1, NULL))
        {
          *problem = "The query string is not valid UTF-8";
          return NULL;
        }
    }

  return g_steal_pointer (&params);
}

/**
 * sa_sandbox_parse_query:
 * @msg: the request
 *
 * Returns: (transfer full) (nullable): the decoded query parameters (see
 *   sa_sandbox_query_params()); %NULL, with 400 answered, when the query is
 *   not valid
 */
GHashTable *
sa_sandbox_parse_query (SoupServerMessage *msg)
{
  const char *problem = NULL;
  GHashTable *params = sa_sandbox_query_params (msg, &problem);

  if (params == NULL)
    sa_sandbox_respond_invalid (msg, NULL, problem);

  return params;
}

/* Query parameter @name as a whole number from @min to @max (@value
 * unchanged when absent); FALSE (and 400 with @message sent) otherwise. */
static gboolean
parse_whole_number (SoupServerMessage *msg,
                    GHashTable        *query,
                    const char        *name,
                    guint64            min,
                    guint64            max,
                    const char        *message,
                    guint64           *value)
{
  const char *s = g_hash_table_lookup (query, name);

  if (s == NULL ||
      (g_ascii_isdigit (*s) && g_ascii_string_to_unsigned (s, 10, min, max, value, NULL)))
    return TRUE;

  sa_sandbox_respond_invalid (msg, name, message);
  return FALSE;
}

/**
 * sa_sandbox_parse_paging:
 * @msg: the request
 * @query: its query parameters
 * @limit: (out): `limit`, 1 to 100 (default 50)
 * @offset: (out): `offset`, 0 or more (default 0)
 *
 * Reads the paging parameters of a search (orders, Smart Accounts).
 *
 * Returns: %TRUE on success; %FALSE, with 400 answered, when a value is not a
 *   whole number in its range
 */
gboolean
sa_sandbox_parse_paging (SoupServerMessage *msg,
                         GHashTable        *query,
                         guint64           *limit,
                         guint64           *offset)
{
  *limit = SA_SANDBOX_DEFAULT_LIMIT;
  *offset = 0;

  return parse_whole_number (msg, query, "limit", 1, SA_SANDBOX_MAX_LIMIT,
                             "limit must be a whole number from 1 to 100", limit) &&
         parse_whole_number (msg, query, "offset", 0, G_MAXINT32,
                             "offset must be a whole number, 0 or more", offset);
}

/* ------------------------------------------------------------------------ */
/* Body size                                                                 */

/* Once a body passes 64 KiB, stop keeping it: the rest is read and dropped,
 * and the handler answers 400. */
static void
on_got_chunk (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  if (body->length > SA_SANDBOX_MAX_BODY)
    {
      soup_message_body_set_accumulate (body, FALSE);
      soup_message_body_truncate (body);
      g_object_set_data (G_OBJECT (msg), OVERSIZED_KEY, GINT_TO_POINTER (TRUE));
    }
}

static void
early_callback (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > SA_SANDBOX_MAX_BODY)
    {
      soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
      g_object_set_data (G_OBJECT (msg), OVERSIZED_KEY, GINT_TO_POINTER (TRUE));
      return;
    }

  g_signal_connect (msg, "got-chunk", G_CALLBACK (on_got_chunk), NULL);
}

/**
 * sa_sandbox_http_limit_bodies:
 * @server: the sandbox's #SoupServer
 *
 * Refuses to keep an oversized request body (over 64 KiB) in memory: an
 * announced one at once, a chunked one as soon as it passes the limit. The
 * handler then answers 400 (sa_sandbox_dup_body_text()).
 */
void
sa_sandbox_http_limit_bodies (SoupServer *server)
{
  soup_server_add_early_handler (server, NULL, early_callback, NULL, NULL);
}

/* ------------------------------------------------------------------------ */
/* Heads libsoup refuses                                                     */

/* What libsoup's own refusals of a request head carry (docs/desk-api.md,
 * "Errors"): it answers them itself (400, or 501 for an unknown
 * Transfer-Encoding) before any handler runs. */
#define REFUSED_HEAD_BODY \
  "{\"status\":\"ERROR\",\"code\":\"INVALID_REQUEST\"," \
  "\"statusMessage\":\"The request line, a header or the path is not valid HTTP\"}"

/* After libsoup's own check of the head (its handler runs first): a head it
 * accepted gets its body from the handler; one it refused keeps the JSON. */
static void
on_got_headers (SoupServerMessage *msg,
                gpointer           user_data)
{
  if (soup_server_message_get_status (msg) == 0)
    soup_server_message_set_response (msg, NULL, SOUP_MEMORY_STATIC, NULL, 0);
}

static void
on_request_started (SoupServer        *server,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                    REFUSED_HEAD_BODY, strlen (REFUSED_HEAD_BODY));
  g_signal_connect (msg, "got-headers", G_CALLBACK (on_got_headers), NULL);
}

/**
 * sa_sandbox_http_answer_refused_heads:
 * @server: the sandbox's #SoupServer
 *
 * Makes the requests that libsoup refuses while reading their head — a
 * malformed request line or header, a bad Host, an unknown
 * Transfer-Encoding, a path with "..", all before any handler — carry the
 * contract's JSON error (`INVALID_REQUEST`) instead of an empty body: every
 * message starts with that body, dropped as soon as libsoup has accepted
 * its head ("got-headers"). A head over 64 KiB still ends the connection
 * with no answer: libsoup 3.2 writes none (docs/security.md).
 */
void
sa_sandbox_http_answer_refused_heads (SoupServer *server)
{
  g_signal_connect (server, "request-started", G_CALLBACK (on_request_started), NULL);
}
