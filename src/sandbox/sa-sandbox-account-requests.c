/* sa-sandbox-account-requests.c — requesting a Smart Account for a customer
 * (procedure 3): the request, the list of them, their expiry after 90 days
 * of the sandbox clock, and the sandbox's
 * POST /sandbox/account-requests/{id}/accept (the customer accepts)
 *
 * A request creates a CUSTOMER Smart Account, Pending customer acceptance,
 * with a DEFAULT Virtual Account: orders can be assigned to it at once. When
 * the customer accepts, the account turns Active and the shipped orders
 * waiting for it get their licenses (sa-sandbox-licenses.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sa-sandbox-private.h"

#include "sa-validate.h"

#define SA_SANDBOX_REQUEST_LIFETIME (90 * SA_SANDBOX_DAY)

#define ACCOUNT_REQUEST_SELECT \
  "SELECT r.id, r.account_name, r.account_domain, r.customer_email, r.note_to_customer," \
  " r.users, r.note_to_users, r.status, r.created_at, r.expires_at," \
  " a.id, a.domain, a.name, a.type, a.status, a.email" \
  " FROM account_requests r JOIN smart_accounts a ON a.tenant = r.tenant AND a.id = r.account_id"

/* A new request, from its body. */
typedef struct
{
  const SaSandboxCaller *caller;
  gint64                 now;
  JsonNode              *body;        /* holds the strings below */
  const char            *name;
  const char            *email;
  const char            *raw_domain;
  const char            *note_customer;
  const char            *note_users;
  GPtrArray             *users;       /* e-mails */
  char                  *domain;      /* lower case */
  char                  *request_id;  /* once created */
} SaAccountRequestNew;

static void
sa_account_request_new_clear (SaAccountRequestNew *request)
{
  g_clear_pointer (&request->body, json_node_unref);
  g_clear_pointer (&request->users, g_ptr_array_unref);
  g_clear_pointer (&request->domain, g_free);
  g_clear_pointer (&request->request_id, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SaAccountRequestNew, sa_account_request_new_clear)

static void
set_not_found (GError **error)
{
  g_set_error_literal (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_ACCOUNT_REQUEST_NOT_FOUND,
                       "No account request has this id");
}

/* Writes the AccountRequest of a row of ACCOUNT_REQUEST_SELECT; @now: the
 * sandbox clock's (a gint64 *), for daysLeft. */
static void
add_account_request (JsonBuilder  *builder,
                     sqlite3_stmt *stmt,
                     gpointer      now)
{
  static const char *const strings[] = {
    "id", "accountName", "accountDomain", "customerEmail", "noteToCustomer",
  };
  g_autoptr(JsonNode) users = json_from_string (sa_sandbox_db_text (stmt, 5), NULL);
  const char *status = sa_sandbox_db_text (stmt, 7);
  gint64 expires = sqlite3_column_int64 (stmt, 9);
  gint64 days_left = 0;

  json_builder_begin_object (builder);
  sa_sandbox_json_add_columns (builder, stmt, strings, G_N_ELEMENTS (strings), 0);
  json_builder_set_member_name (builder, "users");
  if (users != NULL && JSON_NODE_HOLDS_ARRAY (users))
    json_builder_add_value (builder, g_steal_pointer (&users));
  else
    {
      json_builder_begin_array (builder);
      json_builder_end_array (builder);
    }
  json_builder_set_member_name (builder, "noteToUsers");
  json_builder_add_string_value (builder, sa_sandbox_db_text (stmt, 6));
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, status);
  sa_sandbox_json_add_date_column (builder, "createdDate", stmt, 8);
  sa_sandbox_json_add_date_column (builder, "expiresDate", stmt, 9);
  if (g_strcmp0 (status, "PENDING") == 0 && expires > *(gint64 *) now)
    days_left = (expires - *(gint64 *) now + SA_SANDBOX_DAY - 1) / SA_SANDBOX_DAY;
  json_builder_set_member_name (builder, "daysLeft");
  json_builder_add_int_value (builder, days_left);
  json_builder_set_member_name (builder, "smartAccount");
  sa_sandbox_accounts_add_json (builder, stmt, 10);
  json_builder_end_object (builder);
}

