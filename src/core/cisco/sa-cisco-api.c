/* sa-cisco-api.c — the Cisco connection: addresses, client credentials, token
 *
 * The token comes from Cisco's identity provider with the client_credentials
 * grant (CISCO-APIS.md §1.1): a form `grant_type=client_credentials`,
 * `client_id`, `client_secret`; the answer's `access_token` is kept in memory
 * only and renewed before `expires_in` runs out (and once after a 401, see
 * sa-cisco-http.c). The Client Secret is never logged and is wiped from memory
 * when replaced or when the object goes away.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sa-cisco"

#include "config.h"

#include <string.h>

#include "sa-cisco-api-private.h"
#include "sa-http-session-private.h"
#include "sa-validate.h"

#define DEFAULT_TIMEOUT_SECONDS   30
#define DEFAULT_RATE              10.0   /* requests per second */
#define DEFAULT_BURST             10
#define DEFAULT_MAX_RETRIES       3
#define DEFAULT_FIRST_BACKOFF_MS  1000
#define DEFAULT_MAX_WAIT_SECONDS  120
#define DEFAULT_MAX_BODY_SIZE     (8 * 1024 * 1024)
/* The token is renewed this long before it expires (at most a tenth of its
 * lifetime). */
#define RENEW_MARGIN_SECONDS      60

G_DEFINE_FINAL_TYPE (SaCiscoApi, sa_cisco_api, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_IDENTITY_URI,
  PROP_LICENSING_URI,
  PROP_ORDER_URI,
  PROP_CLIENT_ID,
  PROP_HAS_TOKEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A call waiting for the token request under way. */
typedef struct
{
  SaCiscoApi *self;
  GTask      *task;
  GSource    *cancel_source;
} Waiter;

static void
wipe_string (char **str)
{
  if (*str != NULL)
    {
      explicit_bzero (*str, strlen (*str));
      g_clear_pointer (str, g_free);
    }
}

/* ------------------------------------------------------------------------ */
/* Addresses */

/* An absolute http(s) URI with a host, without user information, query or
 * fragment; plain http only to a loopback address. */
static gboolean
check_uri (const char   *uri,
           gboolean     *loopback)
{
  g_autoptr(GUri) parsed = NULL;
  const char *scheme;
  const char *host;

  *loopback = FALSE;

  if (uri == NULL || !g_utf8_validate (uri, -1, NULL) || strlen (uri) > 2048)
    return FALSE;

  parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED, NULL);
  if (parsed == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (parsed);
  host = g_uri_get_host (parsed);
  if (scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0) ||
      host == NULL || *host == '\0' ||
      g_uri_get_userinfo (parsed) != NULL ||
      g_uri_get_query (parsed) != NULL || g_uri_get_fragment (parsed) != NULL)
    return FALSE;

  *loopback = sa_host_is_loopback (host);

  return g_ascii_strcasecmp (scheme, "https") == 0 || *loopback;
}

/* ------------------------------------------------------------------------ */
/* GObject */

static void
sa_cisco_api_constructed (GObject *object)
{
  SaCiscoApi *self = (SaCiscoApi *)object;
  gboolean identity_loopback, licensing_loopback, order_loopback;
  gsize len;

  G_OBJECT_CLASS (sa_cisco_api_parent_class)->constructed (object);

  if (self->identity_uri == NULL)
    self->identity_uri = g_strdup (SA_CISCO_DEFAULT_IDENTITY_URI);
  if (self->licensing_uri == NULL)
    self->licensing_uri = g_strdup (SA_CISCO_DEFAULT_LICENSING_URI);
  if (self->order_uri == NULL)
    self->order_uri = g_strdup (SA_CISCO_DEFAULT_ORDER_URI);

  /* The licensing base is joined with paths that start with "/". */
  len = strlen (self->licensing_uri);
  while (len > 0 && self->licensing_uri[len - 1] == '/')
    self->licensing_uri[--len] = '\0';

  self->uris_ok = (check_uri (self->identity_uri, &identity_loopback) &
                   check_uri (self->licensing_uri, &licensing_loopback) &
                   check_uri (self->order_uri, &order_loopback)) != 0;
  self->uri_error = SA_CISCO_ERROR_INSECURE_URI;
  self->all_loopback = identity_loopback && licensing_loopback && order_loopback;
  if (!self->uris_ok)
    g_debug ("A Cisco API address is not usable: every call will fail");

  /* A practice session on loopback never goes through a proxy. */
  self->session = sa_http_session_new (self->timeout, self->all_loopback, G_LOG_DOMAIN);
}

