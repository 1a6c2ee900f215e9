/* sa-sandbox-orders.c — the orders of the Desk API: search, details (with
 * their lines), the Smart Account assignment change (procedures 1 and 2),
 * and the sandbox's POST /sandbox/orders/{salesOrderNumber}/ship, which
 * deposits the order's licenses when the rule of sa-sandbox-licenses.c holds
 *
 * A user sees the orders of their partner company only (403 otherwise).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sa-sandbox-private.h"
#include "sa-sandbox-db-search.h"

#include <string.h>

#include "sa-types.h"
#include "sa-validate.h"

/* Columns of ORDER_SELECT, in order. */
enum
{
  ORDER_COL_NUMBER,
  ORDER_COL_WEB_ORDER_ID,
  ORDER_COL_PO_NUMBER,
  ORDER_COL_STATUS,
  ORDER_COL_EXPORT_HOLD,
  ORDER_COL_END_CUSTOMER_NAME,
  ORDER_COL_DESCRIPTION,
  ORDER_COL_CREATED,
  ORDER_COL_VERSION,
  ORDER_COL_PARTNER,
  ORDER_COL_EC_DOMAIN,      /* then name, type, status, Virtual Account */
  ORDER_COL_H_DOMAIN = ORDER_COL_EC_DOMAIN + 5,
};
G_STATIC_ASSERT (ORDER_COL_H_DOMAIN + 5 == SA_SANDBOX_ORDER_N_COLUMNS);

/* its columns: SA_SANDBOX_ORDER_SELECT (sa-sandbox-private.h) */
#define ORDER_SELECT SA_SANDBOX_ORDER_SELECT

/* ------------------------------------------------------------------------ */
/* Orders                                                                    */

static void
add_assignment (JsonBuilder  *builder,
                const char   *member,
                sqlite3_stmt *stmt,
                int           first_column)
{
  static const char *const names[] = { "domain", "name", "type", "status", "virtualAccount" };

  json_builder_set_member_name (builder, member);
  if (sqlite3_column_type (stmt, first_column) == SQLITE_NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }

  json_builder_begin_object (builder);
  sa_sandbox_json_add_columns (builder, stmt, names, G_N_ELEMENTS (names), first_column);
  json_builder_end_object (builder);
}

/* Adds the members of the Order object of a row of ORDER_SELECT
 * (docs/desk-api.md, "Objects") but its lines: with its End Customer and
 * Holding Smart Account assignment. */
static void
add_order_members (JsonBuilder  *builder,
                   sqlite3_stmt *stmt)
{
  static const char *const strings[] = {
    "salesOrderNumber", "webOrderId", "purchaseOrderNumber", "status",
  };

  sa_sandbox_json_add_columns (builder, stmt, strings, G_N_ELEMENTS (strings), ORDER_COL_NUMBER);
  json_builder_set_member_name (builder, "exportHold");
  json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, ORDER_COL_EXPORT_HOLD) != 0);
  json_builder_set_member_name (builder, "endCustomerName");
  json_builder_add_string_value (builder, sa_sandbox_db_text (stmt, ORDER_COL_END_CUSTOMER_NAME));
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, sa_sandbox_db_text (stmt, ORDER_COL_DESCRIPTION));
  json_builder_set_member_name (builder, "createdDate");
  json_builder_add_string_value (builder, sa_sandbox_db_text (stmt, ORDER_COL_CREATED));
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, ORDER_COL_VERSION));
  add_assignment (builder, "endCustomer", stmt, ORDER_COL_EC_DOMAIN);
  add_assignment (builder, "holding", stmt, ORDER_COL_H_DOMAIN);
}

/* Adds the Order object of a row of ORDER_SELECT, with its lines (read
 * here); @tenant: the caller's. */
static void
add_order (JsonBuilder  *builder,
           sqlite3_stmt *stmt,
           const char   *tenant)
{
  json_builder_begin_object (builder);
  add_order_members (builder, stmt);
  sa_sandbox_licenses_add_order_lines (builder, sqlite3_db_handle (stmt), tenant,
                                       sa_sandbox_db_text (stmt, ORDER_COL_NUMBER));
  json_builder_end_object (builder);
}

