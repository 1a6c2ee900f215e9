/* sa-access-requests-reminders.c — when Your Access Requests offers "Send a
 * reminder"
 *
 * The troubleshooting part of "How to request access to an existing Smart
 * Account": the user may remind the Smart Account's administrators of a
 * pending request. A row offers "Send a reminder" only when one is allowed:
 *  - not in the first minutes after sending (the administrators have just
 *    been told; issue 11): the row says from when
 *    (%SA_ACCESS_REQUESTS_REMINDER_GRACE after the request's date), and the
 *    button appears when the time comes — one timer, set for the earliest
 *    such moment, no polling;
 *  - not within 24 hours of the last reminder (the server's rule, its
 *    `nextReminderDate` or REMINDER_TOO_SOON answer): the row says when.
 * Dates are compared with the server's clock: with a practice server, its
 * clock (GET /sandbox/clock), which a trainer moves; otherwise this
 * computer's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sa-access-request-row.h"
#include "sa-access-requests-view-private.h"

/* "Now" by the server's clock: this computer's, moved by the offset read
 * from the practice server (the sandbox clock, which a trainer moves). */
static GDateTime *
dup_server_now (SaAccessRequestsView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_add (now, self->clock_offset);
}

/* For a request just sent (pending, never reminded), when its first
 * reminder becomes possible; NULL when it is at @now already. */
static GDateTime *
dup_reminder_from (SaAccessRequestsView *self,
                   SaAccessRequest      *request,
                   GDateTime            *now)
{
  GDateTime *created = sa_access_request_get_created_date (request);
  g_autoptr(GDateTime) from = NULL;

  if (sa_access_request_get_status (request) != SA_ACCESS_REQUEST_STATUS_PENDING ||
      created == NULL || sa_access_request_get_last_reminder_date (request) != NULL)
    return NULL;

  from = g_date_time_add (created, self->reminder_grace);
  if (g_date_time_compare (from, now) <= 0)
    return NULL;

  return g_steal_pointer (&from);
}

/* When the next reminder is allowed, or NULL when one is allowed now. */
static GDateTime *
get_next_reminder (SaAccessRequestsView *self,
                   SaAccessRequest      *request,
                   GDateTime            *now)
{
  GDateTime *override = g_hash_table_lookup (self->next_reminder, sa_access_request_get_id (request));
  GDateTime *next = sa_access_request_get_next_reminder_date (request);

  if (override != NULL && g_date_time_compare (override, now) > 0 &&
      (next == NULL || g_date_time_compare (override, next) > 0))
    return override;

  if (!sa_access_request_can_remind (request, now))
    return next;

  return NULL;
}

/**
 * sa_access_requests_view_create_row:
 * @item: an #SaAccessRequest
 * @user_data: the #SaAccessRequestsView
 *
 * The list-item factory of Your Access Requests: one template row per
 * request, with when its next reminder is possible (or, for a request just
 * sent, from when its first one is) and whether an action on it is under
 * way.
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
sa_access_requests_view_create_row (gpointer item,
                                    gpointer user_data)
{
  SaAccessRequestsView *self = SA_ACCESS_REQUESTS_VIEW (user_data);
  SaAccessRequest *request = SA_ACCESS_REQUEST (item);
  g_autoptr(GDateTime) now = dup_server_now (self);
  GDateTime *next = get_next_reminder (self, request, now);
  g_autoptr(GDateTime) from = next == NULL ? dup_reminder_from (self, request, now) : NULL;

  return sa_access_request_row_new (request, self->training, next, from,
                                    g_hash_table_contains (self->busy, sa_access_request_get_id (request)));
}

/* The rows of requests just sent, brought up to date with the server's
 * clock: the ones whose first minutes are over offer "Send a reminder". */
static void
update_reminders (SaAccessRequestsView *self)
{
  g_autoptr(GDateTime) now = dup_server_now (self);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    {
      SaAccessRequest *request;
      g_autoptr(GDateTime) from = NULL;

      if (!SA_IS_ACCESS_REQUEST_ROW (row))
        continue;
      request = sa_access_request_row_get_request (SA_ACCESS_REQUEST_ROW (row));
      if (get_next_reminder (self, request, now) == NULL)
        from = dup_reminder_from (self, request, now);
      sa_access_request_row_set_reminder_from (SA_ACCESS_REQUEST_ROW (row), from);
    }

  sa_access_requests_view_schedule_reminders (self);
}

