/* sa-desk-client.c — the Desk API back end: the object, its SoupSession and
 * its session (sign-in with the password grant, token renewal from the
 * keyring, sign-out)
 *
 * The send pipeline is in sa-desk-client-send.c, the calls in one file per
 * resource (sa-desk-client-orders.c, -accounts.c, -account-requests.c,
 * -access-requests.c), the training controls in sa-desk-training.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sa-credentials.h"
#include "sa-desk-client-private.h"
#include "sa-http-session-private.h"
#include "sa-validate.h"

#define DEFAULT_TIMEOUT_SECONDS 30

G_DEFINE_FINAL_TYPE (SaDeskClient, sa_desk_client, SA_TYPE_CLIENT)

enum {
  PROP_0,
  PROP_BASE_URI,
  PROP_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The sign-in's task data: the user name becomes the client's on success. */
typedef struct
{
  SaDeskCall  call;
  char       *username;
} SignInCall;

static void
sign_in_call_free (gpointer data)
{
  SignInCall *sign_in = data;

  sa_desk_call_clear (&sign_in->call);
  g_free (sign_in->username);
  g_free (sign_in);
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

  *loopback = sa_host_is_loopback (g_uri_get_host (parsed));

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

static void
sa_desk_client_constructed (GObject *object)
{
  SaDeskClient *self = (SaDeskClient *)object;
  gboolean loopback = FALSE;

  G_OBJECT_CLASS (sa_desk_client_parent_class)->constructed (object);

  self->base_uri = normalize_base_uri (self->given_uri, &loopback);
  if (self->base_uri == NULL)
    g_debug ("Not a usable server address: every call will fail");
  else if (!loopback && g_str_has_prefix (self->base_uri, "http:"))
    self->insecure = TRUE;

  self->session = sa_http_session_new (self->timeout, loopback, G_LOG_DOMAIN);
}

static void
sa_desk_client_dispose (GObject *object)
{
  SaDeskClient *self = (SaDeskClient *)object;

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sa_desk_client_parent_class)->dispose (object);
}

static void
sa_desk_client_finalize (GObject *object)
{
  SaDeskClient *self = (SaDeskClient *)object;

  clear_secret (&self->access_token);
  g_clear_pointer (&self->renew_waiters, g_ptr_array_unref);
  g_clear_pointer (&self->base_uri, g_free);
  g_clear_pointer (&self->given_uri, g_free);

  G_OBJECT_CLASS (sa_desk_client_parent_class)->finalize (object);
}