/* Steps @stmt past the rows of the order it stands on (Sales Order No.
 * @number): whether it then stands on the next order's first row. */
static gboolean
skip_order_rows (sqlite3_stmt  *stmt,
                 const char    *number,
                 GError       **error)
{
  gboolean more;

  do
    more = sa_sandbox_db_next (stmt, error);
  while (more && g_strcmp0 (sa_sandbox_db_text (stmt, ORDER_COL_NUMBER), number) == 0);

  return more;
}

/* The #SaSandboxOrderWriter of the order list and searches: the Order of
 * the row @stmt stands on, with its lines, which are this row and the next
 * ones of the same Sales Order No.; @data: the caller's tenant. The order's
 * JSON is kept by the read connection while the data stay the same
 * (sa_sandbox_db_node_lookup()): the next request that shows it adds a
 * reference to it instead of building it again. */
static gboolean
write_page_order (JsonBuilder   *builder,
                  sqlite3_stmt  *stmt,
                  gpointer       data,
                  GError       **error)
{
  const char *tenant = data;
  sqlite3 *db = sqlite3_db_handle (stmt);
  g_autofree char *number = g_strdup (sa_sandbox_db_text (stmt, ORDER_COL_NUMBER));
  g_autofree char *key = g_strconcat (tenant, "\x1f", number, NULL);
  g_autoptr(JsonBuilder) order = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *node;
  gboolean more;

  node = sa_sandbox_db_node_lookup (db, key);
  if (node != NULL)
    {
      json_builder_add_value (builder, json_node_ref (node));
      return skip_order_rows (stmt, number, error);
    }

  order = json_builder_new ();
  json_builder_begin_object (order);
  add_order_members (order, stmt);
  json_builder_set_member_name (order, "lines");
  json_builder_begin_array (order);
  do
    {
      if (sqlite3_column_type (stmt, SA_SANDBOX_ORDER_N_COLUMNS) != SQLITE_NULL)
        sa_sandbox_licenses_add_order_line (order, stmt, SA_SANDBOX_ORDER_N_COLUMNS);
      more = sa_sandbox_db_next (stmt, &local_error);
    }
  while (more && g_strcmp0 (sa_sandbox_db_text (stmt, ORDER_COL_NUMBER), number) == 0);
  json_builder_end_array (order);
  json_builder_end_object (order);

  node = json_builder_get_root (order);
  if (local_error != NULL)
    {
      /* an order cut short is not kept */
      json_node_unref (node);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  json_node_seal (node);
  sa_sandbox_db_node_store (db, key, node);
  json_builder_add_value (builder, node);

  return more;
}

/* Finds order @number in @caller's data and checks that @caller may see it
 * (the order is their partner company's): the statement of ORDER_SELECT
 * standing on its row, or NULL with SA_CLIENT_ERROR_ORDER_NOT_FOUND,
 * SA_CLIENT_ERROR_NOT_AUTHORIZED or G_IO_ERROR_FAILED. */
static sqlite3_stmt *
find_order (sqlite3                *db,
            const SaSandboxCaller  *caller,
            const char             *number,
            GError                **error)
{
  g_autoptr(sqlite3_stmt) row = NULL;

  if (!sa_sandbox_db_query_row (db, &row, error,
                                ORDER_SELECT " WHERE o.tenant = ?1 AND o.sales_order_number = ?2",
                                "tt", caller->tenant, number))
    return NULL;
  if (row == NULL)
    g_set_error_literal (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_ORDER_NOT_FOUND,
                         "No order has this Sales Order No.");
  else if (g_strcmp0 (sa_sandbox_db_text (row, ORDER_COL_PARTNER), caller->partner) != 0)
    g_set_error_literal (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_NOT_AUTHORIZED,
                         "You are not authorized to view this order");
  else
    return g_steal_pointer (&row);

  return NULL;
}

/* The ETag of the order of a row of ORDER_SELECT: its version, quoted. */
static char *
dup_etag (sqlite3_stmt *stmt)
{
  return g_strdup_printf ("\"%" G_GINT64_FORMAT "\"",
                          (gint64) sqlite3_column_int64 (stmt, ORDER_COL_VERSION));
}

/* Answers 200 with order @number and its ETag; 404 or 403 as find_order()
 * finds. */
static void
respond_order (SaSandboxRequest *request,
               const char       *number)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *etag = NULL;

  stmt = find_order (request->db, request->caller, number, &error);
  if (stmt == NULL)
    {
      sa_sandbox_respond_gerror (request->msg, error);
      return;
    }

  builder = json_builder_new ();
  add_order (builder, stmt, request->caller->tenant);
  etag = dup_etag (stmt);
  sa_sandbox_respond_builder (request->msg, SOUP_STATUS_OK, builder, etag);
}

