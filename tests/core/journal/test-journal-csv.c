/* test-journal-csv.c — the journal exported as CSV for a partner's records:
 * RFC 4180 quoting, UTF-8, CRLF, the formula guard, headers in the UI
 * language, the file written by sa_journal_export_csv_async()
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "journal-test-util.h"

/* An RFC 4180 reader, strict: records end with CRLF, quoted fields double
 * their quotes. Returns the records, each a GStrv. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; !(p[0] == '"' && p[1] != '"'); p++)
            {
              g_assert_true (*p != '\0');
              if (p[0] == '"')
                p++;
              g_string_append_c (field, *p);
            }
          p++;
        }
      else
        for (; *p != ',' && *p != '\r' && *p != '\0'; p++)
          {
            g_assert_true (*p != '"' && *p != '\n');
            g_string_append_c (field, *p);
          }

      g_ptr_array_add (fields, g_strdup (field->str));
      g_string_truncate (field, 0);

      if (*p == ',')
        p++;
      else
        {
          g_assert_true (p[0] == '\r' && p[1] == '\n');
          p += 2;
          g_ptr_array_add (fields, NULL);
          g_ptr_array_add (records, g_ptr_array_steal (fields, NULL));
        }
    }

  return records;
}

static GListModel *
sample (void)
{
  g_autoptr(GDateTime) when = journal_test_date (2026, 11, 24);
  g_autoptr(GListStore) store = g_list_store_new (SA_TYPE_HAND_OFF);
  g_autoptr(SaHandOff) assign = journal_test_assign ("104857601", "acme-industrie.fr", "DEFAULT", "東京支社", when);
  g_autoptr(SaHandOff) request = journal_test_account_request ("trattoria-mario.example", when);
  g_autoptr(SaHandOffObservation) status = sa_hand_off_observation_new_full (SA_OBSERVATION_ORDER_STATUS, when,
                                                                             NULL, NULL, 0, "Booked");
  g_autoptr(SaHandOffObservation) arrived =
    sa_hand_off_observation_new_full (SA_OBSERVATION_LICENSES_IN_DEFAULT, when, "acme-industrie.fr",
                                      "DEFAULT", 12, "Catalyst 9300 DNA Essentials");

  sa_hand_off_add_observation (assign, status);
  sa_hand_off_add_observation (assign, arrived);
  sa_hand_off_set_field (assign, SA_HAND_OFF_FIELD_ACCOUNT_NAME, "Acme \"Industrie\", SA");
  sa_hand_off_set_field (request, SA_HAND_OFF_FIELD_NOTE_TO_CUSTOMER, "=HYPERLINK(\"http://evil.example\")");
  sa_hand_off_set_field (request, SA_HAND_OFF_FIELD_NOTE_TO_USERS, "-1 line\r\nnext");
  g_list_store_append (store, assign);
  g_list_store_append (store, request);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

static void
test_format (void)
{
  g_autoptr(GListModel) hand_offs = sample ();
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) records = NULL;
  char **header;
  char **assign;
  char **request;

  core_test_set_language ("en");
  csv = sa_journal_format_csv (hand_offs);

  g_assert_true (g_utf8_validate (csv, -1, NULL));
  g_assert_false (g_str_has_prefix (csv, "\xef\xbb\xbf"));
  g_assert_true (g_str_has_prefix (csv, "Entry,Procedure,State,Order or Domain,Smart Account Type,"
                                        "Domain Identifier,Account Name,Virtual Account,"
                                        "Intended Virtual Account,Customer Email,Note to Customer,"
                                        "Note to Added Users,Reason for request,Smart Account ID,"
                                        "User Emails,Created,Done in the Portal,Last Checked,"
                                        "Observations\r\n"));
  /* Quotes doubled inside a quoted field. */
  g_assert_nonnull (strstr (csv, ",\"Acme \"\"Industrie\"\", SA\","));

  records = parse_csv (csv);
  g_assert_cmpuint (records->len, ==, 3);
  header = g_ptr_array_index (records, 0);
  assign = g_ptr_array_index (records, 1);
  request = g_ptr_array_index (records, 2);
  g_assert_cmpuint (g_strv_length (header), ==, 19);
  g_assert_cmpuint (g_strv_length (assign), ==, 19);
  g_assert_cmpuint (g_strv_length (request), ==, 19);

  g_assert_cmpstr (assign[1], ==, "Assign an Order");
  g_assert_cmpstr (assign[2], ==, "Done in the portal");
  g_assert_cmpstr (assign[3], ==, "104857601");
  g_assert_cmpstr (assign[4], ==, "End Customer");
  g_assert_cmpstr (assign[5], ==, "acme-industrie.fr");
  g_assert_cmpstr (assign[6], ==, "Acme \"Industrie\", SA");
  g_assert_cmpstr (assign[7], ==, "DEFAULT");
  g_assert_cmpstr (assign[8], ==, "東京支社");
  g_assert_cmpstr (assign[16], ==, "2026-11-24T09:00:00Z");
  g_assert_cmpstr (assign[18], ==,
                   "2026-11-24T09:00:00Z Order status: Booked.\n"
                   "2026-11-24T09:00:00Z 12 licenses arrived in acme-industrie.fr, Virtual Account DEFAULT, "
                   "and can be transferred to the intended Virtual Account.");

  g_assert_cmpstr (request[1], ==, "Request a Smart Account");
  g_assert_cmpstr (request[4], ==, "");
  g_assert_cmpstr (request[14], ==, "paolo@trattoria-mario.example\nanna@trattoria-mario.example");
  /* What a spreadsheet would run as a formula is defused. */
  g_assert_cmpstr (request[10], ==, "'=HYPERLINK(\"http://evil.example\")");
  g_assert_cmpstr (request[11], ==, "'-1 line\r\nnext");
  g_assert_cmpstr (request[17], ==, "");
}

