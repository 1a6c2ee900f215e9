/* sandbox-test-util.c — what every sandbox test shares: a sandbox with a
 * signed-in trainee (the fixture), raw-HTTP calls, the training data's
 * fixtures, and assertions on the Desk API's answers
 *
 * A plain SoupSession, not the core client: the tests see the wire.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sandbox-test-util.h"

#include <signal.h>
#include <string.h>

#include <glib/gstdio.h>

#include "sa-sandbox-server.h"

/* ------------------------------------------------------------------------ */
/* The fixture                                                               */

char *
sbt_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("sa-sandbox-test-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

/* With f->sandbox running: its base URI, a session, the training user's token. */
void
sbt_fixture_sign_in (SbtFixture *f)
{
  guint status;

  f->base = sa_sandbox_thread_get_uri (f->sandbox);
  g_assert_true (g_str_has_prefix (f->base, "http://127.0.0.1:"));
  if (f->session == NULL)
    f->session = sbt_new_session ();
  g_free (f->token);
  f->token = sbt_sign_in (f->session, f->base, SA_SANDBOX_TRAINING_USERNAME,
                          SA_SANDBOX_TRAINING_PASSWORD, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (f->token);
}

/* Starts a sandbox over f->dir and signs in. */
void
sbt_fixture_start (SbtFixture *f)
{
  g_autoptr(GError) error = NULL;

  f->sandbox = sa_sandbox_thread_start (f->dir, &error);
  g_assert_no_error (error);
  sbt_fixture_sign_in (f);
}

void
sbt_fixture_set_up (SbtFixture    *f,
                    gconstpointer  data)
{
  f->dir = sbt_make_dir ();
  sbt_fixture_start (f);
}

void
sbt_fixture_tear_down (SbtFixture    *f,
                       gconstpointer  data)
{
  g_clear_object (&f->session);
  g_clear_object (&f->sandbox);
  sbt_remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->token, g_free);
}

void
sbt_remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        sbt_remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/* ------------------------------------------------------------------------ */
/* HTTP                                                                      */

SoupSession *
sbt_new_session (void)
{
  return g_object_new (SOUP_TYPE_SESSION,
                       "proxy-resolver", NULL,
                       "timeout", 30,
                       "idle-timeout", 30,
                       NULL);
}

static JsonNode *
parse_json (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (length == 0 || !json_parser_load_from_data (parser, data, (gssize) length, NULL))
    return NULL;

  return json_node_copy (json_parser_get_root (parser));
}

JsonNode *
sbt_request (SoupSession         *session,
             const char          *base,
             const char          *token,
             const char          *method,
             const char          *path,
             const char          *if_match,
             const char          *content_type,
             GBytes              *body,
             guint               *status,
             SoupMessageHeaders **headers)
{
  g_autofree char *uri = g_strconcat (base, path + 1, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *request_headers;

  g_assert_nonnull (msg);
  request_headers = soup_message_get_request_headers (msg);
  if (token != NULL && *token != '\0')
    {
      g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (request_headers, "Authorization", auth);
    }
  if (if_match != NULL)
    soup_message_headers_replace (request_headers, "If-Match", if_match);
  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, content_type, body);

  answer = soup_session_send_and_read (session, msg, NULL, &error);
  if (error != NULL)
    g_test_message ("%s %s", method, path);
  g_assert_no_error (error);
  *status = soup_message_get_status (msg);
  g_assert_cmpuint (*status, <, 500);
  if (headers != NULL)
    *headers = soup_message_headers_ref (soup_message_get_response_headers (msg));

  return parse_json (answer);
}

JsonNode *
sbt_call (SoupSession         *session,
          const char          *base,
          const char          *token,
          const char          *method,
          const char          *path,
          const char          *json_body,
          guint               *status,
          SoupMessageHeaders **headers)
{
  g_autoptr(GBytes) body = json_body != NULL ? g_bytes_new (json_body, strlen (json_body)) : NULL;

  return sbt_request (session, base, token, method, path, NULL, "application/json", body,
                      status, headers);
}

char *
sbt_sign_in (SoupSession *session,
             const char  *base,
             const char  *username,
             const char  *password,
             guint       *status)
{
  g_autoptr(GHashTable) form = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GBytes) body = NULL;
  char *encoded;

  g_hash_table_insert (form, "grant_type", "password");
  g_hash_table_insert (form, "username", (char *) username);
  g_hash_table_insert (form, "password", (char *) password);
  encoded = soup_form_encode_hash (form);
  body = g_bytes_new_take (encoded, strlen (encoded));

  node = sbt_request (session, base, NULL, "POST", "/oauth2/token", NULL,
                      "application/x-www-form-urlencoded", body, status, NULL);
  if (*status != 200)
    return NULL;

  return g_strdup (sbt_get_string (node, "access_token"));
}

