/* sa-access-request-monitor.c — follows pending access requests, notifies decisions
 *
 * After "Send Request" (step 8 of "request access to an existing Smart
 * Account"), the Smart Account's administrators approve or deny the request.
 * While the app runs, this object lists the user's access requests now and
 * then — only while one of them is pending, backing off after errors, and
 * never while the computer is offline (unless the server is on this computer,
 * as the training back office is) — and when a request goes from Pending to
 * Approved or Denied it emits #SaAccessRequestMonitor::decision and sends a
 * desktop notification (GNotification) whose default action opens the
 * Access requests view (app.show-access-requests).
 *
 * It asks its #SaClient only, so it follows requests whichever back end
 * answers, and needs nothing but GIO.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-access-request-monitor.h"
#include "sa-access-request-monitor-private.h"
#include "sa-network-gate-private.h"

struct _SaAccessRequestMonitor
{
  GObject          parent_instance;

  SaClient        *client;
  GCancellable    *cancellable;
  GHashTable      *known;            /* id → SaAccessRequestStatus */
  guint            interval_ms;
  guint            max_interval_ms;
  guint            current_interval_ms;
  guint            timeout_id;
  SaNetworkGate    network;
  guint            paused : 1;
  guint            in_flight : 1;
  guint            listed : 1;
  guint            stopped : 1;
};

G_DEFINE_FINAL_TYPE (SaAccessRequestMonitor, sa_access_request_monitor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_NETWORK_MONITOR,
  PROP_INTERVAL,
  PROP_MAX_INTERVAL,
  PROP_PAUSED,
  N_PROPS
};

enum {
  DECISION,
  UPDATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void           poll_now           (SaAccessRequestMonitor *self);
static GNotification *build_notification (SaAccessRequest        *request);

static void
unschedule (SaAccessRequestMonitor *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
}

static gboolean
timeout_cb (gpointer user_data)
{
  SaAccessRequestMonitor *self = SA_ACCESS_REQUEST_MONITOR (user_data);

  self->timeout_id = 0;
  poll_now (self);

  return G_SOURCE_REMOVE;
}

static void
schedule (SaAccessRequestMonitor *self)
{
  unschedule (self);

  if (self->stopped || self->paused || self->in_flight)
    return;

  /* Nothing pending: nothing can change by itself. The Access requests view
   * and the wizard feed new requests in, which schedules again. */
  if (self->listed && sa_access_request_monitor_get_n_pending (self) == 0)
    return;

  self->timeout_id = g_timeout_add (self->current_interval_ms, timeout_cb, self);
  g_source_set_name_by_id (self->timeout_id, "[sa] access request monitor");
}

static void
list_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  SaAccessRequestMonitor *self;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;

  model = sa_client_list_access_requests_finish (SA_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_ACCESS_REQUEST_MONITOR (user_data);
  self->in_flight = FALSE;

  if (model == NULL)
    {
      /* Back off: twice as long each time, up to the cap. */
      g_debug ("Checking access requests failed: %s", error->message);
      self->current_interval_ms = sa_network_gate_back_off (self->current_interval_ms,
                                                            self->max_interval_ms);
      schedule (self);
      return;
    }

  self->current_interval_ms = self->interval_ms;
  sa_access_request_monitor_feed (self, model);
  g_signal_emit (self, signals[UPDATED], 0, model);
  schedule (self);
}

static void
poll_now (SaAccessRequestMonitor *self)
{
  unschedule (self);

  if (self->stopped || self->paused || self->in_flight)
    return;

  self->in_flight = TRUE;
  sa_client_list_access_requests_async (self->client, self->cancellable, list_cb, self);
}

static void
update_paused (SaAccessRequestMonitor *self)
{
  gboolean paused = sa_network_gate_is_closed (&self->network);

  if (paused == self->paused)
    return;

  self->paused = paused;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);

  if (paused)
    {
      g_debug ("Offline: access request checks paused");
      unschedule (self);
    }
  else
    {
      g_debug ("Back online: checking access requests");
      self->current_interval_ms = self->interval_ms;
      poll_now (self);
    }
}

static void
on_network_changed (GNetworkMonitor        *monitor,
                    gboolean                available,
                    SaAccessRequestMonitor *self)
{
  update_paused (self);
}

