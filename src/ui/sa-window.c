/* sa-window.c — the main window
 *
 * Header bar with the view switcher (Orders; Smart Accounts when the back end
 * lists the user's own accounts; the request views), the Training indicator
 * and the primary menu (with "Where Are My Licenses?", Ctrl+L); a start-up
 * status page while the training back office starts and signs in; toasts for
 * results.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-accessible-names.h"
#include "sa-access-request-wizard.h"
#include "sa-access-requests-view.h"
#include "sa-account-requests-view.h"
#include "sa-license-finder.h"
#include "sa-orders-view.h"
#include "sa-smart-accounts-view.h"
#include "sa-ui-util.h"
#include "sa-window.h"
#include "sa-window-training.h"

struct _SaWindow
{
  AdwApplicationWindow parent_instance;

  SaClient        *client;
  GSettings       *settings;
  GCancellable    *cancellable;
  gboolean         training;

  AdwToastOverlay *toast_overlay;
  GtkWidget       *training_pill;
  GtkStack        *main_stack;
  AdwStatusPage   *starting_page;
  GtkSpinner      *starting_spinner;
  AdwStatusPage   *error_page;
  GtkButton       *retry_button;
  AdwViewStack    *view_stack;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar *switcher_bar;
  SaOrdersView    *orders_view;
  AdwViewStackPage *smart_accounts_page;
  SaSmartAccountsView *smart_accounts_view;
  SaAccountRequestsView *account_requests_view;
  SaAccessRequestsView *access_requests_view;
  SaAccessRequestWizard *access_request_wizard;
  SaLicenseFinder *license_finder;   /* weak */
  SaJournal       *journal;
  SaWatch         *watch;
};

G_DEFINE_FINAL_TYPE (SaWindow, sa_window, ADW_TYPE_APPLICATION_WINDOW)

static void on_request_access_again (SaAccessRequestsView *view,
                                     SaAccessRequest      *request,
                                     SaWindow             *self);

static void
add_toast (SaWindow   *self,
           const char *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
sandbox_reset_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SaWindow *self;
  g_autoptr(GError) error = NULL;

  if (!sa_desk_client_sandbox_reset_finish (SA_DESK_CLIENT (source), result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      self = SA_WINDOW (user_data);
      message = sa_error_dup_user_message (error);
      g_debug ("Resetting the training data failed: %s", error->message);
      add_toast (self, message);
      return;
    }

  self = SA_WINDOW (user_data);
  sa_orders_view_set_client (self->orders_view, self->client);
  sa_window_training_clock_changed (self); /* the clock is reset too */
  add_toast (self, _("Training data reset"));
}

static void
on_reset_response (AdwMessageDialog *dialog,
                   const char       *response,
                   SaWindow         *self)
{
  if (g_strcmp0 (response, "reset") != 0 || self->client == NULL)
    return;

  sa_desk_client_sandbox_reset_async (SA_DESK_CLIENT (self->client), self->cancellable, sandbox_reset_cb, self);
}

static void
reset_training_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  SaWindow *self = SA_WINDOW (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Reset Training Data?"),
                                   _("All orders and Smart Accounts go back to the original practice data. "
                                     "The changes made in training so far are lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reset", _("_Reset"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reset", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reset_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SaWindow *self = SA_WINDOW (widget);

  if (self->client == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "orders");
  sa_orders_view_focus_search (self->orders_view);
}

static void
request_access_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  const char *domain = param ? g_variant_get_string (param, NULL) : NULL;

  sa_window_request_access (SA_WINDOW (widget), domain != NULL && *domain != '\0' ? domain : NULL);
}

static void
find_licenses_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  const char *number = param ? g_variant_get_string (param, NULL) : NULL;

  sa_window_find_licenses (SA_WINDOW (widget), number != NULL && *number != '\0' ? number : NULL);
}

static void
request_account_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  SaWindow *self = SA_WINDOW (widget);

  if (self->client == NULL)
    return;

  sa_account_requests_view_open_wizard (self->account_requests_view);
}

