/* sa-sandbox-db.h — the sandbox's SQLite database: schema, statement
 * helpers, the transaction helper, tenants, training data, clock
 *
 * Every SQL statement is a constant string with bound parameters; no SQL is
 * ever built from request data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* The copy of the data the default training user works on. */
#define SA_SANDBOX_TRAINING_TENANT "trainee"

#define SA_SANDBOX_DAY (24 * 60 * 60) /* seconds */

/* A step of work inside sa_sandbox_db_transaction(). */
typedef gboolean (*SaSandboxDbFunc) (sqlite3   *db,
                                     gpointer   data,
                                     GError   **error);

gboolean      sa_sandbox_db_open          (const char       *path,
                                           sqlite3         **db,
                                           GError          **error);
gboolean      sa_sandbox_db_fail          (sqlite3          *db,
                                           const char       *what,
                                           GError          **error);
gboolean      sa_sandbox_db_exec          (sqlite3          *db,
                                           const char       *constant_sql,
                                           GError          **error);
sqlite3_stmt *sa_sandbox_db_prepare       (sqlite3          *db,
                                           GError          **error,
                                           const char       *sql,
                                           const char       *types,
                                           ...);
gboolean      sa_sandbox_db_run           (sqlite3          *db,
                                           GError          **error,
                                           const char       *sql,
                                           const char       *types,
                                           ...);
gboolean      sa_sandbox_db_query_row     (sqlite3          *db,
                                           sqlite3_stmt    **row,
                                           GError          **error,
                                           const char       *sql,
                                           const char       *types,
                                           ...);
gboolean      sa_sandbox_db_next          (sqlite3_stmt     *stmt,
                                           GError          **error);
const char   *sa_sandbox_db_text          (sqlite3_stmt     *stmt,
                                           int               column);
gboolean      sa_sandbox_db_transaction   (sqlite3          *db,
                                           SaSandboxDbFunc   func,
                                           gpointer          data,
                                           GError          **error);

gboolean      sa_sandbox_db_delete_tenant (sqlite3          *db,
                                           const char       *tenant,
                                           GError          **error);
gboolean      sa_sandbox_db_load_training_data (sqlite3     *db,
                                                const char  *tenant,
                                                const char  *username,
                                                const char  *password_hash,
                                                const char  *email,
                                                GError     **error);

gboolean      sa_sandbox_db_clock_now     (sqlite3          *db,
                                           const char       *tenant,
                                           gint64           *now,
                                           GError          **error);
gboolean      sa_sandbox_db_set_clock     (sqlite3          *db,
                                           const char       *tenant,
                                           gint64            now,
                                           GError          **error);

char         *sa_sandbox_db_next_id       (sqlite3          *db,
                                           const char       *constant_sql,
                                           const char       *tenant,
                                           const char       *prefix,
                                           GError          **error);
gboolean      sa_sandbox_id_is_valid      (const char       *id,
                                           const char       *prefix);

/* The searches (sa-sandbox-db-search.c). */

/* How a search value matches a field (docs/desk-api.md, "Orders"). */
typedef enum
{
  SA_SANDBOX_MATCH_CONTAINS,
  SA_SANDBOX_MATCH_PREFIX,
  SA_SANDBOX_MATCH_EXACT,
} SaSandboxMatch;

/* A statement of sa_sandbox_db_cached(): g_autoptr() hands it back. */
typedef sqlite3_stmt SaSandboxCachedStmt;

gboolean      sa_sandbox_db_setup         (sqlite3          *db,
                                           GError          **error);
gboolean      sa_sandbox_db_search_schema (sqlite3          *db,
                                           gboolean          fill,
                                           GError          **error);
gboolean      sa_sandbox_match_folded     (const char       *haystack,
                                           const char       *needle_folded,
                                           SaSandboxMatch    mode);
sqlite3_stmt *sa_sandbox_db_cached        (sqlite3          *db,
                                           GError          **error,
                                           const char       *sql);
void          sa_sandbox_db_release       (sqlite3_stmt     *stmt);
gboolean      sa_sandbox_db_begin_read    (sqlite3          *db,
                                           gboolean         *began,
                                           GError          **error);
void          sa_sandbox_db_end_read      (sqlite3          *db,
                                           gboolean          began);
gboolean      sa_sandbox_db_count_lookup  (sqlite3          *db,
                                           const char       *key,
                                           gint64           *count);
void          sa_sandbox_db_count_store   (sqlite3          *db,
                                           const char       *key,
                                           gint64            count);
void          sa_sandbox_db_close         (sqlite3          *db);
gboolean      sa_sandbox_db_generate      (sqlite3          *db,
                                           guint32           seed,
                                           guint             n_orders,
                                           guint             n_accounts,
                                           GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaSandboxCachedStmt, sa_sandbox_db_release)

G_END_DECLS
