/* sa-sandbox-cisco-faults.c — each user's Cisco gateway state and its
 * training controls: the faults queued, the token lifetime, the request log
 *
 * The state is the server's, in memory, per user (it lives as long as the
 * server runs; a removed trainee's goes with them). Controls (Desk API token,
 * docs/desk-api.md "Cisco faults"):
 * - GET /sandbox/cisco-faults: the faults queued and the token lifetime;
 * - POST /sandbox/cisco-faults: one more fault at the end of the queue;
 * - PUT /sandbox/cisco-faults: the whole state at once;
 * - DELETE /sandbox/cisco-faults: no faults, Cisco's token lifetime;
 * - GET and DELETE /sandbox/cisco-requests: the log of the user's last 200
 *   Cisco-shaped requests (never a secret: a token request's client_secret
 *   is hidden, and no header is kept).
 *
 * A request meets the first queued fault that applies to its API (the token
 * endpoint, the Smart Accounts & Licensing API, /v2/accounts, the CCW Order
 * API); that fault's count goes down by one, and it leaves the queue at 0.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sa-sandbox-cisco-private.h"

#include <string.h>

#define MAX_FAULTS        50
#define MAX_FAULT_COUNT   1000
#define MAX_RETRY_AFTER   3600    /* seconds */
#define MAX_DELAY_MS      30000
#define MAX_TOKEN_LIFE    86400   /* seconds */
#define MAX_LOG           200

typedef struct
{
  GArray *faults;          /* SaSandboxCiscoFault */
  guint   token_lifetime;  /* seconds */
  GQueue  log;             /* LogEntry (GRcBox) */
} CiscoUser;

typedef struct
{
  char   *method;
  char   *path;
  char   *query;
  char   *body;
  guint   status;          /* 0 until answered */
  gint64  received_at;     /* g_get_real_time() µs */
} LogEntry;

/* The name of each fault (the controls' "fault"), and where it applies. */
static const struct
{
  const char        *name;
  SaSandboxCiscoApi  apis;
} fault_kinds[SA_SANDBOX_CISCO_N_FAULTS] = {
  [SA_SANDBOX_CISCO_FAULT_INVALID_CLIENT] = { "invalid-client", SA_SANDBOX_CISCO_TOKEN },
  [SA_SANDBOX_CISCO_FAULT_ACCESS_NOT_APPROVED] = { "access-not-approved",
                                                   SA_SANDBOX_CISCO_LICENSING | SA_SANDBOX_CISCO_ORDER },
  [SA_SANDBOX_CISCO_FAULT_RATE_LIMITED] = { "rate-limited", SA_SANDBOX_CISCO_LICENSING | SA_SANDBOX_CISCO_ORDER },
  [SA_SANDBOX_CISCO_FAULT_HTML_403] = { "html-403", SA_SANDBOX_CISCO_LICENSING | SA_SANDBOX_CISCO_ORDER },
  [SA_SANDBOX_CISCO_FAULT_INVALID_TOKEN] = { "invalid-token", SA_SANDBOX_CISCO_LICENSING | SA_SANDBOX_CISCO_ORDER },
  [SA_SANDBOX_CISCO_FAULT_NO_ROLES] = { "no-roles", SA_SANDBOX_CISCO_ACCOUNT_ACCESS },
  [SA_SANDBOX_CISCO_FAULT_OSA001] = { "osa001", SA_SANDBOX_CISCO_ORDER },
  [SA_SANDBOX_CISCO_FAULT_NON_UTF8] = { "non-utf8", SA_SANDBOX_CISCO_LICENSING | SA_SANDBOX_CISCO_ORDER },
  [SA_SANDBOX_CISCO_FAULT_SLOW] = { "slow", SA_SANDBOX_CISCO_TOKEN | SA_SANDBOX_CISCO_LICENSING |
                                            SA_SANDBOX_CISCO_ORDER },
};

/* ------------------------------------------------------------------------ */
/* The state                                                                 */

static void
log_entry_clear (gpointer data)
{
  LogEntry *entry = data;

  g_free (entry->method);
  g_free (entry->path);
  g_free (entry->query);
  g_free (entry->body);
}

static void
log_entry_release (gpointer data)
{
  g_rc_box_release_full (data, log_entry_clear);
}

