/* sa-sandbox-main.c — smart-account-desk-sandbox, the standalone back office
 *
 * smart-account-desk-sandbox [--listen HOST:PORT] [--data DIR] [--token-lifetime SECONDS]
 * smart-account-desk-sandbox [--data DIR] trainee add|list|remove|reset [NAME]
 * smart-account-desk-sandbox [--data DIR] trainee add --trainer NAME
 * smart-account-desk-sandbox [--data DIR] trainee progress [--json]
 * smart-account-desk-sandbox [--data DIR] trainee start SCENARIO [NAME]
 * smart-account-desk-sandbox --version
 *
 * Serving: the first line on stdout is "Listening on http://HOST:PORT/"; the
 * server then runs until SIGINT or SIGTERM. The trainee commands work on the
 * same database, also while a server runs on it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include <glib-unix.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "config.h"

#include "sa-sandbox-random.h"
#include "sa-sandbox-scenarios.h"
#include "sa-sandbox-server.h"

static gboolean opt_trainer;
static gboolean opt_json;

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
               _("--listen takes ADDRESS:PORT, e.g. 127.0.0.1:8080, not “%s”"), listen);
  return FALSE;
}

/* 16 characters from an alphabet without look-alikes (about 90 bits). */
static char *
generate_password (GError **error)
{
  static const char alphabet[] = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  guint8 bytes[16];
  char *password;
  gsize i;

  if (!sa_sandbox_random_fill (bytes, sizeof bytes, error))
    return NULL;
  /* the modulo's slight bias costs well under a bit of the 90 */
  password = g_malloc0 (sizeof bytes + 1);
  for (i = 0; i < sizeof bytes; i++)
    password[i] = alphabet[bytes[i] % (sizeof alphabet - 1)];
  explicit_bzero (bytes, sizeof bytes);

  return password;
}

/* One line of stdin (without its end of line), or NULL at once on a TTY or
 * at end of input. */
static char *
read_password_line (void)
{
  char buffer[1100];
  gsize length;

  if (isatty (STDIN_FILENO))
    return NULL;
  if (fgets (buffer, sizeof buffer, stdin) == NULL)
    return NULL;
  length = strcspn (buffer, "\r\n");
  buffer[length] = '\0';
  if (length == 0)
    return NULL;

  return g_strndup (buffer, length);
}

/* "2026-11-24 15:04" in local time, "-" for null. */
static char *
format_when (JsonObject *object,
             const char *member)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  const char *iso = json_object_get_string_member_with_default (object, member, NULL);

  if (iso != NULL)
    utc = g_date_time_new_from_iso8601 (iso, NULL);
  if (utc == NULL)
    return g_strdup ("-");
  local = g_date_time_to_local (utc);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* The status of a scenario, as the table shows it. */
static const char *
status_label (const char *status)
{
  if (g_strcmp0 (status, "COMPLETED") == 0)
    return _("completed");
  if (g_strcmp0 (status, "STARTED") == 0)
    return _("started");
  return _("not started");
}

/* trainee progress [--json]: the class's progress, a table or JSON. */
static gboolean
print_progress (SaSandboxServer  *server,
                GError          **error)
{
  g_autoptr(JsonNode) root = sa_sandbox_server_dup_progress (server, error);
  JsonArray *trainees;
  guint i, j;

  if (root == NULL)
    return FALSE;
  if (opt_json)
    {
      g_autofree char *text = json_to_string (root, TRUE);

      printf ("%s\n", text);
      return TRUE;
    }

  /* Translators: the headings of "trainee progress"; keep each within its column */
  printf ("%-20s %-30s %-12s %8s  %-16s  %-16s\n", _("TRAINEE"), _("SCENARIO"), _("STATUS"), _("ATTEMPTS"),
          _("STARTED"), _("COMPLETED"));
  trainees = json_object_get_array_member (json_node_get_object (root), "trainees");
  for (i = 0; i < json_array_get_length (trainees); i++)
    {
      JsonObject *trainee = json_array_get_object_element (trainees, i);
      JsonArray *scenarios = json_object_get_array_member (trainee, "scenarios");
      g_autofree char *who = g_strdup_printf ("%s%s", json_object_get_string_member (trainee, "username"),
                                              json_object_get_boolean_member (trainee, "trainer")
                                              ? _(" (trainer)") : "");
      gboolean any = FALSE;

      for (j = 0; j < json_array_get_length (scenarios); j++)
        {
          JsonObject *s = json_array_get_object_element (scenarios, j);
          g_autofree char *started = NULL;
          g_autofree char *completed = NULL;

          if (json_object_get_int_member (s, "attempts") == 0)
            continue;
          started = format_when (s, "startedAt");
          completed = format_when (s, "completedAt");
          printf ("%-20s %-30s %-12s %8" G_GINT64_FORMAT "  %-16s  %-16s\n", who,
                  json_object_get_string_member (s, "id"), status_label (json_object_get_string_member (s, "status")),
                  json_object_get_int_member (s, "attempts"), started, completed);
          any = TRUE;
        }
      if (!any)
        printf ("%-20s %-30s %-12s %8d  %-16s  %-16s\n", who, "-", status_label (NULL), 0, "-", "-");
    }

  return TRUE;
}

