/* sa-assignment.c — one Smart Account slot of an order (End Customer or Holding)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sa-assignment.h"
#include "sa-error.h"
#include "sa-json-private.h"

struct _SaAssignment
{
  GObject          parent_instance;

  char            *domain;
  char            *name;
  char            *virtual_account;
  SaAccountType    account_type;
  SaAccountStatus  status;
};

G_DEFINE_FINAL_TYPE (SaAssignment, sa_assignment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOMAIN,
  PROP_NAME,
  PROP_VIRTUAL_ACCOUNT,
  PROP_ACCOUNT_TYPE,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sa_assignment_finalize (GObject *object)
{
  SaAssignment *self = (SaAssignment *)object;

  g_clear_pointer (&self->domain, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->virtual_account, g_free);

  G_OBJECT_CLASS (sa_assignment_parent_class)->finalize (object);
}

static void
sa_assignment_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SaAssignment *self = SA_ASSIGNMENT (object);

  switch (prop_id)
    {
    case PROP_DOMAIN:
      g_value_set_string (value, self->domain);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_VIRTUAL_ACCOUNT:
      g_value_set_string (value, self->virtual_account);
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
sa_assignment_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SaAssignment *self = SA_ASSIGNMENT (object);

  switch (prop_id)
    {
    case PROP_DOMAIN:
      self->domain = g_value_dup_string (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_VIRTUAL_ACCOUNT:
      self->virtual_account = g_value_dup_string (value);
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
sa_assignment_class_init (SaAssignmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sa_assignment_finalize;
  object_class->get_property = sa_assignment_get_property;
  object_class->set_property = sa_assignment_set_property;

  properties[PROP_DOMAIN] =
    g_param_spec_string ("domain", NULL, NULL, NULL, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_VIRTUAL_ACCOUNT] =
    g_param_spec_string ("virtual-account", NULL, NULL, NULL, flags);
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
sa_assignment_init (SaAssignment *self)
{
}

/**
 * sa_assignment_new:
 * @domain: the Smart Account's Domain Identifier
 * @name: (nullable): the Account Name (shown; not sent)
 * @account_type: CUSTOMER for the End Customer slot, HOLDING for the Holding slot
 * @status: the Smart Account's status (shown; not sent)
 * @virtual_account: the Virtual Account Name
 *
 * Builds the new content of a slot, as chosen in the Assign Smart Account
 * dialog (steps 6 and 7 of assigning an order: pick the account and its
 * Virtual Account).
 *
 * Returns: (transfer full): a new #SaAssignment
 */
SaAssignment *
sa_assignment_new (const char      *domain,
                   const char      *name,
                   SaAccountType    account_type,
                   SaAccountStatus  status,
                   const char      *virtual_account)
{
  return g_object_new (SA_TYPE_ASSIGNMENT,
                       "domain", domain,
                       "name", name,
                       "account-type", account_type,
                       "status", status,
                       "virtual-account", virtual_account,
                       NULL);
}

/**
 * sa_assignment_new_from_json:
 * @object: an assignment object of the Desk API (`domain`, `name`, `type`,
 *   `status`, `virtualAccount`)
 * @error: return location for a #GError, or %NULL
 *
 * Reads one Smart Account slot of an order (the End Customer or Holding Smart
 * Account row of the order page). All five members are required.
 *
 * Returns: (transfer full) (nullable): a new #SaAssignment, or %NULL with
 *   %SA_CLIENT_ERROR_INVALID_RESPONSE when a field is missing, of the wrong type
 *   or has an unknown value
 */
SaAssignment *
sa_assignment_new_from_json (JsonObject  *object,
                             GError     **error)
{
  const char *what = "Smart Account assignment";
  const char *domain, *name, *type_str, *status_str, *virtual_account;
  SaAccountType account_type;
  SaAccountStatus status;

  g_return_val_if_fail (object != NULL, NULL);

  if (!sa_json_read_string (object, what, "domain", TRUE, &domain, error) ||
      !sa_json_read_string (object, what, "name", TRUE, &name, error) ||
      !sa_json_read_string (object, what, "type", TRUE, &type_str, error) ||
      !sa_json_read_string (object, what, "status", TRUE, &status_str, error) ||
      !sa_json_read_string (object, what, "virtualAccount", TRUE, &virtual_account, error))
    return NULL;

  if (!sa_account_type_from_string (type_str, &account_type))
    return (sa_json_fail_value (what, "type", error), NULL);
  if (!sa_account_status_from_string (status_str, &status))
    return (sa_json_fail_value (what, "status", error), NULL);

  return sa_assignment_new (domain, name, account_type, status, virtual_account);
}

/**
 * sa_assignment_get_domain:
 * @self: an #SaAssignment
 *
 * Returns: (transfer none): the Smart Account's Domain Identifier
 */
const char *
sa_assignment_get_domain (SaAssignment *self)
{
  g_return_val_if_fail (SA_IS_ASSIGNMENT (self), NULL);
  return self->domain;
}

/**
 * sa_assignment_get_name:
 * @self: an #SaAssignment
 *
 * Returns: (transfer none) (nullable): the Account Name
 */
const char *
sa_assignment_get_name (SaAssignment *self)
{
  g_return_val_if_fail (SA_IS_ASSIGNMENT (self), NULL);
  return self->name;
}

/**
 * sa_assignment_get_account_type:
 * @self: an #SaAssignment
 *
 * Returns: the Smart Account's type
 */
SaAccountType
sa_assignment_get_account_type (SaAssignment *self)
{
  g_return_val_if_fail (SA_IS_ASSIGNMENT (self), SA_ACCOUNT_TYPE_CUSTOMER);
  return self->account_type;
}

/**
 * sa_assignment_get_status:
 * @self: an #SaAssignment
 *
 * Returns: the Smart Account's status
 */
SaAccountStatus
sa_assignment_get_status (SaAssignment *self)
{
  g_return_val_if_fail (SA_IS_ASSIGNMENT (self), SA_ACCOUNT_STATUS_ACTIVE);
  return self->status;
}

/**
 * sa_assignment_get_virtual_account:
 * @self: an #SaAssignment
 *
 * Returns: (transfer none): the Virtual Account Name
 */
const char *
sa_assignment_get_virtual_account (SaAssignment *self)
{
  g_return_val_if_fail (SA_IS_ASSIGNMENT (self), NULL);
  return self->virtual_account;
}

/**
 * sa_assignment_equal:
 * @a: (nullable): an #SaAssignment
 * @b: (nullable): an #SaAssignment
 *
 * Whether two slot contents name the same Smart Account and Virtual Account,
 * e.g. to tell whether the user's pending change differs from the order's
 * current assignment. Domains compare case-insensitively.
 *
 * Returns: %TRUE when both name the same domain, type and Virtual Account (or
 *   both are %NULL)
 */
gboolean
sa_assignment_equal (SaAssignment *a,
                     SaAssignment *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  g_return_val_if_fail (SA_IS_ASSIGNMENT (a), FALSE);
  g_return_val_if_fail (SA_IS_ASSIGNMENT (b), FALSE);

  return a->account_type == b->account_type &&
         g_ascii_strcasecmp (a->domain ? a->domain : "", b->domain ? b->domain : "") == 0 &&
         g_strcmp0 (a->virtual_account, b->virtual_account) == 0;
}