/* Answers @status_code with the account request @id of the caller; 404 if
 * there is none. */
static void
respond_account_request (SaSandboxRequest *request,
                         const char       *id,
                         guint             status_code)
{
  g_autoptr(sqlite3_stmt) row = NULL;
  g_autoptr(GError) error = NULL;

  if (sa_sandbox_db_query_row (request->db, &row, &error,
                               ACCOUNT_REQUEST_SELECT " WHERE r.tenant = ?1 AND r.id = ?2",
                               "tt", request->caller->tenant, id) &&
      row == NULL)
    set_not_found (&error);
  sa_sandbox_respond_row (request->msg, status_code, row, add_account_request, &request->now, error);
}

/* GET /v1/account-requests: the caller's, newest first. */
static void
list_account_requests (SaSandboxRequest *request)
{
  sa_sandbox_respond_tenant_list (request,
                                  ACCOUNT_REQUEST_SELECT " WHERE r.tenant = ?1"
                                  " ORDER BY r.created_at DESC, r.id DESC",
                                  "accountRequests", add_account_request);
}

/* Reads the body of a new request into @new; FALSE (and 400 sent) when it
 * has wrong types. */
static gboolean
parse_new_request (SoupServerMessage   *msg,
                   SaAccountRequestNew *new)
{
  JsonObject *object;
  JsonArray *array;
  JsonNode *users;
  guint i;

  new->body = sa_sandbox_parse_body_object (msg);
  if (new->body == NULL)
    return FALSE;
  object = json_node_get_object (new->body);
  if (!sa_sandbox_get_string_member (msg, object, "accountName", &new->name) ||
      !sa_sandbox_get_string_member (msg, object, "customerEmail", &new->email) ||
      !sa_sandbox_get_string_member (msg, object, "accountDomain", &new->raw_domain) ||
      !sa_sandbox_get_string_member (msg, object, "noteToCustomer", &new->note_customer) ||
      !sa_sandbox_get_string_member (msg, object, "noteToUsers", &new->note_users))
    return FALSE;
  new->users = g_ptr_array_new_with_free_func (g_free);

  users = json_object_get_member (object, "users");
  if (users == NULL || JSON_NODE_HOLDS_NULL (users))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (users))
    {
      sa_sandbox_respond_invalid (msg, "users", "users must be an array of e-mail addresses");
      return FALSE;
    }
  array = json_node_get_array (users);
  if (json_array_get_length (array) > 1000)
    {
      sa_sandbox_respond_invalid (msg, "users", "users has far too many members");
      return FALSE;
    }
  for (i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (json_node_get_value_type (element) != G_TYPE_STRING)
        {
          sa_sandbox_respond_invalid (msg, "users", "users must be an array of e-mail addresses");
          return FALSE;
        }
      g_ptr_array_add (new->users, g_strdup (json_node_get_string (element)));
    }

  return TRUE;
}

