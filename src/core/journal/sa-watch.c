/* sa-watch.c — follows the journal's open hand-offs until each has happened
 *
 * The watch works in rounds. A round lists the open hand-offs from the
 * journal (so a restart, or a hand-off the UI just added, is simply picked
 * up), keeps those due — never checked, or checked at least one interval ago
 * (four intervals for hand-offs older than 7 days) — least recently checked
 * first, and checks them one after the other (sa-watch-rules.c) until the
 * round has started its share of back-end calls. Each check is kept in the
 * journal before its signals are emitted, so that each signal is given once
 * across restarts.
 *
 * Between rounds it waits the interval; after a network, server or rate-limit
 * error it stops the round and waits twice as long each time (up to the
 * longest wait), and never less than a server asked. With nothing open there
 * is no timer at all: the journal's "changed" signal wakes it. While
 * GNetworkMonitor says offline it is paused, unless the server is on this
 * computer (Cisco (practice)).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sa-error-private.h"
#include "sa-watch-private.h"

/* Hand-offs older than this are checked four times less often. */
#define SLOW_AFTER_DAYS 7

G_DEFINE_FINAL_TYPE (SaWatch, sa_watch, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_JOURNAL,
  PROP_NETWORK_MONITOR,
  PROP_INTERVAL,
  PROP_MAX_INTERVAL,
  PROP_MAX_CALLS,
  PROP_PAUSED,
  N_PROPS
};

