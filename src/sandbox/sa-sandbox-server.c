/* sa-sandbox-server.c — the sandbox back office: SoupServer over SQLite
 *
 * Implements the Desk API v1 (docs/desk-api.md) over a SQLite database of
 * training data. Every SQL statement is a constant string with bound
 * parameters; no SQL is ever built from request data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sa-sandbox-server.h"

#include <crypt.h>
#include <errno.h>
#include <string.h>
#include <sys/random.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <sqlite3.h>

#include "sa-error.h"
#include "sa-types.h"
#include "sa-validate.h"
#include "sa-sandbox-resources.h"

#define SA_SANDBOX_MAX_BODY          (64 * 1024)
#define SA_SANDBOX_MAX_JSON_DEPTH    16
#define SA_SANDBOX_MAX_QUERY         4096
#define SA_SANDBOX_MAX_TOKEN         128
#define SA_SANDBOX_MAX_PATH_SEGMENTS 8
#define SA_SANDBOX_DEFAULT_LIMIT     50
#define SA_SANDBOX_MAX_LIMIT         100
#define SA_SANDBOX_TOKEN_LIFETIME    3600 /* seconds */
#define SA_SANDBOX_LISTEN_BACKLOG    128
#define SA_SANDBOX_TRAINING_RESOURCE "/io/github/sadesk/SmartAccountDesk/sandbox/training-data.sql"
#define SA_SANDBOX_TRAINING_TENANT   "trainee"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

typedef struct
{
  char   *username;
  gint64  expires_at; /* g_get_monotonic_time() µs */
} SaToken;

struct _SaSandboxServer
{
  GObject     parent_instance;

  char       *data_dir;
  sqlite3    *db;
  SoupServer *server;
  GHashTable *tokens;         /* SHA-256 hex of the token → SaToken */
  char       *dummy_hash;     /* checked for unknown users, to take the same time */
  gint64      token_lifetime; /* µs */
  gboolean    https;          /* a TLS certificate was set */
};

G_DEFINE_FINAL_TYPE (SaSandboxServer, sa_sandbox_server, G_TYPE_OBJECT)

/* The signed-in user of one request. */
typedef struct
{
  char *username;
  char *tenant;
  char *partner;
} SaCaller;

static void
sa_caller_clear (SaCaller *caller)
{
  g_clear_pointer (&caller->username, g_free);
  g_clear_pointer (&caller->tenant, g_free);
  g_clear_pointer (&caller->partner, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SaCaller, sa_caller_clear)

static void
sa_token_free (gpointer data)
{
  SaToken *token = data;

  g_free (token->username);
  g_free (token);
}

static const char schema_sql[] =
  "PRAGMA foreign_keys = ON;"
  "CREATE TABLE IF NOT EXISTS partners ("
  "  tenant TEXT NOT NULL,"
  "  id TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  country TEXT NOT NULL,"
  "  PRIMARY KEY (tenant, id));"
  "CREATE TABLE IF NOT EXISTS users ("
  "  username TEXT PRIMARY KEY,"
  "  password_hash TEXT NOT NULL,"
  "  tenant TEXT NOT NULL,"   /* whose copy of the data this user works on */
  "  partner TEXT NOT NULL,"
  "  first_name TEXT NOT NULL,"
  "  last_name TEXT NOT NULL,"
  "  email TEXT NOT NULL,"
  "  country TEXT NOT NULL,"
  "  phone TEXT NOT NULL,"
  "  company TEXT);"     /* NULL: the partner's name */
  "CREATE TABLE IF NOT EXISTS smart_accounts ("
  "  tenant TEXT NOT NULL,"
  "  id TEXT NOT NULL,"
  "  domain TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  type TEXT NOT NULL CHECK (type IN ('CUSTOMER', 'HOLDING')),"
  "  status TEXT NOT NULL CHECK (status IN ('ACTIVE', 'PENDING', 'EXPIRED')),"
  "  email TEXT NOT NULL,"
  "  restricted INTEGER NOT NULL DEFAULT 0,"   /* found only with an approved access request */
  "  PRIMARY KEY (tenant, id),"
  "  UNIQUE (tenant, domain, type));"
  "CREATE TABLE IF NOT EXISTS virtual_accounts ("
  "  tenant TEXT NOT NULL,"
  "  account_id TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  description TEXT NOT NULL,"
  "  is_default INTEGER NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (tenant, account_id, name),"
  "  FOREIGN KEY (tenant, account_id) REFERENCES smart_accounts (tenant, id) ON DELETE CASCADE);"
  "CREATE TABLE IF NOT EXISTS orders ("
  "  tenant TEXT NOT NULL,"
  "  sales_order_number TEXT NOT NULL,"
  "  web_order_id TEXT NOT NULL,"
  "  purchase_order_number TEXT NOT NULL,"
  "  status TEXT NOT NULL CHECK (status IN ('ENTERED', 'BOOKED', 'SCHEDULED', 'SHIPPED')),"
  "  export_hold INTEGER NOT NULL,"
  "  end_customer_name TEXT NOT NULL,"
  "  description TEXT NOT NULL,"
  "  created_date TEXT NOT NULL,"
  "  version INTEGER NOT NULL,"
  "  partner TEXT NOT NULL,"
  "  end_customer_account TEXT,"
  "  end_customer_va TEXT,"
  "  holding_account TEXT,"
  "  holding_va TEXT,"
  "  PRIMARY KEY (tenant, sales_order_number),"
  "  FOREIGN KEY (tenant, partner) REFERENCES partners (tenant, id),"
  "  FOREIGN KEY (tenant, end_customer_account) REFERENCES smart_accounts (tenant, id),"
  "  FOREIGN KEY (tenant, holding_account) REFERENCES smart_accounts (tenant, id));"
  "CREATE TABLE IF NOT EXISTS account_requests ("
  "  tenant TEXT NOT NULL,"
  "  id TEXT NOT NULL,"
  "  account_id TEXT NOT NULL,"
  "  account_name TEXT NOT NULL,"
  "  account_domain TEXT NOT NULL,"
  "  customer_email TEXT NOT NULL,"
  "  note_to_customer TEXT NOT NULL,"
  "  users TEXT NOT NULL,"          /* JSON array of e-mails */
  "  note_to_users TEXT NOT NULL,"
  "  status TEXT NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'EXPIRED')),"
  "  created_at INTEGER NOT NULL,"  /* seconds since the epoch, sandbox clock */
  "  expires_at INTEGER NOT NULL,"
  "  PRIMARY KEY (tenant, id),"
  "  FOREIGN KEY (tenant, account_id) REFERENCES smart_accounts (tenant, id));"
  "CREATE TABLE IF NOT EXISTS access_requests ("
  "  tenant TEXT NOT NULL,"
  "  id TEXT NOT NULL,"
  "  account_id TEXT NOT NULL,"
  "  reason TEXT NOT NULL,"
  "  status TEXT NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'DENIED')),"
  "  created_at INTEGER NOT NULL,"
  "  decided_at INTEGER,"
  "  last_reminder_at INTEGER,"
  "  PRIMARY KEY (tenant, id),"
  "  FOREIGN KEY (tenant, account_id) REFERENCES smart_accounts (tenant, id));"
  "CREATE TABLE IF NOT EXISTS clocks ("
  "  tenant TEXT PRIMARY KEY,"
  "  offset_seconds INTEGER NOT NULL);"   /* sandbox "now" = real time + offset */
  "CREATE INDEX IF NOT EXISTS account_requests_status ON account_requests (tenant, status);"
  "CREATE INDEX IF NOT EXISTS access_requests_account ON access_requests (tenant, account_id);";

/* Data tables, parents first (the order of copies; deletes go backwards). */
static const char *const data_tables[] = {
  "partners", "smart_accounts", "virtual_accounts", "orders",
  "account_requests", "access_requests",
};

#define SA_SANDBOX_SCHEMA_VERSION 2

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
  ORDER_COL_EC_DOMAIN,
  ORDER_COL_EC_NAME,
  ORDER_COL_EC_TYPE,
  ORDER_COL_EC_STATUS,
  ORDER_COL_EC_VA,
  ORDER_COL_H_DOMAIN,
  ORDER_COL_H_NAME,
  ORDER_COL_H_TYPE,
  ORDER_COL_H_STATUS,
  ORDER_COL_H_VA,
};

#define ORDER_SELECT \
  "SELECT o.sales_order_number, o.web_order_id, o.purchase_order_number, o.status," \
  " o.export_hold, o.end_customer_name, o.description, o.created_date, o.version," \
  " o.partner, ec.domain, ec.name, ec.type, ec.status, o.end_customer_va," \
  " h.domain, h.name, h.type, h.status, o.holding_va" \
  " FROM orders o" \
  " LEFT JOIN smart_accounts ec ON ec.tenant = o.tenant AND ec.id = o.end_customer_account" \
  " LEFT JOIN smart_accounts h ON h.tenant = o.tenant AND h.id = o.holding_account"

/* ------------------------------------------------------------------------ */
/* Database helpers                                                          */

static gboolean
db_fail (sqlite3     *db,
         const char  *what,
         GError     **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               "SQLite: %s: %s", what, sqlite3_errmsg (db));
  return FALSE;
}

static sqlite3_stmt *
db_prepare (SaSandboxServer  *self,
            const char       *sql,
            GError          **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      db_fail (self->db, "prepare", error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}

static gboolean
db_exec (SaSandboxServer  *self,
         const char       *constant_sql,
         GError          **error)
{
  char *errmsg = NULL;

  if (sqlite3_exec (self->db, constant_sql, NULL, NULL, &errmsg) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "SQLite: %s",
                   errmsg ? errmsg : "error");
      sqlite3_free (errmsg);
      return FALSE;
    }

  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static void
db_rollback (SaSandboxServer *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* ------------------------------------------------------------------------ */
/* Secrets                                                                   */

static gboolean
fill_random (guint8  *buffer,
             gsize    length,
             GError **error)
{
  gsize done = 0;

  while (done < length)
    {
      ssize_t n = getrandom (buffer + done, length - done, 0);

      if (n < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "getrandom: %s", g_strerror (saved_errno));
          return FALSE;
        }
      done += (gsize) n;
    }

  return TRUE;
}

/* 32 random bytes as unpadded base64url (43 characters). */
static char *
new_token_string (GError **error)
{
  guint8 bytes[32];
  char *token;

  if (!fill_random (bytes, sizeof bytes, error))
    return NULL;

  token = g_base64_encode (bytes, sizeof bytes);
  explicit_bzero (bytes, sizeof bytes);
  g_strdelimit (token, "+", '-');
  g_strdelimit (token, "/", '_');
  g_strdelimit (token, "=", '\0');

  return token;
}

static char *
token_key (const char *token)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}

/* A yescrypt hash of @password, or NULL. */
static char *
hash_password (const char  *password,
               GError     **error)
{
  char setting[CRYPT_GENSALT_OUTPUT_SIZE];
  struct crypt_data data;
  char *hash;

  if (crypt_gensalt_rn ("$y$", 0, NULL, 0, setting, sizeof setting) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "crypt_gensalt_rn failed");
      return NULL;
    }

  memset (&data, 0, sizeof data);
  hash = crypt_rn (password, setting, &data, sizeof data);
  if (hash == NULL || hash[0] == '*')
    {
      explicit_bzero (&data, sizeof data);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "crypt_rn failed");
      return NULL;
    }

  hash = g_strdup (hash);
  explicit_bzero (&data, sizeof data);

  return hash;
}

static gboolean
check_password (const char *password,
                const char *stored_hash)
{
  struct crypt_data data;
  const char *hash;
  gboolean ok = FALSE;

  memset (&data, 0, sizeof data);
  hash = crypt_rn (password, stored_hash, &data, sizeof data);
  if (hash != NULL && hash[0] != '*')
    {
      gsize a = strlen (hash), b = strlen (stored_hash);
      guint diff = (guint) (a ^ b);
      gsize i;

      for (i = 0; i < a && i < b; i++)
        diff |= (guint) (hash[i] ^ stored_hash[i]);
      ok = diff == 0;
    }
  explicit_bzero (&data, sizeof data);

  return ok;
}

/* ------------------------------------------------------------------------ */
/* Training data                                                             */

static gboolean
set_missing_password_hashes (SaSandboxServer  *self,
                             GError          **error)
{
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autofree char *hash = NULL;

  hash = hash_password (SA_SANDBOX_TRAINING_PASSWORD, error);
  if (hash == NULL)
    return FALSE;

  update = db_prepare (self,
                       "UPDATE users SET password_hash = ?1"
                       " WHERE username = ?2 AND password_hash = '!'",
                       error);
  if (update == NULL)
    return FALSE;
  bind_text (update, 1, hash);
  bind_text (update, 2, SA_SANDBOX_TRAINING_USERNAME);
  if (sqlite3_step (update) != SQLITE_DONE)
    return db_fail (self->db, "set password", error);

  return TRUE;
}

/* Runs constant @sql with @text bound to ?1 (when not NULL) until done. */
static gboolean
db_exec_bound (SaSandboxServer  *self,
               const char       *sql,
               const char       *text,
               GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = db_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (text != NULL)
    bind_text (stmt, 1, text);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    return db_fail (self->db, "exec", error);

  return TRUE;
}

/* Loads the training data into @tenant, replacing every row it had (orders,
 * accounts, requests, clock). The script of data/sandbox/training-data.sql
 * runs into temporary, constraint-free copies of the tables (which shadow the
 * main ones for unqualified names), whose rows are then copied into @tenant.
 * When @username is not NULL, that user is created too, working on @tenant,
 * with the template user's profile (@email instead of its e-mail when given)
 * and @password_hash. One transaction: all or nothing. Table names in the SQL
 * built here come from the constant data_tables[] only. */
