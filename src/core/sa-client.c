/* sa-client.c — asynchronous client of the Desk API (libsoup 3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sa-client"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "sa-client.h"
#include "sa-credentials.h"
#include "sa-error.h"
#include "sa-json-private.h"
#include "sa-validate.h"

#define DEFAULT_TIMEOUT_SECONDS 30
#define MAX_RESPONSE_SIZE       (16 * 1024 * 1024)
#define MAX_PAGE_SIZE           100

struct _SaClient
{
  GObject      parent_instance;

  char        *base_uri;     /* normalized, ends with "/"; NULL when invalid */
  char        *given_uri;    /* as passed to sa_client_new() */
  SoupSession *session;
  char        *access_token; /* memory only, never logged */
  char        *username;
  guint        timeout;
  guint        token_serial;  /* increases with every new token */
  GPtrArray   *renew_waiters; /* GTasks waiting for a renewal; NULL when none runs */
  guint        renew_from_keyring : 1;
  guint        insecure : 1;  /* plain http to a host that is not this computer */
};

G_DEFINE_FINAL_TYPE (SaClient, sa_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_URI,
  PROP_TIMEOUT,
  PROP_SIGNED_IN,
  PROP_USERNAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGN_IN_REQUIRED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Per-call state, the GTask's task data. */
typedef struct _Request Request;

/* Turns a 2xx answer into the task's result (g_task_return_*), or returns FALSE
 * with an error. @root is NULL when the body was empty. */
typedef gboolean (*ResponseHandler) (SaClient     *self,
                                     GTask        *task,
                                     Request      *request,
                                     JsonNode     *root,
                                     GError      **error);

/* What a list answer holds: `{"<member>": [item…], "totalRecords": N}`. */
typedef gpointer (*ItemParser) (JsonObject  *object,
                                GError     **error);
typedef struct
{
  const char  *member;
  GType      (*get_item_type) (void);
  ItemParser   parse_item;
} ListSpec;

struct _Request
{
  SoupMessage     *msg;
  ResponseHandler  handler;
  const ListSpec  *list;           /* with handle_list */
  char            *username;       /* sign-in only */
  guint            total_records;  /* order search */
  guint            token_serial;   /* of the token the request was sent with */
  guint            is_token : 1;   /* POST /oauth2/token */
  guint            needs_json : 1; /* 2xx must carry a JSON body */
  guint            renewed : 1;    /* already re-sent once after a 401 */

  /* What the message is made of, so that it can be built again and re-sent
   * after the sign-in was renewed (the token request is never re-sent). */
  char            *method;
  char            *uri;
  GBytes          *body;           /* application/json, or NULL */
  char            *if_match;

  /* Details of an error answer, handed out by some finish functions. */
  GHashTable      *fields;         /* VALIDATION_FAILED: field → message */
  GListStore      *candidates;     /* ACCOUNT_ID_REQUIRED: SaSmartAccount */
  GDateTime       *next_reminder;  /* REMINDER_TOO_SOON */
};

static void
request_free (gpointer data)
{
  Request *request = data;

  g_clear_object (&request->msg);
  g_clear_pointer (&request->username, g_free);
  g_clear_pointer (&request->method, g_free);
  g_clear_pointer (&request->uri, g_free);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_clear_pointer (&request->if_match, g_free);
  g_clear_pointer (&request->fields, g_hash_table_unref);
  g_clear_object (&request->candidates);
  g_clear_pointer (&request->next_reminder, g_date_time_unref);
  g_free (request);
}

static void
clear_secret (char **secret)
{
  if (*secret != NULL)
    {
      explicit_bzero (*secret, strlen (*secret));
      g_clear_pointer (secret, g_free);
    }
}

/* ------------------------------------------------------------------------ */
/* GObject */

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;
  g_autofree char *bare = NULL;
  gsize len;

  if (host == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  len = strlen (host);
  if (len > 2 && host[0] == '[' && host[len - 1] == ']')
    bare = g_strndup (host + 1, len - 2);
  else
    bare = g_strdup (host);

  address = g_inet_address_new_from_string (bare);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/* Returns the base URI with a trailing "/", or NULL when @uri is not an
 * absolute http(s) URI without query or fragment. */
static char *
normalize_base_uri (const char *uri,
                    gboolean   *loopback)
{
  g_autoptr(GUri) parsed = NULL;
  const char *scheme;
  const char *path;
  g_autofree char *new_path = NULL;
  g_autoptr(GUri) normalized = NULL;

  *loopback = FALSE;

  if (uri == NULL)
    return NULL;

  parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED, NULL);
  if (parsed == NULL)
    return NULL;

  scheme = g_uri_get_scheme (parsed);
  if (scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0) ||
      g_uri_get_host (parsed) == NULL || *g_uri_get_host (parsed) == '\0' ||
      g_uri_get_query (parsed) != NULL || g_uri_get_fragment (parsed) != NULL)
    return NULL;

  *loopback = host_is_loopback (g_uri_get_host (parsed));

  path = g_uri_get_path (parsed);
  if (path == NULL || *path == '\0')
    new_path = g_strdup ("/");
  else if (!g_str_has_suffix (path, "/"))
    new_path = g_strconcat (path, "/", NULL);
  else
    new_path = g_strdup (path);

  normalized = g_uri_build (G_URI_FLAGS_ENCODED,
                            scheme,
                            g_uri_get_userinfo (parsed),
                            g_uri_get_host (parsed),
                            g_uri_get_port (parsed),
                            new_path, NULL, NULL);
  return g_uri_to_string (normalized);
}

/* SA_DEBUG_HTTP output goes to the debug log, never to stdout. */
static void
log_http (SoupLogger         *logger,
          SoupLoggerLogLevel  level,
          char                direction,
          const char         *data,
          gpointer            user_data)
{
  g_debug ("%c %s", direction, data);
}

static void
sa_client_constructed (GObject *object)
{
  SaClient *self = (SaClient *)object;
  g_autofree char *user_agent = NULL;
  gboolean loopback = FALSE;

  G_OBJECT_CLASS (sa_client_parent_class)->constructed (object);

  self->base_uri = normalize_base_uri (self->given_uri, &loopback);
  if (self->base_uri == NULL)
    g_debug ("Not a usable server address: every call will fail");
  else if (!loopback && g_str_has_prefix (self->base_uri, "http:"))
    self->insecure = TRUE;

  user_agent = g_strdup_printf ("smart-account-desk/%s", PACKAGE_VERSION);

  /* A set http_proxy would be used even for 127.0.0.1: loopback never goes
   * through a proxy. */
  if (loopback)
    self->session = g_object_new (SOUP_TYPE_SESSION,
                                  "proxy-resolver", NULL,
                                  "user-agent", user_agent,
                                  "timeout", self->timeout,
                                  "idle-timeout", self->timeout,
                                  NULL);
  else
    self->session = g_object_new (SOUP_TYPE_SESSION,
                                  "user-agent", user_agent,
                                  "timeout", self->timeout,
                                  "idle-timeout", self->timeout,
                                  NULL);

  /* Minimal logging prints request and status lines only: never headers
   * (the bearer token) nor bodies (passwords). */
  if (g_getenv ("SA_DEBUG_HTTP") != NULL)
    {
      g_autoptr(SoupLogger) logger = soup_logger_new (SOUP_LOGGER_LOG_MINIMAL);

      soup_logger_set_printer (logger, log_http, NULL, NULL);
      soup_session_add_feature (self->session, SOUP_SESSION_FEATURE (logger));
    }
}

static void
sa_client_dispose (GObject *object)
{
  SaClient *self = (SaClient *)object;

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sa_client_parent_class)->dispose (object);
}

static void
sa_client_finalize (GObject *object)
{
  SaClient *self = (SaClient *)object;

  clear_secret (&self->access_token);
  g_clear_pointer (&self->renew_waiters, g_ptr_array_unref);
  g_clear_pointer (&self->username, g_free);
  g_clear_pointer (&self->base_uri, g_free);
  g_clear_pointer (&self->given_uri, g_free);

  G_OBJECT_CLASS (sa_client_parent_class)->finalize (object);
}

static void
sa_client_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SaClient *self = SA_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URI:
      g_value_set_string (value, sa_client_get_base_uri (self));
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    case PROP_SIGNED_IN:
      g_value_set_boolean (value, sa_client_get_signed_in (self));
      break;
    case PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_client_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SaClient *self = SA_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URI:
      self->given_uri = g_value_dup_string (value);
      break;
    case PROP_TIMEOUT:
      sa_client_set_timeout (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_client_class_init (SaClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sa_client_constructed;
  object_class->dispose = sa_client_dispose;
  object_class->finalize = sa_client_finalize;
  object_class->get_property = sa_client_get_property;
  object_class->set_property = sa_client_set_property;

  /**
   * SaClient:base-uri:
   *
   * The server's address, such as "http://127.0.0.1:41234/" (the embedded
   * sandbox) or a partner gateway's https address. Read back normalized, with
   * a trailing "/".
   */
  properties[PROP_BASE_URI] =
    g_param_spec_string ("base-uri", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * SaClient:timeout:
   *
   * Seconds to wait for the server (connection and each read), 0 for none.
   */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 0, G_MAXUINT, DEFAULT_TIMEOUT_SECONDS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS);

  /**
   * SaClient:signed-in:
   *
   * Whether the client holds an access token. Becomes %FALSE after
   * sa_client_sign_out() and when the server answers 401 UNAUTHENTICATED.
   */
  properties[PROP_SIGNED_IN] =
    g_param_spec_boolean ("signed-in", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SaClient:username:
   *
   * The user name of the last successful sign-in, %NULL before.
   */
  properties[PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SaClient::sign-in-required:
   * @self: the #SaClient
   *
   * Emitted when a call was refused with 401 UNAUTHENTICATED (the token
   * expired or was revoked) and could not be renewed from the keyring (see
   * sa_client_set_renew_from_keyring()), just before that call fails with
   * %SA_CLIENT_ERROR_UNAUTHENTICATED. The UI asks the user to sign in, then
   * repeats what they were doing. Emitted once per failed renewal, and once
   * per refused call when renewal is off: handlers must tolerate repeats.
   */
  signals[SIGN_IN_REQUIRED] =
    g_signal_new ("sign-in-required",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
sa_client_init (SaClient *self)
{
  self->timeout = DEFAULT_TIMEOUT_SECONDS;
}

/* ------------------------------------------------------------------------ */
/* Public accessors */

/**
 * sa_client_new:
 * @base_uri: the server's address, an absolute http or https URI such as
 *   "http://127.0.0.1:41234/"
 *
 * Creates a client with its own #SoupSession (30 s timeout). Loopback
 * addresses bypass any configured proxy. An unusable @base_uri still gives a
 * client, whose every call then fails with %SA_CLIENT_ERROR_INVALID_INPUT.
 *
 * Returns: (transfer full): a new #SaClient
 */
SaClient *
sa_client_new (const char *base_uri)
{
  return g_object_new (SA_TYPE_CLIENT, "base-uri", base_uri, NULL);
}

/**
 * sa_client_get_base_uri:
 * @self: an #SaClient
 *
 * Returns: (transfer none) (nullable): the normalized server address (ending
 *   in "/"), or the address as given when it is not usable
 */
const char *
sa_client_get_base_uri (SaClient *self)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);

  return self->base_uri != NULL ? self->base_uri : self->given_uri;
}

/**
 * sa_client_get_signed_in:
 * @self: an #SaClient
 *
 * Returns: %TRUE when the client holds an access token
 */
gboolean
sa_client_get_signed_in (SaClient *self)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), FALSE);

  return self->access_token != NULL;
}

