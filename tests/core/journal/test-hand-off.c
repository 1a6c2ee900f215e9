/* test-hand-off.c — the hand-off and its observations as domain objects:
 * fields, validation per procedure, the hand-off date, the 90-day count,
 * copies, names kept in the journal, labels and summaries in three languages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "journal-test-util.h"

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  g_string_append_printf (user_data, "%s;", pspec->name);
}

static void
test_fields (void)
{
  g_autoptr(SaHandOff) access = sa_hand_off_new (SA_HAND_OFF_REQUEST_ACCESS, "  acme-industrie.fr ");
  g_autoptr(SaHandOff) assign = sa_hand_off_new (SA_HAND_OFF_CHANGE_ASSIGNMENT, "104857601");
  g_autoptr(GString) notified = g_string_new (NULL);
  const char * const emails[] = { "a@example.com", NULL };
  const char * const none[] = { NULL };
  g_autofree char *domain = NULL;

  g_assert_cmpstr (sa_hand_off_get_subject (access), ==, "acme-industrie.fr");
  g_assert_cmpstr (sa_hand_off_get_field (access, SA_HAND_OFF_FIELD_DOMAIN), ==, "acme-industrie.fr");
  g_assert_null (sa_hand_off_get_order_number (access));
  g_assert_cmpstr (sa_hand_off_get_order_number (assign), ==, "104857601");
  g_assert_null (sa_hand_off_get_field (assign, SA_HAND_OFF_FIELD_DOMAIN));
  g_assert_cmpint (sa_hand_off_get_id (assign), ==, 0);
  g_assert_cmpint (sa_hand_off_get_state (assign), ==, SA_HAND_OFF_STATE_DRAFT);
  g_assert_nonnull (sa_hand_off_get_created (assign));
  g_assert_null (sa_hand_off_get_handed_off (assign));

  g_signal_connect (assign, "notify", G_CALLBACK (on_notify), notified);
  sa_hand_off_set_field (assign, SA_HAND_OFF_FIELD_DOMAIN, "acme-industrie.fr");
  sa_hand_off_set_field (assign, SA_HAND_OFF_FIELD_DOMAIN, "acme-industrie.fr");
  sa_hand_off_set_field (assign, SA_HAND_OFF_FIELD_REASON, "");
  sa_hand_off_set_slot (assign, SA_HAND_OFF_SLOT_HOLDING);
  sa_hand_off_set_user_emails (assign, emails);
  sa_hand_off_set_user_emails (assign, emails);
  g_assert_cmpstr (notified->str, ==, "domain;slot;user-emails;");
  g_assert_null (sa_hand_off_get_field (assign, SA_HAND_OFF_FIELD_REASON));
  sa_hand_off_set_user_emails (assign, none);
  g_assert_null (sa_hand_off_get_user_emails (assign));

  /* The fields are properties too, for bindings. */
  g_object_get (assign, "domain", &domain, NULL);
  g_assert_cmpstr (domain, ==, "acme-industrie.fr");
  g_object_set (assign, "intended-virtual-account", "東京支社", "virtual-account", "DEFAULT", NULL);
  g_assert_true (sa_hand_off_needs_transfer (assign));
  sa_hand_off_set_field (assign, SA_HAND_OFF_FIELD_INTENDED_VIRTUAL_ACCOUNT, "DEFAULT");
  g_assert_false (sa_hand_off_needs_transfer (assign));
}