static void
log_entry_closure_notify (gpointer  data,
                          GClosure *closure)
{
  log_entry_release (data);
}

static void
clear_log (CiscoUser *user)
{
  g_queue_clear_full (&user->log, log_entry_release);
}

static void
cisco_user_free (gpointer data)
{
  CiscoUser *user = data;

  g_array_unref (user->faults);
  clear_log (user);
  g_free (user);
}

/**
 * sa_sandbox_cisco_users_free:
 * @users: (transfer full): the server's users' Cisco gateway states
 *
 * Frees them (the server's finalize).
 */
void
sa_sandbox_cisco_users_free (GHashTable *users)
{
  g_hash_table_unref (users);
}

/* @username's state; made when missing if @create, else NULL. */
static CiscoUser *
get_user (SaSandboxServer *server,
          const char      *username,
          gboolean         create)
{
  CiscoUser *user;

  if (server->cisco_users == NULL)
    server->cisco_users = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cisco_user_free);

  user = g_hash_table_lookup (server->cisco_users, username);
  if (user == NULL && create)
    {
      user = g_new0 (CiscoUser, 1);
      user->faults = g_array_new (FALSE, TRUE, sizeof (SaSandboxCiscoFault));
      user->token_lifetime = SA_SANDBOX_CISCO_TOKEN_LIFETIME;
      g_queue_init (&user->log);
      g_hash_table_insert (server->cisco_users, g_strdup (username), user);
    }

  return user;
}

/**
 * sa_sandbox_cisco_take_fault:
 * @server: the server
 * @username: the user making a Cisco-shaped request
 * @api: the API the request is for
 * @fault: (out caller-allocates): the fault it meets
 *
 * Takes the first fault queued for @username that applies to @api: its count
 * goes down by one (it leaves the queue at 0, unless it stays until cleared).
 *
 * Returns: %TRUE when the request meets a fault (*@fault set)
 */
gboolean
sa_sandbox_cisco_take_fault (SaSandboxServer     *server,
                             const char          *username,
                             SaSandboxCiscoApi    api,
                             SaSandboxCiscoFault *fault)
{
  CiscoUser *user = get_user (server, username, FALSE);
  guint i;

  for (i = 0; user != NULL && i < user->faults->len; i++)
    {
      SaSandboxCiscoFault *queued = &g_array_index (user->faults, SaSandboxCiscoFault, i);

      if ((fault_kinds[queued->kind].apis & api) == 0)
        continue;

      *fault = *queued;
      if (!queued->persistent && --queued->remaining == 0)
        g_array_remove_index (user->faults, i);
      return TRUE;
    }

  return FALSE;
}

/**
 * sa_sandbox_cisco_token_lifetime:
 * @server: the server
 * @username: a user
 *
 * Returns: the `expires_in` of the Cisco tokens issued to @username, in
 *   seconds: 3599 (Cisco's sample, CISCO-APIS.md §6.1) unless set by PUT
 *   /sandbox/cisco-faults
 */
guint
sa_sandbox_cisco_token_lifetime (SaSandboxServer *server,
                                 const char      *username)
{
  CiscoUser *user = get_user (server, username, FALSE);

  return user != NULL ? user->token_lifetime : SA_SANDBOX_CISCO_TOKEN_LIFETIME;
}

static void
on_finished (SoupServerMessage *msg,
             gpointer           data)
{
  LogEntry *entry = data;

  entry->status = soup_server_message_get_status (msg);
}

/**
 * sa_sandbox_cisco_log_request:
 * @server: the server
 * @username: the user making a Cisco-shaped request
 * @msg: the request
 * @body: (nullable): its body as it may be shown (no secret in it)
 *
 * Adds the request to @username's log (the last 200 are kept); its status is
 * noted once answered.
 */
void
sa_sandbox_cisco_log_request (SaSandboxServer   *server,
                              const char        *username,
                              SoupServerMessage *msg,
                              const char        *body)
{
  CiscoUser *user = get_user (server, username, TRUE);
  GUri *uri = soup_server_message_get_uri (msg);
  LogEntry *entry = g_rc_box_new0 (LogEntry);

  entry->method = g_strdup (soup_server_message_get_method (msg));
  entry->path = g_strdup (g_uri_get_path (uri));
  entry->query = g_strdup (g_uri_get_query (uri));
  entry->body = g_strdup (body);
  entry->received_at = g_get_real_time ();

  g_queue_push_tail (&user->log, entry);
  while (g_queue_get_length (&user->log) > MAX_LOG)
    log_entry_release (g_queue_pop_head (&user->log));

  g_signal_connect_data (msg, "finished", G_CALLBACK (on_finished), g_rc_box_acquire (entry),
                         log_entry_closure_notify, 0);
}