/* FALSE (and 400 sent) unless @number is a Sales Order No.: 1 to 20 digits. */
static gboolean
check_order_number (SoupServerMessage *msg,
                    const char        *number)
{
  if (!sa_validate_sales_order_number (number, NULL))
    {
      sa_sandbox_respond_invalid (msg, "salesOrderNumber", "A Sales Order No. is 1 to 20 digits");
      return FALSE;
    }

  return TRUE;
}

/* Answers 200 with the order whose Sales Order No. is the path's. */
static void
get_order (SaSandboxRequest *request)
{
  const char *number = sa_sandbox_request_get_param (request, "salesOrderNumber");

  if (check_order_number (request->msg, number))
    respond_order (request, number);
}

/* The column that searchBy names, or -1 (and 400 sent) when the search is
 * not valid. The order search of procedure 1, step 1. */
static int
parse_search (SoupServerMessage *msg,
              const char        *search_by,
              const char        *value)
{
  SaOrderSearchField field;

  if ((search_by == NULL) != (value == NULL))
    {
      sa_sandbox_respond_invalid (msg, search_by == NULL ? "searchBy" : "value",
                                  "searchBy and value go together");
      return -1;
    }
  if (search_by == NULL)
    return ORDER_COL_NUMBER;
  if (!sa_order_search_field_from_string (search_by, &field))
    {
      sa_sandbox_respond_invalid (msg, "searchBy",
                                  "searchBy is salesOrderNumber, webOrderId or purchaseOrderNumber");
      return -1;
    }
  if (!sa_validate_order_search (field, value, NULL))
    {
      sa_sandbox_respond_invalid (msg, "value", "The search value is not valid for this field");
      return -1;
    }

  switch (field)
    {
    case SA_ORDER_SEARCH_WEB_ORDER_ID:
      return ORDER_COL_WEB_ORDER_ID;
    case SA_ORDER_SEARCH_PURCHASE_ORDER_NUMBER:
      return ORDER_COL_PO_NUMBER;
    case SA_ORDER_SEARCH_SALES_ORDER_NUMBER:
    default:
      return ORDER_COL_NUMBER;
    }
}

/* The `match` and `after` parameters of an order search (docs/desk-api.md,
 * "Orders"); FALSE (and 400 sent) when they are not valid. */
static gboolean
parse_match_and_cursor (SoupServerMessage   *msg,
                        GHashTable          *query,
                        SaSandboxOrderQuery *order_query)
{
  const char *match = g_hash_table_lookup (query, "match");
  const char *after = g_hash_table_lookup (query, "after");

  if (match != NULL)
    {
      if (order_query->field < 0)
        {
          sa_sandbox_respond_invalid (msg, "match", "match goes with searchBy and value");
          return FALSE;
        }
      if (strcmp (match, "contains") == 0)
        order_query->match = SA_SANDBOX_MATCH_CONTAINS;
      else if (strcmp (match, "prefix") == 0)
        order_query->match = SA_SANDBOX_MATCH_PREFIX;
      else if (strcmp (match, "exact") == 0)
        order_query->match = SA_SANDBOX_MATCH_EXACT;
      else
        {
          sa_sandbox_respond_invalid (msg, "match", "match is contains, prefix or exact");
          return FALSE;
        }
    }
  if (after != NULL &&
      (g_hash_table_contains (query, "offset") || !sa_sandbox_order_query_set_cursor (order_query, after)))
    {
      sa_sandbox_respond_invalid (msg, "after",
                                  "after is a nextCursor of this server, and goes without offset");
      return FALSE;
    }

  return TRUE;
}

