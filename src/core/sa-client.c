/* sa-client.c — the back-end boundary: the abstract #SaClient, its sign-in
 * state and the calls every back end answers (or refuses as not supported)
 *
 * The operations themselves dispatch in sa-client-orders.c (procedures 1 and
 * 2) and sa-client-requests.c (procedures 3 and 4).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sa-client.h"
#include "sa-client-private.h"

typedef struct
{
  char     *username;
  gboolean  signed_in;
  gboolean  renew_from_keyring;
} SaClientPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SaClient, sa_client, G_TYPE_OBJECT)

enum {
  PROP_0,
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

static void
sa_client_finalize (GObject *object)
{
  SaClientPrivate *priv = sa_client_get_instance_private (SA_CLIENT (object));

  g_clear_pointer (&priv->username, g_free);

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
    case PROP_SIGNED_IN:
      g_value_set_boolean (value, sa_client_get_signed_in (self));
      break;
    case PROP_USERNAME:
      g_value_set_string (value, sa_client_get_username (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_client_class_init (SaClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sa_client_finalize;
  object_class->get_property = sa_client_get_property;

  /**
   * SaClient:signed-in:
   *
   * Whether the back end holds a valid sign-in. Becomes %FALSE after
   * sa_client_sign_out() and when the server no longer accepts the sign-in.
   */
  properties[PROP_SIGNED_IN] =
    g_param_spec_boolean ("signed-in", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SaClient:username:
   *
   * The user name of the last successful sign-in, %NULL before and after
   * sa_client_sign_out().
   */
  properties[PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SaClient::sign-in-required:
   * @self: the #SaClient
   *
   * Emitted when a call was refused because the sign-in expired or was
   * revoked and could not be renewed from the keyring (see
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
}

/* ------------------------------------------------------------------------ */
/* What the back end is */

/**
 * sa_client_get_features:
 * @self: an #SaClient
 *
 * What the back end can do, so that the UI offers only what works: with a
 * back end that cannot write an assignment or send a request, the app
 * prepares the change and hands it off to Cisco's portal instead.
 *
 * Returns: the back end's #SaClientFeatures
 */
SaClientFeatures
sa_client_get_features (SaClient *self)
{
  SaClientClass *klass;

  g_return_val_if_fail (SA_IS_CLIENT (self), SA_CLIENT_FEATURE_NONE);

  klass = SA_CLIENT_GET_CLASS (self);
  if (klass->get_features == NULL)
    return SA_CLIENT_FEATURE_NONE;

  return klass->get_features (self);
}

/**
 * sa_client_get_base_uri:
 * @self: an #SaClient
 *
 * The address of the server the back end talks to, such as
 * "http://127.0.0.1:41234/" for the embedded sandbox. The keyring remembers
 * credentials under it, and the preferences show it.
 *
 * Returns: (transfer none) (nullable): the address, or %NULL when the back end
 *   has none
 */
const char *
sa_client_get_base_uri (SaClient *self)
{
  SaClientClass *klass;

  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);

  klass = SA_CLIENT_GET_CLASS (self);
  if (klass->get_base_uri == NULL)
    return NULL;

  return klass->get_base_uri (self);
}

/* ------------------------------------------------------------------------ */
/* Signing in */

/**
 * sa_client_get_signed_in:
 * @self: an #SaClient
 *
 * Returns: %TRUE when the back end holds a valid sign-in
 */
gboolean
sa_client_get_signed_in (SaClient *self)
{
  SaClientPrivate *priv;

  g_return_val_if_fail (SA_IS_CLIENT (self), FALSE);

  priv = sa_client_get_instance_private (self);
  return priv->signed_in;
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
  SaClientPrivate *priv;

  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);

  priv = sa_client_get_instance_private (self);
  return priv->username;
}

/**
 * sa_client_sign_in_async:
 * @self: an #SaClient
 * @username: the user name (UTF-8, no control characters); with a back end
 *   without %SA_CLIENT_FEATURE_SIGN_IN_WITH_PASSWORD, its first secret
 * @password: the password, or the back end's second secret; sent to the
 *   server only, never logged or kept
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Signs in. On success #SaClient:signed-in and #SaClient:username change.
 * Serves the first step of every procedure: log in to the portal (in training
 * mode, the app signs in by itself).
 */
void
sa_client_sign_in_async (SaClient            *self,
                         const char          *username,
                         const char          *password,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  SaClientClass *klass;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  klass = SA_CLIENT_GET_CLASS (self);
  if (klass->sign_in_async == NULL)
    {
      sa_client_return_not_supported (self, cancellable, callback, user_data);
      return;
    }

  klass->sign_in_async (self, username, password, cancellable, callback, user_data);
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
 *   %SA_CLIENT_ERROR_INSECURE_URI, %SA_CLIENT_ERROR_NETWORK,
 *   %SA_CLIENT_ERROR_TIMEOUT, %SA_CLIENT_ERROR_SERVER_ERROR,
 *   %SA_CLIENT_ERROR_INVALID_RESPONSE, %SA_CLIENT_ERROR_NOT_SUPPORTED or
 *   %G_IO_ERROR_CANCELLED
 */
gboolean
sa_client_sign_in_finish (SaClient      *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), FALSE);

  if (sa_client_is_not_supported (self, result))
    return g_task_propagate_boolean (G_TASK (result), error);

  return SA_CLIENT_GET_CLASS (self)->sign_in_finish (self, result, error);
}

