/* test-watch.c — the watch's decisions for each procedure, driven by a back
 * end of the tests' own and a clock they set: an order's status then its
 * licenses (confirmed, landed elsewhere, a Pending account turning Active),
 * the DEFAULT → double-byte Virtual Account transfer, a Smart Account
 * request's 14/3-day warnings and 90-day expiry, an access request's 7-day
 * reminder; each signal once; a restart in the middle of a watch; back-off,
 * offline pause, bounded rounds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "core-test-backend.h"
#include "journal-test-backend.h"
#include "journal-test-util.h"
#include "sa-watch-private.h"

#define ORDER  "104857601"
#define DOMAIN "acme-industrie.fr"
#define TOKYO  "東京支社"

typedef struct
{
  char               *dir;
  char               *path;
  SaJournal          *journal;
  JournalTestBackend *backend;
  CoreTestNetwork *network;
  SaWatch            *watch;
  GString            *log;        /* "signal:subject;" for each signal */
  GListModel         *licenses;   /* the last signal's licenses */
  guint               days;       /* the last expiry-near's days */
} Fixture;

static void
on_signal (SaWatch   *watch,
           SaHandOff *hand_off,
           gpointer   user_data)
{
  Fixture *fixture = user_data;
  const char *name = g_signal_name (g_signal_get_invocation_hint (watch)->signal_id);

  g_assert_cmpint (sa_hand_off_get_id (hand_off), >, 0);
  g_string_append_printf (fixture->log, "%s:%s;", name, sa_hand_off_get_subject (hand_off));
}

static void
on_licenses_signal (SaWatch    *watch,
                    SaHandOff  *hand_off,
                    GListModel *licenses,
                    gpointer    user_data)
{
  Fixture *fixture = user_data;

  g_set_object (&fixture->licenses, licenses);
  on_signal (watch, hand_off, user_data);
}

static void
on_expiry_near (SaWatch   *watch,
                SaHandOff *hand_off,
                guint      days,
                gpointer   user_data)
{
  Fixture *fixture = user_data;

  fixture->days = days;
  on_signal (watch, hand_off, user_data);
}

static void
make_watch (Fixture *fixture)
{
  fixture->watch = sa_watch_new (SA_CLIENT (fixture->backend), fixture->journal,
                                 G_NETWORK_MONITOR (fixture->network));
  /* Rounds only when a test asks (check_now, start), never by the timer. */
  sa_watch_set_interval (fixture->watch, 60 * 60 * 1000);
  g_signal_connect (fixture->watch, "confirmed", G_CALLBACK (on_signal), fixture);
  g_signal_connect (fixture->watch, "account-active", G_CALLBACK (on_signal), fixture);
  g_signal_connect (fixture->watch, "expired", G_CALLBACK (on_signal), fixture);
  g_signal_connect (fixture->watch, "suggest-reminder", G_CALLBACK (on_signal), fixture);
  g_signal_connect (fixture->watch, "landed-elsewhere", G_CALLBACK (on_licenses_signal), fixture);
  g_signal_connect (fixture->watch, "transfer-ready", G_CALLBACK (on_licenses_signal), fixture);
  g_signal_connect (fixture->watch, "expiry-near", G_CALLBACK (on_expiry_near), fixture);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = journal_test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "journal.sqlite3", NULL);
  fixture->journal = sa_journal_new (fixture->path);
  fixture->backend = journal_test_backend_new (data != NULL ? data : "https://swapi.cisco.example/services");
  fixture->network = g_object_new (CORE_TEST_TYPE_NETWORK, NULL);
  fixture->log = g_string_new (NULL);
  make_watch (fixture);
}

