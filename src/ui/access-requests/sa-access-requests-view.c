/* sa-access-requests-view.c — Your Access Requests
 *
 * The troubleshooting part of "How to request access to an existing Smart
 * Account": under Your Access Requests the user sees, for each request, its
 * Smart Account, date and status, and may send the administrators a
 * reminder. The server allows one reminder per request per 24 hours, so a
 * row offers "Send a reminder" only when one is allowed, and otherwise says
 * when the next one is; a request just sent offers none in its first
 * minutes either (sa-access-requests-reminders.c decides). The view owns the SaAccessRequestMonitor that
 * follows pending requests and notifies the user of decisions. In training
 * mode each pending row also has clearly marked controls with which a
 * trainer plays the administrator (approve or deny).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-access-request-row.h"
#include "sa-access-requests-view-private.h"
#include "sa-journal-list.h"
#include "sa-ui-util.h"

/* Do not refresh on window focus more often than this (microseconds). */
#define FOCUS_REFRESH_MIN_US (5 * G_USEC_PER_SEC)

G_DEFINE_FINAL_TYPE (SaAccessRequestsView, sa_access_requests_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  REQUEST_AGAIN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "Request Again" on a denied request: whoever opens the wizard fills it
 * with the request (SaWindow). */
static void
request_again_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  SaAccessRequestsView *self = SA_ACCESS_REQUESTS_VIEW (widget);
  GListModel *requests = sa_access_requests_view_get_requests (self);
  const char *id = g_variant_get_string (param, NULL);

  for (guint i = 0; requests != NULL && i < g_list_model_get_n_items (requests); i++)
    {
      g_autoptr(SaAccessRequest) request = g_list_model_get_item (requests, i);

      if (g_strcmp0 (sa_access_request_get_id (request), id) == 0)
        {
          g_signal_emit (self, signals[REQUEST_AGAIN], 0, request);
          return;
        }
    }
}

/* Whether the procedures are completed in Cisco's portal (issue 10). */
static gboolean
hands_off (SaAccessRequestsView *self)
{
  return self->client != NULL &&
         (sa_client_get_features (self->client) & SA_CLIENT_FEATURE_PORTAL_HAND_OFF) != 0;
}

static void
set_loading (SaAccessRequestsView *self,
             gboolean              loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "access.refresh", !loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/**
 * sa_access_requests_view_show_requests:
 * @self: a #SaAccessRequestsView
 * @model: the requests to show (#SaAccessRequest items)
 *
 * Shows @model's requests in Your Access Requests, every row built anew
 * (with when it may be reminded), or the empty page.
 */
void
sa_access_requests_view_show_requests (SaAccessRequestsView *self,
                                       GListModel           *model)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));

  g_list_store_splice (self->requests, 0, g_list_model_get_n_items (G_LIST_MODEL (self->requests)),
                       items->pdata, items->len);
  self->loaded = TRUE;
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "list" : "empty");
  sa_access_requests_view_schedule_reminders (self);
}