/* trainee progress and trainee start: the scenarios' commands. */
static int
run_scenario_command (SaSandboxServer  *server,
                      int               argc,
                      char            **argv)
{
  g_autoptr(GError) error = NULL;
  const char *command = argv[2];

  if (strcmp (command, "progress") == 0 ? argc != 3 : (argc != 4 && argc != 5))
    {
      g_printerr ("%s", _("Usage: smart-account-desk-sandbox [--data DIR] trainee progress [--json]\n"
                        "       smart-account-desk-sandbox [--data DIR] trainee start SCENARIO [NAME]\n"));
      return 2;
    }

  if (strcmp (command, "progress") == 0)
    {
      if (print_progress (server, &error))
        return EXIT_SUCCESS;
    }
  else if (sa_sandbox_server_start_scenario (server, argv[3], argc == 5 ? argv[4] : NULL, &error))
    {
      if (argc == 5)
        printf (_("%s is at the start of scenario %s\n"), argv[4], argv[3]);
      else
        printf (_("The class is at the start of scenario %s\n"), argv[3]);
      return EXIT_SUCCESS;
    }

  g_printerr ("smart-account-desk-sandbox: %s\n", error->message);
  return EXIT_FAILURE;
}

static int
run_trainee_command (const char  *data_dir,
                     int          argc,
                     char       **argv)
{
  g_autoptr(SaSandboxServer) server = NULL;
  g_autoptr(GError) error = NULL;
  const char *command = argc > 2 ? argv[2] : NULL;
  const char *name = argc > 3 ? argv[3] : NULL;
  gboolean ok = FALSE;

  if (command != NULL && (strcmp (command, "progress") == 0 || strcmp (command, "start") == 0))
    {
      server = sa_sandbox_server_new (data_dir, &error);
      if (server == NULL)
        goto fail;
      return run_scenario_command (server, argc, argv);
    }

  if (command == NULL ||
      (strcmp (command, "list") == 0 ? argc != 3 : argc != 4))
    {
      g_printerr ("%s", _("Usage: smart-account-desk-sandbox [--data DIR] trainee add|remove|reset NAME\n"
                        "       smart-account-desk-sandbox [--data DIR] trainee list\n"));
      return 2;
    }

  server = sa_sandbox_server_new (data_dir, &error);
  if (server == NULL)
    goto fail;

  if (strcmp (command, "add") == 0)
    {
      g_autofree char *password = read_password_line ();
      gboolean generated = password == NULL;

      if (generated)
        {
          password = generate_password (&error);
          if (password == NULL)
            goto fail;
        }
      ok = sa_sandbox_server_add_trainee (server, name, password, &error) &&
           (!opt_trainer || sa_sandbox_server_set_trainer (server, name, &error));
      if (ok && generated)
        printf (_("Trainee %s added; password (shown once): %s\n"), name, password);
      else if (ok)
        printf (_("Trainee %s added\n"), name);
      if (ok && opt_trainer)
        printf (_("%s is a trainer: they see the class's progress\n"), name);
      explicit_bzero (password, strlen (password));
    }
  else if (strcmp (command, "remove") == 0)
    {
      ok = sa_sandbox_server_remove_trainee (server, name, &error);
      if (ok)
        printf (_("Trainee %s removed\n"), name);
    }
  else if (strcmp (command, "reset") == 0)
    {
      ok = sa_sandbox_server_reset_trainee (server, name, &error);
      if (ok)
        printf (_("Training data of %s reset\n"), name);
    }
  else if (strcmp (command, "list") == 0)
    {
      g_auto(GStrv) names = sa_sandbox_server_list_trainees (server, &error);
      guint i;

      ok = names != NULL;
      for (i = 0; ok && names[i] != NULL; i++)
        printf ("%s\n", names[i]);
    }
  else
    {
      g_printerr (_("smart-account-desk-sandbox: unknown trainee command “%s”\n"), command);
      return 2;
    }

  if (ok)
    return EXIT_SUCCESS;

fail:
  g_printerr ("smart-account-desk-sandbox: %s\n", error->message);
  return EXIT_FAILURE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *listen = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *host = NULL;
  g_autofree char *tls_certificate = NULL;
  g_autofree char *tls_key = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SaSandboxServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  guint16 port = 0;
  gint token_lifetime = 3600;
  gboolean version = FALSE;
  guint sigint_id, sigterm_id;
  GOptionEntry entries[] = {
    { "listen", 'l', 0, G_OPTION_ARG_STRING, &listen,
      N_("Address and port to listen on (default 127.0.0.1:0, 0 picks a free port)"), N_("HOST:PORT") },
    { "data", 'd', 0, G_OPTION_ARG_FILENAME, &data_dir,
      N_("Directory of the sandbox database"), N_("DIR") },
    { "tls-certificate", 0, 0, G_OPTION_ARG_FILENAME, &tls_certificate,
      N_("PEM file of the certificate to serve HTTPS with (for a classroom)"), N_("FILE") },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &tls_key,
      N_("PEM file of the certificate's private key (default: the certificate file)"), N_("FILE") },
    { "token-lifetime", 't', 0, G_OPTION_ARG_INT, &token_lifetime,
      N_("Seconds an access token stays valid (default 3600)"), N_("SECONDS") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Print the version and exit"), NULL },
    { "trainer", 0, 0, G_OPTION_ARG_NONE, &opt_trainer,
      N_("With trainee add: the new user is a trainer, who sees the class's progress"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json,
      N_("With trainee progress: print JSON instead of a table"), NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SA_LOCALEDIR") ? g_getenv ("SA_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("[trainee add|list|remove|reset [NAME]] — the Smart Account Desk sandbox back office"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, NULL);
  {
    /* Translators: %s is the training user name and password, "trainee / training". */
    g_autofree char *summary = g_strdup_printf (_("Serves the Desk API over training data. The training user is %s.\n"
                                                  "Each user works on a copy of the training data of their own.\n"
                                                  "It listens on the loopback address unless --listen says otherwise."),
                                                SA_SANDBOX_TRAINING_USERNAME " / " SA_SANDBOX_TRAINING_PASSWORD);
    g_option_context_set_summary (context, summary);
  }
  /* xgettext:no-c-format */
  description = g_strconcat (_("Trainee commands (for a trainer; they work while a server runs):\n"
                                    "  trainee add NAME     add a trainee with a fresh copy of the training data;\n"
                                    "                       the password is the first line of standard input\n"
                                    "                       (8 characters or more), e.g.\n"
                                    "                         printf '%s\\n' \"$PASSWORD\" | smart-account-desk-sandbox trainee add anna\n"
                                    "                       when standard input is a terminal or empty, a random\n"
                                    "                       password is made and printed once\n"
                                    "  trainee list         list the users of the sandbox\n"
                                    "  trainee remove NAME  remove a trainee and their data\n"
                                    "  trainee reset NAME   put a trainee's data back to the training data\n"
                                    "NAME: a lower-case letter, then lower-case letters, digits, '.', '_' or '-'\n"
                                    "(32 at most). Passwords are stored as yescrypt hashes.\n"),
                             _("Training scenarios (for a trainer):\n"
                               "  trainee add --trainer NAME      add a trainer, who also sees the class\n"
                               "  trainee progress [--json]       each trainee's scenarios: started, completed,\n"
                               "                                  when, attempts\n"
                               "  trainee start SCENARIO [NAME]   put NAME, or the whole class, at the start\n"
                               "                                  of a scenario\n"), NULL);
  g_option_context_set_description (context, description);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  if (version)
    {
      printf ("smart-account-desk-sandbox %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }
  if (token_lifetime < 1)
    {
      g_printerr ("%s\n", _("--token-lifetime takes a number of seconds, 1 or more"));
      return EXIT_FAILURE;
    }

  if (data_dir == NULL)
    data_dir = g_build_filename (g_get_user_data_dir (), "smart-account-desk", "sandbox", NULL);

  if (argc > 1)
    {
      if (strcmp (argv[1], "trainee") != 0)
        {
          g_printerr (_("smart-account-desk-sandbox: unknown command “%s” (see --help)\n"), argv[1]);
          return 2;
        }
      return run_trainee_command (data_dir, argc, argv);
    }

  if (listen == NULL)
    host = g_strdup ("127.0.0.1");
  else if (!parse_listen (listen, &host, &port, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  server = sa_sandbox_server_new (data_dir, &error);
  if (server != NULL && tls_certificate != NULL)
    {
      g_autoptr(GTlsCertificate) certificate = NULL;

      certificate = g_tls_certificate_new_from_files (tls_certificate,
                                                      tls_key ? tls_key : tls_certificate,
                                                      &error);
      if (certificate == NULL)
        g_clear_object (&server);
      else
        sa_sandbox_server_set_tls_certificate (server, certificate);
    }
  if (server == NULL ||
      !sa_sandbox_server_listen (server, host, port, &error))
    {
      g_printerr ("smart-account-desk-sandbox: %s\n", error->message);
      return EXIT_FAILURE;
    }

  sa_sandbox_server_set_token_lifetime (server, (guint) token_lifetime);
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
