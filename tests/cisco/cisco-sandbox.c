/* cisco-sandbox.c — the sandbox, embedded in a thread of its own, as the
 * Cisco client's counterpart in tests (see the header)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "cisco-sandbox.h"
#include "sa-sandbox-server.h"
#include "sa-sandbox-thread.h"

struct _CiscoSandbox
{
  char            *dir;
  SaSandboxThread *thread;
  char            *base;      /* "http://127.0.0.1:PORT", no trailing slash */
  SoupSession     *session;
  char            *token;     /* the trainee's Desk API token */
};

/* A Desk API call of the trainee; its JSON answer. */
static JsonNode *
call (CiscoSandbox *self,
      const char   *method,
      const char   *path,
      const char   *json)
{
  g_autofree char *uri = g_strconcat (self->base, path, NULL);
  g_autofree char *auth = g_strconcat ("Bearer ", self->token, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (self->token != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  if (json != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));

      soup_message_set_request_body_from_bytes (msg, "application/json", body);
    }
  answer = soup_session_send_and_read (self->session, msg, NULL, &error);
  g_assert_no_error (error);
  if (soup_message_get_status (msg) != SOUP_STATUS_OK)
    g_error ("%s %s: HTTP %u", method, path, soup_message_get_status (msg));
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL),
                                             (gssize) g_bytes_get_size (answer), NULL));

  return json_parser_steal_root (parser);
}

static void
sign_in (CiscoSandbox *self)
{
  g_autofree char *uri = g_strconcat (self->base, "/oauth2/token", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char form[] = "grant_type=password&username=" SA_SANDBOX_TRAINING_USERNAME
                      "&password=" SA_SANDBOX_TRAINING_PASSWORD;

  body = g_bytes_new_static (form, strlen (form));
  soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded", body);
  answer = soup_session_send_and_read (self->session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, SOUP_STATUS_OK);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL),
                                             (gssize) g_bytes_get_size (answer), NULL));
  self->token = g_strdup (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)),
                                                         "access_token"));
}

/**
 * cisco_sandbox_new:
 *
 * Starts the sandbox over a fresh data directory, on 127.0.0.1, in its own
 * thread, and signs the trainee in to its controls.
 *
 * Returns: (transfer full): the running sandbox
 */
