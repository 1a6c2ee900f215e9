/* sa-virtual-account.c — a Virtual Account of a Smart Account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sa-error.h"
#include "sa-json-private.h"
#include "sa-virtual-account.h"

struct _SaVirtualAccount
{
  GObject   parent_instance;

  char     *name;
  char     *description;
  gboolean  is_default;
};

G_DEFINE_FINAL_TYPE (SaVirtualAccount, sa_virtual_account, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_IS_DEFAULT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sa_virtual_account_finalize (GObject *object)
{
  SaVirtualAccount *self = (SaVirtualAccount *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (sa_virtual_account_parent_class)->finalize (object);
}

static void
sa_virtual_account_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SaVirtualAccount *self = SA_VIRTUAL_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_IS_DEFAULT:
      g_value_set_boolean (value, self->is_default);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_virtual_account_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SaVirtualAccount *self = SA_VIRTUAL_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_DESCRIPTION:
      self->description = g_value_dup_string (value);
      break;
    case PROP_IS_DEFAULT:
      self->is_default = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_virtual_account_class_init (SaVirtualAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sa_virtual_account_finalize;
  object_class->get_property = sa_virtual_account_get_property;
  object_class->set_property = sa_virtual_account_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_IS_DEFAULT] =
    g_param_spec_boolean ("is-default", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sa_virtual_account_init (SaVirtualAccount *self)
{
}

/**
 * sa_virtual_account_new:
 * @name: the Virtual Account Name, UTF-8 in any script (Japanese included)
 * @is_default: whether this is the Smart Account's DEFAULT Virtual Account
 * @description: (nullable): a description
 *
 * Returns: (transfer full): a new #SaVirtualAccount
 */
SaVirtualAccount *
sa_virtual_account_new (const char *name,
                        gboolean    is_default,
                        const char *description)
{
  return g_object_new (SA_TYPE_VIRTUAL_ACCOUNT,
                       "name", name,
                       "is-default", is_default,
                       "description", description,
                       NULL);
}

/**
 * sa_virtual_account_new_from_json:
 * @object: a Virtual Account object of the Desk API (`name`, `isDefault`,
 *   `description`)
 * @error: return location for a #GError, or %NULL
 *
 * Reads one entry of the Virtual Account drop-down (step 7 of assigning an
 * order). `name` is required; `isDefault` (boolean, default %FALSE) and
 * `description` may be missing or null.
 *
 * Returns: (transfer full) (nullable): a new #SaVirtualAccount, or %NULL with
 *   %SA_CLIENT_ERROR_INVALID_RESPONSE when a field is missing or of the wrong type
 */
SaVirtualAccount *
sa_virtual_account_new_from_json (JsonObject  *object,
                                  GError     **error)
{
  const char *what = "Virtual Account";
  const char *name, *description;
  gboolean is_default;

  g_return_val_if_fail (object != NULL, NULL);

  if (!sa_json_read_string (object, what, "name", TRUE, &name, error) ||
      !sa_json_read_string (object, what, "description", FALSE, &description, error) ||
      !sa_json_read_boolean (object, what, "isDefault", FALSE, FALSE, &is_default, error))
    return NULL;

  return sa_virtual_account_new (name, is_default, description);
}

/**
 * sa_virtual_account_get_name:
 * @self: an #SaVirtualAccount
 *
 * Returns: (transfer none): the Virtual Account Name, shown as it is
 */
const char *
sa_virtual_account_get_name (SaVirtualAccount *self)
{
  g_return_val_if_fail (SA_IS_VIRTUAL_ACCOUNT (self), NULL);
  return self->name;
}

/**
 * sa_virtual_account_get_description:
 * @self: an #SaVirtualAccount
 *
 * Returns: (transfer none) (nullable): the description
 */
const char *
sa_virtual_account_get_description (SaVirtualAccount *self)
{
  g_return_val_if_fail (SA_IS_VIRTUAL_ACCOUNT (self), NULL);
  return self->description;
}

/**
 * sa_virtual_account_get_is_default:
 * @self: an #SaVirtualAccount
 *
 * Returns: %TRUE for the DEFAULT Virtual Account
 */
gboolean
sa_virtual_account_get_is_default (SaVirtualAccount *self)
{
  g_return_val_if_fail (SA_IS_VIRTUAL_ACCOUNT (self), FALSE);
  return self->is_default;
}
