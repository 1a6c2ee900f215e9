/* test-sandbox-training.c — the trainer's controls over loopback: the
 * sandbox clock and POST /sandbox/reset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sandbox-test-util.h"

static void
test_clock (SbtFixture    *f,
            gconstpointer  data)
{
  static const char *const bad_400[] = {
    "{}", "{\"advanceDays\": 1, \"now\": \"2030-01-01T00:00:00Z\"}", "{\"advanceDays\": \"1\"}",
    "{\"advanceDays\": 1.5}", "{\"now\": 5}", "[]", "not json",
  };
  static const char *const bad_422[] = {
    "{\"advanceDays\": -1}", "{\"advanceDays\": 3651}", "{\"advanceDays\": 99999999999999}",
    "{\"now\": \"yesterday\"}", "{\"now\": \"1900-01-01T00:00:00Z\"}", "{\"now\": \"\"}",
  };
  gint64 start = sbt_clock_now (f);
  gint64 real = g_get_real_time () / G_USEC_PER_SEC;
  guint status, i;

  g_assert_cmpint (ABS (start - real), <, 60);

  sbt_advance_clock (f, 0);
  sbt_advance_clock (f, 10);
  g_assert_cmpint (sbt_clock_now (f) - start, >=, 10 * 24 * 3600);
  g_assert_cmpint (sbt_clock_now (f) - start, <, 10 * 24 * 3600 + 60);

  {
    g_autoptr(JsonNode) node = sbt_fixture_call (f, "POST", "/sandbox/clock",
                                                 "{\"now\": \"2031-05-06T07:08:09+02:00\"}", &status);

    g_assert_cmpuint (status, ==, 200);
    g_assert_cmpstr (sbt_get_string (node, "now"), ==, "2031-05-06T05:08:09Z");
  }

  for (i = 0; i < G_N_ELEMENTS (bad_400); i++)
    sbt_assert_refused (f, "POST", "/sandbox/clock", bad_400[i], 400, "INVALID_REQUEST");
  for (i = 0; i < G_N_ELEMENTS (bad_422); i++)
    sbt_assert_refused (f, "POST", "/sandbox/clock", bad_422[i], 422, "VALIDATION_FAILED");

  /* unchanged by the refused ones */
  {
    g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (sbt_clock_now (f));

    g_assert_cmpint (g_date_time_get_year (dt), ==, 2031);
  }

  /* reset puts the clock back to the real time */
  {
    g_autoptr(JsonNode) node = sbt_fixture_call (f, "POST", "/sandbox/reset", NULL, &status);

    g_assert_cmpuint (status, ==, 200);
    g_assert_cmpint (ABS (sbt_clock_now (f) - g_get_real_time () / G_USEC_PER_SEC), <, 60);
  }
}

static void
test_reset (SbtFixture    *f,
            gconstpointer  data)
{
  g_autoptr(JsonNode) a = sbt_create_trattoria (f);
  g_autoptr(JsonNode) b = NULL;
  g_autoptr(JsonNode) reset = NULL;
  guint status;

  b = sbt_request_access (f, DOMAIN_RESTRICTED, NULL, &status);
  g_assert_cmpuint (status, ==, 201);
  sbt_advance_clock (f, 30);

  reset = sbt_fixture_call (f, "POST", "/sandbox/reset", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpuint (sbt_count_list (f, "/v1/account-requests", "accountRequests"), ==, N_ACCOUNT_REQUESTS);
  g_assert_cmpuint (sbt_count_list (f, "/v1/access-requests", "accessRequests"), ==, N_ACCESS_REQUESTS);
  g_assert_cmpuint (sbt_count_search (f, "domain=trattoria"), ==, 0);
  g_assert_cmpint (ABS (sbt_clock_now (f) - g_get_real_time () / G_USEC_PER_SEC), <, 60);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SBT_ADD ("training/clock", test_clock);
  SBT_ADD ("training/reset", test_reset);

  return g_test_run ();
}
