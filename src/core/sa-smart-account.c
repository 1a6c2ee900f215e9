/* sa-smart-account.c — a Smart Account, as search and orders return it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sa-error.h"
#include "sa-json-private.h"
#include "sa-smart-account.h"

struct _SaSmartAccount
{
  GObject          parent_instance;

  char            *id;
  char            *domain;
  char            *name;
  char            *email;
  SaAccountType    account_type;
  SaAccountStatus  status;
};

G_DEFINE_FINAL_TYPE (SaSmartAccount, sa_smart_account, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DOMAIN,
  PROP_NAME,
  PROP_EMAIL,
  PROP_ACCOUNT_TYPE,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sa_smart_account_finalize (GObject *object)
{
  SaSmartAccount *self = (SaSmartAccount *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->domain, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->email, g_free);

  G_OBJECT_CLASS (sa_smart_account_parent_class)->finalize (object);
}

static void
sa_smart_account_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SaSmartAccount *self = SA_SMART_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_DOMAIN:
      g_value_set_string (value, self->domain);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_ACCOUNT_TYPE:
      g_value_set_int (value, self->account_type);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_smart_account_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SaSmartAccount *self = SA_SMART_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_DOMAIN:
      self->domain = g_value_dup_string (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_EMAIL:
      self->email = g_value_dup_string (value);
      break;
    case PROP_ACCOUNT_TYPE:
      self->account_type = g_value_get_int (value);
      break;
    case PROP_STATUS:
      self->status = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_smart_account_class_init (SaSmartAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sa_smart_account_finalize;
  object_class->get_property = sa_smart_account_get_property;
  object_class->set_property = sa_smart_account_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_DOMAIN] =
    g_param_spec_string ("domain", NULL, NULL, NULL, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL, flags);
  properties[PROP_ACCOUNT_TYPE] =
    g_param_spec_int ("account-type", NULL, NULL,
                      SA_ACCOUNT_TYPE_CUSTOMER, SA_ACCOUNT_TYPE_HOLDING,
                      SA_ACCOUNT_TYPE_CUSTOMER, flags);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL,
                      SA_ACCOUNT_STATUS_ACTIVE, SA_ACCOUNT_STATUS_EXPIRED,
                      SA_ACCOUNT_STATUS_ACTIVE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sa_smart_account_init (SaSmartAccount *self)
{
}

/**
 * sa_smart_account_new:
 * @id: (nullable): the server's identifier ("SA-100001")
 * @domain: the Account Domain Identifier
 * @name: the Account Name
 * @account_type: CUSTOMER or HOLDING
 * @status: Active, Pending or Expired
 * @email: (nullable): the account's contact e-mail
 *
 * Returns: (transfer full): a new #SaSmartAccount
 */
SaSmartAccount *
sa_smart_account_new (const char      *id,
                      const char      *domain,
                      const char      *name,
                      SaAccountType    account_type,
                      SaAccountStatus  status,
                      const char      *email)
{
  return g_object_new (SA_TYPE_SMART_ACCOUNT,
                       "id", id,
                       "domain", domain,
                       "name", name,
                       "account-type", account_type,
                       "status", status,
                       "email", email,
                       NULL);
}

/**
 * sa_smart_account_new_from_json:
 * @object: a Smart Account object of the Desk API (`id`, `domain`, `name`,
 *   `type`, `status`, `email`)
 * @error: return location for a #GError, or %NULL
 *
 * Reads one entry of a Smart Account search (step 6 of assigning an order).
 * `domain`, `name`, `type` and `status` are required; `id` and `email` may be
 * missing or null.
 *
 * Returns: (transfer full) (nullable): a new #SaSmartAccount, or %NULL with
 *   %SA_CLIENT_ERROR_INVALID_RESPONSE when a field is missing, of the wrong type
 *   or has an unknown value
 */
SaSmartAccount *
sa_smart_account_new_from_json (JsonObject  *object,
                                GError     **error)
{
  const char *what = "Smart Account";
  const char *id, *domain, *name, *email, *type_str, *status_str;
  SaAccountType account_type;
  SaAccountStatus status;

  g_return_val_if_fail (object != NULL, NULL);

  if (!sa_json_read_string (object, what, "id", FALSE, &id, error) ||
      !sa_json_read_string (object, what, "domain", TRUE, &domain, error) ||
      !sa_json_read_string (object, what, "name", TRUE, &name, error) ||
      !sa_json_read_string (object, what, "email", FALSE, &email, error) ||
      !sa_json_read_string (object, what, "type", TRUE, &type_str, error) ||
      !sa_json_read_string (object, what, "status", TRUE, &status_str, error))
    return NULL;

  if (!sa_account_type_from_string (type_str, &account_type))
    return (sa_json_fail_value (what, "type", error), NULL);
  if (!sa_account_status_from_string (status_str, &status))
    return (sa_json_fail_value (what, "status", error), NULL);

  return sa_smart_account_new (id, domain, name, account_type, status, email);
}

/**
 * sa_smart_account_get_id:
 * @self: an #SaSmartAccount
 *
 * Returns: (transfer none) (nullable): the server's identifier
 */
const char *
sa_smart_account_get_id (SaSmartAccount *self)
{
  g_return_val_if_fail (SA_IS_SMART_ACCOUNT (self), NULL);
  return self->id;
}

/**
 * sa_smart_account_get_domain:
 * @self: an #SaSmartAccount
 *
 * Returns: (transfer none): the Account Domain Identifier
 */
const char *
sa_smart_account_get_domain (SaSmartAccount *self)
{
  g_return_val_if_fail (SA_IS_SMART_ACCOUNT (self), NULL);
  return self->domain;
}

/**
 * sa_smart_account_get_name:
 * @self: an #SaSmartAccount
 *
 * Returns: (transfer none): the Account Name
 */
const char *
sa_smart_account_get_name (SaSmartAccount *self)
{
  g_return_val_if_fail (SA_IS_SMART_ACCOUNT (self), NULL);
  return self->name;
}

/**
 * sa_smart_account_get_email:
 * @self: an #SaSmartAccount
 *
 * Returns: (transfer none) (nullable): the contact e-mail
 */
const char *
sa_smart_account_get_email (SaSmartAccount *self)
{
  g_return_val_if_fail (SA_IS_SMART_ACCOUNT (self), NULL);
  return self->email;
}

/**
 * sa_smart_account_get_account_type:
 * @self: an #SaSmartAccount
 *
 * Returns: CUSTOMER (End Customer) or HOLDING
 */
SaAccountType
sa_smart_account_get_account_type (SaSmartAccount *self)
{
  g_return_val_if_fail (SA_IS_SMART_ACCOUNT (self), SA_ACCOUNT_TYPE_CUSTOMER);
  return self->account_type;
}

/**
 * sa_smart_account_get_status:
 * @self: an #SaSmartAccount
 *
 * Returns: the account status; a Pending account may be assigned, its licenses
 *   come once it is Active
 */
SaAccountStatus
sa_smart_account_get_status (SaSmartAccount *self)
{
  g_return_val_if_fail (SA_IS_SMART_ACCOUNT (self), SA_ACCOUNT_STATUS_ACTIVE);
  return self->status;
}
