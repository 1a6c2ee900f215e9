/* test-access-request-monitor.c — the access-request monitor with GIO only:
 * a back end of the tests' own (core-test-backend.c) and a network monitor
 * the test switches on and off
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "core-test-backend.h"
#include "core-test-util.h"
#include "sa-access-request-monitor-private.h"

#define WAIT_SECONDS 10

/* ------------------------------------------------------------------------ */
/* Helpers */

static gboolean
on_wait_timeout (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until *@flag is TRUE; fails after WAIT_SECONDS. */
static void
wait_until (gboolean *flag)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_SECONDS, on_wait_timeout, &timed_out);

  while (!*flag && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Nothing happened within %d s", WAIT_SECONDS);

  g_source_remove (timeout_id);
}

/* Runs the main loop for @ms milliseconds. */
static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_wait_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static GListModel *
list_of (SaAccessRequest *first,
         ...)
{
  GListStore *store = g_list_store_new (SA_TYPE_ACCESS_REQUEST);
  va_list args;

  va_start (args, first);
  for (SaAccessRequest *request = first; request != NULL; request = va_arg (args, SaAccessRequest *))
    {
      g_list_store_append (store, request);
      g_object_unref (request);
    }
  va_end (args);

  return G_LIST_MODEL (store);
}

typedef struct
{
  guint            n_decisions;
  guint            n_updates;
  SaAccessRequest *request;
  GNotification   *notification;
  gboolean         updated;
} Seen;

static void
seen_clear (Seen *seen)
{
  g_clear_object (&seen->request);
  g_clear_object (&seen->notification);
}

static void
on_decision (SaAccessRequestMonitor *monitor,
             SaAccessRequest        *request,
             GNotification          *notification,
             Seen                   *seen)
{
  seen->n_decisions++;
  g_set_object (&seen->request, request);
  g_set_object (&seen->notification, notification);
}

static void
on_updated (SaAccessRequestMonitor *monitor,
            GListModel             *requests,
            Seen                   *seen)
{
  seen->n_updates++;
  seen->updated = TRUE;
}

static gboolean
get_paused (SaAccessRequestMonitor *monitor)
{
  gboolean paused = FALSE;

  g_object_get (monitor, "paused", &paused, NULL);
  return paused;
}

/* ------------------------------------------------------------------------ */
/* Tests */

/* A request fed as Pending, then listed as Approved: one decision, with a
 * notification naming the Smart Account; then nothing is pending, nothing
 * more is scheduled. */
static void
test_decision (void)
{
  g_autoptr(CoreTestBackend) backend = core_test_backend_new ("https://desk.example.com/");
  g_autoptr(CoreTestNetwork) network = g_object_new (CORE_TEST_TYPE_NETWORK, NULL);
  g_autoptr(SaAccessRequestMonitor) monitor = NULL;
  g_autoptr(GListModel) pending = list_of (core_test_access_request_new ("XR-1", "PENDING"),
                                           core_test_access_request_new ("XR-2", "DENIED"), NULL);
  g_autoptr(GListModel) approved = list_of (core_test_access_request_new ("XR-1", "APPROVED"),
                                            core_test_access_request_new ("XR-2", "DENIED"), NULL);
  Seen seen = { 0 };

  monitor = sa_access_request_monitor_new (SA_CLIENT (backend), G_NETWORK_MONITOR (network));
  g_signal_connect (monitor, "decision", G_CALLBACK (on_decision), &seen);
  g_signal_connect (monitor, "updated", G_CALLBACK (on_updated), &seen);
  sa_access_request_monitor_set_interval (monitor, 20);
  g_assert_false (get_paused (monitor));
  g_assert_false (sa_access_request_monitor_get_scheduled (monitor));

  /* What the Access requests view loaded: one pending, so checks start. */
  sa_access_request_monitor_feed (monitor, pending);
  g_assert_cmpuint (sa_access_request_monitor_get_n_pending (monitor), ==, 1);
  g_assert_true (sa_access_request_monitor_get_scheduled (monitor));
  g_assert_cmpuint (seen.n_decisions, ==, 0);

  core_test_backend_push_access_requests (backend, approved);
  wait_until (&seen.updated);

  g_assert_cmpuint (seen.n_decisions, ==, 1);
  g_assert_cmpstr (sa_access_request_get_id (seen.request), ==, "XR-1");
  g_assert_cmpint (sa_access_request_get_status (seen.request), ==, SA_ACCESS_REQUEST_STATUS_APPROVED);
  g_assert_nonnull (seen.notification);
  g_assert_cmpuint (sa_access_request_monitor_get_n_pending (monitor), ==, 0);
  g_assert_false (sa_access_request_monitor_get_scheduled (monitor));

  /* The denied request was never pending here: no decision for it. The same
   * list again gives nothing new. */
  sa_access_request_monitor_feed (monitor, approved);
  g_assert_cmpuint (seen.n_decisions, ==, 1);

  seen_clear (&seen);
}