/* GET /v1/orders?searchBy=&value=&match=&limit=&offset=|after= (the work
 * is in sa-sandbox-order-search.c) */
static void
list_orders (SaSandboxRequest *request)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folded = NULL;
  const char *value = g_hash_table_lookup (request->query, "value");
  const char *search_by = g_hash_table_lookup (request->query, "searchBy");
  g_auto(SaSandboxOrderQuery) query = { request->caller->tenant, request->caller->partner, -1 };
  int column;

  column = parse_search (request->msg, search_by, value);
  if (column < 0 ||
      !sa_sandbox_parse_paging (request->msg, request->query, &query.limit, &query.offset))
    return;
  if (value != NULL)
    {
      folded = g_utf8_casefold (value, -1);
      query.folded_value = folded;
      query.field = column == ORDER_COL_WEB_ORDER_ID ? SA_ORDER_SEARCH_WEB_ORDER_ID
                    : column == ORDER_COL_PO_NUMBER ? SA_ORDER_SEARCH_PURCHASE_ORDER_NUMBER
                    : SA_ORDER_SEARCH_SALES_ORDER_NUMBER;
    }
  if (!parse_match_and_cursor (request->msg, request->query, &query))
    return;

  builder = sa_sandbox_order_search (request->db, &query, write_page_order,
                                     (gpointer) request->caller->tenant, &error);
  if (builder == NULL)
    sa_sandbox_respond_gerror (request->msg, error);
  else
    sa_sandbox_respond_builder (request->msg, SOUP_STATUS_OK, builder, NULL);
}

typedef struct
{
  const SaSandboxCaller *caller;
  const char            *number;
  gint64                 now;
} SaShipment;

/* The order ships, and its licenses go where the rule says. */
static gboolean
ship_order_tx (sqlite3   *db,
               gpointer   data,
               GError   **error)
{
  const SaShipment *shipment = data;
  g_autoptr(sqlite3_stmt) order = find_order (db, shipment->caller, shipment->number, error);

  return order != NULL &&
         sa_sandbox_db_run (db, error,
                            "UPDATE orders SET status = 'SHIPPED', version = version + 1"
                            " WHERE tenant = ?1 AND sales_order_number = ?2 AND status <> 'SHIPPED'",
                            "tt", shipment->caller->tenant, shipment->number) &&
         sa_sandbox_licenses_settle (db, shipment->caller->tenant, shipment->now, error);
}

/* POST /sandbox/orders/{salesOrderNumber}/ship: the order ships (training). */
static void
ship_order (SaSandboxRequest *request)
{
  SaShipment shipment = { request->caller, sa_sandbox_request_get_param (request, "salesOrderNumber"),
                          request->now };
  g_autoptr(GError) error = NULL;

  if (!check_order_number (request->msg, shipment.number))
    return;

  if (!sa_sandbox_db_transaction (request->db, ship_order_tx, &shipment, &error))
    {
      sa_sandbox_respond_gerror (request->msg, error);
      return;
    }

  respond_order (request, shipment.number);
}

/* ------------------------------------------------------------------------ */
/* The assignment change (procedures 1 and 2)                               */

/* One slot of a PUT body. */
typedef struct
{
  gboolean  given;
  char     *domain;
  char     *virtual_account;
} SaSlotRequest;

/* A PUT of the assignment, from its body and headers. */
typedef struct
{
  const SaSandboxCaller *caller;
  const char            *number;
  const char            *if_match;  /* NULL: missing */
  gboolean               terms_accepted;
  SaSlotRequest          end_customer;
  SaSlotRequest          holding;
} SaAssignmentChange;

