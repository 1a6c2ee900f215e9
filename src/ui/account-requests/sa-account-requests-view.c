/* sa-account-requests-view.c — the "Smart Account requests" view
 *
 * Lists the Smart Accounts the user requested for customers (procedure 3):
 * Account Name, Account Domain, Customer Email, status (Pending customer
 * acceptance, Active, Expired) and the days left before an unaccepted request
 * expires. Refreshes on demand (button, Ctrl+R while shown), when shown and
 * when the window becomes active again. In training mode it also offers the
 * trainer's controls: the customer accepts, the sandbox clock moves on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-account-request-row.h"
#include "sa-account-requests-view.h"
#include "sa-journal-list.h"
#include "sa-ui-util.h"

struct _SaAccountRequestsView
{
  AdwBin          parent_instance;

  SaClient       *client;
  gboolean        training;
  GCancellable   *list_cancellable;
  GCancellable   *cancellable;
  GListModel     *requests;
  gboolean        loading;
  gboolean        accepting;
  GtkWindow      *window;            /* weak: the window we are in */
  gulong          is_active_handler;

  GtkWidget      *training_box;
  GtkStack       *state_stack;
  GtkSpinner     *spinner;
  AdwStatusPage  *error_page;
  GtkListBox     *requests_list;
  GtkLabel       *error_label;
  GtkButton      *refresh_button;
  GtkButton      *clock_30_button;
  GtkButton      *clock_91_button;
  SaJournalList  *journal_list;      /* issue 10: with the Cisco connection */
};

G_DEFINE_FINAL_TYPE (SaAccountRequestsView, sa_account_requests_view, ADW_TYPE_BIN)

static void
update_actions (SaAccountRequestsView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "requests.refresh", self->client != NULL && !self->loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "requests.new", self->client != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "requests.advance-clock", self->client != NULL && self->training);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "requests.accept",
                                 self->client != NULL && self->training && !self->accepting);
}

static void
accept_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SaAccountRequestsView *self;
  g_autoptr(SaAccountRequest) request = NULL;
  g_autoptr(GError) error = NULL;

  request = sa_desk_client_sandbox_accept_account_request_finish (SA_DESK_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_ACCOUNT_REQUESTS_VIEW (user_data);
  self->accepting = FALSE;
  update_actions (self);
  if (request == NULL)
    {
      g_autofree char *message = sa_error_dup_user_message (error);

      g_debug ("Accepting the request failed: %s", error->message);
      sa_ui_show_toast (GTK_WIDGET (self), message);
    }
  else
    {
      g_autofree char *message = NULL;

      /* Translators: a toast after the trainer's "Customer Accepts" */
      message = g_strdup_printf (_("The customer accepted: “%s” is now Active."),
                                 sa_account_request_get_account_name (request));
      sa_ui_show_toast (GTK_WIDGET (self), message);
    }

  sa_account_requests_view_refresh (self);
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SaAccountRequestsView *self = SA_ACCOUNT_REQUESTS_VIEW (widget);

  if (self->client == NULL || !self->training)
    return;

  /* One answer at a time: the buttons wait for this one. */
  self->accepting = TRUE;
  update_actions (self);
  sa_desk_client_sandbox_accept_account_request_async (SA_DESK_CLIENT (self->client), g_variant_get_string (param, NULL),
                                                  self->cancellable, accept_cb, self);
}

/* "Request Again" on an expired request: the wizard, filled in. */
static void
request_again_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  SaAccountRequestsView *self = SA_ACCOUNT_REQUESTS_VIEW (widget);
  const char *id = g_variant_get_string (param, NULL);

  for (guint i = 0; self->requests != NULL && i < g_list_model_get_n_items (self->requests); i++)
    {
      g_autoptr(SaAccountRequest) request = g_list_model_get_item (self->requests, i);

      if (g_strcmp0 (sa_account_request_get_id (request), id) == 0)
        {
          sa_account_requests_view_request_again (self, request);
          return;
        }
    }
}

/* The list-item factory: one template row per request. */
static GtkWidget *
create_request_row (gpointer item,
                    gpointer user_data)
{
  SaAccountRequestsView *self = SA_ACCOUNT_REQUESTS_VIEW (user_data);

  return sa_account_request_row_new (SA_ACCOUNT_REQUEST (item), self->training);
}