/* Sends @request as it is on a new connection and reads the answer until the
 * server closes (64 KiB at most); returns its status (0 for none) and, when
 * @body is not NULL, what follows its head. */
guint
sbt_raw_request_body (SbtFixture  *f,
                      const char  *request,
                      gsize        length,
                      char       **body)
{
  g_autoptr(GUri) uri = g_uri_parse (f->base, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GByteArray) answer = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  char buffer[4096];
  const char *end_of_head;
  gssize n;

  g_socket_client_set_timeout (client, 20);
  connection = g_socket_client_connect_to_host (client, g_uri_get_host (uri),
                                                (guint16) g_uri_get_port (uri), NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                             request, length, NULL, NULL, &error);
  g_assert_no_error (error);

  while ((n = g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (connection)),
                                   buffer, sizeof buffer, NULL, NULL)) > 0)
    {
      g_byte_array_append (answer, (guint8 *) buffer, (guint) n);
      if (answer->len > 64 * 1024)
        break;
    }
  g_byte_array_append (answer, (guint8 *) "", 1);

  if (body != NULL)
    {
      end_of_head = strstr ((char *) answer->data, "\r\n\r\n");
      *body = g_strdup (end_of_head != NULL ? end_of_head + 4 : "");
    }

  if (!g_str_has_prefix ((char *) answer->data, "HTTP/1.1 ") &&
      !g_str_has_prefix ((char *) answer->data, "HTTP/1.0 "))
    return 0;

  return (guint) g_ascii_strtoull ((char *) answer->data + 9, NULL, 10);
}

guint
sbt_raw_request (SbtFixture *f,
                 const char *request,
                 gsize       length)
{
  return sbt_raw_request_body (f, request, length, NULL);
}

guint
sbt_raw_get (SbtFixture *f,
             const char *target)
{
  g_autofree char *request = g_strdup_printf ("GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                              "Authorization: Bearer %s\r\n"
                                              "Connection: close\r\n\r\n",
                                              target, f->token);

  return sbt_raw_request (f, request, strlen (request));
}

/* ------------------------------------------------------------------------ */
/* The fixture's user calling                                               */

JsonNode *
sbt_fixture_call (SbtFixture *f,
                  const char *method,
                  const char *path,
                  const char *json_body,
                  guint      *status)
{
  return sbt_call (f->session, f->base, f->token, method, path, json_body, status, NULL);
}

JsonNode *
sbt_put_assignment (SbtFixture *f,
                    const char *number,
                    const char *if_match,
                    const char *json,
                    guint      *status)
{
  g_autofree char *path = g_strdup_printf ("/v1/orders/%s/smart-account-assignment", number);
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));

  return sbt_request (f->session, f->base, f->token, "PUT", path, if_match, "application/json",
                      body, status, NULL);
}

JsonObject *
sbt_get_order (SbtFixture *f,
               const char *number,
               JsonNode  **holder)
{
  g_autofree char *path = g_strconcat ("/v1/orders/", number, NULL);
  guint status;

  /* a holder used before is reused: what it held goes */
  g_clear_pointer (holder, json_node_unref);
  *holder = sbt_fixture_call (f, "GET", path, NULL, &status);
  g_assert_cmpuint (status, ==, 200);

  return json_node_get_object (*holder);
}

