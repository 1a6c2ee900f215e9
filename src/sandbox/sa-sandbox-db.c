/* sa-sandbox-db.c — the sandbox's SQLite database: schema and its version,
 * statement helpers, the transaction helper, tenants, training data, clock
 *
 * Each user of the sandbox works on a copy of the training data of their
 * own, its *tenant*: every data row carries the tenant it belongs to. SQL is
 * constant text with bound parameters; the only SQL built here names tables
 * from the constant tables[] below.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sa-sandbox-db.h"

#include <string.h>

#include "sa-sandbox-private.h"
#include "sa-sandbox-resources.h"
#include "sa-sandbox-scenarios.h"

#define SA_SANDBOX_TRAINING_RESOURCE "/io/github/sadesk/SmartAccountDesk/sandbox/training-data.sql"
#define SA_SANDBOX_SCHEMA_VERSION    5 /* 4: training (sa-sandbox-scenarios.c); 5: search indexes (sa-sandbox-db-search.c) */
/* A user's identity: 128 random bits, new with every row, so that a trainee
 * removed and added again is another identity and their old tokens stay
 * dead (issue 13, "Major 3"). */
#define SA_SANDBOX_NEW_IDENTITY      "lower(hex(randomblob(16)))"

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
  "  company TEXT,"      /* NULL: the partner's name */
  "  identity TEXT);"    /* random, new with every row: tokens are tied to it */
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
  "  licenses_deposited INTEGER NOT NULL DEFAULT 0," /* the license model: see sa-sandbox-licenses.c */
  "  PRIMARY KEY (tenant, sales_order_number),"
  "  FOREIGN KEY (tenant, partner) REFERENCES partners (tenant, id),"
  "  FOREIGN KEY (tenant, end_customer_account) REFERENCES smart_accounts (tenant, id),"
  "  FOREIGN KEY (tenant, holding_account) REFERENCES smart_accounts (tenant, id));"
  "CREATE TABLE IF NOT EXISTS order_lines ("
  "  tenant TEXT NOT NULL,"
  "  sales_order_number TEXT NOT NULL,"
  "  line_number TEXT NOT NULL,"    /* "1.1", as CCW numbers lines */
  "  product TEXT NOT NULL,"        /* the item ordered (SKU) */
  "  description TEXT NOT NULL,"
  "  quantity INTEGER NOT NULL CHECK (quantity > 0),"
  "  extended_amount REAL NOT NULL," /* EUR */
  "  license_sku TEXT,"             /* NULL: the line brings no license */
  "  license TEXT,"                 /* the license's name in Smart Accounts */
  "  license_type TEXT CHECK (license_type IN ('PERPETUAL', 'TERM')),"
  "  term_months INTEGER,"          /* TERM licenses */
  "  PRIMARY KEY (tenant, sales_order_number, line_number),"
  "  FOREIGN KEY (tenant, sales_order_number) REFERENCES orders (tenant, sales_order_number) ON DELETE CASCADE);"
  "CREATE TABLE IF NOT EXISTS licenses ("   /* one row: one of Cisco's licenseDetails */
  "  tenant TEXT NOT NULL,"
  "  account_id TEXT NOT NULL,"
  "  virtual_account TEXT NOT NULL,"
  "  license TEXT NOT NULL,"
  "  license_sku TEXT,"
  "  license_type TEXT NOT NULL CHECK (license_type IN ('PERPETUAL', 'TERM')),"
  "  quantity INTEGER NOT NULL CHECK (quantity > 0),"
  "  in_use INTEGER NOT NULL CHECK (in_use >= 0 AND in_use <= quantity),"
  "  start_date TEXT NOT NULL,"     /* YYYY-MM-DD */
  "  end_date TEXT,"                /* NULL: perpetual */
  "  order_number TEXT,"            /* NULL: not from an order */
  "  order_line TEXT,"
  "  FOREIGN KEY (tenant, account_id, virtual_account)"
  "    REFERENCES virtual_accounts (tenant, account_id, name) ON DELETE CASCADE);"
  "CREATE TABLE IF NOT EXISTS account_roles ("  /* the user's roles, as Cisco's /v2/accounts lists them */
  "  tenant TEXT NOT NULL,"
  "  account_id TEXT NOT NULL,"
  "  role TEXT NOT NULL,"
  "  virtual_account TEXT,"         /* NULL: a role on the whole Smart Account */
  "  position INTEGER NOT NULL,"
  "  FOREIGN KEY (tenant, account_id) REFERENCES smart_accounts (tenant, id) ON DELETE CASCADE);"
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
  "CREATE INDEX IF NOT EXISTS access_requests_account ON access_requests (tenant, account_id);"
  "CREATE INDEX IF NOT EXISTS licenses_account ON licenses (tenant, account_id, virtual_account);"
  "CREATE INDEX IF NOT EXISTS account_roles_account ON account_roles (tenant, account_id);";