/* A denial is a decision too; a stopped monitor plans nothing. */
static void
test_denied (void)
{
  g_autoptr(CoreTestBackend) backend = core_test_backend_new ("http://127.0.0.1:9/");
  g_autoptr(CoreTestNetwork) network = g_object_new (CORE_TEST_TYPE_NETWORK, NULL);
  g_autoptr(SaAccessRequestMonitor) monitor = NULL;
  g_autoptr(GListModel) pending = list_of (core_test_access_request_new ("XR-1", "PENDING"), NULL);
  g_autoptr(GListModel) denied = list_of (core_test_access_request_new ("XR-1", "DENIED"), NULL);
  Seen seen = { 0 };

  monitor = sa_access_request_monitor_new (SA_CLIENT (backend), G_NETWORK_MONITOR (network));
  g_signal_connect (monitor, "decision", G_CALLBACK (on_decision), &seen);

  sa_access_request_monitor_feed (monitor, pending);
  sa_access_request_monitor_feed (monitor, denied);
  g_assert_cmpuint (seen.n_decisions, ==, 1);
  g_assert_cmpint (sa_access_request_get_status (seen.request), ==, SA_ACCESS_REQUEST_STATUS_DENIED);
  g_assert_true (G_IS_NOTIFICATION (seen.notification));

  sa_access_request_monitor_stop (monitor);
  g_assert_false (sa_access_request_monitor_get_scheduled (monitor));
  seen_clear (&seen);
}

/* A failing back end: the wait doubles after each failure up to the cap,
 * then a success brings the normal interval back. */
static void
test_back_off (void)
{
  g_autoptr(CoreTestBackend) backend = core_test_backend_new ("https://desk.example.com/");
  g_autoptr(CoreTestNetwork) network = g_object_new (CORE_TEST_TYPE_NETWORK, NULL);
  g_autoptr(SaAccessRequestMonitor) monitor = NULL;
  g_autoptr(GListModel) pending = list_of (core_test_access_request_new ("XR-1", "PENDING"), NULL);
  guint max_interval = 0;
  Seen seen = { 0 };

  monitor = sa_access_request_monitor_new (SA_CLIENT (backend), G_NETWORK_MONITOR (network));
  g_signal_connect (monitor, "updated", G_CALLBACK (on_updated), &seen);
  g_object_set (monitor, "interval", 10, "max-interval", 40, NULL);
  g_object_get (monitor, "max-interval", &max_interval, NULL);
  g_assert_cmpuint (max_interval, ==, 40);

  core_test_backend_push_error (backend, SA_CLIENT_ERROR_SERVER_ERROR);
  core_test_backend_push_error (backend, SA_CLIENT_ERROR_NETWORK);
  core_test_backend_push_error (backend, SA_CLIENT_ERROR_TIMEOUT);
  core_test_backend_push_access_requests (backend, pending);

  sa_access_request_monitor_check_now (monitor);
  while (core_test_backend_get_n_list_calls (backend) < 3)
    g_main_context_iteration (NULL, TRUE);
  /* Three failures: 10 → 20 → 40 → 40 (the cap). */
  while (sa_access_request_monitor_get_current_interval (monitor) < 40)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (sa_access_request_monitor_get_current_interval (monitor), ==, 40);
  g_assert_cmpuint (seen.n_updates, ==, 0);

  wait_until (&seen.updated);
  g_assert_cmpuint (sa_access_request_monitor_get_current_interval (monitor), ==, 10);
  g_assert_cmpuint (sa_access_request_monitor_get_n_pending (monitor), ==, 1);

  sa_access_request_monitor_stop (monitor);
}