/* ---- Switching views from the keyboard (issue 11, "Getting around") ----
 *
 * Alt+1, Alt+2, … show the first, second, … view of the switcher (counting
 * only the views shown: Smart Accounts is there only with a back end that
 * lists the user's accounts); Ctrl+Page Up and Ctrl+Page Down the previous
 * and next one, as GNOME applications switch tabs; Ctrl+Shift+N opens
 * "Request Access to an Existing Smart Account" (Ctrl+N is "Request a Smart
 * Account"). */

/* The names of the views the switcher shows now, in its order. */
static GPtrArray *
dup_shown_views (SaWindow *self)
{
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (self->view_stack);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      if (adw_view_stack_page_get_visible (page) && adw_view_stack_page_get_name (page) != NULL)
        g_ptr_array_add (names, g_strdup (adw_view_stack_page_get_name (page)));
    }

  return names;
}

static void
show_view_at (SaWindow *self,
              int       position)
{
  g_autoptr(GPtrArray) names = NULL;

  if (self->client == NULL)
    return;

  names = dup_shown_views (self);
  if (position < 0 || (guint) position >= names->len)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, g_ptr_array_index (names, position));
}

static int
visible_view_position (SaWindow *self)
{
  g_autoptr(GPtrArray) names = dup_shown_views (self);
  const char *visible = adw_view_stack_get_visible_child_name (self->view_stack);

  for (guint i = 0; i < names->len; i++)
    if (g_strcmp0 (g_ptr_array_index (names, i), visible) == 0)
      return i;

  return 0;
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  show_view_at (SA_WINDOW (widget), g_variant_get_int32 (param) - 1);
}

static void
step_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  SaWindow *self = SA_WINDOW (widget);
  g_autoptr(GPtrArray) names = dup_shown_views (self);
  int step = g_str_equal (action_name, "win.previous-view") ? -1 : 1;

  if (names->len == 0)
    return;

  show_view_at (self, (visible_view_position (self) + step + (int) names->len) % (int) names->len);
}

static void
sa_window_class_init_view_shortcuts (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-view", "i", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.previous-view", NULL, step_view_action);
  gtk_widget_class_install_action (widget_class, "win.next-view", NULL, step_view_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.request-access", "s", "");
}

/* The view keys act before the focused widget sees them: a scrolled list
 * would otherwise take Ctrl+Page Up/Down to scroll sideways. */
static void
sa_window_init_view_shortcuts (SaWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (int i = 1; i <= 9; i++)
    {
      g_autofree char *trigger = g_strdup_printf ("<Alt>%d", i);

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            gtk_shortcut_new_with_arguments (gtk_shortcut_trigger_parse_string (trigger),
                                                                             gtk_named_action_new ("win.show-view"),
                                                                             "i", i));
    }
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Page_Up|<Control>KP_Page_Up"),
                                                          gtk_named_action_new ("win.previous-view")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Page_Down|<Control>KP_Page_Down"),
                                                          gtk_named_action_new ("win.next-view")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* ---- end of the view shortcuts ---- */

static gboolean
sa_window_close_request (GtkWindow *window)
{
  SaWindow *self = SA_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (sa_window_parent_class)->close_request (window);
}

static void
sa_window_dispose (GObject *object)
{
  SaWindow *self = SA_WINDOW (object);

  g_cancellable_cancel (self->cancellable);

  /* Detach the switchers before the stack goes (libadwaita 1.2 otherwise
   * unparents their buttons twice). */
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);
  if (self->switcher_title != NULL)
    adw_view_switcher_title_set_stack (self->switcher_title, NULL);

  if (self->access_request_wizard != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->access_request_wizard),
                                  (gpointer *) &self->access_request_wizard);
  self->access_request_wizard = NULL;
  if (self->license_finder != NULL)
    gtk_window_destroy (GTK_WINDOW (self->license_finder));
  g_clear_weak_pointer (&self->license_finder);

  sa_window_training_dispose (self); /* issue 14 */
  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_WINDOW);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->journal);
  g_clear_object (&self->watch);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sa_window_parent_class)->dispose (object);
}

