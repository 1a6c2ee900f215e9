/* sa-account-page.c — one of the user's Smart Accounts: roles, Virtual Accounts, licenses
 *
 * Opened from the Smart Accounts view: the account (SaSmartAccountRow: name,
 * domain, type, status), the user's roles on it, and its Virtual Accounts
 * (sa_client_list_virtual_accounts_async(), DEFAULT first, names as they are)
 * each with the licenses it holds (sa_client_list_licenses_async(): quantity,
 * in use, status and originating orders). Both reads run at once; the page
 * shows when both have answered, or the first error with Retry. A Virtual
 * Account's "Move Licenses…" (sa-move-licenses.c) moves licenses to another
 * of the account's Virtual Accounts, where the back end can.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-account-access-row.h"
#include "sa-account-page.h"
#include "sa-move-licenses.h"
#include "sa-smart-account-row.h"
#include "sa-ui-util.h"
#include "sa-virtual-account-row.h"

struct _SaAccountPage
{
  AdwBin             parent_instance;

  SaClient          *client;
  SaAccountAccess   *access;
  GCancellable      *cancellable;
  GListModel        *virtual_accounts;
  GListModel        *licenses;
  GError            *error;
  guint              waiting;
  gboolean           loading;

  GtkLabel          *title_label;
  GtkStack          *state_stack;
  GtkSpinner        *spinner;
  AdwStatusPage     *error_page;
  SaSmartAccountRow *account_row;
  AdwActionRow      *roles_row;
  GtkListBox        *virtual_accounts_list;
};

G_DEFINE_FINAL_TYPE (SaAccountPage, sa_account_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load (SaAccountPage *self);

static void
set_loading (SaAccountPage *self,
             gboolean       loading)
{
  loading = !!loading;
  if (self->loading == loading)
    return;

  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.reload", !loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* The list box's factory: one SaVirtualAccountRow per Virtual Account, with
 * the licenses whose virtualAccount is its name. */
static GtkWidget *
new_virtual_account_row (gpointer item,
                         gpointer user_data)
{
  SaAccountPage *self = user_data;
  SaVirtualAccount *virtual_account = SA_VIRTUAL_ACCOUNT (item);
  g_autoptr(GListStore) held = g_list_store_new (SA_TYPE_LICENSE);
  GtkWidget *row;

  for (guint i = 0; i < g_list_model_get_n_items (self->licenses); i++)
    {
      g_autoptr(SaLicense) license = g_list_model_get_item (self->licenses, i);

      if (g_strcmp0 (sa_license_get_virtual_account (license), sa_virtual_account_get_name (virtual_account)) == 0)
        g_list_store_append (held, license);
    }

  row = sa_virtual_account_row_new (virtual_account, G_LIST_MODEL (held));
  if (sa_move_licenses_can_offer (self->client, self->virtual_accounts, G_LIST_MODEL (held)))
    {
      /* the route left for a shipped order's licenses in the wrong Virtual
       * Account; at 360 px (French, Italian) the labelled button does not
       * fit beside the name: an AdwSqueezer then shows the same action as
       * an icon, with the tooltip and the label for screen readers. */
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Move Licenses…"));
      GtkWidget *icon_button = gtk_button_new_from_icon_name ("mail-forward-symbolic");
      GtkWidget *squeezer = adw_squeezer_new ();
      GtkWidget *buttons[] = { button, icon_button };

      adw_squeezer_set_transition_type (ADW_SQUEEZER (squeezer), ADW_SQUEEZER_TRANSITION_TYPE_NONE);
      adw_squeezer_set_xalign (ADW_SQUEEZER (squeezer), 1);
      gtk_widget_set_valign (squeezer, GTK_ALIGN_CENTER);
      gtk_widget_set_name (button, "move_licenses_button");
      gtk_widget_set_name (icon_button, "move_licenses_icon_button");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Move Licenses"), -1);
      for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
        {
          gtk_widget_set_valign (buttons[i], GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (buttons[i], _("Move licenses to another Virtual Account of this Smart Account"));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (buttons[i]), "account.move-licenses");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (buttons[i]), "s",
                                            sa_virtual_account_get_name (virtual_account));
          adw_squeezer_add (ADW_SQUEEZER (squeezer), buttons[i]);
        }
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), squeezer);
    }

  return row;
}