CiscoSandbox *
cisco_sandbox_new (void)
{
  CiscoSandbox *self = g_new0 (CiscoSandbox, 1);
  g_autoptr(GError) error = NULL;
  const char *uri;

  self->dir = g_dir_make_tmp ("sa-test-cisco-sandbox-XXXXXX", &error);
  g_assert_no_error (error);
  self->thread = sa_sandbox_thread_start (self->dir, &error);
  g_assert_no_error (error);

  uri = sa_sandbox_thread_get_uri (self->thread);
  g_assert_true (g_str_has_prefix (uri, "http://127.0.0.1:"));
  self->base = g_strndup (uri, strlen (uri) - (g_str_has_suffix (uri, "/") ? 1 : 0));
  self->session = g_object_new (SOUP_TYPE_SESSION, "proxy-resolver", NULL, "timeout", 30, NULL);
  sign_in (self);

  return self;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/**
 * cisco_sandbox_free:
 * @self: the sandbox
 *
 * Stops it and removes its data.
 */
void
cisco_sandbox_free (CiscoSandbox *self)
{
  sa_sandbox_thread_stop (self->thread);
  g_clear_object (&self->thread);
  g_clear_object (&self->session);
  remove_tree (self->dir);
  g_free (self->dir);
  g_free (self->base);
  g_free (self->token);
  g_free (self);
}

/**
 * cisco_sandbox_uri:
 * @self: the sandbox
 * @path: a path starting with "/"
 *
 * Returns: (transfer full): the address of @path on the sandbox
 */
char *
cisco_sandbox_uri (CiscoSandbox *self,
                   const char   *path)
{
  return g_strconcat (self->base, path, NULL);
}

/**
 * cisco_sandbox_new_api_for:
 * @self: the sandbox
 * @client_id: a sandbox user name
 * @client_secret: their password
 *
 * A client pointed at the sandbox's Cisco paths with these credentials,
 * short back-offs and no rate limit (tests that need them set their own).
 *
 * Returns: (transfer full): a new #SaCiscoApi
 */
SaCiscoApi *
cisco_sandbox_new_api_for (CiscoSandbox *self,
                           const char   *client_id,
                           const char   *client_secret)
{
  g_autofree char *identity = cisco_sandbox_uri (self, SANDBOX_TOKEN_PATH);
  g_autofree char *licensing = cisco_sandbox_uri (self, SANDBOX_SAL_PATH);
  g_autofree char *order = cisco_sandbox_uri (self, SANDBOX_ORDER_PATH);
  SaCiscoApi *api = sa_cisco_api_new (identity, licensing, order);

  sa_cisco_api_set_credentials (api, client_id, client_secret);
  sa_cisco_api_set_retry_policy (api, 3, 20, 10);
  sa_cisco_api_set_rate_limit (api, 0, 1);
  sa_cisco_api_set_timeout (api, 10);
  return api;
}

/**
 * cisco_sandbox_new_api:
 * @self: the sandbox
 *
 * Returns: (transfer full): a client of the trainee (see
 *   cisco_sandbox_new_api_for())
 */
SaCiscoApi *
cisco_sandbox_new_api (CiscoSandbox *self)
{
  return cisco_sandbox_new_api_for (self, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET);
}

/**
 * cisco_sandbox_add_trainee:
 * @self: the sandbox
 * @name: a trainee name
 * @password: their password (8 characters or more)
 *
 * The trainer's "trainee add", on the running sandbox's database.
 */
void
cisco_sandbox_add_trainee (CiscoSandbox *self,
                           const char   *name,
                           const char   *password)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaSandboxServer) trainer = sa_sandbox_server_new (self->dir, &error);

  g_assert_no_error (error);
  g_assert_true (sa_sandbox_server_add_trainee (trainer, name, password, &error));
  g_assert_no_error (error);
}

/**
 * cisco_sandbox_add_fault:
 * @self: the sandbox
 * @fault_json: a fault, as POST /sandbox/cisco-faults takes it, e.g.
 *   `{"fault": "rate-limited", "retryAfter": 1}`
 *
 * Queues a training fault for the trainee's next Cisco requests.
 */
void
cisco_sandbox_add_fault (CiscoSandbox *self,
                         const char   *fault_json)
{
  g_autoptr(JsonNode) state = call (self, "POST", "/sandbox/cisco-faults", fault_json);
}

/**
 * cisco_sandbox_set_token_lifetime:
 * @self: the sandbox
 * @seconds: the `expires_in` of the trainee's next Cisco tokens
 *
 * Also forgets the faults queued (PUT /sandbox/cisco-faults).
 */
void
cisco_sandbox_set_token_lifetime (CiscoSandbox *self,
                                  guint         seconds)
{
  g_autofree char *body = g_strdup_printf ("{\"tokenLifetime\": %u}", seconds);
  g_autoptr(JsonNode) state = call (self, "PUT", "/sandbox/cisco-faults", body);
}

/**
 * cisco_sandbox_ship:
 * @self: the sandbox
 * @sales_order_number: one of the trainee's orders
 *
 * The order ships (and its licenses go where the license model says).
 */
void
cisco_sandbox_ship (CiscoSandbox *self,
                    const char   *sales_order_number)
{
  g_autofree char *path = g_strdup_printf ("/sandbox/orders/%s/ship", sales_order_number);
  g_autoptr(JsonNode) order = call (self, "POST", path, NULL);
}

/**
 * cisco_sandbox_reset_data:
 * @self: the sandbox
 *
 * The trainee's data back to the training data (POST /sandbox/reset).
 */
void
cisco_sandbox_reset_data (CiscoSandbox *self)
{
  g_autoptr(JsonNode) ok = call (self, "POST", "/sandbox/reset", NULL);
}

/**
 * cisco_sandbox_reset_log:
 * @self: the sandbox
 *
 * Forgets the request log, the faults not met yet and a token lifetime set.
 */