static void
list_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  SaAccessRequestsView *self;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;

  model = sa_client_list_access_requests_finish (SA_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_ACCESS_REQUESTS_VIEW (user_data);

  if (model == NULL)
    {
      g_autofree char *message = sa_error_dup_user_message (error);

      g_debug ("Listing access requests failed: %s", error->message);
      adw_status_page_set_description (self->error_page, message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      set_loading (self, FALSE);
      return;
    }

  sa_access_requests_view_show_requests (self, model);
  set_loading (self, FALSE);

  /* The monitor compares with what it saw: a decision gives a notification. */
  if (self->monitor != NULL)
    sa_access_request_monitor_feed (self->monitor, model);
}

/**
 * sa_access_requests_view_refresh:
 * @self: a #SaAccessRequestsView
 *
 * Lists the user's access requests again (GET /v1/access-requests): what
 * Your Access Requests shows, with the status of each. The list stays on
 * screen while it reloads.
 */
void
sa_access_requests_view_refresh (SaAccessRequestsView *self)
{
  g_return_if_fail (SA_IS_ACCESS_REQUESTS_VIEW (self));

  if (self->client == NULL)
    return;

  /* Cisco lists no access requests: the journal's entries instead (issue 10).
   * A list asked of the previous back end must not replace them. */
  if (hands_off (self))
    {
      g_cancellable_cancel (self->cancellable);
      set_loading (self, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "journal");
      sa_journal_list_reload (self->journal_list);
      return;
    }

  sa_ui_renew_cancellable (&self->cancellable);

  self->last_refresh = g_get_monotonic_time ();
  if (!self->loaded)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  set_loading (self, TRUE);
  sa_access_requests_view_read_clock (self);
  sa_client_list_access_requests_async (self->client, self->cancellable, list_cb, self);
}

static gboolean
find_request (SaAccessRequestsView *self,
              const char           *id,
              guint                *position)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->requests)); i++)
    {
      g_autoptr(SaAccessRequest) request = g_list_model_get_item (G_LIST_MODEL (self->requests), i);

      if (g_strcmp0 (sa_access_request_get_id (request), id) == 0)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Rebuilds the row of @id, with @request when not NULL. */
static void
update_row (SaAccessRequestsView *self,
            const char           *id,
            SaAccessRequest      *request)
{
  g_autoptr(SaAccessRequest) old = NULL;
  guint position;

  if (!find_request (self, id, &position))
    return;

  if (request == NULL)
    request = old = g_list_model_get_item (G_LIST_MODEL (self->requests), position);
  g_list_store_splice (self->requests, position, 1, (gpointer *) &request, 1);
  sa_access_requests_view_schedule_reminders (self);
}

typedef struct
{
  SaAccessRequestsView *self;
  char                 *id;
  char                 *name;
} ActionData;

static void
action_data_free (ActionData *data)
{
  g_free (data->id);
  g_free (data->name);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActionData, action_data_free)

static ActionData *
action_data_new (SaAccessRequestsView *self,
                 const char           *id)
{
  ActionData *data = g_new0 (ActionData, 1);
  guint position;

  data->self = self;
  data->id = g_strdup (id);
  if (find_request (self, id, &position))
    {
      g_autoptr(SaAccessRequest) request = g_list_model_get_item (G_LIST_MODEL (self->requests), position);
      SaSmartAccount *account = sa_access_request_get_smart_account (request);

      data->name = g_strdup (account ? sa_smart_account_get_name (account) : id);
    }
  else
    data->name = g_strdup (id);

  return data;
}

static void
send_reminder_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ActionData) data = user_data;
  g_autoptr(SaAccessRequest) request = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GError) error = NULL;
  SaAccessRequestsView *self;

  request = sa_client_send_reminder_finish (SA_CLIENT (source), result, &next, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = data->self;
  g_hash_table_remove (self->busy, data->id);

  if (request == NULL)
    {
      g_debug ("Sending a reminder failed: %s", error->message);

      if (g_error_matches (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_REMINDER_TOO_SOON) && next != NULL)
        {
          g_autofree char *when = sa_ui_format_date_time (next);
          g_autofree char *message = NULL;

          g_hash_table_insert (self->next_reminder, g_strdup (data->id), g_date_time_ref (next));
          /* Translators: %s is a date and time */
          message = g_strdup_printf (_("A reminder was sent less than a day ago. The next one is possible on %s."), when);
          sa_ui_show_toast (GTK_WIDGET (self), message);
        }
      else
        {
          g_autofree char *message = sa_error_dup_user_message (error);

          sa_ui_show_toast (GTK_WIDGET (self), message);
        }

      update_row (self, data->id, NULL);
      return;
    }

  {
    g_autofree char *message = NULL;

    /* Translators: toast after "Send a reminder"; %s is a Smart Account name */
    message = g_strdup_printf (_("Reminder sent to the administrators of “%s”"), data->name);
    sa_ui_show_toast (GTK_WIDGET (self), message);
  }
  update_row (self, data->id, request);
}

/**
 * sa_access_requests_view_send_reminder:
 * @self: a #SaAccessRequestsView
 * @request_id: an access request id (e.g. "XR-000001")
 *
 * "Send a reminder" (troubleshooting part of the procedure): POST
 * /v1/access-requests/{id}/reminders. On success a toast confirms and the
 * row shows when the next reminder is possible; when the server answers
 * REMINDER_TOO_SOON the row shows the date it gives.
 */
void
sa_access_requests_view_send_reminder (SaAccessRequestsView *self,
                                       const char           *request_id)
{
  g_return_if_fail (SA_IS_ACCESS_REQUESTS_VIEW (self));
  g_return_if_fail (request_id != NULL);

  if (self->client == NULL || g_hash_table_contains (self->busy, request_id))
    return;

  /* The row, made again, shows its button off while the reminder goes. */
  g_hash_table_add (self->busy, g_strdup (request_id));
  update_row (self, request_id, NULL);

  sa_client_send_reminder_async (self->client, request_id, self->action_cancellable,
                                 send_reminder_cb, action_data_new (self, request_id));
}

