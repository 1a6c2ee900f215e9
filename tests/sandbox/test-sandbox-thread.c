/* test-sandbox-thread.c — the sandbox in a thread of its own (as the app
 * runs it): two at once, persistence, asynchronous start, a start that fails
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sa-sandbox-db.h"
#include "sandbox-test-util.h"

static void
test_two_sandboxes (void)
{
  SbtFixture f1 = { 0 }, f2 = { 0 };
  g_autoptr(JsonNode) put = NULL;
  guint status;

  f1.dir = sbt_make_dir ();
  f2.dir = sbt_make_dir ();
  sbt_fixture_start (&f1);
  sbt_fixture_start (&f2);
  g_assert_cmpstr (f1.base, !=, f2.base);

  put = sbt_put_assignment (&f1, ORDER_UNASSIGNED, "\"1\"", "{" EC ("acme-industrie.fr", "DEFAULT") ", " TERMS "}",
                            &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpint (sbt_order_version (&f1, ORDER_UNASSIGNED), ==, 2);
  g_assert_cmpint (sbt_order_version (&f2, ORDER_UNASSIGNED), ==, 1);

  /* a token of one server means nothing to the other */
  {
    g_autoptr(JsonNode) node = sbt_call (f2.session, f2.base, f1.token, "GET", "/v1/profile", NULL, &status, NULL);

    sbt_assert_error (node, status, 401, "UNAUTHENTICATED");
  }

  /* stop is idempotent, and the data persist: no reload on the second start */
  sa_sandbox_thread_stop (f1.sandbox);
  sa_sandbox_thread_stop (f1.sandbox);
  g_clear_object (&f1.sandbox);
  sbt_fixture_start (&f1);
  g_assert_cmpint (sbt_order_version (&f1, ORDER_UNASSIGNED), ==, 2);

  sbt_fixture_tear_down (&f1, NULL);
  sbt_fixture_tear_down (&f2, NULL);
}

static void
on_started (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  SaSandboxThread **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = sa_sandbox_thread_start_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_start_async (void)
{
  SbtFixture f = { 0 };

  f.dir = sbt_make_dir ();
  sa_sandbox_thread_start_async (f.dir, NULL, on_started, &f.sandbox);
  while (f.sandbox == NULL)
    g_main_context_iteration (NULL, TRUE);

  sbt_fixture_sign_in (&f);
  g_assert_cmpint (sbt_order_count (&f), ==, N_VISIBLE_ORDERS);

  sbt_fixture_tear_down (&f, NULL);
}

static void
test_start_failure (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = sbt_make_dir ();
  g_autofree char *file = g_build_filename (dir, "not-a-dir", NULL);
  g_autoptr(SaSandboxThread) sandbox = NULL;

  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  sandbox = sa_sandbox_thread_start (file, &error);
  g_assert_null (sandbox);
  g_assert_nonnull (error);
  sbt_remove_tree (dir);
}

/* The app's limits (issue 12, memory flat at 100k), in a process of its own:
 * taken before any connection, they cap what the sandbox's connections ask
 * for (a mapped database, an unbounded heap); later they can no longer turn
 * the mapping off. */
static void
test_limit_memory (void)
{
  if (g_test_subprocess ())
    {
      sqlite3 *db = NULL;
      sqlite3_stmt *stmt = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = sbt_make_dir ();
      g_autofree char *path = g_build_filename (dir, "limits.db", NULL);

      g_assert_true (sa_sandbox_thread_limit_memory ());
      g_assert_cmpint (sqlite3_soft_heap_limit64 (-1), ==, 8 * 1024 * 1024);

      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_true (sa_sandbox_db_setup (db, &error));
      g_assert_no_error (error);
      g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA mmap_size", -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, 0);
      sqlite3_finalize (stmt);
      sqlite3_close (db);
      g_unlink (path);
      g_rmdir (dir);

      g_assert_false (sa_sandbox_thread_limit_memory ());
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sandbox/thread/two-at-once-and-persistence", test_two_sandboxes);
  g_test_add_func ("/sandbox/thread/start-async", test_start_async);
  g_test_add_func ("/sandbox/thread/start-failure", test_start_failure);
  g_test_add_func ("/sandbox/thread/limit-memory", test_limit_memory);

  return g_test_run ();
}