/* Offline, checks pause — unless the server is on this computer. A host
 * name that only starts like a loopback address is not on this computer. */
static void
test_offline (void)
{
  const struct {
    const char *uri;
    gboolean    local;
  } servers[] = {
    { "http://127.0.0.1:41234/", TRUE },
    { "http://localhost:8080/", TRUE },
    { "http://[::1]:8080/", TRUE },
    { "https://127.example.com/", FALSE },
    { "https://desk.example.com/", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (servers); i++)
    {
      g_autoptr(CoreTestBackend) backend = core_test_backend_new (servers[i].uri);
      g_autoptr(CoreTestNetwork) network = g_object_new (CORE_TEST_TYPE_NETWORK, NULL);
      g_autoptr(SaAccessRequestMonitor) monitor = NULL;
      g_autoptr(GListModel) pending = list_of (core_test_access_request_new ("XR-1", "PENDING"), NULL);
      guint calls;

      g_test_message ("%s", servers[i].uri);
      core_test_network_set_available (network, FALSE);  /* before the monitor sees it */
      monitor = sa_access_request_monitor_new (SA_CLIENT (backend), G_NETWORK_MONITOR (network));
      sa_access_request_monitor_set_interval (monitor, 10);
      g_assert_cmpint (get_paused (monitor), ==, !servers[i].local);

      sa_access_request_monitor_feed (monitor, pending);
      g_assert_cmpint (sa_access_request_monitor_get_scheduled (monitor), ==, servers[i].local);
      run_for (50);
      calls = core_test_backend_get_n_list_calls (backend);
      if (servers[i].local)
        g_assert_cmpuint (calls, >, 0);
      else
        g_assert_cmpuint (calls, ==, 0);

      /* Back online: a check at once, then on schedule. */
      core_test_network_set_available (network, TRUE);
      g_assert_false (get_paused (monitor));
      run_for (50);
      g_assert_cmpuint (core_test_backend_get_n_list_calls (backend), >, calls);

      /* Offline again: paused (or not) again. */
      core_test_network_set_available (network, FALSE);
      g_assert_cmpint (get_paused (monitor), ==, !servers[i].local);
      if (!servers[i].local)
        g_assert_false (sa_access_request_monitor_get_scheduled (monitor));

      sa_access_request_monitor_stop (monitor);
    }
}

/* The monitor only needs the boundary: with a back end that cannot list
 * access requests, it backs off quietly. */
static void
test_not_supported (void)
{
  g_autoptr(CoreTestBackend) backend = core_test_backend_new ("https://desk.example.com/");
  g_autoptr(CoreTestNetwork) network = g_object_new (CORE_TEST_TYPE_NETWORK, NULL);
  g_autoptr(SaAccessRequestMonitor) monitor = NULL;

  monitor = sa_access_request_monitor_new (SA_CLIENT (backend), G_NETWORK_MONITOR (network));
  g_object_set (monitor, "interval", 10, "max-interval", 20, NULL);
  core_test_backend_push_error (backend, SA_CLIENT_ERROR_NOT_SUPPORTED);

  sa_access_request_monitor_check_now (monitor);
  while (sa_access_request_monitor_get_current_interval (monitor) < 20)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (sa_access_request_monitor_get_scheduled (monitor));

  sa_access_request_monitor_stop (monitor);
  g_assert_false (sa_access_request_monitor_get_scheduled (monitor));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/access-request-monitor/decision", test_decision);
  g_test_add_func ("/core/access-request-monitor/denied", test_denied);
  g_test_add_func ("/core/access-request-monitor/back-off", test_back_off);
  g_test_add_func ("/core/access-request-monitor/offline", test_offline);
  g_test_add_func ("/core/access-request-monitor/not-supported", test_not_supported);

  return g_test_run ();
}