static void
decide_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ActionData) data = user_data;
  g_autoptr(SaAccessRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  SaAccessRequestsView *self;

  request = sa_desk_client_sandbox_decide_access_request_finish (SA_DESK_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = data->self;
  g_hash_table_remove (self->busy, data->id);

  if (request == NULL)
    {
      g_autofree char *message = sa_error_dup_user_message (error);

      g_debug ("Deciding the access request failed: %s", error->message);
      sa_ui_show_toast (GTK_WIDGET (self), message);
    }

  /* The refresh shows the answer; the monitor, fed with it, notifies. */
  sa_access_requests_view_refresh (self);
}

/* Training only: answers the request as its Smart Account's administrator
 * would (POST /sandbox/access-requests/{id}/decide), so that a trainer can
 * show what happens next — the status changes and a notification comes. */
static void
decide (SaAccessRequestsView *self,
        const char           *request_id,
        gboolean              approve)
{
  if (self->client == NULL || !self->training || g_hash_table_contains (self->busy, request_id))
    return;

  g_hash_table_add (self->busy, g_strdup (request_id));
  sa_desk_client_sandbox_decide_access_request_async (SA_DESK_CLIENT (self->client), request_id, approve, self->action_cancellable,
                                                 decide_cb, action_data_new (self, request_id));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  sa_access_requests_view_refresh (SA_ACCESS_REQUESTS_VIEW (widget));
}

static void
decide_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  const char *id;
  gboolean approve;

  g_variant_get (param, "(&sb)", &id, &approve);
  decide (SA_ACCESS_REQUESTS_VIEW (widget), id, approve);
}

static void
remind_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  sa_access_requests_view_send_reminder (SA_ACCESS_REQUESTS_VIEW (widget), g_variant_get_string (param, NULL));
}

static void
on_monitor_updated (SaAccessRequestMonitor *monitor,
                    GListModel             *requests,
                    SaAccessRequestsView   *self)
{
  if (!self->loading)
    sa_access_requests_view_show_requests (self, requests);
}

static void
on_monitor_decision (SaAccessRequestMonitor *monitor,
                     SaAccessRequest        *request,
                     GNotification          *notification,
                     SaAccessRequestsView   *self)
{
  SaSmartAccount *account = sa_access_request_get_smart_account (request);
  g_autofree char *message = NULL;

  if (sa_access_request_get_status (request) == SA_ACCESS_REQUEST_STATUS_APPROVED)
    /* Translators: toast; %s is a Smart Account name */
    message = g_strdup_printf (_("Access to “%s” approved"), account ? sa_smart_account_get_name (account) : "");
  else
    /* Translators: toast; %s is a Smart Account name */
    message = g_strdup_printf (_("Access to “%s” denied"), account ? sa_smart_account_get_name (account) : "");
  sa_ui_show_toast (GTK_WIDGET (self), message);

  update_row (self, sa_access_request_get_id (request), request);
}

static void
on_window_active (GtkWindow            *window,
                  GParamSpec           *pspec,
                  SaAccessRequestsView *self)
{
  if (gtk_window_is_active (window) && gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      !self->loading && g_get_monotonic_time () - self->last_refresh > FOCUS_REFRESH_MIN_US)
    sa_access_requests_view_refresh (self);
}

static void
sa_access_requests_view_root (GtkWidget *widget)
{
  SaAccessRequestsView *self = SA_ACCESS_REQUESTS_VIEW (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (sa_access_requests_view_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      self->watched_window = GTK_WINDOW (root);
      self->active_handler = g_signal_connect (root, "notify::is-active", G_CALLBACK (on_window_active), self);
    }
}

static void
sa_access_requests_view_unroot (GtkWidget *widget)
{
  SaAccessRequestsView *self = SA_ACCESS_REQUESTS_VIEW (widget);

  if (self->watched_window != NULL)
    g_clear_signal_handler (&self->active_handler, self->watched_window);
  self->watched_window = NULL;

  GTK_WIDGET_CLASS (sa_access_requests_view_parent_class)->unroot (widget);
}

static void
sa_access_requests_view_map (GtkWidget *widget)
{
  SaAccessRequestsView *self = SA_ACCESS_REQUESTS_VIEW (widget);

  GTK_WIDGET_CLASS (sa_access_requests_view_parent_class)->map (widget);

  /* Shown again: bring it up to date (not more often than every few seconds). */
  if (self->client != NULL && !self->loading &&
      g_get_monotonic_time () - self->last_refresh > FOCUS_REFRESH_MIN_US)
    sa_access_requests_view_refresh (self);
}

static void
sa_access_requests_view_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  SaAccessRequestsView *self = SA_ACCESS_REQUESTS_VIEW (object);

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
sa_access_requests_view_dispose (GObject *object)
{
  SaAccessRequestsView *self = SA_ACCESS_REQUESTS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->action_cancellable);
  g_clear_handle_id (&self->grace_timeout_id, g_source_remove);

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      sa_access_request_monitor_stop (self->monitor);
    }

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_ACCESS_REQUESTS_VIEW);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->action_cancellable);
  g_clear_object (&self->monitor);
  g_clear_object (&self->requests);
  g_clear_object (&self->client);
  g_clear_pointer (&self->next_reminder, g_hash_table_unref);
  g_clear_pointer (&self->busy, g_hash_table_unref);

  G_OBJECT_CLASS (sa_access_requests_view_parent_class)->dispose (object);
}