/* account.move-licenses (s: a Virtual Account's name): "Move Licenses…". */
static void
move_licenses_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  SaAccountPage *self = SA_ACCOUNT_PAGE (widget);
  const char *source = g_variant_get_string (param, NULL);
  g_autoptr(GListStore) held = g_list_store_new (SA_TYPE_LICENSE);

  if (self->licenses == NULL || self->virtual_accounts == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (self->licenses); i++)
    {
      g_autoptr(SaLicense) license = g_list_model_get_item (self->licenses, i);

      if (g_strcmp0 (sa_license_get_virtual_account (license), source) == 0)
        g_list_store_append (held, license);
    }
  sa_move_licenses_present (widget, self->client,
                            sa_smart_account_get_domain (sa_account_access_get_account (self->access)), source,
                            G_LIST_MODEL (held), self->virtual_accounts);
}

static void
one_answered (SaAccountPage *self)
{
  if (--self->waiting > 0)
    return;

  set_loading (self, FALSE);

  if (self->error != NULL)
    {
      g_autofree char *message = sa_error_dup_user_message (self->error);

      g_debug ("Loading the Smart Account %s failed: %s",
               sa_smart_account_get_domain (sa_account_access_get_account (self->access)),
               self->error->message);
      adw_status_page_set_description (self->error_page, message);
      gtk_stack_set_visible_child_name (self->state_stack, "error");
      g_clear_error (&self->error);
      return;
    }

  gtk_list_box_bind_model (self->virtual_accounts_list, self->virtual_accounts,
                           new_virtual_account_row, self, NULL);
  gtk_stack_set_visible_child_name (self->state_stack, "account");
}

static void
keep_error (SaAccountPage *self,
            GError       **error)
{
  if (self->error == NULL)
    self->error = g_steal_pointer (error);
}

static void
virtual_accounts_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  SaAccountPage *self;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;

  model = sa_client_list_virtual_accounts_finish (SA_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_ACCOUNT_PAGE (user_data);
  if (model == NULL)
    keep_error (self, &error);
  else
    g_set_object (&self->virtual_accounts, model);

  one_answered (self);
}

static void
licenses_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SaAccountPage *self;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;

  model = sa_client_list_licenses_finish (SA_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_ACCOUNT_PAGE (user_data);
  if (model == NULL)
    keep_error (self, &error);
  else
    g_set_object (&self->licenses, model);

  one_answered (self);
}

/* Reads the Virtual Accounts and the licenses of the account, both at once. */
static void
load (SaAccountPage *self)
{
  SaSmartAccount *account = sa_account_access_get_account (self->access);

  sa_ui_renew_cancellable (&self->cancellable);
  g_clear_error (&self->error);

  gtk_list_box_bind_model (self->virtual_accounts_list, NULL, NULL, NULL, NULL);
  set_loading (self, TRUE);
  gtk_stack_set_visible_child_name (self->state_stack, "loading");

  self->waiting = 2;
  sa_client_list_virtual_accounts_async (self->client,
                                         sa_smart_account_get_domain (account),
                                         sa_smart_account_get_account_type (account),
                                         self->cancellable, virtual_accounts_cb, self);
  sa_client_list_licenses_async (self->client,
                                 sa_smart_account_get_domain (account), NULL,
                                 self->cancellable, licenses_cb, self);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  load (SA_ACCOUNT_PAGE (widget));
}