/**
 * sa_client_get_username:
 * @self: an #SaClient
 *
 * Returns: (transfer none) (nullable): the signed-in user name, %NULL until
 *   signed in
 */
const char *
sa_client_get_username (SaClient *self)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);

  return self->username;
}

/**
 * sa_client_set_timeout:
 * @self: an #SaClient
 * @seconds: seconds to wait for the server before a call fails with
 *   %SA_CLIENT_ERROR_TIMEOUT; 0 waits forever
 *
 * Sets the session's I/O and idle timeouts; applies to calls started
 * afterwards.
 */
void
sa_client_set_timeout (SaClient *self,
                       guint     seconds)
{
  g_return_if_fail (SA_IS_CLIENT (self));

  if (self->timeout == seconds)
    return;

  self->timeout = seconds;

  if (self->session != NULL)
    {
      soup_session_set_timeout (self->session, seconds);
      soup_session_set_idle_timeout (self->session, seconds);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

/**
 * sa_client_get_timeout:
 * @self: an #SaClient
 *
 * Returns: the timeout in seconds (0: none)
 */
guint
sa_client_get_timeout (SaClient *self)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), 0);

  return self->timeout;
}

static void
drop_token (SaClient *self)
{
  gboolean was_signed_in = self->access_token != NULL;

  clear_secret (&self->access_token);

  if (was_signed_in)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_IN]);
}

/**
 * sa_client_sign_out:
 * @self: an #SaClient
 *
 * Forgets the access token (wiping it from memory) and the user name. Calls
 * that need a token then fail with %SA_CLIENT_ERROR_UNAUTHENTICATED.
 */
void
sa_client_sign_out (SaClient *self)
{
  g_return_if_fail (SA_IS_CLIENT (self));

  drop_token (self);

  if (self->username != NULL)
    {
      g_clear_pointer (&self->username, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USERNAME]);
    }
}

/* ------------------------------------------------------------------------ */
/* Errors */

/* Every SA_CLIENT_ERROR this file returns carries the translated sentence for
 * the user as its message; @detail (never secret, maybe server text) goes to
 * the debug log only. */
static GError *
new_client_error (SaClientError  code,
                  const char    *detail)
{
  g_autoptr(GError) error = g_error_new_literal (SA_CLIENT_ERROR, code, "");
  g_autofree char *message = NULL;

  message = sa_error_dup_user_message (error);

  if (detail != NULL)
    g_debug ("Client error %d (%s): %s", code,
             sa_client_error_to_code (code) ? sa_client_error_to_code (code) : "local",
             detail);

  g_free (error->message);
  error->message = g_steal_pointer (&message);

  return g_steal_pointer (&error);
}

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

/* Maps a transport error of libsoup/GIO. Cancellation stays as it is. */
static GError *
map_transport_error (GError *error)
{
  g_autoptr(GError) owned = error;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_steal_pointer (&owned);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return new_client_error (SA_CLIENT_ERROR_TIMEOUT, error->message);

  if (error->domain == SOUP_SESSION_ERROR &&
      (error->code == SOUP_SESSION_ERROR_PARSING ||
       error->code == SOUP_SESSION_ERROR_ENCODING ||
       error->code == SOUP_SESSION_ERROR_MESSAGE_ALREADY_IN_QUEUE))
    return new_client_error (SA_CLIENT_ERROR_INVALID_RESPONSE, error->message);

  return new_client_error (SA_CLIENT_ERROR_NETWORK, error->message);
}

static JsonNode *
parse_json (GBytes  *bytes,
            GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  if (size > MAX_RESPONSE_SIZE)
    {
      g_propagate_error (error, new_client_error (SA_CLIENT_ERROR_INVALID_RESPONSE,
                                                  "answer too large"));
      return NULL;
    }

  if (data == NULL || size == 0)
    return NULL;

  if (!g_utf8_validate (data, size, NULL) ||
      !json_parser_load_from_data (parser, data, size, &local_error))
    {
      g_propagate_error (error, new_client_error (SA_CLIENT_ERROR_INVALID_RESPONSE,
                                                  local_error ? local_error->message
                                                              : "invalid UTF-8"));
      return NULL;
    }

  return json_parser_steal_root (parser);
}

static gpointer parse_account_item (JsonObject  *object,
                                    GError     **error);

/* Keeps the details some error answers carry (docs/desk-api.md, "Errors"):
 * `fields` of VALIDATION_FAILED, `candidates` of ACCOUNT_ID_REQUIRED,
 * `nextReminderDate` (or the Retry-After header) of REMINDER_TOO_SOON. A
 * malformed detail is dropped (logged), the error itself stays. */
static void
read_error_details (Request     *request,
                    JsonObject  *object,
                    const char  *code_str)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (code_str, "VALIDATION_FAILED") == 0 && object != NULL)
    {
      JsonObject *fields = NULL;

      if (sa_json_read_object (object, "error", "fields", &fields, &error) && fields != NULL)
        {
          g_autoptr(GList) members = json_object_get_members (fields);

          request->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          for (GList *l = members; l != NULL; l = l->next)
            {
              const char *message = NULL;

              if (!g_utf8_validate (l->data, -1, NULL) ||
                  !sa_json_read_string (fields, "error", l->data, FALSE, &message, NULL))
                continue;
              g_hash_table_replace (request->fields, g_strdup (l->data),
                                    g_strdup (message != NULL ? message : ""));
            }
        }
    }
  else if (g_strcmp0 (code_str, "ACCOUNT_ID_REQUIRED") == 0 && object != NULL)
    {
      JsonArray *array = NULL;

      if (sa_json_read_array (object, "error", "candidates", &array, &error))
        {
          g_autoptr(GListStore) store = g_list_store_new (SA_TYPE_SMART_ACCOUNT);
          guint n = json_array_get_length (array);

          for (guint i = 0; i < n; i++)
            {
              JsonNode *node = json_array_get_element (array, i);
              g_autoptr(GObject) item = NULL;

              if (JSON_NODE_HOLDS_OBJECT (node))
                item = parse_account_item (json_node_get_object (node), &error);
              if (item == NULL)
                {
                  g_clear_object (&store);
                  break;
                }
              g_list_store_append (store, item);
            }
          request->candidates = g_steal_pointer (&store);
        }
    }
  else if (g_strcmp0 (code_str, "REMINDER_TOO_SOON") == 0)
    {
      GDateTime *next = NULL;

      if (object != NULL &&
          sa_json_read_date (object, "error", "nextReminderDate", FALSE, &next, &error) &&
          next != NULL)
        {
          request->next_reminder = next;
        }
      else
        {
          SoupMessageHeaders *headers = soup_message_get_response_headers (request->msg);
          const char *retry_after = soup_message_headers_get_one (headers, "Retry-After");
          guint64 seconds = 0;

          if (retry_after != NULL &&
              g_ascii_string_to_unsigned (retry_after, 10, 0, 7 * 24 * 3600, &seconds, NULL))
            {
              g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

              request->next_reminder = g_date_time_add_seconds (now, (gdouble) seconds);
            }
        }
    }

  if (error != NULL)
    g_debug ("Ignoring the details of an error answer: %s", error->message);
}

/* Builds the error for a non-2xx answer from its body
 * {"status":"ERROR","code":…,"statusMessage":…,"fields":…} (or, from the token
 * endpoint, {"error":…,"error_description":…}), falling back on the status. */
static GError *
error_from_response (Request *request,
                     guint    status,
                     GBytes  *body)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *detail = NULL;
  const char *code_str = NULL;
  const char *message = NULL;
  SaClientError code;

  root = parse_json (body, &parse_error);

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);

      if (!sa_json_read_string (object, "error", "code", FALSE, &code_str, NULL))
        code_str = NULL;
      if (!sa_json_read_string (object, "error", "statusMessage", FALSE, &message, NULL))
        message = NULL;

      if (request->is_token && code_str == NULL)
        {
          const char *oauth_error = NULL;

          if (sa_json_read_string (object, "error", "error", FALSE, &oauth_error, NULL) &&
              oauth_error != NULL)
            {
              if (!sa_json_read_string (object, "error", "error_description", FALSE, &message, NULL))
                message = NULL;

              if (g_str_equal (oauth_error, "invalid_grant") ||
                  g_str_equal (oauth_error, "invalid_client"))
                return new_client_error (SA_CLIENT_ERROR_INVALID_CREDENTIALS, message);
              if (status < 500)
                return new_client_error (SA_CLIENT_ERROR_INVALID_REQUEST, message);
            }
        }
    }

  detail = g_strdup_printf ("HTTP %u, code %s: %s", status,
                            code_str ? code_str : "(none)",
                            message ? message : "(no message)");

  if (status >= 500)
    return new_client_error (SA_CLIENT_ERROR_SERVER_ERROR, detail);

  code = sa_client_error_from_code (code_str);
  if (code == SA_CLIENT_ERROR_FAILED)
    code = code_for_http_status (status);
  else
    read_error_details (request,
                        root != NULL && JSON_NODE_HOLDS_OBJECT (root)
                        ? json_node_get_object (root) : NULL,
                        code_str);

  return new_client_error (code, detail);
}

/* ------------------------------------------------------------------------ */
/* Sending */

static char *
escape (const char *str)
{
  return g_uri_escape_string (str, NULL, FALSE);
}

/* Joins the base URI and @relative_path (already escaped, no leading "/"),
 * appending @query (already escaped, may be NULL). */
static char *
build_uri (SaClient   *self,
           const char *relative_path,
           const char *query)
{
  g_autofree char *relative = NULL;

  if (query != NULL && *query != '\0')
    relative = g_strconcat (relative_path, "?", query, NULL);
  else
    relative = g_strdup (relative_path);

  return g_uri_resolve_relative (self->base_uri, relative, G_URI_FLAGS_ENCODED, NULL);
}

static void
query_add (GString    *query,
           const char *key,
           const char *value)
{
  g_autofree char *escaped_key = escape (key);
  g_autofree char *escaped_value = escape (value);

  if (query->len > 0)
    g_string_append_c (query, '&');
  g_string_append_printf (query, "%s=%s", escaped_key, escaped_value);
}

static gboolean
check_base_uri (SaClient  *self,
                GError   **error)
{
  if (self->base_uri != NULL)
    return sa_validate_server_uri (self->base_uri, error);

  g_set_error_literal (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT,
                       _("The server address is not valid. Enter an address such as https://desk.example.com/."));
  return FALSE;
}