static void
list_requests_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SaAccountRequestsView *self;
  g_autoptr(GListModel) requests = NULL;
  g_autoptr(GError) error = NULL;

  requests = sa_client_list_account_requests_finish (SA_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_ACCOUNT_REQUESTS_VIEW (user_data);
  self->loading = FALSE;
  gtk_spinner_set_spinning (self->spinner, FALSE);
  update_actions (self);

  if (requests == NULL)
    {
      g_autofree char *message = sa_error_dup_user_message (error);

      g_debug ("Listing the Smart Account requests failed: %s", error->message);
      if (self->requests == NULL)
        {
          adw_status_page_set_description (self->error_page, message);
          gtk_stack_set_visible_child_name (self->state_stack, "error");
        }
      else
        {
          /* Keep what was shown; say it may be out of date. */
          gtk_label_set_text (self->error_label, message);
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
        }
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  g_set_object (&self->requests, requests);
  gtk_list_box_bind_model (self->requests_list, requests, create_request_row, self, NULL);
  gtk_stack_set_visible_child_name (self->state_stack,
                                    g_list_model_get_n_items (requests) > 0 ? "list" : "empty");
}

/**
 * sa_account_requests_view_refresh:
 * @self: a #SaAccountRequestsView
 *
 * Lists the user's Smart Account requests again (GET /v1/account-requests),
 * with their status and days left, as the portal's list of requests shows
 * them. Does nothing before sa_account_requests_view_set_client().
 */
void
sa_account_requests_view_refresh (SaAccountRequestsView *self)
{
  g_return_if_fail (SA_IS_ACCOUNT_REQUESTS_VIEW (self));

  if (self->client == NULL)
    return;

  /* Cisco lists no requests: the journal's entries instead (issue 10). */
  if ((sa_client_get_features (self->client) & SA_CLIENT_FEATURE_PORTAL_HAND_OFF) != 0)
    {
      gtk_stack_set_visible_child_name (self->state_stack, "journal");
      sa_journal_list_reload (self->journal_list);
      return;
    }

  g_cancellable_cancel (self->list_cancellable);
  g_clear_object (&self->list_cancellable);
  self->list_cancellable = g_cancellable_new ();

  self->loading = TRUE;
  update_actions (self);
  if (self->requests == NULL)
    {
      gtk_spinner_set_spinning (self->spinner, TRUE);
      gtk_stack_set_visible_child_name (self->state_stack, "loading");
    }

  sa_client_list_account_requests_async (self->client, self->list_cancellable, list_requests_cb, self);
}

static void
advance_clock_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SaAccountRequestsView *self;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;

  now = sa_desk_client_sandbox_advance_clock_finish (SA_DESK_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_ACCOUNT_REQUESTS_VIEW (user_data);
  if (now == NULL)
    {
      g_autofree char *message = sa_error_dup_user_message (error);

      g_debug ("Moving the sandbox clock failed: %s", error->message);
      sa_ui_show_toast (GTK_WIDGET (self), message);
    }
  else
    {
      g_autofree char *date = sa_ui_format_date (now);
      g_autofree char *message = NULL;

      /* Translators: a toast in training mode; %s is the practice server's new date */
      message = g_strdup_printf (_("Training clock moved: it is now %s on the practice server."), date);
      sa_ui_show_toast (GTK_WIDGET (self), message);
    }
  /* the practice date in the header bar follows at once */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.practice-clock-changed", NULL);

  sa_account_requests_view_refresh (self);
}

static void
advance_clock_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  SaAccountRequestsView *self = SA_ACCOUNT_REQUESTS_VIEW (widget);

  if (self->client == NULL || !self->training)
    return;

  sa_desk_client_sandbox_advance_clock_async (SA_DESK_CLIENT (self->client), g_variant_get_uint32 (param),
                                         self->cancellable, advance_clock_cb, self);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  sa_account_requests_view_refresh (SA_ACCOUNT_REQUESTS_VIEW (widget));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  sa_account_requests_view_open_wizard (SA_ACCOUNT_REQUESTS_VIEW (widget));
}

/* Ctrl+R, but only while the view is the one shown. */
static gboolean
refresh_shortcut_cb (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  SaAccountRequestsView *self = SA_ACCOUNT_REQUESTS_VIEW (widget);

  if (!gtk_widget_get_mapped (widget) || self->client == NULL)
    return FALSE;

  sa_account_requests_view_refresh (self);
  return TRUE;
}