static void
sa_window_class_init (SaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  sa_accessible_names_install ();

  object_class->dispose = sa_window_dispose;
  window_class->close_request = sa_window_close_request;

  g_type_ensure (SA_TYPE_ORDERS_VIEW);
  g_type_ensure (SA_TYPE_SMART_ACCOUNTS_VIEW);
  g_type_ensure (SA_TYPE_ACCOUNT_REQUESTS_VIEW);
  g_type_ensure (SA_TYPE_ACCESS_REQUESTS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/sa-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SaWindow, training_pill);
  gtk_widget_class_bind_template_child (widget_class, SaWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SaWindow, starting_page);
  gtk_widget_class_bind_template_child (widget_class, SaWindow, starting_spinner);
  gtk_widget_class_bind_template_child (widget_class, SaWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, SaWindow, retry_button);
  gtk_widget_class_bind_template_child (widget_class, SaWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SaWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SaWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, SaWindow, orders_view);
  gtk_widget_class_bind_template_child (widget_class, SaWindow, smart_accounts_page);
  gtk_widget_class_bind_template_child (widget_class, SaWindow, smart_accounts_view);
  gtk_widget_class_bind_template_child (widget_class, SaWindow, account_requests_view);
  gtk_widget_class_bind_template_child (widget_class, SaWindow, access_requests_view);
  sa_window_training_class_init (widget_class); /* issue 14: practice date, scenarios, class */

  gtk_widget_class_install_action (widget_class, "win.reset-training", NULL, reset_training_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.request-account", NULL, request_account_action);
  gtk_widget_class_install_action (widget_class, "win.request-access", "s", request_access_action);
  gtk_widget_class_install_action (widget_class, "win.find-licenses", "s", find_licenses_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.request-account", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.find-licenses", "s", "");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "settings.show-procedure-panel", NULL);

  sa_window_class_init_view_shortcuts (widget_class);
}

static void
sa_window_init (SaWindow *self)
{
  g_type_ensure (SA_TYPE_ORDERS_VIEW);
  g_type_ensure (SA_TYPE_SMART_ACCOUNTS_VIEW);
  g_type_ensure (SA_TYPE_ACCOUNT_REQUESTS_VIEW);
  g_type_ensure (SA_TYPE_ACCESS_REQUESTS_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_object_ref (sa_ui_get_settings ());
  sa_ui_insert_settings_actions (GTK_WIDGET (self));
  sa_window_init_view_shortcuts (self);
  g_signal_connect_object (self->access_requests_view, "request-again",
                           G_CALLBACK (on_request_access_again), self, 0);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reset-training", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.request-account", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.request-access", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find-licenses", FALSE);
  sa_window_show_starting (self);
}

/**
 * sa_window_new:
 * @application: (nullable): the application
 *
 * Creates the main window, showing the start-up page until
 * sa_window_set_client() or sa_window_show_error().
 *
 * Returns: (transfer none): the new window
 */