enum {
  UPDATED,
  CONFIRMED,
  ACCOUNT_ACTIVE,
  LANDED_ELSEWHERE,
  TRANSFER_READY,
  EXPIRY_NEAR,
  EXPIRED,
  SUGGEST_REMINDER,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void start_round (SaWatch  *self,
                         gboolean  forced);
static void next_entry  (SaWatch  *self);

/* ------------------------------------------------------------------------ */
/* Clock and schedule */

/**
 * sa_watch_dup_now:
 * @self: an #SaWatch
 *
 * Returns: (transfer full): the time the watch's rules count from: the
 *   tests' clock when set (sa_watch_set_now()), otherwise now, in UTC
 */
GDateTime *
sa_watch_dup_now (SaWatch *self)
{
  if (self->now != NULL)
    return g_date_time_ref (self->now);
  return g_date_time_new_now_utc ();
}

static void
unschedule (SaWatch *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
}

static gboolean
on_timeout (gpointer user_data)
{
  SaWatch *self = SA_WATCH (user_data);

  self->timeout_id = 0;
  start_round (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
schedule (SaWatch *self)
{
  gint64 wait_ms;
  gint64 now;

  unschedule (self);

  /* Nothing open: nothing can change by itself; "changed" wakes us. */
  if (!self->started || self->paused || self->in_round || self->n_open == 0)
    return;

  wait_ms = self->current_interval_ms;
  now = g_get_monotonic_time ();
  if (self->not_before > now)
    wait_ms = MAX (wait_ms, (self->not_before - now + 999) / 1000);

  self->timeout_id = g_timeout_add ((guint) MIN (wait_ms, (gint64) G_MAXUINT), on_timeout, self);
  g_source_set_name_by_id (self->timeout_id, "[sa] hand-off watch");
}

/* Whether @hand_off's last check is old enough for another. */
static gboolean
is_due (SaWatch   *self,
        SaHandOff *hand_off,
        GDateTime *now)
{
  GDateTime *last = sa_hand_off_get_last_checked (hand_off);
  GDateTime *since = sa_hand_off_get_handed_off (hand_off);
  gint64 spacing_us = (gint64) self->interval_ms * 1000;

  if (last == NULL)
    return TRUE;

  if (since != NULL && g_date_time_difference (now, since) > SLOW_AFTER_DAYS * G_TIME_SPAN_DAY)
    spacing_us *= 4;

  /* A tenth of slack: timers and checks take their time. */
  return g_date_time_difference (now, last) >= spacing_us - spacing_us / 10;
}

static int
compare_last_checked (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  GDateTime *x = sa_hand_off_get_last_checked ((SaHandOff *) a);
  GDateTime *y = sa_hand_off_get_last_checked ((SaHandOff *) b);
  gint64 i = sa_hand_off_get_id ((SaHandOff *) a);
  gint64 j = sa_hand_off_get_id ((SaHandOff *) b);
  int order;

  /* Never checked first, then the oldest check; ties in journal order. */
  if (x == NULL || y == NULL)
    order = (x != NULL) - (y != NULL);
  else
    order = g_date_time_compare (x, y);
  return order != 0 ? order : (i > j) - (i < j);
}

/* ------------------------------------------------------------------------ */
/* Rounds */

static void
clear_round (SaWatch *self)
{
  g_queue_clear_full (&self->queue, g_object_unref);
  g_clear_object (&self->round_accounts);
  g_hash_table_remove_all (self->round_searches);
}

/* The time a server asked to wait, as a monotonic deadline. */
static void
note_retry_after (SaWatch      *self,
                  const GError *error)
{
  GDateTime *next = NULL;
  g_autoptr(GDateTime) now = NULL;
  GTimeSpan wait;

  if (g_error_matches (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_REMINDER_TOO_SOON))
    next = sa_client_error_get_next_reminder (error);
  if (next == NULL)
    return;

  now = g_date_time_new_now_utc ();
  wait = g_date_time_difference (next, now);
  if (wait > 0)
    self->not_before = MAX (self->not_before, g_get_monotonic_time () + wait);
}

static void
end_round (SaWatch      *self,
           const GError *error)
{
  self->in_round = FALSE;
  clear_round (self);

  if (error == NULL)
    self->current_interval_ms = self->interval_ms;
  else
    {
      g_debug ("Watch: round stopped (%s); waiting longer", error->message);
      self->current_interval_ms = sa_network_gate_back_off (self->current_interval_ms,
                                                            self->max_interval_ms);
      note_retry_after (self, error);
    }

  if (self->force_pending)
    {
      self->force_pending = FALSE;
      start_round (self, TRUE);
      return;
    }

  schedule (self);
}

static void
emit_for (SaWatch      *self,
          SaWatchCheck *check)
{
  g_autoptr(GListModel) empty = G_LIST_MODEL (g_list_store_new (SA_TYPE_LICENSE));
  GListModel *licenses = check->licenses != NULL ? check->licenses : empty;
  SaHandOff *hand_off = check->hand_off;

  g_signal_emit (self, signals[UPDATED], 0, hand_off);
  if (check->fire & SA_HAND_OFF_NOTICE_ACCOUNT_ACTIVE)
    g_signal_emit (self, signals[ACCOUNT_ACTIVE], 0, hand_off);
  if (check->fire & SA_HAND_OFF_NOTICE_CONFIRMED)
    g_signal_emit (self, signals[CONFIRMED], 0, hand_off);
  if (check->fire & SA_HAND_OFF_NOTICE_LANDED_ELSEWHERE)
    g_signal_emit (self, signals[LANDED_ELSEWHERE], 0, hand_off, licenses);
  if (check->fire & SA_HAND_OFF_NOTICE_TRANSFER_READY)
    g_signal_emit (self, signals[TRANSFER_READY], 0, hand_off, licenses);
  if (check->fire & (SA_HAND_OFF_NOTICE_14_DAYS_LEFT | SA_HAND_OFF_NOTICE_3_DAYS_LEFT))
    g_signal_emit (self, signals[EXPIRY_NEAR], 0, hand_off, check->days_left);
  if (check->fire & SA_HAND_OFF_NOTICE_EXPIRED)
    g_signal_emit (self, signals[EXPIRED], 0, hand_off);
  if (check->fire & SA_HAND_OFF_NOTICE_REMINDER)
    g_signal_emit (self, signals[SUGGEST_REMINDER], 0, hand_off);
}

static void
on_kept (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SaWatchCheck) check = user_data;
  SaWatch *self = check->watch;
  g_autoptr(GError) error = NULL;

  if (!sa_journal_update_finish (SA_JOURNAL (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Removed by the user meanwhile: nothing to announce. */
      if (g_error_matches (error, SA_JOURNAL_ERROR, SA_JOURNAL_ERROR_NOT_FOUND))
        {
          self->n_open -= self->n_open > 0;
          next_entry (self);
          return;
        }
      /* Announced anyway: the user should know; a restart may repeat it. */
      g_debug ("Watch: could not keep what was seen: %s", error->message);
    }

  /* Closed (confirmed, landed elsewhere, expired): one fewer to follow. */
  if (!sa_hand_off_is_open (check->hand_off))
    self->n_open -= self->n_open > 0;

  g_object_ref (self);
  emit_for (self, check);
  next_entry (self);
  g_object_unref (self);
}

static void
on_checked (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  SaWatch *self = SA_WATCH (object);
  g_autoptr(SaWatchCheck) check = NULL;
  g_autoptr(GError) error = NULL;
  SaHandOff *hand_off;

  check = sa_watch_check_finish (self, result, &error);
  if (check == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->in_round)
        end_round (self, error);
      return;
    }

  if (!self->in_round)
    return;

  hand_off = check->hand_off;
  sa_hand_off_set_last_checked (hand_off, check->now);
  sa_journal_update_async (self->journal, hand_off, self->cancellable, on_kept, g_steal_pointer (&check));
}

static void
next_entry (SaWatch *self)
{
  g_autoptr(SaHandOff) hand_off = NULL;

  if (!self->in_round)
    return;

  if (g_queue_is_empty (&self->queue) || self->calls_this_round >= self->max_calls)
    {
      end_round (self, NULL);
      return;
    }

  hand_off = g_queue_pop_head (&self->queue);
  sa_watch_check_async (self, hand_off, on_checked, NULL);
}

static void
on_open_listed (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  SaWatch *self;
  g_autoptr(GListModel) open = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;

  open = sa_journal_list_finish (SA_JOURNAL (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_WATCH (user_data);
  if (open == NULL)
    {
      end_round (self, error);
      return;
    }

  now = sa_watch_dup_now (self);
  self->n_open = g_list_model_get_n_items (open);
  for (guint i = 0; i < self->n_open; i++)
    {
      g_autoptr(SaHandOff) hand_off = g_list_model_get_item (open, i);
      gint64 id = sa_hand_off_get_id (hand_off);

      if (g_hash_table_contains (self->busy, &id))
        continue;
      if (self->round_forced || is_due (self, hand_off, now))
        g_queue_insert_sorted (&self->queue, g_steal_pointer (&hand_off), compare_last_checked, NULL);
    }

  next_entry (self);
}

static void
start_round (SaWatch  *self,
             gboolean  forced)
{
  if (!self->started || self->paused)
    return;

  if (self->in_round)
    {
      self->force_pending |= forced;
      return;
    }

  if (!forced && g_get_monotonic_time () < self->not_before)
    {
      schedule (self);
      return;
    }

  unschedule (self);
  self->in_round = TRUE;
  self->round_forced = forced;
  self->calls_this_round = 0;
  clear_round (self);
  sa_journal_list_open_async (self->journal, self->cancellable, on_open_listed, self);
}

/* ------------------------------------------------------------------------ */
/* Network and journal */

static void
update_paused (SaWatch *self)
{
  gboolean paused = sa_network_gate_is_closed (&self->network);

  if (paused == self->paused)
    return;

  self->paused = paused;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);

  if (paused)
    {
      g_debug ("Watch: offline, paused");
      unschedule (self);
    }
  else
    {
      g_debug ("Watch: back online");
      self->current_interval_ms = self->interval_ms;
      start_round (self, FALSE);
    }
}

static void
on_network_changed (GNetworkMonitor *monitor,
                    gboolean         available,
                    SaWatch         *self)
{
  update_paused (self);
}

static void
on_journal_changed (SaJournal *journal,
                    gint64     id,
                    SaWatch   *self)
{
  /* A hand-off added or handed off: the next round comes one interval
   * later (never at once: the portal needs time anyway). */
  if (self->started && !self->in_round && self->timeout_id == 0)
    {
      self->n_open = MAX (self->n_open, 1);
      schedule (self);
    }
}

/* ------------------------------------------------------------------------ */
/* The object */

static void
sa_watch_constructed (GObject *object)
{
  SaWatch *self = SA_WATCH (object);

  G_OBJECT_CLASS (sa_watch_parent_class)->constructed (object);

  g_assert (SA_IS_CLIENT (self->client));
  g_assert (SA_IS_JOURNAL (self->journal));

  sa_network_gate_follow (&self->network, self->client, G_CALLBACK (on_network_changed), self);
  self->journal_handler = g_signal_connect (self->journal, "changed",
                                            G_CALLBACK (on_journal_changed), self);
  self->paused = sa_network_gate_is_closed (&self->network);
}

static void
sa_watch_dispose (GObject *object)
{
  SaWatch *self = SA_WATCH (object);

  unschedule (self);
  g_cancellable_cancel (self->cancellable);
  clear_round (self);
  sa_network_gate_clear (&self->network);
  if (self->journal != NULL)
    g_clear_signal_handler (&self->journal_handler, self->journal);
  g_clear_object (&self->journal);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (sa_watch_parent_class)->dispose (object);
}

static void
sa_watch_finalize (GObject *object)
{
  SaWatch *self = SA_WATCH (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->round_searches, g_hash_table_unref);
  g_clear_pointer (&self->busy, g_hash_table_unref);

  G_OBJECT_CLASS (sa_watch_parent_class)->finalize (object);
}

static void
sa_watch_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SaWatch *self = SA_WATCH (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
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
    case PROP_MAX_CALLS:
      g_value_set_uint (value, self->max_calls);
      break;
    case PROP_PAUSED:
      g_value_set_boolean (value, self->paused);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_watch_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  SaWatch *self = SA_WATCH (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
      break;
    case PROP_NETWORK_MONITOR:
      self->network.monitor = g_value_dup_object (value);
      break;
    case PROP_INTERVAL:
      sa_watch_set_interval (self, g_value_get_uint (value));
      break;
    case PROP_MAX_INTERVAL:
      self->max_interval_ms = g_value_get_uint (value);
      self->current_interval_ms = MIN (self->current_interval_ms, self->max_interval_ms);
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_MAX_CALLS:
      self->max_calls = g_value_get_uint (value);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_watch_class_init (SaWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = sa_watch_constructed;
  object_class->dispose = sa_watch_dispose;
  object_class->finalize = sa_watch_finalize;
  object_class->get_property = sa_watch_get_property;
  object_class->set_property = sa_watch_set_property;

  properties[PROP_CLIENT] = g_param_spec_object ("client", NULL, NULL, SA_TYPE_CLIENT, construct);
  properties[PROP_JOURNAL] = g_param_spec_object ("journal", NULL, NULL, SA_TYPE_JOURNAL, construct);
  properties[PROP_NETWORK_MONITOR] =
    g_param_spec_object ("network-monitor", NULL, NULL, G_TYPE_NETWORK_MONITOR, construct);
  /* Milliseconds between rounds. */
  properties[PROP_INTERVAL] =
    g_param_spec_uint ("interval", NULL, NULL, 1, G_MAXUINT, SA_WATCH_DEFAULT_INTERVAL_MS, rw);
  /* Milliseconds: the longest wait after repeated errors. */
  properties[PROP_MAX_INTERVAL] =
    g_param_spec_uint ("max-interval", NULL, NULL, 1, G_MAXUINT, SA_WATCH_DEFAULT_MAX_INTERVAL_MS, rw);
  /* Back-end calls a round may start. */
  properties[PROP_MAX_CALLS] =
    g_param_spec_uint ("max-calls", NULL, NULL, 1, G_MAXUINT, SA_WATCH_DEFAULT_MAX_CALLS, rw);
  properties[PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SaWatch::updated:
   * @self: the watch
   * @hand_off: (transfer none): the hand-off, as now kept in the journal
   *
   * Emitted after each check of a hand-off and after a transfer (the views
   * refresh its entry), before the signals below.
   */
  signals[UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, SA_TYPE_HAND_OFF);
  /**
   * SaWatch::confirmed:
   * @self: the watch
   * @hand_off: (transfer none): the hand-off, now confirmed
   *
   * The reads show the change happened: the licenses arrived where they
   * were meant to (procedures 1, 2, a transfer), the requested Smart Account
   * is Active (procedure 3), the user has a role on the Smart Account
   * (procedure 4). Once per hand-off.
   */
  signals[CONFIRMED] = g_signal_new ("confirmed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, SA_TYPE_HAND_OFF);
  /**
   * SaWatch::account-active:
   * @self: the watch
   * @hand_off: (transfer none): an order's hand-off
   *
   * The Smart Account the order was assigned to was Pending and is now
   * Active: its licenses can now be provisioned. Once per hand-off.
   */
  signals[ACCOUNT_ACTIVE] = g_signal_new ("account-active", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, SA_TYPE_HAND_OFF);
  /**
   * SaWatch::landed-elsewhere:
   * @self: the watch
   * @hand_off: (transfer none): an order's hand-off
   * @licenses: (transfer none): a #GListModel of #SaLicense: where they are
   *   (sa_license_get_smart_account_domain(), sa_license_get_virtual_account())
   *
   * The order's licenses arrived, but in another Smart Account or Virtual
   * Account than the one prepared. Once per hand-off.
   */
  signals[LANDED_ELSEWHERE] = g_signal_new ("landed-elsewhere", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                            SA_TYPE_HAND_OFF, G_TYPE_LIST_MODEL);
  /**
   * SaWatch::transfer-ready:
   * @self: the watch
   * @hand_off: (transfer none): an order's hand-off whose intended Virtual
   *   Account has a double-byte name
   * @licenses: (transfer none): a #GListModel of #SaLicense now in DEFAULT
   *
   * The order's licenses are in DEFAULT: the UI asks the user to confirm the
   * transfer (licenses, quantities from sa_watch_plan_transfer(), both
   * Virtual Accounts), then calls sa_watch_transfer_async(). Once per
   * hand-off.
   */
  signals[TRANSFER_READY] = g_signal_new ("transfer-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                          SA_TYPE_HAND_OFF, G_TYPE_LIST_MODEL);
  /**
   * SaWatch::expiry-near:
   * @self: the watch
   * @hand_off: (transfer none): a Smart Account request
   * @days: 14 or 3
   *
   * The customer has not accepted the requested Smart Account and the
   * request expires in @days days or fewer: ask the customer to accept.
   * Once per threshold and hand-off (a late start gives only the nearer).
   */
  signals[EXPIRY_NEAR] = g_signal_new ("expiry-near", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 2, SA_TYPE_HAND_OFF, G_TYPE_UINT);
  /**
   * SaWatch::expired:
   * @self: the watch
   * @hand_off: (transfer none): a Smart Account request, now expired
   *
   * 90 days passed without the customer accepting: request it again. Once.
   */
  signals[EXPIRED] = g_signal_new ("expired", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, SA_TYPE_HAND_OFF);
  /**
   * SaWatch::suggest-reminder:
   * @self: the watch
   * @hand_off: (transfer none): an access request
   *
   * 7 days passed without access: suggest sending the administrators a
   * reminder from the portal's "Your Access Requests" page (Cisco publishes
   * no reminder API). Once.
   */
  signals[SUGGEST_REMINDER] = g_signal_new ("suggest-reminder", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 1, SA_TYPE_HAND_OFF);
}

static void
sa_watch_init (SaWatch *self)
{
  self->cancellable = g_cancellable_new ();
  g_queue_init (&self->queue);
  self->round_searches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->busy = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->interval_ms = SA_WATCH_DEFAULT_INTERVAL_MS;
  self->max_interval_ms = SA_WATCH_DEFAULT_MAX_INTERVAL_MS;
  self->current_interval_ms = self->interval_ms;
  self->max_calls = SA_WATCH_DEFAULT_MAX_CALLS;
}

/**
 * sa_watch_new:
 * @client: the back end to read through (signed in)
 * @journal: the journal whose open hand-offs to follow
 * @network_monitor: (nullable): the network monitor to follow, or %NULL for
 *   g_network_monitor_get_default()
 *
 * Creates the watch of the hand-offs handed to Cisco's portal. It does
 * nothing until sa_watch_start().
 *
 * Returns: (transfer full): a new #SaWatch
 */
SaWatch *
sa_watch_new (SaClient        *client,
              SaJournal       *journal,
              GNetworkMonitor *network_monitor)
{
  g_return_val_if_fail (SA_IS_CLIENT (client), NULL);
  g_return_val_if_fail (SA_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (network_monitor == NULL || G_IS_NETWORK_MONITOR (network_monitor), NULL);

  return g_object_new (SA_TYPE_WATCH,
                       "client", client,
                       "journal", journal,
                       "network-monitor", network_monitor,
                       NULL);
}

/**
 * sa_watch_start:
 * @self: an #SaWatch
 *
 * Starts (or resumes, after a restart or sa_watch_stop()) following the
 * journal's open hand-offs: a round at once for those due, then as needed.
 */
void
sa_watch_start (SaWatch *self)
{
  g_return_if_fail (SA_IS_WATCH (self));

  if (self->started)
    return;

  self->started = TRUE;
  self->current_interval_ms = self->interval_ms;
  start_round (self, FALSE);
}

/**
 * sa_watch_stop:
 * @self: an #SaWatch
 *
 * Stops following (sign-out, another connection) and cancels the reads under
 * way; what was already seen stays in the journal.
 */
void
sa_watch_stop (SaWatch *self)
{
  g_return_if_fail (SA_IS_WATCH (self));

  self->started = FALSE;
  self->in_round = FALSE;
  self->force_pending = FALSE;
  unschedule (self);
  clear_round (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}

/**
 * sa_watch_check_now:
 * @self: an #SaWatch
 *
 * "Check Now": a round at once for every open hand-off, due or not (after
 * the one under way, if any). Starts the watch if it was not.
 */
void
sa_watch_check_now (SaWatch *self)
{
  g_return_if_fail (SA_IS_WATCH (self));

  self->started = TRUE;
  start_round (self, TRUE);
}

/**
 * sa_watch_set_interval:
 * @self: an #SaWatch
 * @interval_ms: milliseconds between rounds (%SA_WATCH_DEFAULT_INTERVAL_MS
 *   with Cisco, %SA_WATCH_PRACTICE_INTERVAL_MS with Cisco (practice); tests
 *   use a few)
 *
 * Sets how often the open hand-offs are checked; resets any back-off.
 */
void
sa_watch_set_interval (SaWatch *self,
                       guint    interval_ms)
{
  g_return_if_fail (SA_IS_WATCH (self));
  g_return_if_fail (interval_ms > 0);

  if (self->interval_ms == interval_ms)
    return;

  self->interval_ms = interval_ms;
  self->current_interval_ms = interval_ms;
  if (self->timeout_id != 0)
    schedule (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL]);
}

/* ------------------------------------------------------------------------ */
/* For tests (sa-watch-private.h) */

/**
 * sa_watch_set_now:
 * @self: an #SaWatch
 * @now: (nullable): the time the rules count from (the 14/3-day warnings, the
 *   90-day expiry, the 7-day reminder, due checks), or %NULL for the real
 *   clock
 *
 * For tests only: a controllable clock.
 */
void
sa_watch_set_now (SaWatch   *self,
                  GDateTime *now)
{
  g_return_if_fail (SA_IS_WATCH (self));

  g_clear_pointer (&self->now, g_date_time_unref);
  if (now != NULL)
    self->now = g_date_time_ref (now);
}

/**
 * sa_watch_get_n_calls:
 * @self: an #SaWatch
 *
 * Returns: the back-end calls started since creation (tests check that
 *   nothing is read more often than needed)
 */
guint
sa_watch_get_n_calls (SaWatch *self)
{
  g_return_val_if_fail (SA_IS_WATCH (self), 0);
  return self->n_calls;
}

/**
 * sa_watch_get_current_interval:
 * @self: an #SaWatch
 *
 * Returns: the wait before the next round, in milliseconds (more after
 *   errors)
 */
guint
sa_watch_get_current_interval (SaWatch *self)
{
  g_return_val_if_fail (SA_IS_WATCH (self), 0);
  return self->current_interval_ms;
}

/**
 * sa_watch_get_scheduled:
 * @self: an #SaWatch
 *
 * Returns: %TRUE when a next round is planned
 */
gboolean
sa_watch_get_scheduled (SaWatch *self)
{
  g_return_val_if_fail (SA_IS_WATCH (self), FALSE);
  return self->timeout_id != 0;
}

/**
 * sa_watch_get_in_round:
 * @self: an #SaWatch
 *
 * Returns: %TRUE while a round is under way
 */
gboolean
sa_watch_get_in_round (SaWatch *self)
{
  g_return_val_if_fail (SA_IS_WATCH (self), FALSE);
  return self->in_round;
}