/**
 * sa_sandbox_cisco_clear_faults:
 * @server: the server
 * @username: a user
 *
 * No more faults for @username, and Cisco's token lifetime (POST
 * /sandbox/reset, DELETE /sandbox/cisco-faults). The log stays.
 */
void
sa_sandbox_cisco_clear_faults (SaSandboxServer *server,
                               const char      *username)
{
  CiscoUser *user = get_user (server, username, FALSE);

  if (user == NULL)
    return;
  g_array_set_size (user->faults, 0);
  user->token_lifetime = SA_SANDBOX_CISCO_TOKEN_LIFETIME;
}

/**
 * sa_sandbox_cisco_forget_user:
 * @server: the server
 * @username: a user removed
 *
 * Drops @username's gateway state and log.
 */
void
sa_sandbox_cisco_forget_user (SaSandboxServer *server,
                              const char      *username)
{
  if (server->cisco_users != NULL)
    g_hash_table_remove (server->cisco_users, username);
}

/* ------------------------------------------------------------------------ */
/* The controls' JSON                                                        */

static void
add_fault_json (JsonBuilder               *builder,
                const SaSandboxCiscoFault *fault)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "fault");
  json_builder_add_string_value (builder, fault_kinds[fault->kind].name);
  json_builder_set_member_name (builder, "remaining");
  if (fault->persistent)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, fault->remaining);
  if (fault->kind == SA_SANDBOX_CISCO_FAULT_RATE_LIMITED)
    {
      json_builder_set_member_name (builder, "retryAfter");
      json_builder_add_int_value (builder, fault->retry_after);
      json_builder_set_member_name (builder, "retryAfterFormat");
      json_builder_add_string_value (builder, fault->retry_after_date ? "http-date" : "seconds");
    }
  if (fault->kind == SA_SANDBOX_CISCO_FAULT_SLOW)
    {
      json_builder_set_member_name (builder, "delayMs");
      json_builder_add_int_value (builder, fault->delay_ms);
    }
  json_builder_end_object (builder);
}

/* Answers 200 with the caller's state. */
static void
respond_state (SaSandboxRequest *request)
{
  CiscoUser *user = get_user (request->server, request->caller->username, TRUE);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint i;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "faults");
  json_builder_begin_array (builder);
  for (i = 0; i < user->faults->len; i++)
    add_fault_json (builder, &g_array_index (user->faults, SaSandboxCiscoFault, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "tokenLifetime");
  json_builder_add_int_value (builder, user->token_lifetime);
  json_builder_end_object (builder);

  sa_sandbox_respond_builder (request->msg, SOUP_STATUS_OK, builder, NULL);
}

/* A whole number member within [min, max], or @fallback when absent; FALSE
 * with a 400 (wrong type) or a field error (out of range). */
static gboolean
read_number (SoupServerMessage    *msg,
             JsonObject           *object,
             const char           *member,
             gint64                min,
             gint64                max,
             guint                 fallback,
             SaSandboxFieldErrors *errors,
             guint                *value)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 n;

  *value = fallback;
  if (node == NULL)
    return TRUE;
  if (json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_autofree char *message = g_strdup_printf ("%s must be a whole number", member);

      sa_sandbox_respond_invalid (msg, member, message);
      return FALSE;
    }

  n = json_node_get_int (node);
  if (n < min || n > max)
    {
      g_autofree char *message = g_strdup_printf ("%s is a whole number from %" G_GINT64_FORMAT
                                                  " to %" G_GINT64_FORMAT, member, min, max);

      sa_sandbox_field_errors_add (errors, member, message);
      return TRUE;
    }
  *value = (guint) n;

  return TRUE;
}

/* Reads one fault of a control's body: {"fault", "count", "retryAfter",
 * "retryAfterFormat", "delayMs"}. FALSE with 400 answered on wrong types
 * or members; range and name errors go to @errors. */