static void
sa_cisco_api_dispose (GObject *object)
{
  SaCiscoApi *self = (SaCiscoApi *)object;

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sa_cisco_api_parent_class)->dispose (object);
}

static void
sa_cisco_api_finalize (GObject *object)
{
  SaCiscoApi *self = (SaCiscoApi *)object;

  wipe_string (&self->client_secret);
  wipe_string (&self->access_token);
  g_clear_pointer (&self->client_id, g_free);
  g_clear_pointer (&self->token_waiters, g_ptr_array_unref);
  g_clear_pointer (&self->identity_uri, g_free);
  g_clear_pointer (&self->licensing_uri, g_free);
  g_clear_pointer (&self->order_uri, g_free);

  G_OBJECT_CLASS (sa_cisco_api_parent_class)->finalize (object);
}

static void
sa_cisco_api_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SaCiscoApi *self = SA_CISCO_API (object);

  switch (prop_id)
    {
    case PROP_IDENTITY_URI:
      g_value_set_string (value, self->identity_uri);
      break;
    case PROP_LICENSING_URI:
      g_value_set_string (value, self->licensing_uri);
      break;
    case PROP_ORDER_URI:
      g_value_set_string (value, self->order_uri);
      break;
    case PROP_CLIENT_ID:
      g_value_set_string (value, self->client_id);
      break;
    case PROP_HAS_TOKEN:
      g_value_set_boolean (value, sa_cisco_api_get_has_token (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_cisco_api_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SaCiscoApi *self = SA_CISCO_API (object);

  switch (prop_id)
    {
    case PROP_IDENTITY_URI:
      self->identity_uri = g_value_dup_string (value);
      break;
    case PROP_LICENSING_URI:
      self->licensing_uri = g_value_dup_string (value);
      break;
    case PROP_ORDER_URI:
      self->order_uri = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_cisco_api_class_init (SaCiscoApiClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = sa_cisco_api_constructed;
  object_class->dispose = sa_cisco_api_dispose;
  object_class->finalize = sa_cisco_api_finalize;
  object_class->get_property = sa_cisco_api_get_property;
  object_class->set_property = sa_cisco_api_set_property;

  /**
   * SaCiscoApi:identity-uri:
   *
   * The token endpoint of Cisco's identity provider; %NULL at construction
   * gives %SA_CISCO_DEFAULT_IDENTITY_URI.
   */
  properties[PROP_IDENTITY_URI] =
    g_param_spec_string ("identity-uri", NULL, NULL, NULL, construct);

  /**
   * SaCiscoApi:licensing-uri:
   *
   * The base of the Smart Accounts & Licensing API (read back without a
   * trailing "/"); %NULL gives %SA_CISCO_DEFAULT_LICENSING_URI.
   */
  properties[PROP_LICENSING_URI] =
    g_param_spec_string ("licensing-uri", NULL, NULL, NULL, construct);

  /**
   * SaCiscoApi:order-uri:
   *
   * The CCW Order API's checkOrderStatus endpoint; %NULL gives
   * %SA_CISCO_DEFAULT_ORDER_URI.
   */
  properties[PROP_ORDER_URI] =
    g_param_spec_string ("order-uri", NULL, NULL, NULL, construct);

  /**
   * SaCiscoApi:client-id:
   *
   * The Client ID of the user's API application, %NULL until set.
   */
  properties[PROP_CLIENT_ID] =
    g_param_spec_string ("client-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SaCiscoApi:has-token:
   *
   * Whether an access token is held (in memory).
   */
  properties[PROP_HAS_TOKEN] =
    g_param_spec_boolean ("has-token", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sa_cisco_api_init (SaCiscoApi *self)
{
  self->timeout = DEFAULT_TIMEOUT_SECONDS;
  self->rate = DEFAULT_RATE;
  self->burst = DEFAULT_BURST;
  self->bucket = DEFAULT_BURST;
  self->bucket_time = g_get_monotonic_time ();
  self->max_retries = DEFAULT_MAX_RETRIES;
  self->first_backoff_ms = DEFAULT_FIRST_BACKOFF_MS;
  self->max_wait_seconds = DEFAULT_MAX_WAIT_SECONDS;
  self->max_body_size = DEFAULT_MAX_BODY_SIZE;
}

/* ------------------------------------------------------------------------ */
/* Public accessors */

/**
 * sa_cisco_api_new:
 * @identity_uri: (nullable): the identity provider's token endpoint, %NULL
 *   for Cisco's (%SA_CISCO_DEFAULT_IDENTITY_URI)
 * @licensing_uri: (nullable): the Smart Accounts & Licensing API's base, %NULL
 *   for Cisco's (%SA_CISCO_DEFAULT_LICENSING_URI)
 * @order_uri: (nullable): the CCW Order API's checkOrderStatus endpoint, %NULL
 *   for Cisco's (%SA_CISCO_DEFAULT_ORDER_URI)
 *
 * Creates the connection, with its own #SoupSession (30 s timeout, TLS
 * verified against the system's trust). Plain http is accepted only for a
 * loopback address literal (127.0.0.0/8, ::1), so that a practice session or a
 * test can point the three addresses at a local server (issue 9, "Connection
 * and credentials"); otherwise every call fails with
 * %SA_CISCO_ERROR_INSECURE_URI.
 *
 * Returns: (transfer full): a new #SaCiscoApi without credentials
 */
SaCiscoApi *
sa_cisco_api_new (const char *identity_uri,
                  const char *licensing_uri,
                  const char *order_uri)
{
  return g_object_new (SA_TYPE_CISCO_API,
                       "identity-uri", identity_uri,
                       "licensing-uri", licensing_uri,
                       "order-uri", order_uri,
                       NULL);
}

/**
 * sa_cisco_api_new_for_practice:
 * @server_uri: the sandbox back office's base URI ("http://127.0.0.1:PORT/")
 *
 * The Cisco (practice) connection: Cisco's own paths (CISCO-APIS.md) on the
 * sandbox, which answers them from the trainee's data (docs/cisco.md).
 *
 * Returns: (transfer full): a new #SaCiscoApi without credentials
 */
SaCiscoApi *
sa_cisco_api_new_for_practice (const char *server_uri)
{
  g_autofree char *base = NULL;
  g_autofree char *identity = NULL;
  g_autofree char *licensing = NULL;
  g_autofree char *order = NULL;
  gsize length;

  g_return_val_if_fail (server_uri != NULL, NULL);

  base = g_strdup (server_uri);
  length = strlen (base);
  while (length > 0 && base[length - 1] == '/')
    base[--length] = '\0';

  identity = g_strconcat (base, "/oauth2/default/v1/token", NULL);
  licensing = g_strconcat (base, "/services/api/smart-accounts-and-licensing", NULL);
  order = g_strconcat (base, "/commerce/ORDER/v2/sync/checkOrderStatus", NULL);

  return sa_cisco_api_new (identity, licensing, order);
}

/**
 * sa_cisco_api_get_identity_uri:
 * @self: an #SaCiscoApi
 *
 * Returns: (transfer none): the identity provider's token endpoint
 */
const char *
sa_cisco_api_get_identity_uri (SaCiscoApi *self)
{
  g_return_val_if_fail (SA_IS_CISCO_API (self), NULL);
  return self->identity_uri;
}

/**
 * sa_cisco_api_get_licensing_uri:
 * @self: an #SaCiscoApi
 *
 * Returns: (transfer none): the Smart Accounts & Licensing API's base, without
 *   a trailing "/"
 */
const char *
sa_cisco_api_get_licensing_uri (SaCiscoApi *self)
{
  g_return_val_if_fail (SA_IS_CISCO_API (self), NULL);
  return self->licensing_uri;
}

/**
 * sa_cisco_api_get_order_uri:
 * @self: an #SaCiscoApi
 *
 * Returns: (transfer none): the CCW Order API's checkOrderStatus endpoint
 */
const char *
sa_cisco_api_get_order_uri (SaCiscoApi *self)
{
  g_return_val_if_fail (SA_IS_CISCO_API (self), NULL);
  return self->order_uri;
}

/**
 * sa_cisco_api_check_uris:
 * @self: an #SaCiscoApi
 * @error: return location for a #GError, or %NULL
 *
 * Whether the three addresses can be used (Preferences checks them before
 * saving).
 *
 * Returns: %TRUE when usable; otherwise %FALSE with
 *   %SA_CISCO_ERROR_INSECURE_URI (not an absolute https URI, or plain http to
 *   a host that is not a loopback address)
 */
gboolean
sa_cisco_api_check_uris (SaCiscoApi  *self,
                         GError     **error)
{
  g_return_val_if_fail (SA_IS_CISCO_API (self), FALSE);

  if (self->uris_ok)
    return TRUE;

  g_propagate_error (error, sa_cisco_error_new (self->uri_error, NULL));
  return FALSE;
}

/**
 * sa_cisco_api_check_ready:
 * @self: an #SaCiscoApi
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE when a call can be sent; otherwise %FALSE with
 *   %SA_CISCO_ERROR_INSECURE_URI or %SA_CISCO_ERROR_NO_CREDENTIALS
 */
gboolean
sa_cisco_api_check_ready (SaCiscoApi  *self,
                          GError     **error)
{
  if (!sa_cisco_api_check_uris (self, error))
    return FALSE;

  if (self->client_id == NULL || self->client_secret == NULL)
    {
      g_propagate_error (error, sa_cisco_error_new (SA_CISCO_ERROR_NO_CREDENTIALS, NULL));
      return FALSE;
    }

  return TRUE;
}

/**
 * sa_cisco_api_build_licensing_uri:
 * @self: an #SaCiscoApi
 * @relative: an escaped path starting with "/", such as "/v2/accounts"
 * @query: (nullable): an escaped query without "?"
 *
 * Returns: (transfer full): the full address on the Smart Accounts & Licensing
 *   API
 */
char *
sa_cisco_api_build_licensing_uri (SaCiscoApi *self,
                                  const char *relative,
                                  const char *query)
{
  if (query != NULL && *query != '\0')
    return g_strconcat (self->licensing_uri, relative, "?", query, NULL);

  return g_strconcat (self->licensing_uri, relative, NULL);
}

/**
 * sa_cisco_api_set_credentials:
 * @self: an #SaCiscoApi
 * @client_id: (nullable): the Client ID of the user's Cisco API application
 * @client_secret: (nullable): its Client Secret; copied, never logged
 *
 * Sets the client credentials that the token request sends (issue 9: the
 * user's own API application, registered at Cisco). The previous secret and
 * any token are wiped from memory. %NULL or empty values clear them: calls
 * then fail with %SA_CISCO_ERROR_NO_CREDENTIALS.
 */
void
sa_cisco_api_set_credentials (SaCiscoApi *self,
                              const char *client_id,
                              const char *client_secret)
{
  g_return_if_fail (SA_IS_CISCO_API (self));

  wipe_string (&self->client_secret);
  sa_cisco_api_forget_token (self);

  if (client_id != NULL && *client_id != '\0' &&
      client_secret != NULL && *client_secret != '\0')
    self->client_secret = g_strdup (client_secret);

  if (g_strcmp0 (self->client_id, client_id) != 0)
    {
      g_clear_pointer (&self->client_id, g_free);
      if (client_id != NULL && *client_id != '\0')
        self->client_id = g_strdup (client_id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT_ID]);
    }
}

/**
 * sa_cisco_api_get_client_id:
 * @self: an #SaCiscoApi
 *
 * Returns: (transfer none) (nullable): the Client ID, %NULL until set
 */
const char *
sa_cisco_api_get_client_id (SaCiscoApi *self)
{
  g_return_val_if_fail (SA_IS_CISCO_API (self), NULL);
  return self->client_id;
}

/**
 * sa_cisco_api_get_has_token:
 * @self: an #SaCiscoApi
 *
 * Returns: %TRUE while an access token is held in memory
 */
gboolean
sa_cisco_api_get_has_token (SaCiscoApi *self)
{
  g_return_val_if_fail (SA_IS_CISCO_API (self), FALSE);
  return self->access_token != NULL;
}

/**
 * sa_cisco_api_forget_token:
 * @self: an #SaCiscoApi
 *
 * Wipes the access token from memory; the next call requests a new one.
 */
void
sa_cisco_api_forget_token (SaCiscoApi *self)
{
  g_return_if_fail (SA_IS_CISCO_API (self));

  if (self->access_token == NULL)
    return;

  wipe_string (&self->access_token);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_TOKEN]);
}

/**
 * sa_cisco_api_invalidate_token:
 * @self: an #SaCiscoApi
 * @serial: the serial number of the token a refused call was sent with
 *
 * Forgets the token after Cisco refused it (401), unless it was already
 * replaced by a newer one.
 */
void
sa_cisco_api_invalidate_token (SaCiscoApi *self,
                               guint       serial)
{
  if (serial == self->token_serial)
    sa_cisco_api_forget_token (self);
}

/**
 * sa_cisco_api_set_timeout:
 * @self: an #SaCiscoApi
 * @seconds: seconds to wait for Cisco (connection and each read); 0 waits
 *   forever
 *
 * Applies to calls started afterwards.
 */
void
sa_cisco_api_set_timeout (SaCiscoApi *self,
                          guint       seconds)
{
  g_return_if_fail (SA_IS_CISCO_API (self));

  self->timeout = seconds;
  soup_session_set_timeout (self->session, seconds);
  soup_session_set_idle_timeout (self->session, seconds);
}

/**
 * sa_cisco_api_set_rate_limit:
 * @self: an #SaCiscoApi
 * @requests_per_second: the self-imposed rate, 0 for none (default 10)
 * @burst: how many requests may go at once before the rate applies (at least
 *   1; default 10)
 *
 * Sets the token bucket that every request (the token request included) goes
 * through: Cisco publishes no rate limit, public clients limit themselves
 * (CISCO-APIS.md §1.6). A request over the limit waits, without blocking.
 */
void
sa_cisco_api_set_rate_limit (SaCiscoApi *self,
                             double      requests_per_second,
                             guint       burst)
{
  g_return_if_fail (SA_IS_CISCO_API (self));
  g_return_if_fail (requests_per_second >= 0);

  self->rate = requests_per_second;
  self->burst = MAX (burst, 1);
  self->bucket = self->burst;
  self->bucket_time = g_get_monotonic_time ();
}

/**
 * sa_cisco_api_set_retry_policy:
 * @self: an #SaCiscoApi
 * @max_retries: how many times a request is sent again after 429 or
 *   502/503/504 (default 3)
 * @first_backoff_ms: the first back-off in milliseconds, doubled at every
 *   retry (default 1000)
 * @max_wait_seconds: the longest `Retry-After` honoured; a longer one fails at
 *   once with %SA_CISCO_ERROR_RATE_LIMITED (default 120)
 *
 * Bounds the retries (CISCO-APIS.md §1.2 "Errors": 429 and 502/503/504 are
 * retried with `Retry-After`).
 */
void
sa_cisco_api_set_retry_policy (SaCiscoApi *self,
                               guint       max_retries,
                               guint       first_backoff_ms,
                               guint       max_wait_seconds)
{
  g_return_if_fail (SA_IS_CISCO_API (self));

  self->max_retries = max_retries;
  self->first_backoff_ms = first_backoff_ms;
  self->max_wait_seconds = max_wait_seconds;
}

/**
 * sa_cisco_api_set_max_body_size:
 * @self: an #SaCiscoApi
 * @bytes: the largest answer body read (default 8 MiB); a larger one fails
 *   with %SA_CISCO_ERROR_BAD_REPLY
 */
void
sa_cisco_api_set_max_body_size (SaCiscoApi *self,
                                gsize       bytes)
{
  g_return_if_fail (SA_IS_CISCO_API (self));
  g_return_if_fail (bytes > 0);

  self->max_body_size = bytes;
}

/* ------------------------------------------------------------------------ */
/* The token */

static void
waiter_free (gpointer data)
{
  Waiter *waiter = data;

  if (waiter->cancel_source != NULL)
    {
      g_source_destroy (waiter->cancel_source);
      g_source_unref (waiter->cancel_source);
    }
  g_clear_object (&waiter->task);
  g_free (waiter);
}

/* A waiting call was cancelled: it stops waiting, the token request goes on
 * for the others. */
static gboolean
on_waiter_cancelled (GCancellable *cancellable,
                     gpointer      user_data)
{
  Waiter *waiter = user_data;
  SaCiscoApi *self = waiter->self;
  g_autoptr(GTask) task = g_object_ref (waiter->task);

  if (self->token_waiters != NULL)
    g_ptr_array_remove (self->token_waiters, waiter);
  g_task_return_error_if_cancelled (task);

  return G_SOURCE_REMOVE;
}

/* Frees the secret's copy in the request body when libsoup lets go of it. */
static void
wipe_bytes (gpointer data)
{
  GString *form = data;

  explicit_bzero (form->str, form->len);
  g_string_free (form, TRUE);
}

/* `grant_type=client_credentials&client_id=…&client_secret=…`, escaped
 * straight into one buffer large enough never to be reallocated, so that no
 * copy of the secret is left behind unwiped. */
static GBytes *
build_token_form (SaCiscoApi *self)
{
  GString *form = g_string_sized_new (64 + 3 * (strlen (self->client_id) + strlen (self->client_secret)));

  g_string_append (form, "grant_type=client_credentials&client_id=");
  g_string_append_uri_escaped (form, self->client_id, NULL, FALSE);
  g_string_append (form, "&client_secret=");
  g_string_append_uri_escaped (form, self->client_secret, NULL, FALSE);

  return g_bytes_new_with_free_func (form->str, form->len, wipe_bytes, form);
}

static void
finish_waiters (SaCiscoApi *self,
                GError     *error)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->token_waiters);

  for (guint i = 0; waiters != NULL && i < waiters->len; i++)
    {
      Waiter *waiter = g_ptr_array_index (waiters, i);

      if (error != NULL)
        g_task_return_error (waiter->task, g_error_copy (error));
      else
        g_task_return_boolean (waiter->task, TRUE);
    }
}

static gboolean
store_token (SaCiscoApi  *self,
             JsonNode    *root,
             GError     **error)
{
  JsonObject *object = json_node_get_object (root);
  const char *token = sa_cisco_json_get_string (object, "access_token", NULL);
  const char *token_type = sa_cisco_json_get_string (object, "token_type", NULL);
  gint64 expires_in = 0;
  gint64 margin;

  if (token == NULL || *token == '\0' || strpbrk (token, "\r\n") != NULL ||
      (token_type != NULL && g_ascii_strcasecmp (token_type, "Bearer") != 0))
    {
      g_propagate_error (error, sa_cisco_error_new (SA_CISCO_ERROR_BAD_REPLY,
                                                    "the token answer has no Bearer access_token"));
      return FALSE;
    }

  if (!sa_cisco_json_get_int (object, "expires_in", &expires_in) || expires_in <= 0)
    {
      g_debug ("The token answer gives no usable expires_in: assuming 3600 s");
      expires_in = 3600;
    }
  expires_in = MIN (expires_in, 7 * 24 * 3600);

  margin = MIN ((gint64) RENEW_MARGIN_SECONDS * G_USEC_PER_SEC, expires_in * G_USEC_PER_SEC / 10);

  wipe_string (&self->access_token);
  self->access_token = g_strdup (token);
  self->token_renew_at = g_get_monotonic_time () + expires_in * G_USEC_PER_SEC - margin;
  self->token_serial++;
  g_debug ("New access token, valid %" G_GINT64_FORMAT " s", expires_in);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_TOKEN]);

  return TRUE;
}