static gboolean
load_training_data (SaSandboxServer  *self,
                    const char       *tenant,
                    const char       *username,
                    const char       *password_hash,
                    const char       *email,
                    GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  guint i;

  bytes = g_resource_lookup_data (sa_sandbox_get_resource (),
                                  SA_SANDBOX_TRAINING_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  if (!db_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (i = G_N_ELEMENTS (data_tables); i > 0; i--)
    {
      g_autofree char *del = g_strdup_printf ("DELETE FROM main.%s WHERE tenant = ?1",
                                              data_tables[i - 1]);

      if (!db_exec_bound (self, del, tenant, error))
        goto fail;
    }
  if (!db_exec_bound (self, "DELETE FROM main.clocks WHERE tenant = ?1", tenant, error))
    goto fail;

  for (i = 0; i <= G_N_ELEMENTS (data_tables); i++)
    {
      const char *table = i < G_N_ELEMENTS (data_tables) ? data_tables[i] : "users";
      g_autofree char *create = g_strdup_printf ("DROP TABLE IF EXISTS temp.%s;"
                                                 "CREATE TEMP TABLE %s AS SELECT * FROM main.%s WHERE 0",
                                                 table, table, table);

      if (!db_exec (self, create, error))
        goto fail;
    }

  /* Trusted, constant SQL compiled into the program. */
  if (!db_exec (self, sql, error))
    goto fail;

  if (!db_exec (self, "UPDATE temp.smart_accounts SET restricted = 0 WHERE restricted IS NULL", error))
    goto fail;
  for (i = 0; i < G_N_ELEMENTS (data_tables); i++)
    {
      g_autofree char *update = g_strdup_printf ("UPDATE temp.%s SET tenant = ?1", data_tables[i]);
      g_autofree char *copy = g_strdup_printf ("INSERT INTO main.%s SELECT * FROM temp.%s",
                                               data_tables[i], data_tables[i]);

      if (!db_exec_bound (self, update, tenant, error) ||
          !db_exec (self, copy, error))
        goto fail;
    }

  if (username != NULL)
    {
      g_autoptr(sqlite3_stmt) user = NULL;

      user = db_prepare (self,
                         "INSERT INTO main.users (username, password_hash, tenant, partner,"
                         " first_name, last_name, email, country, phone, company)"
                         " SELECT ?1, ?2, ?3, partner, first_name, last_name, coalesce(?4, email),"
                         " country, phone, company FROM temp.users"
                         " WHERE username = '" SA_SANDBOX_TRAINING_USERNAME "'",
                         error);
      if (user == NULL)
        goto fail;
      bind_text (user, 1, username);
      bind_text (user, 2, password_hash);
      bind_text (user, 3, tenant);
      bind_text (user, 4, email);
      if (sqlite3_step (user) != SQLITE_DONE || sqlite3_changes (self->db) != 1)
        {
          db_fail (self->db, "user", error);
          goto fail;
        }
    }

  for (i = 0; i <= G_N_ELEMENTS (data_tables); i++)
    {
      const char *table = i < G_N_ELEMENTS (data_tables) ? data_tables[i] : "users";
      g_autofree char *drop = g_strdup_printf ("DROP TABLE temp.%s", table);

      if (!db_exec (self, drop, error))
        goto fail;
    }

  if (!db_exec (self, "COMMIT", error))
    goto fail;

  return TRUE;

fail:
  db_rollback (self);
  return FALSE;
}

static gboolean
query_int (SaSandboxServer  *self,
           const char       *constant_sql,
           gint64           *value,
           GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = db_prepare (self, constant_sql, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return db_fail (self->db, "query", error);
  *value = sqlite3_column_int64 (stmt, 0);

  return TRUE;
}

/* Creates the tables on first start (and the training user with the training
 * data); brings a database of an older version up to date (new columns, and
 * every tenant's training data reloaded, since the data gained new rows). */
static gboolean
open_schema (SaSandboxServer  *self,
             GError          **error)
{
  gint64 version = 0, tables = 0, has_column = 0;

  if (!query_int (self, "PRAGMA user_version", &version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'users'",
                  &tables, error))
    return FALSE;

  if (tables > 0 && version < SA_SANDBOX_SCHEMA_VERSION)
    {
      if (!query_int (self, "SELECT count(*) FROM pragma_table_info('smart_accounts')"
                      " WHERE name = 'restricted'", &has_column, error))
        return FALSE;
      if (has_column == 0 &&
          !db_exec (self, "ALTER TABLE smart_accounts ADD COLUMN restricted INTEGER NOT NULL DEFAULT 0", error))
        return FALSE;
      if (!query_int (self, "SELECT count(*) FROM pragma_table_info('users') WHERE name = 'company'",
                      &has_column, error))
        return FALSE;
      if (has_column == 0 && !db_exec (self, "ALTER TABLE users ADD COLUMN company TEXT", error))
        return FALSE;
    }

  if (!db_exec (self, schema_sql, error))
    return FALSE;

  if (tables == 0)
    {
      if (!load_training_data (self, SA_SANDBOX_TRAINING_TENANT,
                               SA_SANDBOX_TRAINING_USERNAME, "!", NULL, error))
        return FALSE;
    }
  else if (version < SA_SANDBOX_SCHEMA_VERSION)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autoptr(GPtrArray) tenants = g_ptr_array_new_with_free_func (g_free);
      int rc;
      guint i;

      stmt = db_prepare (self, "SELECT DISTINCT tenant FROM users", error);
      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (tenants, g_strdup (column_text (stmt, 0)));
      if (rc != SQLITE_DONE)
        return db_fail (self->db, "tenants", error);
      g_clear_pointer (&stmt, sqlite3_finalize);

      g_message ("sandbox: database of an older version: training data reloaded");
      for (i = 0; i < tenants->len; i++)
        if (!load_training_data (self, tenants->pdata[i], NULL, NULL, NULL, error))
          return FALSE;
    }

  if (version < SA_SANDBOX_SCHEMA_VERSION &&
      !db_exec (self, "PRAGMA user_version = 2", error))
    return FALSE;

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Responses                                                                 */

static void
respond_node (SoupServerMessage *msg,
              guint              status,
              JsonNode          *root,
              const char        *etag)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  char *data;
  gsize length;

  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);

  /* libsoup 3.2 has no reason phrase for 429 */
  soup_server_message_set_status (msg, status, status == 429 ? "Too Many Requests" : NULL);
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  if (etag != NULL)
    soup_message_headers_replace (headers, "ETag", etag);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, data, length);
}

static void
respond_builder (SoupServerMessage *msg,
                 guint              status,
                 JsonBuilder       *builder,
                 const char        *etag)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  respond_node (msg, status, root, etag);
}

static void
respond_error_full (SoupServerMessage *msg,
                    guint              status,
                    const char        *code,
                    const char        *message,
                    const char        *field)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "ERROR");
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "statusMessage");
  json_builder_add_string_value (builder, message);
  if (field != NULL)
    {
      json_builder_set_member_name (builder, "fields");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, field);
      json_builder_add_string_value (builder, message);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  respond_builder (msg, status, builder, NULL);
}

static void
respond_error (SoupServerMessage *msg,
               SaClientError      error,
               const char        *message)
{
  respond_error_full (msg, sa_client_error_get_http_status (error),
                      sa_client_error_to_code (error), message, NULL);
}

static void
respond_invalid (SoupServerMessage *msg,
                 const char        *field,
                 const char        *message)
{
  respond_error_full (msg, SOUP_STATUS_BAD_REQUEST,
                      sa_client_error_to_code (SA_CLIENT_ERROR_INVALID_REQUEST),
                      message, field);
}

/* A real internal failure (database, resources): logged, then 500. */
static void
respond_internal (SoupServerMessage *msg,
                  const GError      *error)
{
  g_message ("sandbox: internal error: %s", error ? error->message : "unknown");
  respond_error_full (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                      "The sandbox failed to process the request", NULL);
}

static void
respond_oauth_error (SoupServerMessage *msg,
                     const char        *error_code,
                     const char        *description)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, error_code);
  json_builder_set_member_name (builder, "error_description");
  json_builder_add_string_value (builder, description);
  json_builder_end_object (builder);

  respond_builder (msg, SOUP_STATUS_BAD_REQUEST, builder, NULL);
}

/* ------------------------------------------------------------------------ */
/* Input checks                                                              */

/* Printable UTF-8 text of 1 to @max_chars characters. */
static gboolean
is_valid_text (const char *str,
               glong       max_chars)
{
  const char *p;
  glong n = 0;

  if (str == NULL || *str == '\0' || !g_utf8_validate (str, -1, NULL))
    return FALSE;

  for (p = str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || ++n > max_chars)
        return FALSE;
    }

  return TRUE;
}

/* Checks JSON text before the parser sees it: nesting depth (brackets inside
 * strings do not count), so that a deeply nested document cannot exhaust the
 * stack of the recursive parser; and no "\u0000" escape, which would cut a
 * string short behind the parser's back. */
static gboolean
json_prescan_ok (const char *data,
               gsize       length,
               guint       max_depth)
{
  gboolean in_string = FALSE;
  guint depth = 0;
  gsize i;

  for (i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            {
              if (i + 5 < length && data[i + 1] == 'u' &&
                  memcmp (data + i + 2, "0000", 4) == 0)
                return FALSE;
              i++;
            }
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > max_depth)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

/* The request body as NUL-terminated UTF-8 text, or NULL (and a 400 sent). */
static char *
dup_body_text (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize length;

  if (body->length > SA_SANDBOX_MAX_BODY ||
      g_object_get_data (G_OBJECT (msg), "sa-sandbox-oversized") != NULL)
    {
      respond_invalid (msg, NULL, "The request body is larger than 64 KiB");
      return NULL;
    }

  bytes = soup_message_body_flatten (body);
  data = g_bytes_get_data (bytes, &length);
  if (length > 0 && (memchr (data, '\0', length) != NULL ||
                     !g_utf8_validate (data, (gssize) length, NULL)))
    {
      respond_invalid (msg, NULL, "The request body is not valid UTF-8 text");
      return NULL;
    }

  return g_strndup (data != NULL ? data : "", length);
}

/* Decoded query parameters, or NULL (and a 400 sent). */
static GHashTable *
parse_query (SoupServerMessage *msg)
{
  GUri *uri = soup_server_message_get_uri (msg);
  const char *raw = g_uri_get_query (uri);
  g_autoptr(GHashTable) params = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (raw == NULL || *raw == '\0')
    return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (strlen (raw) > SA_SANDBOX_MAX_QUERY)
    {
      respond_invalid (msg, NULL, "The query string is too long");
      return NULL;
    }

  if (strstr (raw, "%00") != NULL)
    {
      respond_invalid (msg, NULL, "The query string contains a NUL character");
      return NULL;
    }

  params = g_uri_parse_params (raw, -1, "&", G_URI_PARAMS_WWW_FORM, &error);
  if (params == NULL)
    {
      g_debug ("sandbox: bad query: %s", error->message);
      respond_invalid (msg, NULL, "The query string is malformed");
      return NULL;
    }

  g_hash_table_iter_init (&iter, params);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (!g_utf8_validate (key, -1, NULL) || !g_utf8_validate (value, -1, NULL))
        {
          respond_invalid (msg, NULL, "The query string is not valid UTF-8");
          return NULL;
        }
    }

  return g_steal_pointer (&params);
}

static gboolean
parse_paging (SoupServerMessage *msg,
              GHashTable        *query,
              guint64           *limit,
              guint64           *offset)
{
  const char *s;

  *limit = SA_SANDBOX_DEFAULT_LIMIT;
  *offset = 0;

  s = g_hash_table_lookup (query, "limit");
  if (s != NULL &&
      (!g_ascii_isdigit (*s) ||
       !g_ascii_string_to_unsigned (s, 10, 1, SA_SANDBOX_MAX_LIMIT, limit, NULL)))
    {
      respond_invalid (msg, "limit", "limit must be a whole number from 1 to 100");
      return FALSE;
    }

  s = g_hash_table_lookup (query, "offset");
  if (s != NULL &&
      (!g_ascii_isdigit (*s) ||
       !g_ascii_string_to_unsigned (s, 10, 0, G_MAXINT32, offset, NULL)))
    {
      respond_invalid (msg, "offset", "offset must be a whole number, 0 or more");
      return FALSE;
    }

  return TRUE;
}

/* Case-insensitive "contains" over Unicode text. */
static gboolean
contains_casefold (const char *haystack,
                   const char *needle_folded)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);

  return strstr (folded, needle_folded) != NULL;
}

/* ------------------------------------------------------------------------ */
/* Authentication                                                            */

static gboolean
lookup_user (SaSandboxServer  *self,
             const char       *username,
             SaCaller         *caller,
             char            **password_hash,
             GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = db_prepare (self,
                     "SELECT tenant, partner, password_hash FROM users WHERE username = ?1",
                     error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, username);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return db_fail (self->db, "user", error);

  caller->username = g_strdup (username);
  caller->tenant = g_strdup (column_text (stmt, 0));
  caller->partner = g_strdup (column_text (stmt, 1));
  if (password_hash != NULL)
    *password_hash = g_strdup (column_text (stmt, 2));

  return TRUE;
}

/* Fills @caller from the bearer token; FALSE (and a 401 or 500 sent) if none. */
static gboolean
authenticate (SaSandboxServer   *self,
              SoupServerMessage *msg,
              SaCaller          *caller)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *value = soup_message_headers_get_one (headers, "Authorization");
  g_autofree char *key = NULL;
  g_autoptr(GError) error = NULL;
  SaToken *token;
  const char *p;

  if (value == NULL || g_ascii_strncasecmp (value, "Bearer ", 7) != 0)
    goto unauthenticated;

  value += 7;
  while (*value == ' ')
    value++;
  if (*value == '\0' || strlen (value) > SA_SANDBOX_MAX_TOKEN)
    goto unauthenticated;
  for (p = value; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      goto unauthenticated;

  key = token_key (value);
  token = g_hash_table_lookup (self->tokens, key);
  if (token == NULL)
    goto unauthenticated;
  if (token->expires_at <= g_get_monotonic_time ())
    {
      g_hash_table_remove (self->tokens, key);
      goto unauthenticated;
    }

  if (!lookup_user (self, token->username, caller, NULL, &error))
    {
      respond_internal (msg, error);
      return FALSE;
    }
  if (caller->username == NULL)
    goto unauthenticated;

  return TRUE;

unauthenticated:
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "WWW-Authenticate", "Bearer realm=\"sandbox\"");
  respond_error (msg, SA_CLIENT_ERROR_UNAUTHENTICATED,
                 "Sign in first: the access token is missing, unknown or expired");
  return FALSE;
}

static void
prune_expired_tokens (SaSandboxServer *self)
{
  GHashTableIter iter;
  gpointer value;
  gint64 now = g_get_monotonic_time ();

  g_hash_table_iter_init (&iter, self->tokens);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((SaToken *) value)->expires_at <= now)
      g_hash_table_iter_remove (&iter);
}

/* A sign-in whose password check runs in a worker thread. */
typedef struct
{
  SoupServerMessage *msg;
  char              *username;      /* NULL: unknown user */
  char              *password;
  char              *stored_hash;
} SaSignIn;

static void
sa_sign_in_free (gpointer data)
{
  SaSignIn *sign_in = data;

  g_clear_object (&sign_in->msg);
  g_free (sign_in->username);
  if (sign_in->password != NULL)
    explicit_bzero (sign_in->password, strlen (sign_in->password));
  g_free (sign_in->password);
  g_free (sign_in->stored_hash);
  g_free (sign_in);
}

/* Worker thread: the KDF only (no database, no server state). */
static void
check_password_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  SaSignIn *sign_in = task_data;

  g_task_return_boolean (task, check_password (sign_in->password, sign_in->stored_hash));
}

/* Server thread: issues the token (or refuses) and lets the answer go. */
static void
check_password_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  SaSandboxServer *self = SA_SANDBOX_SERVER (source);
  SaSignIn *sign_in = g_task_get_task_data (G_TASK (result));
  SoupServerMessage *msg = sign_in->msg;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  SaToken *entry;
  gboolean ok;

  ok = g_task_propagate_boolean (G_TASK (result), NULL);
  if (self->server == NULL)
    return; /* disposed meanwhile: the connection is gone */

  if (!ok || sign_in->username == NULL)
    {
      g_debug ("sandbox: sign-in refused");
      respond_oauth_error (msg, "invalid_grant", "The username or password is wrong");
      goto out;
    }

  token = new_token_string (&error);
  if (token == NULL)
    {
      respond_internal (msg, error);
      goto out;
    }

  prune_expired_tokens (self);
  entry = g_new0 (SaToken, 1);
  entry->username = g_strdup (sign_in->username);
  entry->expires_at = g_get_monotonic_time () + self->token_lifetime;
  g_hash_table_replace (self->tokens, token_key (token), entry);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "access_token");
  json_builder_add_string_value (builder, token);
  json_builder_set_member_name (builder, "token_type");
  json_builder_add_string_value (builder, "Bearer");
  json_builder_set_member_name (builder, "expires_in");
  json_builder_add_int_value (builder, self->token_lifetime / G_USEC_PER_SEC);
  json_builder_end_object (builder);

  explicit_bzero (token, strlen (token));
  respond_builder (msg, SOUP_STATUS_OK, builder, NULL);

out:
  soup_server_message_unpause (msg);
}

/* POST /oauth2/token
 *
 * The password check (yescrypt, some 20 ms of CPU) runs in a worker thread
 * while the message is paused, so that other clients are served meanwhile. */
