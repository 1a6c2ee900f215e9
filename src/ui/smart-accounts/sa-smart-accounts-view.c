/* sa-smart-accounts-view.c — the Smart Accounts view: the user's accounts and their licenses
 *
 * A page of the main window's view stack, shown when the back end can list
 * the user's own Smart Accounts (%SA_CLIENT_FEATURE_MY_ACCOUNTS; with Cisco,
 * `GET /v2/accounts`: the accounts the registering Cisco.com user has a role
 * on). Each account with its type, status and roles (SaAccountAccessRow);
 * activating one opens its page (SaAccountPage): its Virtual Accounts and
 * their licenses with quantity, in use, status and originating orders —
 * where an order's licenses landed, the answer procedures 1 and 2 wait for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-account-access-row.h"
#include "sa-smart-accounts-view.h"
#include "sa-ui-util.h"

struct _SaSmartAccountsView
{
  AdwBin         parent_instance;

  SaClient      *client;
  GCancellable  *cancellable;
  GListModel    *accounts;
  SaAccountPage *account_page;
  gboolean       loading;

  GtkStack      *nav_stack;
  GtkStack      *results_stack;
  GtkSpinner    *spinner;
  GtkListBox    *accounts_list;
  AdwStatusPage *error_page;
};

G_DEFINE_FINAL_TYPE (SaSmartAccountsView, sa_smart_accounts_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LOADING,
  PROP_ACCOUNTS,
  PROP_ACCOUNT_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_loading (SaSmartAccountsView *self,
             gboolean             loading)
{
  loading = !!loading;
  if (self->loading == loading)
    return;

  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* The list box's factory: one SaAccountAccessRow per account. */
static GtkWidget *
new_account_row (gpointer item,
                 gpointer user_data)
{
  return sa_account_access_row_new (SA_ACCOUNT_ACCESS (item));
}

static void
set_accounts (SaSmartAccountsView *self,
              GListModel          *accounts)
{
  if (!g_set_object (&self->accounts, accounts))
    return;

  gtk_list_box_bind_model (self->accounts_list, accounts, new_account_row, NULL, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNTS]);
}

static void
remove_account_page (SaSmartAccountsView *self)
{
  if (self->account_page == NULL)
    return;

  gtk_stack_remove (self->nav_stack, GTK_WIDGET (self->account_page));
  self->account_page = NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_PAGE]);
}

static void
go_back (SaSmartAccountsView *self)
{
  if (self->account_page == NULL)
    return;

  gtk_stack_set_visible_child_name (self->nav_stack, "list");
  remove_account_page (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.back", FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->accounts_list));
}

static void
list_my_accounts_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  SaSmartAccountsView *self;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;

  model = sa_client_list_my_accounts_finish (SA_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_SMART_ACCOUNTS_VIEW (user_data);
  set_loading (self, FALSE);

  if (model == NULL)
    {
      g_autofree char *message = sa_error_dup_user_message (error);

      g_debug ("Listing the user's Smart Accounts failed: %s", error->message);
      adw_status_page_set_description (self->error_page, message);
      gtk_stack_set_visible_child_name (self->results_stack, "error");
      return;
    }

  set_accounts (self, model);
  gtk_stack_set_visible_child_name (self->results_stack,
                                    g_list_model_get_n_items (model) > 0 ? "results" : "empty");
}

static void
on_row_activated (GtkListBox          *list,
                  GtkListBoxRow       *row,
                  SaSmartAccountsView *self)
{
  SaAccountAccess *access = sa_account_access_row_get_access (SA_ACCOUNT_ACCESS_ROW (row));

  if (access != NULL)
    sa_smart_accounts_view_open_account (self,
                                         sa_smart_account_get_domain (sa_account_access_get_account (access)));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  sa_smart_accounts_view_refresh (SA_SMART_ACCOUNTS_VIEW (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  go_back (SA_SMART_ACCOUNTS_VIEW (widget));
}

static void
sa_smart_accounts_view_dispose (GObject *object)
{
  SaSmartAccountsView *self = SA_SMART_ACCOUNTS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->accounts_list != NULL)
    gtk_list_box_bind_model (self->accounts_list, NULL, NULL, NULL, NULL);
  self->account_page = NULL;

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_SMART_ACCOUNTS_VIEW);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->accounts);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (sa_smart_accounts_view_parent_class)->dispose (object);
}

