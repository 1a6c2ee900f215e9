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
  "  phone TEXT NOT NULL);"
  "CREATE TABLE IF NOT EXISTS smart_accounts ("
  "  tenant TEXT NOT NULL,"
  "  id TEXT NOT NULL,"
  "  domain TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  type TEXT NOT NULL CHECK (type IN ('CUSTOMER', 'HOLDING')),"
  "  status TEXT NOT NULL CHECK (status IN ('ACTIVE', 'PENDING', 'EXPIRED')),"
  "  email TEXT NOT NULL,"
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
  "  FOREIGN KEY (tenant, holding_account) REFERENCES smart_accounts (tenant, id));";

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

static gboolean
load_training_data (SaSandboxServer  *self,
                    const char       *tenant,
                    GError          **error)
{
  static const char *const deletes[] = {
    "DELETE FROM orders WHERE tenant = ?1",
    "DELETE FROM virtual_accounts WHERE tenant = ?1",
    "DELETE FROM smart_accounts WHERE tenant = ?1",
    "DELETE FROM partners WHERE tenant = ?1",
  };
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  gsize length;
  guint i;

  bytes = g_resource_lookup_data (sa_sandbox_get_resource (),
                                  SA_SANDBOX_TRAINING_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, &length), g_bytes_get_size (bytes));

  if (!db_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (i = 0; i < G_N_ELEMENTS (deletes); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = db_prepare (self, deletes[i], error);

      if (stmt == NULL)
        goto fail;
      bind_text (stmt, 1, tenant);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          db_fail (self->db, "delete", error);
          goto fail;
        }
    }

  /* Trusted, constant SQL compiled into the program. */
  if (!db_exec (self, sql, error))
    goto fail;

  if (!db_exec (self, "COMMIT", error))
    goto fail;

  return set_missing_password_hashes (self, error);

fail:
  db_rollback (self);
  return FALSE;
}

static gboolean
database_is_empty (SaSandboxServer  *self,
                   gboolean         *empty,
                   GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = db_prepare (self, "SELECT count(*) FROM orders WHERE tenant = ?1", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, SA_SANDBOX_TRAINING_TENANT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return db_fail (self->db, "count", error);
  *empty = sqlite3_column_int64 (stmt, 0) == 0;

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

  soup_server_message_set_status (msg, status, NULL);
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

/* POST /oauth2/token */
static void
handle_token (SaSandboxServer   *self,
              SoupServerMessage *msg)
{
  g_autofree char *body = NULL;
  g_autoptr(GHashTable) form = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(SaCaller) caller = { 0 };
  g_autofree char *stored_hash = NULL;
  g_autofree char *token = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  const char *grant_type, *username, *password;
  SaToken *entry;
  gboolean ok;

  body = dup_body_text (msg);
  if (body == NULL)
    return;

  form = soup_form_decode (body);
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
  ok = check_password (password, stored_hash != NULL ? stored_hash : self->dummy_hash);
  if (!ok || caller.username == NULL)
    {
      g_debug ("sandbox: sign-in refused");
      respond_oauth_error (msg, "invalid_grant", "The username or password is wrong");
      return;
    }

  token = new_token_string (&error);
  if (token == NULL)
    {
      respond_internal (msg, error);
      return;
    }

  prune_expired_tokens (self);
  entry = g_new0 (SaToken, 1);
  entry->username = g_strdup (caller.username);
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
                     " coalesce(p.name, ''), u.country, u.phone"
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

/* Parses a PUT body; on failure a 400 has been sent. */
static gboolean
parse_assignment_body (SoupServerMessage *msg,
                       SaSlotRequest     *end_customer,
                       SaSlotRequest     *holding,
                       gboolean          *terms_accepted)
{
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  JsonObject *object;
  JsonNode *terms;
  GList *members, *l;
  const char *problem = NULL;
  const char *bad_member = NULL;

  text = dup_body_text (msg);
  if (text == NULL)
    return FALSE;

  if (!json_prescan_ok (text, strlen (text), SA_SANDBOX_MAX_JSON_DEPTH))
    {
      respond_invalid (msg, NULL, "The JSON body is nested too deeply or holds a NUL character");
      return FALSE;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, text, -1, &error))
    {
      g_debug ("sandbox: malformed JSON: %s", error->message);
      respond_invalid (msg, NULL, "The body is not valid JSON");
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      respond_invalid (msg, NULL, "The body must be a JSON object");
      return FALSE;
    }
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

static void
add_account (JsonBuilder  *builder,
             sqlite3_stmt *stmt)
{
  static const char *const names[] = { "id", "domain", "name", "type", "status", "email" };
  guint i;

  json_builder_begin_object (builder);
  for (i = 0; i < G_N_ELEMENTS (names); i++)
    {
      json_builder_set_member_name (builder, names[i]);
      json_builder_add_string_value (builder, column_text (stmt, (int) i));
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
        add_account (builder, stmt);
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

/* POST /sandbox/reset */
static void
handle_reset (SaSandboxServer   *self,
              SoupServerMessage *msg,
              SaCaller          *caller)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;

  if (!load_training_data (self, caller->tenant, &error))
    {
      respond_internal (msg, error);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "OK");
  json_builder_end_object (builder);
  respond_builder (msg, SOUP_STATUS_OK, builder, NULL);
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
    { ROUTE_PROFILE, "GET", 2, { "v1", "profile" } },
    { ROUTE_ORDERS, "GET", 2, { "v1", "orders" } },
    { ROUTE_ORDER, "GET", 3, { "v1", "orders", NULL } },
    { ROUTE_ASSIGNMENT, "PUT", 4, { "v1", "orders", NULL, "smart-account-assignment" } },
    { ROUTE_ACCOUNT_SEARCH, "GET", 3, { "v1", "accounts", "search" } },
    { ROUTE_VIRTUAL_ACCOUNTS, "GET", 5, { "v1", "accounts", NULL, NULL, "virtual-accounts" } },
    { ROUTE_RESET, "POST", 2, { "sandbox", "reset" } },
    { ROUTE_SHIP, "POST", 4, { "sandbox", "orders", NULL, "ship" } },
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
  const char *method = NULL;
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
  if (strcmp (soup_server_message_get_method (msg), method) != 0)
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

  switch (route)
    {
    case ROUTE_PROFILE:
      handle_profile (self, msg, &caller);
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
  gboolean empty = FALSE;

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
  sqlite3_busy_timeout (self->db, 5000);

  if (!db_exec (self, schema_sql, error) ||
      !database_is_empty (self, &empty, error))
    return NULL;
  if (empty && !load_training_data (self, SA_SANDBOX_TRAINING_TENANT, error))
    return NULL;
  if (!set_missing_password_hashes (self, error))
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

  g_return_val_if_fail (SA_IS_SANDBOX_SERVER (self), FALSE);
  g_return_val_if_fail (address != NULL, FALSE);

  socket_address = g_inet_socket_address_new_from_string (address, port);
  if (socket_address == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s” is not an IP address", address);
      return FALSE;
    }

  return soup_server_listen (self->server, socket_address, 0, error);
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
    return g_strdup_printf ("http://[%s]:%u/", host, g_inet_socket_address_get_port (inet));

  return g_strdup_printf ("http://%s:%u/", host, g_inet_socket_address_get_port (inet));
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

  return load_training_data (self, SA_SANDBOX_TRAINING_TENANT, error);
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
