/* test-sandbox-connections.c — how the sandbox accepts and drops connections
 * (sa-sandbox-accept.c, issue 13)
 *
 * libsoup 3.2.3 kept every keep-alive connection that its client closed
 * between two requests (its file descriptor and objects, until the server
 * stopped): a classroom server ran out of file descriptors. Here clients
 * close, or reset, kept-alive connections hundreds of times and the
 * sandbox's open descriptors come back to where they were; keep-alive still
 * works; a request cut short by its client is never carried out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <string.h>
#include <sys/socket.h>

#include "sandbox-test-util.h"

#define N_CONNECTIONS 300
#define FD_SLACK      8   /* descriptors the sandbox may open meanwhile */

static guint
count_open_fds (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/fd", 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* Waits (up to 10 s: the sandbox runs in its own thread) for the open
 * descriptors to come down to @most; returns the last count. */
static guint
wait_for_fds (guint most)
{
  guint n = count_open_fds ();

  for (int i = 0; i < 1000 && n > most; i++)
    {
      g_usleep (10000);
      n = count_open_fds ();
    }
  return n;
}

static GSocketConnection *
open_connection (SbtFixture *f)
{
  g_autoptr(GUri) uri = g_uri_parse (f->base, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GError) error = NULL;
  GSocketConnection *connection;

  g_socket_client_set_timeout (client, 20);
  connection = g_socket_client_connect_to_host (client, g_uri_get_host (uri),
                                                (guint16) g_uri_get_port (uri), NULL, &error);
  g_assert_no_error (error);
  return connection;
}

static void
send_text (GSocketConnection *connection,
           const char        *text)
{
  g_autoptr(GError) error = NULL;

  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                             text, strlen (text), NULL, NULL, &error);
  g_assert_no_error (error);
}

/* Sends a kept-alive GET of @path and reads its whole answer (head, then
 * Content-Length bytes); returns the status. */
static guint
keep_alive_get (SbtFixture        *f,
                GSocketConnection *connection,
                const char        *path)
{
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  g_autofree char *request = g_strdup_printf ("GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                              "Authorization: Bearer %s\r\n\r\n",
                                              path, f->token);
  g_autoptr(GString) head = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *length;
  gsize body_length;
  g_autofree char *body = NULL;
  char c;

  send_text (connection, request);
  while (!g_str_has_suffix (head->str, "\r\n\r\n"))
    {
      g_assert_cmpint (g_input_stream_read (in, &c, 1, NULL, &error), ==, 1);
      g_string_append_c (head, c);
    }
  g_assert_true (g_str_has_prefix (head->str, "HTTP/1.1 "));
  g_assert_null (strstr (head->str, "Connection: close"));
  length = strstr (head->str, "Content-Length: ");
  g_assert_nonnull (length);
  body_length = g_ascii_strtoull (length + strlen ("Content-Length: "), NULL, 10);
  body = g_malloc (body_length + 1);
  g_input_stream_read_all (in, body, body_length, NULL, NULL, &error);
  g_assert_no_error (error);

  return (guint) g_ascii_strtoull (head->str + strlen ("HTTP/1.1 "), NULL, 10);
}

/* Closes @connection at once with a reset (SO_LINGER 0), as a client that
 * crashes or a network that drops it. */
static void
reset_connection (GSocketConnection *connection)
{
  GSocket *socket = g_socket_connection_get_socket (connection);
  struct linger linger = { .l_onoff = 1, .l_linger = 0 };

  g_assert_cmpint (setsockopt (g_socket_get_fd (socket), SOL_SOCKET, SO_LINGER,
                               &linger, sizeof linger), ==, 0);
  g_socket_close (socket, NULL);
}

/* Hundreds of clients end their kept-alive connection between two requests
 * (a close, or a reset): the sandbox drops each one (libsoup 3.2.3 kept them
 * all, with their descriptors), and still answers. */
static void
test_closed_between_requests (SbtFixture    *f,
                              gconstpointer  data)
{
  guint before = count_open_fds ();
  g_autoptr(JsonNode) profile = NULL;
  guint status;

  for (guint i = 0; i < N_CONNECTIONS; i++)
    {
      g_autoptr(GSocketConnection) connection = open_connection (f);

      g_assert_cmpuint (keep_alive_get (f, connection, "/v1/profile"), ==, 200);
      if (i % 2 == 0)
        g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
      else
        reset_connection (connection);
    }

  g_assert_cmpuint (wait_for_fds (before + FD_SLACK), <=, before + FD_SLACK);
  profile = sbt_fixture_call (f, "GET", "/v1/profile", NULL, &status);
  g_assert_nonnull (profile);
  g_assert_cmpuint (status, ==, 200);
}

/* A connection still serves one request after another (libsoup keeps
 * connections alive only while its server has a listener: the sandbox
 * gives it one that accepts nothing). */
static void
test_keep_alive (SbtFixture    *f,
                 gconstpointer  data)
{
  g_autoptr(GSocketConnection) connection = open_connection (f);

  for (guint i = 0; i < 5; i++)
    g_assert_cmpuint (keep_alive_get (f, connection, "/v1/profile"), ==, 200);
  g_assert_cmpuint (keep_alive_get (f, connection, "/v1/orders/" ORDER_MISSING), ==, 404);
  g_assert_cmpuint (keep_alive_get (f, connection, "/v1/profile"), ==, 200);
}

/* A write whose client leaves before its last byte, first or second on its
 * connection, is not carried out: the profile keeps its values; so is one
 * whose head is cut; and every such connection is dropped. */
static void
test_cut_requests_not_carried_out (SbtFixture    *f,
                                   gconstpointer  data)
{
  const char *body = "{\"firstName\": \"Cut\", \"lastName\": \"Short\", \"email\": \"cut@short.example\","
                     " \"company\": \"C\", \"country\": \"FR\"}";
  g_autoptr(JsonNode) before_profile = NULL;
  g_autoptr(JsonNode) after_profile = NULL;
  guint before = count_open_fds ();
  guint status;

  before_profile = sbt_fixture_call (f, "GET", "/v1/profile", NULL, &status);
  g_assert_cmpuint (status, ==, 200);

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(GSocketConnection) connection = open_connection (f);
      g_autofree char *head = g_strdup_printf ("PUT /v1/profile HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                               "Authorization: Bearer %s\r\n"
                                               "Content-Type: application/json\r\n"
                                               "Content-Length: %zu\r\n\r\n",
                                               f->token, strlen (body));
      g_autofree char *short_body = g_strndup (body, strlen (body) - 1);

      if (i % 2 == 1)
        g_assert_cmpuint (keep_alive_get (f, connection, "/v1/profile"), ==, 200);
      if (i % 4 < 2)
        {
          send_text (connection, head);
          send_text (connection, short_body); /* one byte short */
        }
      else
        {
          g_autofree char *cut_head = g_strndup (head, strlen (head) - 2);

          send_text (connection, cut_head); /* no blank line */
        }
      if (i % 8 < 4)
        g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
      else
        reset_connection (connection);
    }

  g_assert_cmpuint (wait_for_fds (before + FD_SLACK), <=, before + FD_SLACK);
  after_profile = sbt_fixture_call (f, "GET", "/v1/profile", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_true (json_node_equal (before_profile, after_profile));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SBT_ADD ("connections/closed-between-requests", test_closed_between_requests);
  SBT_ADD ("connections/keep-alive", test_keep_alive);
  SBT_ADD ("connections/cut-requests-not-carried-out", test_cut_requests_not_carried_out);

  return g_test_run ();
}
