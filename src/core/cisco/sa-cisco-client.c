/* sa-cisco-client.c — the Cisco back end of the #SaClient boundary: the
 * object, its features, sign-in with the Client ID and Secret of the user's
 * own API application, and the mapping of Cisco's errors to the boundary's
 *
 * The reads are in sa-cisco-client-reads.c. The token lives in the
 * #SaCiscoApi, in memory only, and is renewed there before `expires_in` runs
 * out (and once after a 401). The writes of the four procedures are left
 * unimplemented: the boundary answers %SA_CLIENT_ERROR_NOT_SUPPORTED and the
 * UI hands the change to Cisco's portal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sa-cisco"

#include "config.h"

#include "sa-cisco-client-private.h"
#include "sa-cisco-error.h"

G_DEFINE_FINAL_TYPE (SaCiscoClient, sa_cisco_client, SA_TYPE_CLIENT)

enum {
  PROP_0,
  PROP_API,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sa_cisco_client_dispose (GObject *object)
{
  SaCiscoClient *self = SA_CISCO_CLIENT (object);

  g_clear_object (&self->api);

  G_OBJECT_CLASS (sa_cisco_client_parent_class)->dispose (object);
}

static void
sa_cisco_client_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SaCiscoClient *self = SA_CISCO_CLIENT (object);

  switch (prop_id)
    {
    case PROP_API:
      g_value_set_object (value, self->api);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_cisco_client_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SaCiscoClient *self = SA_CISCO_CLIENT (object);

  switch (prop_id)
    {
    case PROP_API:
      self->api = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static SaClientFeatures
sa_cisco_client_get_features (SaClient *client)
{
  /* Reads only (CISCO-APIS.md §0): one order by number (no list), no writes
   * of the four procedures, no e-mail search; restricted Smart Accounts are
   * found only by their full name or domain. */
  return SA_CLIENT_FEATURE_LICENSES |
         SA_CLIENT_FEATURE_MY_ACCOUNTS |
         SA_CLIENT_FEATURE_PORTAL_HAND_OFF |
         SA_CLIENT_FEATURE_RESTRICTED_ACCOUNTS_HIDDEN |
         SA_CLIENT_FEATURE_LICENSE_TRANSFER;
}

static const char *
sa_cisco_client_get_base_uri (SaClient *client)
{
  SaCiscoClient *self = SA_CISCO_CLIENT (client);

  /* The address Preferences shows; the keyring files the Client Secret under
   * the identity provider's address instead (sa-cisco-credentials.h). */
  return sa_cisco_api_get_licensing_uri (self->api);
}

/* ------------------------------------------------------------------------ */
/* Sign-in: a token for the Client ID and Secret */

static void
on_token_for_sign_in (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SaCiscoClient *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (!sa_cisco_api_request_token_finish (SA_CISCO_API (object), result, &error))
    {
      /* A refused secret is not kept for the next calls. */
      if (g_error_matches (error, SA_CISCO_ERROR, SA_CISCO_ERROR_INVALID_CLIENT))
        sa_cisco_api_set_credentials (self->api, NULL, NULL);
      g_task_return_error (task, sa_cisco_client_map_error (self, g_steal_pointer (&error),
                                                            SA_CLIENT_ERROR_NOT_FOUND));
      return;
    }

  sa_client_set_signed_in_as (SA_CLIENT (self), sa_cisco_api_get_client_id (self->api));
  g_task_return_boolean (task, TRUE);
}

static void
sa_cisco_client_sign_in_async (SaClient            *client,
                               const char          *client_id,
                               const char          *client_secret,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  SaCiscoClient *self = SA_CISCO_CLIENT (client);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *id = g_strstrip (g_strdup (client_id != NULL ? client_id : ""));

  g_task_set_source_tag (task, sa_cisco_client_sign_in_async);

  if (*id == '\0' || client_secret == NULL || *client_secret == '\0')
    {
      g_task_return_error (task, sa_client_error_new (SA_CLIENT_ERROR_INVALID_INPUT,
                                                      "empty Client ID or Client Secret"));
      return;
    }

  /* The secret is copied into the SaCiscoApi only (wiped there when replaced). */
  sa_cisco_api_set_credentials (self->api, id, client_secret);
  sa_cisco_api_request_token_async (self->api, cancellable, on_token_for_sign_in,
                                    g_steal_pointer (&task));
}