SaWindow *
sa_window_new (GtkApplication *application)
{
  return g_object_new (SA_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * sa_window_show_starting:
 * @self: a #SaWindow
 *
 * Shows "Starting the Training Back Office…" with a spinner, while the
 * application starts the sandbox and signs in (step 1 of "assign an order":
 * sign in, done by the app itself in training mode).
 */
void
sa_window_show_starting (SaWindow *self)
{
  g_return_if_fail (SA_IS_WINDOW (self));

  /* The same strings as in sa-window.ui (after Live mode changed them). */
  adw_status_page_set_title (self->starting_page, _("Starting the Training Back Office…"));
  adw_status_page_set_description (self->starting_page,
                                   _("The practice server and its training data start on this computer. It takes a moment."));
  gtk_spinner_set_spinning (self->starting_spinner, TRUE);
  gtk_stack_set_visible_child_name (self->main_stack, "starting");
}

/**
 * sa_window_show_connecting:
 * @self: a #SaWindow
 * @server: the Live server's address
 *
 * Live mode's start-up page: "Connecting to @server…" with a spinner, while
 * the session signs in (with the remembered credentials or the sign-in
 * dialog). sa_window_show_starting() goes back to the training wording.
 */
void
sa_window_show_connecting (SaWindow   *self,
                           const char *server)
{
  g_autofree char *title = NULL;

  g_return_if_fail (SA_IS_WINDOW (self));

  /* Translators: start-up page in Live mode; %s is the server address */
  title = g_strdup_printf (_("Connecting to %s…"), server);
  adw_status_page_set_title (self->starting_page, title);
  adw_status_page_set_description (self->starting_page, _("Signing in to the partner server."));
  gtk_spinner_set_spinning (self->starting_spinner, TRUE);
  gtk_stack_set_visible_child_name (self->main_stack, "starting");
}

/**
 * sa_window_show_error:
 * @self: a #SaWindow
 * @title: (nullable): the translated heading, or %NULL for the default one
 * @message: (transfer none): the translated explanation
 *
 * Shows a start-up failure with a Retry button (action app.retry).
 */
void
sa_window_show_error (SaWindow   *self,
                      const char *title,
                      const char *message)
{
  g_return_if_fail (SA_IS_WINDOW (self));

  gtk_spinner_set_spinning (self->starting_spinner, FALSE);
  adw_status_page_set_title (self->error_page, title ? title : _("Could Not Connect"));
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  gtk_widget_grab_focus (GTK_WIDGET (self->retry_button));
}

/**
 * sa_window_set_client:
 * @self: a #SaWindow
 * @client: a signed-in #SaClient
 * @training: %TRUE when @client talks to the built-in sandbox back office
 *
 * Shows the Orders view for @client and, in training mode, the Training
 * indicator and the "Reset Training Data" menu item. The Smart Accounts view
 * shows when @client lists the user's own Smart Accounts
 * (%SA_CLIENT_FEATURE_MY_ACCOUNTS); "Where Are My Licenses?" works with
 * every back end.
 */
void
sa_window_set_client (SaWindow *self,
                      SaClient *client,
                      gboolean  training)
{
  g_return_if_fail (SA_IS_WINDOW (self));
  g_return_if_fail (SA_IS_CLIENT (client));

  g_set_object (&self->client, client);
  self->training = training;

  gtk_widget_set_visible (self->training_pill, training);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reset-training", training);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.request-account", TRUE);

  gtk_spinner_set_spinning (self->starting_spinner, FALSE);
  sa_orders_view_set_client (self->orders_view, client);
  adw_view_stack_page_set_visible (self->smart_accounts_page,
                                   (sa_client_get_features (client) & SA_CLIENT_FEATURE_MY_ACCOUNTS) != 0);
  sa_smart_accounts_view_set_client (self->smart_accounts_view, client);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find-licenses", TRUE);
  if (self->license_finder != NULL)
    gtk_window_destroy (GTK_WINDOW (self->license_finder));
  sa_account_requests_view_set_client (self->account_requests_view, client, training);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.request-access", TRUE);
  sa_access_requests_view_set_client (self->access_requests_view, client, training);
  sa_window_training_set_client (self, client, training); /* issue 14 */
  gtk_stack_set_visible_child_name (self->main_stack, "content");
  sa_orders_view_focus_search (self->orders_view);
}

/**
 * sa_window_set_journal:
 * @self: a #SaWindow
 * @journal: (nullable): the application's hand-off journal
 * @watch: (nullable): the watch following it, when the back end completes
 *   the procedures in Cisco's portal (%SA_CLIENT_FEATURE_PORTAL_HAND_OFF)
 *
 * Issue 10, "The journal": with such a back end, the Smart Account requests
 * and Access requests views and the order pages list the journal's entries
 * with their observed state. Call after sa_window_set_client().
 */
void
sa_window_set_journal (SaWindow  *self,
                       SaJournal *journal,
                       SaWatch   *watch)
{
  g_return_if_fail (SA_IS_WINDOW (self));

  if (self->client == NULL ||
      (sa_client_get_features (self->client) & SA_CLIENT_FEATURE_PORTAL_HAND_OFF) == 0)
    journal = NULL, watch = NULL;
  g_set_object (&self->journal, journal);
  g_set_object (&self->watch, watch);
  sa_account_requests_view_set_journal (self->account_requests_view, journal, watch);
  sa_access_requests_view_set_journal (self->access_requests_view, journal, watch);
}

/**
 * sa_window_get_journal:
 * @self: a #SaWindow
 *
 * Returns: (transfer none) (nullable): the journal whose entries the views
 *   list: set by sa_window_set_journal() with a back end completing the
 *   procedures in Cisco's portal, else %NULL
 */
SaJournal *
sa_window_get_journal (SaWindow *self)
{
  g_return_val_if_fail (SA_IS_WINDOW (self), NULL);

  return self->journal;
}

/**
 * sa_window_get_watch:
 * @self: a #SaWindow
 *
 * Returns: (transfer none) (nullable): the watch, when one runs
 */
SaWatch *
sa_window_get_watch (SaWindow *self)
{
  g_return_val_if_fail (SA_IS_WINDOW (self), NULL);

  return self->watch;
}

static void
list_to_show_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SaWindow) self = SA_WINDOW (user_data);
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  entries = sa_journal_list_finish (SA_JOURNAL (source), result, &error);
  if (entries == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_toast (self, error->message);
      return;
    }

  id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (self), "sa-show-hand-off"));
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(SaHandOff) hand_off = g_list_model_get_item (entries, i);

      if (sa_hand_off_get_id (hand_off) != id)
        continue;
      switch (sa_hand_off_get_procedure (hand_off))
        {
        case SA_HAND_OFF_REQUEST_SMART_ACCOUNT:
          adw_view_stack_set_visible_child_name (self->view_stack, "account-requests");
          break;
        case SA_HAND_OFF_REQUEST_ACCESS:
          adw_view_stack_set_visible_child_name (self->view_stack, "access-requests");
          break;
        case SA_HAND_OFF_ASSIGN_ORDER:
        case SA_HAND_OFF_CHANGE_ASSIGNMENT:
        case SA_HAND_OFF_LICENSE_TRANSFER:
        default:
          adw_view_stack_set_visible_child_name (self->view_stack, "orders");
          sa_orders_view_open_order (self->orders_view, sa_hand_off_get_subject (hand_off));
          break;
        }
      return;
    }

  add_toast (self, _("This entry is no longer in the journal: it was removed."));
}