static void
on_token_answered (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SaCiscoApi) self = user_data;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  root = sa_cisco_api_call_finish (self, result, &error);
  if (root != NULL)
    store_token (self, root, &error);

  finish_waiters (self, error);
}

/**
 * sa_cisco_api_ensure_token_async:
 * @self: an #SaCiscoApi
 * @force: request a new token even when the one held is still valid
 * @cancellable: (nullable): a #GCancellable; cancelling stops this call's
 *   wait, not the token request other calls may share
 * @callback: called when a token is held, or on error
 * @user_data: data for @callback
 *
 * Makes sure a valid token is held: requests one when there is none, or when
 * the one held is within a minute (at most a tenth of its lifetime) of
 * `expires_in`. Concurrent callers share one token request.
 */
void
sa_cisco_api_ensure_token_async (SaCiscoApi          *self,
                                 gboolean             force,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) form = NULL;
  Waiter *waiter;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sa_cisco_api_ensure_token_async);

  if (!sa_cisco_api_check_ready (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!force && self->access_token != NULL &&
      g_get_monotonic_time () < self->token_renew_at)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  waiter = g_new0 (Waiter, 1);
  waiter->self = self;
  waiter->task = g_object_ref (task);
  if (cancellable != NULL)
    {
      waiter->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (waiter->cancel_source, G_SOURCE_FUNC (on_waiter_cancelled),
                             waiter, NULL);
      g_source_attach (waiter->cancel_source, g_task_get_context (task));
    }

  if (self->token_waiters != NULL)
    {
      g_ptr_array_add (self->token_waiters, waiter);
      return;
    }

  self->token_waiters = g_ptr_array_new_with_free_func (waiter_free);
  g_ptr_array_add (self->token_waiters, waiter);

  form = build_token_form (self);
  sa_cisco_api_call_async (self, "POST", self->identity_uri,
                           "application/x-www-form-urlencoded", form,
                           SA_CISCO_CALL_IDEMPOTENT | SA_CISCO_CALL_TOKEN,
                           NULL, on_token_answered, g_object_ref (self));
}

