/* test-sandbox-main.c — smart-account-desk-sandbox, the standalone program:
 * listening, a request, SIGTERM; a bad --listen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sandbox-test-util.h"

static void
test_executable (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *db = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(SoupSession) session = sbt_new_session ();
  g_autoptr(JsonNode) profile = NULL;
  g_autofree char *base = NULL;
  g_autofree char *token = NULL;
  g_autofree char *port = NULL;
  guint status;

  if (g_getenv ("SA_SANDBOX_EXE") == NULL)
    {
      g_test_skip ("SA_SANDBOX_EXE is not set");
      return;
    }

  dir = sbt_make_dir ();
  process = sbt_spawn_server (&base, "--listen", "127.0.0.1:0", "--data", dir, NULL);
  regex = g_regex_new ("^http://127\\.0\\.0\\.1:([0-9]+)/$", 0, 0, NULL);
  g_assert_true (g_regex_match (regex, base, 0, &match));
  port = g_match_info_fetch (match, 1);
  g_assert_cmpint (g_ascii_strtoll (port, NULL, 10), >, 0);

  token = sbt_sign_in (session, base, "trainee", "training", &status);
  g_assert_cmpuint (status, ==, 200);
  profile = sbt_call (session, base, token, "GET", "/v1/profile", NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (sbt_get_string (profile, "username"), ==, "trainee");

  db = g_build_filename (dir, "sandbox.sqlite", NULL);
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));

  sbt_stop_server (process);
  sbt_remove_tree (dir);
}

static void
test_executable_bad_listen (void)
{
  const char *exe = g_getenv ("SA_SANDBOX_EXE");
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;

  if (exe == NULL)
    {
      g_test_skip ("SA_SANDBOX_EXE is not set");
      return;
    }

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                              &error, exe, "--listen", "localhost", NULL);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), !=, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sandbox/executable/listen-request-sigterm", test_executable);
  g_test_add_func ("/sandbox/executable/bad-listen", test_executable_bad_listen);

  return g_test_run ();
}