/* The data tables of a tenant, parents first (the order of copies; deletes go
 * backwards), then the users, which the training script fills too. */
static const char *const tables[] = {
  "partners", "smart_accounts", "virtual_accounts", "orders", "order_lines", "licenses",
  "account_roles", "account_requests", "access_requests", "devices", "users",
};
#define N_DATA_TABLES (G_N_ELEMENTS (tables) - 1)

/* ------------------------------------------------------------------------ */
/* Statements                                                                */

/**
 * sa_sandbox_db_fail:
 * @db: the connection that failed
 * @what: (nullable): what was being done, for the log ("prepare", "clock")
 * @error: return location for a #GError
 *
 * Sets @error to %G_IO_ERROR_FAILED with SQLite's message: every database
 * failure answers 500 (sa_sandbox_respond_gerror()).
 *
 * Returns: %FALSE, for `return sa_sandbox_db_fail (…);`
 */
gboolean
sa_sandbox_db_fail (sqlite3     *db,
                    const char  *what,
                    GError     **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               "SQLite: %s: %s", what != NULL ? what : "error", sqlite3_errmsg (db));
  return FALSE;
}

/* Binds ?1, ?2… from @args as @types says: 't' a const char * (NULL binds
 * NULL), 'i' a gint64, 'b' a gboolean. */
