/* sa-smart-account-row.c — one Smart Account in a list: name, domain, type, status
 *
 * The row of a Smart Account wherever the user picks one: the search results
 * of the Assign Smart Account dialog (step 7 of "assign an order") and the
 * accounts sharing a domain in the access request wizard (step 6 of "request
 * access"). Title: the Account Name; subtitle: "domain · Customer", with the
 * account's e-mail when it has one and show-email is set; suffix: its status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-smart-account-row.h"
#include "sa-status-pill.h"
#include "sa-ui-util.h"

struct _SaSmartAccountRow
{
  AdwActionRow    parent_instance;

  SaStatusPill   *status_pill;

  SaSmartAccount *account;
  gboolean        show_email;
};

G_DEFINE_FINAL_TYPE (SaSmartAccountRow, sa_smart_account_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ACCOUNT,
  PROP_SHOW_EMAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (SaSmartAccountRow *self)
{
  g_autofree char *subtitle = NULL;
  const char *email;
  const char *type;

  if (self->account == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), "");
      gtk_widget_set_visible (GTK_WIDGET (self->status_pill), FALSE);
      return;
    }

  email = sa_smart_account_get_email (self->account);
  type = sa_account_type_get_label (sa_smart_account_get_account_type (self->account));

  if (self->show_email && email != NULL && *email != '\0')
    /* Translators: a Smart Account in the search results: "acme-industrie.fr · Customer · it@acme-industrie.fr" */
    subtitle = g_strdup_printf (_("%1$s · %2$s · %3$s"),
                                sa_smart_account_get_domain (self->account), type, email);
  else
    /* Translators: a Smart Account in the search results: "acme-industrie.fr · Customer" */
    subtitle = g_strdup_printf (_("%1$s · %2$s"),
                                sa_smart_account_get_domain (self->account), type);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), sa_smart_account_get_name (self->account));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  sa_status_pill_set_account_status (self->status_pill, sa_smart_account_get_status (self->account));
  gtk_widget_set_visible (GTK_WIDGET (self->status_pill), TRUE);
}

static void
sa_smart_account_row_dispose (GObject *object)
{
  SaSmartAccountRow *self = SA_SMART_ACCOUNT_ROW (object);

  g_clear_object (&self->account);
  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_SMART_ACCOUNT_ROW);

  G_OBJECT_CLASS (sa_smart_account_row_parent_class)->dispose (object);
}

static void
sa_smart_account_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SaSmartAccountRow *self = SA_SMART_ACCOUNT_ROW (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    case PROP_SHOW_EMAIL:
      g_value_set_boolean (value, self->show_email);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_smart_account_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SaSmartAccountRow *self = SA_SMART_ACCOUNT_ROW (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      sa_smart_account_row_set_account (self, g_value_get_object (value));
      break;
    case PROP_SHOW_EMAIL:
      sa_smart_account_row_set_show_email (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_smart_account_row_class_init (SaSmartAccountRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_smart_account_row_dispose;
  object_class->get_property = sa_smart_account_row_get_property;
  object_class->set_property = sa_smart_account_row_set_property;

  /**
   * SaSmartAccountRow:account:
   *
   * The #SaSmartAccount shown, or %NULL.
   */
  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, SA_TYPE_SMART_ACCOUNT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SaSmartAccountRow:show-email:
   *
   * Whether the subtitle ends with the account's e-mail address, when it has
   * one (the search by Email ID shows why an account matched).
   */
  properties[PROP_SHOW_EMAIL] =
    g_param_spec_boolean ("show-email", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SA_TYPE_STATUS_PILL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/common/sa-smart-account-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SaSmartAccountRow, status_pill);
}

static void
sa_smart_account_row_init (SaSmartAccountRow *self)
{
  self->show_email = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

/**
 * sa_smart_account_row_new:
 * @account: (nullable): the Smart Account to show
 *
 * Creates a row for @account, e.g. in a #GtkListBox bound to a model of
 * #SaSmartAccount (step 7 of "assign an order": pick the account, check its
 * status).
 *
 * Returns: (transfer floating): a new #SaSmartAccountRow
 */
GtkWidget *
sa_smart_account_row_new (SaSmartAccount *account)
{
  g_return_val_if_fail (account == NULL || SA_IS_SMART_ACCOUNT (account), NULL);

  return g_object_new (SA_TYPE_SMART_ACCOUNT_ROW, "account", account, NULL);
}

/**
 * sa_smart_account_row_get_account:
 * @self: a #SaSmartAccountRow
 *
 * Returns: (transfer none) (nullable): the Smart Account shown
 */
SaSmartAccount *
sa_smart_account_row_get_account (SaSmartAccountRow *self)
{
  g_return_val_if_fail (SA_IS_SMART_ACCOUNT_ROW (self), NULL);

  return self->account;
}

/**
 * sa_smart_account_row_set_account:
 * @self: a #SaSmartAccountRow
 * @account: (nullable) (transfer none): the Smart Account to show
 *
 * Shows @account: its Account Name, domain, type and status.
 */
void
sa_smart_account_row_set_account (SaSmartAccountRow *self,
                                  SaSmartAccount    *account)
{
  g_return_if_fail (SA_IS_SMART_ACCOUNT_ROW (self));
  g_return_if_fail (account == NULL || SA_IS_SMART_ACCOUNT (account));

  if (!g_set_object (&self->account, account))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
}

/**
 * sa_smart_account_row_get_show_email:
 * @self: a #SaSmartAccountRow
 *
 * Returns: whether the subtitle shows the account's e-mail address
 */
gboolean
sa_smart_account_row_get_show_email (SaSmartAccountRow *self)
{
  g_return_val_if_fail (SA_IS_SMART_ACCOUNT_ROW (self), FALSE);

  return self->show_email;
}

/**
 * sa_smart_account_row_set_show_email:
 * @self: a #SaSmartAccountRow
 * @show_email: whether the subtitle shows the account's e-mail address (the
 *   access request wizard's chooser does not)
 *
 * Sets #SaSmartAccountRow:show-email.
 */
void
sa_smart_account_row_set_show_email (SaSmartAccountRow *self,
                                     gboolean           show_email)
{
  g_return_if_fail (SA_IS_SMART_ACCOUNT_ROW (self));

  show_email = !!show_email;
  if (self->show_email == show_email)
    return;

  self->show_email = show_email;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_EMAIL]);
}