static void
drop (gpointer pointer)
{
  GObject **object = pointer;
  GObject *weak = *object;

  if (weak == NULL)
    return;
  g_object_add_weak_pointer (weak, (gpointer *) &weak);
  g_clear_object (object);
  while (weak != NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  drop (&fixture->watch);
  drop (&fixture->journal);
  g_clear_object (&fixture->backend);
  g_clear_object (&fixture->network);
  g_clear_object (&fixture->licenses);
  g_string_free (fixture->log, TRUE);
  journal_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static gboolean
round_over (gpointer data)
{
  return !sa_watch_get_in_round (SA_WATCH (data));
}

/* A round for every open hand-off at @now, waited for. */
static void
check_at (Fixture   *fixture,
          GDateTime *now)
{
  sa_watch_set_now (fixture->watch, now);
  sa_watch_check_now (fixture->watch);
  g_assert_true (journal_test_run_until (round_over, fixture->watch, 10000));
}

static gint64
add (Fixture   *fixture,
     SaHandOff *hand_off)
{
  g_autoptr(GError) error = NULL;
  gint64 id = journal_test_add (fixture->journal, hand_off, &error);

  g_assert_no_error (error);
  return id;
}

static SaHandOff *
read_back (Fixture *fixture,
           gint64   id)
{
  SaHandOff *hand_off = journal_test_find (fixture->journal, id);

  g_assert_nonnull (hand_off);
  return hand_off;
}

static void
set_licenses (Fixture   *fixture,
              SaLicense *first,
              ...)
{
  g_autoptr(GListStore) store = g_list_store_new (SA_TYPE_LICENSE);
  va_list args;

  va_start (args, first);
  for (SaLicense *license = first; license != NULL; license = va_arg (args, SaLicense *))
    {
      g_list_store_append (store, license);
      g_object_unref (license);
    }
  va_end (args);
  journal_test_backend_set_licenses (fixture->backend, G_LIST_MODEL (g_steal_pointer (&store)));
}

static void
set_order (Fixture       *fixture,
           SaOrderStatus  status,
           const char    *text)
{
  g_autoptr(SaOrder) order = journal_test_order_new (ORDER, status, text);

  journal_test_backend_add_order (fixture->backend, order);
}

/* ------------------------------------------------------------------------ */
/* Procedures 1 and 2 */

static void
test_assign_confirmed (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GDateTime) handed = journal_test_date (2026, 11, 24);
  g_autoptr(GDateTime) day2 = g_date_time_add_days (handed, 1);
  g_autoptr(GDateTime) day3 = g_date_time_add_days (handed, 2);
  g_autoptr(GDateTime) day4 = g_date_time_add_days (handed, 3);
  g_autoptr(SaHandOff) hand_off = journal_test_assign (ORDER, DOMAIN, "Paris", NULL, handed);
  g_autoptr(SaHandOff) read = NULL;
  gint64 id = add (fixture, hand_off);
  guint calls;

  /* Booked: its status is noted, nothing else is read. */
  set_order (fixture, SA_ORDER_STATUS_BOOKED, "Booked");
  check_at (fixture, day2);
  read = read_back (fixture, id);
  g_assert_cmpint (sa_hand_off_get_state (read), ==, SA_HAND_OFF_STATE_HANDED_OFF);
  g_assert_cmpstr (sa_hand_off_observation_get_text (sa_hand_off_find_observation (read, SA_OBSERVATION_ORDER_STATUS)),
                   ==, "Booked");
  g_assert_true (g_date_time_equal (sa_hand_off_get_last_checked (read), day2));
  g_assert_cmpuint (journal_test_backend_get_calls (fixture->backend, JOURNAL_TEST_LICENSES_BY_ORDER), ==, 0);
  g_clear_object (&read);

  /* The same status again is not noted twice. */
  check_at (fixture, day2);
  read = read_back (fixture, id);
  g_assert_cmpuint (g_list_model_get_n_items (sa_hand_off_get_observations (read)), ==, 1);
  g_clear_object (&read);

  /* Shipped: the licenses are looked for; none yet. */
  set_order (fixture, SA_ORDER_STATUS_SHIPPED, "Shipped");
  check_at (fixture, day3);
  read = read_back (fixture, id);
  g_assert_cmpint (sa_hand_off_get_state (read), ==, SA_HAND_OFF_STATE_OBSERVED_PARTLY);
  g_assert_nonnull (sa_hand_off_find_observation (read, SA_OBSERVATION_ORDER_SHIPPED));
  g_assert_cmpuint (journal_test_backend_get_calls (fixture->backend, JOURNAL_TEST_LICENSES_BY_ORDER), ==, 1);
  g_clear_object (&read);
  g_assert_cmpstr (fixture->log->str, ==, "");

  /* Arrived in the chosen Smart Account and Virtual Account: confirmed,
   * and the order's status is not read again. */
  calls = journal_test_backend_get_calls (fixture->backend, JOURNAL_TEST_GET_ORDER);
  set_licenses (fixture,
                journal_test_license_new ("Catalyst 9300 DNA Essentials", DOMAIN, "Paris", ORDER, "PERPETUAL", 2),
                journal_test_license_new ("DNA Advantage", DOMAIN, "Paris", ORDER, "TERM", 10),
                NULL);
  check_at (fixture, day4);
  g_assert_cmpuint (journal_test_backend_get_calls (fixture->backend, JOURNAL_TEST_GET_ORDER), ==, calls);
  g_assert_cmpstr (fixture->log->str, ==, "confirmed:" ORDER ";");
  read = read_back (fixture, id);
  g_assert_cmpint (sa_hand_off_get_state (read), ==, SA_HAND_OFF_STATE_CONFIRMED);
  g_assert_cmpint (sa_hand_off_observation_get_quantity (sa_hand_off_find_observation (read, SA_OBSERVATION_LICENSES_ARRIVED)),
                   ==, 12);
  g_assert_cmpstr (sa_hand_off_observation_get_virtual_account (sa_hand_off_find_observation (read, SA_OBSERVATION_LICENSES_ARRIVED)),
                   ==, "Paris");
  g_assert_true (sa_hand_off_get_notices (read) & SA_HAND_OFF_NOTICE_CONFIRMED);

  /* Confirmed is closed: nothing is read for it any more, no signal again. */
  calls = journal_test_backend_get_all_calls (fixture->backend);
  check_at (fixture, day4);
  g_assert_cmpuint (journal_test_backend_get_all_calls (fixture->backend), ==, calls);
  g_assert_cmpstr (fixture->log->str, ==, "confirmed:" ORDER ";");
}

static void
test_landed_elsewhere (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GDateTime) handed = journal_test_date (2026, 11, 24);
  g_autoptr(GDateTime) later = g_date_time_add_days (handed, 5);
  g_autoptr(SaHandOff) hand_off = journal_test_assign (ORDER, DOMAIN, "Paris", NULL, handed);
  g_autoptr(SaHandOff) read = NULL;
  g_autoptr(SaLicense) where = NULL;
  SaHandOffObservation *elsewhere;
  gint64 id = add (fixture, hand_off);

  set_order (fixture, SA_ORDER_STATUS_SHIPPED, "Shipped");
  set_licenses (fixture,
                journal_test_license_new ("DNA Advantage", "northwind-holding.example", "DEFAULT", ORDER, "TERM", 10),
                NULL);
  check_at (fixture, later);

  g_assert_cmpstr (fixture->log->str, ==, "landed-elsewhere:" ORDER ";");
  g_assert_cmpuint (g_list_model_get_n_items (fixture->licenses), ==, 1);
  where = g_list_model_get_item (fixture->licenses, 0);
  g_assert_cmpstr (sa_license_get_smart_account_domain (where), ==, "northwind-holding.example");

  read = read_back (fixture, id);
  g_assert_cmpint (sa_hand_off_get_state (read), ==, SA_HAND_OFF_STATE_LANDED_ELSEWHERE);
  elsewhere = sa_hand_off_find_observation (read, SA_OBSERVATION_LICENSES_ELSEWHERE);
  g_assert_cmpstr (sa_hand_off_observation_get_domain (elsewhere), ==, "northwind-holding.example");
  g_assert_cmpstr (sa_hand_off_observation_get_virtual_account (elsewhere), ==, "DEFAULT");
  g_assert_cmpint (sa_hand_off_observation_get_quantity (elsewhere), ==, 10);
}