static gboolean
parse_fault (SoupServerMessage    *msg,
             JsonNode             *node,
             SaSandboxFieldErrors *errors,
             SaSandboxCiscoFault  *fault)
{
  static const char *const allowed[] = { "fault", "count", "retryAfter", "retryAfterFormat", "delayMs", NULL };
  g_autoptr(GList) members = NULL;
  JsonObject *object;
  const char *name = NULL, *format = NULL;
  guint count, i;
  GList *l;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      sa_sandbox_respond_invalid (msg, NULL, "A fault is a JSON object");
      return FALSE;
    }
  object = json_node_get_object (node);
  members = json_object_get_members (object);
  for (l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      {
        sa_sandbox_respond_invalid (msg, NULL, "A fault has an unknown member");
        return FALSE;
      }

  if (!sa_sandbox_get_string_member (msg, object, "fault", &name) ||
      !sa_sandbox_get_string_member (msg, object, "retryAfterFormat", &format) ||
      !read_number (msg, object, "count", 0, MAX_FAULT_COUNT, 1, errors, &count) ||
      !read_number (msg, object, "retryAfter", 0, MAX_RETRY_AFTER, 1, errors, &fault->retry_after) ||
      !read_number (msg, object, "delayMs", 1, MAX_DELAY_MS, 1000, errors, &fault->delay_ms))
    return FALSE;

  fault->kind = SA_SANDBOX_CISCO_N_FAULTS;
  for (i = 0; name != NULL && i < SA_SANDBOX_CISCO_N_FAULTS; i++)
    if (g_str_equal (name, fault_kinds[i].name))
      fault->kind = i;
  if (fault->kind == SA_SANDBOX_CISCO_N_FAULTS)
    sa_sandbox_field_errors_add (errors, "fault",
                                 "fault is invalid-client, access-not-approved, rate-limited, html-403, "
                                 "invalid-token, no-roles, osa001, non-utf8 or slow");
  if (format != NULL && !g_str_equal (format, "seconds") && !g_str_equal (format, "http-date"))
    sa_sandbox_field_errors_add (errors, "retryAfterFormat", "retryAfterFormat is seconds or http-date");

  fault->persistent = count == 0;
  fault->remaining = count;
  fault->retry_after_date = g_strcmp0 (format, "http-date") == 0;

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* The controls                                                              */

/* GET /sandbox/cisco-faults */
static void
get_faults (SaSandboxRequest *request)
{
  respond_state (request);
}

/* POST /sandbox/cisco-faults: one more fault. */
static void
add_fault (SaSandboxRequest *request)
{
  g_autoptr(JsonNode) root = sa_sandbox_parse_body_object (request->msg);
  g_autoptr(SaSandboxFieldErrors) errors = sa_sandbox_field_errors_new ();
  SaSandboxCiscoFault fault = { 0 };
  CiscoUser *user;

  if (root == NULL || !parse_fault (request->msg, root, errors, &fault))
    return;
  user = get_user (request->server, request->caller->username, TRUE);
  if (user->faults->len >= MAX_FAULTS)
    sa_sandbox_field_errors_add (errors, "fault", "At most 50 faults can wait in the queue");
  if (sa_sandbox_respond_field_errors (request->msg, errors))
    return;

  g_array_append_val (user->faults, fault);
  respond_state (request);
}

/* PUT /sandbox/cisco-faults with {"faults": [fault…], "tokenLifetime": N}:
 * the whole state (a member left out: none, Cisco's lifetime). */
static void
put_faults (SaSandboxRequest *request)
{
  static const char *const allowed[] = { "faults", "tokenLifetime", NULL };
  g_autoptr(JsonNode) root = sa_sandbox_parse_body_object (request->msg);
  g_autoptr(SaSandboxFieldErrors) errors = sa_sandbox_field_errors_new ();
  g_autoptr(GArray) faults = g_array_new (FALSE, TRUE, sizeof (SaSandboxCiscoFault));
  g_autoptr(GList) members = NULL;
  JsonObject *object;
  JsonNode *list;
  CiscoUser *user;
  guint lifetime, i;
  GList *l;

  if (root == NULL)
    return;
  object = json_node_get_object (root);
  members = json_object_get_members (object);
  for (l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      {
        sa_sandbox_respond_invalid (request->msg, NULL, "The body has an unknown member");
        return;
      }

  if (!read_number (request->msg, object, "tokenLifetime", 1, MAX_TOKEN_LIFE,
                    SA_SANDBOX_CISCO_TOKEN_LIFETIME, errors, &lifetime))
    return;
  list = json_object_get_member (object, "faults");
  if (list != NULL && !JSON_NODE_HOLDS_ARRAY (list))
    {
      sa_sandbox_respond_invalid (request->msg, "faults", "faults must be an array of faults");
      return;
    }
  if (list != NULL && json_array_get_length (json_node_get_array (list)) > MAX_FAULTS)
    sa_sandbox_field_errors_add (errors, "faults", "At most 50 faults can wait in the queue");
  for (i = 0; list != NULL && i < json_array_get_length (json_node_get_array (list)) && i < MAX_FAULTS; i++)
    {
      SaSandboxCiscoFault fault = { 0 };

      if (!parse_fault (request->msg, json_array_get_element (json_node_get_array (list), i), errors, &fault))
        return;
      g_array_append_val (faults, fault);
    }
  if (sa_sandbox_respond_field_errors (request->msg, errors))
    return;

  user = get_user (request->server, request->caller->username, TRUE);
  g_array_set_size (user->faults, 0);
  g_array_append_vals (user->faults, faults->data, faults->len);
  user->token_lifetime = lifetime;
  respond_state (request);
}

/* DELETE /sandbox/cisco-faults */
static void
delete_faults (SaSandboxRequest *request)
{
  sa_sandbox_cisco_clear_faults (request->server, request->caller->username);
  respond_state (request);
}

static void
respond_log (SaSandboxRequest *request)
{
  CiscoUser *user = get_user (request->server, request->caller->username, TRUE);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GList *l;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "requests");
  json_builder_begin_array (builder);
  for (l = user->log.head; l != NULL; l = l->next)
    {
      LogEntry *entry = l->data;
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (entry->received_at / G_USEC_PER_SEC);
      g_autofree char *seconds = g_date_time_format (at, "%Y-%m-%dT%H:%M:%S");
      g_autofree char *date = g_strdup_printf ("%s.%03dZ", seconds,
                                               (int) (entry->received_at % G_USEC_PER_SEC / 1000));

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "method");
      json_builder_add_string_value (builder, entry->method);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, entry->path);
      json_builder_set_member_name (builder, "query");
      json_builder_add_string_value (builder, entry->query);
      json_builder_set_member_name (builder, "body");
      json_builder_add_string_value (builder, entry->body);
      json_builder_set_member_name (builder, "status");
      json_builder_add_int_value (builder, entry->status);
      json_builder_set_member_name (builder, "receivedAt");
      json_builder_add_string_value (builder, date);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "totalRecords");
  json_builder_add_int_value (builder, g_queue_get_length (&user->log));
  json_builder_end_object (builder);

  sa_sandbox_respond_builder (request->msg, SOUP_STATUS_OK, builder, NULL);
}

/* GET /sandbox/cisco-requests: oldest first. */
static void
get_log (SaSandboxRequest *request)
{
  respond_log (request);
}

/* DELETE /sandbox/cisco-requests */
static void
delete_log (SaSandboxRequest *request)
{
  clear_log (get_user (request->server, request->caller->username, TRUE));
  respond_log (request);
}

static const SaSandboxRoute routes[] = {
  { "GET", "/sandbox/cisco-faults", get_faults, SA_SANDBOX_SIGNED_IN },
  { "POST", "/sandbox/cisco-faults", add_fault, SA_SANDBOX_SIGNED_IN },
  { "PUT", "/sandbox/cisco-faults", put_faults, SA_SANDBOX_SIGNED_IN },
  { "DELETE", "/sandbox/cisco-faults", delete_faults, SA_SANDBOX_SIGNED_IN },
  { "GET", "/sandbox/cisco-requests", get_log, SA_SANDBOX_SIGNED_IN },
  { "DELETE", "/sandbox/cisco-requests", delete_log, SA_SANDBOX_SIGNED_IN },
};

const SaSandboxRouteTable sa_sandbox_cisco_faults_routes = SA_SANDBOX_ROUTE_TABLE (routes);