/* The rules of docs/desk-api.md for a new request; 422 sent if broken. */
static gboolean
validate_new_request (SoupServerMessage   *msg,
                      SaAccountRequestNew *new)
{
  g_autoptr(SaSandboxFieldErrors) errors = sa_sandbox_field_errors_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint i;

  if (new->name == NULL || *new->name == '\0')
    sa_sandbox_field_errors_add (errors, "accountName", "The Account Name is required");
  else if (!sa_validate_account_name (new->name, NULL))
    sa_sandbox_field_errors_add (errors, "accountName",
                                 "The Account Name has 1 to 100 characters, without control characters");
  if (new->email == NULL || *new->email == '\0')
    sa_sandbox_field_errors_add (errors, "customerEmail", "The Customer Email is required");
  else if (!sa_validate_email (new->email, NULL))
    sa_sandbox_field_errors_add (errors, "customerEmail", "The Customer Email is not a valid e-mail address");
  if (new->raw_domain == NULL || *new->raw_domain == '\0')
    sa_sandbox_field_errors_add (errors, "accountDomain", "The Account Domain is required");
  else if (!sa_validate_domain (new->raw_domain, NULL))
    sa_sandbox_field_errors_add (errors, "accountDomain", "The Account Domain is not a valid domain name");
  if (!sa_validate_note (new->note_customer, NULL))
    sa_sandbox_field_errors_add (errors, "noteToCustomer", "The Note to Customer has at most 1000 characters");
  if (!sa_validate_note (new->note_users, NULL))
    sa_sandbox_field_errors_add (errors, "noteToUsers", "The Note to Added Users has at most 1000 characters");
  if (new->users->len > SA_MAX_USERS)
    sa_sandbox_field_errors_add (errors, "users", "At most 50 users can be added");
  else
    for (i = 0; i < new->users->len; i++)
      {
        g_autofree char *field = g_strdup_printf ("users[%u]", i);
        const char *user = new->users->pdata[i];

        if (!sa_validate_email (user, NULL))
          sa_sandbox_field_errors_add (errors, field, "This is not a valid e-mail address");
        else if (!g_hash_table_add (seen, g_utf8_casefold (user, -1)))
          sa_sandbox_field_errors_add (errors, field, "This user is already in the list");
      }

  return !sa_sandbox_respond_field_errors (msg, errors);
}

/* The users as the JSON array text the database keeps. */
static char *
dup_users_json (GPtrArray *users)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  guint i;

  json_builder_begin_array (builder);
  for (i = 0; i < users->len; i++)
    json_builder_add_string_value (builder, users->pdata[i]);
  json_builder_end_array (builder);
  node = json_builder_get_root (builder);

  return json_to_string (node, FALSE);
}

/* The domain must be free (409 DOMAIN_TAKEN); then the PENDING CUSTOMER
 * Smart Account, its DEFAULT Virtual Account and the request. */
static gboolean
create_account_request_tx (sqlite3   *db,
                           gpointer   data,
                           GError   **error)
{
  SaAccountRequestNew *new = data;
  const char *tenant = new->caller->tenant;
  g_autoptr(sqlite3_stmt) taken = NULL;
  g_autofree char *account_id = NULL;
  g_autofree char *users = dup_users_json (new->users);

  if (!sa_sandbox_db_query_row (db, &taken, error,
                                "SELECT 1 FROM smart_accounts WHERE tenant = ?1 AND lower(domain) = ?2",
                                "tt", tenant, new->domain))
    return FALSE;
  if (taken != NULL)
    {
      g_set_error_literal (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_DOMAIN_TAKEN,
                           "A Smart Account already has this Account Domain: request access to it instead");
      return FALSE;
    }

  if ((account_id = sa_sandbox_db_next_id (db, "SELECT coalesce(max(CAST(substr(id, 4) AS INTEGER)), 100000)"
                                           " FROM smart_accounts WHERE tenant = ?1",
                                           tenant, "SA", error)) == NULL ||
      (new->request_id = sa_sandbox_db_next_id (db, "SELECT coalesce(max(CAST(substr(id, 4) AS INTEGER)), 0)"
                                                " FROM account_requests WHERE tenant = ?1",
                                                tenant, "AR", error)) == NULL)
    return FALSE;

  return sa_sandbox_db_run (db, error,
                            "INSERT INTO smart_accounts (tenant, id, domain, name, type, status, email, restricted)"
                            " VALUES (?1, ?2, ?3, ?4, 'CUSTOMER', 'PENDING', ?5, 0)",
                            "ttttt", tenant, account_id, new->domain, new->name, new->email) &&
         sa_sandbox_db_run (db, error,
                            "INSERT INTO virtual_accounts (tenant, account_id, name, description, is_default, position)"
                            " VALUES (?1, ?2, 'DEFAULT', 'Default Virtual Account', 1, 0)",
                            "tt", tenant, account_id) &&
         sa_sandbox_db_run (db, error,
                            "INSERT INTO account_requests (tenant, id, account_id, account_name, account_domain,"
                            " customer_email, note_to_customer, users, note_to_users, status, created_at, expires_at)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'PENDING', ?10, ?11)",
                            "tttttttttii", tenant, new->request_id, account_id, new->name, new->domain,
                            new->email, new->note_customer != NULL ? new->note_customer : "", users,
                            new->note_users != NULL ? new->note_users : "",
                            new->now, (gint64) (new->now + SA_SANDBOX_REQUEST_LIFETIME));
}

