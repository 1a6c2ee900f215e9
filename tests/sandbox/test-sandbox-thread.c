/* test-sandbox-thread.c — the sandbox in a thread of its own (as the app
 * runs it): two at once, persistence, asynchronous start, a start that fails
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sandbox/thread/two-at-once-and-persistence", test_two_sandboxes);
  g_test_add_func ("/sandbox/thread/start-async", test_start_async);
  g_test_add_func ("/sandbox/thread/start-failure", test_start_failure);

  return g_test_run ();
}
