/* test-sandbox-tls.c — the standalone sandbox serving HTTPS for a classroom
 *
 * A certificate made with openssl for 127.0.0.1; the program started with
 * --tls-certificate/--tls-key announces an https:// base URI; a client that
 * verifies TLS against the system's trust refuses it, and one that trusts this
 * certificate signs in over it; HTTPS connections that clients close leave
 * nothing behind in the sandbox.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>

#include "sa-core.h"
#include "sandbox-test-util.h"

#ifdef __SANITIZE_ADDRESS__
/* This program loads GIO's TLS module (GnuTLS), whose thread-local storage
 * makes LeakSanitizer's tracer crash at exit with GCC 12 ("Tracer caught
 * signal 11"). Its leaks are not checked at exit (memory errors still are);
 * the same client and sandbox code is leak-checked in the other programs.
 * LeakSanitizer calls this hook (sanitizer/lsan_interface.h). */
int __lsan_is_turned_off (void);

int
__lsan_is_turned_off (void)
{
  return 1;
}
#endif

typedef struct
{
  char            *dir;
  GSubprocess     *process;
  char            *base;
} Fixture;

static gboolean
make_certificate (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) openssl = NULL;
  g_autofree char *key = g_build_filename (dir, "key.pem", NULL);
  g_autofree char *cert = g_build_filename (dir, "cert.pem", NULL);

  openssl = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                              &error,
                              "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                              "-keyout", key, "-out", cert, "-days", "2",
                              "-subj", "/CN=127.0.0.1",
                              "-addext", "subjectAltName=IP:127.0.0.1", NULL);
  if (openssl == NULL)
    return FALSE;
  return g_subprocess_wait_check (openssl, NULL, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *cert = NULL;
  g_autofree char *data_dir = NULL;

  g_assert_nonnull (g_getenv ("SA_SANDBOX_EXE"));
  fixture->dir = g_dir_make_tmp ("sa-sandbox-tls-XXXXXX", &error);
  g_assert_no_error (error);
  if (!make_certificate (fixture->dir))
    return;

  key = g_build_filename (fixture->dir, "key.pem", NULL);
  cert = g_build_filename (fixture->dir, "cert.pem", NULL);
  data_dir = g_build_filename (fixture->dir, "data", NULL);
  fixture->process = sbt_spawn_server (&fixture->base, "--listen", "127.0.0.1:0", "--data", data_dir,
                                       "--tls-certificate", cert, "--tls-key", key, NULL);
  g_assert_true (g_str_has_prefix (fixture->base, "https://127.0.0.1:"));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->process != NULL)
    sbt_stop_server (fixture->process);
  g_clear_object (&fixture->process);
  sbt_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->base);
}

/* The system's trust does not know this certificate: the request fails with a
 * TLS error instead of going through (TLS is verified, never skipped). */
static void
test_unknown_certificate_refused (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  if (fixture->process == NULL)
    {
      g_test_skip ("openssl could not make a certificate");
      return;
    }

  session = soup_session_new_with_options ("proxy-resolver", NULL, "timeout", 10, NULL);
  uri = g_strconcat (fixture->base, "v1/profile", NULL);
  msg = soup_message_new ("GET", uri);
  body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_null (body);
  g_assert_error (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE);
}