static void
sa_assignment_change_clear (SaAssignmentChange *change)
{
  g_clear_pointer (&change->end_customer.domain, g_free);
  g_clear_pointer (&change->end_customer.virtual_account, g_free);
  g_clear_pointer (&change->holding.domain, g_free);
  g_clear_pointer (&change->holding.virtual_account, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SaAssignmentChange, sa_assignment_change_clear)

/* Whether every member of @object is one of @allowed; else the last
 * unknown one in @unknown (owned by @object). */
static gboolean
members_are_known (JsonObject         *object,
                   const char * const *allowed,
                   const char        **unknown)
{
  g_autoptr(GList) members = json_object_get_members (object);
  GList *l;

  *unknown = NULL;
  for (l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      *unknown = l->data;

  return *unknown == NULL;
}

/* Reads the slot @member of the body; FALSE with @problem when it is not
 * null, absent or {"domain", "virtualAccount"} of valid text. */
static gboolean
parse_slot (JsonObject    *root,
            const char    *member,
            SaSlotRequest *slot,
            const char   **problem)
{
  static const char *const allowed[] = { "domain", "virtualAccount", NULL };
  JsonNode *node = json_object_get_member (root, member);
  JsonObject *object;
  JsonNode *domain, *va;
  const char *unknown;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      *problem = "must be an object with domain and virtualAccount";
      return FALSE;
    }

  object = json_node_get_object (node);
  if (!members_are_known (object, allowed, &unknown))
    {
      *problem = "has an unknown member";
      return FALSE;
    }

  domain = json_object_get_member (object, "domain");
  va = json_object_get_member (object, "virtualAccount");
  if (domain == NULL || json_node_get_value_type (domain) != G_TYPE_STRING ||
      va == NULL || json_node_get_value_type (va) != G_TYPE_STRING)
    {
      *problem = "domain and virtualAccount must be strings";
      return FALSE;
    }
  if (!sa_validate_domain (json_node_get_string (domain), NULL))
    {
      *problem = "domain is not a valid Domain Identifier";
      return FALSE;
    }
  if (!sa_sandbox_text_is_valid (json_node_get_string (va), SA_MAX_SEARCH_LENGTH))
    {
      *problem = "virtualAccount is not a valid Virtual Account name";
      return FALSE;
    }

  slot->given = TRUE;
  slot->domain = g_strdup (json_node_get_string (domain));
  slot->virtual_account = g_strdup (json_node_get_string (va));

  return TRUE;
}

/* Parses a PUT body into @change; on failure a 400 has been sent. */
static gboolean
parse_assignment_body (SoupServerMessage  *msg,
                       SaAssignmentChange *change)
{
  static const char *const allowed[] = { "endCustomer", "holding", "termsAccepted", NULL };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonNode *terms;
  const char *problem = NULL;
  const char *unknown;

  root = sa_sandbox_parse_body_object (msg);
  if (root == NULL)
    return FALSE;
  object = json_node_get_object (root);

  if (!members_are_known (object, allowed, &unknown))
    {
      /* the member name is user input: only reported if it is sane */
      sa_sandbox_respond_invalid (msg, sa_sandbox_text_is_valid (unknown, 64) ? unknown : NULL,
                                  "The body has an unknown member");
      return FALSE;
    }

  terms = json_object_get_member (object, "termsAccepted");
  if (terms != NULL && json_node_get_value_type (terms) != G_TYPE_BOOLEAN)
    {
      sa_sandbox_respond_invalid (msg, "termsAccepted", "termsAccepted must be true or false");
      return FALSE;
    }
  change->terms_accepted = terms != NULL && json_node_get_boolean (terms);

  if (!parse_slot (object, "endCustomer", &change->end_customer, &problem))
    {
      sa_sandbox_respond_invalid (msg, "endCustomer", problem);
      return FALSE;
    }
  if (!parse_slot (object, "holding", &change->holding, &problem))
    {
      sa_sandbox_respond_invalid (msg, "holding", problem);
      return FALSE;
    }
  if (!change->end_customer.given && !change->holding.given)
    {
      sa_sandbox_respond_invalid (msg, NULL, "Give endCustomer, holding or both");
      return FALSE;
    }

  return TRUE;
}

/* The checks of the order itself, in the documented order: If-Match present
 * (428) and current (412), not SHIPPED (409), terms accepted (422). */
static gboolean
check_order_state (sqlite3_stmt              *order,
                   const SaAssignmentChange  *change,
                   GError                   **error)
{
  g_autofree char *etag = dup_etag (order);
  g_autofree char *if_match = g_strdup (change->if_match);

  if (if_match == NULL)
    g_set_error_literal (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_PRECONDITION_REQUIRED,
                         "The If-Match header with the order's ETag is required");
  /* Only the exact strong ETag matches ("*" does not: a change needs the
   * version the user has seen). */
  else if (strcmp (g_strstrip (if_match), etag) != 0)
    g_set_error_literal (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_VERSION_CONFLICT,
                         "The order changed since it was read; reload it");
  else if (g_strcmp0 (sa_sandbox_db_text (order, ORDER_COL_STATUS),
                      sa_order_status_to_string (SA_ORDER_STATUS_SHIPPED)) == 0)
    g_set_error_literal (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_ORDER_SHIPPED,
                         "The order has shipped: its Smart Account assignment can no longer change");
  else if (!change->terms_accepted)
    g_set_error_literal (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_TERMS_NOT_ACCEPTED,
                         "The terms must be accepted");
  else
    return TRUE;

  return FALSE;
}

/* The account of one slot: the account exists with that domain and the
 * caller may reach it (404 otherwise: a restricted account without an
 * approved access request, unless it is the slot's @current_domain already),
 * has the slot's type (422 WRONG_ACCOUNT_TYPE), the Virtual Account is one of
 * its own (422 VIRTUAL_ACCOUNT_NOT_FOUND). Its id, or NULL with the error. */
static char *
find_slot_account (sqlite3                *db,
                   const SaSandboxCaller  *caller,
                   const SaSlotRequest    *slot,
                   SaAccountType           slot_type,
                   const char             *current_domain,
                   GError                **error)
{
  g_autoptr(sqlite3_stmt) account = NULL;
  g_autoptr(sqlite3_stmt) va = NULL;

  /* the account of the slot's type first, when the domain has two */
  if (!sa_sandbox_db_query_row (db, &account, error,
                                "SELECT id, type = ?3 FROM smart_accounts WHERE tenant = ?1 AND domain = ?2"
                                " AND (" SA_SANDBOX_ACCOUNT_REACHABLE " OR domain = ?4)"
                                " ORDER BY type = ?3 DESC LIMIT 1",
                                "tttt", caller->tenant, slot->domain, sa_account_type_to_string (slot_type),
                                current_domain))
    return NULL;
  if (account == NULL)
    g_set_error_literal (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND,
                         "No Smart Account has this Domain Identifier");
  else if (sqlite3_column_int (account, 1) == 0)
    g_set_error_literal (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_WRONG_ACCOUNT_TYPE,
                         slot_type == SA_ACCOUNT_TYPE_HOLDING
                           ? "The Holding Smart Account must be a HOLDING account"
                           : "The End Customer Smart Account must be a CUSTOMER account");
  else if (sa_sandbox_db_query_row (db, &va, error,
                                    "SELECT 1 FROM virtual_accounts"
                                    " WHERE tenant = ?1 AND account_id = ?2 AND name = ?3",
                                    "ttt", caller->tenant, sa_sandbox_db_text (account, 0),
                                    slot->virtual_account) &&
           va == NULL)
    g_set_error_literal (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_VIRTUAL_ACCOUNT_NOT_FOUND,
                         "This Virtual Account does not belong to the Smart Account");
  else if (va != NULL)
    return g_strdup (sa_sandbox_db_text (account, 0));

  return NULL;
}

/* The transaction of a PUT: every check after the body's, then the change. */
static gboolean
change_assignment_tx (sqlite3   *db,
                      gpointer   data,
                      GError   **error)
{
  SaAssignmentChange *change = data;
  g_autoptr(sqlite3_stmt) order = NULL;
  g_autofree char *ec_id = NULL;
  g_autofree char *h_id = NULL;
  g_autofree char *ec_domain = NULL;
  g_autofree char *h_domain = NULL;
  gint64 version;

  order = find_order (db, change->caller, change->number, error);
  if (order == NULL || !check_order_state (order, change, error))
    return FALSE;
  version = sqlite3_column_int64 (order, ORDER_COL_VERSION);
  ec_domain = g_strdup (sa_sandbox_db_text (order, ORDER_COL_EC_DOMAIN));
  h_domain = g_strdup (sa_sandbox_db_text (order, ORDER_COL_H_DOMAIN));
  g_clear_pointer (&order, sqlite3_finalize);

  if (change->end_customer.given &&
      (ec_id = find_slot_account (db, change->caller, &change->end_customer,
                                  SA_ACCOUNT_TYPE_CUSTOMER, ec_domain, error)) == NULL)
    return FALSE;
  if (change->holding.given &&
      (h_id = find_slot_account (db, change->caller, &change->holding,
                                 SA_ACCOUNT_TYPE_HOLDING, h_domain, error)) == NULL)
    return FALSE;

  if (!sa_sandbox_db_run (db, error,
                          "UPDATE orders SET"
                          " end_customer_account = CASE WHEN ?3 THEN ?4 ELSE end_customer_account END,"
                          " end_customer_va = CASE WHEN ?3 THEN ?5 ELSE end_customer_va END,"
                          " holding_account = CASE WHEN ?6 THEN ?7 ELSE holding_account END,"
                          " holding_va = CASE WHEN ?6 THEN ?8 ELSE holding_va END,"
                          " version = version + 1"
                          " WHERE tenant = ?1 AND sales_order_number = ?2 AND version = ?9",
                          "ttbttbtti", change->caller->tenant, change->number,
                          change->end_customer.given, ec_id, change->end_customer.virtual_account,
                          change->holding.given, h_id, change->holding.virtual_account, version))
    return FALSE;

  return sqlite3_changes (db) == 1 || sa_sandbox_db_fail (db, "update", error);
}

/* PUT /v1/orders/{salesOrderNumber}/smart-account-assignment
 *
 * Check order of docs/desk-api.md: body (400), order exists (404), access
 * (403), If-Match present (428) and current (412), not SHIPPED (409), terms
 * (422), each account (404 / 422 type / 422 Virtual Account). */
static void
put_assignment (SaSandboxRequest *request)
{
  g_auto(SaAssignmentChange) change = { 0 };
  g_autoptr(GError) error = NULL;

  change.caller = request->caller;
  change.number = sa_sandbox_request_get_param (request, "salesOrderNumber");
  change.if_match = soup_message_headers_get_one (soup_server_message_get_request_headers (request->msg),
                                                  "If-Match");
  if (!parse_assignment_body (request->msg, &change) ||
      !check_order_number (request->msg, change.number))
    return;

  if (!sa_sandbox_db_transaction (request->db, change_assignment_tx, &change, &error))
    {
      sa_sandbox_respond_gerror (request->msg, error);
      return;
    }

  g_debug ("order %s assignment changed by %s", change.number, request->caller->username);
  respond_order (request, change.number);
}

static const SaSandboxRoute routes[] = {
  { "GET", "/v1/orders", list_orders, SA_SANDBOX_SIGNED_IN, SA_SANDBOX_READS_ONLY },
  /* details: one row on the primary key, answered at once in the server's thread */
  { "GET", "/v1/orders/{salesOrderNumber}", get_order, SA_SANDBOX_SIGNED_IN },
  { "PUT", "/v1/orders/{salesOrderNumber}/smart-account-assignment", put_assignment,
    SA_SANDBOX_SIGNED_IN },
  { "POST", "/sandbox/orders/{salesOrderNumber}/ship", ship_order, SA_SANDBOX_SIGNED_IN },
};

const SaSandboxRouteTable sa_sandbox_orders_routes = SA_SANDBOX_ROUTE_TABLE (routes);