static void
on_window_is_active (GtkWindow             *window,
                     GParamSpec            *pspec,
                     SaAccountRequestsView *self)
{
  if (gtk_window_is_active (window) && gtk_widget_get_mapped (GTK_WIDGET (self)) && !self->loading)
    sa_account_requests_view_refresh (self);
}

static void
sa_account_requests_view_root (GtkWidget *widget)
{
  SaAccountRequestsView *self = SA_ACCOUNT_REQUESTS_VIEW (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (sa_account_requests_view_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      g_set_weak_pointer (&self->window, GTK_WINDOW (root));
      self->is_active_handler = g_signal_connect (root, "notify::is-active",
                                                  G_CALLBACK (on_window_is_active), self);
    }
}

static void
sa_account_requests_view_unroot (GtkWidget *widget)
{
  SaAccountRequestsView *self = SA_ACCOUNT_REQUESTS_VIEW (widget);

  if (self->window != NULL)
    g_clear_signal_handler (&self->is_active_handler, self->window);
  self->is_active_handler = 0;
  g_clear_weak_pointer (&self->window);

  GTK_WIDGET_CLASS (sa_account_requests_view_parent_class)->unroot (widget);
}

static void
sa_account_requests_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (sa_account_requests_view_parent_class)->map (widget);

  /* Shown again: what the server has now. */
  sa_account_requests_view_refresh (SA_ACCOUNT_REQUESTS_VIEW (widget));
}

static void
sa_account_requests_view_dispose (GObject *object)
{
  SaAccountRequestsView *self = SA_ACCOUNT_REQUESTS_VIEW (object);

  g_cancellable_cancel (self->list_cancellable);
  g_cancellable_cancel (self->cancellable);

  if (self->requests_list != NULL)
    gtk_list_box_bind_model (self->requests_list, NULL, NULL, NULL, NULL);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_ACCOUNT_REQUESTS_VIEW);

  g_clear_object (&self->list_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->requests);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (sa_account_requests_view_parent_class)->dispose (object);
}

static void
sa_account_requests_view_class_init (SaAccountRequestsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_account_requests_view_dispose;
  widget_class->root = sa_account_requests_view_root;
  widget_class->unroot = sa_account_requests_view_unroot;
  widget_class->map = sa_account_requests_view_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/account-requests/sa-account-requests-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestsView, training_box);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestsView, state_stack);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestsView, error_page);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestsView, requests_list);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestsView, error_label);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestsView, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestsView, clock_30_button);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestsView, clock_91_button);

  gtk_widget_class_install_action (widget_class, "requests.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "requests.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "requests.advance-clock", "u", advance_clock_action);
  gtk_widget_class_install_action (widget_class, "requests.accept", "s", accept_action);
  gtk_widget_class_install_action (widget_class, "requests.request-again", "s", request_again_action);
}

static void
sa_account_requests_view_init (SaAccountRequestsView *self)
{
  GtkEventController *controller;
  GtkShortcut *shortcut;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->journal_list = SA_JOURNAL_LIST (sa_journal_list_new_for_procedure (SA_HAND_OFF_REQUEST_SMART_ACCOUNT));
  gtk_stack_add_named (self->state_stack, sa_journal_list_new_scrolled (self->journal_list), "journal");

  /* Global scope: Ctrl+R works wherever the focus is in the window, and the
   * callback lets it through when this view is not the one shown. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_r, GDK_CONTROL_MASK),
                               gtk_callback_action_new (refresh_shortcut_cb, NULL, NULL));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  update_actions (self);
}

/**
 * sa_account_requests_view_set_client:
 * @self: a #SaAccountRequestsView
 * @client: a signed-in #SaClient
 * @training: %TRUE when @client talks to the sandbox back office: the
 *   training-only controls (customer accepts, move the clock) are shown
 *
 * Sets the client the view lists requests with; lists them now if shown.
 */
void
sa_account_requests_view_set_client (SaAccountRequestsView *self,
                                     SaClient              *client,
                                     gboolean               training)
{
  g_return_if_fail (SA_IS_ACCOUNT_REQUESTS_VIEW (self));
  g_return_if_fail (SA_IS_CLIENT (client));

  g_cancellable_cancel (self->list_cancellable);
  g_set_object (&self->client, client);
  self->training = training;
  self->loading = FALSE;
  g_clear_object (&self->requests);
  gtk_list_box_bind_model (self->requests_list, NULL, NULL, NULL, NULL);
  gtk_widget_set_visible (self->training_box, training);
  update_actions (self);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    sa_account_requests_view_refresh (self);
}

/**
 * sa_account_requests_view_get_loading:
 * @self: a #SaAccountRequestsView
 *
 * Returns: %TRUE while the list is being fetched
 */
gboolean
sa_account_requests_view_get_loading (SaAccountRequestsView *self)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_REQUESTS_VIEW (self), FALSE);

  return self->loading;
}