/* Creates the task with an empty request as its task data. */
static GTask *
new_task (SaClient            *self,
          gpointer             source_tag,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Request *request = g_new0 (Request, 1);

  g_task_set_source_tag (task, source_tag);
  request->needs_json = TRUE;
  g_task_set_task_data (task, request, request_free);

  return task;
}

static void send_request  (SaClient *self,
                           GTask    *task);
static void start_renewal (SaClient *self,
                           GTask    *task);
static gboolean rebuild_message (Request *request);

static void
on_sent (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SaClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  guint status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);

  if (body == NULL)
    {
      g_debug ("%s %s failed: %s",
               soup_message_get_method (request->msg),
               g_uri_get_path (soup_message_get_uri (request->msg)),
               error->message);
      g_task_return_error (task, map_transport_error (g_steal_pointer (&error)));
      return;
    }

  status = soup_message_get_status (request->msg);
  g_debug ("%s %s → %u",
           soup_message_get_method (request->msg),
           g_uri_get_path (soup_message_get_uri (request->msg)),
           status);

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_autoptr(GError) server_error = error_from_response (request, status, body);

      if (g_error_matches (server_error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_UNAUTHENTICATED) &&
          !request->is_token)
        {
          /* Another call renewed the token while this one was under way:
           * send it again with the new one. */
          if (!request->renewed && self->access_token != NULL &&
              request->token_serial != self->token_serial &&
              rebuild_message (request))
            {
              request->renewed = TRUE;
              send_request (self, g_steal_pointer (&task));
              return;
            }

          /* The token is no longer accepted: renew it from the keyring once
           * (the old token stays until the new one replaces it, so that
           * "signed-in" does not flicker), or let the UI ask the user to sign
           * in. */
          if (!request->renewed && self->renew_from_keyring)
            {
              request->renewed = TRUE;
              start_renewal (self, g_steal_pointer (&task));
              return;
            }

          drop_token (self);
          g_signal_emit (self, signals[SIGN_IN_REQUIRED], 0);
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

  if (request->needs_json && (root == NULL || !JSON_NODE_HOLDS_OBJECT (root)))
    {
      g_task_return_error (task, new_client_error (SA_CLIENT_ERROR_INVALID_RESPONSE,
                                                   "the answer is not a JSON object"));
      return;
    }

  if (!request->handler (self, task, request, root, &error))
    {
      /* Keep the detail for the log; the user gets the generic sentence. */
      if (g_error_matches (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_RESPONSE))
        g_task_return_error (task, new_client_error (SA_CLIENT_ERROR_INVALID_RESPONSE,
                                                     error->message));
      else
        g_task_return_error (task, g_steal_pointer (&error));
    }
}

/* Sends @request's message, with the bearer token when there is one (the
 * server answers 401 UNAUTHENTICATED when it is needed and missing). Takes
 * the task's reference. */
static void
send_request (SaClient *self,
              GTask    *task)
{
  Request *request = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_request_headers (request->msg);

  soup_message_headers_replace (headers, "Accept", "application/json");

  request->token_serial = self->token_serial;

  if (!request->is_token && self->access_token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", self->access_token, NULL);

      soup_message_headers_replace (headers, "Authorization", authorization);
      explicit_bzero (authorization, strlen (authorization));
    }

  soup_session_send_and_read_async (self->session,
                                    request->msg,
                                    G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task),
                                    on_sent,
                                    task);
}

/* Prepares @task's message for @method on @relative_path?@query. Returns
 * FALSE, with the task completed with an error, when that fails. */
static gboolean
prepare_message (SaClient   *self,
                 GTask      *task,
                 const char *method,
                 const char *relative_path,
                 const char *query)
{
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  if (!check_base_uri (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return FALSE;
    }

  uri = build_uri (self, relative_path, query);
  if (uri != NULL)
    request->msg = soup_message_new (method, uri);

  if (request->msg != NULL)
    {
      request->method = g_strdup (method);
      request->uri = g_steal_pointer (&uri);
    }
  else
    {
      g_task_return_error (task, new_client_error (SA_CLIENT_ERROR_INVALID_INPUT,
                                                   "could not build the request URI"));
      return FALSE;
    }

  return TRUE;
}

/* Takes GError ** so that the error is read after the validation call that
 * sets it has run (argument evaluation order is unspecified). */
static gboolean
return_if_invalid (GTask    *task,
                   gboolean  valid,
                   GError  **error)
{
  if (valid)
    return FALSE;

  g_assert (error != NULL && *error != NULL);
  g_task_return_error (task, g_steal_pointer (error));
  return TRUE;
}

/* Sets the JSON body of @request's message, keeping it for a re-send. */
static void
set_json_body (Request *request,
               GBytes  *body)
{
  g_clear_pointer (&request->body, g_bytes_unref);
  request->body = g_bytes_ref (body);
  soup_message_set_request_body_from_bytes (request->msg, "application/json", body);
}

/* Serialises the object built with @builder. */
static GBytes *
builder_to_bytes (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  char *json;
  gsize json_length;

  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, &json_length);
  return g_bytes_new_take (json, json_length);
}

/* Builds @request's message again from its description (method, URI, body,
 * If-Match), for the one re-send after a renewed sign-in. */
static gboolean
rebuild_message (Request *request)
{
  g_clear_object (&request->msg);

  if (request->method == NULL || request->uri == NULL)
    return FALSE;

  request->msg = soup_message_new (request->method, request->uri);
  if (request->msg == NULL)
    return FALSE;

  if (request->body != NULL)
    soup_message_set_request_body_from_bytes (request->msg, "application/json", request->body);
  if (request->if_match != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (request->msg),
                                  "If-Match", request->if_match);

  return TRUE;
}

/* Reads a list member of @root into a GListStore of @item_type. */

static GListStore *
parse_list (JsonNode    *root,
            const char  *member,
            GType        item_type,
            ItemParser   parse_item,
            GError     **error)
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

static gboolean
read_total_records (JsonNode  *root,
                    guint     *out,
                    GError   **error)
{
  gint64 total = 0;

  if (!sa_json_read_int (json_node_get_object (root), "list", "totalRecords",
                         FALSE, 0, &total, error))
    return FALSE;

  if (total < 0 || total > G_MAXUINT)
    return sa_json_fail_value ("list", "totalRecords", error);

  *out = (guint) total;
  return TRUE;
}

/* The 2xx handler of every plain list call: the items of the member that
 * request->list names, as a GListStore, and totalRecords. */
static gboolean
handle_list (SaClient  *self,
             GTask     *task,
             Request   *request,
             JsonNode  *root,
             GError   **error)
{
  g_autoptr(GListStore) store = NULL;

  store = parse_list (root, request->list->member, request->list->get_item_type (),
                      request->list->parse_item, error);
  if (store == NULL)
    return FALSE;

  if (!read_total_records (root, &request->total_records, error))
    return FALSE;

  g_task_return_pointer (task, g_steal_pointer (&store), g_object_unref);
  return TRUE;
}

static void
expect_list (GTask          *task,
             const ListSpec *list)
{
  Request *request = g_task_get_task_data (task);

  request->handler = handle_list;
  request->list = list;
}

/* ------------------------------------------------------------------------ */
/* Sign in */

static gboolean
handle_token (SaClient  *self,
              GTask     *task,
              Request   *request,
              JsonNode  *root,
              GError   **error)
{
  JsonObject *object = json_node_get_object (root);
  const char *token = NULL;
  const char *token_type = NULL;

  if (!sa_json_read_string (object, "token", "access_token", TRUE, &token, error) ||
      !sa_json_read_string (object, "token", "token_type", FALSE, &token_type, error))
    return FALSE;

  if (*token == '\0' || strpbrk (token, "\r\n") != NULL)
    return sa_json_fail_value ("token", "access_token", error);
  if (token_type != NULL && g_ascii_strcasecmp (token_type, "Bearer") != 0)
    return sa_json_fail_value ("token", "token_type", error);

  clear_secret (&self->access_token);
  self->access_token = g_strdup (token);
  self->token_serial++;

  g_free (self->username);
  self->username = g_steal_pointer (&request->username);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_IN]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USERNAME]);

  g_task_return_boolean (task, TRUE);
  return TRUE;
}

/**
 * sa_client_sign_in_async:
 * @self: an #SaClient
 * @username: the user name (UTF-8, no control characters)
 * @password: the password; sent in the form body only, never logged or kept
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Signs in with the password grant (`POST /oauth2/token`, form-encoded). On
 * success the access token is kept in memory only, #SaClient:signed-in and
 * #SaClient:username change. Serves the first step of every procedure: log in
 * to the portal (in training mode, the app signs in by itself).
 */