static void
test_format_translated (void)
{
  g_autoptr(GListModel) hand_offs = sample ();
  g_autofree char *french = NULL;
  g_autofree char *italian = NULL;

  core_test_set_language ("fr");
  french = sa_journal_format_csv (hand_offs);
  g_assert_true (g_str_has_prefix (french, "Entrée,Procédure,État,Commande ou domaine,"));
  g_assert_nonnull (strstr (french, "Identificateur de domaine"));
  g_assert_nonnull (strstr (french, "Statut de la commande : Booked."));

  core_test_set_language ("it");
  italian = sa_journal_format_csv (hand_offs);
  g_assert_true (g_str_has_prefix (italian, "Voce,Procedura,Stato,Ordine o dominio,"));
  g_assert_nonnull (strstr (italian, "Identificatore di dominio"));
  g_assert_nonnull (strstr (italian, "Stato dell'ordine: Booked."));

  core_test_set_language ("en");
}

static void
test_export (void)
{
  g_autofree char *dir = journal_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "journal.sqlite3", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "journal.csv", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "missing", "journal.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(SaJournal) journal = sa_journal_new (path);
  g_autoptr(GListModel) hand_offs = sample ();
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  GAsyncResult *slot = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (hand_offs); i++)
    {
      g_autoptr(SaHandOff) hand_off = g_list_model_get_item (hand_offs, i);

      journal_test_add (journal, hand_off, &error);
      g_assert_no_error (error);
    }

  sa_journal_export_csv_async (journal, file, NULL, core_test_on_ready, &slot);
  result = journal_test_wait (&slot);
  g_assert_true (sa_journal_export_csv_finish (journal, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  /* The file holds the journal as sa_journal_format_csv() writes it. */
  listed = journal_test_list (journal, &error);
  expected = sa_journal_format_csv (listed);
  g_file_get_contents (csv_path, &written, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, expected);
  g_assert_true (g_str_has_prefix (written, "Entry,"));
  g_assert_nonnull (strstr (written, "\r\n1,Assign an Order,"));

  /* A folder that does not exist. */
  sa_journal_export_csv_async (journal, bad, NULL, core_test_on_ready, &slot);
  result = journal_test_wait (&slot);
  g_assert_false (sa_journal_export_csv_finish (journal, result, &error));
  g_assert_error (error, SA_JOURNAL_ERROR, SA_JOURNAL_ERROR_EXPORT_FAILED);
  g_assert_nonnull (strstr (error->message, "journal.csv"));

  g_clear_object (&journal);
  core_test_sleep (50);
  g_remove (csv_path);
  journal_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  core_test_init_l10n ("en");

  g_test_add_func ("/journal/csv/format", test_format);
  g_test_add_func ("/journal/csv/format-translated", test_format_translated);
  g_test_add_func ("/journal/csv/export", test_export);

  return g_test_run ();
}