static void
bind_valist (sqlite3_stmt *stmt,
             const char   *types,
             va_list       args)
{
  int i;

  for (i = 0; types != NULL && types[i] != '\0'; i++)
    {
      switch (types[i])
        {
        case 't':
          {
            const char *value = va_arg (args, const char *);

            if (value == NULL)
              sqlite3_bind_null (stmt, i + 1);
            else
              sqlite3_bind_text (stmt, i + 1, value, -1, SQLITE_TRANSIENT);
          }
          break;
        case 'i':
          sqlite3_bind_int64 (stmt, i + 1, va_arg (args, gint64));
          break;
        case 'b':
          sqlite3_bind_int (stmt, i + 1, va_arg (args, gboolean) ? 1 : 0);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static sqlite3_stmt *
prepare_valist (sqlite3     *db,
                GError     **error,
                const char  *sql,
                const char  *types,
                va_list      args)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      sa_sandbox_db_fail (db, "prepare", error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  bind_valist (stmt, types, args);

  return stmt;
}

/**
 * sa_sandbox_db_prepare:
 * @db: the connection
 * @error: return location for a #GError
 * @sql: one constant SQL statement with parameters ?1, ?2…
 * @types: (nullable): one character a parameter: 't' a `const char *`
 *   (%NULL binds NULL), 'i' a #gint64 (cast literals), 'b' a #gboolean
 * @...: the parameters' values, as @types says
 *
 * Returns: (transfer full) (nullable): the statement, ready to step; %NULL
 *   with %G_IO_ERROR_FAILED when SQLite refuses @sql
 */
sqlite3_stmt *
sa_sandbox_db_prepare (sqlite3     *db,
                       GError     **error,
                       const char  *sql,
                       const char  *types,
                       ...)
{
  sqlite3_stmt *stmt;
  va_list args;

  va_start (args, types);
  stmt = prepare_valist (db, error, sql, types, args);
  va_end (args);

  return stmt;
}

/* Prepares @sql with @args bound and steps to its first row (see
 * sa_sandbox_db_query_row()). */
static gboolean
query_row_valist (sqlite3       *db,
                  sqlite3_stmt **row,
                  GError       **error,
                  const char    *sql,
                  const char    *types,
                  va_list        args)
{
  g_autoptr(sqlite3_stmt) stmt = prepare_valist (db, error, sql, types, args);
  int rc;

  *row = NULL;
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *row = g_steal_pointer (&stmt);
  else if (rc != SQLITE_DONE)
    return sa_sandbox_db_fail (db, "step", error);

  return TRUE;
}

/**
 * sa_sandbox_db_run:
 * @db: the connection
 * @error: return location for a #GError
 * @sql: one constant SQL statement that gives no rows (an INSERT, UPDATE or
 *   DELETE)
 * @types: (nullable): the parameters' types, as sa_sandbox_db_prepare()
 * @...: the parameters' values
 *
 * Runs @sql. sqlite3_changes() then tells how many rows it changed.
 *
 * Returns: %TRUE on success; %FALSE with %G_IO_ERROR_FAILED
 */
gboolean
sa_sandbox_db_run (sqlite3     *db,
                   GError     **error,
                   const char  *sql,
                   const char  *types,
                   ...)
{
  g_autoptr(sqlite3_stmt) row = NULL;
  gboolean ok;
  va_list args;

  va_start (args, types);
  ok = query_row_valist (db, &row, error, sql, types, args);
  va_end (args);

  return ok;
}

/**
 * sa_sandbox_db_query_row:
 * @db: the connection
 * @row: (out) (transfer full) (nullable): the statement standing on its first
 *   row, or %NULL when the query gives no row
 * @error: return location for a #GError
 * @sql: one constant SELECT with parameters ?1, ?2…
 * @types: (nullable): the parameters' types, as sa_sandbox_db_prepare()
 * @...: the parameters' values
 *
 * The one-row lookup: runs @sql and steps to its first row, whose columns
 * the caller reads with sqlite3_column_*() and sa_sandbox_db_text().
 *
 * Returns: %TRUE on success (row or none); %FALSE with %G_IO_ERROR_FAILED
 */
gboolean
sa_sandbox_db_query_row (sqlite3       *db,
                         sqlite3_stmt **row,
                         GError       **error,
                         const char    *sql,
                         const char    *types,
                         ...)
{
  gboolean ok;
  va_list args;

  va_start (args, types);
  ok = query_row_valist (db, row, error, sql, types, args);
  va_end (args);

  return ok;
}

/**
 * sa_sandbox_db_next:
 * @stmt: a prepared statement
 * @error: (not nullable): return location for a #GError, which tells the end
 *   of the rows from a failure
 *
 * Steps @stmt to its next row: `while (sa_sandbox_db_next (stmt, &error))`,
 * then `if (error != NULL)`.
 *
 * Returns: %TRUE on a row; %FALSE after the last one, or with
 *   %G_IO_ERROR_FAILED set
 */
gboolean
sa_sandbox_db_next (sqlite3_stmt  *stmt,
                    GError       **error)
{
  int rc = sqlite3_step (stmt);

  g_return_val_if_fail (error != NULL, FALSE);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    sa_sandbox_db_fail (sqlite3_db_handle (stmt), "step", error);

  return FALSE;
}

/**
 * sa_sandbox_db_text:
 * @stmt: a statement standing on a row
 * @column: the column, from 0
 *
 * Returns: (transfer none) (nullable): the column's UTF-8 text, valid until
 *   the statement moves; %NULL for NULL
 */
const char *
sa_sandbox_db_text (sqlite3_stmt *stmt,
                    int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/**
 * sa_sandbox_db_exec:
 * @db: the connection
 * @constant_sql: constant SQL, one or more statements, no parameters
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; %FALSE with %G_IO_ERROR_FAILED
 */
gboolean
sa_sandbox_db_exec (sqlite3     *db,
                    const char  *constant_sql,
                    GError     **error)
{
  char *errmsg = NULL;

  if (sqlite3_exec (db, constant_sql, NULL, NULL, &errmsg) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "SQLite: %s",
                   errmsg ? errmsg : "error");
      sqlite3_free (errmsg);
      return FALSE;
    }

  return TRUE;
}

/**
 * sa_sandbox_db_transaction:
 * @db: the connection
 * @func: the work: returns %TRUE to commit, %FALSE (with its error) to roll
 *   back
 * @data: data for @func
 * @error: return location for a #GError
 *
 * Runs @func in one write transaction (`BEGIN IMMEDIATE`): all of its changes
 * or none. A refusal of @func (an %SA_CLIENT_ERROR, e.g. a 409) rolls back as
 * a failure does, and comes back in @error for the handler to answer.
 *
 * Returns: %TRUE when committed; %FALSE with @func's error, or
 *   %G_IO_ERROR_FAILED when the transaction itself failed
 */
gboolean
sa_sandbox_db_transaction (sqlite3          *db,
                           SaSandboxDbFunc   func,
                           gpointer          data,
                           GError          **error)
{
  if (!sa_sandbox_db_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (func (db, data, error) && sa_sandbox_db_exec (db, "COMMIT", error))
    return TRUE;

  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);

  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Tenants and the training data                                             */

/**
 * sa_sandbox_db_delete_tenant:
 * @db: the connection, inside a transaction
 * @tenant: the tenant (a user's copy of the data)
 * @error: return location for a #GError
 *
 * Deletes every data row of @tenant (orders, accounts, requests, clock);
 * users stay. For a reset and for removing a trainee.
 *
 * Returns: %TRUE on success; %FALSE with %G_IO_ERROR_FAILED
 */
gboolean
sa_sandbox_db_delete_tenant (sqlite3     *db,
                             const char  *tenant,
                             GError     **error)
{
  guint i;

  for (i = N_DATA_TABLES; i > 0; i--)
    {
      g_autofree char *del = g_strdup_printf ("DELETE FROM main.%s WHERE tenant = ?1", tables[i - 1]);

      if (!sa_sandbox_db_run (db, error, del, "t", tenant))
        return FALSE;
    }

  return sa_sandbox_db_run (db, error, "DELETE FROM main.clocks WHERE tenant = ?1", "t", tenant);
}

typedef struct
{
  const char *script;
  const char *tenant;
  const char *username;
  const char *password_hash;
  const char *email;
  gboolean    merge;      /* add the license model's rows only (migration) */
} TrainingLoad;

/* Fills in what the training script leaves out: the temporary tables have
 * the columns of the main ones, but no defaults. */
static gboolean
fill_defaults (sqlite3  *db,
               GError  **error)
{
  return sa_sandbox_db_exec (db,
                             "UPDATE temp.smart_accounts SET restricted = 0 WHERE restricted IS NULL;"
                             "UPDATE temp.orders SET licenses_deposited = 0 WHERE licenses_deposited IS NULL",
                             error);
}

/* Copies the rows the script loaded into the temporary tables to @load's
 * tenant, and makes its user. */
static gboolean
copy_training_rows (sqlite3       *db,
                    TrainingLoad  *load,
                    GError       **error)
{
  guint i;

  for (i = 0; i < N_DATA_TABLES; i++)
    {
      g_autofree char *copy = g_strdup_printf ("INSERT INTO main.%s SELECT * FROM temp.%s",
                                               tables[i], tables[i]);

      if (!sa_sandbox_db_exec (db, copy, error))
        return FALSE;
    }

  if (load->username == NULL)
    return TRUE;
  if (!sa_sandbox_db_run (db, error,
                          "INSERT INTO main.users (username, password_hash, tenant, partner,"
                          " first_name, last_name, email, country, phone, company, identity)"
                          " SELECT ?1, ?2, ?3, partner, first_name, last_name, coalesce(?4, email),"
                          " country, phone, company, " SA_SANDBOX_NEW_IDENTITY " FROM temp.users"
                          " WHERE username = '" SA_SANDBOX_TRAINING_USERNAME "'",
                          "tttt", load->username, load->password_hash, load->tenant, load->email))
    return FALSE;
  if (sqlite3_changes (db) != 1)
    return sa_sandbox_db_fail (db, "user", error);

  return TRUE;
}

/* The migration from version 2, which lacked the license model: adds to
 * @load's tenant the training data's order lines of the orders it has, the
 * roles on the Smart Accounts it has, and the licenses that came from no
 * order in the Virtual Accounts it has; the trainee's progress stays. */
static gboolean
merge_training_rows (sqlite3       *db,
                     TrainingLoad  *load,
                     GError       **error)
{
  static const char *const merges[] = {
    "INSERT OR IGNORE INTO main.order_lines SELECT * FROM temp.order_lines t"
    " WHERE EXISTS (SELECT 1 FROM main.orders o"
    "               WHERE o.tenant = t.tenant AND o.sales_order_number = t.sales_order_number)",
    "INSERT INTO main.account_roles SELECT * FROM temp.account_roles t"
    " WHERE EXISTS (SELECT 1 FROM main.smart_accounts a WHERE a.tenant = t.tenant AND a.id = t.account_id)",
    "INSERT INTO main.licenses SELECT * FROM temp.licenses t WHERE t.order_number IS NULL"
    " AND EXISTS (SELECT 1 FROM main.virtual_accounts v WHERE v.tenant = t.tenant"
    "             AND v.account_id = t.account_id AND v.name = t.virtual_account)",
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (merges); i++)
    if (!sa_sandbox_db_exec (db, merges[i], error))
      return FALSE;

  return TRUE;
}

static gboolean
load_training_data_tx (sqlite3   *db,
                       gpointer   data,
                       GError   **error)
{
  TrainingLoad *load = data;
  gint64 now;
  guint i;

  if (!load->merge && !sa_sandbox_db_delete_tenant (db, load->tenant, error))
    return FALSE;

  /* Temporary, constraint-free copies of the tables, which shadow the main
   * ones for the script's unqualified names. */
  for (i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *create = g_strdup_printf ("DROP TABLE IF EXISTS temp.%s;"
                                                 "CREATE TEMP TABLE %s AS SELECT * FROM main.%s WHERE 0",
                                                 tables[i], tables[i], tables[i]);

      if (!sa_sandbox_db_exec (db, create, error))
        return FALSE;
    }

  /* Trusted, constant SQL compiled into the program. */
  if (!sa_sandbox_db_exec (db, load->script, error) ||
      !fill_defaults (db, error))
    return FALSE;
  for (i = 0; i < N_DATA_TABLES; i++)
    {
      g_autofree char *update = g_strdup_printf ("UPDATE temp.%s SET tenant = ?1", tables[i]);

      if (!sa_sandbox_db_run (db, error, update, "t", load->tenant))
        return FALSE;
    }
  if (!(load->merge ? merge_training_rows (db, load, error) : copy_training_rows (db, load, error)))
    return FALSE;

  for (i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP TABLE temp.%s", tables[i]);

      if (!sa_sandbox_db_exec (db, drop, error))
        return FALSE;
    }

  /* The orders shipped in the training data get their licenses. */
  return sa_sandbox_db_clock_now (db, load->tenant, &now, error) &&
         sa_sandbox_licenses_settle (db, load->tenant, now, error);
}

static gboolean
load_training_script (sqlite3       *db,
                      TrainingLoad  *load,
                      GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *script = NULL;

  bytes = g_resource_lookup_data (sa_sandbox_get_resource (),
                                  SA_SANDBOX_TRAINING_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  script = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  load->script = script;

  return sa_sandbox_db_transaction (db, load_training_data_tx, load, error);
}

/**
 * sa_sandbox_db_load_training_data:
 * @db: the connection, outside any transaction
 * @tenant: the tenant to load into
 * @username: (nullable): a user to create as well, working on @tenant
 * @password_hash: (nullable): the new user's yescrypt hash
 * @email: (nullable): the new user's e-mail; %NULL keeps the training user's
 * @error: return location for a #GError
 *
 * Loads the training data (data/sandbox/training-data.sql) into @tenant,
 * replacing every row it had (orders and their lines, accounts, licenses,
 * roles, requests, clock): a reset, a new trainee, the first start. The
 * orders shipped in the data get their licenses (sa_sandbox_licenses_settle()).
 * The new user, when asked for, gets the template user's profile. One
 * transaction: all or nothing.
 *
 * Returns: %TRUE on success; %FALSE with %G_IO_ERROR_FAILED (also when
 *   @username is taken meanwhile)
 */
gboolean
sa_sandbox_db_load_training_data (sqlite3     *db,
                                  const char  *tenant,
                                  const char  *username,
                                  const char  *password_hash,
                                  const char  *email,
                                  GError     **error)
{
  TrainingLoad load = { NULL, tenant, username, password_hash, email, FALSE };

  return load_training_script (db, &load, error);
}

/* ------------------------------------------------------------------------ */
/* Schema                                                                    */

static gboolean
query_int (sqlite3     *db,
           const char  *constant_sql,
           gint64      *value,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) row = NULL;

  if (!sa_sandbox_db_query_row (db, &row, error, constant_sql, NULL))
    return FALSE;
  if (row == NULL)
    return sa_sandbox_db_fail (db, "query", error);
  *value = sqlite3_column_int64 (row, 0);

  return TRUE;
}

/* Adds @column (its SQL definition) to @table unless it is there. */
static gboolean
add_column (sqlite3     *db,
            const char  *table,
            const char  *column,
            const char  *definition,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) row = NULL;
  g_autofree char *alter = NULL;

  if (!sa_sandbox_db_query_row (db, &row, error,
                                "SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2", "tt", table, column))
    return FALSE;
  if (row != NULL)
    return TRUE;

  /* the names are the constants below */
  alter = g_strdup_printf ("ALTER TABLE %s ADD COLUMN %s %s", table, column, definition);
  return sa_sandbox_db_exec (db, alter, error);
}

/* Version 1 lacked smart_accounts.restricted and users.company; version 2
 * orders.licenses_deposited. (The new tables come from schema_sql.) */
static gboolean
add_missing_columns (sqlite3  *db,
                     GError  **error)
{
  return add_column (db, "smart_accounts", "restricted", "INTEGER NOT NULL DEFAULT 0", error) &&
         add_column (db, "users", "company", "TEXT", error) &&
         add_column (db, "orders", "licenses_deposited", "INTEGER NOT NULL DEFAULT 0", error);
}

/* The tenants of the database. */
static GPtrArray *
list_tenants (sqlite3  *db,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) tenants = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;

  stmt = sa_sandbox_db_prepare (db, error, "SELECT DISTINCT tenant FROM users", NULL);
  if (stmt == NULL)
    return NULL;
  while (sa_sandbox_db_next (stmt, &local_error))
    g_ptr_array_add (tenants, g_strdup (sa_sandbox_db_text (stmt, 0)));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&tenants);
}

/* Brings the data of every tenant up to date: version 1 lacked rows all
 * over, so its tenants get the training data again; version 2 lacked the
 * license model only, which is added to the trainees' own data. */
static gboolean
update_every_tenant (sqlite3  *db,
                     gint64    version,
                     GError  **error)
{
  g_autoptr(GPtrArray) tenants = list_tenants (db, error);
  guint i;

  if (tenants == NULL)
    return FALSE;

  if (version < 2)
    g_message ("database of an older version: training data reloaded");
  else
    g_message ("database of version %" G_GINT64_FORMAT ": order lines and licenses added", version);

  for (i = 0; i < tenants->len; i++)
    {
      TrainingLoad load = { NULL, tenants->pdata[i], NULL, NULL, NULL, version >= 2 };

      if (!load_training_script (db, &load, error))
        return FALSE;
    }

  return TRUE;
}

/* Creates the tables on first start (and the training user with the training
 * data); brings a database of an older version up to date. */
static gboolean
open_schema (sqlite3  *db,
             GError  **error)
{
  gint64 version = 0, tables_found = 0;

  if (!query_int (db, "PRAGMA user_version", &version, error) ||
      !query_int (db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'users'",
                  &tables_found, error))
    return FALSE;

  if (tables_found > 0 && version < SA_SANDBOX_SCHEMA_VERSION && !add_missing_columns (db, error))
    return FALSE;

  /* users.identity came within version 3 (issue 13): a database without it
   * gets it, whatever its version. */
  if (tables_found > 0 && !add_column (db, "users", "identity", "TEXT", error))
    return FALSE;

  /* version 4: the training tables (sa-sandbox-scenarios.c); version 5:
   * the search indexes (sa-sandbox-db-search.c) */
  if (!sa_sandbox_db_exec (db, schema_sql, error) ||
      !sa_sandbox_scenarios_create_tables (db, error) ||
      !sa_sandbox_db_search_schema (db, tables_found > 0 && version < 5, error))
    return FALSE;

  if (tables_found == 0)
    {
      if (!sa_sandbox_db_load_training_data (db, SA_SANDBOX_TRAINING_TENANT,
                                             SA_SANDBOX_TRAINING_USERNAME, "!", NULL, error))
        return FALSE;
    }
  /* (versions 4 and 5 added tables and indexes only: above) */
  else if (version < 3 && !update_every_tenant (db, version, error))
    return FALSE;

  /* Users without an identity (see above) get theirs. */
  if (!sa_sandbox_db_exec (db, "UPDATE users SET identity = " SA_SANDBOX_NEW_IDENTITY
                               " WHERE identity IS NULL", error))
    return FALSE;

  return version >= SA_SANDBOX_SCHEMA_VERSION ||
         sa_sandbox_db_exec (db, "PRAGMA user_version = " G_STRINGIFY (SA_SANDBOX_SCHEMA_VERSION), error);
}

/**
 * sa_sandbox_db_open:
 * @path: (type filename): the database file, created when missing
 * @db: (out) (transfer full): the connection; close with sa_sandbox_db_close()
 *   (also set, to be closed, when opening fails half-way)
 * @error: return location for a #GError
 *
 * Opens the sandbox database in WAL mode, creates its tables and loads the
 * training data on first start, and brings an older database up to date.
 * Several processes share the file (the server, the trainer's commands):
 * WAL lets readers and one writer work at once; writers wait their turn.
 *
 * Returns: %TRUE on success; %FALSE with %G_IO_ERROR_FAILED
 */
gboolean
sa_sandbox_db_open (const char  *path,
                    sqlite3    **db,
                    GError     **error)
{
  if (sqlite3_open_v2 (path, db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      if (*db != NULL)
        return sa_sandbox_db_fail (*db, "open", error);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "SQLite: out of memory");
      return FALSE;
    }

  sqlite3_busy_timeout (*db, 5000);

  return sa_sandbox_db_exec (*db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL", error) &&
         sa_sandbox_db_setup (*db, error) &&
         open_schema (*db, error);
}

/* ------------------------------------------------------------------------ */
/* Clock                                                                     */

/**
 * sa_sandbox_db_clock_now:
 * @db: the connection
 * @tenant: the tenant whose clock
 * @now: (out): "now" in seconds since the epoch
 * @error: return location for a #GError
 *
 * Reads @tenant's sandbox clock: the real time plus the tenant's offset
 * (moved by POST /sandbox/clock). Every rule about time — request expiry,
 * reminder periods — follows this clock, so that a trainer can show them.
 *
 * Returns: %TRUE on success; %FALSE with %G_IO_ERROR_FAILED
 */
gboolean
sa_sandbox_db_clock_now (sqlite3     *db,
                         const char  *tenant,
                         gint64      *now,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) row = NULL;

  if (!sa_sandbox_db_query_row (db, &row, error,
                                "SELECT offset_seconds FROM clocks WHERE tenant = ?1", "t", tenant))
    return FALSE;

  *now = g_get_real_time () / G_USEC_PER_SEC + (row != NULL ? sqlite3_column_int64 (row, 0) : 0);

  return TRUE;
}

/**
 * sa_sandbox_db_set_clock:
 * @db: the connection
 * @tenant: the tenant whose clock
 * @now: the new "now", in seconds since the epoch
 * @error: return location for a #GError
 *
 * Sets @tenant's sandbox clock (stored as an offset from the real time).
 *
 * Returns: %TRUE on success; %FALSE with %G_IO_ERROR_FAILED
 */
gboolean
sa_sandbox_db_set_clock (sqlite3     *db,
                         const char  *tenant,
                         gint64       now,
                         GError     **error)
{
  return sa_sandbox_db_run (db, error,
                            "INSERT INTO clocks (tenant, offset_seconds) VALUES (?1, ?2)"
                            " ON CONFLICT (tenant) DO UPDATE SET offset_seconds = excluded.offset_seconds",
                            "ti", tenant, (gint64) (now - g_get_real_time () / G_USEC_PER_SEC));
}

/* ------------------------------------------------------------------------ */
/* Request ids                                                               */

/**
 * sa_sandbox_db_next_id:
 * @db: the connection, inside the transaction that inserts the row
 * @constant_sql: the highest number in use, e.g. "SELECT
 *   coalesce(max(CAST(substr(id, 4) AS INTEGER)), 0) FROM account_requests
 *   WHERE tenant = ?1"
 * @tenant: the tenant
 * @prefix: the id's prefix, "AR"
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the next id of the table, "AR-000004";
 *   %NULL with %G_IO_ERROR_FAILED
 */
char *
sa_sandbox_db_next_id (sqlite3     *db,
                       const char  *constant_sql,
                       const char  *tenant,
                       const char  *prefix,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) row = NULL;

  if (!sa_sandbox_db_query_row (db, &row, error, constant_sql, "t", tenant))
    return NULL;
  if (row == NULL)
    {
      sa_sandbox_db_fail (db, "next id", error);
      return NULL;
    }

  return g_strdup_printf ("%s-%06" G_GINT64_FORMAT, prefix, (gint64) sqlite3_column_int64 (row, 0) + 1);
}

/**
 * sa_sandbox_id_is_valid:
 * @id: an id from a request path
 * @prefix: the kind of id, "AR" or "XR"
 *
 * Returns: %TRUE when @id has the shape of an id of that kind: @prefix, a
 *   hyphen, 6 to 12 digits ("AR-000001")
 */
gboolean
sa_sandbox_id_is_valid (const char *id,
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