static void
handle_token (SaSandboxServer   *self,
              SoupServerMessage *msg)
{
  g_autofree char *body = NULL;
  g_autoptr(GHashTable) form = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(SaCaller) caller = { 0 };
  g_autofree char *stored_hash = NULL;
  g_autoptr(GTask) task = NULL;
  const char *grant_type, *username, *password;
  SaSignIn *sign_in;

  body = dup_body_text (msg);
  if (body == NULL)
    return;

  form = soup_form_decode (body);
  explicit_bzero (body, strlen (body));
  grant_type = g_hash_table_lookup (form, "grant_type");
  username = g_hash_table_lookup (form, "username");
  password = g_hash_table_lookup (form, "password");

  if (grant_type == NULL)
    {
      respond_oauth_error (msg, "invalid_request", "grant_type is missing");
      return;
    }
  if (g_strcmp0 (grant_type, "password") != 0)
    {
      respond_oauth_error (msg, "unsupported_grant_type", "Only the password grant is supported");
      return;
    }
  if (username == NULL || password == NULL ||
      !is_valid_text (username, 64) || strlen (password) > 1024 ||
      !g_utf8_validate (password, -1, NULL))
    {
      respond_oauth_error (msg, "invalid_request", "username and password are required");
      return;
    }

  if (!lookup_user (self, username, &caller, &stored_hash, &error))
    {
      respond_internal (msg, error);
      return;
    }

  /* Always run the KDF so that unknown users take as long as known ones. */
  sign_in = g_new0 (SaSignIn, 1);
  sign_in->msg = g_object_ref (msg);
  sign_in->username = g_strdup (caller.username);
  sign_in->password = g_strdup (password);
  sign_in->stored_hash = g_strdup (stored_hash != NULL ? stored_hash : self->dummy_hash);
  explicit_bzero ((char *) password, strlen (password));

  task = g_task_new (self, NULL, check_password_done, NULL);
  g_task_set_source_tag (task, handle_token);
  g_task_set_task_data (task, sign_in, sa_sign_in_free);
  soup_server_message_pause (msg);
  g_task_run_in_thread (task, check_password_thread);
}

/* ------------------------------------------------------------------------ */
/* Profile                                                                   */

static void
handle_profile (SaSandboxServer   *self,
                SoupServerMessage *msg,
                SaCaller          *caller)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  static const char *const names[] = {
    "username", "firstName", "lastName", "email", "company", "country", "phone",
  };
  guint i;

  stmt = db_prepare (self,
                     "SELECT u.username, u.first_name, u.last_name, u.email,"
                     " coalesce(u.company, p.name, ''), u.country, u.phone"
                     " FROM users u LEFT JOIN partners p ON p.tenant = u.tenant AND p.id = u.partner"
                     " WHERE u.username = ?1",
                     &error);
  if (stmt == NULL)
    {
      respond_internal (msg, error);
      return;
    }
  bind_text (stmt, 1, caller->username);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      db_fail (self->db, "profile", &error);
      respond_internal (msg, error);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  for (i = 0; i < G_N_ELEMENTS (names); i++)
    {
      json_builder_set_member_name (builder, names[i]);
      json_builder_add_string_value (builder, column_text (stmt, (int) i));
    }
  json_builder_end_object (builder);

  respond_builder (msg, SOUP_STATUS_OK, builder, NULL);
}

/* ------------------------------------------------------------------------ */
/* Orders                                                                    */

static void
add_assignment (JsonBuilder  *builder,
                const char   *member,
                sqlite3_stmt *stmt,
                int           first_column)
{
  static const char *const names[] = { "domain", "name", "type", "status", "virtualAccount" };
  guint i;

  json_builder_set_member_name (builder, member);
  if (sqlite3_column_type (stmt, first_column) == SQLITE_NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }

  json_builder_begin_object (builder);
  for (i = 0; i < G_N_ELEMENTS (names); i++)
    {
      json_builder_set_member_name (builder, names[i]);
      json_builder_add_string_value (builder, column_text (stmt, first_column + (int) i));
    }
  json_builder_end_object (builder);
}

/* Adds the Order object of the current row of an ORDER_SELECT statement. */
static void
add_order (JsonBuilder  *builder,
           sqlite3_stmt *stmt)
{
  static const struct { const char *name; int column; } strings[] = {
    { "salesOrderNumber", ORDER_COL_NUMBER },
    { "webOrderId", ORDER_COL_WEB_ORDER_ID },
    { "purchaseOrderNumber", ORDER_COL_PO_NUMBER },
    { "status", ORDER_COL_STATUS },
  };
  guint i;

  json_builder_begin_object (builder);
  for (i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      json_builder_set_member_name (builder, strings[i].name);
      json_builder_add_string_value (builder, column_text (stmt, strings[i].column));
    }
  json_builder_set_member_name (builder, "exportHold");
  json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, ORDER_COL_EXPORT_HOLD) != 0);
  json_builder_set_member_name (builder, "endCustomerName");
  json_builder_add_string_value (builder, column_text (stmt, ORDER_COL_END_CUSTOMER_NAME));
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, column_text (stmt, ORDER_COL_DESCRIPTION));
  json_builder_set_member_name (builder, "createdDate");
  json_builder_add_string_value (builder, column_text (stmt, ORDER_COL_CREATED));
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, ORDER_COL_VERSION));
  add_assignment (builder, "endCustomer", stmt, ORDER_COL_EC_DOMAIN);
  add_assignment (builder, "holding", stmt, ORDER_COL_H_DOMAIN);
  json_builder_end_object (builder);
}

typedef enum
{
  ORDER_FOUND,
  ORDER_MISSING,
  ORDER_FORBIDDEN,
  ORDER_DB_ERROR,
} OrderLookup;

/* Steps @stmt (already prepared as ORDER_SELECT … WHERE tenant = ?1 AND number = ?2)
 * to the order's row and checks that @caller may see it. */
static OrderLookup
find_order (SaSandboxServer  *self,
            SaCaller         *caller,
            const char       *number,
            sqlite3_stmt    **out_stmt,
            GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = db_prepare (self,
                     ORDER_SELECT " WHERE o.tenant = ?1 AND o.sales_order_number = ?2",
                     error);
  if (stmt == NULL)
    return ORDER_DB_ERROR;
  bind_text (stmt, 1, caller->tenant);
  bind_text (stmt, 2, number);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return ORDER_MISSING;
  if (rc != SQLITE_ROW)
    {
      db_fail (self->db, "order", error);
      return ORDER_DB_ERROR;
    }
  if (g_strcmp0 (column_text (stmt, ORDER_COL_PARTNER), caller->partner) != 0)
    return ORDER_FORBIDDEN;

  *out_stmt = g_steal_pointer (&stmt);
  return ORDER_FOUND;
}

/* Sends the error for a failed find_order(); TRUE when the order was found. */
static gboolean
check_order_lookup (SoupServerMessage *msg,
                    OrderLookup        lookup,
                    const GError      *error)
{
  switch (lookup)
    {
    case ORDER_FOUND:
      return TRUE;
    case ORDER_MISSING:
      respond_error (msg, SA_CLIENT_ERROR_ORDER_NOT_FOUND, "No order has this Sales Order No.");
      return FALSE;
    case ORDER_FORBIDDEN:
      respond_error (msg, SA_CLIENT_ERROR_NOT_AUTHORIZED, "You are not authorized to view this order");
      return FALSE;
    case ORDER_DB_ERROR:
    default:
      respond_internal (msg, error);
      return FALSE;
    }
}

static void
respond_order (SaSandboxServer   *self,
               SoupServerMessage *msg,
               SaCaller          *caller,
               const char        *number)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *etag = NULL;
  OrderLookup lookup;

  lookup = find_order (self, caller, number, &stmt, &error);
  if (!check_order_lookup (msg, lookup, error))
    return;

  builder = json_builder_new ();
  add_order (builder, stmt);
  etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"",
                          (gint64) sqlite3_column_int64 (stmt, ORDER_COL_VERSION));
  respond_builder (msg, SOUP_STATUS_OK, builder, etag);
}

static gboolean
check_order_number (SoupServerMessage *msg,
                    const char        *number)
{
  if (!sa_validate_sales_order_number (number, NULL))
    {
      respond_invalid (msg, "salesOrderNumber", "A Sales Order No. is 1 to 20 digits");
      return FALSE;
    }

  return TRUE;
}

/* GET /v1/orders/{salesOrderNumber} */
static void
handle_get_order (SaSandboxServer   *self,
                  SoupServerMessage *msg,
                  SaCaller          *caller,
                  const char        *number)
{
  if (!check_order_number (msg, number))
    return;

  respond_order (self, msg, caller, number);
}

/* GET /v1/orders */
static void
handle_list_orders (SaSandboxServer   *self,
                    SoupServerMessage *msg,
                    SaCaller          *caller,
                    GHashTable        *query)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *folded = NULL;
  const char *search_by = g_hash_table_lookup (query, "searchBy");
  const char *value = g_hash_table_lookup (query, "value");
  SaOrderSearchField field = SA_ORDER_SEARCH_SALES_ORDER_NUMBER;
  int column = ORDER_COL_NUMBER;
  guint64 limit, offset, total = 0;
  int rc;

  if ((search_by == NULL) != (value == NULL))
    {
      respond_invalid (msg, search_by == NULL ? "searchBy" : "value",
                       "searchBy and value go together");
      return;
    }
  if (search_by != NULL)
    {
      if (!sa_order_search_field_from_string (search_by, &field))
        {
          respond_invalid (msg, "searchBy",
                           "searchBy is salesOrderNumber, webOrderId or purchaseOrderNumber");
          return;
        }
      if (!sa_validate_order_search (field, value, NULL))
        {
          respond_invalid (msg, "value", "The search value is not valid for this field");
          return;
        }
      switch (field)
        {
        case SA_ORDER_SEARCH_WEB_ORDER_ID:
          column = ORDER_COL_WEB_ORDER_ID;
          break;
        case SA_ORDER_SEARCH_PURCHASE_ORDER_NUMBER:
          column = ORDER_COL_PO_NUMBER;
          break;
        case SA_ORDER_SEARCH_SALES_ORDER_NUMBER:
        default:
          column = ORDER_COL_NUMBER;
          break;
        }
      folded = g_utf8_casefold (value, -1);
    }
  if (!parse_paging (msg, query, &limit, &offset))
    return;

  stmt = db_prepare (self,
                     ORDER_SELECT " WHERE o.tenant = ?1 AND o.partner = ?2"
                     " ORDER BY o.created_date DESC, o.sales_order_number DESC",
                     &error);
  if (stmt == NULL)
    {
      respond_internal (msg, error);
      return;
    }
  bind_text (stmt, 1, caller->tenant);
  bind_text (stmt, 2, caller->partner);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "orders");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (folded != NULL && !contains_casefold (column_text (stmt, column), folded))
        continue;
      if (total >= offset && total < offset + limit)
        add_order (builder, stmt);
      total++;
    }
  if (rc != SQLITE_DONE)
    {
      db_fail (self->db, "orders", &error);
      respond_internal (msg, error);
      return;
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "totalRecords");
  json_builder_add_int_value (builder, (gint64) total);
  json_builder_set_member_name (builder, "offset");
  json_builder_add_int_value (builder, (gint64) offset);
  json_builder_set_member_name (builder, "limit");
  json_builder_add_int_value (builder, (gint64) limit);
  json_builder_end_object (builder);

  respond_builder (msg, SOUP_STATUS_OK, builder, NULL);
}

/* One slot of a PUT body. */
typedef struct
{
  gboolean  given;
  char     *domain;
  char     *virtual_account;
} SaSlotRequest;

static void
sa_slot_request_clear (SaSlotRequest *slot)
{
  g_clear_pointer (&slot->domain, g_free);
  g_clear_pointer (&slot->virtual_account, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SaSlotRequest, sa_slot_request_clear)

static gboolean
parse_slot (JsonObject    *root,
            const char    *member,
            SaSlotRequest *slot,
            const char   **problem)
{
  JsonNode *node = json_object_get_member (root, member);
  JsonObject *object;
  JsonNode *domain, *va;
  GList *members, *l;
  gboolean ok = TRUE;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      *problem = "must be an object with domain and virtualAccount";
      return FALSE;
    }

  object = json_node_get_object (node);
  members = json_object_get_members (object);
  for (l = members; l != NULL; l = l->next)
    if (g_strcmp0 (l->data, "domain") != 0 && g_strcmp0 (l->data, "virtualAccount") != 0)
      ok = FALSE;
  g_list_free (members);
  if (!ok)
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
  if (!is_valid_text (json_node_get_string (va), SA_MAX_SEARCH_LENGTH))
    {
      *problem = "virtualAccount is not a valid Virtual Account name";
      return FALSE;
    }

  slot->given = TRUE;
  slot->domain = g_strdup (json_node_get_string (domain));
  slot->virtual_account = g_strdup (json_node_get_string (va));

  return TRUE;
}

/* The JSON object of the request body, or NULL (and a 400 sent). */
static JsonNode *
parse_body_object (SoupServerMessage *msg)
{
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  text = dup_body_text (msg);
  if (text == NULL)
    return NULL;

  if (!json_prescan_ok (text, strlen (text), SA_SANDBOX_MAX_JSON_DEPTH))
    {
      respond_invalid (msg, NULL, "The JSON body is nested too deeply or holds a NUL character");
      return NULL;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, text, -1, &error))
    {
      g_debug ("sandbox: malformed JSON: %s", error->message);
      respond_invalid (msg, NULL, "The body is not valid JSON");
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      respond_invalid (msg, NULL, "The body must be a JSON object");
      return NULL;
    }

  return json_node_copy (root);
}

/* Parses a PUT body; on failure a 400 has been sent. */
static gboolean
parse_assignment_body (SoupServerMessage *msg,
                       SaSlotRequest     *end_customer,
                       SaSlotRequest     *holding,
                       gboolean          *terms_accepted)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonNode *terms;
  GList *members, *l;
  const char *problem = NULL;
  const char *bad_member = NULL;

  root = parse_body_object (msg);
  if (root == NULL)
    return FALSE;
  object = json_node_get_object (root);

  members = json_object_get_members (object);
  for (l = members; l != NULL; l = l->next)
    if (g_strcmp0 (l->data, "endCustomer") != 0 &&
        g_strcmp0 (l->data, "holding") != 0 &&
        g_strcmp0 (l->data, "termsAccepted") != 0)
      bad_member = l->data;
  if (bad_member != NULL)
    {
      g_autofree char *name = g_strdup (bad_member);

      g_list_free (members);
      /* the member name is user input: only reported if it is sane */
      respond_invalid (msg, is_valid_text (name, 64) ? name : NULL,
                       "The body has an unknown member");
      return FALSE;
    }
  g_list_free (members);

  terms = json_object_get_member (object, "termsAccepted");
  if (terms != NULL && json_node_get_value_type (terms) != G_TYPE_BOOLEAN)
    {
      respond_invalid (msg, "termsAccepted", "termsAccepted must be true or false");
      return FALSE;
    }
  *terms_accepted = terms != NULL && json_node_get_boolean (terms);

  if (!parse_slot (object, "endCustomer", end_customer, &problem))
    {
      respond_invalid (msg, "endCustomer", problem);
      return FALSE;
    }
  if (!parse_slot (object, "holding", holding, &problem))
    {
      respond_invalid (msg, "holding", problem);
      return FALSE;
    }
  if (!end_customer->given && !holding->given)
    {
      respond_invalid (msg, NULL, "Give endCustomer, holding or both");
      return FALSE;
    }

  return TRUE;
}

/* Checks one slot of a PUT: the account exists with that domain (404), has the
 * slot's type (422 WRONG_ACCOUNT_TYPE), the Virtual Account is one of its own
 * (422 VIRTUAL_ACCOUNT_NOT_FOUND). Sets @account_id; FALSE when a response was sent. */