static gboolean
reminders_timeout_cb (gpointer user_data)
{
  SaAccessRequestsView *self = SA_ACCESS_REQUESTS_VIEW (user_data);

  self->grace_timeout_id = 0;
  update_reminders (self);

  return G_SOURCE_REMOVE;
}

/**
 * sa_access_requests_view_schedule_reminders:
 * @self: a #SaAccessRequestsView
 *
 * Sets the one timer, for the earliest moment a request just sent may be
 * reminded (the rows then offer "Send a reminder"); none when no request
 * waits for it. Call it whenever the rows were built anew.
 */
void
sa_access_requests_view_schedule_reminders (SaAccessRequestsView *self)
{
  g_autoptr(GDateTime) now = dup_server_now (self);
  GTimeSpan earliest = -1;

  g_clear_handle_id (&self->grace_timeout_id, g_source_remove);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->requests)); i++)
    {
      g_autoptr(SaAccessRequest) request = g_list_model_get_item (G_LIST_MODEL (self->requests), i);
      g_autoptr(GDateTime) from = dup_reminder_from (self, request, now);

      if (from != NULL)
        {
          GTimeSpan wait = g_date_time_difference (from, now);

          if (earliest < 0 || wait < earliest)
            earliest = wait;
        }
    }

  /* A little after the moment, so that it has passed when the timer runs. */
  if (earliest >= 0)
    self->grace_timeout_id = g_timeout_add_full (G_PRIORITY_DEFAULT,
                                                 (guint) MIN (earliest / 1000 + 200, G_MAXUINT),
                                                 reminders_timeout_cb, self, NULL);
}

static void
clock_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaAccessRequestsView *self;
  g_autoptr(GDateTime) server_now = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  GTimeSpan offset;

  server_now = sa_desk_client_sandbox_get_clock_finish (SA_DESK_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_ACCESS_REQUESTS_VIEW (user_data);
  if (server_now == NULL)
    {
      /* Not a practice server after all: this computer's clock. */
      g_debug ("Reading the practice clock failed: %s", error->message);
      return;
    }

  now = g_date_time_new_now_utc ();
  offset = g_date_time_difference (server_now, now);
  /* Within a minute, the same clock: the answer took its time (a busy
   * computer), and a trainer moves the practice clock by days. */
  if (ABS (offset) < G_TIME_SPAN_MINUTE)
    offset = 0;

  if (offset != self->clock_offset && self->loaded)
    {
      /* The clock was moved: every row is compared with it again. */
      self->clock_offset = offset;
      sa_access_requests_view_show_requests (self, G_LIST_MODEL (self->requests));
    }
  else
    {
      self->clock_offset = offset;
      update_reminders (self);
    }
}

/**
 * sa_access_requests_view_read_clock:
 * @self: a #SaAccessRequestsView
 *
 * Reads the practice server's clock (GET /sandbox/clock), which a trainer
 * moves days at a time: request dates are compared with it from then on,
 * and the rows are brought up to date. Does nothing with another back end
 * (this computer's clock is the server's).
 */
void
sa_access_requests_view_read_clock (SaAccessRequestsView *self)
{
  if (!SA_IS_DESK_CLIENT (self->client) ||
      (sa_client_get_features (self->client) & SA_CLIENT_FEATURE_TRAINING_CONTROLS) == 0)
    return;

  sa_desk_client_sandbox_get_clock_async (SA_DESK_CLIENT (self->client), self->cancellable, clock_cb, self);
}

/**
 * sa_access_requests_view_set_reminder_grace:
 * @self: a #SaAccessRequestsView
 * @grace: how long after sending a request offers no reminder, in
 *   microseconds (10 minutes unless set)
 *
 * For the tests: a grace period that ends within seconds shows the timer at
 * work ("Send a reminder" appears when the time comes, nothing reloaded).
 */
void
sa_access_requests_view_set_reminder_grace (SaAccessRequestsView *self,
                                            GTimeSpan             grace)
{
  g_return_if_fail (SA_IS_ACCESS_REQUESTS_VIEW (self));
  g_return_if_fail (grace >= 0);

  self->reminder_grace = grace;
  update_reminders (self);
}
