/* test-ui-watch-requests.c — the watch following the two requests end to end
 * with the Cisco (practice) connection on the embedded sandbox (issue 10)
 *
 * The sandbox plays the portal and the other people: the Desk client sends
 * the request as the practice portal would, then the training controls play
 * the customer who accepts (POST /sandbox/account-requests/{id}/accept), the
 * administrator who decides (POST /sandbox/access-requests/{id}/decide) and
 * the passing days (POST /sandbox/clock). The watch reads Cisco's APIs only;
 * SaWatchNotifier's "notified" captures what the user would be told.
 *
 * - a Smart Account request handed off: seen Pending, then the customer
 *   accepts → confirmed, "Smart Account Active";
 * - a Smart Account request never accepted, the sandbox clock moved on (the
 *   watch counting from the sandbox's clock): 14 days left, 3 days left, then
 *   at 90 days expired, each notified once; a watch on the real clock sees
 *   the account it saw Pending gone from Cisco's search: expired too;
 * - an access request handed off, approved by the administrator → access
 *   granted, "Access Granted".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sa-cisco.h"
#include "sa-desk-training.h"
#include "sa-sandbox-server.h"
#include "sa-ui-test-util.h"
#include "sa-watch-notifier.h"
#include "sa-watch-private.h"

#define VIGNETI_DOMAIN "vigneti-colli.example"
#define VIGNETI_NAME   "Vigneti dei Colli S.r.l."

static SaTestSandbox *sandbox;
static SaClient *cisco;
static char *journal_dir;

typedef struct
{
  GPtrArray *titles;
} Captured;

static void
on_notified (SaWatchNotifier *notifier,
             SaHandOff       *hand_off,
             const char      *id,
             const char      *title,
             const char      *body,
             GNotification   *notification,
             Captured        *captured)
{
  g_test_message ("notified %s: %s — %s", id, title, body);
  g_ptr_array_add (captured->titles, g_strdup (title));
}

static guint
count_title (Captured   *captured,
             const char *title)
{
  guint n = 0;

  for (guint i = 0; i < captured->titles->len; i++)
    if (g_strcmp0 (captured->titles->pdata[i], title) == 0)
      n++;
  return n;
}

typedef struct
{
  Captured   *captured;
  const char *title;
} TitleQuery;

static gboolean
title_captured (gpointer user_data)
{
  TitleQuery *query = user_data;

  return count_title (query->captured, query->title) > 0;
}

/* The practice portal's part: the request sent on the sandbox. */
static SaAccountRequest *
send_account_request (const char *name,
                      const char *email,
                      const char *domain)
{
  const char * const users[] = { NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SaAccountRequest *request;

  sa_client_create_account_request_async (sandbox->client, name, email, domain, NULL, users, NULL,
                                          NULL, sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  request = sa_client_create_account_request_finish (sandbox->client, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (request);
  return request;
}

static SaHandOff *
account_hand_off (const char *name,
                  const char *email,
                  const char *domain)
{
  SaHandOff *hand_off = sa_hand_off_new (SA_HAND_OFF_REQUEST_SMART_ACCOUNT, domain);

  sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_DOMAIN, domain);
  sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_ACCOUNT_NAME, name);
  sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_CUSTOMER_EMAIL, email);
  sa_hand_off_set_state (hand_off, SA_HAND_OFF_STATE_HANDED_OFF);
  return hand_off;
}

static SaWatch *
new_watch (SaJournal        *journal,
           Captured         *captured,
           SaWatchNotifier **notifier)
{
  SaWatch *watch = sa_watch_new (cisco, journal, NULL);

  sa_watch_set_interval (watch, 200);
  *notifier = sa_watch_notifier_new (NULL, watch);
  g_signal_connect (*notifier, "notified", G_CALLBACK (on_notified), captured);
  return watch;
}

