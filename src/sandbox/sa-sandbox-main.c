/* sa-sandbox-main.c — smart-account-desk-sandbox, the standalone back office
 *
 * smart-account-desk-sandbox [--listen HOST:PORT] [--data DIR]
 *
 * The first line on stdout is "Listening on http://HOST:PORT/"; the server
 * then runs until SIGINT or SIGTERM.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib-unix.h>
#include <gio/gio.h>

#include "sa-sandbox-server.h"

static gboolean
on_signal (gpointer data)
{
  g_main_loop_quit (data);

  return G_SOURCE_CONTINUE;
}

/* "127.0.0.1:8080", "[::1]:8080" → host and port. */
static gboolean
parse_listen (const char  *listen,
              char       **host,
              guint16     *port,
              GError     **error)
{
  const char *colon = strrchr (listen, ':');
  g_autofree char *h = NULL;
  guint64 p;

  if (colon == NULL || colon == listen)
    goto bad;

  if (listen[0] == '[')
    {
      if (colon[-1] != ']' || colon - listen < 3)
        goto bad;
      h = g_strndup (listen + 1, (gsize) (colon - listen - 2));
    }
  else
    h = g_strndup (listen, (gsize) (colon - listen));

  if (!g_ascii_string_to_unsigned (colon + 1, 10, 0, 65535, &p, NULL) ||
      !g_hostname_is_ip_address (h))
    goto bad;

  *host = g_steal_pointer (&h);
  *port = (guint16) p;
  return TRUE;

bad:
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               "--listen takes ADDRESS:PORT, e.g. 127.0.0.1:8080, not “%s”", listen);
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *listen = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *host = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SaSandboxServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  guint16 port = 0;
  guint sigint_id, sigterm_id;
  GOptionEntry entries[] = {
    { "listen", 'l', 0, G_OPTION_ARG_STRING, &listen,
      "Address and port to listen on (default 127.0.0.1:0, 0 picks a free port)", "HOST:PORT" },
    { "data", 'd', 0, G_OPTION_ARG_FILENAME, &data_dir,
      "Directory of the sandbox database", "DIR" },
    { NULL }
  };

  setlocale (LC_ALL, "");

  context = g_option_context_new ("— the Smart Account Desk sandbox back office");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context,
                                "Serves the Desk API over training data. The training user is "
                                SA_SANDBOX_TRAINING_USERNAME " / " SA_SANDBOX_TRAINING_PASSWORD ".");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  if (listen == NULL)
    host = g_strdup ("127.0.0.1");
  else if (!parse_listen (listen, &host, &port, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  if (data_dir == NULL)
    data_dir = g_build_filename (g_get_user_data_dir (), "smart-account-desk", "sandbox", NULL);

  server = sa_sandbox_server_new (data_dir, &error);
  if (server == NULL ||
      !sa_sandbox_server_listen (server, host, port, &error))
    {
      g_printerr ("smart-account-desk-sandbox: %s\n", error->message);
      return EXIT_FAILURE;
    }

  uri = sa_sandbox_server_dup_uri (server);
  printf ("Listening on %s\n", uri);
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  sigint_id = g_unix_signal_add (SIGINT, on_signal, loop);
  sigterm_id = g_unix_signal_add (SIGTERM, on_signal, loop);
  g_main_loop_run (loop);
  g_source_remove (sigint_id);
  g_source_remove (sigterm_id);

  g_clear_object (&server);

  return EXIT_SUCCESS;
}