/**
 * sa_window_show_hand_off:
 * @self: a #SaWindow
 * @id: a journal entry's id
 *
 * Shows where entry @id is listed: the Smart Account requests or Access
 * requests view, or its order's page. What a watch notification opens
 * (app.show-hand-off, issue 10: "each opening the entry it is about").
 */
void
sa_window_show_hand_off (SaWindow *self,
                         gint64    id)
{
  g_return_if_fail (SA_IS_WINDOW (self));

  if (self->journal == NULL || self->client == NULL)
    return;

  g_object_set_data (G_OBJECT (self), "sa-show-hand-off", GSIZE_TO_POINTER ((gsize) id));
  sa_journal_list_async (self->journal, self->cancellable, list_to_show_cb, g_object_ref (self));
}

/**
 * sa_window_get_orders_view:
 * @self: a #SaWindow
 *
 * Returns: (transfer none): the Orders view
 */
SaOrdersView *
sa_window_get_orders_view (SaWindow *self)
{
  g_return_val_if_fail (SA_IS_WINDOW (self), NULL);

  return self->orders_view;
}

static void
on_access_request_sent (SaAccessRequestWizard *wizard,
                        SaAccessRequest       *request,
                        SaWindow              *self)
{
  sa_access_requests_view_refresh (self->access_requests_view);
}

static void
on_access_requests_asked (SaAccessRequestWizard *wizard,
                          SaWindow              *self)
{
  sa_window_show_access_requests (self);
}

/* "Request Again" on a denied access request (issue 11). */
static void
on_request_access_again (SaAccessRequestsView *view,
                         SaAccessRequest      *request,
                         SaWindow             *self)
{
  SaAccessRequestWizard *wizard = sa_window_request_access (self, NULL);

  if (wizard != NULL)
    sa_access_request_wizard_fill (wizard, request);
}

/**
 * sa_window_request_access:
 * @self: a #SaWindow
 * @domain: (nullable): an Account Domain Identifier to prefill, or %NULL
 *
 * Opens the "Request Access to an Existing Smart Account" wizard (step 4 of
 * that procedure), or brings the open one forward (prefilling @domain).
 * What the primary menu, app.request-access and win.request-access do.
 *
 * Returns: (transfer none) (nullable): the wizard, or %NULL before sign-in
 */