static void
sa_account_page_dispose (GObject *object)
{
  SaAccountPage *self = SA_ACCOUNT_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->virtual_accounts_list != NULL)
    gtk_list_box_bind_model (self->virtual_accounts_list, NULL, NULL, NULL, NULL);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_ACCOUNT_PAGE);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->virtual_accounts);
  g_clear_object (&self->licenses);
  g_clear_object (&self->access);
  g_clear_object (&self->client);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (sa_account_page_parent_class)->dispose (object);
}

static void
sa_account_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SaAccountPage *self = SA_ACCOUNT_PAGE (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_account_page_class_init (SaAccountPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_account_page_dispose;
  object_class->get_property = sa_account_page_get_property;

  /**
   * SaAccountPage:loading:
   *
   * Whether the Virtual Accounts and licenses are being read.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SA_TYPE_SMART_ACCOUNT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/smart-accounts/sa-account-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SaAccountPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, SaAccountPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, SaAccountPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, SaAccountPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SaAccountPage, account_row);
  gtk_widget_class_bind_template_child (widget_class, SaAccountPage, roles_row);
  gtk_widget_class_bind_template_child (widget_class, SaAccountPage, virtual_accounts_list);

  gtk_widget_class_install_action (widget_class, "account.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "account.move-licenses", "s", move_licenses_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "account.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "account.reload", NULL);
}

static void
sa_account_page_init (SaAccountPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sa_account_page_new:
 * @client: a signed-in #SaClient with %SA_CLIENT_FEATURE_MY_ACCOUNTS and
 *   %SA_CLIENT_FEATURE_LICENSES
 * @access: one of the user's Smart Accounts, with their roles
 *
 * Creates the page of one Smart Account of the Smart Accounts view and
 * starts reading its Virtual Accounts and licenses.
 *
 * Returns: (transfer floating): the new #SaAccountPage
 */
GtkWidget *
sa_account_page_new (SaClient        *client,
                     SaAccountAccess *access)
{
  SaAccountPage *self;
  SaSmartAccount *account;
  g_autofree char *roles = NULL;

  g_return_val_if_fail (SA_IS_CLIENT (client), NULL);
  g_return_val_if_fail (SA_IS_ACCOUNT_ACCESS (access), NULL);

  self = g_object_new (SA_TYPE_ACCOUNT_PAGE, NULL);
  self->client = g_object_ref (client);
  self->access = g_object_ref (access);

  account = sa_account_access_get_account (access);
  roles = sa_account_access_dup_roles (access);
  gtk_label_set_text (self->title_label, sa_smart_account_get_name (account));
  sa_smart_account_row_set_account (self->account_row, account);
  adw_action_row_set_subtitle (self->roles_row, roles);

  load (self);

  return GTK_WIDGET (self);
}

/**
 * sa_account_page_get_access:
 * @self: a #SaAccountPage
 *
 * Returns: (transfer none): the Smart Account shown, with the user's roles
 */
SaAccountAccess *
sa_account_page_get_access (SaAccountPage *self)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_PAGE (self), NULL);

  return self->access;
}

/**
 * sa_account_page_get_loading:
 * @self: a #SaAccountPage
 *
 * Returns: %TRUE while the Virtual Accounts and licenses are read
 */
gboolean
sa_account_page_get_loading (SaAccountPage *self)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_PAGE (self), FALSE);

  return self->loading;
}

/**
 * sa_account_page_get_virtual_accounts:
 * @self: a #SaAccountPage
 *
 * Returns: (transfer none) (nullable): the #SaVirtualAccount list last read
 */
GListModel *
sa_account_page_get_virtual_accounts (SaAccountPage *self)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_PAGE (self), NULL);

  return self->virtual_accounts;
}

/**
 * sa_account_page_get_licenses:
 * @self: a #SaAccountPage
 *
 * Returns: (transfer none) (nullable): the #SaLicense list last read
 */
GListModel *
sa_account_page_get_licenses (SaAccountPage *self)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_PAGE (self), NULL);

  return self->licenses;
}