/* Procedure 3: handed off, seen Pending, accepted → confirmed, notified. */
static void
test_account_accepted (void)
{
  static const char domain[] = "watch-accepted.example";
  g_autoptr(SaJournal) journal = sa_test_open_journal (journal_dir, "accepted.sqlite3");
  g_autoptr(SaAccountRequest) request = send_account_request ("Watch Accepted", "it@watch-accepted.example", domain);
  g_autoptr(SaHandOff) hand_off = account_hand_off ("Watch Accepted", "it@watch-accepted.example", domain);
  g_autoptr(SaWatchNotifier) notifier = NULL;
  g_autoptr(SaWatch) watch = NULL;
  g_autoptr(SaAccountRequest) accepted = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SaHandOff) done = NULL;
  Captured captured = { g_ptr_array_new_with_free_func (g_free) };
  TitleQuery active = { &captured, "Smart Account Active" };
  SaTestHandOffState state = { journal, 0, SA_HAND_OFF_STATE_OBSERVED_PARTLY };

  sa_test_add_hand_off (journal, hand_off);
  state.id = sa_hand_off_get_id (hand_off);
  watch = new_watch (journal, &captured, &notifier);
  sa_watch_start (watch);

  /* The account appears in Cisco's search, Pending customer acceptance. */
  g_assert_true (sa_test_wait_until (sa_test_hand_off_state_reached, &state, 30000));
  g_assert_cmpuint (captured.titles->len, ==, 0);

  /* The customer accepts (the training control), the watch confirms. */
  sa_desk_client_sandbox_accept_account_request_async (SA_DESK_CLIENT (sandbox->client),
                                                       sa_account_request_get_id (request), NULL,
                                                       sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  accepted = sa_desk_client_sandbox_accept_account_request_finish (SA_DESK_CLIENT (sandbox->client), result, &error);
  g_assert_no_error (error);
  sa_watch_check_now (watch);

  state.state = SA_HAND_OFF_STATE_CONFIRMED;
  g_assert_true (sa_test_wait_until (sa_test_hand_off_state_reached, &state, 30000));
  g_assert_true (sa_test_wait_until (title_captured, &active, 30000));
  done = sa_test_find_hand_off (journal, state.id);
  g_assert_nonnull (sa_hand_off_find_observation (done, SA_OBSERVATION_ACCOUNT_PENDING));
  g_assert_nonnull (sa_hand_off_find_observation (done, SA_OBSERVATION_ACCOUNT_ACTIVE));

  /* Confirmed once, notified once. */
  sa_watch_check_now (watch);
  sa_test_wait_ms (1000);
  g_assert_cmpuint (count_title (&captured, "Smart Account Active"), ==, 1);

  sa_watch_stop (watch);
  g_ptr_array_unref (captured.titles);
}