void
sa_client_sign_in_async (SaClient            *self,
                         const char          *username,
                         const char          *password,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  Request *request;
  char *form;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_task (self, sa_client_sign_in_async, cancellable, callback, user_data);
  request = g_task_get_task_data (task);
  request->handler = handle_token;
  request->is_token = TRUE;

  if (username == NULL || *username == '\0' ||
      !g_utf8_validate (username, -1, NULL) || strlen (username) > 256 ||
      strpbrk (username, "\r\n\t") != NULL)
    {
      g_task_return_new_error (task, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT,
                               "%s", _("Enter your user name."));
      return;
    }
  if (password == NULL || *password == '\0' || strlen (password) > 1024)
    {
      g_task_return_new_error (task, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT,
                               "%s", _("Enter your password."));
      return;
    }

  if (!check_base_uri (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  uri = build_uri (self, "oauth2/token", NULL);
  form = soup_form_encode ("grant_type", "password",
                           "username", username,
                           "password", password,
                           NULL);
  /* Takes ownership of @form. */
  request->msg = soup_message_new_from_encoded_form ("POST", uri, form);
  if (request->msg == NULL)
    {
      g_task_return_error (task, new_client_error (SA_CLIENT_ERROR_INVALID_INPUT,
                                                   "could not build the token request"));
      return;
    }

  request->username = g_strdup (username);

  send_request (self, g_steal_pointer (&task));
}

/**
 * sa_client_sign_in_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE when signed in; otherwise %FALSE with
 *   %SA_CLIENT_ERROR_INVALID_CREDENTIALS (wrong user name or password),
 *   %SA_CLIENT_ERROR_INVALID_INPUT, %SA_CLIENT_ERROR_INVALID_REQUEST,
 *   %SA_CLIENT_ERROR_NETWORK, %SA_CLIENT_ERROR_TIMEOUT,
 *   %SA_CLIENT_ERROR_SERVER_ERROR, %SA_CLIENT_ERROR_INVALID_RESPONSE or
 *   %G_IO_ERROR_CANCELLED
 */
gboolean
sa_client_sign_in_finish (SaClient      *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_client_sign_in_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* Profile */

static gboolean
handle_profile (SaClient  *self,
                GTask     *task,
                Request   *request,
                JsonNode  *root,
                GError   **error)
{
  SaProfile *profile = sa_profile_new_from_json (json_node_get_object (root), error);

  if (profile == NULL)
    return FALSE;

  g_task_return_pointer (task, profile, g_object_unref);
  return TRUE;
}

/**
 * sa_client_get_profile_async:
 * @self: an #SaClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Fetches the signed-in user's profile (`GET /v1/profile`): the user checks it
 * before requesting access to a Smart Account, and the header bar names them.
 */
void
sa_client_get_profile_async (SaClient            *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_task (self, sa_client_get_profile_async, cancellable, callback, user_data);
  ((Request *) g_task_get_task_data (task))->handler = handle_profile;

  if (!prepare_message (self, task, "GET", "v1/profile", NULL))
    return;

  send_request (self, g_steal_pointer (&task));
}

/**
 * sa_client_get_profile_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): the profile, or %NULL with
 *   %SA_CLIENT_ERROR_UNAUTHENTICATED, %SA_CLIENT_ERROR_NETWORK,
 *   %SA_CLIENT_ERROR_TIMEOUT, %SA_CLIENT_ERROR_SERVER_ERROR,
 *   %SA_CLIENT_ERROR_INVALID_RESPONSE or %G_IO_ERROR_CANCELLED
 */
SaProfile *
sa_client_get_profile_finish (SaClient      *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_client_get_profile_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* Orders */

static gpointer
parse_order_item (JsonObject  *object,
                  GError     **error)
{
  return sa_order_new_from_json (object, NULL, error);
}

static const ListSpec order_list = { "orders", sa_order_get_type, parse_order_item };


/**
 * sa_client_search_orders_async:
 * @self: an #SaClient
 * @field: what to search in: Sales Order No., Web Order No. or PO No.
 * @value: (nullable): the value (or part of it, case-insensitive); %NULL lists
 *   every order the user may see
 * @offset: index of the first result (paging), from 0
 * @limit: at most this many results, 1 to 100; 0 for the server's default (50)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Searches orders (`GET /v1/orders`): step 2 of assigning an order (find the
 * order in CCW) and step 3 of changing an assignment (search for the order).
 * @value is checked with sa_validate_order_search() first.
 */
void
sa_client_search_orders_async (SaClient            *self,
                               SaOrderSearchField   field,
                               const char          *value,
                               guint                offset,
                               guint                limit,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GString) query = g_string_new (NULL);
  GError *error = NULL;
  g_autofree char *offset_str = NULL;
  g_autofree char *limit_str = NULL;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_task (self, sa_client_search_orders_async, cancellable, callback, user_data);
  expect_list (task, &order_list);

  if (value != NULL)
    {
      if (return_if_invalid (task, sa_validate_order_search (field, value, &error), &error))
        return;

      query_add (query, "searchBy", sa_order_search_field_to_string (field));
      query_add (query, "value", value);
    }

  if (limit > MAX_PAGE_SIZE)
    limit = MAX_PAGE_SIZE;
  if (limit > 0)
    {
      limit_str = g_strdup_printf ("%u", limit);
      query_add (query, "limit", limit_str);
    }
  offset_str = g_strdup_printf ("%u", offset);
  query_add (query, "offset", offset_str);

  if (!prepare_message (self, task, "GET", "v1/orders", query->str))
    return;

  send_request (self, g_steal_pointer (&task));
}

/**
 * sa_client_search_orders_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @total_records: (out) (optional): the number of matching orders on the
 *   server, across all pages
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): a #GListModel of #SaOrder (without
 *   ETags), possibly empty; or %NULL with %SA_CLIENT_ERROR_INVALID_INPUT,
 *   %SA_CLIENT_ERROR_INVALID_REQUEST, %SA_CLIENT_ERROR_UNAUTHENTICATED,
 *   %SA_CLIENT_ERROR_NETWORK, %SA_CLIENT_ERROR_TIMEOUT,
 *   %SA_CLIENT_ERROR_SERVER_ERROR, %SA_CLIENT_ERROR_INVALID_RESPONSE or
 *   %G_IO_ERROR_CANCELLED
 */
GListModel *
sa_client_search_orders_finish (SaClient      *self,
                                GAsyncResult  *result,
                                guint         *total_records,
                                GError       **error)
{
  Request *request;
  GListModel *model;

  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_client_search_orders_async, NULL);

  request = g_task_get_task_data (G_TASK (result));
  model = g_task_propagate_pointer (G_TASK (result), error);

  if (total_records != NULL)
    *total_records = model != NULL ? request->total_records : 0;

  return model;
}

static gboolean
handle_order (SaClient  *self,
              GTask     *task,
              Request   *request,
              JsonNode  *root,
              GError   **error)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (request->msg);
  const char *etag = soup_message_headers_get_one (headers, "ETag");
  SaOrder *order;

  order = sa_order_new_from_json (json_node_get_object (root), etag, error);
  if (order == NULL)
    return FALSE;

  g_task_return_pointer (task, order, g_object_unref);
  return TRUE;
}

/**
 * sa_client_get_order_async:
 * @self: an #SaClient
 * @sales_order_number: a full Sales Order No. (1 to 20 digits)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Fetches one order with its Smart Account assignment and ETag
 * (`GET /v1/orders/{salesOrderNumber}`): step 3 of changing an assignment (open
 * the order and view its Smart Account assignments), and the re-read after a
 * change or a version conflict.
 */
void
sa_client_get_order_async (SaClient            *self,
                           const char          *sales_order_number,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_task (self, sa_client_get_order_async, cancellable, callback, user_data);
  ((Request *) g_task_get_task_data (task))->handler = handle_order;

  if (return_if_invalid (task, sa_validate_sales_order_number (sales_order_number, &error), &error))
    return;

  escaped = escape (sales_order_number);
  path = g_strconcat ("v1/orders/", escaped, NULL);

  if (!prepare_message (self, task, "GET", path, NULL))
    return;

  send_request (self, g_steal_pointer (&task));
}

/**
 * sa_client_get_order_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): the order, with its ETag; or %NULL with
 *   %SA_CLIENT_ERROR_INVALID_INPUT, %SA_CLIENT_ERROR_ORDER_NOT_FOUND,
 *   %SA_CLIENT_ERROR_NOT_AUTHORIZED, %SA_CLIENT_ERROR_UNAUTHENTICATED,
 *   %SA_CLIENT_ERROR_INVALID_REQUEST, %SA_CLIENT_ERROR_NETWORK,
 *   %SA_CLIENT_ERROR_TIMEOUT, %SA_CLIENT_ERROR_SERVER_ERROR,
 *   %SA_CLIENT_ERROR_INVALID_RESPONSE or %G_IO_ERROR_CANCELLED
 */
SaOrder *
sa_client_get_order_finish (SaClient      *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_client_get_order_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
validate_slot (SaAssignment  *slot,
               GError       **error)
{
  if (slot == NULL)
    return TRUE;

  return sa_validate_domain (sa_assignment_get_domain (slot), error) &&
         sa_validate_virtual_account_name (sa_assignment_get_virtual_account (slot), error);
}

static void
add_slot (JsonBuilder  *builder,
          const char   *member,
          SaAssignment *slot)
{
  if (slot == NULL)
    return;

  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "domain");
  json_builder_add_string_value (builder, sa_assignment_get_domain (slot));
  json_builder_set_member_name (builder, "virtualAccount");
  json_builder_add_string_value (builder, sa_assignment_get_virtual_account (slot));
  json_builder_end_object (builder);
}

/**
 * sa_client_update_assignment_async:
 * @self: an #SaClient
 * @order: the order as last fetched with sa_client_get_order_async(); its
 *   Sales Order No. and ETag are used
 * @end_customer: (nullable): the new End Customer Smart Account slot (its
 *   domain and Virtual Account are sent), or %NULL to leave it as it is
 * @holding: (nullable): the new Holding Smart Account slot, or %NULL to leave
 *   it as it is
 * @terms_accepted: whether the user ticked the terms of use
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Submits the change (`PUT /v1/orders/{n}/smart-account-assignment`): the last
 * steps of both procedures — accept the terms of use, Submit, "Submit Change",
 * Yes. At least one slot is required, and its domain and Virtual Account are
 * checked locally (%SA_CLIENT_ERROR_INVALID_INPUT). The rest is the server's to
 * decide, so that its rules are enforced in one place: @terms_accepted is sent
 * as it is (the server answers %SA_CLIENT_ERROR_TERMS_NOT_ACCEPTED), the
 * account type of each slot is checked by the server
 * (%SA_CLIENT_ERROR_WRONG_ACCOUNT_TYPE), and an @order without an ETag (from a
 * search result) is sent without `If-Match`, which the server refuses with
 * %SA_CLIENT_ERROR_PRECONDITION_REQUIRED.
 */
void
sa_client_update_assignment_async (SaClient            *self,
                                   SaOrder             *order,
                                   SaAssignment        *end_customer,
                                   SaAssignment        *holding,
                                   gboolean             terms_accepted,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  const char *etag;
  Request *request;
  GError *error = NULL;
  char *json;
  gsize json_length;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (SA_IS_ORDER (order));
  g_return_if_fail (end_customer == NULL || SA_IS_ASSIGNMENT (end_customer));
  g_return_if_fail (holding == NULL || SA_IS_ASSIGNMENT (holding));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_task (self, sa_client_update_assignment_async, cancellable, callback, user_data);
  request = g_task_get_task_data (task);
  request->handler = handle_order;

  if (end_customer == NULL && holding == NULL)
    {
      g_task_return_new_error (task, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT,
                               "%s", _("Choose an End Customer or a Holding Smart Account first."));
      return;
    }

  if (return_if_invalid (task,
                         sa_validate_sales_order_number (sa_order_get_sales_order_number (order), &error) &&
                         validate_slot (end_customer, &error) &&
                         validate_slot (holding, &error),
                         &error))
    return;

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  add_slot (builder, "endCustomer", end_customer);
  add_slot (builder, "holding", holding);
  json_builder_set_member_name (builder, "termsAccepted");
  json_builder_add_boolean_value (builder, terms_accepted);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, &json_length);
  body = g_bytes_new_take (json, json_length);

  escaped = escape (sa_order_get_sales_order_number (order));
  path = g_strconcat ("v1/orders/", escaped, "/smart-account-assignment", NULL);

  if (!prepare_message (self, task, "PUT", path, NULL))
    return;

  set_json_body (request, body);

  etag = sa_order_get_etag (order);
  if (etag != NULL && *etag != '\0' && strpbrk (etag, "\r\n") == NULL)
    {
      request->if_match = g_strdup (etag);
      soup_message_headers_replace (soup_message_get_request_headers (request->msg),
                                    "If-Match", etag);
    }

  send_request (self, g_steal_pointer (&task));
}