static gboolean
check_slot (SaSandboxServer   *self,
            SoupServerMessage *msg,
            SaCaller          *caller,
            SaSlotRequest     *slot,
            SaAccountType      slot_type,
            char             **account_id)
{
  g_autoptr(sqlite3_stmt) accounts = NULL;
  g_autoptr(sqlite3_stmt) va = NULL;
  g_autoptr(GError) error = NULL;
  gboolean any = FALSE;
  int rc;

  accounts = db_prepare (self,
                         "SELECT id, type FROM smart_accounts WHERE tenant = ?1 AND domain = ?2",
                         &error);
  if (accounts == NULL)
    goto internal;
  bind_text (accounts, 1, caller->tenant);
  bind_text (accounts, 2, slot->domain);
  while ((rc = sqlite3_step (accounts)) == SQLITE_ROW)
    {
      any = TRUE;
      if (g_strcmp0 (column_text (accounts, 1), sa_account_type_to_string (slot_type)) == 0)
        {
          *account_id = g_strdup (column_text (accounts, 0));
          break;
        }
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      db_fail (self->db, "accounts", &error);
      goto internal;
    }

  if (!any)
    {
      respond_error (msg, SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND,
                     "No Smart Account has this Domain Identifier");
      return FALSE;
    }
  if (*account_id == NULL)
    {
      respond_error (msg, SA_CLIENT_ERROR_WRONG_ACCOUNT_TYPE,
                     slot_type == SA_ACCOUNT_TYPE_HOLDING
                       ? "The Holding Smart Account must be a HOLDING account"
                       : "The End Customer Smart Account must be a CUSTOMER account");
      return FALSE;
    }

  va = db_prepare (self,
                   "SELECT 1 FROM virtual_accounts WHERE tenant = ?1 AND account_id = ?2 AND name = ?3",
                   &error);
  if (va == NULL)
    goto internal;
  bind_text (va, 1, caller->tenant);
  bind_text (va, 2, *account_id);
  bind_text (va, 3, slot->virtual_account);
  rc = sqlite3_step (va);
  if (rc == SQLITE_DONE)
    {
      respond_error (msg, SA_CLIENT_ERROR_VIRTUAL_ACCOUNT_NOT_FOUND,
                     "This Virtual Account does not belong to the Smart Account");
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      db_fail (self->db, "virtual account", &error);
      goto internal;
    }

  return TRUE;

internal:
  respond_internal (msg, error);
  return FALSE;
}

/* PUT /v1/orders/{salesOrderNumber}/smart-account-assignment
 *
 * Check order of docs/desk-api.md: body (400), order exists (404), access
 * (403), If-Match present (428) and current (412), not SHIPPED (409), terms
 * (422), each account (404 / 422 type / 422 Virtual Account). */
static void
handle_put_assignment (SaSandboxServer   *self,
                       SoupServerMessage *msg,
                       SaCaller          *caller,
                       const char        *number)
{
  g_auto(SaSlotRequest) end_customer = { 0 };
  g_auto(SaSlotRequest) holding = { 0 };
  g_autoptr(sqlite3_stmt) order = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *ec_id = NULL;
  g_autofree char *h_id = NULL;
  g_autofree char *if_match_trimmed = NULL;
  const char *if_match;
  gboolean terms_accepted = FALSE;
  gint64 version;
  OrderLookup lookup;

  if (!parse_assignment_body (msg, &end_customer, &holding, &terms_accepted))
    return;
  if (!check_order_number (msg, number))
    return;

  if (!db_exec (self, "BEGIN IMMEDIATE", &error))
    {
      respond_internal (msg, error);
      return;
    }

  lookup = find_order (self, caller, number, &order, &error);
  if (!check_order_lookup (msg, lookup, error))
    goto out;

  version = sqlite3_column_int64 (order, ORDER_COL_VERSION);
  etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", version);
  if_match = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                           "If-Match");
  if (if_match == NULL)
    {
      respond_error (msg, SA_CLIENT_ERROR_PRECONDITION_REQUIRED,
                     "The If-Match header with the order's ETag is required");
      goto out;
    }
  /* Only the exact strong ETag matches ("*" does not: a change needs the
   * version the user has seen). */
  if_match_trimmed = g_strstrip (g_strdup (if_match));
  if (strcmp (if_match_trimmed, etag) != 0)
    {
      respond_error (msg, SA_CLIENT_ERROR_VERSION_CONFLICT,
                     "The order changed since it was read; reload it");
      goto out;
    }

  if (g_strcmp0 (column_text (order, ORDER_COL_STATUS),
                 sa_order_status_to_string (SA_ORDER_STATUS_SHIPPED)) == 0)
    {
      respond_error (msg, SA_CLIENT_ERROR_ORDER_SHIPPED,
                     "The order has shipped: its Smart Account assignment can no longer change");
      goto out;
    }

  if (!terms_accepted)
    {
      respond_error (msg, SA_CLIENT_ERROR_TERMS_NOT_ACCEPTED, "The terms must be accepted");
      goto out;
    }

  if (end_customer.given &&
      !check_slot (self, msg, caller, &end_customer, SA_ACCOUNT_TYPE_CUSTOMER, &ec_id))
    goto out;
  if (holding.given &&
      !check_slot (self, msg, caller, &holding, SA_ACCOUNT_TYPE_HOLDING, &h_id))
    goto out;

  g_clear_pointer (&order, sqlite3_finalize);
  update = db_prepare (self,
                       "UPDATE orders SET"
                       " end_customer_account = CASE WHEN ?3 THEN ?4 ELSE end_customer_account END,"
                       " end_customer_va = CASE WHEN ?3 THEN ?5 ELSE end_customer_va END,"
                       " holding_account = CASE WHEN ?6 THEN ?7 ELSE holding_account END,"
                       " holding_va = CASE WHEN ?6 THEN ?8 ELSE holding_va END,"
                       " version = version + 1"
                       " WHERE tenant = ?1 AND sales_order_number = ?2 AND version = ?9",
                       &error);
  if (update == NULL)
    goto internal;
  bind_text (update, 1, caller->tenant);
  bind_text (update, 2, number);
  sqlite3_bind_int (update, 3, end_customer.given);
  bind_text (update, 4, ec_id);
  bind_text (update, 5, end_customer.virtual_account);
  sqlite3_bind_int (update, 6, holding.given);
  bind_text (update, 7, h_id);
  bind_text (update, 8, holding.virtual_account);
  sqlite3_bind_int64 (update, 9, version);
  if (sqlite3_step (update) != SQLITE_DONE || sqlite3_changes (self->db) != 1)
    {
      db_fail (self->db, "update", &error);
      goto internal;
    }
  g_clear_pointer (&update, sqlite3_finalize);

  if (!db_exec (self, "COMMIT", &error))
    goto internal;

  g_debug ("sandbox: order %s assignment changed by %s", number, caller->username);
  respond_order (self, msg, caller, number);
  return;

internal:
  respond_internal (msg, error);
out:
  g_clear_pointer (&order, sqlite3_finalize);
  g_clear_pointer (&update, sqlite3_finalize);
  db_rollback (self);
}

/* POST /sandbox/orders/{salesOrderNumber}/ship */
static void
handle_ship (SaSandboxServer   *self,
             SoupServerMessage *msg,
             SaCaller          *caller,
             const char        *number)
{
  g_autoptr(sqlite3_stmt) order = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(GError) error = NULL;
  OrderLookup lookup;

  if (!check_order_number (msg, number))
    return;

  lookup = find_order (self, caller, number, &order, &error);
  if (!check_order_lookup (msg, lookup, error))
    return;
  g_clear_pointer (&order, sqlite3_finalize);

  update = db_prepare (self,
                       "UPDATE orders SET status = 'SHIPPED', version = version + 1"
                       " WHERE tenant = ?1 AND sales_order_number = ?2 AND status <> 'SHIPPED'",
                       &error);
  if (update == NULL)
    {
      respond_internal (msg, error);
      return;
    }
  bind_text (update, 1, caller->tenant);
  bind_text (update, 2, number);
  if (sqlite3_step (update) != SQLITE_DONE)
    {
      db_fail (self->db, "ship", &error);
      respond_internal (msg, error);
      return;
    }

  respond_order (self, msg, caller, number);
}

/* ------------------------------------------------------------------------ */
/* Smart Accounts                                                            */

/* Adds the Smart Account object of columns id, domain, name, type, status,
 * email of the current row, from @first on. */
static void
add_account_at (JsonBuilder  *builder,
                sqlite3_stmt *stmt,
                int           first)
{
  static const char *const names[] = { "id", "domain", "name", "type", "status", "email" };
  guint i;

  json_builder_begin_object (builder);
  for (i = 0; i < G_N_ELEMENTS (names); i++)
    {
      json_builder_set_member_name (builder, names[i]);
      json_builder_add_string_value (builder, column_text (stmt, first + (int) i));
    }
  json_builder_end_object (builder);
}

/* GET /v1/accounts/search */
static void
handle_account_search (SaSandboxServer   *self,
                       SoupServerMessage *msg,
                       SaCaller          *caller,
                       GHashTable        *query)
{
  static const char *const fields[] = { "domain", "name", "email" };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *folded = NULL;
  const char *value = NULL;
  const char *type = g_hash_table_lookup (query, "type");
  SaAccountSearchField field = SA_ACCOUNT_SEARCH_DOMAIN;
  SaAccountType account_type;
  guint64 limit, offset, total = 0;
  guint given = 0, i;
  int column = 1;
  int rc;

  for (i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *v = g_hash_table_lookup (query, fields[i]);

      if (v != NULL)
        {
          given++;
          value = v;
          sa_account_search_field_from_string (fields[i], &field);
          column = i == 0 ? 1 : i == 1 ? 2 : 5;
        }
    }
  if (given != 1)
    {
      respond_invalid (msg, NULL, "Give exactly one of domain, name or email");
      return;
    }
  if (!sa_validate_account_search (field, value, NULL))
    {
      respond_invalid (msg, sa_account_search_field_to_string (field),
                       "The search value is not valid");
      return;
    }
  if (type != NULL && !sa_account_type_from_string (type, &account_type))
    {
      respond_invalid (msg, "type", "type is CUSTOMER or HOLDING");
      return;
    }
  if (!parse_paging (msg, query, &limit, &offset))
    return;

  folded = g_utf8_casefold (value, -1);
  stmt = db_prepare (self,
                     "SELECT id, domain, name, type, status, email FROM smart_accounts"
                     " WHERE tenant = ?1 AND (?2 IS NULL OR type = ?2)"
                     /* restricted accounts: only with an approved access request */
                     " AND (restricted = 0 OR id IN (SELECT account_id FROM access_requests"
                     "      WHERE tenant = ?1 AND status = 'APPROVED'))"
                     " ORDER BY name COLLATE NOCASE, type",
                     &error);
  if (stmt == NULL)
    {
      respond_internal (msg, error);
      return;
    }
  bind_text (stmt, 1, caller->tenant);
  bind_text (stmt, 2, type);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "accounts");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!contains_casefold (column_text (stmt, column), folded))
        continue;
      if (total >= offset && total < offset + limit)
        add_account_at (builder, stmt, 0);
      total++;
    }
  if (rc != SQLITE_DONE)
    {
      db_fail (self->db, "accounts", &error);
      respond_internal (msg, error);
      return;
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "totalRecords");
  json_builder_add_int_value (builder, (gint64) total);
  json_builder_end_object (builder);

  respond_builder (msg, SOUP_STATUS_OK, builder, NULL);
}

/* GET /v1/accounts/{domain}/{type}/virtual-accounts */
static void
handle_virtual_accounts (SaSandboxServer   *self,
                         SoupServerMessage *msg,
                         SaCaller          *caller,
                         const char        *domain,
                         const char        *type)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  SaAccountType account_type;
  gint64 total = 0;
  gboolean found;
  int rc;

  if (!sa_validate_domain (domain, NULL))
    {
      respond_invalid (msg, "domain", "The Domain Identifier is not valid");
      return;
    }
  if (!sa_account_type_from_string (type, &account_type))
    {
      respond_invalid (msg, "type", "type is CUSTOMER or HOLDING");
      return;
    }

  stmt = db_prepare (self,
                     "SELECT a.id, v.name, v.is_default, v.description FROM smart_accounts a"
                     " LEFT JOIN virtual_accounts v ON v.tenant = a.tenant AND v.account_id = a.id"
                     " WHERE a.tenant = ?1 AND a.domain = ?2 AND a.type = ?3"
                     " ORDER BY v.is_default DESC, v.position, v.name",
                     &error);
  if (stmt == NULL)
    {
      respond_internal (msg, error);
      return;
    }
  bind_text (stmt, 1, caller->tenant);
  bind_text (stmt, 2, domain);
  bind_text (stmt, 3, sa_account_type_to_string (account_type));

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "virtualAccounts");
  json_builder_begin_array (builder);
  found = FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      found = TRUE;
      if (sqlite3_column_type (stmt, 1) == SQLITE_NULL)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, column_text (stmt, 1));
      json_builder_set_member_name (builder, "isDefault");
      json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, 2) != 0);
      json_builder_set_member_name (builder, "description");
      json_builder_add_string_value (builder, column_text (stmt, 3));
      json_builder_end_object (builder);
      total++;
    }
  if (rc != SQLITE_DONE)
    {
      db_fail (self->db, "virtual accounts", &error);
      respond_internal (msg, error);
      return;
    }
  if (!found)
    {
      respond_error (msg, SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND,
                     "No Smart Account has this Domain Identifier and type");
      return;
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "totalRecords");
  json_builder_add_int_value (builder, total);
  json_builder_end_object (builder);

  respond_builder (msg, SOUP_STATUS_OK, builder, NULL);
}

/* ------------------------------------------------------------------------ */
/* Sandbox clock, dates                                                      */

#define SA_SANDBOX_DAY              (24 * 60 * 60)   /* seconds */
#define SA_SANDBOX_REQUEST_LIFETIME (90 * SA_SANDBOX_DAY)
#define SA_SANDBOX_REMINDER_PERIOD  SA_SANDBOX_DAY
#define SA_SANDBOX_MAX_ADVANCE_DAYS 3650

/* "Now" on @tenant's sandbox clock, in seconds since the epoch: the real
 * time plus the tenant's offset (POST /sandbox/clock). */
static gboolean
clock_now (SaSandboxServer  *self,
           const char       *tenant,
           gint64           *now,
           GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 offset = 0;
  int rc;

  stmt = db_prepare (self, "SELECT offset_seconds FROM clocks WHERE tenant = ?1", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, tenant);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    offset = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    return db_fail (self->db, "clock", error);

  *now = g_get_real_time () / G_USEC_PER_SEC + offset;

  return TRUE;
}

/* Brings the stored status of @tenant's account requests (and of their Smart
 * Accounts) in line with the clock: PENDING past expiry is EXPIRED; an
 * EXPIRED one whose expiry is in the future again (clock set back) is
 * PENDING again. Accepted (ACTIVE) requests never change. */
static gboolean
settle_account_requests (SaSandboxServer  *self,
                         const char       *tenant,
                         gint64            now,
                         GError          **error)
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
  gint64 due = 0;
  guint i;

  {
    g_autoptr(sqlite3_stmt) check = NULL;

    check = db_prepare (self,
                        "SELECT count(*) FROM account_requests WHERE tenant = ?1 AND"
                        " ((status = 'PENDING' AND expires_at <= ?2) OR"
                        "  (status = 'EXPIRED' AND expires_at > ?2))",
                        error);
    if (check == NULL)
      return FALSE;
    bind_text (check, 1, tenant);
    sqlite3_bind_int64 (check, 2, now);
    if (sqlite3_step (check) != SQLITE_ROW)
      return db_fail (self->db, "settle", error);
    due = sqlite3_column_int64 (check, 0);
  }
  if (due == 0)
    return TRUE;

  if (!db_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (i = 0; i < G_N_ELEMENTS (updates); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = db_prepare (self, updates[i], error);

      if (stmt == NULL)
        goto fail;
      bind_text (stmt, 1, tenant);
      sqlite3_bind_int64 (stmt, 2, now);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          db_fail (self->db, "settle", error);
          goto fail;
        }
    }
  if (!db_exec (self, "COMMIT", error))
    goto fail;

  return TRUE;

fail:
  db_rollback (self);
  return FALSE;
}

/* ISO 8601 UTC, "2026-11-21T10:00:00Z". */
static char *
format_date (gint64 seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (seconds);

  if (dt == NULL)
    return g_strdup ("1970-01-01T00:00:00Z");

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

static void
add_date_member (JsonBuilder *builder,
                 const char  *member,
                 gboolean     is_null,
                 gint64       seconds)
{
  json_builder_set_member_name (builder, member);
  if (is_null)
    json_builder_add_null_value (builder);
  else
    {
      g_autofree char *date = format_date (seconds);

      json_builder_add_string_value (builder, date);
    }
}

static void
add_date_column (JsonBuilder  *builder,
                 const char   *member,
                 sqlite3_stmt *stmt,
                 int           column)
{
  add_date_member (builder, member, sqlite3_column_type (stmt, column) == SQLITE_NULL,
                   sqlite3_column_int64 (stmt, column));
}

/* ------------------------------------------------------------------------ */
/* Request bodies and validation                                             */


/* @member of @object as a string: absent or null gives NULL. FALSE (and a
 * 400 sent) when it holds anything but a string. */
static gboolean
get_string_member (SoupServerMessage  *msg,
                   JsonObject         *object,
                   const char         *member,
                   const char        **value)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_autofree char *message = g_strdup_printf ("%s must be a string", member);

      respond_invalid (msg, member, message);
      return FALSE;
    }
  *value = json_node_get_string (node);

  return TRUE;
}