static void
test_pending_account (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GDateTime) handed = journal_test_date (2026, 11, 24);
  g_autoptr(GDateTime) day2 = g_date_time_add_days (handed, 1);
  g_autoptr(GDateTime) day9 = g_date_time_add_days (handed, 8);
  g_autoptr(SaHandOff) hand_off = journal_test_assign (ORDER, DOMAIN, "Paris", NULL, handed);
  g_autoptr(SaHandOff) read = NULL;
  gint64 id;

  sa_hand_off_set_account_pending (hand_off, TRUE);
  id = add (fixture, hand_off);
  set_order (fixture, SA_ORDER_STATUS_SHIPPED, "Shipped");
  /* Substring search: "acme-industrie.fr.example" must not count. */
  journal_test_backend_set_accounts (fixture->backend,
                                     journal_test_list_of (SA_TYPE_SMART_ACCOUNT,
                                                           journal_test_account_new (DOMAIN ".example", SA_ACCOUNT_STATUS_ACTIVE),
                                                           journal_test_account_new (DOMAIN, SA_ACCOUNT_STATUS_PENDING),
                                                           NULL));
  check_at (fixture, day2);

  /* Pending: noted; shipped, but no license can come yet: not read. */
  read = read_back (fixture, id);
  g_assert_true (sa_hand_off_get_account_pending (read));
  g_assert_nonnull (sa_hand_off_find_observation (read, SA_OBSERVATION_ACCOUNT_PENDING));
  g_assert_cmpint (sa_hand_off_get_state (read), ==, SA_HAND_OFF_STATE_OBSERVED_PARTLY);
  g_assert_cmpuint (journal_test_backend_get_calls (fixture->backend, JOURNAL_TEST_LICENSES_BY_ORDER), ==, 0);
  g_clear_object (&read);

  /* Active: announced once; the licenses are looked for at once. */
  journal_test_backend_set_accounts (fixture->backend,
                                     journal_test_list_of (SA_TYPE_SMART_ACCOUNT,
                                                           journal_test_account_new (DOMAIN, SA_ACCOUNT_STATUS_ACTIVE),
                                                           NULL));
  check_at (fixture, day9);
  g_assert_cmpstr (fixture->log->str, ==, "account-active:" ORDER ";");
  read = read_back (fixture, id);
  g_assert_false (sa_hand_off_get_account_pending (read));
  g_assert_nonnull (sa_hand_off_find_observation (read, SA_OBSERVATION_ACCOUNT_ACTIVE));
  g_assert_cmpuint (journal_test_backend_get_calls (fixture->backend, JOURNAL_TEST_LICENSES_BY_ORDER), ==, 1);

  /* No longer Pending: the search is not made again. */
  check_at (fixture, day9);
  g_assert_cmpuint (journal_test_backend_get_calls (fixture->backend, JOURNAL_TEST_SEARCH_ACCOUNTS), ==, 2);
  g_assert_cmpstr (fixture->log->str, ==, "account-active:" ORDER ";");
}

static void
test_order_status_unreadable (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GDateTime) handed = journal_test_date (2026, 11, 24);
  g_autoptr(GDateTime) later = g_date_time_add_days (handed, 3);
  g_autoptr(SaHandOff) hand_off = journal_test_assign (ORDER, DOMAIN, "Paris", NULL, handed);
  g_autoptr(SaHandOff) read = NULL;
  gint64 id = add (fixture, hand_off);

  /* No access to the CCW Order API: the licenses are the proof anyway. */
  journal_test_backend_set_error (fixture->backend, JOURNAL_TEST_GET_ORDER, SA_CLIENT_ERROR_NOT_AUTHORIZED, NULL);
  set_licenses (fixture,
                journal_test_license_new ("DNA Advantage", DOMAIN, "Paris", ORDER, "TERM", 10),
                NULL);
  check_at (fixture, later);
  g_assert_cmpstr (fixture->log->str, ==, "confirmed:" ORDER ";");
  read = read_back (fixture, id);
  g_assert_cmpint (sa_hand_off_get_state (read), ==, SA_HAND_OFF_STATE_CONFIRMED);
}

