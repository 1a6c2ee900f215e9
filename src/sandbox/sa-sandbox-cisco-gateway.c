/* sa-sandbox-cisco-gateway.c — the front of the sandbox's Cisco-shaped
 * paths: POST /oauth2/default/v1/token, the bearer check, the training faults
 * and the request log, and the shapes of Cisco's replies
 *
 * The token endpoint is Cisco's identity provider's (CISCO-APIS.md §1.1,
 * §6.1): form `grant_type=client_credentials&client_id=…&client_secret=…`,
 * the client ID being a sandbox user name and the client secret that user's
 * password; the token's identity is that user, whose training data every
 * Cisco-shaped read answers from. Errors follow §1.1: 400 `invalid_request` /
 * `unsupported_grant_type`, 401 `invalid_client`.
 *
 * Every Cisco-shaped request of a known user is logged in that user's request
 * log, then may meet the next training fault queued for that user
 * (sa-sandbox-cisco-faults.c), which answers the way Cisco's gateways do
 * (§1.6, §3.9, §6.2): 403 "Invalid Client", 429 with Retry-After, the HTML
 * 403, 401 `invalid_token`; or changes the answer (no roles, OSA001, Latin-1
 * bytes, a delay). Texts marked synthesized in docs/cisco.md are the
 * sandbox's own: Cisco publishes none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sa-sandbox-cisco-private.h"

#include <string.h>

#include "sa-sandbox-auth.h"

#define FAULT_KEY     "sa-sandbox-cisco-fault"      /* kind + 1 */
#define DELAY_KEY     "sa-sandbox-cisco-delay"      /* milliseconds */
#define MAX_LOG_BODY  4096                          /* bytes */

/* ------------------------------------------------------------------------ */
/* Reply shapes                                                              */

/**
 * sa_sandbox_cisco_respond_error:
 * @msg: the request being answered
 * @status: the HTTP status
 * @status_message: the English `statusMessage`
 *
 * Answers a refusal of the Smart Accounts & Licensing API in its shape:
 * `{"status": "ERROR", "statusMessage": "…"}` (CISCO-APIS.md §1.2, "Errors").
 */
void
sa_sandbox_cisco_respond_error (SoupServerMessage *msg,
                                guint              status,
                                const char        *status_message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "ERROR");
  json_builder_set_member_name (builder, "statusMessage");
  json_builder_add_string_value (builder, status_message);
  json_builder_end_object (builder);

  sa_sandbox_respond_builder (msg, status, builder, NULL);
}

/**
 * sa_sandbox_cisco_add_success:
 * @builder: a builder inside the reply's object
 *
 * Adds `"status": "SUCCESS", "statusMessage": ""`, which ends every reply of
 * the Smart Accounts & Licensing API (CISCO-APIS.md §6.3 to §6.5).
 */
void
sa_sandbox_cisco_add_success (JsonBuilder *builder)
{
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "SUCCESS");
  json_builder_set_member_name (builder, "statusMessage");
  json_builder_add_string_value (builder, "");
}

/**
 * sa_sandbox_cisco_parse_body:
 * @msg: a request with a JSON body
 *
 * Returns: (transfer full) (nullable): the body's JSON object; %NULL, with
 *   400 `{"status": "ERROR", …}` answered, when the body is empty or not a
 *   JSON object (an empty body is refused, as Cisco does: §1.2)
 */
JsonNode *
sa_sandbox_cisco_parse_body (SoupServerMessage *msg)
{
  const char *problem = NULL;
  g_autoptr(JsonNode) root = sa_sandbox_body_json (msg, &problem);

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      sa_sandbox_cisco_respond_error (msg, SOUP_STATUS_BAD_REQUEST,
                                      root == NULL ? problem : "The body must be a JSON object");
      return NULL;
    }

  return g_steal_pointer (&root);
}

/* An OAuth 2.0 error of the token endpoint, or of a refused bearer token. */
static void
respond_oauth (SoupServerMessage *msg,
               guint              status,
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

  sa_sandbox_respond_builder (msg, status, builder, NULL);
}