static void
sa_access_request_monitor_constructed (GObject *object)
{
  SaAccessRequestMonitor *self = SA_ACCESS_REQUEST_MONITOR (object);

  G_OBJECT_CLASS (sa_access_request_monitor_parent_class)->constructed (object);

  g_assert (SA_IS_CLIENT (self->client));

  sa_network_gate_follow (&self->network, self->client, G_CALLBACK (on_network_changed), self);
  self->paused = sa_network_gate_is_closed (&self->network);
}

static void
sa_access_request_monitor_dispose (GObject *object)
{
  SaAccessRequestMonitor *self = SA_ACCESS_REQUEST_MONITOR (object);

  unschedule (self);
  g_cancellable_cancel (self->cancellable);
  sa_network_gate_clear (&self->network);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (sa_access_request_monitor_parent_class)->dispose (object);
}

static void
sa_access_request_monitor_finalize (GObject *object)
{
  SaAccessRequestMonitor *self = SA_ACCESS_REQUEST_MONITOR (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->known, g_hash_table_unref);

  G_OBJECT_CLASS (sa_access_request_monitor_parent_class)->finalize (object);
}

static void
sa_access_request_monitor_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  SaAccessRequestMonitor *self = SA_ACCESS_REQUEST_MONITOR (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_NETWORK_MONITOR:
      g_value_set_object (value, self->network.monitor);
      break;
    case PROP_INTERVAL:
      g_value_set_uint (value, self->interval_ms);
      break;
    case PROP_MAX_INTERVAL:
      g_value_set_uint (value, self->max_interval_ms);
      break;
    case PROP_PAUSED:
      g_value_set_boolean (value, self->paused);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* After each failed check the wait doubles, up to @max_interval_ms. */
static void
set_max_interval (SaAccessRequestMonitor *self,
                  guint                   max_interval_ms)
{
  g_return_if_fail (max_interval_ms > 0);

  if (self->max_interval_ms == max_interval_ms)
    return;

  self->max_interval_ms = max_interval_ms;
  self->current_interval_ms = MIN (self->current_interval_ms, max_interval_ms);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_INTERVAL]);
}