/* ------------------------------------------------------------------------ */
/* The double-byte Virtual Account: DEFAULT, then the transfer */

static gboolean
transfer (Fixture    *fixture,
          SaHandOff  *hand_off,
          GArray     *plan,
          GError    **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_watch_transfer_async (fixture->watch, hand_off, (SaLicenseTransfer *) plan->data, plan->len, NULL,
                           core_test_on_ready, &slot);
  result = journal_test_wait (&slot);
  return sa_watch_transfer_finish (fixture->watch, result, error);
}

static void
test_double_byte_transfer (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GDateTime) handed = journal_test_date (2026, 11, 24);
  g_autoptr(GDateTime) later = g_date_time_add_days (handed, 6);
  g_autoptr(GDateTime) after = g_date_time_add_days (handed, 7);
  g_autoptr(SaHandOff) hand_off = journal_test_assign (ORDER, DOMAIN, "DEFAULT", TOKYO, handed);
  g_autoptr(SaHandOff) read = NULL;
  g_autoptr(GArray) plan = NULL;
  g_autoptr(GError) error = NULL;
  SaHandOffObservation *done;
  gint64 id = add (fixture, hand_off);

  set_order (fixture, SA_ORDER_STATUS_SHIPPED, "Shipped");
  set_licenses (fixture,
                journal_test_license_new ("Catalyst 9300 DNA Essentials", DOMAIN, "DEFAULT", ORDER, "PERPETUAL", 2),
                journal_test_license_new ("DNA Advantage", DOMAIN, "DEFAULT", ORDER, "TERM", 10),
                journal_test_license_new ("DNA Advantage", DOMAIN, "DEFAULT", "999999", "TERM", 5),
                NULL);
  check_at (fixture, later);

  /* In DEFAULT: "transfer ready", with the licenses, once. */
  g_assert_cmpstr (fixture->log->str, ==, "transfer-ready:" ORDER ";");
  g_assert_cmpuint (g_list_model_get_n_items (fixture->licenses), ==, 2);
  read = read_back (fixture, id);
  g_assert_cmpint (sa_hand_off_get_state (read), ==, SA_HAND_OFF_STATE_OBSERVED_PARTLY);
  g_assert_cmpint (sa_hand_off_observation_get_quantity (sa_hand_off_find_observation (read, SA_OBSERVATION_LICENSES_IN_DEFAULT)),
                   ==, 12);
  check_at (fixture, later);
  g_assert_cmpstr (fixture->log->str, ==, "transfer-ready:" ORDER ";");

  /* The plan: the order's licenses only, by license and type. */
  plan = sa_watch_plan_transfer (read, fixture->licenses);
  g_assert_cmpuint (plan->len, ==, 2);
  g_assert_cmpstr (g_array_index (plan, SaLicenseTransfer, 0).license, ==, "Catalyst 9300 DNA Essentials");
  g_assert_cmpstr (g_array_index (plan, SaLicenseTransfer, 0).license_type, ==, "PERPETUAL");
  g_assert_cmpint (g_array_index (plan, SaLicenseTransfer, 0).quantity, ==, 2);
  g_assert_cmpint (g_array_index (plan, SaLicenseTransfer, 1).quantity, ==, 10);

  /* Refused by Cisco: its words are journaled, the entry has failed. */
  journal_test_backend_set_error (fixture->backend, JOURNAL_TEST_TRANSFER, SA_CLIENT_ERROR_FAILED,
                                  "Cisco refused the request: “Insufficient licenses available in the source virtual account”.");
  g_assert_false (transfer (fixture, read, plan, &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_FAILED);
  g_clear_error (&error);
  g_clear_object (&read);
  read = read_back (fixture, id);
  g_assert_cmpint (sa_hand_off_get_state (read), ==, SA_HAND_OFF_STATE_FAILED);
  g_assert_nonnull (strstr (sa_hand_off_observation_get_text (sa_hand_off_find_observation (read, SA_OBSERVATION_TRANSFER_FAILED)),
                            "Insufficient licenses available"));
  g_assert_cmpstr (journal_test_backend_get_last_transfer (fixture->backend), ==,
                   DOMAIN ": DEFAULT → " TOKYO ": Catalyst 9300 DNA Essentials/PERPETUAL/2, DNA Advantage/TERM/10");

  /* Again, accepted: journaled, followed until read back in Tokyo. */
  journal_test_backend_set_error (fixture->backend, JOURNAL_TEST_TRANSFER, -1, NULL);
  g_assert_true (transfer (fixture, read, plan, &error));
  g_assert_no_error (error);
  g_clear_object (&read);
  read = read_back (fixture, id);
  g_assert_cmpint (sa_hand_off_get_state (read), ==, SA_HAND_OFF_STATE_OBSERVED_PARTLY);
  done = sa_hand_off_find_observation (read, SA_OBSERVATION_TRANSFER_DONE);
  g_assert_cmpstr (sa_hand_off_observation_get_virtual_account (done), ==, TOKYO);
  g_assert_cmpint (sa_hand_off_observation_get_quantity (done), ==, 12);
  g_clear_object (&read);

  set_licenses (fixture,
                journal_test_license_new ("Catalyst 9300 DNA Essentials", DOMAIN, TOKYO, ORDER, "PERPETUAL", 2),
                journal_test_license_new ("DNA Advantage", DOMAIN, TOKYO, ORDER, "TERM", 10),
                NULL);
  check_at (fixture, after);
  g_assert_cmpstr (fixture->log->str, ==, "transfer-ready:" ORDER ";confirmed:" ORDER ";");
  read = read_back (fixture, id);
  g_assert_cmpint (sa_hand_off_get_state (read), ==, SA_HAND_OFF_STATE_CONFIRMED);
}