SaAccessRequestWizard *
sa_window_request_access (SaWindow   *self,
                          const char *domain)
{
  g_return_val_if_fail (SA_IS_WINDOW (self), NULL);

  if (self->client == NULL)
    return NULL;

  if (self->access_request_wizard != NULL)
    {
      if (domain != NULL)
        sa_access_request_wizard_set_domain (self->access_request_wizard, domain);
      gtk_window_present (GTK_WINDOW (self->access_request_wizard));
      return self->access_request_wizard;
    }

  self->access_request_wizard = sa_access_request_wizard_new (self->client, GTK_WINDOW (self), domain);
  g_object_add_weak_pointer (G_OBJECT (self->access_request_wizard),
                             (gpointer *) &self->access_request_wizard);
  g_signal_connect_object (self->access_request_wizard, "sent",
                           G_CALLBACK (on_access_request_sent), self, 0);
  g_signal_connect_object (self->access_request_wizard, "show-access-requests",
                           G_CALLBACK (on_access_requests_asked), self, 0);
  gtk_window_present (GTK_WINDOW (self->access_request_wizard));

  return self->access_request_wizard;
}

/**
 * sa_window_show_access_requests:
 * @self: a #SaWindow
 *
 * Shows Your Access Requests (what the notification of a decision opens,
 * through app.show-access-requests).
 */
void
sa_window_show_access_requests (SaWindow *self)
{
  g_return_if_fail (SA_IS_WINDOW (self));

  if (self->client == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "access-requests");
  sa_access_requests_view_refresh (self->access_requests_view);
}

/**
 * sa_window_get_access_requests_view:
 * @self: a #SaWindow
 *
 * Returns: (transfer none): the Access requests view
 */
SaAccessRequestsView *
sa_window_get_access_requests_view (SaWindow *self)
{
  g_return_val_if_fail (SA_IS_WINDOW (self), NULL);

  return self->access_requests_view;
}

/**
 * sa_window_get_smart_accounts_view:
 * @self: a #SaWindow
 *
 * Returns: (transfer none): the Smart Accounts view (shown only when the back
 *   end lists the user's own Smart Accounts)
 */
SaSmartAccountsView *
sa_window_get_smart_accounts_view (SaWindow *self)
{
  g_return_val_if_fail (SA_IS_WINDOW (self), NULL);

  return self->smart_accounts_view;
}

/**
 * sa_window_show_smart_accounts:
 * @self: a #SaWindow
 *
 * Shows the Smart Accounts view, when the back end has it.
 *
 * Returns: %TRUE when it is shown
 */
gboolean
sa_window_show_smart_accounts (SaWindow *self)
{
  g_return_val_if_fail (SA_IS_WINDOW (self), FALSE);

  if (self->client == NULL || !adw_view_stack_page_get_visible (self->smart_accounts_page))
    return FALSE;

  adw_view_stack_set_visible_child_name (self->view_stack, "smart-accounts");
  return TRUE;
}

/**
 * sa_window_find_licenses:
 * @self: a #SaWindow
 * @sales_order_number: (nullable): a Sales Order No. to check at once, or
 *   %NULL to let the user type one
 *
 * Opens "Where Are My Licenses?" (the troubleshooting of "assign an order":
 * shipped, Active, export hold, Holding), or brings the open one forward and
 * checks @sales_order_number. What the primary menu, Ctrl+L and an order
 * page's button do (win.find-licenses).
 *
 * Returns: (transfer none) (nullable): the window, %NULL before sign-in
 */
SaLicenseFinder *
sa_window_find_licenses (SaWindow   *self,
                         const char *sales_order_number)
{
  g_return_val_if_fail (SA_IS_WINDOW (self), NULL);

  if (self->client == NULL)
    return NULL;

  if (self->license_finder == NULL)
    {
      SaLicenseFinder *finder = sa_license_finder_new (self->client, GTK_WINDOW (self));

      g_set_weak_pointer (&self->license_finder, finder);
    }

  gtk_window_present (GTK_WINDOW (self->license_finder));
  if (sales_order_number != NULL)
    sa_license_finder_check (self->license_finder, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, sales_order_number);

  return self->license_finder;
}