static gboolean
sa_cisco_client_sign_in_finish (SaClient      *client,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
sa_cisco_client_sign_out (SaClient *client)
{
  SaCiscoClient *self = SA_CISCO_CLIENT (client);

  /* Wipes the secret and the token from memory. */
  sa_cisco_api_set_credentials (self->api, NULL, NULL);
}

/* ------------------------------------------------------------------------ */
/* Errors */

static SaClientError
client_code_for (SaCiscoError  code,
                 SaClientError not_found)
{
  switch (code)
    {
    case SA_CISCO_ERROR_INVALID_INPUT:
      return SA_CLIENT_ERROR_INVALID_INPUT;
    case SA_CISCO_ERROR_INSECURE_URI:
      return SA_CLIENT_ERROR_INSECURE_URI;
    case SA_CISCO_ERROR_NO_CREDENTIALS:
      return SA_CLIENT_ERROR_UNAUTHENTICATED;
    case SA_CISCO_ERROR_INVALID_CLIENT:
      return SA_CLIENT_ERROR_INVALID_CREDENTIALS;
    case SA_CISCO_ERROR_ACCESS_NOT_APPROVED:
    case SA_CISCO_ERROR_DENIED:
      return SA_CLIENT_ERROR_NOT_AUTHORIZED;
    case SA_CISCO_ERROR_NO_NETWORK:
      return SA_CLIENT_ERROR_NETWORK;
    case SA_CISCO_ERROR_TLS:
      return SA_CLIENT_ERROR_UNTRUSTED_CERTIFICATE;
    case SA_CISCO_ERROR_TIMEOUT:
      return SA_CLIENT_ERROR_TIMEOUT;
    case SA_CISCO_ERROR_RATE_LIMITED:
    case SA_CISCO_ERROR_SERVER_ERROR:
      return SA_CLIENT_ERROR_SERVER_ERROR;
    case SA_CISCO_ERROR_NOT_JSON:
    case SA_CISCO_ERROR_BAD_REPLY:
      return SA_CLIENT_ERROR_INVALID_RESPONSE;
    case SA_CISCO_ERROR_NOT_FOUND:
      return not_found;
    case SA_CISCO_ERROR_REJECTED:
    case SA_CISCO_ERROR_FAILED:
    default:
      return SA_CLIENT_ERROR_FAILED;
    }
}

/**
 * sa_cisco_client_map_error:
 * @self: an #SaCiscoClient
 * @error: (transfer full): an error from the #SaCiscoApi
 * @not_found: the #SaClientError that %SA_CISCO_ERROR_NOT_FOUND becomes for
 *   this call (%SA_CLIENT_ERROR_ORDER_NOT_FOUND for an order,
 *   %SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND for an account's Virtual
 *   Accounts or licenses)
 *
 * Turns an %SA_CISCO_ERROR into the boundary's %SA_CLIENT_ERROR, so that the
 * widgets handle it as any back end's (docs/cisco.md, "The client"). The
 * message stays Cisco's translated sentence, which says the next action (an
 * `OSA001` says "not found or not visible to your API application"). Without
 * credentials (%SA_CISCO_ERROR_NO_CREDENTIALS) the client is marked signed
 * out and #SaClient::sign-in-required is emitted: the session asks for the
 * Client ID and Secret in Preferences. Cancellation and errors of other
 * domains pass unchanged.
 *
 * Returns: (transfer full): the error to return
 */
GError *
sa_cisco_client_map_error (SaCiscoClient *self,
                           GError        *error,
                           SaClientError  not_found)
{
  SaClientError code;
  GError *mapped;

  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != SA_CISCO_ERROR)
    return error;

  code = client_code_for (error->code, not_found);
  g_debug ("Cisco error %d becomes client error %d", error->code, code);
  mapped = g_error_new_literal (SA_CLIENT_ERROR, code, error->message);

  if (error->code == SA_CISCO_ERROR_NO_CREDENTIALS && SA_IS_CISCO_CLIENT (self))
    {
      sa_client_set_signed_out (SA_CLIENT (self), FALSE);
      sa_client_emit_sign_in_required (SA_CLIENT (self));
    }

  g_error_free (error);
  return mapped;
}

/* ------------------------------------------------------------------------ */

static void
sa_cisco_client_class_init (SaCiscoClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SaClientClass *client_class = SA_CLIENT_CLASS (klass);

  object_class->dispose = sa_cisco_client_dispose;
  object_class->get_property = sa_cisco_client_get_property;
  object_class->set_property = sa_cisco_client_set_property;

  client_class->get_features = sa_cisco_client_get_features;
  client_class->get_base_uri = sa_cisco_client_get_base_uri;
  client_class->sign_in_async = sa_cisco_client_sign_in_async;
  client_class->sign_in_finish = sa_cisco_client_sign_in_finish;
  client_class->sign_out = sa_cisco_client_sign_out;
  sa_cisco_client_reads_init_class (client_class);
  sa_cisco_client_transfer_init_class (client_class);

  /**
   * SaCiscoClient:api:
   *
   * The #SaCiscoApi every call goes through (addresses, credentials, token).
   */
  properties[PROP_API] =
    g_param_spec_object ("api", NULL, NULL, SA_TYPE_CISCO_API,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sa_cisco_client_init (SaCiscoClient *self)
{
}

/**
 * sa_cisco_client_new:
 * @api: the connection to Cisco's APIs (its three addresses; its Client ID
 *   and Secret may be set later, by sa_client_sign_in_async())
 *
 * Creates the Cisco back end: the session creates it for the **Cisco** and
 * **Cisco (practice)** connections, and widgets call sa_client_*() on it as
 * on any back end.
 *
 * Returns: (transfer full): a new #SaCiscoClient, as an #SaClient
 */
SaClient *
sa_cisco_client_new (SaCiscoApi *api)
{
  g_return_val_if_fail (SA_IS_CISCO_API (api), NULL);

  return g_object_new (SA_TYPE_CISCO_CLIENT, "api", api, NULL);
}

/**
 * sa_cisco_client_get_api:
 * @self: an #SaCiscoClient
 *
 * Returns: (transfer none): the #SaCiscoApi the client calls through
 *   ("Test Connection" uses it directly)
 */
SaCiscoApi *
sa_cisco_client_get_api (SaCiscoClient *self)
{
  g_return_val_if_fail (SA_IS_CISCO_CLIENT (self), NULL);
  return self->api;
}
