/* sa-account-access.c — a Smart Account the user can reach, with their roles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sa-account-access.h"

typedef struct
{
  char *role;
  char *virtual_account;
} Role;

struct _SaAccountAccess
{
  GObject         parent_instance;

  SaSmartAccount *account;
  GArray         *roles;  /* of Role */
};

G_DEFINE_FINAL_TYPE (SaAccountAccess, sa_account_access, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
role_clear (gpointer data)
{
  Role *role = data;

  g_clear_pointer (&role->role, g_free);
  g_clear_pointer (&role->virtual_account, g_free);
}

static void
sa_account_access_finalize (GObject *object)
{
  SaAccountAccess *self = (SaAccountAccess *)object;

  g_clear_object (&self->account);
  g_clear_pointer (&self->roles, g_array_unref);

  G_OBJECT_CLASS (sa_account_access_parent_class)->finalize (object);
}

static void
sa_account_access_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SaAccountAccess *self = SA_ACCOUNT_ACCESS (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_account_access_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SaAccountAccess *self = SA_ACCOUNT_ACCESS (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      self->account = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_account_access_class_init (SaAccountAccessClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sa_account_access_finalize;
  object_class->get_property = sa_account_access_get_property;
  object_class->set_property = sa_account_access_set_property;

  /**
   * SaAccountAccess:account:
   *
   * The Smart Account (its `id` is %NULL: `/v2/accounts` gives none).
   */
  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, SA_TYPE_SMART_ACCOUNT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sa_account_access_init (SaAccountAccess *self)
{
  self->roles = g_array_new (FALSE, TRUE, sizeof (Role));
  g_array_set_clear_func (self->roles, role_clear);
}

/**
 * sa_account_access_new:
 * @account: the Smart Account
 *
 * Returns: (transfer full): a new #SaAccountAccess without roles
 */
SaAccountAccess *
sa_account_access_new (SaSmartAccount *account)
{
  g_return_val_if_fail (SA_IS_SMART_ACCOUNT (account), NULL);

  return g_object_new (SA_TYPE_ACCOUNT_ACCESS, "account", account, NULL);
}

/**
 * sa_account_access_add_role:
 * @self: an #SaAccountAccess
 * @role: Cisco's role name, as it comes ("Smart Account User", "Virtual
 *   Account Administrator"…)
 * @virtual_account: (nullable): the Virtual Account the role is limited to,
 *   %NULL for the whole Smart Account
 *
 * Adds one of Cisco's `roles[]` entries (`role`, and `virtualAccount` when
 * present).
 */
void
sa_account_access_add_role (SaAccountAccess *self,
                            const char      *role,
                            const char      *virtual_account)
{
  Role entry = { NULL, NULL };

  g_return_if_fail (SA_IS_ACCOUNT_ACCESS (self));
  g_return_if_fail (role != NULL);

  entry.role = g_strdup (role);
  entry.virtual_account = g_strdup (virtual_account);
  g_array_append_val (self->roles, entry);
}

/**
 * sa_account_access_get_account:
 * @self: an #SaAccountAccess
 *
 * Returns: (transfer none): the Smart Account
 */
SaSmartAccount *
sa_account_access_get_account (SaAccountAccess *self)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_ACCESS (self), NULL);
  return self->account;
}

/**
 * sa_account_access_get_n_roles:
 * @self: an #SaAccountAccess
 *
 * Returns: how many roles the user holds on the account
 */
guint
sa_account_access_get_n_roles (SaAccountAccess *self)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_ACCESS (self), 0);
  return self->roles->len;
}

/**
 * sa_account_access_get_role:
 * @self: an #SaAccountAccess
 * @index: a role's position, below sa_account_access_get_n_roles()
 *
 * Returns: (transfer none): the role's name, as Cisco gives it
 */
const char *
sa_account_access_get_role (SaAccountAccess *self,
                            guint            index)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_ACCESS (self), NULL);
  g_return_val_if_fail (index < self->roles->len, NULL);

  return g_array_index (self->roles, Role, index).role;
}

/**
 * sa_account_access_get_role_virtual_account:
 * @self: an #SaAccountAccess
 * @index: a role's position, below sa_account_access_get_n_roles()
 *
 * Returns: (transfer none) (nullable): the Virtual Account the role is limited
 *   to, %NULL for a role on the whole Smart Account
 */
const char *
sa_account_access_get_role_virtual_account (SaAccountAccess *self,
                                            guint            index)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_ACCESS (self), NULL);
  g_return_val_if_fail (index < self->roles->len, NULL);

  return g_array_index (self->roles, Role, index).virtual_account;
}

/**
 * sa_account_access_has_role:
 * @self: an #SaAccountAccess
 * @role: a role name such as "Smart Account Administrator" (compared without
 *   regard to ASCII case)
 * @virtual_account: (nullable): %NULL for a role on the whole Smart Account,
 *   or a Virtual Account's name
 *
 * Procedure 4's check: "you already have access" (CISCO-APIS.md §5.2).
 *
 * Returns: %TRUE when the user holds @role there
 */
gboolean
sa_account_access_has_role (SaAccountAccess *self,
                            const char      *role,
                            const char      *virtual_account)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_ACCESS (self), FALSE);
  g_return_val_if_fail (role != NULL, FALSE);

  for (guint i = 0; i < self->roles->len; i++)
    {
      Role *entry = &g_array_index (self->roles, Role, i);

      if (g_ascii_strcasecmp (entry->role, role) == 0 &&
          g_strcmp0 (entry->virtual_account, virtual_account) == 0)
        return TRUE;
    }

  return FALSE;
}