static void
respond_invalid_client (SoupServerMessage *msg)
{
  /* the identity provider's own words for a wrong secret */
  respond_oauth (msg, SOUP_STATUS_UNAUTHORIZED, "invalid_client",
                 "The client secret supplied for a confidential client is invalid.");
}

static void
respond_invalid_token (SoupServerMessage *msg)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "WWW-Authenticate", "Bearer error=\"invalid_token\"");
  respond_oauth (msg, SOUP_STATUS_UNAUTHORIZED, "invalid_token",
                 "The access token is invalid or has expired");
}

/* ------------------------------------------------------------------------ */
/* Faults                                                                    */

static SaSandboxCiscoApi
api_of (SoupServerMessage *msg)
{
  const char *path = g_uri_get_path (soup_server_message_get_uri (msg));

  if (g_str_has_prefix (path, SA_SANDBOX_CISCO_ORDER_PATH))
    return SA_SANDBOX_CISCO_ORDER;
  if (g_str_equal (path, SA_SANDBOX_CISCO_LICENSING_PATH "/v2/accounts"))
    return SA_SANDBOX_CISCO_LICENSING | SA_SANDBOX_CISCO_ACCOUNT_ACCESS;

  return SA_SANDBOX_CISCO_LICENSING;
}

/* Answers the faults that replace the answer; FALSE for those that change
 * it (no roles, OSA001, Latin-1, a delay: see the handlers and finish). */
static gboolean
respond_fault (SoupServerMessage         *msg,
               const SaSandboxCiscoFault *fault)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  static const char html[] = "<html><body><h1>Not Authorized</h1></body></html>";

  switch (fault->kind)
    {
    case SA_SANDBOX_CISCO_FAULT_ACCESS_NOT_APPROVED:
      {
        g_autoptr(JsonBuilder) builder = json_builder_new ();

        json_builder_begin_object (builder);
        json_builder_set_member_name (builder, "message");
        json_builder_add_string_value (builder, "Invalid Client");
        json_builder_end_object (builder);
        sa_sandbox_respond_builder (msg, SOUP_STATUS_FORBIDDEN, builder, NULL);
      }
      return TRUE;

    case SA_SANDBOX_CISCO_FAULT_RATE_LIMITED:
      {
        g_autoptr(JsonBuilder) builder = json_builder_new ();
        g_autofree char *seconds = g_strdup_printf ("%u", fault->retry_after);

        if (fault->retry_after_date)
          {
            g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
            g_autoptr(GDateTime) then = g_date_time_add_seconds (now, fault->retry_after);
            g_autofree char *date = soup_date_time_to_string (then, SOUP_DATE_HTTP);

            soup_message_headers_replace (headers, "Retry-After", date);
          }
        else
          soup_message_headers_replace (headers, "Retry-After", seconds);
        soup_message_headers_replace (headers, "X-RateLimit-Remaining", "0");
        soup_message_headers_replace (headers, "X-RateLimit-Reset", seconds);

        json_builder_begin_object (builder);
        json_builder_set_member_name (builder, "message");
        json_builder_add_string_value (builder, "Too Many Requests");
        json_builder_end_object (builder);
        sa_sandbox_respond_builder (msg, 429, builder, NULL);
      }
      return TRUE;

    case SA_SANDBOX_CISCO_FAULT_HTML_403:
      soup_server_message_set_status (msg, SOUP_STATUS_FORBIDDEN, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, html, strlen (html));
      return TRUE;

    case SA_SANDBOX_CISCO_FAULT_INVALID_TOKEN:
      respond_invalid_token (msg);
      return TRUE;

    case SA_SANDBOX_CISCO_FAULT_INVALID_CLIENT:
      respond_invalid_client (msg);
      return TRUE;

    case SA_SANDBOX_CISCO_FAULT_NO_ROLES:
    case SA_SANDBOX_CISCO_FAULT_OSA001:
    case SA_SANDBOX_CISCO_FAULT_NON_UTF8:
    case SA_SANDBOX_CISCO_FAULT_SLOW:
    case SA_SANDBOX_CISCO_N_FAULTS:
    default:
      return FALSE;
    }
}

