/* sa-sandbox-auth.c — sign-in to the sandbox: password hashes (yescrypt),
 * access tokens, the bearer check of every signed-in route, and
 * POST /oauth2/token
 *
 * Tokens are 32 random bytes (sa_sandbox_random_token()); the server keeps
 * only their SHA-256, in memory: a restart signs everyone out. A token is of
 * one kind: a Desk API token (POST /oauth2/token) works on the Desk API and
 * the training controls only, a Cisco token (the Cisco-shaped token endpoint,
 * sa-sandbox-cisco-gateway.c) on the Cisco-shaped paths only. Passwords and
 * tokens are wiped from memory once used and never logged. A token belongs
 * to a user's identity (users.identity, new with every row), not to a name:
 * a trainee removed, by this server or by `trainee remove` in another
 * process sharing the data directory, and added again under the same name,
 * does not revive the old tokens (issue 13, "Major 3").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sa-sandbox-auth.h"

#include <crypt.h>
#include <string.h>

#include "sa-sandbox-random.h"

#define SA_SANDBOX_MAX_TOKEN 128 /* characters */

typedef struct
{
  char               *username;
  char               *identity;   /* the user's users.identity when issued */
  SaSandboxTokenKind  kind;
  gint64              expires_at; /* g_get_monotonic_time() µs */
} SaSandboxToken;

static void
sa_sandbox_token_free (gpointer data)
{
  SaSandboxToken *token = data;

  g_free (token->username);
  g_free (token->identity);
  g_free (token);
}

static char *
token_key (const char *token)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}

/**
 * sa_sandbox_caller_clear:
 * @caller: a caller
 *
 * Frees the members of @caller (for g_auto(SaSandboxCaller)).
 */
void
sa_sandbox_caller_clear (SaSandboxCaller *caller)
{
  g_clear_pointer (&caller->username, g_free);
  g_clear_pointer (&caller->tenant, g_free);
  g_clear_pointer (&caller->partner, g_free);
  g_clear_pointer (&caller->identity, g_free);
}

/* ------------------------------------------------------------------------ */
/* Passwords                                                                 */

/**
 * sa_sandbox_hash_password:
 * @password: the password, UTF-8
 * @error: return location for a #GError
 *
 * Hashes @password with yescrypt (libxcrypt, a fresh salt), as the sandbox
 * stores passwords of its users.
 *
 * Returns: (transfer full) (nullable): the hash, "$y$…"; %NULL with
 *   %G_IO_ERROR_FAILED
 */
char *
sa_sandbox_hash_password (const char  *password,
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

/* Whether @password gives @stored_hash; compares in constant time. */
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

/* The training data leave the training user's hash as "!": set it, once.
 * Issue 12: the hash (some 15 ms of yescrypt) is made only when the user
 * still has none, the first start over a data directory, not at every start
 * of the sandbox (the app's start path: its sign-in waits for the server). */
static gboolean
set_missing_password_hashes (sqlite3  *db,
                             GError  **error)
{
  g_autoptr(sqlite3_stmt) missing = NULL;
  g_autofree char *hash = NULL;

  if (!sa_sandbox_db_query_row (db, &missing, error,
                                "SELECT 1 FROM users WHERE username = ?1 AND password_hash = '!'",
                                "t", SA_SANDBOX_TRAINING_USERNAME))
    return FALSE;
  if (missing == NULL)
    return TRUE;

  hash = sa_sandbox_hash_password (SA_SANDBOX_TRAINING_PASSWORD, error);
  return hash != NULL &&
         sa_sandbox_db_run (db, error,
                            "UPDATE users SET password_hash = ?1"
                            " WHERE username = ?2 AND password_hash = '!'",
                            "tt", hash, SA_SANDBOX_TRAINING_USERNAME);
}

/**
 * sa_sandbox_auth_init:
 * @self: a server whose database is open
 * @error: return location for a #GError
 *
 * Makes the token table and gives the training user its password hash when
 * the training data were just loaded. (The hash that sign-ins of unknown
 * users check, so that they take as long as known ones, is made later, off
 * the start path, at the first such sign-in.)
 *
 * Returns: %TRUE on success; %FALSE with %G_IO_ERROR_FAILED
 */
gboolean
sa_sandbox_auth_init (SaSandboxServer  *self,
                      GError          **error)
{
  self->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, sa_sandbox_token_free);
  self->sign_in_failures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  /* the dummy hash is made at the first unknown user's sign-in, in the
   * worker thread of its check (get_dummy_hash()): no yescrypt on the start
   * path unless a password needs hashing here */
  return set_missing_password_hashes (self->db, error);
}