static void
sa_access_requests_view_class_init (SaAccessRequestsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_access_requests_view_dispose;
  object_class->get_property = sa_access_requests_view_get_property;
  widget_class->root = sa_access_requests_view_root;
  widget_class->unroot = sa_access_requests_view_unroot;
  widget_class->map = sa_access_requests_view_map;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/access-requests/sa-access-requests-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestsView, stack);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestsView, list);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestsView, error_page);

  gtk_widget_class_install_action (widget_class, "access.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "access.decide", "(sb)", decide_action);
  gtk_widget_class_install_action (widget_class, "access.remind", "s", remind_action);
  gtk_widget_class_install_action (widget_class, "access.request-again", "s", request_again_action);

  /**
   * SaAccessRequestsView::request-again:
   * @self: the view
   * @request: a denied #SaAccessRequest
   *
   * "Request Again" (issue 11): the user asks for access once more, with
   * the Smart Account and reason of @request filled in (steps 6 and 7).
   */
  signals[REQUEST_AGAIN] = g_signal_new ("request-again",
                                         G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, SA_TYPE_ACCESS_REQUEST);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "access.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "access.refresh", NULL);
}

static void
sa_access_requests_view_init (SaAccessRequestsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->action_cancellable = g_cancellable_new ();
  self->requests = g_list_store_new (SA_TYPE_ACCESS_REQUEST);
  self->reminder_grace = SA_ACCESS_REQUESTS_REMINDER_GRACE;
  self->next_reminder = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_date_time_unref);
  self->busy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->requests), sa_access_requests_view_create_row, self, NULL);
  self->journal_list = SA_JOURNAL_LIST (sa_journal_list_new_for_procedure (SA_HAND_OFF_REQUEST_ACCESS));
  gtk_stack_add_named (self->stack, sa_journal_list_new_scrolled (self->journal_list), "journal");
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "access.refresh", FALSE);
}

/**
 * sa_access_requests_view_set_client:
 * @self: a #SaAccessRequestsView
 * @client: a signed-in #SaClient
 * @training: %TRUE in training mode: checks every 15 s instead of 60 s, and
 *   rows offer the training-only administrator controls
 *
 * Loads Your Access Requests for @client and starts following the pending
 * ones (a new #SaAccessRequestMonitor).
 */
void
sa_access_requests_view_set_client (SaAccessRequestsView *self,
                                    SaClient             *client,
                                    gboolean              training)
{
  g_return_if_fail (SA_IS_ACCESS_REQUESTS_VIEW (self));
  g_return_if_fail (SA_IS_CLIENT (client));

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      sa_access_request_monitor_stop (self->monitor);
      g_clear_object (&self->monitor);
    }

  g_set_object (&self->client, client);
  self->training = training;
  self->loaded = FALSE;
  self->clock_offset = 0;
  g_hash_table_remove_all (self->next_reminder);
  g_list_store_remove_all (self->requests);

  /* With Cisco the watch follows the journal's access requests instead. */
  if (hands_off (self))
    {
      sa_access_requests_view_refresh (self);
      return;
    }

  self->monitor = sa_access_request_monitor_new (client, NULL);
  sa_access_request_monitor_set_interval (self->monitor,
                                          training ? SA_ACCESS_REQUEST_MONITOR_TRAINING_INTERVAL_MS
                                                   : SA_ACCESS_REQUEST_MONITOR_DEFAULT_INTERVAL_MS);
  g_signal_connect (self->monitor, "updated", G_CALLBACK (on_monitor_updated), self);
  g_signal_connect (self->monitor, "decision", G_CALLBACK (on_monitor_decision), self);

  sa_access_requests_view_refresh (self);
}

