/* sa-sandbox-access-requests.c — requesting access to an existing Smart
 * Account (procedure 4): the accounts of a domain, the request, the list of
 * them, reminders to the administrator (one per 24 hours of the sandbox
 * clock), and the sandbox's POST /sandbox/access-requests/{id}/decide (the
 * administrator approves or denies)
 *
 * An approved request lets the user find a restricted Smart Account in
 * their searches (sa-sandbox-accounts.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sa-sandbox-private.h"

#include <string.h>

#include "sa-validate.h"

#define SA_SANDBOX_REMINDER_PERIOD SA_SANDBOX_DAY

#define ACCESS_REQUEST_SELECT \
  "SELECT x.id, x.reason, x.status, x.created_at, x.decided_at, x.last_reminder_at," \
  " a.id, a.domain, a.name, a.type, a.status, a.email" \
  " FROM access_requests x JOIN smart_accounts a ON a.tenant = x.tenant AND a.id = x.account_id"

/* Columns of ACCESS_REQUEST_SELECT */
enum
{
  COL_ID,
  COL_REASON,
  COL_STATUS,
  COL_CREATED,
  COL_DECIDED,
  COL_LAST_REMINDER,
  COL_ACCOUNT,
};

/* When the next reminder of the current row may be sent; 0: now (or never). */
static gint64
next_reminder (sqlite3_stmt *stmt,
               gint64        now)
{
  gint64 next;

  if (g_strcmp0 (sa_sandbox_db_text (stmt, COL_STATUS), "PENDING") != 0 ||
      sqlite3_column_type (stmt, COL_LAST_REMINDER) == SQLITE_NULL)
    return 0;
  next = sqlite3_column_int64 (stmt, COL_LAST_REMINDER) + SA_SANDBOX_REMINDER_PERIOD;

  return next > now ? next : 0;
}

/* Writes the AccessRequest of a row of ACCESS_REQUEST_SELECT; @now: the
 * sandbox clock's (a gint64 *), for nextReminderDate. */
static void
add_access_request (JsonBuilder  *builder,
                    sqlite3_stmt *stmt,
                    gpointer      now)
{
  gint64 next = next_reminder (stmt, *(gint64 *) now);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, sa_sandbox_db_text (stmt, COL_ID));
  json_builder_set_member_name (builder, "smartAccount");
  sa_sandbox_accounts_add_json (builder, stmt, COL_ACCOUNT);
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, sa_sandbox_db_text (stmt, COL_REASON));
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, sa_sandbox_db_text (stmt, COL_STATUS));
  sa_sandbox_json_add_date_column (builder, "createdDate", stmt, COL_CREATED);
  sa_sandbox_json_add_date_column (builder, "decidedDate", stmt, COL_DECIDED);
  sa_sandbox_json_add_date_column (builder, "lastReminderDate", stmt, COL_LAST_REMINDER);
  sa_sandbox_json_add_date (builder, "nextReminderDate", next == 0, next);
  json_builder_end_object (builder);
}

/* The row of the access request @id of @caller, PENDING unless
 * @not_pending_message is NULL; else NULL with
 * SA_CLIENT_ERROR_ACCESS_REQUEST_NOT_FOUND, _REQUEST_NOT_PENDING (with
 * @not_pending_message) or G_IO_ERROR_FAILED. */
static sqlite3_stmt *
find_access_request (sqlite3                *db,
                     const SaSandboxCaller  *caller,
                     const char             *id,
                     const char             *not_pending_message,
                     GError                **error)
{
  g_autoptr(sqlite3_stmt) row = NULL;

  if (sa_sandbox_id_is_valid (id, "XR") &&
      !sa_sandbox_db_query_row (db, &row, error, ACCESS_REQUEST_SELECT " WHERE x.tenant = ?1 AND x.id = ?2",
                                "tt", caller->tenant, id))
    return NULL;
  if (row == NULL)
    g_set_error_literal (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_ACCESS_REQUEST_NOT_FOUND,
                         "No access request has this id");
  else if (not_pending_message != NULL &&
           g_strcmp0 (sa_sandbox_db_text (row, COL_STATUS), "PENDING") != 0)
    g_set_error_literal (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_REQUEST_NOT_PENDING, not_pending_message);
  else
    return g_steal_pointer (&row);

  return NULL;
}