static void
test_validate (void)
{
  g_autoptr(SaHandOff) request = sa_hand_off_new (SA_HAND_OFF_REQUEST_SMART_ACCOUNT, "trattoria-mario.example");
  g_autoptr(SaHandOff) access = sa_hand_off_new (SA_HAND_OFF_REQUEST_ACCESS, "trattoria-mario.example");
  g_autoptr(SaHandOff) assign = sa_hand_off_new (SA_HAND_OFF_ASSIGN_ORDER, "104857601");
  g_autoptr(GError) error = NULL;

  g_assert_true (sa_hand_off_validate (access, &error));
  g_assert_false (sa_hand_off_validate (request, &error));
  g_assert_error (error, SA_JOURNAL_ERROR, SA_JOURNAL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Account Name"));
  g_clear_error (&error);
  sa_hand_off_set_field (request, SA_HAND_OFF_FIELD_ACCOUNT_NAME, "Trattoria Da Mario");
  g_assert_false (sa_hand_off_validate (request, &error));
  g_assert_nonnull (strstr (error->message, "Customer Email"));
  g_clear_error (&error);
  sa_hand_off_set_field (request, SA_HAND_OFF_FIELD_CUSTOMER_EMAIL, "mario@trattoria-mario.example");
  g_assert_true (sa_hand_off_validate (request, &error));

  g_assert_false (sa_hand_off_validate (assign, &error));
  g_assert_nonnull (strstr (error->message, "End Customer or the Holding"));
  g_clear_error (&error);
  sa_hand_off_set_slot (assign, SA_HAND_OFF_SLOT_END_CUSTOMER);
  sa_hand_off_set_field (assign, SA_HAND_OFF_FIELD_DOMAIN, "acme-industrie.fr");
  sa_hand_off_set_field (assign, SA_HAND_OFF_FIELD_VIRTUAL_ACCOUNT, "   ");
  g_assert_false (sa_hand_off_validate (assign, &error));
  g_assert_nonnull (strstr (error->message, "Virtual Account"));
  g_clear_error (&error);
  sa_hand_off_set_field (assign, SA_HAND_OFF_FIELD_VIRTUAL_ACCOUNT, "Paris");
  g_assert_true (sa_hand_off_validate (assign, NULL));
}

static void
test_dates (void)
{
  g_autoptr(SaHandOff) request = sa_hand_off_new (SA_HAND_OFF_REQUEST_SMART_ACCOUNT, "trattoria-mario.example");
  g_autoptr(SaHandOff) access = sa_hand_off_new (SA_HAND_OFF_REQUEST_ACCESS, "trattoria-mario.example");
  g_autoptr(GDateTime) handed = journal_test_date (2026, 9, 1);
  g_autoptr(GDateTime) expiry = NULL;
  g_autoptr(GDateTime) almost = NULL;
  g_autoptr(GDateTime) stamped = NULL;

  /* "Done in the Portal" stamps the hand-off date once. */
  sa_hand_off_set_state (access, SA_HAND_OFF_STATE_HANDED_OFF);
  g_assert_nonnull (sa_hand_off_get_handed_off (access));
  stamped = g_date_time_ref (sa_hand_off_get_handed_off (access));
  sa_hand_off_set_state (access, SA_HAND_OFF_STATE_OBSERVED_PARTLY);
  g_assert_true (g_date_time_equal (stamped, sa_hand_off_get_handed_off (access)));
  g_assert_null (sa_hand_off_dup_expiry (access));
  g_assert_cmpint (sa_hand_off_get_days_left (access, handed), ==, -1);

  sa_hand_off_set_handed_off (request, handed);
  expiry = sa_hand_off_dup_expiry (request);
  g_assert_cmpint (g_date_time_get_month (expiry), ==, 11);
  g_assert_cmpint (g_date_time_get_day_of_month (expiry), ==, 30);
  g_assert_cmpint (sa_hand_off_get_days_left (request, handed), ==, 90);
  almost = g_date_time_add_minutes (expiry, -1);
  g_assert_cmpint (sa_hand_off_get_days_left (request, almost), ==, 1);
  g_assert_cmpint (sa_hand_off_get_days_left (request, expiry), ==, 0);
}

static void
test_copy_and_names (void)
{
  g_autoptr(GDateTime) handed = journal_test_date (2026, 11, 24);
  g_autoptr(SaHandOff) hand_off = journal_test_assign ("104857601", "acme-industrie.fr", "DEFAULT", "東京支社", handed);
  g_autoptr(SaHandOffObservation) seen = sa_hand_off_observation_new_full (SA_OBSERVATION_LICENSES_IN_DEFAULT, handed,
                                                                           "acme-industrie.fr", "DEFAULT", 12, "DNA");
  g_autoptr(SaHandOff) copy = NULL;
  g_autoptr(SaHandOffObservation) copied = NULL;
  SaHandOffProcedure procedure;
  SaHandOffState state;
  SaObservationKind kind;

  sa_hand_off_add_observation (hand_off, seen);
  sa_hand_off_add_notice (hand_off, SA_HAND_OFF_NOTICE_TRANSFER_READY);
  copy = sa_hand_off_copy (hand_off);
  g_assert_cmpstr (sa_hand_off_get_field (copy, SA_HAND_OFF_FIELD_INTENDED_VIRTUAL_ACCOUNT), ==, "東京支社");
  g_assert_cmpint (sa_hand_off_get_state (copy), ==, SA_HAND_OFF_STATE_HANDED_OFF);
  g_assert_cmpuint (sa_hand_off_get_notices (copy), ==, SA_HAND_OFF_NOTICE_TRANSFER_READY);
  g_assert_true (g_date_time_equal (sa_hand_off_get_handed_off (copy), handed));
  copied = g_list_model_get_item (sa_hand_off_get_observations (copy), 0);
  g_assert_true (copied != seen);
  g_assert_cmpint (sa_hand_off_observation_get_quantity (copied), ==, 12);

  /* Names kept in the journal. */
  g_assert_cmpstr (sa_hand_off_procedure_to_string (SA_HAND_OFF_REQUEST_SMART_ACCOUNT), ==, "request-smart-account");
  g_assert_true (sa_hand_off_procedure_from_string ("license-transfer", &procedure));
  g_assert_cmpint (procedure, ==, SA_HAND_OFF_LICENSE_TRANSFER);
  g_assert_false (sa_hand_off_procedure_from_string ("teleport", &procedure));
  g_assert_cmpstr (sa_hand_off_state_to_string (SA_HAND_OFF_STATE_LANDED_ELSEWHERE), ==, "landed-elsewhere");
  g_assert_true (sa_hand_off_state_from_string ("observed-partly", &state));
  g_assert_cmpint (state, ==, SA_HAND_OFF_STATE_OBSERVED_PARTLY);
  g_assert_false (sa_hand_off_state_from_string (NULL, &state));
  g_assert_cmpstr (sa_observation_kind_to_string (SA_OBSERVATION_TRANSFER_DONE), ==, "transfer-done");
  g_assert_true (sa_observation_kind_from_string ("days-left", &kind));
  g_assert_cmpint (kind, ==, SA_OBSERVATION_DAYS_LEFT);
}

static char *
summary (SaObservationKind  kind,
         gint64             quantity,
         const char        *text)
{
  g_autoptr(GDateTime) when = journal_test_date (2026, 11, 24);
  g_autoptr(SaHandOffObservation) observation =
    sa_hand_off_observation_new_full (kind, when, "acme-industrie.fr", "東京支社", quantity, text);

  return sa_hand_off_observation_dup_summary (observation);
}

static void
test_translated (void)
{
  static const struct {
    const char *language;
    const char *procedure;
    const char *state;
    const char *arrived_one;
    const char *arrived_many;
    const char *reminder;
  } expected[] = {
    { "en", "Request Access to an Existing Smart Account", "Landed elsewhere",
      "1 license arrived in acme-industrie.fr, Virtual Account 東京支社.",
      "12 licenses arrived in acme-industrie.fr, Virtual Account 東京支社.",
      "No answer after 7 days" },
    { "fr", "Demander l'accès à un compte Smart existant", "Arrivé ailleurs",
      "1 licence est arrivée dans acme-industrie.fr, compte virtuel 東京支社.",
      "12 licences sont arrivées dans acme-industrie.fr, compte virtuel 東京支社.",
      "Pas de réponse après 7 jours" },
    { "it", "Richiedi l'accesso a uno Smart Account esistente", "Arrivato altrove",
      "1 licenza è arrivata in acme-industrie.fr, account virtuale 東京支社.",
      "12 licenze sono arrivate in acme-industrie.fr, account virtuale 東京支社.",
      "Nessuna risposta dopo 7 giorni" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *one = NULL;
      g_autofree char *many = NULL;
      g_autofree char *reminder = NULL;

      core_test_set_language (expected[i].language);
      one = summary (SA_OBSERVATION_LICENSES_ARRIVED, 1, NULL);
      many = summary (SA_OBSERVATION_LICENSES_ARRIVED, 12, NULL);
      reminder = summary (SA_OBSERVATION_REMINDER_SUGGESTED, 0, NULL);

      g_assert_cmpstr (sa_hand_off_procedure_get_label (SA_HAND_OFF_REQUEST_ACCESS), ==, expected[i].procedure);
      g_assert_cmpstr (sa_hand_off_state_get_label (SA_HAND_OFF_STATE_LANDED_ELSEWHERE), ==, expected[i].state);
      g_assert_cmpstr (one, ==, expected[i].arrived_one);
      g_assert_cmpstr (many, ==, expected[i].arrived_many);
      g_assert_true (g_str_has_prefix (reminder, expected[i].reminder));

      /* Every label and summary exists in each language. */
      for (int p = SA_HAND_OFF_ASSIGN_ORDER; p <= SA_HAND_OFF_LICENSE_TRANSFER; p++)
        g_assert_cmpstr (sa_hand_off_procedure_get_label (p), !=, "");
      for (int s = SA_HAND_OFF_STATE_DRAFT; s <= SA_HAND_OFF_STATE_REMOVED; s++)
        g_assert_cmpstr (sa_hand_off_state_get_label (s), !=, "");
      for (int f = 0; f < SA_HAND_OFF_N_FIELDS; f++)
        g_assert_cmpstr (sa_hand_off_field_get_label (f), !=, "");
      for (int k = SA_OBSERVATION_ORDER_STATUS; k <= SA_OBSERVATION_REMINDER_SUGGESTED; k++)
        {
          g_autofree char *text = summary (k, 3, "Booked");

          g_assert_cmpuint (strlen (text), >, 10);
        }
    }
  core_test_set_language ("en");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  core_test_init_l10n ("en");

  g_test_add_func ("/hand-off/fields", test_fields);
  g_test_add_func ("/hand-off/validate", test_validate);
  g_test_add_func ("/hand-off/dates", test_dates);
  g_test_add_func ("/hand-off/copy-and-names", test_copy_and_names);
  g_test_add_func ("/hand-off/translated", test_translated);

  return g_test_run ();
}