/**
 * sa_client_update_assignment_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): the updated order with its new ETag; or
 *   %NULL with %SA_CLIENT_ERROR_ORDER_SHIPPED (the license is provisioned: a
 *   case with Global Licensing Operations is the only route),
 *   %SA_CLIENT_ERROR_VERSION_CONFLICT (reload the order and submit again),
 *   %SA_CLIENT_ERROR_PRECONDITION_REQUIRED, %SA_CLIENT_ERROR_NOT_AUTHORIZED,
 *   %SA_CLIENT_ERROR_WRONG_ACCOUNT_TYPE,
 *   %SA_CLIENT_ERROR_VIRTUAL_ACCOUNT_NOT_FOUND,
 *   %SA_CLIENT_ERROR_TERMS_NOT_ACCEPTED, %SA_CLIENT_ERROR_ORDER_NOT_FOUND,
 *   %SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND, %SA_CLIENT_ERROR_INVALID_INPUT,
 *   %SA_CLIENT_ERROR_INVALID_REQUEST, %SA_CLIENT_ERROR_UNAUTHENTICATED,
 *   %SA_CLIENT_ERROR_NETWORK, %SA_CLIENT_ERROR_TIMEOUT,
 *   %SA_CLIENT_ERROR_SERVER_ERROR, %SA_CLIENT_ERROR_INVALID_RESPONSE or
 *   %G_IO_ERROR_CANCELLED
 */
SaOrder *
sa_client_update_assignment_finish (SaClient      *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_client_update_assignment_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* Smart Accounts */

static gpointer
parse_account_item (JsonObject  *object,
                    GError     **error)
{
  return sa_smart_account_new_from_json (object, error);
}

static const ListSpec account_list = { "accounts", sa_smart_account_get_type, parse_account_item };


/**
 * sa_client_search_accounts_async:
 * @self: an #SaClient
 * @field: search by Domain Identifier, Account Name or Email ID
 * @value: the value, or part of it (case-insensitive)
 * @type_filter: an #SaAccountType to return only End Customer or only Holding
 *   accounts, or -1 for both
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Searches Smart Accounts (`GET /v1/accounts/search`): step 6 of assigning an
 * order ("Select an existing account", search by Domain Identifier, Account
 * Name or e-mail). @value is checked with sa_validate_account_search() first.
 */
void
sa_client_search_accounts_async (SaClient             *self,
                                 SaAccountSearchField  field,
                                 const char           *value,
                                 int                   type_filter,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GString) query = g_string_new (NULL);
  GError *error = NULL;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_task (self, sa_client_search_accounts_async, cancellable, callback, user_data);
  expect_list (task, &account_list);

  if (return_if_invalid (task, sa_validate_account_search (field, value, &error), &error))
    return;

  if (type_filter != -1 && sa_account_type_to_string (type_filter) == NULL)
    {
      g_task_return_new_error (task, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT,
                               "%s", _("Choose End Customer or Holding accounts."));
      return;
    }

  query_add (query, sa_account_search_field_to_string (field), value);
  if (type_filter != -1)
    query_add (query, "type", sa_account_type_to_string (type_filter));

  if (!prepare_message (self, task, "GET", "v1/accounts/search", query->str))
    return;

  send_request (self, g_steal_pointer (&task));
}

/**
 * sa_client_search_accounts_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): a #GListModel of #SaSmartAccount,
 *   possibly empty; or %NULL with %SA_CLIENT_ERROR_INVALID_INPUT,
 *   %SA_CLIENT_ERROR_INVALID_REQUEST, %SA_CLIENT_ERROR_UNAUTHENTICATED,
 *   %SA_CLIENT_ERROR_NETWORK, %SA_CLIENT_ERROR_TIMEOUT,
 *   %SA_CLIENT_ERROR_SERVER_ERROR, %SA_CLIENT_ERROR_INVALID_RESPONSE or
 *   %G_IO_ERROR_CANCELLED
 */
GListModel *
sa_client_search_accounts_finish (SaClient      *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_client_search_accounts_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gpointer
parse_virtual_account_item (JsonObject  *object,
                            GError     **error)
{
  return sa_virtual_account_new_from_json (object, error);
}

static gboolean
handle_virtual_account_list (SaClient  *self,
                             GTask     *task,
                             Request   *request,
                             JsonNode  *root,
                             GError   **error)
{
  g_autoptr(GListStore) store = NULL;
  guint n;

  store = parse_list (root, "virtualAccounts", SA_TYPE_VIRTUAL_ACCOUNT,
                      parse_virtual_account_item, error);
  if (store == NULL)
    return FALSE;

  /* DEFAULT first, the others in the server's order. */
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(SaVirtualAccount) account = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (sa_virtual_account_get_is_default (account))
        {
          g_list_store_remove (store, i);
          g_list_store_insert (store, 0, account);
          break;
        }
    }

  g_task_return_pointer (task, g_steal_pointer (&store), g_object_unref);
  return TRUE;
}

/**
 * sa_client_list_virtual_accounts_async:
 * @self: an #SaClient
 * @domain: the Smart Account's Domain Identifier
 * @account_type: its type (a domain may hold one account of each type)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Lists a Smart Account's Virtual Accounts
 * (`GET /v1/accounts/{domain}/{type}/virtual-accounts`): step 7 of assigning
 * an order (choose the Virtual Account from the drop-down). Names in any
 * script, Japanese included, come back intact.
 */
void
sa_client_list_virtual_accounts_async (SaClient            *self,
                                       const char          *domain,
                                       SaAccountType        account_type,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *escaped_domain = NULL;
  g_autofree char *escaped_type = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_task (self, sa_client_list_virtual_accounts_async, cancellable, callback, user_data);
  ((Request *) g_task_get_task_data (task))->handler = handle_virtual_account_list;

  if (return_if_invalid (task, sa_validate_domain (domain, &error), &error))
    return;

  if (sa_account_type_to_string (account_type) == NULL)
    {
      g_task_return_new_error (task, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT,
                               "%s", _("Choose End Customer or Holding accounts."));
      return;
    }

  escaped_domain = escape (domain);
  escaped_type = escape (sa_account_type_to_string (account_type));
  path = g_strconcat ("v1/accounts/", escaped_domain, "/", escaped_type,
                      "/virtual-accounts", NULL);

  if (!prepare_message (self, task, "GET", path, NULL))
    return;

  send_request (self, g_steal_pointer (&task));
}

/**
 * sa_client_list_virtual_accounts_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): a #GListModel of #SaVirtualAccount,
 *   DEFAULT first; or %NULL with %SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND,
 *   %SA_CLIENT_ERROR_INVALID_INPUT, %SA_CLIENT_ERROR_UNAUTHENTICATED,
 *   %SA_CLIENT_ERROR_NETWORK, %SA_CLIENT_ERROR_TIMEOUT,
 *   %SA_CLIENT_ERROR_SERVER_ERROR, %SA_CLIENT_ERROR_INVALID_RESPONSE or
 *   %G_IO_ERROR_CANCELLED
 */
GListModel *
sa_client_list_virtual_accounts_finish (SaClient      *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_client_list_virtual_accounts_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* Sandbox */

static gboolean
handle_ok (SaClient  *self,
           GTask     *task,
           Request   *request,
           JsonNode  *root,
           GError   **error)
{
  g_task_return_boolean (task, TRUE);
  return TRUE;
}

static void
sandbox_post (SaClient            *self,
              gpointer             source_tag,
              const char          *path,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  task = new_task (self, source_tag, cancellable, callback, user_data);
  request = g_task_get_task_data (task);
  request->handler = handle_ok;
  request->needs_json = FALSE;

  if (!prepare_message (self, task, "POST", path, NULL))
    return;

  send_request (self, g_steal_pointer (&task));
}

/**
 * sa_client_sandbox_reset_async:
 * @self: an #SaClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Reloads the training data (`POST /sandbox/reset`, sandbox only): the
 * training menu's "start over", and the tests' clean slate.
 */
void
sa_client_sandbox_reset_async (SaClient            *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  sandbox_post (self, sa_client_sandbox_reset_async, "sandbox/reset",
                cancellable, callback, user_data);
}

/**
 * sa_client_sandbox_reset_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE once reset; otherwise %FALSE with
 *   %SA_CLIENT_ERROR_UNAUTHENTICATED, %SA_CLIENT_ERROR_NOT_FOUND (not a
 *   sandbox), %SA_CLIENT_ERROR_NETWORK, %SA_CLIENT_ERROR_TIMEOUT,
 *   %SA_CLIENT_ERROR_SERVER_ERROR, %SA_CLIENT_ERROR_INVALID_RESPONSE or
 *   %G_IO_ERROR_CANCELLED
 */
gboolean
sa_client_sandbox_reset_finish (SaClient      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_client_sandbox_reset_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * sa_client_sandbox_ship_order_async:
 * @self: an #SaClient
 * @sales_order_number: a full Sales Order No.
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Makes an order SHIPPED (`POST /sandbox/orders/{n}/ship`, sandbox only), so a
 * trainee can see that a shipped order's assignment can no longer change.
 */
void
sa_client_sandbox_ship_order_async (SaClient            *self,
                                    const char          *sales_order_number,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (!sa_validate_sales_order_number (sales_order_number, &error))
    {
      g_autoptr(GTask) task = new_task (self, sa_client_sandbox_ship_order_async,
                                        cancellable, callback, user_data);

      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  escaped = escape (sales_order_number);
  path = g_strconcat ("sandbox/orders/", escaped, "/ship", NULL);

  sandbox_post (self, sa_client_sandbox_ship_order_async, path,
                cancellable, callback, user_data);
}

/**
 * sa_client_sandbox_ship_order_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE once shipped; otherwise %FALSE with
 *   %SA_CLIENT_ERROR_ORDER_NOT_FOUND, %SA_CLIENT_ERROR_INVALID_INPUT,
 *   %SA_CLIENT_ERROR_UNAUTHENTICATED, %SA_CLIENT_ERROR_NETWORK,
 *   %SA_CLIENT_ERROR_TIMEOUT, %SA_CLIENT_ERROR_SERVER_ERROR or
 *   %G_IO_ERROR_CANCELLED
 */
gboolean
sa_client_sandbox_ship_order_finish (SaClient      *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_client_sandbox_ship_order_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* Sign-in renewal */

/* Ends a renewal: every waiting call is re-sent once with the new token, or
 * fails with UNAUTHENTICATED after "sign-in-required" was emitted. */
static void
finish_renewal (SaClient *self,
                gboolean  renewed)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->renew_waiters);

  if (!renewed)
    {
      drop_token (self);
      g_signal_emit (self, signals[SIGN_IN_REQUIRED], 0);
    }

  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_object_ref (g_ptr_array_index (waiters, i));
      Request *request = g_task_get_task_data (task);
      GCancellable *cancellable = g_task_get_cancellable (task);

      if (g_cancellable_is_cancelled (cancellable))
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                   "%s", _("The operation was cancelled."));
          g_object_unref (task);
        }
      else if (renewed && rebuild_message (request))
        {
          g_debug ("Sending %s %s again after the sign-in was renewed",
                   request->method, g_uri_get_path (soup_message_get_uri (request->msg)));
          send_request (self, task);
        }
      else
        {
          g_task_return_error (task, new_client_error (SA_CLIENT_ERROR_UNAUTHENTICATED,
                                                       "the sign-in could not be renewed"));
          g_object_unref (task);
        }
    }
}