/* POST /v1/account-requests
 *
 * Checks: body (400), fields (422 VALIDATION_FAILED with `fields`), domain
 * free (409 DOMAIN_TAKEN). Creates the request in one transaction. */
static void
create_account_request (SaSandboxRequest *request)
{
  g_auto(SaAccountRequestNew) new = { 0 };
  g_autoptr(GError) error = NULL;

  new.caller = request->caller;
  new.now = request->now;
  if (!parse_new_request (request->msg, &new) ||
      !validate_new_request (request->msg, &new))
    return;
  new.domain = g_ascii_strdown (new.raw_domain, -1);

  if (!sa_sandbox_db_transaction (request->db, create_account_request_tx, &new, &error))
    {
      sa_sandbox_respond_gerror (request->msg, error);
      return;
    }

  g_debug ("account request %s made by %s", new.request_id, request->caller->username);
  respond_account_request (request, new.request_id, SOUP_STATUS_CREATED);
}

typedef struct
{
  const char *tenant;
  const char *id;
  gint64      now;
} SaRequestRef;

/* The request must be PENDING (409); it and its Smart Account turn ACTIVE;
 * the licenses of shipped orders waiting for the account are deposited. */
static gboolean
accept_account_request_tx (sqlite3   *db,
                           gpointer   data,
                           GError   **error)
{
  const SaRequestRef *ref = data;
  g_autoptr(sqlite3_stmt) row = NULL;
  g_autofree char *account_id = NULL;

  if (!sa_sandbox_db_query_row (db, &row, error,
                                "SELECT status, account_id FROM account_requests WHERE tenant = ?1 AND id = ?2",
                                "tt", ref->tenant, ref->id))
    return FALSE;
  if (row == NULL)
    {
      set_not_found (error);
      return FALSE;
    }
  if (g_strcmp0 (sa_sandbox_db_text (row, 0), "PENDING") != 0)
    {
      g_set_error_literal (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_REQUEST_NOT_PENDING,
                           "This request is no longer pending: it was accepted or it expired");
      return FALSE;
    }
  account_id = g_strdup (sa_sandbox_db_text (row, 1));
  g_clear_pointer (&row, sqlite3_finalize);

  return sa_sandbox_db_run (db, error,
                            "UPDATE account_requests SET status = 'ACTIVE' WHERE tenant = ?1 AND id = ?2",
                            "tt", ref->tenant, ref->id) &&
         sa_sandbox_db_run (db, error,
                            "UPDATE smart_accounts SET status = 'ACTIVE' WHERE tenant = ?1 AND id = ?2",
                            "tt", ref->tenant, account_id) &&
         sa_sandbox_licenses_settle (db, ref->tenant, ref->now, error);
}