/**
 * sa_client_sign_out:
 * @self: an #SaClient
 *
 * Forgets the sign-in (the back end wipes its token from memory) and the user
 * name. Calls that need a sign-in then fail with
 * %SA_CLIENT_ERROR_UNAUTHENTICATED.
 */
void
sa_client_sign_out (SaClient *self)
{
  SaClientClass *klass;

  g_return_if_fail (SA_IS_CLIENT (self));

  klass = SA_CLIENT_GET_CLASS (self);
  if (klass->sign_out != NULL)
    klass->sign_out (self);

  sa_client_set_signed_out (self, TRUE);
}

/**
 * sa_client_set_renew_from_keyring:
 * @self: an #SaClient
 * @enabled: whether to renew an expired sign-in from the keyring
 *
 * In Live mode with "Remember me", a session that expires in the middle of the
 * user's work is renewed without asking: when a call is refused because the
 * sign-in expired, the back end looks up the credentials remembered for its
 * base URI (sa_credentials_lookup_async()), signs in again once, and sends the
 * call again once, the same. Calls refused meanwhile wait for that one
 * renewal. When there is nothing remembered, the keyring fails or the sign-in
 * is refused, #SaClient::sign-in-required is emitted and the calls fail with
 * %SA_CLIENT_ERROR_UNAUTHENTICATED. Off by default.
 */
void
sa_client_set_renew_from_keyring (SaClient *self,
                                  gboolean  enabled)
{
  SaClientPrivate *priv;

  g_return_if_fail (SA_IS_CLIENT (self));

  priv = sa_client_get_instance_private (self);
  priv->renew_from_keyring = !!enabled;
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
  SaClientPrivate *priv;

  g_return_val_if_fail (SA_IS_CLIENT (self), FALSE);

  priv = sa_client_get_instance_private (self);
  return priv->renew_from_keyring;
}

/* ------------------------------------------------------------------------ */
/* For back ends (sa-client-private.h) */

/**
 * sa_client_set_signed_in_as:
 * @self: an #SaClient
 * @username: the user name the back end signed in with
 *
 * Called by a back end after a successful sign-in: #SaClient:signed-in
 * becomes %TRUE and #SaClient:username @username; both are notified, in that
 * order, even when unchanged (a renewed sign-in).
 */
void
sa_client_set_signed_in_as (SaClient   *self,
                            const char *username)
{
  SaClientPrivate *priv;

  g_return_if_fail (SA_IS_CLIENT (self));

  priv = sa_client_get_instance_private (self);
  priv->signed_in = TRUE;
  g_free (priv->username);
  priv->username = g_strdup (username);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_IN]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USERNAME]);
}

/**
 * sa_client_set_signed_out:
 * @self: an #SaClient
 * @forget_username: whether the user name goes too (sign-out), or stays for
 *   the sign-in dialog (an expired sign-in)
 *
 * Called by a back end when its sign-in is gone. #SaClient:signed-in is
 * notified when it changes, then #SaClient:username when it changes.
 */
void
sa_client_set_signed_out (SaClient *self,
                          gboolean  forget_username)
{
  SaClientPrivate *priv;

  g_return_if_fail (SA_IS_CLIENT (self));

  priv = sa_client_get_instance_private (self);

  if (priv->signed_in)
    {
      priv->signed_in = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_IN]);
    }

  if (forget_username && priv->username != NULL)
    {
      g_clear_pointer (&priv->username, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USERNAME]);
    }
}

/**
 * sa_client_emit_sign_in_required:
 * @self: an #SaClient
 *
 * Emits #SaClient::sign-in-required: called by a back end whose sign-in was
 * refused and could not be renewed, before it fails the call with
 * %SA_CLIENT_ERROR_UNAUTHENTICATED.
 */
void
sa_client_emit_sign_in_required (SaClient *self)
{
  g_return_if_fail (SA_IS_CLIENT (self));

  g_signal_emit (self, signals[SIGN_IN_REQUIRED], 0);
}

/**
 * sa_client_return_not_supported:
 * @self: an #SaClient
 * @cancellable: (nullable): the call's #GCancellable
 * @callback: the call's callback
 * @user_data: data for @callback
 *
 * Completes a call the back end has no implementation for with
 * %SA_CLIENT_ERROR_NOT_SUPPORTED (in an idle, as every call does).
 */
void
sa_client_return_not_supported (SaClient            *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, sa_client_return_not_supported);
  g_task_return_error (task, sa_client_error_new (SA_CLIENT_ERROR_NOT_SUPPORTED,
                                                  G_OBJECT_TYPE_NAME (self)));
}

/**
 * sa_client_is_not_supported:
 * @self: an #SaClient
 * @result: a #GAsyncResult given to a finish function
 *
 * Returns: %TRUE when @result comes from sa_client_return_not_supported():
 *   the finish function then propagates its error without asking the back end
 */
gboolean
sa_client_is_not_supported (SaClient     *self,
                            GAsyncResult *result)
{
  return g_task_is_valid (result, self) &&
         g_task_get_source_tag (G_TASK (result)) == sa_client_return_not_supported;
}