static void
on_renew_signed_in (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SaClient) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean renewed;

  renewed = sa_client_sign_in_finish (self, result, &error);
  if (!renewed)
    g_debug ("Renewing the sign-in with the remembered credentials failed: %s", error->message);

  finish_renewal (self, renewed);
}

static void
on_renew_lookup (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SaClient) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *username = NULL;
  char *password = NULL;

  if (!sa_credentials_lookup_finish (result, &username, &password, &error))
    {
      g_debug ("No keyring to renew the sign-in from: %s", error->message);
      finish_renewal (self, FALSE);
      return;
    }

  if (username == NULL || password == NULL)
    {
      g_debug ("No credentials remembered for this server");
      sa_credentials_free_password (password);
      finish_renewal (self, FALSE);
      return;
    }

  g_debug ("Renewing the sign-in with the remembered credentials");
  sa_client_sign_in_async (self, username, password, NULL,
                           on_renew_signed_in, g_object_ref (self));
  sa_credentials_free_password (password);
}

/* Queues @task (taking its reference) until the sign-in is renewed; the
 * first one starts the renewal, the others wait for its outcome. */
static void
start_renewal (SaClient *self,
               GTask    *task)
{
  if (self->renew_waiters != NULL)
    {
      g_ptr_array_add (self->renew_waiters, task);
      return;
    }

  self->renew_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->renew_waiters, task);

  g_debug ("The server no longer accepts the token: looking up the keyring");
  sa_credentials_lookup_async (self->base_uri, NULL, on_renew_lookup, g_object_ref (self));
}

/**
 * sa_client_set_renew_from_keyring:
 * @self: an #SaClient
 * @enabled: whether to renew an expired sign-in from the keyring
 *
 * In Live mode with "Remember me", a session that expires in the middle of the
 * user's work is renewed without asking: when a call is refused with 401
 * UNAUTHENTICATED, the client looks up the credentials remembered for its base
 * URI (sa_credentials_lookup_async()), signs in again once, and sends the call
 * again once, the same (method, address, body, `If-Match`). Calls refused
 * meanwhile wait for that one renewal. When there is nothing remembered, the
 * keyring fails or the sign-in is refused, #SaClient::sign-in-required is
 * emitted and the calls fail with %SA_CLIENT_ERROR_UNAUTHENTICATED. Off by
 * default.
 */
void
sa_client_set_renew_from_keyring (SaClient *self,
                                  gboolean  enabled)
{
  g_return_if_fail (SA_IS_CLIENT (self));

  self->renew_from_keyring = !!enabled;
}

/**
 * sa_client_get_renew_from_keyring:
 * @self: an #SaClient
 *
 * Returns: whether an expired sign-in is renewed from the keyring
 */
gboolean
sa_client_get_renew_from_keyring (SaClient *self)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), FALSE);

  return self->renew_from_keyring;
}

/* ------------------------------------------------------------------------ */
/* Requests: common parts */

/* Completes @task with @error (INVALID_INPUT from local validation), noting
 * @field → the translated message in the request's fields, so that the UI can
 * mark the field as it does for the server's VALIDATION_FAILED. */
static void
return_field_error (GTask      *task,
                    const char *field,
                    GError     *error)
{
  Request *request = g_task_get_task_data (task);

  if (request->fields == NULL)
    request->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_replace (request->fields, g_strdup (field), g_strdup (error->message));

  g_task_return_error (task, error);
}

/* An identifier the server gave ("AR-000001", "XR-000001", "SA-100001"):
 * ASCII letters, digits, '-' and '_', 1 to 64 of them. */
static gboolean
validate_id (const char  *id,
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

static GHashTable *
dup_fields (GAsyncResult *result)
{
  Request *request = g_task_get_task_data (G_TASK (result));

  return request->fields != NULL ? g_hash_table_ref (request->fields) : NULL;
}

static gboolean
handle_account_request (SaClient  *self,
                        GTask     *task,
                        Request   *request,
                        JsonNode  *root,
                        GError   **error)
{
  SaAccountRequest *account_request;

  account_request = sa_account_request_new_from_json (json_node_get_object (root), error);
  if (account_request == NULL)
    return FALSE;

  g_task_return_pointer (task, account_request, g_object_unref);
  return TRUE;
}

static gboolean
handle_access_request (SaClient  *self,
                       GTask     *task,
                       Request   *request,
                       JsonNode  *root,
                       GError   **error)
{
  SaAccessRequest *access_request;

  access_request = sa_access_request_new_from_json (json_node_get_object (root), error);
  if (access_request == NULL)
    return FALSE;

  g_task_return_pointer (task, access_request, g_object_unref);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Procedure 3: request a Smart Account for a customer */

/**
 * sa_client_create_account_request_async:
 * @self: an #SaClient
 * @account_name: the Account Name (the customer's company)
 * @customer_email: the Customer Email (who will accept the request)
 * @account_domain: the Account Domain
 * @note_to_customer: (nullable): the Note to Customer
 * @users: (nullable) (array zero-terminated=1): the User Emails to add
 * @note_to_users: (nullable): the Note to Added Users
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Sends a request for a customer's Smart Account (`POST /v1/account-requests`):
 * "Send Request", the last step of "Request a Smart Account" after "Identify
 * Account Name and Customer", "Add Users to the Account" and "Review
 * Request". Every field is checked locally first (sa_validate_account_name(),
 * sa_validate_email(), sa_validate_domain(), sa_validate_note(),
 * sa_validate_user_emails()); a refused one fails with
 * %SA_CLIENT_ERROR_INVALID_INPUT and is named in the finish function's
 * @fields. The request creates a Pending CUSTOMER Smart Account at once.
 */
void
sa_client_create_account_request_async (SaClient            *self,
                                        const char          *account_name,
                                        const char          *customer_email,
                                        const char          *account_domain,
                                        const char          *note_to_customer,
                                        const char * const  *users,
                                        const char          *note_to_users,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GBytes) body = NULL;
  GError *error = NULL;
  Request *request;
  guint bad_index = 0;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_task (self, sa_client_create_account_request_async, cancellable, callback, user_data);
  request = g_task_get_task_data (task);
  request->handler = handle_account_request;

  if (!sa_validate_account_name (account_name, &error))
    {
      return_field_error (task, "accountName", error);
      return;
    }
  if (!sa_validate_email (customer_email, &error))
    {
      return_field_error (task, "customerEmail", error);
      return;
    }
  if (!sa_validate_domain (account_domain, &error))
    {
      return_field_error (task, "accountDomain", error);
      return;
    }
  if (!sa_validate_note (note_to_customer, &error))
    {
      return_field_error (task, "noteToCustomer", error);
      return;
    }
  if (!sa_validate_user_emails (users, &bad_index, &error))
    {
      g_autofree char *field = g_strdup_printf ("users[%u]", bad_index);

      return_field_error (task, field, error);
      return;
    }
  if (!sa_validate_note (note_to_users, &error))
    {
      return_field_error (task, "noteToUsers", error);
      return;
    }

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "accountName");
  json_builder_add_string_value (builder, account_name);
  json_builder_set_member_name (builder, "customerEmail");
  json_builder_add_string_value (builder, customer_email);
  json_builder_set_member_name (builder, "accountDomain");
  json_builder_add_string_value (builder, account_domain);
  json_builder_set_member_name (builder, "noteToCustomer");
  json_builder_add_string_value (builder, note_to_customer != NULL ? note_to_customer : "");
  json_builder_set_member_name (builder, "users");
  json_builder_begin_array (builder);
  for (guint i = 0; users != NULL && users[i] != NULL; i++)
    json_builder_add_string_value (builder, users[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "noteToUsers");
  json_builder_add_string_value (builder, note_to_users != NULL ? note_to_users : "");
  json_builder_end_object (builder);
  body = builder_to_bytes (builder);

  if (!prepare_message (self, task, "POST", "v1/account-requests", NULL))
    return;
  set_json_body (request, body);

  send_request (self, g_steal_pointer (&task));
}

/**
 * sa_client_create_account_request_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @fields: (out) (optional) (nullable) (transfer full): on
 *   %SA_CLIENT_ERROR_VALIDATION_FAILED, the server's field name ("accountName",
 *   "customerEmail", "accountDomain", "noteToCustomer", "users[2]",
 *   "noteToUsers") → its untranslated message; on
 *   %SA_CLIENT_ERROR_INVALID_INPUT, the locally refused field → the translated
 *   message; otherwise %NULL. Free with g_hash_table_unref().
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): the request as the server stored it
 *   (Pending customer acceptance, with its Pending Smart Account); or %NULL
 *   with %SA_CLIENT_ERROR_INVALID_INPUT, %SA_CLIENT_ERROR_VALIDATION_FAILED,
 *   %SA_CLIENT_ERROR_DOMAIN_TAKEN (request access to the existing account
 *   instead), %SA_CLIENT_ERROR_INVALID_REQUEST,
 *   %SA_CLIENT_ERROR_UNAUTHENTICATED, %SA_CLIENT_ERROR_INSECURE_URI,
 *   %SA_CLIENT_ERROR_NETWORK, %SA_CLIENT_ERROR_TIMEOUT,
 *   %SA_CLIENT_ERROR_SERVER_ERROR, %SA_CLIENT_ERROR_INVALID_RESPONSE or
 *   %G_IO_ERROR_CANCELLED
 */
SaAccountRequest *
sa_client_create_account_request_finish (SaClient      *self,
                                         GAsyncResult  *result,
                                         GHashTable   **fields,
                                         GError       **error)
{
  SaAccountRequest *account_request;

  if (fields != NULL)
    *fields = NULL;

  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_client_create_account_request_async, NULL);

  account_request = g_task_propagate_pointer (G_TASK (result), error);
  if (account_request == NULL && fields != NULL)
    *fields = dup_fields (result);

  return account_request;
}

static gpointer
parse_account_request_item (JsonObject  *object,
                            GError     **error)
{
  return sa_account_request_new_from_json (object, error);
}

static const ListSpec account_request_list = { "accountRequests", sa_account_request_get_type, parse_account_request_item };


/**
 * sa_client_list_account_requests_async:
 * @self: an #SaClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Lists the user's Smart Account requests (`GET /v1/account-requests`),
 * newest first: the "Smart Account requests" view, where the user follows
 * each one until the customer accepts it (or it expires after 90 days).
 */
void
sa_client_list_account_requests_async (SaClient            *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_task (self, sa_client_list_account_requests_async, cancellable, callback, user_data);
  expect_list (task, &account_request_list);

  if (!prepare_message (self, task, "GET", "v1/account-requests", NULL))
    return;

  send_request (self, g_steal_pointer (&task));
}