static GDateTime *
advance_clock (guint days)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GDateTime *now;

  sa_desk_client_sandbox_advance_clock_async (SA_DESK_CLIENT (sandbox->client), days, NULL,
                                              sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  now = sa_desk_client_sandbox_advance_clock_finish (SA_DESK_CLIENT (sandbox->client), result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (now);
  return now;
}

static GDateTime *
sandbox_clock (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GDateTime *now;

  sa_desk_client_sandbox_get_clock_async (SA_DESK_CLIENT (sandbox->client), NULL, sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  now = sa_desk_client_sandbox_get_clock_finish (SA_DESK_CLIENT (sandbox->client), result, &error);
  g_assert_no_error (error);
  return now;
}

/* Moves the sandbox's clock on by @days, the watch's with it, and checks. */
static void
days_pass (SaWatch *watch,
           guint    days)
{
  g_autoptr(GDateTime) now = advance_clock (days);

  sa_watch_set_now (watch, now);
  sa_watch_check_now (watch);
}

/* Procedure 3, never accepted: 14 and 3 days left, then expired at 90 days,
 * the days counted by the sandbox's clock. Runs last: the clock stays on. */
static void
test_account_expired (void)
{
  static const char domain[] = "watch-expired.example";
  g_autoptr(SaJournal) journal = sa_test_open_journal (journal_dir, "expired.sqlite3");
  g_autoptr(SaAccountRequest) request = send_account_request ("Watch Expired", "it@watch-expired.example", domain);
  g_autoptr(SaHandOff) hand_off = account_hand_off ("Watch Expired", "it@watch-expired.example", domain);
  g_autoptr(GDateTime) start = sandbox_clock ();
  g_autoptr(SaWatchNotifier) notifier = NULL;
  g_autoptr(SaWatch) watch = NULL;
  g_autoptr(SaHandOff) done = NULL;
  Captured captured = { g_ptr_array_new_with_free_func (g_free) };
  TitleQuery fourteen = { &captured, "Smart Account Request: 14 Days Left" };
  TitleQuery three = { &captured, "Smart Account Request: 3 Days Left" };
  TitleQuery expired = { &captured, "Smart Account Request Expired" };
  SaTestHandOffState state = { journal, 0, SA_HAND_OFF_STATE_OBSERVED_PARTLY };

  /* A second request, followed by a watch on the real clock. */
  g_autoptr(SaJournal) real_journal = sa_test_open_journal (journal_dir, "expired-real-clock.sqlite3");
  g_autoptr(SaAccountRequest) lapsing = send_account_request ("Watch Lapsed", "it@watch-lapsed.example",
                                                              "watch-lapsed.example");
  g_autoptr(SaHandOff) lapsed = account_hand_off ("Watch Lapsed", "it@watch-lapsed.example", "watch-lapsed.example");
  g_autoptr(SaWatchNotifier) real_notifier = NULL;
  g_autoptr(SaWatch) real_watch = NULL;
  Captured real_captured = { g_ptr_array_new_with_free_func (g_free) };
  TitleQuery real_expired = { &real_captured, "Smart Account Request Expired" };
  SaTestHandOffState real_state = { real_journal, 0, SA_HAND_OFF_STATE_OBSERVED_PARTLY };

  sa_test_add_hand_off (real_journal, lapsed);
  real_state.id = sa_hand_off_get_id (lapsed);
  real_watch = new_watch (real_journal, &real_captured, &real_notifier);
  sa_watch_start (real_watch);
  g_assert_true (sa_test_wait_until (sa_test_hand_off_state_reached, &real_state, 30000));

  sa_hand_off_set_handed_off (hand_off, start);
  sa_test_add_hand_off (journal, hand_off);
  state.id = sa_hand_off_get_id (hand_off);
  watch = new_watch (journal, &captured, &notifier);
  sa_watch_set_now (watch, start);
  sa_watch_start (watch);
  g_assert_true (sa_test_wait_until (sa_test_hand_off_state_reached, &state, 30000));

  /* Day 76: 14 days left. */
  days_pass (watch, 76);
  g_assert_true (sa_test_wait_until (title_captured, &fourteen, 30000));
  g_assert_cmpuint (count_title (&captured, three.title), ==, 0);

  /* Day 87: 3 days left. */
  days_pass (watch, 11);
  g_assert_true (sa_test_wait_until (title_captured, &three, 30000));
  g_assert_cmpuint (count_title (&captured, expired.title), ==, 0);

  /* Day 90: the sandbox lets the request lapse; expired. */
  days_pass (watch, 3);
  state.state = SA_HAND_OFF_STATE_EXPIRED;
  g_assert_true (sa_test_wait_until (sa_test_hand_off_state_reached, &state, 30000));
  g_assert_true (sa_test_wait_until (title_captured, &expired, 30000));
  done = sa_test_find_hand_off (journal, state.id);
  g_assert_nonnull (sa_hand_off_find_observation (done, SA_OBSERVATION_EXPIRED));
  {
    g_autoptr(SaSmartAccount) gone = sa_test_search_account (sandbox->client, domain, NULL);

    g_assert_true (gone == NULL || sa_smart_account_get_status (gone) == SA_ACCOUNT_STATUS_EXPIRED);
  }

  /* The watch on the real clock (the app's, in practice): the account it
   * saw Pending is gone from Cisco's search, so the request expired. */
  sa_watch_check_now (real_watch);
  real_state.state = SA_HAND_OFF_STATE_EXPIRED;
  g_assert_true (sa_test_wait_until (sa_test_hand_off_state_reached, &real_state, 30000));
  g_assert_true (sa_test_wait_until (title_captured, &real_expired, 30000));
  sa_watch_stop (real_watch);
  g_ptr_array_unref (real_captured.titles);

  /* Each said once. */
  sa_watch_check_now (watch);
  sa_test_wait_ms (1000);
  g_assert_cmpuint (count_title (&captured, fourteen.title), ==, 1);
  g_assert_cmpuint (count_title (&captured, three.title), ==, 1);
  g_assert_cmpuint (count_title (&captured, expired.title), ==, 1);

  sa_watch_stop (watch);
  g_ptr_array_unref (captured.titles);
  (void) request;
  (void) lapsing;
}

/* Procedure 4: handed off, approved by the administrator → access granted. */
static void
test_access_granted (void)
{
  g_autoptr(SaJournal) journal = sa_test_open_journal (journal_dir, "access.sqlite3");
  g_autoptr(SaHandOff) hand_off = sa_hand_off_new (SA_HAND_OFF_REQUEST_ACCESS, VIGNETI_DOMAIN);
  g_autoptr(SaWatchNotifier) notifier = NULL;
  g_autoptr(SaWatch) watch = NULL;
  g_autoptr(SaAccessRequest) request = NULL;
  g_autoptr(SaAccessRequest) decided = NULL;
  g_autoptr(SaHandOff) done = NULL;
  g_autoptr(GError) error = NULL;
  Captured captured = { g_ptr_array_new_with_free_func (g_free) };
  TitleQuery granted = { &captured, "Access Granted" };
  SaTestHandOffState state = { journal, 0, SA_HAND_OFF_STATE_CONFIRMED };
  SaSmartAccount *account;

  /* The practice portal's part: the request sent on the sandbox. */
  {
    g_autoptr(GAsyncResult) found = NULL;
    g_autoptr(GListModel) candidates = NULL;
    g_autoptr(GAsyncResult) result = NULL;

    sa_client_find_access_candidates_async (sandbox->client, VIGNETI_DOMAIN, NULL, sa_test_async_ready_cb, NULL);
    found = sa_test_wait_for_result ();
    candidates = sa_client_find_access_candidates_finish (sandbox->client, found, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (candidates), ==, 1);
    account = g_list_model_get_item (candidates, 0);

    sa_client_create_access_request_async (sandbox->client, VIGNETI_DOMAIN, sa_smart_account_get_id (account),
                                           "Partner in charge of the vineyard's network.", NULL,
                                           sa_test_async_ready_cb, NULL);
    result = sa_test_wait_for_result ();
    request = sa_client_create_access_request_finish (sandbox->client, result, NULL, &error);
    g_assert_no_error (error);
  }
  g_clear_object (&account);

  sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_DOMAIN, VIGNETI_DOMAIN);
  sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_ACCOUNT_NAME, VIGNETI_NAME);
  sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_REASON, "Partner in charge of the vineyard's network.");
  sa_hand_off_set_state (hand_off, SA_HAND_OFF_STATE_HANDED_OFF);
  sa_test_add_hand_off (journal, hand_off);
  state.id = sa_hand_off_get_id (hand_off);

  watch = new_watch (journal, &captured, &notifier);
  sa_watch_start (watch);
  sa_test_wait_ms (1000);
  {
    g_autoptr(SaHandOff) waiting = sa_test_find_hand_off (journal, state.id);

    g_assert_cmpint (sa_hand_off_get_state (waiting), !=, SA_HAND_OFF_STATE_CONFIRMED);
  }

  /* The administrator approves (the training control). */
  {
    g_autoptr(GAsyncResult) result = NULL;

    sa_desk_client_sandbox_decide_access_request_async (SA_DESK_CLIENT (sandbox->client),
                                                        sa_access_request_get_id (request), TRUE, NULL,
                                                        sa_test_async_ready_cb, NULL);
    result = sa_test_wait_for_result ();
    decided = sa_desk_client_sandbox_decide_access_request_finish (SA_DESK_CLIENT (sandbox->client), result, &error);
    g_assert_no_error (error);
  }
  sa_watch_check_now (watch);

  g_assert_true (sa_test_wait_until (sa_test_hand_off_state_reached, &state, 30000));
  g_assert_true (sa_test_wait_until (title_captured, &granted, 30000));
  done = sa_test_find_hand_off (journal, state.id);
  g_assert_nonnull (sa_hand_off_find_observation (done, SA_OBSERVATION_ACCESS_GRANTED));

  sa_watch_stop (watch);
  g_ptr_array_unref (captured.titles);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  sa_test_init_gtk (&argc, &argv);
  sandbox = sa_test_sandbox_new ();
  cisco = sa_test_new_practice_client (sandbox);
  journal_dir = g_dir_make_tmp ("sa-watch-requests-test-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/watch-requests/account-accepted", test_account_accepted);
  g_test_add_func ("/ui/watch-requests/access-granted", test_access_granted);
  /* Last: it moves the sandbox's clock 90 days on. */
  g_test_add_func ("/ui/watch-requests/account-expired", test_account_expired);

  ret = g_test_run ();

  g_clear_object (&cisco);
  sa_test_sandbox_free (sandbox);

  return ret;
}