static void
sa_access_request_monitor_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  SaAccessRequestMonitor *self = SA_ACCESS_REQUEST_MONITOR (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_NETWORK_MONITOR:
      self->network.monitor = g_value_dup_object (value);
      break;
    case PROP_INTERVAL:
      sa_access_request_monitor_set_interval (self, g_value_get_uint (value));
      break;
    case PROP_MAX_INTERVAL:
      set_max_interval (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_access_request_monitor_class_init (SaAccessRequestMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sa_access_request_monitor_constructed;
  object_class->dispose = sa_access_request_monitor_dispose;
  object_class->finalize = sa_access_request_monitor_finalize;
  object_class->get_property = sa_access_request_monitor_get_property;
  object_class->set_property = sa_access_request_monitor_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, SA_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NETWORK_MONITOR] =
    g_param_spec_object ("network-monitor", NULL, NULL, G_TYPE_NETWORK_MONITOR,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Milliseconds between two checks while something is pending. */
  properties[PROP_INTERVAL] =
    g_param_spec_uint ("interval", NULL, NULL, 1, G_MAXUINT, SA_ACCESS_REQUEST_MONITOR_DEFAULT_INTERVAL_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Milliseconds: the longest wait after repeated errors. */
  properties[PROP_MAX_INTERVAL] =
    g_param_spec_uint ("max-interval", NULL, NULL, 1, G_MAXUINT, SA_ACCESS_REQUEST_MONITOR_DEFAULT_MAX_INTERVAL_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * SaAccessRequestMonitor:paused:
   *
   * %TRUE while checks are paused because the network is unavailable and the
   * server is not on this computer (sa_host_is_loopback()).
   */
  properties[PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SaAccessRequestMonitor::decision:
   * @self: the monitor
   * @request: (transfer none): the request, as the server now gives it
   *   (Approved or Denied)
   * @notification: (transfer none): the desktop notification sent for it
   *
   * Emitted when a request the monitor saw Pending has been decided by the
   * Smart Account's administrators; the notification is sent right after.
   */
  signals[DECISION] = g_signal_new ("decision",
                                    G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 2, SA_TYPE_ACCESS_REQUEST, G_TYPE_NOTIFICATION);

  /**
   * SaAccessRequestMonitor::updated:
   * @self: the monitor
   * @requests: (transfer none): a #GListModel of #SaAccessRequest
   *
   * Emitted after each successful check with the list the server gave.
   */
  signals[UPDATED] = g_signal_new ("updated",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_LIST_MODEL);
}

static void
sa_access_request_monitor_init (SaAccessRequestMonitor *self)
{
  self->cancellable = g_cancellable_new ();
  self->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->interval_ms = SA_ACCESS_REQUEST_MONITOR_DEFAULT_INTERVAL_MS;
  self->max_interval_ms = SA_ACCESS_REQUEST_MONITOR_DEFAULT_MAX_INTERVAL_MS;
  self->current_interval_ms = self->interval_ms;
}

/**
 * sa_access_request_monitor_new:
 * @client: a signed-in #SaClient
 * @network_monitor: (nullable): the network monitor to follow, or %NULL for
 *   g_network_monitor_get_default()
 *
 * Creates a monitor of the user's access requests. It does nothing until
 * sa_access_request_monitor_check_now() or sa_access_request_monitor_feed().
 *
 * Returns: (transfer full): the new monitor
 */
SaAccessRequestMonitor *
sa_access_request_monitor_new (SaClient        *client,
                               GNetworkMonitor *network_monitor)
{
  g_return_val_if_fail (SA_IS_CLIENT (client), NULL);
  g_return_val_if_fail (network_monitor == NULL || G_IS_NETWORK_MONITOR (network_monitor), NULL);

  return g_object_new (SA_TYPE_ACCESS_REQUEST_MONITOR,
                       "client", client,
                       "network-monitor", network_monitor,
                       NULL);
}

/**
 * sa_access_request_monitor_set_interval:
 * @self: a #SaAccessRequestMonitor
 * @interval_ms: milliseconds between two checks while a request is pending
 *   (e.g. 60000 in Live mode, 15000 in training; tests use a few ms)
 *
 * Sets how often pending requests are checked; resets any back-off.
 */
void
sa_access_request_monitor_set_interval (SaAccessRequestMonitor *self,
                                        guint                   interval_ms)
{
  g_return_if_fail (SA_IS_ACCESS_REQUEST_MONITOR (self));
  g_return_if_fail (interval_ms > 0);

  if (self->interval_ms == interval_ms)
    return;

  self->interval_ms = interval_ms;
  self->current_interval_ms = interval_ms;
  if (self->timeout_id != 0)
    schedule (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL]);
}

/**
 * sa_access_request_monitor_get_current_interval:
 * @self: a #SaAccessRequestMonitor
 *
 * For tests (sa-access-request-monitor-private.h).
 *
 * Returns: the wait before the next check, in milliseconds: the interval, or
 *   more after errors (back-off)
 */
guint
sa_access_request_monitor_get_current_interval (SaAccessRequestMonitor *self)
{
  g_return_val_if_fail (SA_IS_ACCESS_REQUEST_MONITOR (self), 0);

  return self->current_interval_ms;
}

/**
 * sa_access_request_monitor_get_scheduled:
 * @self: a #SaAccessRequestMonitor
 *
 * For tests (sa-access-request-monitor-private.h).
 *
 * Returns: %TRUE when a next check is planned
 */
gboolean
sa_access_request_monitor_get_scheduled (SaAccessRequestMonitor *self)
{
  g_return_val_if_fail (SA_IS_ACCESS_REQUEST_MONITOR (self), FALSE);

  return self->timeout_id != 0;
}

/**
 * sa_access_request_monitor_get_n_pending:
 * @self: a #SaAccessRequestMonitor
 *
 * For tests (sa-access-request-monitor-private.h); the monitor uses it to stop
 * checking when nothing is pending.
 *
 * Returns: how many of the requests last seen are Pending
 */
guint
sa_access_request_monitor_get_n_pending (SaAccessRequestMonitor *self)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_return_val_if_fail (SA_IS_ACCESS_REQUEST_MONITOR (self), 0);

  g_hash_table_iter_init (&iter, self->known);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (GPOINTER_TO_INT (value) == SA_ACCESS_REQUEST_STATUS_PENDING)
      n++;

  return n;
}

/**
 * sa_access_request_monitor_check_now:
 * @self: a #SaAccessRequestMonitor
 *
 * Lists the access requests at once (unless offline or already asking), then
 * goes on checking while one is pending. Also restarts a stopped monitor.
 * For tests (sa-access-request-monitor-private.h): the app starts the checks
 * with sa_access_request_monitor_feed().
 */
void
sa_access_request_monitor_check_now (SaAccessRequestMonitor *self)
{
  g_return_if_fail (SA_IS_ACCESS_REQUEST_MONITOR (self));

  self->stopped = FALSE;
  poll_now (self);
}

/**
 * sa_access_request_monitor_stop:
 * @self: a #SaAccessRequestMonitor
 *
 * Stops checking (sign-out, window closed) and cancels a check under way.
 */
void
sa_access_request_monitor_stop (SaAccessRequestMonitor *self)
{
  g_return_if_fail (SA_IS_ACCESS_REQUEST_MONITOR (self));

  self->stopped = TRUE;
  unschedule (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->in_flight = FALSE;
}

static void
notify_decision (SaAccessRequestMonitor *self,
                 SaAccessRequest        *request)
{
  g_autoptr(GNotification) notification = build_notification (request);
  GApplication *application = g_application_get_default ();

  g_signal_emit (self, signals[DECISION], 0, request, notification);

  if (application != NULL && g_application_get_is_registered (application))
    {
      g_autofree char *id = g_strdup_printf ("access-request-%s", sa_access_request_get_id (request));

      g_application_send_notification (application, id, notification);
    }
}

/**
 * sa_access_request_monitor_feed:
 * @self: a #SaAccessRequestMonitor
 * @requests: a #GListModel of #SaAccessRequest, as the server listed them
 *
 * Compares @requests with what the monitor saw before: each request that was
 * Pending and is now Approved or Denied gives a #SaAccessRequestMonitor::decision
 * and a desktop notification. The Access requests view feeds each list it
 * loads, so the monitor knows of a request as soon as it is sent. Starts the
 * periodic checks when a request is pending.
 */
void
sa_access_request_monitor_feed (SaAccessRequestMonitor *self,
                                GListModel             *requests)
{
  g_autoptr(GPtrArray) decided = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (SA_IS_ACCESS_REQUEST_MONITOR (self));
  g_return_if_fail (G_IS_LIST_MODEL (requests));

  for (guint i = 0; i < g_list_model_get_n_items (requests); i++)
    {
      g_autoptr(SaAccessRequest) request = g_list_model_get_item (requests, i);
      const char *id = sa_access_request_get_id (request);
      SaAccessRequestStatus status = sa_access_request_get_status (request);
      gpointer old;

      if (id == NULL)
        continue;

      if (g_hash_table_lookup_extended (self->known, id, NULL, &old) &&
          GPOINTER_TO_INT (old) == SA_ACCESS_REQUEST_STATUS_PENDING &&
          status != SA_ACCESS_REQUEST_STATUS_PENDING)
        g_ptr_array_add (decided, g_object_ref (request));

      g_hash_table_insert (self->known, g_strdup (id), GINT_TO_POINTER (status));
    }

  self->listed = TRUE;

  g_object_ref (self);
  for (guint i = 0; i < decided->len && !self->stopped; i++)
    notify_decision (self, g_ptr_array_index (decided, i));

  if (self->timeout_id == 0)
    schedule (self);
  g_object_unref (self);
}

/* The desktop notification telling the user the administrators' answer (the
 * portal tells it by e-mail; see the note of step 8), naming the Smart
 * Account. Its default action is app.show-access-requests. */
static GNotification *
build_notification (SaAccessRequest *request)
{
  SaSmartAccount *account;
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *body = NULL;
  const char *name = "";
  const char *domain = "";

  g_return_val_if_fail (SA_IS_ACCESS_REQUEST (request), NULL);

  account = sa_access_request_get_smart_account (request);
  if (account != NULL)
    {
      name = sa_smart_account_get_name (account) ? sa_smart_account_get_name (account) : "";
      domain = sa_smart_account_get_domain (account) ? sa_smart_account_get_domain (account) : "";
    }

  if (sa_access_request_get_status (request) == SA_ACCESS_REQUEST_STATUS_APPROVED)
    {
      notification = g_notification_new (_("Access Request Approved"));
      /* Translators: desktop notification; %1$s is a Smart Account name, %2$s its domain */
      body = g_strdup_printf (_("You now have access to the Smart Account “%1$s” (%2$s). "
                                "It appears in your Smart Account searches."),
                              name, domain);
    }
  else
    {
      notification = g_notification_new (_("Access Request Denied"));
      /* Translators: desktop notification; %1$s is a Smart Account name, %2$s its domain */
      body = g_strdup_printf (_("The administrators of the Smart Account “%1$s” (%2$s) "
                                "turned down your access request."),
                              name, domain);
    }

  g_notification_set_body (notification, body);
  g_notification_set_default_action (notification, "app.show-access-requests");
  g_notification_add_button (notification, _("Your Access Requests"), "app.show-access-requests");

  return g_steal_pointer (&notification);
}