/**
 * sa_client_list_account_requests_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): a #GListModel of #SaAccountRequest,
 *   newest first, possibly empty; or %NULL with
 *   %SA_CLIENT_ERROR_UNAUTHENTICATED, %SA_CLIENT_ERROR_INSECURE_URI,
 *   %SA_CLIENT_ERROR_NETWORK, %SA_CLIENT_ERROR_TIMEOUT,
 *   %SA_CLIENT_ERROR_SERVER_ERROR, %SA_CLIENT_ERROR_INVALID_RESPONSE or
 *   %G_IO_ERROR_CANCELLED
 */
GListModel *
sa_client_list_account_requests_finish (SaClient      *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_client_list_account_requests_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* Procedure 4: request access to an existing Smart Account */

/**
 * sa_client_update_profile_async:
 * @self: an #SaClient
 * @profile: the profile as the user corrected it (its user name is not sent:
 *   it cannot change)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Saves the user's profile (`PUT /v1/profile`): "Update your profile", the
 * first step of requesting access to an existing Smart Account. First name,
 * last name, company and country are required (sa_validate_profile_field()),
 * the e-mail must be valid (sa_validate_email()), the phone is optional
 * (sa_validate_phone()); a refused field fails with
 * %SA_CLIENT_ERROR_INVALID_INPUT and is named in the finish function's
 * @fields ("firstName", "lastName", "email", "company", "country", "phone").
 */
void
sa_client_update_profile_async (SaClient            *self,
                                SaProfile           *profile,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GBytes) body = NULL;
  GError *error = NULL;
  Request *request;
  const char *phone;
  struct {
    const char *member;
    const char *value;
  } required[] = {
    { "firstName", sa_profile_get_first_name (profile) },
    { "lastName", sa_profile_get_last_name (profile) },
    { "email", sa_profile_get_email (profile) },
    { "company", sa_profile_get_company (profile) },
    { "country", sa_profile_get_country (profile) },
  };

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (SA_IS_PROFILE (profile));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_task (self, sa_client_update_profile_async, cancellable, callback, user_data);
  request = g_task_get_task_data (task);
  request->handler = handle_profile;

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      gboolean valid = g_str_equal (required[i].member, "email")
                       ? sa_validate_email (required[i].value, &error)
                       : sa_validate_profile_field (required[i].value, &error);

      if (!valid)
        {
          return_field_error (task, required[i].member, error);
          return;
        }
    }

  phone = sa_profile_get_phone (profile);
  if (!sa_validate_phone (phone, &error))
    {
      return_field_error (task, "phone", error);
      return;
    }

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      json_builder_set_member_name (builder, required[i].member);
      json_builder_add_string_value (builder, required[i].value);
    }
  json_builder_set_member_name (builder, "phone");
  json_builder_add_string_value (builder, phone != NULL ? phone : "");
  json_builder_end_object (builder);
  body = builder_to_bytes (builder);

  if (!prepare_message (self, task, "PUT", "v1/profile", NULL))
    return;
  set_json_body (request, body);

  send_request (self, g_steal_pointer (&task));
}

/**
 * sa_client_update_profile_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @fields: (out) (optional) (nullable) (transfer full): on
 *   %SA_CLIENT_ERROR_VALIDATION_FAILED the server's field name → its
 *   untranslated message, on %SA_CLIENT_ERROR_INVALID_INPUT the locally
 *   refused field → the translated message; otherwise %NULL
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): the profile as saved; or %NULL with
 *   %SA_CLIENT_ERROR_INVALID_INPUT, %SA_CLIENT_ERROR_VALIDATION_FAILED,
 *   %SA_CLIENT_ERROR_INVALID_REQUEST, %SA_CLIENT_ERROR_UNAUTHENTICATED,
 *   %SA_CLIENT_ERROR_INSECURE_URI, %SA_CLIENT_ERROR_NETWORK,
 *   %SA_CLIENT_ERROR_TIMEOUT, %SA_CLIENT_ERROR_SERVER_ERROR,
 *   %SA_CLIENT_ERROR_INVALID_RESPONSE or %G_IO_ERROR_CANCELLED
 */
SaProfile *
sa_client_update_profile_finish (SaClient      *self,
                                 GAsyncResult  *result,
                                 GHashTable   **fields,
                                 GError       **error)
{
  SaProfile *profile;

  if (fields != NULL)
    *fields = NULL;

  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_client_update_profile_async, NULL);

  profile = g_task_propagate_pointer (G_TASK (result), error);
  if (profile == NULL && fields != NULL)
    *fields = dup_fields (result);

  return profile;
}

/**
 * sa_client_find_access_candidates_async:
 * @self: an #SaClient
 * @domain: the Account Domain Identifier the user typed
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Finds the Smart Accounts whose domain is exactly @domain, including those the
 * user cannot see yet (`GET /v1/access-requests/candidates`): the step of
 * "Request Access to an Existing Smart Account" where the user enters the
 * Account Domain Identifier and, when several accounts share it, picks one.
 * @domain is checked with sa_validate_domain() first.
 */
void
sa_client_find_access_candidates_async (SaClient            *self,
                                        const char          *domain,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GString) query = g_string_new (NULL);
  GError *error = NULL;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_task (self, sa_client_find_access_candidates_async, cancellable, callback, user_data);
  expect_list (task, &account_list);

  if (return_if_invalid (task, sa_validate_domain (domain, &error), &error))
    return;

  query_add (query, "domain", domain);

  if (!prepare_message (self, task, "GET", "v1/access-requests/candidates", query->str))
    return;

  send_request (self, g_steal_pointer (&task));
}

/**
 * sa_client_find_access_candidates_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): a #GListModel of #SaSmartAccount,
 *   possibly empty (no Smart Account has this domain); or %NULL with
 *   %SA_CLIENT_ERROR_INVALID_INPUT, %SA_CLIENT_ERROR_INVALID_REQUEST,
 *   %SA_CLIENT_ERROR_UNAUTHENTICATED, %SA_CLIENT_ERROR_INSECURE_URI,
 *   %SA_CLIENT_ERROR_NETWORK, %SA_CLIENT_ERROR_TIMEOUT,
 *   %SA_CLIENT_ERROR_SERVER_ERROR, %SA_CLIENT_ERROR_INVALID_RESPONSE or
 *   %G_IO_ERROR_CANCELLED
 */
GListModel *
sa_client_find_access_candidates_finish (SaClient      *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_client_find_access_candidates_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * sa_client_create_access_request_async:
 * @self: an #SaClient
 * @domain: the Account Domain Identifier
 * @account_id: (nullable): the id of the Smart Account chosen among several
 *   sharing @domain, or %NULL
 * @reason: the Reason for request
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Sends a request for access to an existing Smart Account
 * (`POST /v1/access-requests`): the last step of "Request Access to an
 * Existing Smart Account"; the account's administrators then approve or deny
 * it. @domain and @reason are checked locally first (sa_validate_domain(),
 * sa_validate_reason()). When several accounts share @domain and @account_id
 * is %NULL, the server answers %SA_CLIENT_ERROR_ACCOUNT_ID_REQUIRED and the
 * finish function hands out the candidates to choose from.
 */
void
sa_client_create_access_request_async (SaClient            *self,
                                       const char          *domain,
                                       const char          *account_id,
                                       const char          *reason,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GBytes) body = NULL;
  GError *error = NULL;
  Request *request;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_task (self, sa_client_create_access_request_async, cancellable, callback, user_data);
  request = g_task_get_task_data (task);
  request->handler = handle_access_request;

  if (!sa_validate_domain (domain, &error))
    {
      return_field_error (task, "domain", error);
      return;
    }
  if (account_id != NULL && !validate_id (account_id, &error))
    {
      return_field_error (task, "accountId", error);
      return;
    }
  if (!sa_validate_reason (reason, &error))
    {
      return_field_error (task, "reason", error);
      return;
    }

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "domain");
  json_builder_add_string_value (builder, domain);
  if (account_id != NULL)
    {
      json_builder_set_member_name (builder, "accountId");
      json_builder_add_string_value (builder, account_id);
    }
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, reason);
  json_builder_end_object (builder);
  body = builder_to_bytes (builder);

  if (!prepare_message (self, task, "POST", "v1/access-requests", NULL))
    return;
  set_json_body (request, body);

  send_request (self, g_steal_pointer (&task));
}

/**
 * sa_client_create_access_request_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @candidates: (out) (optional) (nullable) (transfer full): on
 *   %SA_CLIENT_ERROR_ACCOUNT_ID_REQUIRED, a #GListModel of the
 *   #SaSmartAccount sharing the domain; otherwise %NULL
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): the new access request (Pending); or
 *   %NULL with %SA_CLIENT_ERROR_INVALID_INPUT,
 *   %SA_CLIENT_ERROR_VALIDATION_FAILED, %SA_CLIENT_ERROR_ACCOUNT_ID_REQUIRED
 *   (choose among @candidates and send again with its id),
 *   %SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND,
 *   %SA_CLIENT_ERROR_DUPLICATE_REQUEST (one is already pending),
 *   %SA_CLIENT_ERROR_INVALID_REQUEST, %SA_CLIENT_ERROR_UNAUTHENTICATED,
 *   %SA_CLIENT_ERROR_INSECURE_URI, %SA_CLIENT_ERROR_NETWORK,
 *   %SA_CLIENT_ERROR_TIMEOUT, %SA_CLIENT_ERROR_SERVER_ERROR,
 *   %SA_CLIENT_ERROR_INVALID_RESPONSE or %G_IO_ERROR_CANCELLED
 */
SaAccessRequest *
sa_client_create_access_request_finish (SaClient      *self,
                                        GAsyncResult  *result,
                                        GListModel   **candidates,
                                        GError       **error)
{
  SaAccessRequest *access_request;
  Request *request;

  if (candidates != NULL)
    *candidates = NULL;

  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_client_create_access_request_async, NULL);

  request = g_task_get_task_data (G_TASK (result));
  access_request = g_task_propagate_pointer (G_TASK (result), error);
  if (access_request == NULL && candidates != NULL && request->candidates != NULL)
    *candidates = G_LIST_MODEL (g_object_ref (request->candidates));

  return access_request;
}

static gpointer
parse_access_request_item (JsonObject  *object,
                           GError     **error)
{
  return sa_access_request_new_from_json (object, error);
}

static const ListSpec access_request_list = { "accessRequests", sa_access_request_get_type, parse_access_request_item };


/**
 * sa_client_list_access_requests_async:
 * @self: an #SaClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Lists the user's access requests (`GET /v1/access-requests`), newest first:
 * "Your Access Requests", where the user follows each until it is approved or
 * denied and may send a reminder.
 */
void
sa_client_list_access_requests_async (SaClient            *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_task (self, sa_client_list_access_requests_async, cancellable, callback, user_data);
  expect_list (task, &access_request_list);

  if (!prepare_message (self, task, "GET", "v1/access-requests", NULL))
    return;

  send_request (self, g_steal_pointer (&task));
}

