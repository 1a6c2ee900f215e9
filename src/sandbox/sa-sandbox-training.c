/* sa-sandbox-training.c — the trainer's controls of a user's copy of the
 * data: POST /sandbox/reset and the sandbox clock (GET and POST
 * /sandbox/clock)
 *
 * The controls that act on one resource sit with it: ship an order
 * (sa-sandbox-orders.c), accept an account request
 * (sa-sandbox-account-requests.c), decide an access request
 * (sa-sandbox-access-requests.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sa-sandbox-cisco-private.h"

#include <string.h>

#define SA_SANDBOX_MAX_ADVANCE_DAYS 3650

/* POST /sandbox/reset: the caller's data back to the training data, and no
 * Cisco faults queued (the Cisco request log stays). */
static void
reset (SaSandboxRequest *request)
{
  g_autoptr(GError) error = NULL;

  if (!sa_sandbox_db_load_training_data (request->db, request->caller->tenant, NULL, NULL, NULL, &error))
    {
      sa_sandbox_respond_gerror (request->msg, error);
      return;
    }

  sa_sandbox_cisco_clear_faults (request->server, request->caller->username);
  sa_sandbox_respond_ok (request->msg);
}

static void
respond_clock (SoupServerMessage *msg,
               gint64             now)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  sa_sandbox_json_add_date (builder, "now", FALSE, now);
  json_builder_end_object (builder);
  sa_sandbox_respond_builder (msg, SOUP_STATUS_OK, builder, NULL);
}

/* GET /sandbox/clock */
static void
get_clock (SaSandboxRequest *request)
{
  respond_clock (request->msg, request->now);
}

/* The new "now" of {"advanceDays": N} or {"now": "ISO 8601"}; FALSE when a
 * 400 or 422 was sent. */
static gboolean
parse_clock_body (SoupServerMessage *msg,
                  JsonObject        *object,
                  gint64             now,
                  gint64            *target)
{
  g_autoptr(SaSandboxFieldErrors) errors = sa_sandbox_field_errors_new ();
  JsonNode *advance = json_object_get_member (object, "advanceDays");
  JsonNode *at = json_object_get_member (object, "now");

  if ((advance == NULL) == (at == NULL))
    {
      sa_sandbox_respond_invalid (msg, NULL, "Give either advanceDays or now");
      return FALSE;
    }
  if (advance != NULL && json_node_get_value_type (advance) != G_TYPE_INT64)
    {
      sa_sandbox_respond_invalid (msg, "advanceDays", "advanceDays must be a whole number");
      return FALSE;
    }
  if (at != NULL && json_node_get_value_type (at) != G_TYPE_STRING)
    {
      sa_sandbox_respond_invalid (msg, "now", "now must be an ISO 8601 date and time");
      return FALSE;
    }

  if (advance != NULL)
    {
      gint64 days = json_node_get_int (advance);

      if (days < 0 || days > SA_SANDBOX_MAX_ADVANCE_DAYS)
        sa_sandbox_field_errors_add (errors, "advanceDays", "advanceDays is a number of days from 0 to 3650");
      else
        *target = now + days * SA_SANDBOX_DAY;
    }
  else
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) dt = NULL;

      if (strlen (json_node_get_string (at)) <= 64)
        dt = g_date_time_new_from_iso8601 (json_node_get_string (at), utc);
      if (dt == NULL || g_date_time_get_year (dt) < 2000 || g_date_time_get_year (dt) > 9000)
        sa_sandbox_field_errors_add (errors, "now", "now must be an ISO 8601 date and time (years 2000 to 9000)");
      else
        *target = g_date_time_to_unix (dt);
    }

  return !sa_sandbox_respond_field_errors (msg, errors);
}

/* POST /sandbox/clock: moves the caller's clock, and expires (or revives)
 * account requests by it. */
static void
set_clock (SaSandboxRequest *request)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  gint64 target = request->now;

  root = sa_sandbox_parse_body_object (request->msg);
  if (root == NULL ||
      !parse_clock_body (request->msg, json_node_get_object (root), request->now, &target))
    return;

  if (!sa_sandbox_db_set_clock (request->db, request->caller->tenant, target, &error) ||
      !sa_sandbox_account_requests_settle (request->db, request->caller->tenant, target, &error))
    {
      sa_sandbox_respond_gerror (request->msg, error);
      return;
    }

  respond_clock (request->msg, target);
}

static const SaSandboxRoute routes[] = {
  { "POST", "/sandbox/reset", reset, SA_SANDBOX_SIGNED_IN },
  { "GET", "/sandbox/clock", get_clock, SA_SANDBOX_SIGNED_IN },
  { "POST", "/sandbox/clock", set_clock, SA_SANDBOX_SIGNED_IN },
};

const SaSandboxRouteTable sa_sandbox_training_routes = SA_SANDBOX_ROUTE_TABLE (routes);