static void
test_not_a_transfer (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GDateTime) handed = journal_test_date (2026, 11, 24);
  g_autoptr(SaHandOff) hand_off = journal_test_assign (ORDER, DOMAIN, "Paris", NULL, handed);
  SaLicenseTransfer line = { (char *) "DNA Advantage", (char *) "TERM", 10 };
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* Not a hand-off with a transfer: refused before anything is sent. */
  add (fixture, hand_off);
  sa_watch_transfer_async (fixture->watch, hand_off, &line, 1, NULL, core_test_on_ready, &slot);
  result = journal_test_wait (&slot);
  g_assert_false (sa_watch_transfer_finish (fixture->watch, result, &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
  g_assert_cmpuint (journal_test_backend_get_calls (fixture->backend, JOURNAL_TEST_TRANSFER), ==, 0);
}

/* ------------------------------------------------------------------------ */
/* Procedure 3: the 90-day countdown */

static void
test_account_request_countdown (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GDateTime) handed = journal_test_date (2026, 9, 1);
  g_autoptr(GDateTime) day10 = g_date_time_add_days (handed, 10);
  g_autoptr(GDateTime) left20 = g_date_time_add_days (handed, 70);
  g_autoptr(GDateTime) left14 = g_date_time_add_days (handed, 76);
  g_autoptr(GDateTime) left10 = g_date_time_add_days (handed, 80);
  g_autoptr(GDateTime) left3 = g_date_time_add_days (handed, 87);
  g_autoptr(GDateTime) left1 = g_date_time_add_days (handed, 89);
  g_autoptr(GDateTime) day90 = g_date_time_add_days (handed, 90);
  g_autoptr(SaHandOff) request = journal_test_account_request ("trattoria-mario.example", handed);
  g_autoptr(SaHandOff) read = NULL;
  gint64 id = add (fixture, request);

  g_assert_cmpint (sa_hand_off_get_days_left (request, day10), ==, 80);
  g_assert_cmpint (sa_hand_off_get_days_left (request, left14), ==, 14);

  /* Not found yet, then Pending. */
  check_at (fixture, day10);
  read = read_back (fixture, id);
  g_assert_cmpint (sa_hand_off_get_state (read), ==, SA_HAND_OFF_STATE_HANDED_OFF);
  g_clear_object (&read);
  journal_test_backend_set_accounts (fixture->backend,
                                     journal_test_list_of (SA_TYPE_SMART_ACCOUNT,
                                                           journal_test_account_new ("trattoria-mario.example", SA_ACCOUNT_STATUS_PENDING),
                                                           NULL));
  check_at (fixture, left20);
  read = read_back (fixture, id);
  g_assert_cmpint (sa_hand_off_get_state (read), ==, SA_HAND_OFF_STATE_OBSERVED_PARTLY);
  g_assert_nonnull (sa_hand_off_find_observation (read, SA_OBSERVATION_ACCOUNT_PENDING));
  g_clear_object (&read);
  g_assert_cmpstr (fixture->log->str, ==, "");

  /* 14 days left: once. */
  check_at (fixture, left14);
  g_assert_cmpstr (fixture->log->str, ==, "expiry-near:trattoria-mario.example;");
  g_assert_cmpuint (fixture->days, ==, 14);
  check_at (fixture, left10);
  g_assert_cmpstr (fixture->log->str, ==, "expiry-near:trattoria-mario.example;");

  /* 3 days left: once. */
  check_at (fixture, left3);
  g_assert_cmpuint (fixture->days, ==, 3);
  check_at (fixture, left1);
  g_assert_cmpstr (fixture->log->str, ==,
                   "expiry-near:trattoria-mario.example;expiry-near:trattoria-mario.example;");
  read = read_back (fixture, id);
  g_assert_cmpint (sa_hand_off_observation_get_quantity (sa_hand_off_find_observation (read, SA_OBSERVATION_DAYS_LEFT)),
                   ==, 3);
  g_clear_object (&read);

  /* 90 days: expired, once, and no longer followed. */
  check_at (fixture, day90);
  g_assert_cmpstr (fixture->log->str, ==,
                   "expiry-near:trattoria-mario.example;expiry-near:trattoria-mario.example;"
                   "expired:trattoria-mario.example;");
  read = read_back (fixture, id);
  g_assert_cmpint (sa_hand_off_get_state (read), ==, SA_HAND_OFF_STATE_EXPIRED);
  g_assert_nonnull (sa_hand_off_find_observation (read, SA_OBSERVATION_EXPIRED));
  check_at (fixture, day90);
  g_assert_cmpuint (journal_test_backend_get_calls (fixture->backend, JOURNAL_TEST_SEARCH_ACCOUNTS), ==, 7);
}

static void
test_account_request_late_start (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GDateTime) handed = journal_test_date (2026, 9, 1);
  g_autoptr(GDateTime) left2 = g_date_time_add_days (handed, 88);
  g_autoptr(SaHandOff) request = journal_test_account_request ("trattoria-mario.example", handed);

  /* The app was not running at 14 days: only the nearer warning. */
  add (fixture, request);
  check_at (fixture, left2);
  g_assert_cmpstr (fixture->log->str, ==, "expiry-near:trattoria-mario.example;");
  g_assert_cmpuint (fixture->days, ==, 3);
}

