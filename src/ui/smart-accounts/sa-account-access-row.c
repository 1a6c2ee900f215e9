/* sa-account-access-row.c — one of the user's Smart Accounts: name, type, status, roles
 *
 * A row of the Smart Accounts view: the Account Name as title; the domain,
 * the type (Customer, Holding) and the user's roles on it as subtitle (role
 * names as Cisco writes them, "Smart Account User", each for the whole
 * account or one Virtual Account); the status as an SaStatusPill. Activating
 * it opens the account's Virtual Accounts and licenses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-account-access-row.h"
#include "sa-status-pill.h"
#include "sa-ui-util.h"

struct _SaAccountAccessRow
{
  AdwActionRow     parent_instance;

  SaStatusPill    *status_pill;

  SaAccountAccess *access;
};

G_DEFINE_FINAL_TYPE (SaAccountAccessRow, sa_account_access_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ACCESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * sa_account_access_dup_roles:
 * @access: a Smart Account the user can reach
 *
 * The user's roles on it, in one line: "Smart Account User; Virtual Account
 * Administrator (Virtual Account DEFAULT)". The role names are Cisco's,
 * untranslated (the portal shows them so).
 *
 * Returns: (transfer full): the roles, or a translated "No role" when none
 */
char *
sa_account_access_dup_roles (SaAccountAccess *access)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) roles = NULL;
  guint n;

  g_return_val_if_fail (SA_IS_ACCOUNT_ACCESS (access), NULL);

  n = sa_account_access_get_n_roles (access);
  for (guint i = 0; i < n; i++)
    {
      const char *role = sa_account_access_get_role (access, i);
      const char *virtual_account = sa_account_access_get_role_virtual_account (access, i);

      if (virtual_account != NULL)
        {
          /* Translators: a role on one Virtual Account: "Virtual Account Administrator (Virtual Account DEFAULT)" */
          g_autofree char *text = g_strdup_printf (_("%1$s (Virtual Account %2$s)"), role, virtual_account);

          g_strv_builder_add (builder, text);
        }
      else
        g_strv_builder_add (builder, role);
    }

  if (n == 0)
    return g_strdup (_("No role"));

  roles = g_strv_builder_end (builder);
  return g_strjoinv ("; ", roles);
}

static void
update (SaAccountAccessRow *self)
{
  SaSmartAccount *account;
  g_autofree char *roles = NULL;
  g_autofree char *subtitle = NULL;

  if (self->access == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), "");
      gtk_widget_set_visible (GTK_WIDGET (self->status_pill), FALSE);
      return;
    }

  account = sa_account_access_get_account (self->access);
  roles = sa_account_access_dup_roles (self->access);
  /* Translators: one of the user's Smart Accounts: "acme-industrie.fr · Customer", then the roles on a new line */
  subtitle = g_strdup_printf (_("%1$s · %2$s\nRoles: %3$s"),
                              sa_smart_account_get_domain (account),
                              sa_account_type_get_label (sa_smart_account_get_account_type (account)),
                              roles);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), sa_smart_account_get_name (account));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  sa_status_pill_set_account_status (self->status_pill, sa_smart_account_get_status (account));
  gtk_widget_set_visible (GTK_WIDGET (self->status_pill), TRUE);
}

static void
sa_account_access_row_dispose (GObject *object)
{
  SaAccountAccessRow *self = SA_ACCOUNT_ACCESS_ROW (object);

  g_clear_object (&self->access);
  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_ACCOUNT_ACCESS_ROW);

  G_OBJECT_CLASS (sa_account_access_row_parent_class)->dispose (object);
}

static void
sa_account_access_row_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SaAccountAccessRow *self = SA_ACCOUNT_ACCESS_ROW (object);

  switch (prop_id)
    {
    case PROP_ACCESS:
      g_value_set_object (value, self->access);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_account_access_row_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SaAccountAccessRow *self = SA_ACCOUNT_ACCESS_ROW (object);

  switch (prop_id)
    {
    case PROP_ACCESS:
      sa_account_access_row_set_access (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_account_access_row_class_init (SaAccountAccessRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_account_access_row_dispose;
  object_class->get_property = sa_account_access_row_get_property;
  object_class->set_property = sa_account_access_row_set_property;

  /**
   * SaAccountAccessRow:access:
   *
   * The #SaAccountAccess shown (a Smart Account and the user's roles on it), or %NULL.
   */
  properties[PROP_ACCESS] =
    g_param_spec_object ("access", NULL, NULL, SA_TYPE_ACCOUNT_ACCESS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SA_TYPE_STATUS_PILL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/smart-accounts/sa-account-access-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SaAccountAccessRow, status_pill);
}

static void
sa_account_access_row_init (SaAccountAccessRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

/**
 * sa_account_access_row_new:
 * @access: (nullable): the Smart Account and the user's roles on it
 *
 * Creates a row of the Smart Accounts view, e.g. in a #GtkListBox bound to
 * the #SaAccountAccess model of sa_client_list_my_accounts_finish().
 *
 * Returns: (transfer floating): a new #SaAccountAccessRow
 */
GtkWidget *
sa_account_access_row_new (SaAccountAccess *access)
{
  g_return_val_if_fail (access == NULL || SA_IS_ACCOUNT_ACCESS (access), NULL);

  return g_object_new (SA_TYPE_ACCOUNT_ACCESS_ROW, "access", access, NULL);
}

/**
 * sa_account_access_row_get_access:
 * @self: a #SaAccountAccessRow
 *
 * Returns: (transfer none) (nullable): the Smart Account and roles shown
 */
SaAccountAccess *
sa_account_access_row_get_access (SaAccountAccessRow *self)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_ACCESS_ROW (self), NULL);

  return self->access;
}

/**
 * sa_account_access_row_set_access:
 * @self: a #SaAccountAccessRow
 * @access: (nullable) (transfer none): the Smart Account and roles to show
 *
 * Shows @access: Account Name, domain, type, roles and status.
 */
void
sa_account_access_row_set_access (SaAccountAccessRow *self,
                                  SaAccountAccess    *access)
{
  g_return_if_fail (SA_IS_ACCOUNT_ACCESS_ROW (self));
  g_return_if_fail (access == NULL || SA_IS_ACCOUNT_ACCESS (access));

  if (!g_set_object (&self->access, access))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCESS]);
}
