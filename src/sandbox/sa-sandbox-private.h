/* sa-sandbox-private.h — what the sandbox's files share: the server's
 * instance struct, the signed-in caller, the request context every endpoint
 * handler receives, and the route tables of the resource files
 *
 * Adding an endpoint: one row in the route table of its resource file
 * (sa-sandbox-orders.c, …) and one handler beside it. Adding a resource file:
 * its table below, in the router's list (sa-sandbox-router.c) and in meson.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>
#include <sqlite3.h>

#include "sa-sandbox-accept.h"
#include "sa-sandbox-server.h"
#include "sa-sandbox-db.h"
#include "sa-sandbox-http.h"
#include "sa-sandbox-json.h"

G_BEGIN_DECLS

typedef struct _SaSandboxRouter SaSandboxRouter;
typedef struct _SaSandboxReaders SaSandboxReaders;

struct _SaSandboxServer
{
  GObject          parent_instance;

  char            *data_dir;
  sqlite3         *db;
  SoupServer      *server;
  SaSandboxRouter *router;
  GHashTable      *tokens;         /* SHA-256 hex of the token → SaSandboxToken */
  char            *dummy_hash;     /* checked for unknown users, to take the same time */
  gint64           token_lifetime; /* µs */
  GTlsCertificate *tls_certificate; /* NULL: plain HTTP */
  SaSandboxAcceptor *acceptor;     /* accepts the connections (sa-sandbox-accept.c) */
  GHashTable      *cisco_users;    /* user name → their Cisco gateway state (sa-sandbox-cisco-faults.c) */
  GHashTable      *sign_in_failures; /* "user:…"/"address:…" → failed sign-ins (sa-sandbox-auth.c) */
  SaSandboxReaders *readers;       /* the read connections and their threads (sa-sandbox-readers.c) */
};

/* The signed-in user of one request. */
typedef struct
{
  char *username;
  char *tenant;   /* the copy of the data they work on */
  char *partner;  /* the partner company whose orders they may see */
  char *identity; /* users.identity: changes when the user is removed and added again */
} SaSandboxCaller;

void sa_sandbox_caller_clear (SaSandboxCaller *caller);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SaSandboxCaller, sa_sandbox_caller_clear)

/**
 * SaSandboxRequest:
 * @server: the server
 * @msg: the request, to answer
 * @db: the database connection to use
 * @caller: the signed-in user; %NULL on routes that need no sign-in
 * @query: the decoded query parameters (name → value); empty on routes that
 *   need no sign-in
 * @params: the `{name}` segments of the route's pattern → their decoded text
 * @now: "now" on the caller's sandbox clock (sa_sandbox_db_clock_now()), in
 *   seconds since the epoch; the real time on routes that need no sign-in
 *
 * What a handler receives; valid while the handler runs (a handler that
 * pauses the message keeps its own copies). Use
 * sa_sandbox_request_get_param() for @params.
 */
typedef struct
{
  SaSandboxServer       *server;
  SoupServerMessage     *msg;
  sqlite3               *db;
  const SaSandboxCaller *caller;
  GHashTable            *query;
  GHashTable            *params;
  gint64                 now;
} SaSandboxRequest;

/* Answers the request: a response must be set when it returns, or the
 * message paused (soup_server_message_pause()) and answered later. */
typedef void (*SaSandboxHandler) (SaSandboxRequest *request);

typedef enum
{
  SA_SANDBOX_PUBLIC,    /* no sign-in: the token endpoints */
  SA_SANDBOX_SIGNED_IN, /* a valid Desk API bearer token, else 401 */
  SA_SANDBOX_CISCO,     /* a Cisco-shaped path: a valid Cisco bearer token, else
                         * Cisco's 401; the user's training faults and request
                         * log (sa-sandbox-cisco-gateway.c) */
} SaSandboxAccess;

typedef enum
{
  SA_SANDBOX_ROUTE_DEFAULT = 0,
  /* the handler only reads: it runs in a worker thread on a read
   * connection (sa-sandbox-readers.c), uses neither request->server nor
   * request->msg other than through sa_sandbox_respond_*() */
  SA_SANDBOX_READS_ONLY    = 1 << 0,
} SaSandboxRouteFlags;

/**
 * SaSandboxRoute:
 * @method: "GET", "POST" or "PUT"
 * @pattern: the path: literal segments and `{name}` segments, e.g.
 *   "/v1/orders/{salesOrderNumber}/smart-account-assignment"; the query
 *   string is the handler's (@query)
 * @handler: answers the request
 * @access: whether the route needs a signed-in caller
 * @flags: %SA_SANDBOX_READS_ONLY for handlers that run in a worker thread
 *
 * One row of a route table. The rows of one path give its `Allow` header
 * and its 405.
 */