/**
 * sa_cisco_api_ensure_token_finish:
 * @self: an #SaCiscoApi
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE when a token is held; otherwise %FALSE with an
 *   %SA_CISCO_ERROR (%SA_CISCO_ERROR_INVALID_CLIENT for a refused Client ID or
 *   Secret) or %G_IO_ERROR_CANCELLED
 */
gboolean
sa_cisco_api_ensure_token_finish (SaCiscoApi    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_token_requested (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!sa_cisco_api_ensure_token_finish (SA_CISCO_API (object), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * sa_cisco_api_request_token_async:
 * @self: an #SaCiscoApi with credentials
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Requests a new access token now, whatever is held: the first step of "Test
 * Connection" (issue 9), which tells a refused Client ID or Secret apart from
 * an API whose access is not approved yet.
 */
void
sa_cisco_api_request_token_async (SaCiscoApi          *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SA_IS_CISCO_API (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sa_cisco_api_request_token_async);

  sa_cisco_api_ensure_token_async (self, TRUE, cancellable, on_token_requested, task);
}

/**
 * sa_cisco_api_request_token_finish:
 * @self: an #SaCiscoApi
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE when Cisco issued a token; otherwise %FALSE with
 *   %SA_CISCO_ERROR_NO_CREDENTIALS, %SA_CISCO_ERROR_INSECURE_URI,
 *   %SA_CISCO_ERROR_INVALID_CLIENT, %SA_CISCO_ERROR_RATE_LIMITED,
 *   %SA_CISCO_ERROR_NO_NETWORK, %SA_CISCO_ERROR_TIMEOUT, %SA_CISCO_ERROR_TLS,
 *   %SA_CISCO_ERROR_NOT_JSON, %SA_CISCO_ERROR_SERVER_ERROR,
 *   %SA_CISCO_ERROR_BAD_REPLY, %SA_CISCO_ERROR_FAILED or %G_IO_ERROR_CANCELLED
 */
gboolean
sa_cisco_api_request_token_finish (SaCiscoApi    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_cisco_api_request_token_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