/* The hash that sign-ins of unknown users check (made once, in whichever
 * worker thread needs it first), of a random password nobody knows. */
static const char *
get_dummy_hash (SaSandboxServer *self)
{
  if (g_once_init_enter (&self->dummy_hash))
    {
      g_autofree char *random = sa_sandbox_random_token (NULL);
      char *hash = random != NULL ? sa_sandbox_hash_password (random, NULL) : NULL;

      if (random != NULL)
        explicit_bzero (random, strlen (random));
      /* "!" matches no password (it only takes less time) */
      g_once_init_leave (&self->dummy_hash, hash != NULL ? hash : g_strdup ("!"));
    }

  return self->dummy_hash;
}

/* ------------------------------------------------------------------------ */
/* Tokens                                                                    */

/**
 * sa_sandbox_lookup_user:
 * @db: the connection
 * @username: a user name
 * @caller: (out caller-allocates): filled with the user, or left empty
 *   (@caller->username %NULL) when there is no such user
 * @password_hash: (out) (optional) (transfer full): the user's hash
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success (user or none); %FALSE with %G_IO_ERROR_FAILED
 */
gboolean
sa_sandbox_lookup_user (sqlite3          *db,
                        const char       *username,
                        SaSandboxCaller  *caller,
                        char            **password_hash,
                        GError          **error)
{
  g_autoptr(sqlite3_stmt) row = NULL;

  if (!sa_sandbox_db_query_row (db, &row, error,
                                "SELECT tenant, partner, password_hash, identity FROM users"
                                " WHERE username = ?1",
                                "t", username))
    return FALSE;
  if (row == NULL)
    return TRUE;

  caller->username = g_strdup (username);
  caller->tenant = g_strdup (sa_sandbox_db_text (row, 0));
  caller->partner = g_strdup (sa_sandbox_db_text (row, 1));
  caller->identity = g_strdup (sa_sandbox_db_text (row, 3));
  if (password_hash != NULL)
    *password_hash = g_strdup (sa_sandbox_db_text (row, 2));

  return TRUE;
}

/* The bearer token of @msg, or NULL when it has none of the right shape. */
static const char *
get_bearer_token (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *value = soup_message_headers_get_one (headers, "Authorization");
  const char *p;

  if (value == NULL || g_ascii_strncasecmp (value, "Bearer ", 7) != 0)
    return NULL;

  value += 7;
  while (*value == ' ')
    value++;
  if (*value == '\0' || strlen (value) > SA_SANDBOX_MAX_TOKEN)
    return NULL;
  for (p = value; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return NULL;

  return value;
}

/**
 * sa_sandbox_lookup_token:
 * @self: the server
 * @msg: a request
 * @kind: the kind of token the route takes
 * @caller: (out caller-allocates): filled with the token's user, or left
 *   empty (@caller->username %NULL) when the request has no valid token
 * @error: return location for a #GError
 *
 * Checks the request's bearer token: known, of @kind, not expired, of a user
 * that still exists with the identity the token was issued to (a removed
 * trainee's tokens stop working at once, on every server sharing the
 * database, and stay dead if the name is added again).
 *
 * Returns: %TRUE on success (signed in or not); %FALSE with
 *   %G_IO_ERROR_FAILED when the database failed
 */
gboolean
sa_sandbox_lookup_token (SaSandboxServer     *self,
                         SoupServerMessage   *msg,
                         SaSandboxTokenKind   kind,
                         SaSandboxCaller     *caller,
                         GError             **error)
{
  const char *value = get_bearer_token (msg);
  g_autofree char *key = NULL;
  SaSandboxToken *token = NULL;

  if (value != NULL)
    {
      key = token_key (value);
      token = g_hash_table_lookup (self->tokens, key);
    }
  if (token != NULL && token->expires_at <= g_get_monotonic_time ())
    {
      g_hash_table_remove (self->tokens, key);
      token = NULL;
    }
  if (token == NULL || token->kind != kind)
    return TRUE;

  if (!sa_sandbox_lookup_user (self->db, token->username, caller, NULL, error))
    return FALSE;

  /* The user was removed, or removed and added again (by this server or by
   * `trainee remove` in another process on the same data directory): the
   * token belonged to someone who no longer exists. */
  if (caller->username != NULL && g_strcmp0 (caller->identity, token->identity) != 0)
    {
      sa_sandbox_caller_clear (caller);
      g_hash_table_remove (self->tokens, key);
    }

  return TRUE;
}

/**
 * sa_sandbox_authenticate:
 * @self: the server
 * @msg: a request to a signed-in route of the Desk API
 * @caller: (out caller-allocates): filled with the signed-in user
 *
 * Checks the request's Desk API bearer token (sa_sandbox_lookup_token()).
 *
 * Returns: %TRUE when signed in; %FALSE, with 401 UNAUTHENTICATED (or 500)
 *   answered, otherwise
 */
gboolean
sa_sandbox_authenticate (SaSandboxServer   *self,
                         SoupServerMessage *msg,
                         SaSandboxCaller   *caller)
{
  g_autoptr(GError) error = NULL;

  if (!sa_sandbox_lookup_token (self, msg, SA_SANDBOX_TOKEN_DESK, caller, &error))
    {
      sa_sandbox_respond_gerror (msg, error);
      return FALSE;
    }
  if (caller->username != NULL)
    return TRUE;

  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "WWW-Authenticate", "Bearer realm=\"sandbox\"");
  sa_sandbox_respond_error (msg, SA_CLIENT_ERROR_UNAUTHENTICATED,
                            "Sign in first: the access token is missing, unknown or expired");
  return FALSE;
}