/**
 * sa_account_requests_view_get_requests:
 * @self: a #SaAccountRequestsView
 *
 * Returns: (transfer none) (nullable): the requests shown (#SaAccountRequest),
 *   newest first, once listed
 */
GListModel *
sa_account_requests_view_get_requests (SaAccountRequestsView *self)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_REQUESTS_VIEW (self), NULL);

  return self->requests;
}

static void
on_request_sent (SaAccountRequestWizard *wizard,
                 SaAccountRequest       *request,
                 SaAccountRequestsView  *self)
{
  sa_account_requests_view_refresh (self);
}

/**
 * sa_account_requests_view_open_wizard:
 * @self: a #SaAccountRequestsView
 *
 * Opens the "Request a Smart Account" wizard over the window (step 2 of
 * "request a Smart Account for a customer"); the list refreshes once the
 * request is sent.
 *
 * Returns: (transfer none) (nullable): the wizard, or %NULL before signing in
 */
SaAccountRequestWizard *
sa_account_requests_view_open_wizard (SaAccountRequestsView *self)
{
  SaAccountRequestWizard *wizard;
  GtkRoot *root;

  g_return_val_if_fail (SA_IS_ACCOUNT_REQUESTS_VIEW (self), NULL);

  if (self->client == NULL)
    return NULL;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  wizard = sa_account_request_wizard_new (self->client, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  g_signal_connect_object (wizard, "request-sent", G_CALLBACK (on_request_sent), self, 0);
  gtk_window_present (GTK_WINDOW (wizard));

  return wizard;
}

/**
 * sa_account_requests_view_request_again:
 * @self: a #SaAccountRequestsView
 * @request: an expired request
 *
 * "Request Again" (issue 11): when the customer did not accept within 90
 * days the request expired and a new one is needed (the note of step 5 of
 * "request a Smart Account for a customer"); the wizard opens on its review
 * page with @request's details filled in, each still editable.
 *
 * Returns: (transfer none) (nullable): the wizard, or %NULL before signing in
 */
SaAccountRequestWizard *
sa_account_requests_view_request_again (SaAccountRequestsView *self,
                                        SaAccountRequest      *request)
{
  SaAccountRequestWizard *wizard;

  g_return_val_if_fail (SA_IS_ACCOUNT_REQUESTS_VIEW (self), NULL);
  g_return_val_if_fail (SA_IS_ACCOUNT_REQUEST (request), NULL);

  wizard = sa_account_requests_view_open_wizard (self);
  if (wizard != NULL)
    sa_account_request_wizard_fill (wizard, request);

  return wizard;
}

/**
 * sa_account_requests_view_set_journal:
 * @self: a #SaAccountRequestsView
 * @journal: (nullable): the hand-off journal, with a back end completing the
 *   procedures in Cisco's portal; %NULL otherwise
 * @watch: (nullable): the watch following it
 *
 * Issue 10, "The journal": with the Cisco connection the view lists the
 * journal's Smart Account requests with their observed state and the days
 * left for the customer to accept, instead of the requests the Desk lists.
 */
void
sa_account_requests_view_set_journal (SaAccountRequestsView *self,
                                      SaJournal             *journal,
                                      SaWatch               *watch)
{
  g_return_if_fail (SA_IS_ACCOUNT_REQUESTS_VIEW (self));

  sa_journal_list_set_journal (self->journal_list, journal, watch);
  if (journal != NULL)
    gtk_stack_set_visible_child_name (self->state_stack, "journal");
}

/**
 * sa_account_requests_view_get_journal_list:
 * @self: a #SaAccountRequestsView
 *
 * Returns: (transfer none): the list of the journal's entries
 */
SaJournalList *
sa_account_requests_view_get_journal_list (SaAccountRequestsView *self)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_REQUESTS_VIEW (self), NULL);

  return self->journal_list;
}