static void
on_signed_in (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* The app's own client says what went wrong: the certificate is not trusted
 * (not "check your network"), and the password was not sent. */
static void
test_desk_client_untrusted (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(SaClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (fixture->process == NULL)
    {
      g_test_skip ("openssl could not make a certificate");
      return;
    }

  client = sa_desk_client_new (fixture->base);
  sa_client_sign_in_async (client, "trainee", "training", NULL, on_signed_in, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (sa_client_sign_in_finish (client, result, &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_UNTRUSTED_CERTIFICATE);
  message = sa_error_dup_user_message (error);
  g_assert_nonnull (strstr (message, "certificate is not trusted"));
  g_assert_false (sa_client_get_signed_in (client));
}

/* A client that trusts the classroom certificate signs in over HTTPS. */
static void
test_trusted_certificate_signs_in (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(GTlsDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cert = NULL;
  g_autofree char *token = NULL;
  g_autoptr(JsonNode) profile = NULL;
  guint status = 0;

  if (fixture->process == NULL)
    {
      g_test_skip ("openssl could not make a certificate");
      return;
    }

  cert = g_build_filename (fixture->dir, "cert.pem", NULL);
  database = g_tls_file_database_new (cert, &error);
  g_assert_no_error (error);
  session = soup_session_new_with_options ("proxy-resolver", NULL, "timeout", 10,
                                           "tls-database", database, NULL);

  token = sbt_sign_in (session, fixture->base, "trainee", "training", &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (token);
  profile = sbt_call (session, fixture->base, token, "GET", "/v1/profile", NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (sbt_get_string (profile, "username"), ==, "trainee");
}

static guint
count_open_fds (GSubprocess *process)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/fd", g_subprocess_get_identifier (process));
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* The sandbox does its own TLS handshakes (sa-sandbox-accept.c): clients
 * that close their kept-alive HTTPS connections between requests, as the
 * app's session does when idle, leave no connection behind; so do clients
 * that speak no TLS. */
static void
test_closed_connections_dropped (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GTlsDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cert = NULL;
  g_autoptr(GUri) uri = NULL;
  guint before;
  guint after;

  if (fixture->process == NULL)
    {
      g_test_skip ("openssl could not make a certificate");
      return;
    }

  cert = g_build_filename (fixture->dir, "cert.pem", NULL);
  database = g_tls_file_database_new (cert, &error);
  g_assert_no_error (error);
  uri = g_uri_parse (fixture->base, G_URI_FLAGS_NONE, NULL);
  before = count_open_fds (fixture->process);

  for (guint i = 0; i < 60; i++)
    {
      g_autoptr(SoupSession) session = NULL;
      g_autoptr(JsonNode) profile = NULL;
      guint status = 0;

      session = soup_session_new_with_options ("proxy-resolver", NULL, "timeout", 10,
                                               "tls-database", database, NULL);
      profile = sbt_call (session, fixture->base, NULL, "GET", "/v1/profile", NULL, &status, NULL);
      g_assert_cmpuint (status, ==, 401);
      soup_session_abort (session);

      if (i % 10 == 0)
        {
          /* plain HTTP on the HTTPS port: the handshake fails, closed */
          g_autoptr(GSocketClient) client = g_socket_client_new ();
          g_autoptr(GSocketConnection) connection = NULL;

          connection = g_socket_client_connect_to_host (client, g_uri_get_host (uri),
                                                        (guint16) g_uri_get_port (uri), NULL, &error);
          g_assert_no_error (error);
          g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                                     "GET / HTTP/1.1\r\n\r\n", 18, NULL, NULL, NULL);
          g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
        }
    }

  after = count_open_fds (fixture->process);
  for (int i = 0; i < 1000 && after > before + 4; i++)
    {
      g_usleep (10000);
      after = count_open_fds (fixture->process);
    }
  g_assert_cmpuint (after, <=, before + 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sandbox/tls/desk-client-says-untrusted", Fixture, NULL,
              fixture_set_up, test_desk_client_untrusted, fixture_tear_down);
  g_test_add ("/sandbox/tls/unknown-certificate-refused", Fixture, NULL,
              fixture_set_up, test_unknown_certificate_refused, fixture_tear_down);
  g_test_add ("/sandbox/tls/trusted-certificate-signs-in", Fixture, NULL,
              fixture_set_up, test_trusted_certificate_signs_in, fixture_tear_down);

  g_test_add ("/sandbox/tls/closed-connections-dropped", Fixture, NULL,
              fixture_set_up, test_closed_connections_dropped, fixture_tear_down);

  return g_test_run ();
}