/* Answers @status_code with the access request @id of the caller. */
static void
respond_access_request (SaSandboxRequest *request,
                        const char       *id,
                        guint             status_code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) row = find_access_request (request->db, request->caller, id, NULL, &error);

  sa_sandbox_respond_row (request->msg, status_code, row, add_access_request, &request->now, error);
}

/* The Smart Accounts of @caller's data whose domain is exactly @domain (any
 * case), restricted ones included: CUSTOMER first. */
static sqlite3_stmt *
prepare_candidates (sqlite3                *db,
                    const SaSandboxCaller  *caller,
                    const char             *domain,
                    GError                **error)
{
  g_autofree char *lower = g_ascii_strdown (domain, -1);

  return sa_sandbox_db_prepare (db, error,
                                "SELECT id, domain, name, type, status, email FROM smart_accounts"
                                " WHERE tenant = ?1 AND lower(domain) = ?2 ORDER BY type, name",
                                "tt", caller->tenant, lower);
}

/* GET /v1/access-requests/candidates?domain=D */
static void
list_candidates (SaSandboxRequest *request)
{
  const char *domain = g_hash_table_lookup (request->query, "domain");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  SaSandboxList list = { "accounts", sa_sandbox_accounts_write_row, NULL, 0, NULL, 0, 0, FALSE };

  if (domain == NULL || !sa_validate_domain (domain, NULL))
    {
      sa_sandbox_respond_invalid (request->msg, "domain", "domain must be a valid Account Domain Identifier");
      return;
    }

  stmt = prepare_candidates (request->db, request->caller, domain, &error);
  sa_sandbox_respond_list (request->msg, stmt, &list, error);
}

/* GET /v1/access-requests: the caller's, newest first. */
static void
list_access_requests (SaSandboxRequest *request)
{
  sa_sandbox_respond_tenant_list (request,
                                  ACCESS_REQUEST_SELECT " WHERE x.tenant = ?1"
                                  " ORDER BY x.created_at DESC, x.id DESC",
                                  "accessRequests", add_access_request);
}

/* A new access request, from its body. */
typedef struct
{
  const SaSandboxCaller *caller;
  gint64                 now;
  const char            *domain;
  const char            *wanted_id;   /* accountId, optional */
  const char            *reason;
  JsonNode              *candidates;  /* the accounts of the domain, an array */
  char                  *request_id;  /* once created */
} SaAccessRequestNew;