/* Drops the tokens for which @remove returns TRUE. */
static void
remove_tokens (SaSandboxServer *self,
               GHRFunc          remove,
               gpointer         data)
{
  g_hash_table_foreach_remove (self->tokens, remove, data);
}

static gboolean
token_has_expired (gpointer key,
                   gpointer value,
                   gpointer now)
{
  return ((SaSandboxToken *) value)->expires_at <= *(gint64 *) now;
}

static gboolean
token_is_of_user (gpointer key,
                  gpointer value,
                  gpointer username)
{
  return g_strcmp0 (((SaSandboxToken *) value)->username, username) == 0;
}

/**
 * sa_sandbox_revoke_tokens:
 * @self: the server
 * @username: a user name
 *
 * Drops every access token of @username (a trainee removed).
 */
void
sa_sandbox_revoke_tokens (SaSandboxServer *self,
                          const char      *username)
{
  remove_tokens (self, token_is_of_user, (gpointer) username);
}

/**
 * sa_sandbox_issue_token:
 * @self: the server
 * @username: the user signed in
 * @kind: where the token works
 * @lifetime: how long it works, in seconds (at least 1)
 * @error: return location for a #GError
 *
 * Makes a new access token for @username (32 random bytes, kept as its
 * SHA-256 only), tied to the user's current identity, and drops the expired
 * ones.
 *
 * Returns: (transfer full) (nullable): the token, to answer and then wipe
 *   (explicit_bzero()); %NULL with %G_IO_ERROR_FAILED, or
 *   %G_IO_ERROR_NOT_FOUND when the user was removed meanwhile
 */
char *
sa_sandbox_issue_token (SaSandboxServer     *self,
                        const char          *username,
                        SaSandboxTokenKind   kind,
                        gint64               lifetime,
                        GError             **error)
{
  g_auto(SaSandboxCaller) user = { NULL, };
  SaSandboxToken *entry;
  gint64 now = g_get_monotonic_time ();
  char *token;

  /* The token is tied to the user's identity, not to the name. */
  if (!sa_sandbox_lookup_user (self->db, username, &user, NULL, error))
    return NULL;
  if (user.username == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no user named “%s”", username);
      return NULL;
    }

  token = sa_sandbox_random_token (error);
  if (token == NULL)
    return NULL;

  remove_tokens (self, token_has_expired, &now);
  entry = g_new0 (SaSandboxToken, 1);
  entry->username = g_strdup (username);
  entry->identity = g_strdup (user.identity);
  entry->kind = kind;
  entry->expires_at = now + MAX (lifetime, 1) * G_USEC_PER_SEC;
  g_hash_table_replace (self->tokens, token_key (token), entry);

  return token;
}