/**
 * sa_client_list_access_requests_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): a #GListModel of #SaAccessRequest,
 *   newest first, possibly empty; or %NULL with
 *   %SA_CLIENT_ERROR_UNAUTHENTICATED, %SA_CLIENT_ERROR_INSECURE_URI,
 *   %SA_CLIENT_ERROR_NETWORK, %SA_CLIENT_ERROR_TIMEOUT,
 *   %SA_CLIENT_ERROR_SERVER_ERROR, %SA_CLIENT_ERROR_INVALID_RESPONSE or
 *   %G_IO_ERROR_CANCELLED
 */
GListModel *
sa_client_list_access_requests_finish (SaClient      *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_client_list_access_requests_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* POSTs to ROOT/ID/SUFFIX with an optional JSON body. */
static void
post_on_request (SaClient        *self,
                 GTask           *task,
                 const char      *root_path,
                 const char      *id,
                 const char      *suffix,
                 GBytes          *body)
{
  Request *request = g_task_get_task_data (task);
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;

  if (return_if_invalid (task, validate_id (id, &error), &error))
    {
      g_object_unref (task);
      return;
    }

  escaped = escape (id);
  path = g_strconcat (root_path, escaped, suffix, NULL);

  if (!prepare_message (self, task, "POST", path, NULL))
    {
      g_object_unref (task);
      return;
    }
  if (body != NULL)
    set_json_body (request, body);

  send_request (self, task);
}

/**
 * sa_client_send_reminder_async:
 * @self: an #SaClient
 * @access_request_id: the access request's id ("XR-000001")
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * "Send a reminder" to the Smart Account's administrators about a pending
 * access request (`POST /v1/access-requests/{id}/reminders`): at most one per
 * request every 24 hours.
 */
void
sa_client_send_reminder_async (SaClient            *self,
                               const char          *access_request_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_task (self, sa_client_send_reminder_async, cancellable, callback, user_data);
  ((Request *) g_task_get_task_data (task))->handler = handle_access_request;

  post_on_request (self, task, "v1/access-requests/", access_request_id, "/reminders", NULL);
}

/**
 * sa_client_send_reminder_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @next_reminder: (out) (optional) (nullable) (transfer full): on
 *   %SA_CLIENT_ERROR_REMINDER_TOO_SOON, when the next reminder is allowed
 *   (the server's `nextReminderDate`, UTC, else now + `Retry-After`);
 *   otherwise %NULL
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): the access request with its new
 *   reminder dates; or %NULL with %SA_CLIENT_ERROR_REMINDER_TOO_SOON,
 *   %SA_CLIENT_ERROR_REQUEST_NOT_PENDING,
 *   %SA_CLIENT_ERROR_ACCESS_REQUEST_NOT_FOUND, %SA_CLIENT_ERROR_INVALID_INPUT,
 *   %SA_CLIENT_ERROR_UNAUTHENTICATED, %SA_CLIENT_ERROR_INSECURE_URI,
 *   %SA_CLIENT_ERROR_NETWORK, %SA_CLIENT_ERROR_TIMEOUT,
 *   %SA_CLIENT_ERROR_SERVER_ERROR, %SA_CLIENT_ERROR_INVALID_RESPONSE or
 *   %G_IO_ERROR_CANCELLED
 */
SaAccessRequest *
sa_client_send_reminder_finish (SaClient      *self,
                                GAsyncResult  *result,
                                GDateTime    **next_reminder,
                                GError       **error)
{
  SaAccessRequest *access_request;
  Request *request;

  if (next_reminder != NULL)
    *next_reminder = NULL;

  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_client_send_reminder_async, NULL);

  request = g_task_get_task_data (G_TASK (result));
  access_request = g_task_propagate_pointer (G_TASK (result), error);
  if (access_request == NULL && next_reminder != NULL && request->next_reminder != NULL)
    *next_reminder = g_date_time_ref (request->next_reminder);

  return access_request;
}

/* ------------------------------------------------------------------------ */
/* Sandbox only: training controls */

/**
 * sa_client_sandbox_accept_account_request_async:
 * @self: an #SaClient
 * @account_request_id: the Smart Account request's id ("AR-000001")
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Plays the customer accepting a Smart Account request
 * (`POST /sandbox/account-requests/{id}/accept`, sandbox only): the request and
 * its Smart Account become Active.
 */
void
sa_client_sandbox_accept_account_request_async (SaClient            *self,
                                                const char          *account_request_id,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_task (self, sa_client_sandbox_accept_account_request_async,
                   cancellable, callback, user_data);
  ((Request *) g_task_get_task_data (task))->handler = handle_account_request;

  post_on_request (self, task, "sandbox/account-requests/", account_request_id, "/accept", NULL);
}

/**
 * sa_client_sandbox_accept_account_request_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): the accepted request; or %NULL with
 *   %SA_CLIENT_ERROR_REQUEST_NOT_PENDING (expired or already accepted),
 *   %SA_CLIENT_ERROR_ACCOUNT_REQUEST_NOT_FOUND, %SA_CLIENT_ERROR_INVALID_INPUT,
 *   %SA_CLIENT_ERROR_NOT_FOUND (not a sandbox), %SA_CLIENT_ERROR_UNAUTHENTICATED,
 *   %SA_CLIENT_ERROR_NETWORK, %SA_CLIENT_ERROR_TIMEOUT,
 *   %SA_CLIENT_ERROR_SERVER_ERROR, %SA_CLIENT_ERROR_INVALID_RESPONSE or
 *   %G_IO_ERROR_CANCELLED
 */
SaAccountRequest *
sa_client_sandbox_accept_account_request_finish (SaClient      *self,
                                                 GAsyncResult  *result,
                                                 GError       **error)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_client_sandbox_accept_account_request_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
handle_clock (SaClient  *self,
              GTask     *task,
              Request   *request,
              JsonNode  *root,
              GError   **error)
{
  GDateTime *now = NULL;

  if (!sa_json_read_date (json_node_get_object (root), "clock", "now", TRUE, &now, error))
    return FALSE;

  g_task_return_pointer (task, now, (GDestroyNotify) g_date_time_unref);
  return TRUE;
}

/**
 * sa_client_sandbox_advance_clock_async:
 * @self: an #SaClient
 * @days: days to move the sandbox clock forward, 0 to 3650
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Moves the sandbox clock forward (`POST /sandbox/clock`, sandbox only), so
 * that a trainee can see a Smart Account request expire after 90 days, or a
 * reminder become possible again after 24 hours.
 */
void
sa_client_sandbox_advance_clock_async (SaClient            *self,
                                       guint                days,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GBytes) body = NULL;
  Request *request;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_task (self, sa_client_sandbox_advance_clock_async, cancellable, callback, user_data);
  request = g_task_get_task_data (task);
  request->handler = handle_clock;

  if (days > 3650)
    {
      g_task_return_new_error (task, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT,
                               "%s", _("The clock can move forward by at most 3650 days."));
      return;
    }

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "advanceDays");
  json_builder_add_int_value (builder, days);
  json_builder_end_object (builder);
  body = builder_to_bytes (builder);

  if (!prepare_message (self, task, "POST", "sandbox/clock", NULL))
    return;
  set_json_body (request, body);

  send_request (self, g_steal_pointer (&task));
}

/**
 * sa_client_sandbox_advance_clock_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): the sandbox's new "now" (UTC); or
 *   %NULL with %SA_CLIENT_ERROR_INVALID_INPUT, %SA_CLIENT_ERROR_NOT_FOUND (not
 *   a sandbox), %SA_CLIENT_ERROR_UNAUTHENTICATED, %SA_CLIENT_ERROR_NETWORK,
 *   %SA_CLIENT_ERROR_TIMEOUT, %SA_CLIENT_ERROR_SERVER_ERROR,
 *   %SA_CLIENT_ERROR_INVALID_RESPONSE or %G_IO_ERROR_CANCELLED
 */
GDateTime *
sa_client_sandbox_advance_clock_finish (SaClient      *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_client_sandbox_advance_clock_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * sa_client_sandbox_get_clock_async:
 * @self: an #SaClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Reads the sandbox clock (`GET /sandbox/clock`, sandbox only): "now" for
 * the training data, to compare with request dates (days left, whether a
 * reminder may be sent: sa_access_request_can_remind()).
 */
void
sa_client_sandbox_get_clock_async (SaClient            *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_task (self, sa_client_sandbox_get_clock_async, cancellable, callback, user_data);
  ((Request *) g_task_get_task_data (task))->handler = handle_clock;

  if (!prepare_message (self, task, "GET", "sandbox/clock", NULL))
    return;

  send_request (self, g_steal_pointer (&task));
}

/**
 * sa_client_sandbox_get_clock_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): the sandbox's "now" (UTC); or %NULL
 *   with the errors of sa_client_sandbox_advance_clock_finish()
 */
GDateTime *
sa_client_sandbox_get_clock_finish (SaClient      *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_client_sandbox_get_clock_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * sa_client_sandbox_decide_access_request_async:
 * @self: an #SaClient
 * @access_request_id: the access request's id ("XR-000001")
 * @approve: %TRUE to approve, %FALSE to deny
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Plays the Smart Account's administrator deciding an access request
 * (`POST /sandbox/access-requests/{id}/decide`, sandbox only). Once approved,
 * the account appears in the user's Smart Account search.
 */
void
sa_client_sandbox_decide_access_request_async (SaClient            *self,
                                               const char          *access_request_id,
                                               gboolean             approve,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GBytes) body = NULL;
  GTask *task;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_task (self, sa_client_sandbox_decide_access_request_async,
                   cancellable, callback, user_data);
  ((Request *) g_task_get_task_data (task))->handler = handle_access_request;

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "decision");
  json_builder_add_string_value (builder, approve ? "approve" : "deny");
  json_builder_end_object (builder);
  body = builder_to_bytes (builder);

  post_on_request (self, task, "sandbox/access-requests/", access_request_id, "/decide", body);
}

/**
 * sa_client_sandbox_decide_access_request_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): the decided access request; or %NULL
 *   with %SA_CLIENT_ERROR_REQUEST_NOT_PENDING,
 *   %SA_CLIENT_ERROR_ACCESS_REQUEST_NOT_FOUND, %SA_CLIENT_ERROR_INVALID_INPUT,
 *   %SA_CLIENT_ERROR_NOT_FOUND (not a sandbox), %SA_CLIENT_ERROR_UNAUTHENTICATED,
 *   %SA_CLIENT_ERROR_NETWORK, %SA_CLIENT_ERROR_TIMEOUT,
 *   %SA_CLIENT_ERROR_SERVER_ERROR, %SA_CLIENT_ERROR_INVALID_RESPONSE or
 *   %G_IO_ERROR_CANCELLED
 */
SaAccessRequest *
sa_client_sandbox_decide_access_request_finish (SaClient      *self,
                                                GAsyncResult  *result,
                                                GError       **error)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_client_sandbox_decide_access_request_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