/* Validation errors: pairs of field name and English message. */
typedef GPtrArray SaFieldErrors;

static void
add_field_error (SaFieldErrors *errors,
                 const char    *field,
                 const char    *message)
{
  g_ptr_array_add (errors, g_strdup (field));
  g_ptr_array_add (errors, g_strdup (message));
}

/* Starts an error body; the caller may add members, then ends the object. */
static JsonBuilder *
begin_error (const char *code,
             const char *message)
{
  JsonBuilder *builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "ERROR");
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "statusMessage");
  json_builder_add_string_value (builder, message);

  return builder;
}

/* Sends 422 VALIDATION_FAILED with `fields` when @errors holds any; TRUE then. */
static gboolean
respond_validation (SoupServerMessage *msg,
                    SaFieldErrors     *errors)
{
  g_autoptr(JsonBuilder) builder = NULL;
  guint i;

  if (errors->len == 0)
    return FALSE;

  builder = begin_error (sa_client_error_to_code (SA_CLIENT_ERROR_VALIDATION_FAILED),
                         errors->pdata[1]);
  json_builder_set_member_name (builder, "fields");
  json_builder_begin_object (builder);
  for (i = 0; i + 1 < errors->len; i += 2)
    {
      json_builder_set_member_name (builder, errors->pdata[i]);
      json_builder_add_string_value (builder, errors->pdata[i + 1]);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  respond_builder (msg, sa_client_error_get_http_status (SA_CLIENT_ERROR_VALIDATION_FAILED),
                   builder, NULL);

  return TRUE;
}

static void
respond_ok (SoupServerMessage *msg)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "OK");
  json_builder_end_object (builder);
  respond_builder (msg, SOUP_STATUS_OK, builder, NULL);
}

/* "AR-000001": @prefix, a hyphen, 6 to 12 digits. */
static gboolean
is_request_id (const char *id,
               const char *prefix)
{
  const char *p;
  gsize n = 0;

  if (!g_str_has_prefix (id, prefix) || id[strlen (prefix)] != '-')
    return FALSE;
  for (p = id + strlen (prefix) + 1; *p != '\0'; p++, n++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return n >= 6 && n <= 12;
}

/* The next id of @constant_sql's table ("SELECT max(…) … WHERE tenant = ?1"). */
static char *
next_id (SaSandboxServer  *self,
         const char       *constant_sql,
         const char       *tenant,
         const char       *prefix,
         GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = db_prepare (self, constant_sql, error);

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, tenant);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      db_fail (self->db, "next id", error);
      return NULL;
    }

  return g_strdup_printf ("%s-%06" G_GINT64_FORMAT, prefix, (gint64) sqlite3_column_int64 (stmt, 0) + 1);
}

/* ------------------------------------------------------------------------ */
/* Profile update                                                            */

/* PUT /v1/profile */
static void
handle_put_profile (SaSandboxServer   *self,
                    SoupServerMessage *msg,
                    SaCaller          *caller)
{
  static const char *const required[] = { "firstName", "lastName", "email", "company", "country" };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(GError) error = NULL;
  const char *values[G_N_ELEMENTS (required)];
  const char *phone;
  JsonObject *object;
  guint i;

  root = parse_body_object (msg);
  if (root == NULL)
    return;
  object = json_node_get_object (root);

  for (i = 0; i < G_N_ELEMENTS (required); i++)
    if (!get_string_member (msg, object, required[i], &values[i]))
      return;
  if (!get_string_member (msg, object, "phone", &phone))
    return;

  for (i = 0; i < G_N_ELEMENTS (required); i++)
    {
      if (values[i] == NULL || *values[i] == '\0')
        add_field_error (errors, required[i], "This field is required");
      else if (!sa_validate_profile_field (values[i], NULL))
        add_field_error (errors, required[i], "Use 1 to 100 characters, without control characters");
    }
  if (values[2] != NULL && *values[2] != '\0' && !sa_validate_email (values[2], NULL))
    {
      /* replace a length message by the more precise one */
      guint j;

      for (j = 0; j + 1 < errors->len; j += 2)
        if (g_strcmp0 (errors->pdata[j], "email") == 0)
          g_ptr_array_remove_range (errors, j, 2);
      add_field_error (errors, "email", "This is not a valid e-mail address");
    }
  if (!sa_validate_phone (phone, NULL))
    add_field_error (errors, "phone",
                     "A phone number has at most 40 digits, spaces and + - ( ) . characters");
  if (respond_validation (msg, errors))
    return;

  update = db_prepare (self,
                       "UPDATE users SET first_name = ?2, last_name = ?3, email = ?4, company = ?5,"
                       " country = ?6, phone = ?7 WHERE username = ?1",
                       &error);
  if (update == NULL)
    {
      respond_internal (msg, error);
      return;
    }
  bind_text (update, 1, caller->username);
  for (i = 0; i < G_N_ELEMENTS (required); i++)
    bind_text (update, (int) i + 2, values[i]);
  bind_text (update, 7, phone != NULL ? phone : "");
  if (sqlite3_step (update) != SQLITE_DONE)
    {
      db_fail (self->db, "profile", &error);
      respond_internal (msg, error);
      return;
    }

  handle_profile (self, msg, caller);
}

/* ------------------------------------------------------------------------ */
/* Account requests (procedure 3)                                            */

#define ACCOUNT_REQUEST_SELECT \
  "SELECT r.id, r.account_name, r.account_domain, r.customer_email, r.note_to_customer," \
  " r.users, r.note_to_users, r.status, r.created_at, r.expires_at," \
  " a.id, a.domain, a.name, a.type, a.status, a.email" \
  " FROM account_requests r JOIN smart_accounts a ON a.tenant = r.tenant AND a.id = r.account_id"

static void
add_account_request (JsonBuilder  *builder,
                     sqlite3_stmt *stmt,
                     gint64        now)
{
  static const char *const strings[] = {
    "id", "accountName", "accountDomain", "customerEmail", "noteToCustomer",
  };
  g_autoptr(JsonNode) users = NULL;
  const char *status = column_text (stmt, 7);
  gint64 expires = sqlite3_column_int64 (stmt, 9);
  gint64 days_left = 0;
  guint i;

  json_builder_begin_object (builder);
  for (i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      json_builder_set_member_name (builder, strings[i]);
      json_builder_add_string_value (builder, column_text (stmt, (int) i));
    }
  json_builder_set_member_name (builder, "users");
  users = json_from_string (column_text (stmt, 5), NULL);
  json_builder_begin_array (builder);
  if (users != NULL && JSON_NODE_HOLDS_ARRAY (users))
    {
      JsonArray *array = json_node_get_array (users);

      for (i = 0; i < json_array_get_length (array); i++)
        json_builder_add_string_value (builder, json_array_get_string_element (array, i));
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "noteToUsers");
  json_builder_add_string_value (builder, column_text (stmt, 6));
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, status);
  add_date_column (builder, "createdDate", stmt, 8);
  add_date_column (builder, "expiresDate", stmt, 9);
  if (g_strcmp0 (status, "PENDING") == 0 && expires > now)
    days_left = (expires - now + SA_SANDBOX_DAY - 1) / SA_SANDBOX_DAY;
  json_builder_set_member_name (builder, "daysLeft");
  json_builder_add_int_value (builder, days_left);
  json_builder_set_member_name (builder, "smartAccount");
  add_account_at (builder, stmt, 10);
  json_builder_end_object (builder);
}

/* Answers @status_code with the account request @id of @caller; 404 if none. */
static void
respond_account_request (SaSandboxServer   *self,
                         SoupServerMessage *msg,
                         SaCaller          *caller,
                         const char        *id,
                         guint              status_code,
                         gint64             now)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  int rc;

  stmt = db_prepare (self, ACCOUNT_REQUEST_SELECT " WHERE r.tenant = ?1 AND r.id = ?2", &error);
  if (stmt == NULL)
    {
      respond_internal (msg, error);
      return;
    }
  bind_text (stmt, 1, caller->tenant);
  bind_text (stmt, 2, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      respond_error (msg, SA_CLIENT_ERROR_ACCOUNT_REQUEST_NOT_FOUND, "No account request has this id");
      return;
    }
  if (rc != SQLITE_ROW)
    {
      db_fail (self->db, "account request", &error);
      respond_internal (msg, error);
      return;
    }

  builder = json_builder_new ();
  add_account_request (builder, stmt, now);
  respond_builder (msg, status_code, builder, NULL);
}

typedef void (*RowWriter) (JsonBuilder  *builder,
                           sqlite3_stmt *stmt,
                           gint64        now);

/* Answers `{"<member>": [row…], "totalRecords": N}` with the rows of @sql
 * (whose ?1 is the caller's tenant), each written by @write_row. */
static void
respond_tenant_list (SaSandboxServer   *self,
                     SoupServerMessage *msg,
                     SaCaller          *caller,
                     gint64             now,
                     const char        *sql,
                     const char        *member,
                     RowWriter          write_row)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  gint64 total = 0;
  int rc;

  stmt = db_prepare (self, sql, &error);
  if (stmt == NULL)
    {
      respond_internal (msg, error);
      return;
    }
  bind_text (stmt, 1, caller->tenant);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      write_row (builder, stmt, now);
      total++;
    }
  if (rc != SQLITE_DONE)
    {
      db_fail (self->db, member, &error);
      respond_internal (msg, error);
      return;
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "totalRecords");
  json_builder_add_int_value (builder, total);
  json_builder_end_object (builder);

  respond_builder (msg, SOUP_STATUS_OK, builder, NULL);
}

/* GET /v1/account-requests */
static void
handle_list_account_requests (SaSandboxServer   *self,
                              SoupServerMessage *msg,
                              SaCaller          *caller,
                              gint64             now)
{
  respond_tenant_list (self, msg, caller, now,
                       ACCOUNT_REQUEST_SELECT " WHERE r.tenant = ?1"
                       " ORDER BY r.created_at DESC, r.id DESC",
                       "accountRequests", add_account_request);
}

/* POST /v1/account-requests
 *
 * Checks: body (400), fields (422 VALIDATION_FAILED with `fields`), domain
 * free (409 DOMAIN_TAKEN). Creates the PENDING CUSTOMER Smart Account with
 * its DEFAULT Virtual Account and the request, in one transaction. */
static void
handle_create_account_request (SaSandboxServer   *self,
                               SoupServerMessage *msg,
                               SaCaller          *caller,
                               gint64             now)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) users_json = NULL;
  g_autofree char *users_text = NULL;
  g_autofree char *domain = NULL;
  g_autofree char *account_id = NULL;
  g_autofree char *request_id = NULL;
  const char *name, *email, *raw_domain, *note_customer, *note_users;
  JsonObject *object;
  JsonNode *users_node;
  guint i;

  root = parse_body_object (msg);
  if (root == NULL)
    return;
  object = json_node_get_object (root);

  if (!get_string_member (msg, object, "accountName", &name) ||
      !get_string_member (msg, object, "customerEmail", &email) ||
      !get_string_member (msg, object, "accountDomain", &raw_domain) ||
      !get_string_member (msg, object, "noteToCustomer", &note_customer) ||
      !get_string_member (msg, object, "noteToUsers", &note_users))
    return;

  users_node = json_object_get_member (object, "users");
  if (users_node != NULL && !JSON_NODE_HOLDS_NULL (users_node))
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (users_node))
        {
          respond_invalid (msg, "users", "users must be an array of e-mail addresses");
          return;
        }
      array = json_node_get_array (users_node);
      if (json_array_get_length (array) > 1000)
        {
          respond_invalid (msg, "users", "users has far too many members");
          return;
        }
      for (i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (json_node_get_value_type (element) != G_TYPE_STRING)
            {
              respond_invalid (msg, "users", "users must be an array of e-mail addresses");
              return;
            }
          g_ptr_array_add (users, g_strdup (json_node_get_string (element)));
        }
    }

  if (name == NULL || *name == '\0')
    add_field_error (errors, "accountName", "The Account Name is required");
  else if (!sa_validate_account_name (name, NULL))
    add_field_error (errors, "accountName", "The Account Name has 1 to 100 characters, without control characters");
  if (email == NULL || *email == '\0')
    add_field_error (errors, "customerEmail", "The Customer Email is required");
  else if (!sa_validate_email (email, NULL))
    add_field_error (errors, "customerEmail", "The Customer Email is not a valid e-mail address");
  if (raw_domain == NULL || *raw_domain == '\0')
    add_field_error (errors, "accountDomain", "The Account Domain is required");
  else if (!sa_validate_domain (raw_domain, NULL))
    add_field_error (errors, "accountDomain", "The Account Domain is not a valid domain name");
  if (!sa_validate_note (note_customer, NULL))
    add_field_error (errors, "noteToCustomer", "The Note to Customer has at most 1000 characters");
  if (!sa_validate_note (note_users, NULL))
    add_field_error (errors, "noteToUsers", "The Note to Added Users has at most 1000 characters");
  if (users->len > SA_MAX_USERS)
    add_field_error (errors, "users", "At most 50 users can be added");
  else
    for (i = 0; i < users->len; i++)
      {
        g_autofree char *field = g_strdup_printf ("users[%u]", i);
        const char *user = users->pdata[i];

        if (!sa_validate_email (user, NULL))
          add_field_error (errors, field, "This is not a valid e-mail address");
        else if (!g_hash_table_add (seen, g_utf8_casefold (user, -1)))
          add_field_error (errors, field, "This user is already in the list");
      }
  if (respond_validation (msg, errors))
    return;

  domain = g_ascii_strdown (raw_domain, -1);

  users_json = json_builder_new ();
  json_builder_begin_array (users_json);
  for (i = 0; i < users->len; i++)
    json_builder_add_string_value (users_json, users->pdata[i]);
  json_builder_end_array (users_json);
  {
    g_autoptr(JsonNode) node = json_builder_get_root (users_json);

    users_text = json_to_string (node, FALSE);
  }

  if (!db_exec (self, "BEGIN IMMEDIATE", &error))
    {
      respond_internal (msg, error);
      return;
    }

  {
    g_autoptr(sqlite3_stmt) taken = NULL;

    taken = db_prepare (self, "SELECT 1 FROM smart_accounts WHERE tenant = ?1 AND lower(domain) = ?2",
                        &error);
    if (taken == NULL)
      goto internal;
    bind_text (taken, 1, caller->tenant);
    bind_text (taken, 2, domain);
    switch (sqlite3_step (taken))
      {
      case SQLITE_ROW:
        respond_error (msg, SA_CLIENT_ERROR_DOMAIN_TAKEN,
                       "A Smart Account already has this Account Domain: request access to it instead");
        db_rollback (self);
        return;
      case SQLITE_DONE:
        break;
      default:
        db_fail (self->db, "domain", &error);
        goto internal;
      }
  }

  account_id = next_id (self,
                        "SELECT coalesce(max(CAST(substr(id, 4) AS INTEGER)), 100000)"
                        " FROM smart_accounts WHERE tenant = ?1",
                        caller->tenant, "SA", &error);
  request_id = next_id (self,
                        "SELECT coalesce(max(CAST(substr(id, 4) AS INTEGER)), 0)"
                        " FROM account_requests WHERE tenant = ?1",
                        caller->tenant, "AR", &error);
  if (account_id == NULL || request_id == NULL)
    goto internal;

  {
    g_autoptr(sqlite3_stmt) account = NULL;
    g_autoptr(sqlite3_stmt) va = NULL;
    g_autoptr(sqlite3_stmt) request = NULL;

    account = db_prepare (self,
                          "INSERT INTO smart_accounts (tenant, id, domain, name, type, status, email, restricted)"
                          " VALUES (?1, ?2, ?3, ?4, 'CUSTOMER', 'PENDING', ?5, 0)",
                          &error);
    if (account == NULL)
      goto internal;
    bind_text (account, 1, caller->tenant);
    bind_text (account, 2, account_id);
    bind_text (account, 3, domain);
    bind_text (account, 4, name);
    bind_text (account, 5, email);
    if (sqlite3_step (account) != SQLITE_DONE)
      {
        db_fail (self->db, "account", &error);
        goto internal;
      }

    va = db_prepare (self,
                     "INSERT INTO virtual_accounts (tenant, account_id, name, description, is_default, position)"
                     " VALUES (?1, ?2, 'DEFAULT', 'Default Virtual Account', 1, 0)",
                     &error);
    if (va == NULL)
      goto internal;
    bind_text (va, 1, caller->tenant);
    bind_text (va, 2, account_id);
    if (sqlite3_step (va) != SQLITE_DONE)
      {
        db_fail (self->db, "virtual account", &error);
        goto internal;
      }

    request = db_prepare (self,
                          "INSERT INTO account_requests (tenant, id, account_id, account_name, account_domain,"
                          " customer_email, note_to_customer, users, note_to_users, status, created_at, expires_at)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'PENDING', ?10, ?11)",
                          &error);
    if (request == NULL)
      goto internal;
    bind_text (request, 1, caller->tenant);
    bind_text (request, 2, request_id);
    bind_text (request, 3, account_id);
    bind_text (request, 4, name);
    bind_text (request, 5, domain);
    bind_text (request, 6, email);
    bind_text (request, 7, note_customer != NULL ? note_customer : "");
    bind_text (request, 8, users_text);
    bind_text (request, 9, note_users != NULL ? note_users : "");
    sqlite3_bind_int64 (request, 10, now);
    sqlite3_bind_int64 (request, 11, now + SA_SANDBOX_REQUEST_LIFETIME);
    if (sqlite3_step (request) != SQLITE_DONE)
      {
        db_fail (self->db, "account request", &error);
        goto internal;
      }
  }

  if (!db_exec (self, "COMMIT", &error))
    goto internal;

  g_debug ("sandbox: account request %s made by %s", request_id, caller->username);
  respond_account_request (self, msg, caller, request_id, SOUP_STATUS_CREATED, now);
  return;