/**
 * sa_sandbox_respond_token:
 * @msg: the request being answered
 * @token: the access token
 * @lifetime: its lifetime, in seconds
 *
 * Answers 200 `{"access_token": …, "token_type": "Bearer", "expires_in": …}`:
 * the reply of the Desk API's token endpoint and of Cisco's (CISCO-APIS.md
 * §1.1).
 */
void
sa_sandbox_respond_token (SoupServerMessage *msg,
                          const char        *token,
                          gint64             lifetime)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "access_token");
  json_builder_add_string_value (builder, token);
  json_builder_set_member_name (builder, "token_type");
  json_builder_add_string_value (builder, "Bearer");
  json_builder_set_member_name (builder, "expires_in");
  json_builder_add_int_value (builder, lifetime);
  json_builder_end_object (builder);

  sa_sandbox_respond_builder (msg, SOUP_STATUS_OK, builder, NULL);
}

/* ------------------------------------------------------------------------ */
/* Password checks                                                           */

/* A sign-in whose password check runs in a worker thread. */
typedef struct
{
  SaSandboxServer          *server;        /* for its dummy hash */
  SoupServerMessage        *msg;
  char                     *username;      /* NULL: unknown user */
  char                     *password;
  char                     *stored_hash;
  SaSandboxPasswordChecked  done;
  gpointer                  data;
  GDestroyNotify            data_free;
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
  if (sign_in->data_free != NULL)
    sign_in->data_free (sign_in->data);
  g_free (sign_in);
}

/* Worker thread: the KDF only (no database; of the server, its dummy hash). */
static void
check_password_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  SaSignIn *sign_in = task_data;
  const char *stored_hash = sign_in->stored_hash != NULL ? sign_in->stored_hash
                                                         : get_dummy_hash (sign_in->server);

  g_task_return_boolean (task, check_password (sign_in->password, stored_hash));
}

/* Server thread: hands the outcome over (unless the server is gone). */
static void
check_password_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  SaSandboxServer *self = SA_SANDBOX_SERVER (source);
  SaSignIn *sign_in = g_task_get_task_data (G_TASK (result));
  gboolean ok = g_task_propagate_boolean (G_TASK (result), NULL);

  if (self->server == NULL)
    return; /* disposed meanwhile: the connection is gone */

  sign_in->done (self, sign_in->msg, ok ? sign_in->username : NULL, sign_in->data);
}

/**
 * sa_sandbox_check_password:
 * @request: the request of a token endpoint
 * @username: the user name given
 * @password: the password given (wiped here once copied)
 * @done: called in the server's thread with the user name when @password is
 *   @username's, with %NULL otherwise; it answers and unpauses the message
 * @data: data for @done
 * @data_free: (nullable): frees @data
 *
 * Checks a password (yescrypt, some 20 ms of CPU) in a worker thread while
 * the message is paused, so that other clients are served meanwhile. An
 * unknown user's check takes as long as a known one's. Never logs either.
 *
 * Returns: %TRUE when the check is under way; %FALSE when the database
 *   failed (500 answered, @data freed)
 */