/**
 * sa_access_requests_view_get_loading:
 * @self: a #SaAccessRequestsView
 *
 * Returns: %TRUE while the list loads
 */
gboolean
sa_access_requests_view_get_loading (SaAccessRequestsView *self)
{
  g_return_val_if_fail (SA_IS_ACCESS_REQUESTS_VIEW (self), FALSE);

  return self->loading;
}

/**
 * sa_access_requests_view_get_requests:
 * @self: a #SaAccessRequestsView
 *
 * Returns: (transfer none): the requests shown (#SaAccessRequest items)
 */
GListModel *
sa_access_requests_view_get_requests (SaAccessRequestsView *self)
{
  g_return_val_if_fail (SA_IS_ACCESS_REQUESTS_VIEW (self), NULL);

  return G_LIST_MODEL (self->requests);
}

/**
 * sa_access_requests_view_get_monitor:
 * @self: a #SaAccessRequestsView
 *
 * Returns: (transfer none) (nullable): the monitor following pending requests
 */
SaAccessRequestMonitor *
sa_access_requests_view_get_monitor (SaAccessRequestsView *self)
{
  g_return_val_if_fail (SA_IS_ACCESS_REQUESTS_VIEW (self), NULL);

  return self->monitor;
}

/**
 * sa_access_requests_view_get_row:
 * @self: a #SaAccessRequestsView
 * @request_id: an access request id
 *
 * Returns: (transfer none) (nullable): the row of @request_id
 */
GtkWidget *
sa_access_requests_view_get_row (SaAccessRequestsView *self,
                                 const char           *request_id)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (SA_IS_ACCESS_REQUESTS_VIEW (self), NULL);

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    if (g_strcmp0 (sa_access_request_get_id (sa_access_request_row_get_request (SA_ACCESS_REQUEST_ROW (row))),
                   request_id) == 0)
      return GTK_WIDGET (row);

  return NULL;
}

/**
 * sa_access_requests_view_get_reminder_button:
 * @self: a #SaAccessRequestsView
 * @request_id: an access request id
 *
 * Returns: (transfer none) (nullable): the "Send a reminder" button of the
 *   row, or %NULL when the row does not offer one (decided, a reminder was
 *   sent less than 24 hours ago, or the request was sent minutes ago)
 */
GtkWidget *
sa_access_requests_view_get_reminder_button (SaAccessRequestsView *self,
                                             const char           *request_id)
{
  GtkWidget *row = sa_access_requests_view_get_row (self, request_id);

  return row ? sa_access_request_row_get_reminder_button (SA_ACCESS_REQUEST_ROW (row)) : NULL;
}

/**
 * sa_access_requests_view_get_reminder_text:
 * @self: a #SaAccessRequestsView
 * @request_id: an access request id
 *
 * Returns: (transfer none) (nullable): the "Next reminder possible on …"
 *   (or "You can send a reminder from …") text of the row, or %NULL when it
 *   does not show one
 */
const char *
sa_access_requests_view_get_reminder_text (SaAccessRequestsView *self,
                                           const char           *request_id)
{
  GtkWidget *row = sa_access_requests_view_get_row (self, request_id);

  return row ? sa_access_request_row_get_reminder_text (SA_ACCESS_REQUEST_ROW (row)) : NULL;
}

/**
 * sa_access_requests_view_set_journal:
 * @self: a #SaAccessRequestsView
 * @journal: (nullable): the hand-off journal, with a back end completing the
 *   procedures in Cisco's portal; %NULL otherwise
 * @watch: (nullable): the watch following it
 *
 * Issue 10, "The journal": with the Cisco connection the view lists the
 * journal's access requests with their observed state (the watch, not the
 * access request monitor, follows them).
 */
void
sa_access_requests_view_set_journal (SaAccessRequestsView *self,
                                     SaJournal            *journal,
                                     SaWatch              *watch)
{
  g_return_if_fail (SA_IS_ACCESS_REQUESTS_VIEW (self));

  sa_journal_list_set_journal (self->journal_list, journal, watch);
  if (journal != NULL)
    gtk_stack_set_visible_child_name (self->stack, "journal");
}

/**
 * sa_access_requests_view_get_journal_list:
 * @self: a #SaAccessRequestsView
 *
 * Returns: (transfer none): the list of the journal's entries
 */
SaJournalList *
sa_access_requests_view_get_journal_list (SaAccessRequestsView *self)
{
  g_return_val_if_fail (SA_IS_ACCESS_REQUESTS_VIEW (self), NULL);

  return self->journal_list;
}