gint64
sbt_order_version (SbtFixture *f,
                   const char *number)
{
  g_autoptr(JsonNode) node = NULL;

  return json_object_get_int_member (sbt_get_order (f, number, &node), "version");
}

gint64
sbt_order_count (SbtFixture *f)
{
  g_autoptr(JsonNode) node = NULL;
  guint status;

  node = sbt_fixture_call (f, "GET", "/v1/orders", NULL, &status);
  g_assert_cmpuint (status, ==, 200);

  return json_object_get_int_member (json_node_get_object (node), "totalRecords");
}

JsonArray *
sbt_get_list (SbtFixture *f,
              const char *path,
              const char *member,
              JsonNode  **holder)
{
  JsonObject *object;
  guint status;

  g_clear_pointer (holder, json_node_unref);
  *holder = sbt_fixture_call (f, "GET", path, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  object = json_node_get_object (*holder);
  if (strstr (path, "limit=") == NULL)
    g_assert_cmpint (json_object_get_int_member (object, "totalRecords"), ==,
                     json_array_get_length (json_object_get_array_member (object, member)));

  return json_object_get_array_member (object, member);
}

guint
sbt_count_list (SbtFixture *f,
                const char *path,
                const char *member)
{
  g_autoptr(JsonNode) node = NULL;

  return json_array_get_length (sbt_get_list (f, path, member, &node));
}

guint
sbt_count_search (SbtFixture *f,
                  const char *query)
{
  g_autofree char *path = g_strconcat ("/v1/accounts/search?", query, NULL);

  return sbt_count_list (f, path, "accounts");
}

JsonNode *
sbt_create_trattoria (SbtFixture *f)
{
  JsonNode *node;
  guint status;

  node = sbt_fixture_call (f, "POST", "/v1/account-requests", TRATTORIA, &status);
  g_assert_cmpuint (status, ==, 201);

  return node;
}

JsonNode *
sbt_request_access (SbtFixture *f,
                    const char *domain,
                    const char *account_id,
                    guint      *status)
{
  g_autofree char *body = NULL;

  if (account_id != NULL)
    body = g_strdup_printf ("{\"domain\": \"%s\", \"accountId\": \"%s\", \"reason\": \"We run their network.\"}",
                            domain, account_id);
  else
    body = g_strdup_printf ("{\"domain\": \"%s\", \"reason\": \"We run their network.\"}", domain);

  return sbt_fixture_call (f, "POST", "/v1/access-requests", body, status);
}

gint64
sbt_clock_now (SbtFixture *f)
{
  g_autoptr(JsonNode) node = NULL;
  guint status;

  node = sbt_fixture_call (f, "GET", "/sandbox/clock", NULL, &status);
  g_assert_cmpuint (status, ==, 200);

  return sbt_parse_date (sbt_get_string (node, "now"));
}

void
sbt_advance_clock (SbtFixture *f,
                   int         days)
{
  g_autofree char *body = g_strdup_printf ("{\"advanceDays\": %d}", days);
  g_autoptr(JsonNode) node = NULL;
  guint status;

  node = sbt_fixture_call (f, "POST", "/sandbox/clock", body, &status);
  g_assert_cmpuint (status, ==, 200);
  sbt_parse_date (sbt_get_string (node, "now"));
}

/* ------------------------------------------------------------------------ */
/* The standalone program                                                    */

GSubprocess *
sbt_spawn_server (char       **base,
                  const char  *first_arg,
                  ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  const char *arg;
  va_list args;

  g_assert_nonnull (g_getenv ("SA_SANDBOX_EXE"));
  g_ptr_array_add (argv, (char *) g_getenv ("SA_SANDBOX_EXE"));
  va_start (args, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  /* Under build-aux/sanitize with leak checking on, LeakSanitizer's own
   * tracer crashes (SIGSEGV, "Tracer caught signal 11") at the exit of this
   * child after a SIGTERM, whatever it leaks: the child checks memory errors
   * but not leaks. The same sandbox code runs in-process (SaSandboxThread)
   * in the other tests, with leak checking on. */
  if (g_getenv ("ASAN_OPTIONS") != NULL)
    {
      g_autofree char *options = g_strconcat (g_getenv ("ASAN_OPTIONS"), ":detect_leaks=0", NULL);

      g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", options, TRUE);
    }
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  /* the first line says where it listens */
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "Listening on "));
  *base = g_strdup (line + strlen ("Listening on "));

  return g_steal_pointer (&process);
}