static void
sa_smart_accounts_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SaSmartAccountsView *self = SA_SMART_ACCOUNTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_ACCOUNTS:
      g_value_set_object (value, self->accounts);
      break;
    case PROP_ACCOUNT_PAGE:
      g_value_set_object (value, self->account_page);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_smart_accounts_view_class_init (SaSmartAccountsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_smart_accounts_view_dispose;
  object_class->get_property = sa_smart_accounts_view_get_property;

  /**
   * SaSmartAccountsView:loading:
   *
   * Whether the user's Smart Accounts are being read.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SaSmartAccountsView:accounts:
   *
   * The #GListModel of #SaAccountAccess last read, or %NULL.
   */
  properties[PROP_ACCOUNTS] =
    g_param_spec_object ("accounts", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SaSmartAccountsView:account-page:
   *
   * The open #SaAccountPage, or %NULL.
   */
  properties[PROP_ACCOUNT_PAGE] =
    g_param_spec_object ("account-page", NULL, NULL, SA_TYPE_ACCOUNT_PAGE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/smart-accounts/sa-smart-accounts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SaSmartAccountsView, nav_stack);
  gtk_widget_class_bind_template_child (widget_class, SaSmartAccountsView, results_stack);
  gtk_widget_class_bind_template_child (widget_class, SaSmartAccountsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, SaSmartAccountsView, accounts_list);
  gtk_widget_class_bind_template_child (widget_class, SaSmartAccountsView, error_page);

  gtk_widget_class_install_action (widget_class, "accounts.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "accounts.back", NULL, back_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "accounts.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "accounts.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "accounts.back", NULL);
}

static void
sa_smart_accounts_view_init (SaSmartAccountsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self->accounts_list, "row-activated", G_CALLBACK (on_row_activated), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.back", FALSE);
}

/**
 * sa_smart_accounts_view_new:
 *
 * Creates the Smart Accounts view. It shows nothing until
 * sa_smart_accounts_view_set_client().
 *
 * Returns: (transfer floating): a new #SaSmartAccountsView
 */
GtkWidget *
sa_smart_accounts_view_new (void)
{
  return g_object_new (SA_TYPE_SMART_ACCOUNTS_VIEW, NULL);
}

/**
 * sa_smart_accounts_view_set_client:
 * @self: a #SaSmartAccountsView
 * @client: (nullable): a signed-in #SaClient
 *
 * Sets the client and, when it can list the user's Smart Accounts
 * (%SA_CLIENT_FEATURE_MY_ACCOUNTS), reads them; otherwise the view stays
 * empty (the window hides it).
 */
void
sa_smart_accounts_view_set_client (SaSmartAccountsView *self,
                                   SaClient            *client)
{
  g_return_if_fail (SA_IS_SMART_ACCOUNTS_VIEW (self));
  g_return_if_fail (client == NULL || SA_IS_CLIENT (client));

  go_back (self);
  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->client, client);
  set_accounts (self, NULL);
  set_loading (self, FALSE);

  sa_smart_accounts_view_refresh (self);
}

/**
 * sa_smart_accounts_view_refresh:
 * @self: a #SaSmartAccountsView
 *
 * Reads the user's Smart Accounts and roles again
 * (sa_client_list_my_accounts_async()); a spinner shows until they arrive,
 * a translated error with Retry if it fails.
 */
void
sa_smart_accounts_view_refresh (SaSmartAccountsView *self)
{
  g_return_if_fail (SA_IS_SMART_ACCOUNTS_VIEW (self));

  if (self->client == NULL ||
      (sa_client_get_features (self->client) & SA_CLIENT_FEATURE_MY_ACCOUNTS) == 0)
    return;

  sa_ui_renew_cancellable (&self->cancellable);

  set_loading (self, TRUE);
  if (self->accounts == NULL)
    gtk_stack_set_visible_child_name (self->results_stack, "loading");

  sa_client_list_my_accounts_async (self->client, self->cancellable, list_my_accounts_cb, self);
}

/**
 * sa_smart_accounts_view_get_loading:
 * @self: a #SaSmartAccountsView
 *
 * Returns: %TRUE while the user's Smart Accounts are read
 */
gboolean
sa_smart_accounts_view_get_loading (SaSmartAccountsView *self)
{
  g_return_val_if_fail (SA_IS_SMART_ACCOUNTS_VIEW (self), FALSE);

  return self->loading;
}

/**
 * sa_smart_accounts_view_get_accounts:
 * @self: a #SaSmartAccountsView
 *
 * Returns: (transfer none) (nullable): the #SaAccountAccess list last read
 */
GListModel *
sa_smart_accounts_view_get_accounts (SaSmartAccountsView *self)
{
  g_return_val_if_fail (SA_IS_SMART_ACCOUNTS_VIEW (self), NULL);

  return self->accounts;
}

/**
 * sa_smart_accounts_view_open_account:
 * @self: a #SaSmartAccountsView
 * @domain: the Domain Identifier of one of the user's Smart Accounts
 *
 * Opens the page of that account (its Virtual Accounts and licenses), as
 * activating its row does, replacing any open one.
 *
 * Returns: (transfer none) (nullable): the page, %NULL when @domain is not
 *   among the accounts read
 */
SaAccountPage *
sa_smart_accounts_view_open_account (SaSmartAccountsView *self,
                                     const char          *domain)
{
  g_autoptr(SaAccountAccess) found = NULL;
  GtkWidget *page;

  g_return_val_if_fail (SA_IS_SMART_ACCOUNTS_VIEW (self), NULL);
  g_return_val_if_fail (domain != NULL, NULL);

  for (guint i = 0; self->accounts != NULL && i < g_list_model_get_n_items (self->accounts) && found == NULL; i++)
    {
      g_autoptr(SaAccountAccess) access = g_list_model_get_item (self->accounts, i);

      if (g_ascii_strcasecmp (sa_smart_account_get_domain (sa_account_access_get_account (access)), domain) == 0)
        found = g_steal_pointer (&access);
    }

  if (found == NULL)
    return NULL;

  remove_account_page (self);
  page = sa_account_page_new (self->client, found);
  self->account_page = SA_ACCOUNT_PAGE (page);
  gtk_stack_add_named (self->nav_stack, page, "account");
  gtk_stack_set_visible_child (self->nav_stack, page);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.back", TRUE);
  gtk_widget_grab_focus (page);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_PAGE]);

  return self->account_page;
}

/**
 * sa_smart_accounts_view_get_account_page:
 * @self: a #SaSmartAccountsView
 *
 * Returns: (transfer none) (nullable): the open account page
 */
SaAccountPage *
sa_smart_accounts_view_get_account_page (SaSmartAccountsView *self)
{
  g_return_val_if_fail (SA_IS_SMART_ACCOUNTS_VIEW (self), NULL);

  return self->account_page;
}