internal:
  db_rollback (self);
  respond_internal (msg, error);
}

/* POST /sandbox/account-requests/{id}/accept */
static void
handle_accept_account_request (SaSandboxServer   *self,
                               SoupServerMessage *msg,
                               SaCaller          *caller,
                               const char        *id,
                               gint64             now)
{
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *account_id = NULL;
  int rc;

  if (!is_request_id (id, "AR"))
    {
      respond_error (msg, SA_CLIENT_ERROR_ACCOUNT_REQUEST_NOT_FOUND, "No account request has this id");
      return;
    }

  if (!db_exec (self, "BEGIN IMMEDIATE", &error))
    goto internal;

  find = db_prepare (self, "SELECT status, account_id FROM account_requests WHERE tenant = ?1 AND id = ?2",
                     &error);
  if (find == NULL)
    goto internal;
  bind_text (find, 1, caller->tenant);
  bind_text (find, 2, id);
  rc = sqlite3_step (find);
  if (rc == SQLITE_DONE)
    {
      db_rollback (self);
      respond_error (msg, SA_CLIENT_ERROR_ACCOUNT_REQUEST_NOT_FOUND, "No account request has this id");
      return;
    }
  if (rc != SQLITE_ROW)
    {
      db_fail (self->db, "account request", &error);
      goto internal;
    }
  if (g_strcmp0 (column_text (find, 0), "PENDING") != 0)
    {
      db_rollback (self);
      respond_error (msg, SA_CLIENT_ERROR_REQUEST_NOT_PENDING,
                     "This request is no longer pending: it was accepted or it expired");
      return;
    }
  account_id = g_strdup (column_text (find, 1));
  g_clear_pointer (&find, sqlite3_finalize);

  {
    g_autoptr(sqlite3_stmt) request = NULL;
    g_autoptr(sqlite3_stmt) account = NULL;

    request = db_prepare (self, "UPDATE account_requests SET status = 'ACTIVE' WHERE tenant = ?1 AND id = ?2",
                          &error);
    account = db_prepare (self, "UPDATE smart_accounts SET status = 'ACTIVE' WHERE tenant = ?1 AND id = ?2",
                          &error);
    if (request == NULL || account == NULL)
      goto internal;
    bind_text (request, 1, caller->tenant);
    bind_text (request, 2, id);
    bind_text (account, 1, caller->tenant);
    bind_text (account, 2, account_id);
    if (sqlite3_step (request) != SQLITE_DONE || sqlite3_step (account) != SQLITE_DONE)
      {
        db_fail (self->db, "accept", &error);
        goto internal;
      }
  }

  if (!db_exec (self, "COMMIT", &error))
    goto internal;

  respond_account_request (self, msg, caller, id, SOUP_STATUS_OK, now);
  return;

internal:
  g_clear_pointer (&find, sqlite3_finalize);
  db_rollback (self);
  respond_internal (msg, error);
}

/* GET and POST /sandbox/clock */
static void
handle_clock (SaSandboxServer   *self,
              SoupServerMessage *msg,
              SaCaller          *caller,
              gboolean           set)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  gint64 now;

  if (!clock_now (self, caller->tenant, &now, &error))
    {
      respond_internal (msg, error);
      return;
    }

  if (set)
    {
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(sqlite3_stmt) stmt = NULL;
      JsonObject *object;
      JsonNode *advance, *at;
      gint64 target = now;

      root = parse_body_object (msg);
      if (root == NULL)
        return;
      object = json_node_get_object (root);
      advance = json_object_get_member (object, "advanceDays");
      at = json_object_get_member (object, "now");
      if ((advance == NULL) == (at == NULL))
        {
          respond_invalid (msg, NULL, "Give either advanceDays or now");
          return;
        }
      if (advance != NULL)
        {
          if (json_node_get_value_type (advance) != G_TYPE_INT64)
            {
              respond_invalid (msg, "advanceDays", "advanceDays must be a whole number");
              return;
            }
          if (json_node_get_int (advance) < 0 ||
              json_node_get_int (advance) > SA_SANDBOX_MAX_ADVANCE_DAYS)
            add_field_error (errors, "advanceDays", "advanceDays is a number of days from 0 to 3650");
          else
            target = now + json_node_get_int (advance) * SA_SANDBOX_DAY;
        }
      else
        {
          g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
          g_autoptr(GDateTime) dt = NULL;

          if (json_node_get_value_type (at) != G_TYPE_STRING)
            {
              respond_invalid (msg, "now", "now must be an ISO 8601 date and time");
              return;
            }
          if (strlen (json_node_get_string (at)) <= 64)
            dt = g_date_time_new_from_iso8601 (json_node_get_string (at), utc);
          if (dt == NULL || g_date_time_get_year (dt) < 2000 || g_date_time_get_year (dt) > 9000)
            add_field_error (errors, "now", "now must be an ISO 8601 date and time (years 2000 to 9000)");
          else
            target = g_date_time_to_unix (dt);
        }
      if (respond_validation (msg, errors))
        return;

      stmt = db_prepare (self,
                         "INSERT INTO clocks (tenant, offset_seconds) VALUES (?1, ?2)"
                         " ON CONFLICT (tenant) DO UPDATE SET offset_seconds = excluded.offset_seconds",
                         &error);
      if (stmt == NULL)
        {
          respond_internal (msg, error);
          return;
        }
      bind_text (stmt, 1, caller->tenant);
      sqlite3_bind_int64 (stmt, 2, target - g_get_real_time () / G_USEC_PER_SEC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          db_fail (self->db, "clock", &error);
          respond_internal (msg, error);
          return;
        }
      now = target;
      if (!settle_account_requests (self, caller->tenant, now, &error))
        {
          respond_internal (msg, error);
          return;
        }
    }

  date = format_date (now);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "now");
  json_builder_add_string_value (builder, date);
  json_builder_end_object (builder);
  respond_builder (msg, SOUP_STATUS_OK, builder, NULL);
}

/* ------------------------------------------------------------------------ */
/* Access requests (procedure 4)                                             */

#define ACCESS_REQUEST_SELECT \
  "SELECT x.id, x.reason, x.status, x.created_at, x.decided_at, x.last_reminder_at," \
  " a.id, a.domain, a.name, a.type, a.status, a.email" \
  " FROM access_requests x JOIN smart_accounts a ON a.tenant = x.tenant AND a.id = x.account_id"

/* When the next reminder of the current row may be sent; 0: now (or never). */
static gint64
next_reminder (sqlite3_stmt *stmt,
               gint64        now)
{
  gint64 next;

  if (g_strcmp0 (column_text (stmt, 2), "PENDING") != 0 ||
      sqlite3_column_type (stmt, 5) == SQLITE_NULL)
    return 0;
  next = sqlite3_column_int64 (stmt, 5) + SA_SANDBOX_REMINDER_PERIOD;

  return next > now ? next : 0;
}

static void
add_access_request (JsonBuilder  *builder,
                    sqlite3_stmt *stmt,
                    gint64        now)
{
  gint64 next = next_reminder (stmt, now);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, column_text (stmt, 0));
  json_builder_set_member_name (builder, "smartAccount");
  add_account_at (builder, stmt, 6);
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, column_text (stmt, 1));
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, column_text (stmt, 2));
  add_date_column (builder, "createdDate", stmt, 3);
  add_date_column (builder, "decidedDate", stmt, 4);
  add_date_column (builder, "lastReminderDate", stmt, 5);
  add_date_member (builder, "nextReminderDate", next == 0, next);
  json_builder_end_object (builder);
}

/* Steps to the access request @id of @caller: SQLITE_ROW, SQLITE_DONE (none,
 * 404 sent) or an error (500 sent). */
static sqlite3_stmt *
find_access_request (SaSandboxServer   *self,
                     SoupServerMessage *msg,
                     SaCaller          *caller,
                     const char        *id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  if (!is_request_id (id, "XR"))
    {
      respond_error (msg, SA_CLIENT_ERROR_ACCESS_REQUEST_NOT_FOUND, "No access request has this id");
      return NULL;
    }
  stmt = db_prepare (self, ACCESS_REQUEST_SELECT " WHERE x.tenant = ?1 AND x.id = ?2", &error);
  if (stmt == NULL)
    {
      respond_internal (msg, error);
      return NULL;
    }
  bind_text (stmt, 1, caller->tenant);
  bind_text (stmt, 2, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      respond_error (msg, SA_CLIENT_ERROR_ACCESS_REQUEST_NOT_FOUND, "No access request has this id");
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      db_fail (self->db, "access request", &error);
      respond_internal (msg, error);
      return NULL;
    }

  return g_steal_pointer (&stmt);
}

static void
respond_access_request (SaSandboxServer   *self,
                        SoupServerMessage *msg,
                        SaCaller          *caller,
                        const char        *id,
                        guint              status_code,
                        gint64             now)
{
  g_autoptr(sqlite3_stmt) stmt = find_access_request (self, msg, caller, id);
  g_autoptr(JsonBuilder) builder = NULL;

  if (stmt == NULL)
    return;
  builder = json_builder_new ();
  add_access_request (builder, stmt, now);
  respond_builder (msg, status_code, builder, NULL);
}

/* The Smart Accounts of @caller's data whose domain is exactly @domain (any
 * case), restricted ones included: CUSTOMER first. */
static sqlite3_stmt *
prepare_candidates (SaSandboxServer  *self,
                    SaCaller         *caller,
                    const char       *domain,
                    GError          **error)
{
  g_autofree char *lower = g_ascii_strdown (domain, -1);
  sqlite3_stmt *stmt;

  stmt = db_prepare (self,
                     "SELECT id, domain, name, type, status, email FROM smart_accounts"
                     " WHERE tenant = ?1 AND lower(domain) = ?2 ORDER BY type, name",
                     error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, caller->tenant);
  bind_text (stmt, 2, lower);

  return stmt;
}

/* GET /v1/access-requests/candidates?domain=D */
static void
handle_candidates (SaSandboxServer   *self,
                   SoupServerMessage *msg,
                   SaCaller          *caller,
                   GHashTable        *query)
{
  const char *domain = g_hash_table_lookup (query, "domain");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  gint64 total = 0;
  int rc;

  if (domain == NULL || !sa_validate_domain (domain, NULL))
    {
      respond_invalid (msg, "domain", "domain must be a valid Account Domain Identifier");
      return;
    }

  stmt = prepare_candidates (self, caller, domain, &error);
  if (stmt == NULL)
    {
      respond_internal (msg, error);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "accounts");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      add_account_at (builder, stmt, 0);
      total++;
    }
  if (rc != SQLITE_DONE)
    {
      db_fail (self->db, "candidates", &error);
      respond_internal (msg, error);
      return;
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "totalRecords");
  json_builder_add_int_value (builder, total);
  json_builder_end_object (builder);

  respond_builder (msg, SOUP_STATUS_OK, builder, NULL);
}

/* GET /v1/access-requests */
static void
handle_list_access_requests (SaSandboxServer   *self,
                             SoupServerMessage *msg,
                             SaCaller          *caller,
                             gint64             now)
{
  respond_tenant_list (self, msg, caller, now,
                       ACCESS_REQUEST_SELECT " WHERE x.tenant = ?1"
                       " ORDER BY x.created_at DESC, x.id DESC",
                       "accessRequests", add_access_request);
}

/* POST /v1/access-requests
 *
 * Checks: body (400), reason and domain (422 VALIDATION_FAILED), an account
 * with the domain (404), one chosen when several (422 ACCOUNT_ID_REQUIRED
 * with `candidates`), the accountId of that domain (404), no pending request
 * of the user for it (409 DUPLICATE_REQUEST). */