static void
test_account_request_active (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GDateTime) handed = journal_test_date (2026, 9, 1);
  g_autoptr(GDateTime) left3 = g_date_time_add_days (handed, 87);
  g_autoptr(SaHandOff) request = journal_test_account_request ("trattoria-mario.example", handed);
  g_autoptr(SaHandOff) read = NULL;
  gint64 id = add (fixture, request);

  /* Accepted at the last moment: confirmed, no warning. */
  journal_test_backend_set_accounts (fixture->backend,
                                     journal_test_list_of (SA_TYPE_SMART_ACCOUNT,
                                                           journal_test_account_new ("trattoria-mario.example", SA_ACCOUNT_STATUS_ACTIVE),
                                                           NULL));
  check_at (fixture, left3);
  g_assert_cmpstr (fixture->log->str, ==, "confirmed:trattoria-mario.example;");
  read = read_back (fixture, id);
  g_assert_cmpint (sa_hand_off_get_state (read), ==, SA_HAND_OFF_STATE_CONFIRMED);
  g_assert_nonnull (sa_hand_off_find_observation (read, SA_OBSERVATION_ACCOUNT_ACTIVE));
}

/* ------------------------------------------------------------------------ */
/* Procedure 4: access, the 7-day reminder */

static void
test_access_request (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GDateTime) handed = journal_test_date (2026, 11, 2);
  g_autoptr(GDateTime) day3 = g_date_time_add_days (handed, 3);
  g_autoptr(GDateTime) day7 = g_date_time_add_days (handed, 7);
  g_autoptr(GDateTime) day8 = g_date_time_add_days (handed, 8);
  g_autoptr(GDateTime) day9 = g_date_time_add_days (handed, 9);
  g_autoptr(SaHandOff) access = journal_test_access_request (DOMAIN, handed);
  g_autoptr(SaHandOff) other = journal_test_access_request ("wework.example", handed);
  g_autoptr(SaHandOff) read = NULL;
  gint64 id = add (fixture, access);

  add (fixture, other);
  /* A role on another account, and this one without any role. */
  journal_test_backend_set_my_accounts (fixture->backend,
                                        journal_test_list_of (SA_TYPE_ACCOUNT_ACCESS,
                                                              journal_test_access_new ("northwind.example", "Smart Account User"),
                                                              journal_test_access_new (DOMAIN, NULL),
                                                              NULL));
  check_at (fixture, day3);
  g_assert_cmpstr (fixture->log->str, ==, "");
  /* One read of the user's accounts serves both hand-offs. */
  g_assert_cmpuint (journal_test_backend_get_calls (fixture->backend, JOURNAL_TEST_MY_ACCOUNTS), ==, 1);

  check_at (fixture, day7);
  g_assert_cmpstr (fixture->log->str, ==, "suggest-reminder:" DOMAIN ";suggest-reminder:wework.example;");
  check_at (fixture, day8);
  g_assert_cmpstr (fixture->log->str, ==, "suggest-reminder:" DOMAIN ";suggest-reminder:wework.example;");

  journal_test_backend_set_my_accounts (fixture->backend,
                                        journal_test_list_of (SA_TYPE_ACCOUNT_ACCESS,
                                                              journal_test_access_new (DOMAIN, "Virtual Account User"),
                                                              NULL));
  check_at (fixture, day9);
  g_assert_cmpstr (fixture->log->str, ==,
                   "suggest-reminder:" DOMAIN ";suggest-reminder:wework.example;confirmed:" DOMAIN ";");
  read = read_back (fixture, id);
  g_assert_cmpint (sa_hand_off_get_state (read), ==, SA_HAND_OFF_STATE_CONFIRMED);
  g_assert_cmpstr (sa_hand_off_observation_get_text (sa_hand_off_find_observation (read, SA_OBSERVATION_ACCESS_GRANTED)),
                   ==, "Virtual Account User");
}

/* ------------------------------------------------------------------------ */
/* Restart, schedule, network */