/* Takes the user's next fault for @api, notes it on @msg and answers it
 * when it replaces the answer; TRUE when answered. */
static gboolean
apply_fault (SaSandboxServer   *server,
             const char        *username,
             SoupServerMessage *msg,
             SaSandboxCiscoApi  api)
{
  SaSandboxCiscoFault fault;

  if (!sa_sandbox_cisco_take_fault (server, username, api, &fault))
    return FALSE;

  g_debug ("Cisco fault %d for %s", fault.kind, username);
  g_object_set_data (G_OBJECT (msg), FAULT_KEY, GINT_TO_POINTER (fault.kind + 1));
  if (fault.kind == SA_SANDBOX_CISCO_FAULT_SLOW)
    g_object_set_data (G_OBJECT (msg), DELAY_KEY, GUINT_TO_POINTER (fault.delay_ms));

  return respond_fault (msg, &fault);
}

/**
 * sa_sandbox_cisco_request_has_fault:
 * @request: a request of a Cisco-shaped path
 * @kind: a fault that changes the answer (no roles, OSA001)
 *
 * Returns: %TRUE when the request met that training fault: the handler then
 *   answers accordingly
 */
gboolean
sa_sandbox_cisco_request_has_fault (SaSandboxRequest        *request,
                                    SaSandboxCiscoFaultKind  kind)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (request->msg), FAULT_KEY)) == (int) kind + 1;
}

typedef struct
{
  GWeakRef           server;
  SoupServerMessage *msg;
} SaDelayedAnswer;

static void
delayed_answer_free (gpointer data)
{
  SaDelayedAnswer *delayed = data;

  g_weak_ref_clear (&delayed->server);
  g_object_unref (delayed->msg);
  g_free (delayed);
}

static gboolean
on_delay_over (gpointer data)
{
  SaDelayedAnswer *delayed = data;
  g_autoptr(SaSandboxServer) server = g_weak_ref_get (&delayed->server);

  if (server != NULL && server->server != NULL)
    soup_server_message_unpause (delayed->msg);

  return G_SOURCE_REMOVE;
}

/* Lets the answer of @msg (paused) go after @delay_ms (at once when 0). */
static void
release_answer (SaSandboxServer   *server,
                SoupServerMessage *msg,
                guint              delay_ms)
{
  g_autoptr(GSource) source = NULL;
  SaDelayedAnswer *delayed;

  if (delay_ms == 0)
    {
      soup_server_message_unpause (msg);
      return;
    }

  delayed = g_new0 (SaDelayedAnswer, 1);
  g_weak_ref_init (&delayed->server, server);
  delayed->msg = g_object_ref (msg);
  source = g_timeout_source_new (delay_ms);
  g_source_set_callback (source, on_delay_over, delayed, delayed_answer_free);
  g_source_attach (source, g_main_context_get_thread_default ());
}

/* The answer's JSON text as Latin-1 bytes (a stray byte that is not UTF-8,
 * as some of Cisco's commerce answers carry: CISCO-APIS.md §1.4). */
