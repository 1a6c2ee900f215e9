/* sa-cisco-client.c — the Cisco back end of the #SaClient boundary: the
 * object, its features and sign-in with the Client ID and Secret
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sa-cisco-client.h"
#include "sa-client-private.h"

struct _SaCiscoClient
{
  SaClient    parent_instance;

  SaCiscoApi *api;
};

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
         SA_CLIENT_FEATURE_RESTRICTED_ACCOUNTS_HIDDEN;
}

static const char *
sa_cisco_client_get_base_uri (SaClient *client)
{
  SaCiscoClient *self = SA_CISCO_CLIENT (client);

  return sa_cisco_api_get_licensing_uri (self->api);
}

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