static void
test_restart_mid_watch (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GDateTime) handed = journal_test_date (2026, 11, 24);
  g_autoptr(GDateTime) day2 = g_date_time_add_days (handed, 1);
  g_autoptr(GDateTime) soon = g_date_time_add_seconds (day2, 60);
  g_autoptr(GDateTime) day3 = g_date_time_add_days (handed, 2);
  g_autoptr(SaHandOff) hand_off = journal_test_assign (ORDER, DOMAIN, "Paris", NULL, handed);
  g_autoptr(SaHandOff) read = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add (fixture, hand_off);

  set_order (fixture, SA_ORDER_STATUS_SHIPPED, "Shipped");
  check_at (fixture, day2);

  /* The app quits in the middle of the watch… */
  drop (&fixture->watch);
  drop (&fixture->journal);
  g_clear_object (&fixture->backend);

  /* …and starts again a minute later: nothing is due yet, nothing read. */
  fixture->journal = sa_journal_new (fixture->path);
  fixture->backend = journal_test_backend_new ("https://swapi.cisco.example/services");
  make_watch (fixture);
  g_assert_true (journal_test_open (fixture->journal, &error));
  sa_watch_set_now (fixture->watch, soon);
  sa_watch_start (fixture->watch);
  g_assert_true (journal_test_run_until (round_over, fixture->watch, 10000));
  g_assert_cmpuint (journal_test_backend_get_all_calls (fixture->backend), ==, 0);
  /* One hand-off is open: a next round is planned. */
  g_assert_true (sa_watch_get_scheduled (fixture->watch));

  /* A day later it resumes where it was: the shipped order is not read
   * again, the licenses are, and they have arrived. */
  set_licenses (fixture,
                journal_test_license_new ("DNA Advantage", DOMAIN, "Paris", ORDER, "TERM", 10),
                NULL);
  sa_watch_stop (fixture->watch);
  sa_watch_set_now (fixture->watch, day3);
  sa_watch_start (fixture->watch);
  g_assert_true (journal_test_run_until (round_over, fixture->watch, 10000));
  g_assert_cmpuint (journal_test_backend_get_calls (fixture->backend, JOURNAL_TEST_GET_ORDER), ==, 0);
  g_assert_cmpuint (journal_test_backend_get_calls (fixture->backend, JOURNAL_TEST_LICENSES_BY_ORDER), ==, 1);
  g_assert_cmpstr (fixture->log->str, ==, "confirmed:" ORDER ";");
  read = read_back (fixture, id);
  g_assert_cmpint (sa_hand_off_get_state (read), ==, SA_HAND_OFF_STATE_CONFIRMED);

  /* Nothing open any more: no timer at all. */
  g_assert_false (sa_watch_get_scheduled (fixture->watch));
}

static void
test_back_off (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GDateTime) handed = journal_test_date (2026, 11, 24);
  g_autoptr(GDateTime) later = g_date_time_add_days (handed, 1);
  g_autoptr(SaHandOff) first = journal_test_assign (ORDER, DOMAIN, "Paris", NULL, handed);
  g_autoptr(SaHandOff) second = journal_test_access_request (DOMAIN, handed);

  add (fixture, first);
  add (fixture, second);
  g_object_set (fixture->watch, "max-interval", 4 * 60 * 60 * 1000, NULL);

  /* Rate limited (or 5xx): the round stops at the first error and the next
   * waits twice as long, up to the longest wait. */
  journal_test_backend_set_error (fixture->backend, JOURNAL_TEST_GET_ORDER, SA_CLIENT_ERROR_SERVER_ERROR, NULL);
  journal_test_backend_set_error (fixture->backend, JOURNAL_TEST_MY_ACCOUNTS, SA_CLIENT_ERROR_SERVER_ERROR, NULL);
  check_at (fixture, later);
  g_assert_cmpuint (journal_test_backend_get_all_calls (fixture->backend), ==, 1);
  g_assert_cmpuint (sa_watch_get_current_interval (fixture->watch), ==, 2 * 60 * 60 * 1000);
  g_assert_true (sa_watch_get_scheduled (fixture->watch));
  check_at (fixture, later);
  g_assert_cmpuint (sa_watch_get_current_interval (fixture->watch), ==, 4 * 60 * 60 * 1000);
  check_at (fixture, later);
  g_assert_cmpuint (sa_watch_get_current_interval (fixture->watch), ==, 4 * 60 * 60 * 1000);

  /* A "not this" error skips that read only; success resets the wait. */
  journal_test_backend_set_error (fixture->backend, JOURNAL_TEST_GET_ORDER, SA_CLIENT_ERROR_ORDER_NOT_FOUND, NULL);
  journal_test_backend_set_error (fixture->backend, JOURNAL_TEST_MY_ACCOUNTS, -1, NULL);
  check_at (fixture, later);
  g_assert_cmpuint (sa_watch_get_current_interval (fixture->watch), ==, 60 * 60 * 1000);
  g_assert_cmpuint (journal_test_backend_get_calls (fixture->backend, JOURNAL_TEST_GET_ORDER), ==, 4);
  g_assert_cmpuint (journal_test_backend_get_calls (fixture->backend, JOURNAL_TEST_LICENSES_BY_ORDER), ==, 1);
  g_assert_cmpuint (journal_test_backend_get_calls (fixture->backend, JOURNAL_TEST_MY_ACCOUNTS), ==, 1);
}

static void
test_bounded_rounds (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GDateTime) handed = journal_test_date (2026, 11, 24);
  g_autoptr(GDateTime) day2 = g_date_time_add_days (handed, 1);
  g_autoptr(GDateTime) day2_later = g_date_time_add_seconds (day2, 2 * 60 * 60);

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *domain = g_strdup_printf ("customer-%u.example", i);
      g_autoptr(SaHandOff) request = journal_test_account_request (domain, handed);

      add (fixture, request);
    }

  /* Two calls a round: two requests checked, the others next time, least
   * recently checked first. */
  g_object_set (fixture->watch, "max-calls", 2, NULL);
  sa_watch_set_now (fixture->watch, day2);
  sa_watch_start (fixture->watch);
  g_assert_true (journal_test_run_until (round_over, fixture->watch, 10000));
  g_assert_cmpuint (journal_test_backend_get_all_calls (fixture->backend), ==, 2);

  sa_watch_stop (fixture->watch);
  sa_watch_set_now (fixture->watch, day2_later);
  sa_watch_start (fixture->watch);
  g_assert_true (journal_test_run_until (round_over, fixture->watch, 10000));
  g_assert_cmpuint (journal_test_backend_get_all_calls (fixture->backend), ==, 4);

  sa_watch_stop (fixture->watch);
  sa_watch_start (fixture->watch);
  g_assert_true (journal_test_run_until (round_over, fixture->watch, 10000));
  g_assert_cmpuint (journal_test_backend_get_all_calls (fixture->backend), ==, 6);
  g_assert_cmpuint (journal_test_backend_get_calls (fixture->backend, JOURNAL_TEST_SEARCH_ACCOUNTS), ==, 6);
}