void
cisco_sandbox_reset_log (CiscoSandbox *self)
{
  g_autoptr(JsonNode) log = call (self, "DELETE", "/sandbox/cisco-requests", NULL);
  g_autoptr(JsonNode) faults = call (self, "DELETE", "/sandbox/cisco-faults", NULL);
}

/* The log's entries under @path_prefix (owned by *holder), oldest first. */
static GPtrArray *
entries (CiscoSandbox  *self,
         const char    *path_prefix,
         JsonNode     **holder)
{
  GPtrArray *found = g_ptr_array_new ();
  JsonArray *log;
  guint i;

  *holder = call (self, "GET", "/sandbox/cisco-requests", NULL);
  log = json_object_get_array_member (json_node_get_object (*holder), "requests");
  for (i = 0; i < json_array_get_length (log); i++)
    {
      JsonObject *entry = json_array_get_object_element (log, i);

      if (path_prefix == NULL || g_str_has_prefix (json_object_get_string_member (entry, "path"), path_prefix))
        g_ptr_array_add (found, entry);
    }

  return found;
}

/**
 * cisco_sandbox_count:
 *
 * Returns: how many of the trainee's requests under @path_prefix arrived
 */
guint
cisco_sandbox_count (CiscoSandbox *self,
                     const char   *path_prefix)
{
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(GPtrArray) found = entries (self, path_prefix, &holder);

  return found->len;
}

/**
 * cisco_sandbox_count_status:
 *
 * Returns: how many of the answers to the trainee had the HTTP @status
 */
guint
cisco_sandbox_count_status (CiscoSandbox *self,
                            guint         status)
{
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(GPtrArray) found = entries (self, NULL, &holder);
  guint n = 0, i;

  for (i = 0; i < found->len; i++)
    n += json_object_get_int_member (found->pdata[i], "status") == status;

  return n;
}

static char *
last_member (CiscoSandbox *self,
             const char   *path_prefix,
             const char   *member)
{
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(GPtrArray) found = entries (self, path_prefix, &holder);

  if (found->len == 0)
    return NULL;

  return g_strdup (json_object_get_string_member (found->pdata[found->len - 1], member));
}

/**
 * cisco_sandbox_last_body:
 *
 * Returns: (transfer full) (nullable): the body of the last request under
 *   @path_prefix (a token request's client_secret shows as "(hidden)")
 */
char *
cisco_sandbox_last_body (CiscoSandbox *self,
                         const char   *path_prefix)
{
  return last_member (self, path_prefix, "body");
}

/**
 * cisco_sandbox_last_query:
 *
 * Returns: (transfer full) (nullable): the query of the last request under
 *   @path_prefix
 */
char *
cisco_sandbox_last_query (CiscoSandbox *self,
                          const char   *path_prefix)
{
  return last_member (self, path_prefix, "query");
}

/**
 * cisco_sandbox_last_path:
 *
 * Returns: (transfer full) (nullable): the path of the last request under
 *   @path_prefix
 */
char *
cisco_sandbox_last_path (CiscoSandbox *self,
                         const char   *path_prefix)
{
  return last_member (self, path_prefix, "path");
}

/**
 * cisco_sandbox_times:
 *
 * Returns: (transfer full): the times (µs since the epoch, #gint64, to the
 *   millisecond) at which the requests under @path_prefix arrived
 */
GArray *
cisco_sandbox_times (CiscoSandbox *self,
                     const char   *path_prefix)
{
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(GPtrArray) found = entries (self, path_prefix, &holder);
  GArray *times = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint i;

  for (i = 0; i < found->len; i++)
    {
      g_autoptr(GDateTime) at =
        g_date_time_new_from_iso8601 (json_object_get_string_member (found->pdata[i], "receivedAt"), NULL);
      gint64 us;

      g_assert_nonnull (at);
      us = g_date_time_to_unix (at) * G_USEC_PER_SEC + g_date_time_get_microsecond (at);
      g_array_append_val (times, us);
    }

  return times;
}