/* POST /sandbox/account-requests/{id}/accept: the customer accepts. */
static void
accept_account_request (SaSandboxRequest *request)
{
  SaRequestRef ref = { request->caller->tenant, sa_sandbox_request_get_param (request, "id"), request->now };
  g_autoptr(GError) error = NULL;

  if (!sa_sandbox_id_is_valid (ref.id, "AR"))
    set_not_found (&error);
  if (error != NULL ||
      !sa_sandbox_db_transaction (request->db, accept_account_request_tx, &ref, &error))
    {
      sa_sandbox_respond_gerror (request->msg, error);
      return;
    }

  respond_account_request (request, ref.id, SOUP_STATUS_OK);
}

static const SaSandboxRoute routes[] = {
  { "GET", "/v1/account-requests", list_account_requests, SA_SANDBOX_SIGNED_IN },
  { "POST", "/v1/account-requests", create_account_request, SA_SANDBOX_SIGNED_IN },
  { "POST", "/sandbox/account-requests/{id}/accept", accept_account_request, SA_SANDBOX_SIGNED_IN },
};

const SaSandboxRouteTable sa_sandbox_account_requests_routes = SA_SANDBOX_ROUTE_TABLE (routes);

/* ------------------------------------------------------------------------ */
/* Expiry                                                                    */

typedef struct
{
  const char *tenant;
  gint64      now;
} SaSettle;

static gboolean
settle_tx (sqlite3   *db,
           gpointer   data,
           GError   **error)
{
  static const char *const updates[] = {
    "UPDATE smart_accounts SET status = 'EXPIRED' WHERE tenant = ?1 AND status = 'PENDING'"
    " AND id IN (SELECT account_id FROM account_requests"
    "            WHERE tenant = ?1 AND status = 'PENDING' AND expires_at <= ?2)",
    "UPDATE account_requests SET status = 'EXPIRED'"
    " WHERE tenant = ?1 AND status = 'PENDING' AND expires_at <= ?2",
    "UPDATE smart_accounts SET status = 'PENDING' WHERE tenant = ?1 AND status = 'EXPIRED'"
    " AND id IN (SELECT account_id FROM account_requests"
    "            WHERE tenant = ?1 AND status = 'EXPIRED' AND expires_at > ?2)",
    "UPDATE account_requests SET status = 'PENDING'"
    " WHERE tenant = ?1 AND status = 'EXPIRED' AND expires_at > ?2",
  };
  const SaSettle *settle = data;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (updates); i++)
    if (!sa_sandbox_db_run (db, error, updates[i], "ti", settle->tenant, settle->now))
      return FALSE;

  return TRUE;
}

/**
 * sa_sandbox_account_requests_settle:
 * @db: the connection
 * @tenant: the tenant
 * @now: "now" on @tenant's sandbox clock, seconds since the epoch
 * @error: return location for a #GError
 *
 * Brings the stored status of @tenant's account requests (and of their Smart
 * Accounts) in line with the clock: PENDING past expiry (90 days) is EXPIRED;
 * an EXPIRED one whose expiry is in the future again (clock set back) is
 * PENDING again. Accepted (ACTIVE) requests never change. Runs before every
 * signed-in request and after the clock moves.
 *
 * Returns: %TRUE on success; %FALSE with %G_IO_ERROR_FAILED
 */
gboolean
sa_sandbox_account_requests_settle (sqlite3     *db,
                                    const char  *tenant,
                                    gint64       now,
                                    GError     **error)
{
  g_autoptr(sqlite3_stmt) due = NULL;
  SaSettle settle = { tenant, now };
  gboolean any;

  if (!sa_sandbox_db_query_row (db, &due, error,
                                "SELECT 1 FROM account_requests WHERE tenant = ?1 AND"
                                " ((status = 'PENDING' AND expires_at <= ?2) OR"
                                "  (status = 'EXPIRED' AND expires_at > ?2))",
                                "ti", tenant, now))
    return FALSE;
  any = due != NULL;
  g_clear_pointer (&due, sqlite3_finalize);

  return !any || sa_sandbox_db_transaction (db, settle_tx, &settle, error);
}