static void
test_offline (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GDateTime) handed = journal_test_date (2026, 11, 24);
  g_autoptr(GDateTime) later = g_date_time_add_days (handed, 1);
  g_autoptr(SaHandOff) access = journal_test_access_request (DOMAIN, handed);
  gboolean paused;

  add (fixture, access);
  sa_watch_set_now (fixture->watch, later);

  /* Offline (and Cisco is not on this computer): nothing is read. */
  core_test_network_set_available (fixture->network, FALSE);
  g_object_get (fixture->watch, "paused", &paused, NULL);
  g_assert_true (paused);
  sa_watch_start (fixture->watch);
  sa_watch_check_now (fixture->watch);
  core_test_sleep (50);
  g_assert_false (sa_watch_get_in_round (fixture->watch));
  g_assert_false (sa_watch_get_scheduled (fixture->watch));
  g_assert_cmpuint (journal_test_backend_get_all_calls (fixture->backend), ==, 0);

  /* Back online: a round at once. */
  core_test_network_set_available (fixture->network, TRUE);
  g_assert_true (journal_test_run_until (round_over, fixture->watch, 10000));
  g_assert_cmpuint (journal_test_backend_get_calls (fixture->backend, JOURNAL_TEST_MY_ACCOUNTS), ==, 1);
}

static void
test_offline_loopback (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GDateTime) handed = journal_test_date (2026, 11, 24);
  g_autoptr(GDateTime) later = g_date_time_add_days (handed, 1);
  g_autoptr(SaHandOff) access = journal_test_access_request (DOMAIN, handed);
  gboolean paused;

  /* Cisco (practice): the sandbox is on this computer, offline is fine. */
  add (fixture, access);
  core_test_network_set_available (fixture->network, FALSE);
  g_object_get (fixture->watch, "paused", &paused, NULL);
  g_assert_false (paused);
  check_at (fixture, later);
  g_assert_cmpuint (journal_test_backend_get_calls (fixture->backend, JOURNAL_TEST_MY_ACCOUNTS), ==, 1);
}

static void
test_removed_and_idle (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GDateTime) handed = journal_test_date (2026, 11, 24);
  g_autoptr(GDateTime) later = g_date_time_add_days (handed, 1);
  g_autoptr(SaHandOff) access = journal_test_access_request (DOMAIN, handed);
  g_autoptr(SaHandOff) draft = journal_test_access_request ("wework.example", NULL);
  g_autoptr(GError) error = NULL;

  sa_hand_off_set_state (draft, SA_HAND_OFF_STATE_DRAFT);
  add (fixture, draft);

  /* Only a draft: nothing to follow, no timer. */
  sa_watch_set_now (fixture->watch, later);
  sa_watch_start (fixture->watch);
  g_assert_true (journal_test_run_until (round_over, fixture->watch, 10000));
  g_assert_false (sa_watch_get_scheduled (fixture->watch));
  g_assert_cmpuint (journal_test_backend_get_all_calls (fixture->backend), ==, 0);

  /* A hand-off added wakes it: the next round is planned. */
  add (fixture, access);
  g_assert_true (sa_watch_get_scheduled (fixture->watch));

  /* Removed by the user: no longer read. */
  journal_test_remove (fixture->journal, access, &error);
  g_assert_no_error (error);
  check_at (fixture, later);
  g_assert_cmpuint (journal_test_backend_get_all_calls (fixture->backend), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  core_test_init_l10n ("en");

#define ADD(path, func, uri) \
  g_test_add (path, Fixture, uri, fixture_set_up, func, fixture_tear_down)

  ADD ("/watch/assign/confirmed", test_assign_confirmed, NULL);
  ADD ("/watch/assign/landed-elsewhere", test_landed_elsewhere, NULL);
  ADD ("/watch/assign/pending-account", test_pending_account, NULL);
  ADD ("/watch/assign/order-status-unreadable", test_order_status_unreadable, NULL);
  ADD ("/watch/double-byte/transfer", test_double_byte_transfer, NULL);
  ADD ("/watch/double-byte/not-a-transfer", test_not_a_transfer, NULL);
  ADD ("/watch/account-request/countdown", test_account_request_countdown, NULL);
  ADD ("/watch/account-request/late-start", test_account_request_late_start, NULL);
  ADD ("/watch/account-request/active", test_account_request_active, NULL);
  ADD ("/watch/access-request/reminder", test_access_request, NULL);
  ADD ("/watch/restart-mid-watch", test_restart_mid_watch, NULL);
  ADD ("/watch/back-off", test_back_off, NULL);
  ADD ("/watch/bounded-rounds", test_bounded_rounds, NULL);
  ADD ("/watch/offline", test_offline, NULL);
  ADD ("/watch/offline-loopback", test_offline_loopback, "http://127.0.0.1:8080/services");
  ADD ("/watch/removed-and-idle", test_removed_and_idle, NULL);

  return g_test_run ();
}