gboolean
sa_sandbox_check_password (SaSandboxRequest         *request,
                           const char               *username,
                           const char               *password,
                           SaSandboxPasswordChecked  done,
                           gpointer                  data,
                           GDestroyNotify            data_free)
{
  g_autoptr(GError) error = NULL;
  g_auto(SaSandboxCaller) caller = { 0 };
  g_autofree char *stored_hash = NULL;
  g_autoptr(GTask) task = NULL;
  SaSignIn *sign_in;

  if (!sa_sandbox_lookup_user (request->db, username, &caller, &stored_hash, &error))
    {
      explicit_bzero ((char *) password, strlen (password));
      if (data_free != NULL)
        data_free (data);
      sa_sandbox_respond_gerror (request->msg, error);
      return FALSE;
    }

  sign_in = g_new0 (SaSignIn, 1);
  sign_in->msg = g_object_ref (request->msg);
  sign_in->username = g_strdup (caller.username);
  sign_in->password = g_strdup (password);
  sign_in->server = request->server; /* the task holds a reference */
  sign_in->stored_hash = g_strdup (stored_hash); /* NULL: the dummy hash */
  sign_in->done = done;
  sign_in->data = data;
  sign_in->data_free = data_free;
  explicit_bzero ((char *) password, strlen (password));

  task = g_task_new (request->server, NULL, check_password_done, NULL);
  g_task_set_source_tag (task, sa_sandbox_check_password);
  g_task_set_task_data (task, sign_in, sa_sign_in_free);
  soup_server_message_pause (request->msg);
  g_task_run_in_thread (task, check_password_thread);

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Throttling of failed sign-ins                                             */

/* Failed sign-ins are free up to these counts per user name (known or not,
 * so that the answer tells nothing about who exists) and per client
 * address; each further failure locks the name or address for twice as long
 * as the one before, from 1 s up to 60 s. A name or address forgets its
 * failures after 15 minutes without one; a successful sign-in forgets the
 * name's. While locked, the token endpoint answers 429 with Retry-After at
 * once, for a known name or an unknown one alike. */
#define FREE_FAILURES_PER_USER    5
#define FREE_FAILURES_PER_ADDRESS 20
#define MAX_LOCK_SECONDS          60
#define FORGET_SECONDS            (15 * 60)
#define MAX_FAILURE_ENTRIES       65536

typedef struct
{
  guint  failures;
  gint64 last_failure;  /* monotonic µs */
  gint64 locked_until;  /* monotonic µs */
} SignInFailures;

static gboolean
failures_forgotten (gpointer key,
                    gpointer value,
                    gpointer user_data)
{
  return ((SignInFailures *) value)->last_failure + FORGET_SECONDS * G_USEC_PER_SEC <= *(gint64 *) user_data;
}

/* Seconds @key stays locked, 0 when it is not. */
static gint64
locked_seconds (SaSandboxServer *self,
                const char      *key,
                gint64           now)
{
  SignInFailures *entry = g_hash_table_lookup (self->sign_in_failures, key);

  if (entry == NULL || entry->locked_until <= now)
    return 0;

  return (entry->locked_until - now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
}

static void
note_failure (SaSandboxServer *self,
              const char      *key,
              guint            free_failures,
              gint64           now)
{
  SignInFailures *entry = g_hash_table_lookup (self->sign_in_failures, key);

  if (entry == NULL)
    {
      /* Bounded: an attacker making up names cannot grow it without end. */
      if (g_hash_table_size (self->sign_in_failures) >= MAX_FAILURE_ENTRIES)
        g_hash_table_foreach_remove (self->sign_in_failures, failures_forgotten, &now);
      if (g_hash_table_size (self->sign_in_failures) >= MAX_FAILURE_ENTRIES)
        g_hash_table_remove_all (self->sign_in_failures);
      entry = g_new0 (SignInFailures, 1);
      g_hash_table_insert (self->sign_in_failures, g_strdup (key), entry);
    }
  else if (failures_forgotten (NULL, entry, &now))
    {
      entry->failures = 0;
    }

  entry->failures++;
  entry->last_failure = now;
  if (entry->failures > free_failures)
    {
      guint extra = MIN (entry->failures - free_failures - 1, 6);

      entry->locked_until = now + MIN ((gint64) 1 << extra, MAX_LOCK_SECONDS) * G_USEC_PER_SEC;
    }
}

static char *
user_key (const char *username)
{
  return g_strconcat ("user:", username, NULL);
}

static char *
address_key (SoupServerMessage *msg)
{
  const char *host = soup_server_message_get_remote_host (msg);

  return g_strconcat ("address:", host != NULL ? host : "?", NULL);
}

/* Answers 429 and returns TRUE when @username or the client's address is
 * locked. */
static gboolean
refuse_if_throttled (SaSandboxServer   *self,
                     SoupServerMessage *msg,
                     const char        *username)
{
  g_autofree char *user = user_key (username);
  g_autofree char *address = address_key (msg);
  gint64 now = g_get_monotonic_time ();
  gint64 wait = MAX (locked_seconds (self, user, now), locked_seconds (self, address, now));
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *retry_after = NULL;

  if (wait == 0)
    return FALSE;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, "slow_down");
  json_builder_set_member_name (builder, "error_description");
  json_builder_add_string_value (builder, "Too many failed sign-ins: try again later");
  json_builder_end_object (builder);

  retry_after = g_strdup_printf ("%" G_GINT64_FORMAT, wait);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", retry_after);
  sa_sandbox_respond_builder (msg, 429, builder, NULL);
  return TRUE;
}

typedef struct
{
  char *username;
  char *address;
} SignInAttempt;

static void
sign_in_attempt_free (gpointer data)
{
  SignInAttempt *attempt = data;

  g_free (attempt->username);
  g_free (attempt->address);
  g_free (attempt);
}

/* ------------------------------------------------------------------------ */
/* POST /oauth2/token                                                        */

/* Issues a Desk API token (or refuses) and lets the answer go. */
static void
on_desk_password_checked (SaSandboxServer   *self,
                          SoupServerMessage *msg,
                          const char        *username,
                          gpointer           data)
{
  SignInAttempt *attempt = data;
  g_autofree char *user = user_key (attempt->username);
  gint64 now = g_get_monotonic_time ();

  if (username != NULL)
    g_hash_table_remove (self->sign_in_failures, user);
  else
    {
      note_failure (self, user, FREE_FAILURES_PER_USER, now);
      note_failure (self, attempt->address, FREE_FAILURES_PER_ADDRESS, now);
    }

  if (username != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *token = sa_sandbox_issue_token (self, username, SA_SANDBOX_TOKEN_DESK,
                                                       self->token_lifetime / G_USEC_PER_SEC, &error);

      if (token == NULL)
        sa_sandbox_respond_gerror (msg, error);
      else
        {
          sa_sandbox_respond_token (msg, token, self->token_lifetime / G_USEC_PER_SEC);
          explicit_bzero (token, strlen (token));
        }
    }
  else
    {
      g_debug ("sign-in refused");
      sa_sandbox_respond_oauth_error (msg, "invalid_grant", "The username or password is wrong");
    }

  soup_server_message_unpause (msg);
}

/* POST /oauth2/token: the password grant. */
static void
handle_token (SaSandboxRequest *request)
{
  SoupServerMessage *msg = request->msg;
  g_autofree char *body = NULL;
  g_autoptr(GHashTable) form = NULL;
  const char *problem = NULL;
  const char *grant_type, *username, *password;
  SignInAttempt *attempt;

  /* Every refusal here is OAuth's shape, not the Desk API's (RFC 6749
   * §5.2). */
  body = sa_sandbox_body_text (msg, &problem);
  if (body == NULL)
    {
      sa_sandbox_respond_oauth_error (msg, "invalid_request", problem);
      return;
    }

  form = sa_sandbox_form_decode (body, &problem);
  explicit_bzero (body, strlen (body));
  if (form == NULL)
    {
      sa_sandbox_respond_oauth_error (msg, "invalid_request", problem);
      return;
    }
  grant_type = g_hash_table_lookup (form, "grant_type");
  username = g_hash_table_lookup (form, "username");
  password = g_hash_table_lookup (form, "password");

  if (grant_type == NULL)
    {
      sa_sandbox_respond_oauth_error (msg, "invalid_request", "grant_type is missing");
      return;
    }
  if (g_strcmp0 (grant_type, "password") != 0)
    {
      sa_sandbox_respond_oauth_error (msg, "unsupported_grant_type", "Only the password grant is supported");
      return;
    }
  if (username == NULL || password == NULL ||
      !sa_sandbox_text_is_valid (username, 64) || strlen (password) > 1024 ||
      !g_utf8_validate (password, -1, NULL))
    {
      sa_sandbox_respond_oauth_error (msg, "invalid_request", "username and password are required");
      return;
    }

  if (refuse_if_throttled (request->server, msg, username))
    {
      explicit_bzero ((char *) password, strlen (password));
      return;
    }

  attempt = g_new0 (SignInAttempt, 1);
  attempt->username = g_strdup (username);
  attempt->address = address_key (msg);
  sa_sandbox_check_password (request, username, password, on_desk_password_checked,
                             attempt, sign_in_attempt_free);
}

static const SaSandboxRoute routes[] = {
  { "POST", "/oauth2/token", handle_token, SA_SANDBOX_PUBLIC },
};

const SaSandboxRouteTable sa_sandbox_auth_routes = SA_SANDBOX_ROUTE_TABLE (routes);