static void
sa_desk_client_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SaDeskClient *self = SA_DESK_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URI:
      g_value_set_string (value, sa_client_get_base_uri (SA_CLIENT (self)));
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_desk_client_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SaDeskClient *self = SA_DESK_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URI:
      self->given_uri = g_value_dup_string (value);
      break;
    case PROP_TIMEOUT:
      sa_desk_client_set_timeout (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static SaClientFeatures
sa_desk_client_get_features (SaClient *client)
{
  /* The Desk API writes all four procedures; only the sandbox answers the
   * training controls, but any Desk server may be one. */
  return SA_CLIENT_FEATURE_SIGN_IN_WITH_PASSWORD |
         SA_CLIENT_FEATURE_ORDER_LIST |
         SA_CLIENT_FEATURE_ASSIGNMENT_WRITE |
         SA_CLIENT_FEATURE_ACCOUNT_REQUESTS |
         SA_CLIENT_FEATURE_ACCESS_REQUESTS |
         SA_CLIENT_FEATURE_TRAINING_CONTROLS |
         SA_CLIENT_FEATURE_ACCOUNT_SEARCH_BY_EMAIL;
}

static const char *
sa_desk_client_get_base_uri (SaClient *client)
{
  SaDeskClient *self = SA_DESK_CLIENT (client);

  return self->base_uri != NULL ? self->base_uri : self->given_uri;
}

static void     sa_desk_client_sign_in_async  (SaClient            *client,
                                               const char          *username,
                                               const char          *password,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
static gboolean sa_desk_client_sign_in_finish (SaClient            *client,
                                               GAsyncResult        *result,
                                               GError             **error);
static void     sa_desk_client_sign_out       (SaClient            *client);

static void
sa_desk_client_class_init (SaDeskClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SaClientClass *client_class = SA_CLIENT_CLASS (klass);

  object_class->constructed = sa_desk_client_constructed;
  object_class->dispose = sa_desk_client_dispose;
  object_class->finalize = sa_desk_client_finalize;
  object_class->get_property = sa_desk_client_get_property;
  object_class->set_property = sa_desk_client_set_property;

  client_class->get_features = sa_desk_client_get_features;
  client_class->get_base_uri = sa_desk_client_get_base_uri;
  client_class->sign_in_async = sa_desk_client_sign_in_async;
  client_class->sign_in_finish = sa_desk_client_sign_in_finish;
  client_class->sign_out = sa_desk_client_sign_out;

  sa_desk_client_orders_init_class (client_class);
  sa_desk_client_accounts_init_class (client_class);
  sa_desk_client_account_requests_init_class (client_class);
  sa_desk_client_access_requests_init_class (client_class);

  /**
   * SaDeskClient:base-uri:
   *
   * The server's address, such as "http://127.0.0.1:41234/" (the embedded
   * sandbox) or a partner gateway's https address. Read back normalized, with
   * a trailing "/".
   */
  properties[PROP_BASE_URI] =
    g_param_spec_string ("base-uri", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * SaDeskClient:timeout:
   *
   * Seconds to wait for the server (connection and each read), 0 for none.
   */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 0, G_MAXUINT, DEFAULT_TIMEOUT_SECONDS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sa_desk_client_init (SaDeskClient *self)
{
  self->timeout = DEFAULT_TIMEOUT_SECONDS;
}

/* ------------------------------------------------------------------------ */
/* Public */

/**
 * sa_desk_client_new:
 * @base_uri: the server's address, an absolute http or https URI such as
 *   "http://127.0.0.1:41234/"
 *
 * Creates a Desk API client with its own #SoupSession (30 s timeout), for the
 * training sandbox, a classroom server or a partner gateway. Loopback
 * addresses bypass any configured proxy. An unusable @base_uri still gives a
 * client, whose every call then fails with %SA_CLIENT_ERROR_INVALID_INPUT.
 *
 * Returns: (transfer full): a new #SaDeskClient, as the #SaClient boundary
 */
SaClient *
sa_desk_client_new (const char *base_uri)
{
  return g_object_new (SA_TYPE_DESK_CLIENT, "base-uri", base_uri, NULL);
}

/**
 * sa_desk_client_set_timeout:
 * @self: an #SaDeskClient
 * @seconds: seconds to wait for the server before a call fails with
 *   %SA_CLIENT_ERROR_TIMEOUT; 0 waits forever
 *
 * Sets the session's I/O and idle timeouts; applies to calls started
 * afterwards.
 */
void
sa_desk_client_set_timeout (SaDeskClient *self,
                            guint         seconds)
{
  g_return_if_fail (SA_IS_DESK_CLIENT (self));

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
 * sa_desk_client_get_timeout:
 * @self: an #SaDeskClient
 *
 * Returns: the timeout in seconds (0: none)
 */
guint
sa_desk_client_get_timeout (SaDeskClient *self)
{
  g_return_val_if_fail (SA_IS_DESK_CLIENT (self), 0);

  return self->timeout;
}

/* ------------------------------------------------------------------------ */
/* Signing in and out */

/**
 * sa_desk_client_drop_token:
 * @self: an #SaDeskClient
 *
 * Wipes the access token from memory; #SaClient:signed-in becomes %FALSE and
 * the user name stays (for the sign-in dialog).
 */
void
sa_desk_client_drop_token (SaDeskClient *self)
{
  clear_secret (&self->access_token);
  sa_client_set_signed_out (SA_CLIENT (self), FALSE);
}

static void
sa_desk_client_sign_out (SaClient *client)
{
  sa_desk_client_drop_token (SA_DESK_CLIENT (client));
}

static gboolean
answer_token (SaDeskClient  *self,
              GTask         *task,
              JsonNode      *root,
              GError       **error)
{
  SignInCall *sign_in = g_task_get_task_data (task);
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

  sa_client_set_signed_in_as (SA_CLIENT (self), sign_in->username);

  g_task_return_boolean (task, TRUE);
  return TRUE;
}

/* POST /oauth2/token, form-encoded, password grant. The password is sent in
 * the form body only, never logged or kept. */
static void
sa_desk_client_sign_in_async (SaClient            *client,
                              const char          *username,
                              const char          *password,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  SaDeskClient *self = SA_DESK_CLIENT (client);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  SignInCall *sign_in;
  char *form;

  sign_in = g_new0 (SignInCall, 1);
  sign_in->call.answer = answer_token;
  sign_in->call.is_token = TRUE;
  task = sa_desk_task_new (self, sa_desk_client_sign_in_async, &sign_in->call, sign_in_call_free,
                           cancellable, callback, user_data);

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

  if (!sa_desk_check_base_uri (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  uri = sa_desk_build_uri (self, "oauth2/token", NULL);
  form = soup_form_encode ("grant_type", "password",
                           "username", username,
                           "password", password,
                           NULL);
  /* Takes ownership of @form. */
  sign_in->call.msg = soup_message_new_from_encoded_form ("POST", uri, form);
  if (sign_in->call.msg == NULL)
    {
      g_task_return_error (task, sa_client_error_new (SA_CLIENT_ERROR_INVALID_INPUT,
                                                      "could not build the token request"));
      return;
    }

  sign_in->username = g_strdup (username);

  sa_desk_send (self, g_steal_pointer (&task));
}

static gboolean
sa_desk_client_sign_in_finish (SaClient      *client,
                               GAsyncResult  *result,
                               GError       **error)
{
  return sa_desk_propagate_boolean (client, result, sa_desk_client_sign_in_async, error);
}

/* ------------------------------------------------------------------------ */
/* Renewal from the keyring */

/* Ends a renewal: every waiting call is re-sent once with the new token, or
 * fails with UNAUTHENTICATED after "sign-in-required" was emitted. */
static void
finish_renewal (SaDeskClient *self,
                gboolean      renewed)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->renew_waiters);

  if (!renewed)
    {
      sa_desk_client_drop_token (self);
      sa_client_emit_sign_in_required (SA_CLIENT (self));
    }

  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_object_ref (g_ptr_array_index (waiters, i));
      SaDeskCall *call = sa_desk_task_get_call (task);
      GCancellable *cancellable = g_task_get_cancellable (task);

      if (g_cancellable_is_cancelled (cancellable))
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                   "%s", _("The operation was cancelled."));
          g_object_unref (task);
        }
      else if (renewed && sa_desk_rebuild_message (call))
        {
          g_debug ("Sending %s %s again after the sign-in was renewed",
                   call->method, g_uri_get_path (soup_message_get_uri (call->msg)));
          sa_desk_send (self, task);
        }
      else
        {
          g_task_return_error (task, sa_client_error_new (SA_CLIENT_ERROR_UNAUTHENTICATED,
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
  g_autoptr(SaDeskClient) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean renewed;

  renewed = sa_client_sign_in_finish (SA_CLIENT (self), result, &error);
  if (!renewed)
    g_debug ("Renewing the sign-in with the remembered credentials failed: %s", error->message);

  finish_renewal (self, renewed);
}

static void
on_renew_lookup (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SaDeskClient) self = user_data;
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
  sa_client_sign_in_async (SA_CLIENT (self), username, password, NULL,
                           on_renew_signed_in, g_object_ref (self));
  sa_credentials_free_password (password);
}

/**
 * sa_desk_client_start_renewal:
 * @self: an #SaDeskClient
 * @task: (transfer full): a call refused with 401 UNAUTHENTICATED
 *
 * Queues @task until the sign-in is renewed from the keyring (see
 * sa_client_set_renew_from_keyring()); the first call starts the renewal,
 * the others wait for its outcome.
 */
void
sa_desk_client_start_renewal (SaDeskClient *self,
                              GTask        *task)
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