typedef struct
{
  const char       *method;
  const char       *pattern;
  SaSandboxHandler     handler;
  SaSandboxAccess      access;
  SaSandboxRouteFlags  flags;
} SaSandboxRoute;

typedef struct
{
  const SaSandboxRoute *rows;
  gsize                 n_rows;
} SaSandboxRouteTable;

#define SA_SANDBOX_ROUTE_TABLE(rows) { (rows), G_N_ELEMENTS (rows) }

/*
 * SA_SANDBOX_ACCOUNT_REACHABLE:
 *
 * The one rule for restricted Smart Accounts (procedure 4, "request access"), as
 * an SQL condition on a `smart_accounts` row whose statement binds the caller's
 * tenant as `?1`: an open account is there for everyone, a restricted one only
 * for a user whose access request for it was approved. Account search, the
 * Virtual Account list and an order's assignment all apply it, and answer as if
 * an account that fails it did not exist (no way to tell it from a wrong domain).
 */
#define SA_SANDBOX_ACCOUNT_REACHABLE \
  "(restricted = 0 OR id IN (SELECT account_id FROM access_requests" \
  " WHERE tenant = ?1 AND status = 'APPROVED'))"

/* The route tables, one a resource file. */
extern const SaSandboxRouteTable sa_sandbox_auth_routes;
extern const SaSandboxRouteTable sa_sandbox_profile_routes;
extern const SaSandboxRouteTable sa_sandbox_orders_routes;
extern const SaSandboxRouteTable sa_sandbox_accounts_routes;
extern const SaSandboxRouteTable sa_sandbox_account_requests_routes;
extern const SaSandboxRouteTable sa_sandbox_access_requests_routes;
extern const SaSandboxRouteTable sa_sandbox_training_routes;
/* training scenarios, the class, devices and export holds (issue 14) */
extern const SaSandboxRouteTable sa_sandbox_scenarios_routes;
extern const SaSandboxRouteTable sa_sandbox_class_routes;
extern const SaSandboxRouteTable sa_sandbox_devices_routes;
extern const SaSandboxRouteTable sa_sandbox_cisco_gateway_routes;
extern const SaSandboxRouteTable sa_sandbox_cisco_faults_routes;
extern const SaSandboxRouteTable sa_sandbox_cisco_accounts_routes;
extern const SaSandboxRouteTable sa_sandbox_cisco_licenses_routes;
extern const SaSandboxRouteTable sa_sandbox_cisco_orders_routes;

SaSandboxRouter *sa_sandbox_router_new         (const SaSandboxRouteTable * const *tables,
                                                gsize                              n_tables);
void             sa_sandbox_router_free        (SaSandboxRouter  *router);
const SaSandboxRoute *sa_sandbox_router_match  (SaSandboxRouter  *router,
                                                const char       *method,
                                                GStrv             segments,
                                                GHashTable      **params,
                                                const char      **allow);
void             sa_sandbox_router_handle      (SoupServer        *server,
                                                SoupServerMessage *msg,
                                                const char        *path,
                                                GHashTable        *query,
                                                gpointer           user_data);
const char      *sa_sandbox_request_get_param  (SaSandboxRequest  *request,
                                                const char        *name);
void             sa_sandbox_respond_tenant_list (SaSandboxRequest   *request,
                                                 const char         *sql,
                                                 const char         *member,
                                                 SaSandboxRowWriter  write_row);

/* The read connections and their worker threads (sa-sandbox-readers.c). */
SaSandboxReaders *sa_sandbox_readers_new       (const char        *path,
                                                guint              n_readers,
                                                GError           **error);
void             sa_sandbox_readers_free       (SaSandboxReaders  *readers);
void             sa_sandbox_readers_run        (SaSandboxReaders  *readers,
                                                SaSandboxRequest  *request,
                                                SaSandboxHandler   handler,
                                                char             **segments,
                                                SaSandboxCaller   *caller);

/* Shared by the resource files. */
void             sa_sandbox_accounts_add_json  (JsonBuilder       *builder,
                                                sqlite3_stmt      *stmt,
                                                int                first_column);
char            *sa_sandbox_account_search_sql (const char        *column,
                                                gboolean           trigram,
                                                gboolean           small,
                                                char             **count_sql);
void             sa_sandbox_accounts_write_row (JsonBuilder       *builder,
                                                sqlite3_stmt      *stmt,
                                                gpointer           unused);
gboolean         sa_sandbox_account_requests_settle (sqlite3      *db,
                                                     const char   *tenant,
                                                     gint64        now,
                                                     GError      **error);

/* The columns of an Order (sa-sandbox-orders.c, ORDER_COL_*): the order
 * and its End Customer and Holding Smart Accounts. */