void
sbt_stop_server (GSubprocess *process)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
}

/* ------------------------------------------------------------------------ */
/* Assertions                                                                */

gint64
sbt_parse_date (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;

  g_assert_nonnull (iso);
  g_assert_true (g_str_has_suffix (iso, "Z"));
  dt = g_date_time_new_from_iso8601 (iso, NULL);
  g_assert_nonnull (dt);

  return g_date_time_to_unix (dt);
}

void
sbt_assert_error (JsonNode   *node,
                  guint       status,
                  guint       expected_status,
                  const char *expected_code)
{
  g_assert_cmpuint (status, ==, expected_status);
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  g_assert_cmpstr (sbt_get_string (node, "status"), ==, "ERROR");
  g_assert_cmpstr (sbt_get_string (node, "code"), ==, expected_code);
  g_assert_nonnull (sbt_get_string (node, "statusMessage"));
}

void
sbt_assert_refusals (SbtFixture        *f,
                     const SbtRefusal  *refusals,
                     gsize              n_refusals)
{
  gsize i;

  for (i = 0; i < n_refusals; i++)
    {
      const SbtRefusal *r = &refusals[i];
      g_autoptr(GBytes) body = r->body != NULL ? g_bytes_new (r->body, strlen (r->body)) : NULL;
      g_autoptr(JsonNode) node = NULL;
      guint status;

      g_autofree char *shown = g_strescape (r->body != NULL ? r->body : "", NULL);

      g_test_message ("%s %s (If-Match %s) %.200s", r->method, r->path, r->if_match, shown);
      node = sbt_request (f->session, f->base, f->token, r->method, r->path, r->if_match, "application/json",
                          body, &status, NULL);
      if (r->field != NULL)
        sbt_assert_field_error (node, status, r->field);
      else
        sbt_assert_error (node, status, r->status, r->code);
    }
}

void
sbt_assert_refused (SbtFixture *f,
                    const char *method,
                    const char *path,
                    const char *json_body,
                    guint       expected_status,
                    const char *expected_code)
{
  SbtRefusal refusal = { method, path, NULL, json_body, expected_status, expected_code, NULL };

  sbt_assert_refusals (f, &refusal, 1);
}

void
sbt_assert_gets_refused (SbtFixture         *f,
                         const char * const *paths,
                         gsize               n_paths,
                         guint               expected_status,
                         const char         *expected_code)
{
  gsize i;

  for (i = 0; i < n_paths; i++)
    sbt_assert_refused (f, "GET", paths[i], NULL, expected_status, expected_code);
}

void
sbt_assert_field_error (JsonNode   *node,
                        guint       status,
                        const char *field)
{
  JsonObject *fields;

  sbt_assert_error (node, status, 422, "VALIDATION_FAILED");
  fields = json_object_get_object_member (json_node_get_object (node), "fields");
  g_assert_nonnull (fields);
  if (!json_object_has_member (fields, field))
    g_error ("fields has no %s", field);
}

JsonObject *
sbt_account_of (JsonNode *request)
{
  g_assert_nonnull (request);

  return json_object_get_object_member (json_node_get_object (request), "smartAccount");
}

const char *
sbt_get_string (JsonNode   *node,
                const char *member)
{
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));

  return json_object_get_string_member_with_default (json_node_get_object (node), member, NULL);
}