static void
handle_create_access_request (SaSandboxServer   *self,
                              SoupServerMessage *msg,
                              SaCaller          *caller,
                              gint64             now)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) candidates = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *account_id = NULL;
  g_autofree char *request_id = NULL;
  const char *domain, *wanted_id, *reason;
  JsonObject *object;
  int rc;

  root = parse_body_object (msg);
  if (root == NULL)
    return;
  object = json_node_get_object (root);
  if (!get_string_member (msg, object, "domain", &domain) ||
      !get_string_member (msg, object, "accountId", &wanted_id) ||
      !get_string_member (msg, object, "reason", &reason))
    return;

  if (domain == NULL || *domain == '\0')
    add_field_error (errors, "domain", "The Account Domain Identifier is required");
  else if (!sa_validate_domain (domain, NULL))
    add_field_error (errors, "domain", "The Account Domain Identifier is not a valid domain name");
  if (reason == NULL || *reason == '\0')
    add_field_error (errors, "reason", "The reason for the request is required");
  else if (!sa_validate_reason (reason, NULL))
    add_field_error (errors, "reason", "The reason has at most 500 characters");
  if (wanted_id != NULL && !is_valid_text (wanted_id, 32))
    add_field_error (errors, "accountId", "accountId is not a Smart Account id");
  if (respond_validation (msg, errors))
    return;

  if (!db_exec (self, "BEGIN IMMEDIATE", &error))
    goto internal;

  candidates = prepare_candidates (self, caller, domain, &error);
  if (candidates == NULL)
    goto internal;
  while ((rc = sqlite3_step (candidates)) == SQLITE_ROW)
    {
      g_ptr_array_add (ids, g_strdup (column_text (candidates, 0)));
      if (wanted_id != NULL && g_strcmp0 (wanted_id, column_text (candidates, 0)) == 0)
        account_id = g_strdup (wanted_id);
    }
  if (rc != SQLITE_DONE)
    {
      db_fail (self->db, "candidates", &error);
      goto internal;
    }

  if (ids->len == 0 || (wanted_id != NULL && account_id == NULL))
    {
      db_rollback (self);
      respond_error (msg, SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND,
                     wanted_id == NULL ? "No Smart Account has this Account Domain Identifier"
                                       : "No Smart Account of this domain has this id");
      return;
    }
  if (account_id == NULL && ids->len > 1)
    {
      g_autoptr(JsonBuilder) builder = NULL;

      sqlite3_reset (candidates);
      builder = begin_error (sa_client_error_to_code (SA_CLIENT_ERROR_ACCOUNT_ID_REQUIRED),
                             "Several Smart Accounts share this domain: choose one");
      json_builder_set_member_name (builder, "candidates");
      json_builder_begin_array (builder);
      while (sqlite3_step (candidates) == SQLITE_ROW)
        add_account_at (builder, candidates, 0);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      g_clear_pointer (&candidates, sqlite3_finalize);
      db_rollback (self);
      respond_builder (msg, sa_client_error_get_http_status (SA_CLIENT_ERROR_ACCOUNT_ID_REQUIRED),
                       builder, NULL);
      return;
    }
  if (account_id == NULL)
    account_id = g_strdup (ids->pdata[0]);
  g_clear_pointer (&candidates, sqlite3_finalize);

  {
    g_autoptr(sqlite3_stmt) duplicate = NULL;

    duplicate = db_prepare (self,
                            "SELECT 1 FROM access_requests WHERE tenant = ?1 AND account_id = ?2"
                            " AND status = 'PENDING'",
                            &error);
    if (duplicate == NULL)
      goto internal;
    bind_text (duplicate, 1, caller->tenant);
    bind_text (duplicate, 2, account_id);
    rc = sqlite3_step (duplicate);
    if (rc == SQLITE_ROW)
      {
        g_clear_pointer (&duplicate, sqlite3_finalize);
        db_rollback (self);
        respond_error (msg, SA_CLIENT_ERROR_DUPLICATE_REQUEST,
                       "You already have a pending access request for this Smart Account");
        return;
      }
    if (rc != SQLITE_DONE)
      {
        db_fail (self->db, "duplicate", &error);
        goto internal;
      }
  }

  request_id = next_id (self,
                        "SELECT coalesce(max(CAST(substr(id, 4) AS INTEGER)), 0)"
                        " FROM access_requests WHERE tenant = ?1",
                        caller->tenant, "XR", &error);
  if (request_id == NULL)
    goto internal;

  {
    g_autoptr(sqlite3_stmt) insert = NULL;

    insert = db_prepare (self,
                         "INSERT INTO access_requests (tenant, id, account_id, reason, status, created_at,"
                         " decided_at, last_reminder_at) VALUES (?1, ?2, ?3, ?4, 'PENDING', ?5, NULL, NULL)",
                         &error);
    if (insert == NULL)
      goto internal;
    bind_text (insert, 1, caller->tenant);
    bind_text (insert, 2, request_id);
    bind_text (insert, 3, account_id);
    bind_text (insert, 4, reason);
    sqlite3_bind_int64 (insert, 5, now);
    if (sqlite3_step (insert) != SQLITE_DONE)
      {
        db_fail (self->db, "access request", &error);
        goto internal;
      }
  }

  if (!db_exec (self, "COMMIT", &error))
    goto internal;

  g_debug ("sandbox: access request %s made by %s", request_id, caller->username);
  respond_access_request (self, msg, caller, request_id, SOUP_STATUS_CREATED, now);
  return;

internal:
  g_clear_pointer (&candidates, sqlite3_finalize);
  db_rollback (self);
  respond_internal (msg, error);
}

/* POST /v1/access-requests/{id}/reminders: one per 24 hours of the sandbox
 * clock; 429 REMINDER_TOO_SOON with Retry-After (seconds) and nextReminderDate. */
static void
handle_reminder (SaSandboxServer   *self,
                 SoupServerMessage *msg,
                 SaCaller          *caller,
                 const char        *id,
                 gint64             now)
{
  g_autoptr(sqlite3_stmt) stmt = find_access_request (self, msg, caller, id);
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(GError) error = NULL;
  gint64 next;

  if (stmt == NULL)
    return;
  if (g_strcmp0 (column_text (stmt, 2), "PENDING") != 0)
    {
      respond_error (msg, SA_CLIENT_ERROR_REQUEST_NOT_PENDING,
                     "This request has been decided: no reminder can be sent");
      return;
    }
  next = next_reminder (stmt, now);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (next != 0)
    {
      g_autoptr(JsonBuilder) builder = NULL;
      g_autofree char *retry = g_strdup_printf ("%" G_GINT64_FORMAT, MAX (next - now, 1));

      builder = begin_error (sa_client_error_to_code (SA_CLIENT_ERROR_REMINDER_TOO_SOON),
                             "A reminder was sent less than 24 hours ago");
      add_date_member (builder, "nextReminderDate", FALSE, next);
      json_builder_end_object (builder);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Retry-After", retry);
      respond_builder (msg, sa_client_error_get_http_status (SA_CLIENT_ERROR_REMINDER_TOO_SOON),
                       builder, NULL);
      return;
    }

  update = db_prepare (self,
                       "UPDATE access_requests SET last_reminder_at = ?3"
                       " WHERE tenant = ?1 AND id = ?2 AND status = 'PENDING'",
                       &error);
  if (update == NULL)
    {
      respond_internal (msg, error);
      return;
    }
  bind_text (update, 1, caller->tenant);
  bind_text (update, 2, id);
  sqlite3_bind_int64 (update, 3, now);
  if (sqlite3_step (update) != SQLITE_DONE)
    {
      db_fail (self->db, "reminder", &error);
      respond_internal (msg, error);
      return;
    }

  respond_access_request (self, msg, caller, id, SOUP_STATUS_OK, now);
}

/* POST /sandbox/access-requests/{id}/decide with {"decision": "approve"|"deny"} */
static void
handle_decide (SaSandboxServer   *self,
               SoupServerMessage *msg,
               SaCaller          *caller,
               const char        *id,
               gint64             now)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *decision;

  root = parse_body_object (msg);
  if (root == NULL)
    return;
  if (!get_string_member (msg, json_node_get_object (root), "decision", &decision))
    return;
  if (g_strcmp0 (decision, "approve") != 0 && g_strcmp0 (decision, "deny") != 0)
    add_field_error (errors, "decision", "decision is approve or deny");
  if (respond_validation (msg, errors))
    return;

  stmt = find_access_request (self, msg, caller, id);
  if (stmt == NULL)
    return;
  if (g_strcmp0 (column_text (stmt, 2), "PENDING") != 0)
    {
      respond_error (msg, SA_CLIENT_ERROR_REQUEST_NOT_PENDING, "This request has already been decided");
      return;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  update = db_prepare (self,
                       "UPDATE access_requests SET status = ?3, decided_at = ?4"
                       " WHERE tenant = ?1 AND id = ?2 AND status = 'PENDING'",
                       &error);
  if (update == NULL)
    {
      respond_internal (msg, error);
      return;
    }
  bind_text (update, 1, caller->tenant);
  bind_text (update, 2, id);
  bind_text (update, 3, strcmp (decision, "approve") == 0 ? "APPROVED" : "DENIED");
  sqlite3_bind_int64 (update, 4, now);
  if (sqlite3_step (update) != SQLITE_DONE)
    {
      db_fail (self->db, "decide", &error);
      respond_internal (msg, error);
      return;
    }

  respond_access_request (self, msg, caller, id, SOUP_STATUS_OK, now);
}

/* POST /sandbox/reset */
static void
handle_reset (SaSandboxServer   *self,
              SoupServerMessage *msg,
              SaCaller          *caller)
{
  g_autoptr(GError) error = NULL;

  if (!load_training_data (self, caller->tenant, NULL, NULL, NULL, &error))
    {
      respond_internal (msg, error);
      return;
    }

  respond_ok (msg);
}

/* ------------------------------------------------------------------------ */
/* Routing                                                                   */

typedef enum
{
  ROUTE_NONE,
  ROUTE_TOKEN,
  ROUTE_PROFILE,
  ROUTE_ORDERS,
  ROUTE_ORDER,
  ROUTE_ASSIGNMENT,
  ROUTE_ACCOUNT_SEARCH,
  ROUTE_VIRTUAL_ACCOUNTS,
  ROUTE_RESET,
  ROUTE_SHIP,
  ROUTE_ACCOUNT_REQUESTS,
  ROUTE_ACCEPT,
  ROUTE_CLOCK,
  ROUTE_CANDIDATES,
  ROUTE_ACCESS_REQUESTS,
  ROUTE_REMINDERS,
  ROUTE_DECIDE,
} SaRoute;

static gboolean
segments_match (GStrv        segments,
                guint        n,
                const char  *pattern[])
{
  guint i;

  if (g_strv_length (segments) != n)
    return FALSE;
  for (i = 0; i < n; i++)
    if (segments[i][0] == '\0' ||
        (pattern[i] != NULL && strcmp (pattern[i], segments[i]) != 0))
      return FALSE;

  return TRUE;
}

static SaRoute
find_route (GStrv        segments,
            const char **method)
{
  static const struct
  {
    SaRoute     route;
    const char *method;
    guint       n;
    const char *pattern[5]; /* NULL: any segment */
  } routes[] = {
    { ROUTE_TOKEN, "POST", 2, { "oauth2", "token" } },
    { ROUTE_PROFILE, "GET, PUT", 2, { "v1", "profile" } },
    { ROUTE_ORDERS, "GET", 2, { "v1", "orders" } },
    { ROUTE_ORDER, "GET", 3, { "v1", "orders", NULL } },
    { ROUTE_ASSIGNMENT, "PUT", 4, { "v1", "orders", NULL, "smart-account-assignment" } },
    { ROUTE_ACCOUNT_SEARCH, "GET", 3, { "v1", "accounts", "search" } },
    { ROUTE_VIRTUAL_ACCOUNTS, "GET", 5, { "v1", "accounts", NULL, NULL, "virtual-accounts" } },
    { ROUTE_RESET, "POST", 2, { "sandbox", "reset" } },
    { ROUTE_SHIP, "POST", 4, { "sandbox", "orders", NULL, "ship" } },
    { ROUTE_ACCOUNT_REQUESTS, "GET, POST", 2, { "v1", "account-requests" } },
    { ROUTE_ACCEPT, "POST", 4, { "sandbox", "account-requests", NULL, "accept" } },
    { ROUTE_CLOCK, "GET, POST", 2, { "sandbox", "clock" } },
    { ROUTE_CANDIDATES, "GET", 3, { "v1", "access-requests", "candidates" } },
    { ROUTE_ACCESS_REQUESTS, "GET, POST", 2, { "v1", "access-requests" } },
    { ROUTE_REMINDERS, "POST", 4, { "v1", "access-requests", NULL, "reminders" } },
    { ROUTE_DECIDE, "POST", 4, { "sandbox", "access-requests", NULL, "decide" } },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      if (segments_match (segments, routes[i].n, (const char **) routes[i].pattern))
        {
          *method = routes[i].method;
          return routes[i].route;
        }
    }

  return ROUTE_NONE;
}

/* The decoded segments of the request path; NULL (and a 400 sent) when the
 * path holds a NUL, a bad escape or invalid UTF-8. */
static GStrv
split_path (SoupServerMessage *msg)
{
  const char *path = g_uri_get_path (soup_server_message_get_uri (msg));
  g_auto(GStrv) raw = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  guint i;

  if (path == NULL || path[0] != '/' || strlen (path) > 2048)
    {
      respond_invalid (msg, NULL, "The request path is not valid");
      return NULL;
    }

  raw = g_strsplit (path + 1, "/", SA_SANDBOX_MAX_PATH_SEGMENTS + 1);
  segments = g_ptr_array_new_with_free_func (g_free);
  for (i = 0; raw[i] != NULL; i++)
    {
      char *segment = g_uri_unescape_segment (raw[i], NULL, "/");

      if (segment == NULL || !g_utf8_validate (segment, -1, NULL))
        {
          g_free (segment);
          respond_invalid (msg, NULL, "The request path is not valid");
          return NULL;
        }
      g_ptr_array_add (segments, segment);
    }
  g_ptr_array_add (segments, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&segments), FALSE);
}

/* @methods: "GET" or "GET, POST". */
static gboolean
method_allowed (const char *methods,
                const char *method)
{
  g_auto(GStrv) allowed = g_strsplit (methods, ", ", -1);

  return g_strv_contains ((const char * const *) allowed, method);
}

static void
server_callback (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *unused_path,
                 GHashTable        *unused_query,
                 gpointer           user_data)
{
  SaSandboxServer *self = SA_SANDBOX_SERVER (user_data);
  g_auto(GStrv) segments = NULL;
  g_autoptr(GHashTable) query = NULL;
  g_auto(SaCaller) caller = { 0 };
  g_autoptr(GError) error = NULL;
  const char *method = NULL;
  gboolean is_post;
  gint64 now = 0;
  SaRoute route;

  segments = split_path (msg);
  if (segments == NULL)
    return;

  route = find_route (segments, &method);
  if (route == ROUTE_NONE)
    {
      respond_error (msg, SA_CLIENT_ERROR_NOT_FOUND, "There is nothing at this address");
      return;
    }
  if (!method_allowed (method, soup_server_message_get_method (msg)))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Allow", method);
      respond_error (msg, SA_CLIENT_ERROR_METHOD_NOT_ALLOWED,
                     "This method is not allowed at this address");
      return;
    }

  if (route == ROUTE_TOKEN)
    {
      handle_token (self, msg);
      return;
    }

  if (!authenticate (self, msg, &caller))
    return;

  query = parse_query (msg);
  if (query == NULL)
    return;

  /* The caller's sandbox clock, and account requests expired by it. */
  if (!clock_now (self, caller.tenant, &now, &error) ||
      !settle_account_requests (self, caller.tenant, now, &error))
    {
      respond_internal (msg, error);
      return;
    }
  is_post = strcmp (soup_server_message_get_method (msg), "POST") == 0;

  switch (route)
    {
    case ROUTE_PROFILE:
      if (strcmp (soup_server_message_get_method (msg), "PUT") == 0)
        handle_put_profile (self, msg, &caller);
      else
        handle_profile (self, msg, &caller);
      break;
    case ROUTE_ACCOUNT_REQUESTS:
      if (is_post)
        handle_create_account_request (self, msg, &caller, now);
      else
        handle_list_account_requests (self, msg, &caller, now);
      break;
    case ROUTE_ACCEPT:
      handle_accept_account_request (self, msg, &caller, segments[2], now);
      break;
    case ROUTE_CLOCK:
      handle_clock (self, msg, &caller, is_post);
      break;
    case ROUTE_CANDIDATES:
      handle_candidates (self, msg, &caller, query);
      break;
    case ROUTE_ACCESS_REQUESTS:
      if (is_post)
        handle_create_access_request (self, msg, &caller, now);
      else
        handle_list_access_requests (self, msg, &caller, now);
      break;
    case ROUTE_REMINDERS:
      handle_reminder (self, msg, &caller, segments[2], now);
      break;
    case ROUTE_DECIDE:
      handle_decide (self, msg, &caller, segments[2], now);
      break;
    case ROUTE_ORDERS:
      handle_list_orders (self, msg, &caller, query);
      break;
    case ROUTE_ORDER:
      handle_get_order (self, msg, &caller, segments[2]);
      break;
    case ROUTE_ASSIGNMENT:
      handle_put_assignment (self, msg, &caller, segments[2]);
      break;
    case ROUTE_ACCOUNT_SEARCH:
      handle_account_search (self, msg, &caller, query);
      break;
    case ROUTE_VIRTUAL_ACCOUNTS:
      handle_virtual_accounts (self, msg, &caller, segments[2], segments[3]);
      break;
    case ROUTE_RESET:
      handle_reset (self, msg, &caller);
      break;
    case ROUTE_SHIP:
      handle_ship (self, msg, &caller, segments[2]);
      break;
    case ROUTE_TOKEN:
    case ROUTE_NONE:
    default:
      g_assert_not_reached ();
    }
}

/* Once a body passes 64 KiB, stop keeping it: the rest is read and dropped,
 * and the handler answers 400. */