#define SA_SANDBOX_ORDER_COLUMNS \
  "SELECT o.sales_order_number, o.web_order_id, o.purchase_order_number, o.status," \
  " o.export_hold, o.end_customer_name, o.description, o.created_date, o.version," \
  " o.partner, ec.domain, ec.name, ec.type, ec.status, o.end_customer_va," \
  " h.domain, h.name, h.type, h.status, o.holding_va"
#define SA_SANDBOX_ORDER_JOINS \
  " LEFT JOIN smart_accounts ec ON ec.tenant = o.tenant AND ec.id = o.end_customer_account" \
  " LEFT JOIN smart_accounts h ON h.tenant = o.tenant AND h.id = o.holding_account"
#define SA_SANDBOX_ORDER_SELECT SA_SANDBOX_ORDER_COLUMNS " FROM orders o" SA_SANDBOX_ORDER_JOINS
#define SA_SANDBOX_ORDER_N_COLUMNS 20
/* A page of orders reads their lines in the same statement: these columns
 * follow SA_SANDBOX_ORDER_COLUMNS, one row a line (NULL for an order without
 * lines), in the order of line_number (the primary key of order_lines). */
#define SA_SANDBOX_ORDER_LINE_COLUMNS \
  ", l.line_number, l.product, l.description, l.quantity, l.license_sku"
#define SA_SANDBOX_ORDER_LINE_JOIN \
  " LEFT JOIN order_lines l ON l.tenant = o.tenant AND l.sales_order_number = o.sales_order_number"

/**
 * SaSandboxOrderWriter:
 * @builder: a builder inside the array of orders
 * @stmt: the page's statement, standing on the first row of an order:
 *   SA_SANDBOX_ORDER_COLUMNS then SA_SANDBOX_ORDER_LINE_COLUMNS, one row for
 *   each of its lines
 * @data: the writer's data
 * @error: return location for a #GError
 *
 * Writes one order of a page (sa_sandbox_order_search()) and steps @stmt
 * past its lines.
 *
 * Returns: %TRUE when @stmt stands on the next order's first row; %FALSE
 *   after the last row, or with %G_IO_ERROR_FAILED set
 */
typedef gboolean (*SaSandboxOrderWriter) (JsonBuilder   *builder,
                                          sqlite3_stmt  *stmt,
                                          gpointer       data,
                                          GError       **error);

/**
 * SaSandboxOrderQuery:
 * @tenant: the caller's tenant
 * @partner: the caller's partner company: only its orders are listed
 * @field: the #SaOrderSearchField searched, or -1 for the whole list
 * @folded_value: (nullable): the search value through g_utf8_casefold()
 * @match: how @folded_value matches the field
 * @limit: orders in the page, 1 to 100
 * @offset: orders skipped before the page (or the cursor's position)
 * @cursor_date: (nullable): with @cursor_number, the page starts after this
 *   order (sa_sandbox_order_query_set_cursor())
 * @cursor_number: (nullable): the cursor's Sales Order No.
 *
 * One GET /v1/orders, for sa_sandbox_order_search() (sa-sandbox-order-search.c).
 */
typedef struct
{
  const char     *tenant;
  const char     *partner;
  int             field;
  const char     *folded_value;
  SaSandboxMatch  match;
  guint64         limit;
  guint64         offset;
  char           *cursor_date;
  char           *cursor_number;
} SaSandboxOrderQuery;

gboolean         sa_sandbox_order_query_set_cursor (SaSandboxOrderQuery *query,
                                                    const char          *cursor);
void             sa_sandbox_order_query_clear  (SaSandboxOrderQuery       *query);
char            *sa_sandbox_order_search_sql   (const SaSandboxOrderQuery *query,
                                                gboolean                   small);
char            *sa_sandbox_order_count_sql    (const SaSandboxOrderQuery *query);
JsonBuilder     *sa_sandbox_order_search       (sqlite3                   *db,
                                                const SaSandboxOrderQuery *query,
                                                SaSandboxOrderWriter       write_order,
                                                gpointer                   data,
                                                GError                   **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SaSandboxOrderQuery, sa_sandbox_order_query_clear)

/* The license model (sa-sandbox-licenses.c). */
gboolean         sa_sandbox_licenses_settle    (sqlite3           *db,
                                                const char        *tenant,
                                                gint64             now,
                                                GError           **error);
void             sa_sandbox_licenses_add_order_line (JsonBuilder  *builder,
                                                    sqlite3_stmt *stmt,
                                                    int           first_column);
void             sa_sandbox_licenses_add_order_lines (JsonBuilder *builder,
                                                      sqlite3     *db,
                                                      const char  *tenant,
                                                      const char  *number);

G_END_DECLS