static void
sa_access_request_new_clear (SaAccessRequestNew *new)
{
  g_clear_pointer (&new->candidates, json_node_unref);
  g_clear_pointer (&new->request_id, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SaAccessRequestNew, sa_access_request_new_clear)

/* The account the request is for: of the domain (404), chosen among several
 * (422 ACCOUNT_ID_REQUIRED, with @new->candidates), the accountId's (404). */
static char *
choose_account (sqlite3             *db,
                SaAccessRequestNew  *new,
                GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare_candidates (db, new->caller, new->domain, error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *chosen = NULL;
  guint n = 0;

  if (stmt == NULL)
    return NULL;
  json_builder_begin_array (builder);
  for (; sa_sandbox_db_next (stmt, &local_error); n++)
    {
      const char *id = sa_sandbox_db_text (stmt, 0);

      sa_sandbox_accounts_add_json (builder, stmt, 0);
      if (first == NULL)
        first = g_strdup (id);
      if (new->wanted_id != NULL && g_strcmp0 (new->wanted_id, id) == 0)
        chosen = g_strdup (id);
    }
  json_builder_end_array (builder);
  new->candidates = json_builder_get_root (builder);

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (n == 0 || (new->wanted_id != NULL && chosen == NULL))
    g_set_error_literal (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND,
                         new->wanted_id == NULL ? "No Smart Account has this Account Domain Identifier"
                                                : "No Smart Account of this domain has this id");
  else if (chosen == NULL && n > 1)
    g_set_error_literal (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_ACCOUNT_ID_REQUIRED,
                         "Several Smart Accounts share this domain: choose one");
  else
    return chosen != NULL ? g_steal_pointer (&chosen) : g_steal_pointer (&first);

  return NULL;
}

/* The account, no pending request of the user for it (409
 * DUPLICATE_REQUEST), then the request. */
static gboolean
create_access_request_tx (sqlite3   *db,
                          gpointer   data,
                          GError   **error)
{
  SaAccessRequestNew *new = data;
  const char *tenant = new->caller->tenant;
  g_autoptr(sqlite3_stmt) duplicate = NULL;
  g_autofree char *account_id = choose_account (db, new, error);

  if (account_id == NULL ||
      !sa_sandbox_db_query_row (db, &duplicate, error,
                                "SELECT 1 FROM access_requests WHERE tenant = ?1 AND account_id = ?2"
                                " AND status = 'PENDING'",
                                "tt", tenant, account_id))
    return FALSE;
  if (duplicate != NULL)
    {
      g_set_error_literal (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_DUPLICATE_REQUEST,
                           "You already have a pending access request for this Smart Account");
      return FALSE;
    }

  new->request_id = sa_sandbox_db_next_id (db, "SELECT coalesce(max(CAST(substr(id, 4) AS INTEGER)), 0)"
                                           " FROM access_requests WHERE tenant = ?1",
                                           tenant, "XR", error);

  return new->request_id != NULL &&
         sa_sandbox_db_run (db, error,
                            "INSERT INTO access_requests (tenant, id, account_id, reason, status, created_at,"
                            " decided_at, last_reminder_at) VALUES (?1, ?2, ?3, ?4, 'PENDING', ?5, NULL, NULL)",
                            "tttti", tenant, new->request_id, account_id, new->reason, new->now);
}

/* The body's domain, accountId and reason; FALSE when a 400 or 422 was sent. */
static gboolean
parse_new_request (SoupServerMessage  *msg,
                   JsonObject         *object,
                   SaAccessRequestNew *new)
{
  g_autoptr(SaSandboxFieldErrors) errors = sa_sandbox_field_errors_new ();

  if (!sa_sandbox_get_string_member (msg, object, "domain", &new->domain) ||
      !sa_sandbox_get_string_member (msg, object, "accountId", &new->wanted_id) ||
      !sa_sandbox_get_string_member (msg, object, "reason", &new->reason))
    return FALSE;

  if (new->domain == NULL || *new->domain == '\0')
    sa_sandbox_field_errors_add (errors, "domain", "The Account Domain Identifier is required");
  else if (!sa_validate_domain (new->domain, NULL))
    sa_sandbox_field_errors_add (errors, "domain", "The Account Domain Identifier is not a valid domain name");
  if (new->reason == NULL || *new->reason == '\0')
    sa_sandbox_field_errors_add (errors, "reason", "The reason for the request is required");
  else if (!sa_validate_reason (new->reason, NULL))
    sa_sandbox_field_errors_add (errors, "reason", "The reason has at most 500 characters");
  if (new->wanted_id != NULL && !sa_sandbox_text_is_valid (new->wanted_id, 32))
    sa_sandbox_field_errors_add (errors, "accountId", "accountId is not a Smart Account id");

  return !sa_sandbox_respond_field_errors (msg, errors);
}

/* POST /v1/access-requests
 *
 * Checks: body (400), reason and domain (422 VALIDATION_FAILED), an account
 * with the domain (404), one chosen when several (422 ACCOUNT_ID_REQUIRED
 * with `candidates`), the accountId of that domain (404), no pending request
 * of the user for it (409 DUPLICATE_REQUEST). */
static void
create_access_request (SaSandboxRequest *request)
{
  g_autoptr(JsonNode) root = NULL;
  g_auto(SaAccessRequestNew) new = { 0 };
  g_autoptr(GError) error = NULL;

  root = sa_sandbox_parse_body_object (request->msg);
  if (root == NULL)
    return;
  new.caller = request->caller;
  new.now = request->now;
  if (!parse_new_request (request->msg, json_node_get_object (root), &new))
    return;

  if (sa_sandbox_db_transaction (request->db, create_access_request_tx, &new, &error))
    {
      g_debug ("access request %s made by %s", new.request_id, request->caller->username);
      respond_access_request (request, new.request_id, SOUP_STATUS_CREATED);
    }
  else if (g_error_matches (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_ACCOUNT_ID_REQUIRED))
    sa_sandbox_respond_gerror_with (request->msg, error, "candidates", g_steal_pointer (&new.candidates));
  else
    sa_sandbox_respond_gerror (request->msg, error);
}

/* POST /v1/access-requests/{id}/reminders: one per 24 hours of the sandbox
 * clock; 429 REMINDER_TOO_SOON with Retry-After (seconds) and nextReminderDate. */
static void
send_reminder (SaSandboxRequest *request)
{
  const char *id = sa_sandbox_request_get_param (request, "id");
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) row = NULL;
  gint64 next = 0;

  row = find_access_request (request->db, request->caller, id,
                             "This request has been decided: no reminder can be sent", &error);
  if (row != NULL)
    next = next_reminder (row, request->now);
  g_clear_pointer (&row, sqlite3_finalize);
  if (error == NULL && next != 0)
    {
      g_autofree char *retry = g_strdup_printf ("%" G_GINT64_FORMAT, MAX (next - request->now, 1));
      g_autofree char *date = sa_sandbox_format_date (next);

      g_set_error_literal (&error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_REMINDER_TOO_SOON,
                           "A reminder was sent less than 24 hours ago");
      soup_message_headers_replace (soup_server_message_get_response_headers (request->msg),
                                    "Retry-After", retry);
      sa_sandbox_respond_gerror_with (request->msg, error, "nextReminderDate",
                                      json_node_init_string (json_node_alloc (), date));
      return;
    }

  if (error != NULL ||
      !sa_sandbox_db_run (request->db, &error,
                          "UPDATE access_requests SET last_reminder_at = ?3"
                          " WHERE tenant = ?1 AND id = ?2 AND status = 'PENDING'",
                          "tti", request->caller->tenant, id, request->now))
    {
      sa_sandbox_respond_gerror (request->msg, error);
      return;
    }

  respond_access_request (request, id, SOUP_STATUS_OK);
}

/* POST /sandbox/access-requests/{id}/decide with {"decision": "approve"|"deny"} */
static void
decide (SaSandboxRequest *request)
{
  const char *id = sa_sandbox_request_get_param (request, "id");
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(sqlite3_stmt) row = NULL;
  g_autoptr(SaSandboxFieldErrors) errors = sa_sandbox_field_errors_new ();
  g_autoptr(GError) error = NULL;
  const char *decision;

  root = sa_sandbox_parse_body_object (request->msg);
  if (root == NULL ||
      !sa_sandbox_get_string_member (request->msg, json_node_get_object (root), "decision", &decision))
    return;
  if (g_strcmp0 (decision, "approve") != 0 && g_strcmp0 (decision, "deny") != 0)
    sa_sandbox_field_errors_add (errors, "decision", "decision is approve or deny");
  if (sa_sandbox_respond_field_errors (request->msg, errors))
    return;

  row = find_access_request (request->db, request->caller, id,
                             "This request has already been decided", &error);
  g_clear_pointer (&row, sqlite3_finalize);
  if (error != NULL ||
      !sa_sandbox_db_run (request->db, &error,
                          "UPDATE access_requests SET status = ?3, decided_at = ?4"
                          " WHERE tenant = ?1 AND id = ?2 AND status = 'PENDING'",
                          "ttti", request->caller->tenant, id,
                          strcmp (decision, "approve") == 0 ? "APPROVED" : "DENIED", request->now))
    {
      sa_sandbox_respond_gerror (request->msg, error);
      return;
    }

  respond_access_request (request, id, SOUP_STATUS_OK);
}

static const SaSandboxRoute routes[] = {
  { "GET", "/v1/access-requests/candidates", list_candidates, SA_SANDBOX_SIGNED_IN },
  { "GET", "/v1/access-requests", list_access_requests, SA_SANDBOX_SIGNED_IN },
  { "POST", "/v1/access-requests", create_access_request, SA_SANDBOX_SIGNED_IN },
  { "POST", "/v1/access-requests/{id}/reminders", send_reminder, SA_SANDBOX_SIGNED_IN },
  { "POST", "/sandbox/access-requests/{id}/decide", decide, SA_SANDBOX_SIGNED_IN },
};

const SaSandboxRouteTable sa_sandbox_access_requests_routes = SA_SANDBOX_ROUTE_TABLE (routes);