static void
on_got_chunk (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  if (body->length > SA_SANDBOX_MAX_BODY)
    {
      soup_message_body_set_accumulate (body, FALSE);
      soup_message_body_truncate (body);
      g_object_set_data (G_OBJECT (msg), "sa-sandbox-oversized", GINT_TO_POINTER (TRUE));
    }
}

/* Refuses to keep an oversized body in memory: an announced one at once,
 * a chunked one as soon as it passes the limit. */
static void
early_callback (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > SA_SANDBOX_MAX_BODY)
    {
      soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
      g_object_set_data (G_OBJECT (msg), "sa-sandbox-oversized", GINT_TO_POINTER (TRUE));
      return;
    }

  g_signal_connect (msg, "got-chunk", G_CALLBACK (on_got_chunk), NULL);
}

/* ------------------------------------------------------------------------ */
/* Object                                                                    */

static void
sa_sandbox_server_dispose (GObject *object)
{
  SaSandboxServer *self = (SaSandboxServer *) object;

  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);

  G_OBJECT_CLASS (sa_sandbox_server_parent_class)->dispose (object);
}

static void
sa_sandbox_server_finalize (GObject *object)
{
  SaSandboxServer *self = (SaSandboxServer *) object;

  g_clear_pointer (&self->tokens, g_hash_table_unref);
  g_clear_pointer (&self->dummy_hash, g_free);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->data_dir, g_free);

  G_OBJECT_CLASS (sa_sandbox_server_parent_class)->finalize (object);
}

static void
sa_sandbox_server_class_init (SaSandboxServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sa_sandbox_server_dispose;
  object_class->finalize = sa_sandbox_server_finalize;
}

static void
sa_sandbox_server_init (SaSandboxServer *self)
{
  self->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, sa_token_free);
  self->token_lifetime = (gint64) SA_SANDBOX_TOKEN_LIFETIME * G_USEC_PER_SEC;
}

/**
 * sa_sandbox_server_new:
 * @data_dir: (type filename): directory of the database; created (mode 0700)
 *   when missing
 * @error: return location for a #GError
 *
 * Opens (creating when needed) `DATA_DIR/sandbox.sqlite` and loads the
 * training data when it holds none (first start). The server then answers
 * the Desk API (docs/desk-api.md) once sa_sandbox_server_listen() is called.
 * It runs in the thread-default main context of the caller; all later calls
 * must come from that thread.
 *
 * Returns: (transfer full): a new server, or %NULL with @error set
 *   (%G_IO_ERROR_FAILED for SQLite failures, other %G_IO_ERROR codes for
 *   the directory).
 */
SaSandboxServer *
sa_sandbox_server_new (const char  *data_dir,
                       GError     **error)
{
  g_autoptr(SaSandboxServer) self = NULL;
  g_autofree char *db_path = NULL;

  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_mkdir_with_parents (data_dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Cannot create %s: %s", data_dir, g_strerror (saved_errno));
      return NULL;
    }

  self = g_object_new (SA_TYPE_SANDBOX_SERVER, NULL);
  self->data_dir = g_strdup (data_dir);

  db_path = g_build_filename (data_dir, "sandbox.sqlite", NULL);
  if (sqlite3_open_v2 (db_path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      if (self->db != NULL)
        db_fail (self->db, "open", error);
      else
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "SQLite: out of memory");
      return NULL;
    }
  /* Several processes share the file (the server, the trainer's commands):
   * WAL lets readers and one writer work at once; writers wait their turn. */
  sqlite3_busy_timeout (self->db, 5000);
  if (!db_exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL", error) ||
      !open_schema (self, error) ||
      !set_missing_password_hashes (self, error))
    return NULL;

  {
    g_autofree char *random = new_token_string (error);

    if (random == NULL)
      return NULL;
    self->dummy_hash = hash_password (random, error);
    if (self->dummy_hash == NULL)
      return NULL;
  }

  self->server = soup_server_new ("server-header", "smart-account-desk-sandbox ", NULL);
  soup_server_add_early_handler (self->server, NULL, early_callback, self, NULL);
  soup_server_add_handler (self->server, NULL, server_callback, self, NULL);

  return g_steal_pointer (&self);
}

/**
 * sa_sandbox_server_listen:
 * @self: a #SaSandboxServer
 * @address: an IPv4 or IPv6 address of this host, e.g. "127.0.0.1"
 * @port: TCP port; 0 picks a free one
 * @error: return location for a #GError
 *
 * Starts accepting connections in the caller's thread-default main context.
 * Only the loopback address is safe for training; other addresses expose the
 * sandbox to the network and are used only when asked for.
 *
 * Returns: %TRUE on success; %FALSE with @error set (%G_IO_ERROR_INVALID_ARGUMENT
 *   for an address that does not parse, socket errors otherwise).
 */
gboolean
sa_sandbox_server_listen (SaSandboxServer  *self,
                          const char       *address,
                          guint16           port,
                          GError          **error)
{
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GSocket) socket = NULL;

  g_return_val_if_fail (SA_IS_SANDBOX_SERVER (self), FALSE);
  g_return_val_if_fail (address != NULL, FALSE);

  socket_address = g_inet_socket_address_new_from_string (address, port);
  if (socket_address == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s” is not an IP address", address);
      return FALSE;
    }

  /* Our own socket, for a listen backlog that takes a whole class connecting
   * at once (GSocket's default of 10 resets connections beyond it). */
  socket = g_socket_new (g_socket_address_get_family (socket_address), G_SOCKET_TYPE_STREAM,
                         G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL)
    return FALSE;
  g_socket_set_listen_backlog (socket, SA_SANDBOX_LISTEN_BACKLOG);
  if (!g_socket_bind (socket, socket_address, TRUE, error) ||
      !g_socket_listen (socket, error))
    return FALSE;

  return soup_server_listen_socket (self->server, socket,
                                    self->https ? SOUP_SERVER_LISTEN_HTTPS : 0, error);
}

/**
 * sa_sandbox_server_set_tls_certificate:
 * @self: a #SaSandboxServer
 * @certificate: (transfer none): the certificate, with its private key
 *
 * Makes the sandbox serve HTTPS: what a classroom needs, since the app talks
 * plain HTTP only to a server on the same computer. Call before
 * sa_sandbox_server_listen(); the base URI then starts with "https://".
 */
void
sa_sandbox_server_set_tls_certificate (SaSandboxServer *self,
                                       GTlsCertificate *certificate)
{
  g_return_if_fail (SA_IS_SANDBOX_SERVER (self));
  g_return_if_fail (G_IS_TLS_CERTIFICATE (certificate));

  g_object_set (self->server, "tls-certificate", certificate, NULL);
  self->https = TRUE;
}

/**
 * sa_sandbox_server_dup_uri:
 * @self: a #SaSandboxServer
 *
 * Returns: (transfer full) (nullable): the base URI, e.g.
 *   "http://127.0.0.1:41234/", or %NULL before listening. Free with g_free().
 */
char *
sa_sandbox_server_dup_uri (SaSandboxServer *self)
{
  GSList *listeners;
  g_autoptr(GSocketAddress) address = NULL;
  g_autofree char *host = NULL;
  GInetSocketAddress *inet;

  g_return_val_if_fail (SA_IS_SANDBOX_SERVER (self), NULL);

  /* From the listening socket itself (soup_server_get_uris() leaks in 3.2). */
  listeners = soup_server_get_listeners (self->server);
  if (listeners == NULL)
    return NULL;
  address = g_socket_get_local_address (listeners->data, NULL);
  g_slist_free (listeners);
  if (address == NULL || !G_IS_INET_SOCKET_ADDRESS (address))
    return NULL;

  inet = G_INET_SOCKET_ADDRESS (address);
  host = g_inet_address_to_string (g_inet_socket_address_get_address (inet));
  if (strchr (host, ':') != NULL)
    return g_strdup_printf ("%s://[%s]:%u/", self->https ? "https" : "http", host,
                            g_inet_socket_address_get_port (inet));

  return g_strdup_printf ("%s://%s:%u/", self->https ? "https" : "http", host,
                          g_inet_socket_address_get_port (inet));
}

/**
 * sa_sandbox_server_reset:
 * @self: a #SaSandboxServer
 * @error: return location for a #GError
 *
 * Reloads the training data of the training tenant, as POST /sandbox/reset
 * does: every order, Smart Account and Virtual Account is back to its first
 * state. Users and their access tokens stay.
 *
 * Returns: %TRUE on success, %FALSE with %G_IO_ERROR_FAILED on a SQLite failure.
 */
gboolean
sa_sandbox_server_reset (SaSandboxServer  *self,
                         GError          **error)
{
  g_return_val_if_fail (SA_IS_SANDBOX_SERVER (self), FALSE);

  return load_training_data (self, SA_SANDBOX_TRAINING_TENANT, NULL, NULL, NULL, error);
}

/**
 * sa_sandbox_server_set_token_lifetime:
 * @self: a #SaSandboxServer
 * @seconds: lifetime of new access tokens, in seconds (at least 1)
 *
 * Sets how long access tokens issued from now on stay valid (3600 s by
 * default). For tests of token expiry.
 */
void
sa_sandbox_server_set_token_lifetime (SaSandboxServer *self,
                                      guint            seconds)
{
  g_return_if_fail (SA_IS_SANDBOX_SERVER (self));
  g_return_if_fail (seconds > 0);

  self->token_lifetime = (gint64) seconds * G_USEC_PER_SEC;
}

/* ------------------------------------------------------------------------ */
/* Trainees                                                                  */

/**
 * sa_sandbox_trainee_name_is_valid:
 * @name: (nullable): a user name
 *
 * Trainee names are 1 to 32 characters: a lower-case ASCII letter, then
 * lower-case letters, digits, '.', '_' or '-'. They name the trainee's copy
 * of the data (its tenant) and make up an e-mail address.
 *
 * Returns: %TRUE when @name is acceptable
 */
gboolean
sa_sandbox_trainee_name_is_valid (const char *name)
{
  const char *p;

  if (name == NULL || !g_ascii_islower (name[0]) || strlen (name) > 32)
    return FALSE;
  for (p = name; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && strchr ("._-", *p) == NULL)
      return FALSE;

  return TRUE;
}

/* The tenant of user @name, or NULL with G_IO_ERROR_NOT_FOUND. */
static char *
dup_user_tenant (SaSandboxServer  *self,
                 const char       *name,
                 GError          **error)
{
  g_auto(SaCaller) caller = { 0 };

  if (!lookup_user (self, name, &caller, NULL, error))
    return NULL;
  if (caller.username == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No trainee is named “%s”", name);
      return NULL;
    }

  return g_steal_pointer (&caller.tenant);
}

/**
 * sa_sandbox_server_add_trainee:
 * @self: a #SaSandboxServer
 * @name: the trainee's user name (see sa_sandbox_trainee_name_is_valid())
 * @password: the password, 8 to 1024 bytes of UTF-8; stored as a yescrypt hash
 * @error: return location for a #GError
 *
 * Creates a sandbox user working on a fresh copy of the training data of
 * their own (tenant = @name): the trainer's "trainee add" command.
 *
 * Returns: %TRUE on success; %FALSE with %G_IO_ERROR_INVALID_ARGUMENT (bad
 *   name or password), %G_IO_ERROR_EXISTS (taken) or %G_IO_ERROR_FAILED.
 */
gboolean
sa_sandbox_server_add_trainee (SaSandboxServer  *self,
                               const char       *name,
                               const char       *password,
                               GError          **error)
{
  g_autofree char *hash = NULL;
  g_autofree char *email = NULL;
  g_auto(SaCaller) existing = { 0 };

  g_return_val_if_fail (SA_IS_SANDBOX_SERVER (self), FALSE);

  if (!sa_sandbox_trainee_name_is_valid (name))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "A trainee name is 1 to 32 characters: a lower-case letter, then "
                           "lower-case letters, digits, '.', '_' or '-'");
      return FALSE;
    }
  if (password == NULL || strlen (password) < 8 || strlen (password) > 1024 ||
      !g_utf8_validate (password, -1, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "A password has 8 to 1024 bytes of UTF-8 text");
      return FALSE;
    }

  if (!lookup_user (self, name, &existing, NULL, error))
    return FALSE;
  if (existing.username != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "A trainee is already named “%s”", name);
      return FALSE;
    }

  hash = hash_password (password, error);
  if (hash == NULL)
    return FALSE;
  email = g_strconcat (name, "@northwind-networks.example", NULL);

  /* A user row appearing meanwhile (another process) fails the insert. */
  return load_training_data (self, name, name, hash, email, error);
}

/**
 * sa_sandbox_server_remove_trainee:
 * @self: a #SaSandboxServer
 * @name: the trainee's user name
 * @error: return location for a #GError
 *
 * Removes the user and their copy of the data (when no other user works on
 * it); their tokens stop working at once (the user is looked up on every
 * request).
 *
 * Returns: %TRUE on success; %FALSE with %G_IO_ERROR_NOT_FOUND or
 *   %G_IO_ERROR_FAILED.
 */
gboolean
sa_sandbox_server_remove_trainee (SaSandboxServer  *self,
                                  const char       *name,
                                  GError          **error)
{
  g_autofree char *tenant = NULL;
  gint64 others = 0;
  guint i;

  g_return_val_if_fail (SA_IS_SANDBOX_SERVER (self), FALSE);

  if (!db_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  tenant = dup_user_tenant (self, name, error);
  if (tenant == NULL)
    goto fail;

  if (!db_exec_bound (self, "DELETE FROM users WHERE username = ?1", name, error))
    goto fail;
  {
    g_autoptr(sqlite3_stmt) count = db_prepare (self, "SELECT count(*) FROM users WHERE tenant = ?1", error);

    if (count == NULL)
      goto fail;
    bind_text (count, 1, tenant);
    if (sqlite3_step (count) != SQLITE_ROW)
      {
        db_fail (self->db, "users", error);
        goto fail;
      }
    others = sqlite3_column_int64 (count, 0);
  }
  if (others == 0)
    {
      for (i = G_N_ELEMENTS (data_tables); i > 0; i--)
        {
          g_autofree char *del = g_strdup_printf ("DELETE FROM main.%s WHERE tenant = ?1",
                                                  data_tables[i - 1]);

          if (!db_exec_bound (self, del, tenant, error))
            goto fail;
        }
      if (!db_exec_bound (self, "DELETE FROM clocks WHERE tenant = ?1", tenant, error))
        goto fail;
    }

  if (!db_exec (self, "COMMIT", error))
    goto fail;

  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, self->tokens);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      if (g_strcmp0 (((SaToken *) value)->username, name) == 0)
        g_hash_table_iter_remove (&iter);
  }

  return TRUE;

fail:
  db_rollback (self);
  return FALSE;
}

/**
 * sa_sandbox_server_reset_trainee:
 * @self: a #SaSandboxServer
 * @name: a user name
 * @error: return location for a #GError
 *
 * Reloads the training data of @name's copy (orders, accounts, requests,
 * clock), as POST /sandbox/reset does when @name calls it.
 *
 * Returns: %TRUE on success; %FALSE with %G_IO_ERROR_NOT_FOUND or
 *   %G_IO_ERROR_FAILED.
 */
gboolean
sa_sandbox_server_reset_trainee (SaSandboxServer  *self,
                                 const char       *name,
                                 GError          **error)
{
  g_autofree char *tenant = NULL;

  g_return_val_if_fail (SA_IS_SANDBOX_SERVER (self), FALSE);

  tenant = dup_user_tenant (self, name, error);
  if (tenant == NULL)
    return FALSE;

  return load_training_data (self, tenant, NULL, NULL, NULL, error);
}

/**
 * sa_sandbox_server_list_trainees:
 * @self: a #SaSandboxServer
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the user names of the sandbox, sorted, or %NULL
 *   with %G_IO_ERROR_FAILED. Free with g_strfreev().
 */
GStrv
sa_sandbox_server_list_trainees (SaSandboxServer  *self,
                                 GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  g_return_val_if_fail (SA_IS_SANDBOX_SERVER (self), NULL);

  stmt = db_prepare (self, "SELECT username FROM users ORDER BY username", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      db_fail (self->db, "users", error);
      return NULL;
    }

  return g_strv_builder_end (builder);
}