static void
spoil_encoding (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  const char *content_type =
    soup_message_headers_get_content_type (soup_server_message_get_response_headers (msg), NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *content_type_copy = NULL;
  char *latin1;
  gsize length = 0;

  if (g_strcmp0 (content_type, "application/json") != 0)
    return;

  bytes = soup_message_body_flatten (body);
  latin1 = g_convert_with_fallback (g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                                    "ISO-8859-1", "UTF-8", "?", NULL, &length, NULL);
  if (latin1 == NULL)
    return;

  content_type_copy = g_strdup (content_type);
  soup_message_body_truncate (body);
  soup_server_message_set_response (msg, content_type_copy, SOUP_MEMORY_TAKE, latin1, length);
}

/* ------------------------------------------------------------------------ */
/* Every Cisco-shaped request                                                */

/* The request's body for the log: its text when it is short UTF-8. */
static char *
dup_loggable_body (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize length;

  if (body->length == 0 || body->length > MAX_LOG_BODY)
    return NULL;
  bytes = soup_message_body_flatten (body);
  data = g_bytes_get_data (bytes, &length);
  if (memchr (data, '\0', length) != NULL || !g_utf8_validate (data, (gssize) length, NULL))
    return NULL;

  return g_strndup (data, length);
}

/**
 * sa_sandbox_cisco_prepare:
 * @request: a request of a Cisco-shaped route
 * @caller: (out caller-allocates): filled with the token's user
 *
 * What every Cisco-shaped read goes through before its handler: the Cisco
 * bearer token (else 401 `invalid_token`), the request log, the user's next
 * training fault (which may answer instead), the query string (400 in
 * Cisco's shape), the user's sandbox clock.
 *
 * Returns: %TRUE when the handler is to answer; %FALSE when an answer was
 *   given
 */
gboolean
sa_sandbox_cisco_prepare (SaSandboxRequest *request,
                          SaSandboxCaller  *caller)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  const char *problem = NULL;

  if (!sa_sandbox_lookup_token (request->server, request->msg, SA_SANDBOX_TOKEN_CISCO, caller, &error))
    {
      sa_sandbox_respond_gerror (request->msg, error);
      return FALSE;
    }
  if (caller->username == NULL)
    {
      respond_invalid_token (request->msg);
      return FALSE;
    }
  request->caller = caller;

  body = dup_loggable_body (request->msg);
  sa_sandbox_cisco_log_request (request->server, caller->username, request->msg, body);
  if (apply_fault (request->server, caller->username, request->msg, api_of (request->msg)))
    return FALSE;

  request->query = sa_sandbox_query_params (request->msg, &problem);
  if (request->query == NULL)
    {
      sa_sandbox_cisco_respond_error (request->msg, SOUP_STATUS_BAD_REQUEST, problem);
      return FALSE;
    }

  if (!sa_sandbox_db_clock_now (request->db, caller->tenant, &request->now, &error) ||
      !sa_sandbox_account_requests_settle (request->db, caller->tenant, request->now, &error))
    {
      sa_sandbox_respond_gerror (request->msg, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * sa_sandbox_cisco_finish:
 * @request: a request of a Cisco-shaped route, answered by its handler
 *
 * Applies the training faults that change an answer once made: its text as
 * Latin-1 bytes, a delay.
 */
void
sa_sandbox_cisco_finish (SaSandboxRequest *request)
{
  guint delay_ms = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (request->msg), DELAY_KEY));

  if (sa_sandbox_cisco_request_has_fault (request, SA_SANDBOX_CISCO_FAULT_NON_UTF8))
    spoil_encoding (request->msg);

  if (delay_ms > 0)
    {
      soup_server_message_pause (request->msg);
      release_answer (request->server, request->msg, delay_ms);
    }
}

/* ------------------------------------------------------------------------ */
/* POST /oauth2/default/v1/token                                             */

/* The form for the log: client_secret's value hidden. */
static char *
redact_form (const char *body)
{
  g_auto(GStrv) pairs = g_strsplit (body, "&", -1);
  g_autoptr(GString) redacted = g_string_new (NULL);
  guint i;

  for (i = 0; pairs[i] != NULL; i++)
    {
      g_autofree char *name = g_strndup (pairs[i], strcspn (pairs[i], "="));
      g_autofree char *decoded = g_uri_unescape_string (name, NULL);

      if (i > 0)
        g_string_append_c (redacted, '&');
      if (g_strcmp0 (decoded, "client_secret") == 0)
        g_string_append_printf (redacted, "%s=(hidden)", name);
      else
        g_string_append (redacted, pairs[i]);
      explicit_bzero (pairs[i], strlen (pairs[i]));
    }

  return g_string_free (g_steal_pointer (&redacted), FALSE);
}

/* Issues a Cisco token (or refuses) and lets the answer go, after the
 * training delay (a guint *) if any. */
static void
on_cisco_password_checked (SaSandboxServer   *self,
                           SoupServerMessage *msg,
                           const char        *username,
                           gpointer           delay)
{
  if (username != NULL)
    {
      g_autoptr(GError) error = NULL;
      guint lifetime = sa_sandbox_cisco_token_lifetime (self, username);
      g_autofree char *token = sa_sandbox_issue_token (self, username, SA_SANDBOX_TOKEN_CISCO,
                                                       lifetime, &error);

      if (token == NULL)
        sa_sandbox_respond_gerror (msg, error);
      else
        {
          sa_sandbox_respond_token (msg, token, lifetime);
          explicit_bzero (token, strlen (token));
        }
    }
  else
    {
      g_debug ("Cisco client refused");
      respond_invalid_client (msg);
    }

  release_answer (self, msg, *(guint *) delay);
}

/* Whether a user is named @client_id (who then gets the log and faults). */
static gboolean
is_user (SaSandboxRequest *request,
         const char       *client_id)
{
  g_auto(SaSandboxCaller) caller = { 0 };

  return client_id != NULL && sa_sandbox_text_is_valid (client_id, 64) &&
         sa_sandbox_lookup_user (request->db, client_id, &caller, NULL, NULL) &&
         caller.username != NULL;
}

/* POST /oauth2/default/v1/token: client_credentials (CISCO-APIS.md §6.1). */
static void
handle_token (SaSandboxRequest *request)
{
  SoupServerMessage *msg = request->msg;
  g_autofree char *body = NULL;
  g_autofree char *logged = NULL;
  g_autoptr(GHashTable) form = NULL;
  const char *grant_type, *client_id, *client_secret;
  const char *problem = NULL;
  gboolean known;
  guint *delay;

  body = sa_sandbox_body_text (msg, &problem);
  if (body == NULL)
    {
      respond_oauth (msg, SOUP_STATUS_BAD_REQUEST, "invalid_request", problem);
      return;
    }

  form = soup_form_decode (body);
  logged = redact_form (body);
  explicit_bzero (body, strlen (body));
  grant_type = g_hash_table_lookup (form, "grant_type");
  client_id = g_hash_table_lookup (form, "client_id");
  client_secret = g_hash_table_lookup (form, "client_secret");

  known = is_user (request, client_id);
  if (known)
    sa_sandbox_cisco_log_request (request->server, client_id, msg, logged);

  if (known &&
      apply_fault (request->server, client_id, msg, SA_SANDBOX_CISCO_TOKEN))
    ; /* answered */
  else if (grant_type == NULL)
    respond_oauth (msg, SOUP_STATUS_BAD_REQUEST, "invalid_request", "grant_type is missing");
  else if (g_strcmp0 (grant_type, "client_credentials") != 0)
    respond_oauth (msg, SOUP_STATUS_BAD_REQUEST, "unsupported_grant_type",
                   "Only the client_credentials grant is supported");
  else if (client_id == NULL || client_secret == NULL || !sa_sandbox_text_is_valid (client_id, 64) ||
           strlen (client_secret) > 1024 || !g_utf8_validate (client_secret, -1, NULL))
    respond_invalid_client (msg);
  else
    {
      /* the check wipes the secret */
      delay = g_new0 (guint, 1);
      *delay = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (msg), DELAY_KEY));
      sa_sandbox_check_password (request, client_id, client_secret, on_cisco_password_checked,
                                 delay, g_free);
      return;
    }

  if (client_secret != NULL)
    explicit_bzero ((char *) client_secret, strlen (client_secret));

  /* refused before any password check: the delay still applies */
  if (g_object_get_data (G_OBJECT (msg), DELAY_KEY) != NULL)
    {
      soup_server_message_pause (msg);
      release_answer (request->server, msg,
                      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (msg), DELAY_KEY)));
    }
}

static const SaSandboxRoute routes[] = {
  { "POST", SA_SANDBOX_CISCO_TOKEN_PATH, handle_token, SA_SANDBOX_PUBLIC },
};

const SaSandboxRouteTable sa_sandbox_cisco_gateway_routes = SA_SANDBOX_ROUTE_TABLE (routes);
